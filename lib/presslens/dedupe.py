"""Find exact and near-duplicate articles (the same wire story on two sites).

Exact duplicates share the same text after case and white-space folding. Near duplicates share at
least `threshold` of their word 5-shingles (Jaccard similarity); candidates are found with MinHash
and locality-sensitive hashing so the cost grows linearly with the corpus, then every candidate
pair is confirmed with the exact Jaccard similarity. Of a group of copies the first by
publication date (undated last), then by article id, is the original; the others are marked
``duplicate`` with ``duplicate_of`` naming it.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_PRIME = np.uint64((1 << 61) - 1)
_N_PERM, _BANDS = 64, 16


def fingerprint(text: str) -> str:
    """sha1 of the text with case and white space folded (equal for exact duplicates)."""
    return hashlib.sha1(" ".join(_TOKEN.findall(text.lower())).encode()).hexdigest()


def shingles(text: str, *, k: int = 5) -> set[int]:
    """Stable 64-bit hashes of the word k-shingles of a text."""
    toks = _TOKEN.findall(text.lower())
    grams = [" ".join(toks[i : i + k]) for i in range(max(1, len(toks) - k + 1))] if toks else []
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams}


def jaccard(a: set[int], b: set[int]) -> float:
    """Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _minhash(sh: set[int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh)) % _PRIME
    return ((np.outer(x, a) + b) % _PRIME).min(axis=0)


def mark_duplicates(articles: pd.DataFrame, *, threshold: float = 0.8) -> pd.DataFrame:
    """Set status 'duplicate', duplicate_of and similarity on copies among articles with status ok."""
    out = articles.copy()
    out["duplicate_of"] = pd.Series([None] * len(out), index=out.index, dtype="object")
    out["similarity"] = np.nan
    ok = out[out["status"] == "ok"].copy()
    ok["_undated"] = ok["published"].isna()
    order = ok.sort_values(["_undated", "published", "article_id"], na_position="last").index
    rng = np.random.default_rng(20240601)
    a = rng.integers(1, int(_PRIME), size=_N_PERM, dtype=np.uint64)
    b = rng.integers(0, int(_PRIME), size=_N_PERM, dtype=np.uint64)
    seen_exact: dict[str, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    kept_shingles: dict[int, set[int]] = {}
    rows = len(a) // _BANDS
    pos = {idx: i for i, idx in enumerate(order)}
    for idx in order:
        text = out.at[idx, "text"]
        fp = fingerprint(text)
        if fp in seen_exact:
            out.loc[idx, ["status", "duplicate_of", "similarity"]] = ["duplicate", out.at[seen_exact[fp], "article_id"], 1.0]
            out.at[idx, "reason"] = "exact duplicate of " + out.at[seen_exact[fp], "article_id"]
            continue
        seen_exact[fp] = idx
        sh = shingles(text)
        if not sh:
            continue
        sig = _minhash(sh, a, b)
        keys = [(band, sig[band * rows : (band + 1) * rows].tobytes()) for band in range(_BANDS)]
        candidates = {j for key in keys for j in buckets.get(key, [])}
        scored = sorted((-jaccard(sh, kept_shingles[j]), pos[j], j) for j in candidates)
        best = (-scored[0][0], scored[0][2]) if scored else (0.0, None)
        if best[1] is not None and best[0] >= threshold:
            orig = out.at[best[1], "article_id"]
            out.loc[idx, ["status", "duplicate_of", "similarity"]] = ["duplicate", orig, round(best[0], 4)]
            out.at[idx, "reason"] = f"near duplicate of {orig} ({best[0]:.0%} of word 5-grams shared)"
            continue
        kept_shingles[idx] = sh
        for key in keys:
            buckets.setdefault(key, []).append(idx)
    return out
