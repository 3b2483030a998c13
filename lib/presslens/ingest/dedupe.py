"""Find exact and near-duplicate articles (the same wire story on two sites).

Exact duplicates share the same text after case and white-space folding. Near duplicates share at
least `threshold` of their word 5-shingles (Jaccard similarity); candidates are found with MinHash
signatures and locality-sensitive hashing, so the cost grows linearly with the corpus and only the
small signatures are held in memory, then every candidate pair is confirmed with the exact Jaccard
similarity of the two texts. Of a group of copies the first by publication date (undated last),
then by article id, is the original; the others are marked ``duplicate`` with ``duplicate_of``
naming it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_PRIME = np.uint64((1 << 61) - 1)
_N_PERM, _BANDS = 64, 16
_RNG = np.random.default_rng(20240601)
_A = _RNG.integers(1, int(_PRIME), size=_N_PERM, dtype=np.uint64)
_B = _RNG.integers(0, int(_PRIME), size=_N_PERM, dtype=np.uint64)
SIGNATURE_COLUMNS = ["article_id", "published", "fingerprint", "minhash"]
RESULT_COLUMNS = ["article_id", "duplicate_of", "similarity", "reason"]


def fingerprint(text: str) -> str:
    """sha1 of the text with case and white space folded (equal for exact duplicates)."""
    return hashlib.sha1(" ".join(_TOKEN.findall(text.lower())).encode()).hexdigest()


def shingles(text: str, *, k: int = 5) -> set[int]:
    """Stable 64-bit hashes of the word k-shingles of a text."""
    toks = _TOKEN.findall(text.lower())
    grams = [" ".join(toks[i : i + k]) for i in range(max(1, len(toks) - k + 1))] if toks else []
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams
    }


def jaccard(a: set[int], b: set[int]) -> float:
    """Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def minhash(text: str) -> bytes:
    """The MinHash signature of a text's shingles, as bytes (empty for a text without words)."""
    sh = shingles(text)
    if not sh:
        return b""
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh)) % _PRIME
    return ((np.outer(x, _A) + _B) % _PRIME).min(axis=0).tobytes()


def signatures(articles: pd.DataFrame) -> pd.DataFrame:
    """Fingerprint and MinHash signature of every article with status ok."""
    ok = articles[articles["status"] == "ok"]
    return pd.DataFrame(
        {
            "article_id": ok["article_id"].to_numpy(),
            "published": ok["published"].to_numpy(),
            "fingerprint": [fingerprint(t) for t in ok["text"]],
            "minhash": [minhash(t) for t in ok["text"]],
        },
        columns=SIGNATURE_COLUMNS,
    )


def _bands(sig: bytes) -> list[tuple[int, bytes]]:
    width = len(sig) // _BANDS
    return [(b, sig[b * width : (b + 1) * width]) for b in range(_BANDS)]


def find_duplicates(
    sigs: pd.DataFrame, texts: Callable[[list[str]], dict[str, str]], *, threshold: float = 0.8
) -> pd.DataFrame:
    """Decide which articles repeat an earlier one; `texts` fetches the texts of candidate
    articles."""
    order = sigs.assign(_undated=sigs["published"].isna()).sort_values(
        ["_undated", "published", "article_id"], na_position="last", kind="mergesort"
    )
    ids, fps, mh = (
        order["article_id"].tolist(),
        order["fingerprint"].tolist(),
        order["minhash"].tolist(),
    )
    buckets: dict[tuple[int, bytes], list[int]] = {}
    candidates: dict[int, set[int]] = {}
    for i, sig in enumerate(mh):
        if not sig:
            continue
        keys = _bands(sig)
        found = {j for key in keys for j in buckets.get(key, [])}
        if found:
            candidates[i] = found
        for key in keys:
            buckets.setdefault(key, []).append(i)
    needed = sorted({ids[k] for i, js in candidates.items() for k in (i, *js)})
    shingle_sets = {aid: shingles(t) for aid, t in texts(needed).items()} if needed else {}
    first_fp: dict[str, int] = {}
    original: set[int] = set()
    rows = []
    for i, aid in enumerate(ids):
        if fps[i] in first_fp:
            orig = ids[first_fp[fps[i]]]
            rows.append((aid, orig, 1.0, f"exact duplicate of {orig}"))
            continue
        first_fp[fps[i]] = i
        scored = sorted(
            (-jaccard(shingle_sets[aid], shingle_sets[ids[j]]), j)
            for j in candidates.get(i, ())
            if j in original
        )
        if scored and -scored[0][0] >= threshold:
            sim, orig = -scored[0][0], ids[scored[0][1]]
            rows.append(
                (
                    aid,
                    orig,
                    round(sim, 4),
                    f"near duplicate of {orig} ({sim:.0%} of word 5-grams shared)",
                )
            )
            continue
        original.add(i)
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def apply(articles: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Mark the articles named in `found` as duplicates (status, duplicate_of, similarity,
    reason)."""
    out = articles.copy()
    hit = found.set_index("article_id")
    mask = out["article_id"].isin(hit.index)
    out["duplicate_of"] = (
        out["article_id"].map(hit["duplicate_of"]).astype("object").where(mask, None)
    )
    out["similarity"] = out["article_id"].map(hit["similarity"]).astype("float64")
    out.loc[mask, "status"] = "duplicate"
    out.loc[mask, "reason"] = out.loc[mask, "article_id"].map(hit["reason"])
    return out


def mark_duplicates(articles: pd.DataFrame, *, threshold: float = 0.8) -> pd.DataFrame:
    """In memory: mark copies among articles with status ok."""
    by_id = dict(zip(articles["article_id"], articles["text"]))
    found = find_duplicates(
        signatures(articles), lambda ids: {i: by_id[i] for i in ids}, threshold=threshold
    )
    return apply(articles, found)
