"""Which frames an article uses, with the sentences that show it.

Two schemes, both from editable resources:

- ``generic``: the five generic news frames of Semetko & Valkenburg (2000): conflict, responsibility
  (resolution), human interest, morality, economic. Each frame has yes/no indicator questions
  (``resources/generic_frames.yaml``); a question is answered YES for an article when one of its
  sentences holds a cue of that question, and those sentences are the evidence. The frame's score is
  the number of the article's sentences holding any of its cues divided by the square root of the
  article's length in sentences (so long articles need more cue sentences, but not proportionally
  more); it is present when the score reaches the frame's threshold (fitted on human-coded articles,
  with cross-validated figures, see ``validate``).
- ``issue``: issue frames of security coverage (security and defence, diplomacy and negotiation,
  sovereignty and law, history and identity, economy, EU integration, NATO membership, great-power
  rivalry, humanitarian) coded per sentence from cue words (``resources/issue_frames.yaml``); the
  score is the same length-adjusted count and a frame is present with at least `min_sentences` cue
  sentences (two, in the shipped file).

Every present frame carries its evidence (sentence ids); a frame without evidence is never present.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import re

from presslens import resources_io, sentences as splitter

FRAME_COLUMNS = ["article_id", "sent_id", "scheme", "frame", "question", "cue", "start", "end"]
ARTICLE_COLUMNS = ["article_id", "scheme", "frame", "present", "score", "evidence", "answers", "n_sentences"]
CODES = {"CO": "conflict", "RE": "responsibility", "HI": "human_interest", "MO": "morality", "EC": "economic"}


@functools.lru_cache(maxsize=1)
def _case_specials() -> re.Pattern[str]:
    """Non-ASCII characters that case-insensitive matching equates with an ASCII letter (Kelvin sign, long s, dotless i, ...).

    Sentences holding one are matched the slow way, so the fast path below never changes a result.
    """
    bmp = "".join(chr(c) for c in range(128, 0x10000) if not 0xD800 <= c < 0xE000)
    found = {ch for letter in "abcdefghijklmnopqrstuvwxyz" for ch in re.findall(letter, bmp, re.IGNORECASE)}
    found |= {ch for ch in bmp if ch.lower().isascii() and ch.lower() != ch}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(found)) + "]") if found else re.compile("(?!)")


def _lowered(pattern: str) -> re.Pattern[str] | None:
    """The pattern for lower-cased text without IGNORECASE (about twice as fast); None unless it is plain ASCII."""
    if not pattern.isascii():
        return None
    out, i = [], 0
    while i < len(pattern):  # lower-case literals, never escapes (\S is not \s)
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return re.compile("".join(out))


def _lowered_text(text: str) -> str | None:
    """`text.lower()` when matching it case-sensitively is exactly matching `text` case-insensitively, else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _case_specials().search(text)):
        return None
    return low


@functools.lru_cache(maxsize=4)
def schemes(generic: str = "generic_frames.yaml", issue: str = "issue_frames.yaml") -> dict:
    """Compiled cue patterns: {'generic': [(frame, question, pattern, fast)], 'issue': [(frame, '', pattern, fast)], thresholds, questions}.

    `pattern` is case-insensitive; `fast` is the same pattern for lower-cased text (None when the cues are not ASCII).
    """
    g, i = resources_io.load(generic), resources_io.load(issue)
    def both(cues: list[str]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        joined = "|".join(f"(?:{c})" for c in cues)
        return re.compile(joined, re.IGNORECASE), _lowered(joined)

    gen = [(f, q, *both(spec["cues"])) for f, fs in g["frames"].items() for q, spec in fs["questions"].items()]
    iss = [(f, "", *both(fs["cues"])) for f, fs in i["frames"].items()]
    return {
        "generic": gen, "issue": iss,
        "thresholds": {f: float(fs["threshold"]) for f, fs in g["frames"].items()},
        "questions": {q: spec["text"] for fs in g["frames"].values() for q, spec in fs["questions"].items()},
        "issue_min": int(i.get("min_sentences", 1)),
    }


def code_sentences(text: str, *, spans: list[tuple[int, int]] | None = None) -> pd.DataFrame:
    """Frame cues in a text: one row per sentence and question (generic) or frame (issue), with the first cue."""
    spans = spans if spans is not None else list(splitter.spans(text))
    sents = pd.DataFrame({"article_id": "", "sent_id": range(1, len(spans) + 1), "start": [a for a, _ in spans], "text": [text[a:b] for a, b in spans]})
    return frame_table(sents).drop(columns=["article_id"])


def frame_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """The `frames` table: frame cues in every sentence (offsets into articles.text)."""
    sc = schemes()
    rows = []
    for s in sentences.itertuples(index=False):
        low = _lowered_text(s.text)
        for scheme in ("generic", "issue"):
            for frame, question, pat, fast in sc[scheme]:
                m = fast.search(low) if fast is not None and low is not None else pat.search(s.text)
                if m:
                    rows.append((s.article_id, int(s.sent_id), scheme, frame, question, s.text[m.start():m.end()], int(s.start) + m.start(), int(s.start) + m.end()))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def article_frame_table(frames: pd.DataFrame, n_sentences: pd.Series, *, thresholds: dict[str, float] | None = None) -> pd.DataFrame:
    """The `article_frames` table: every article x frame with presence, score, evidence sentence ids and yes-answers."""
    sc = schemes()
    thresholds = thresholds or sc["thresholds"]
    all_frames = [("generic", f) for f in sc["thresholds"]] + [("issue", f) for f, *_ in sc["issue"]]
    by = {k: g for k, g in frames.groupby(["article_id", "scheme", "frame"])} if len(frames) else {}
    rows = []
    for aid, n in n_sentences.items():
        for scheme, frame in all_frames:
            g = by.get((aid, scheme, frame))
            ids = sorted(set(g["sent_id"])) if g is not None else []
            score = len(ids) / math.sqrt(n) if n else 0.0
            answers = " ".join(sorted(set(g["question"]))) if g is not None and scheme == "generic" else ""
            present = bool(ids) and (score >= thresholds[frame] if scheme == "generic" else len(ids) >= sc["issue_min"])
            rows.append((aid, scheme, frame, present, round(score, 6), " ".join(map(str, ids)), answers, int(n)))
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def code_articles(texts: list[str]) -> pd.DataFrame:
    """`article_frames` for any list of texts; article_id is the text's position in the list (0, 1, ...)."""
    rows, counts = [], {}
    for i, text in enumerate(texts):
        spans = list(splitter.spans(text))
        counts[i] = len(spans)
        rows.append(pd.DataFrame({"article_id": i, "sent_id": range(1, len(spans) + 1), "start": [a for a, _ in spans], "text": [text[a:b] for a, b in spans]}))
    sents = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["article_id", "sent_id", "start", "text"])
    return article_frame_table(frame_table(sents), pd.Series(counts, dtype="int64"))


# ---- validation on human-coded articles ---------------------------------------------------

def load_narrative_frames(folder: str | Path) -> pd.DataFrame:
    """The narrative-frames development articles: ID, text and the five gold frames as booleans."""
    t = pd.read_csv(Path(folder) / "articles_metadata.dev.tsv", sep="\t", dtype=str, keep_default_na=False)
    for code in CODES:
        t[code] = t[code].str.strip(" )").str.lower() == "true"
    return t


def _prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & pred).sum())
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    cands = np.unique(np.round(scores, 4))
    best = max(cands, key=lambda t: (_prf(gold, scores >= t)[2], -t)) if len(cands) else 0.0
    return float(max(best, 1e-9))


def _cv_predict(scores: np.ndarray, gold: np.ndarray, *, folds: int, seed: int) -> np.ndarray:
    """Predictions of k-fold cross-validation: each article judged by a threshold fitted on the other folds."""
    fold_of = np.random.default_rng(seed).permutation(np.arange(len(gold)) % folds)
    pred = np.zeros(len(gold), dtype=bool)
    for k in range(folds):
        train, test = fold_of != k, fold_of == k
        pred[test] = scores[test] >= _best_threshold(scores[train], gold[train])
    return pred


def validate(folder: str | Path = "eval/narrative-frames", *, folds: int = 5, seed: int = 0, repeats: int = 20) -> dict[str, object]:
    """Per-frame P/R/F1 of the generic frames on the human-coded articles, thresholds fitted by k-fold CV.

    The table is the split drawn with `seed`; `split_spread` gives the macro-F1 over `repeats` other
    random splits (mean, min, max), which shows how much the figure depends on the split alone.
    """
    data = load_narrative_frames(folder)
    coded = code_articles(data["text"].tolist())
    gen = coded[coded["scheme"] == "generic"].pivot_table(index="article_id", columns="frame", values="score").sort_index()
    rows, fitted = [], {}
    for code, frame in CODES.items():
        scores, gold = gen[frame].to_numpy(), data[code].to_numpy()
        p, r, f = _prf(gold, _cv_predict(scores, gold, folds=folds, seed=seed))
        majority = gold.mean() >= 0.5
        bp, br, bf = _prf(gold, np.full(len(gold), majority))
        fitted[frame] = _best_threshold(scores, gold)
        rows.append(dict(frame=frame, code=code, n=len(gold), positives=int(gold.sum()), precision=p, recall=r, f1=f, majority_f1=bf, majority_predicts="present" if majority else "absent"))
    table = pd.DataFrame(rows)
    macros = [np.mean([_prf(data[code].to_numpy(), _cv_predict(gen[frame].to_numpy(), data[code].to_numpy(), folds=folds, seed=seed + 1 + i))[2] for code, frame in CODES.items()]) for i in range(repeats)]
    spread = {"repeats": repeats, "mean": float(np.mean(macros)), "min": float(np.min(macros)), "max": float(np.max(macros))} if repeats else {}
    evidence_ok = bool((coded.loc[coded["present"], "evidence"] != "").all())
    return {"table": table, "macro_f1": float(table["f1"].mean()), "majority_macro_f1": float(table["majority_f1"].mean()),
            "thresholds_fitted_on_all": fitted, "every_positive_has_evidence": evidence_ok, "folds": folds, "split_spread": spread}
