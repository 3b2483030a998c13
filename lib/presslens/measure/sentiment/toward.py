"""Tone toward a target: the tone of a sentence toward one mention in it, from a small model over
the words around the mention (resources/toward_model.json.gz), and the `actor_tone` table."""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
import numpy as np
import pandas as pd
from presslens.core import resources
from .scores import LABELS, MODEL_FILE
from .toward_features import (
    ANALYSERS,
    DENSE_FEATURES,
    VIEWS,
    char_ngrams,
    ngrams,
    target_features,
)

__all__ = [
    "DENSE_FEATURES",
    "VIEWS",
    "ngrams",
    "target_features",
    "toward",
    "toward_model",
    "toward_proba",
    "toward_table",
]


# ---- tone toward a target ------------------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    views: tuple[
        tuple[str, Callable[[list[str]], list[str]], dict[str, int], float], ...
    ]  # name, analyser, vocabulary (term -> column of the whole model), weight
    idf: list[float]  # by column
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    dense_weight: float
    dense_offset: int
    coef_t: np.ndarray  # (columns, classes)
    intercept: np.ndarray
    cv: dict  # the development figures bench/train_toward.py stored with the model ({} if none)
    memo: dict = field(default_factory=dict, compare=False)  # token -> its char n-gram columns


@functools.lru_cache(maxsize=1)
def toward_model() -> _Model:
    """The shipped target-sentiment model (loaded once per process)."""
    with gzip.open(resources.path(MODEL_FILE), "rt", encoding="utf-8") as fh:
        m = json.load(fh)
    d = m["dense"]
    idf = [0.0] * int(d["offset"])
    views = []
    for v in m["views"]:
        offset = int(v["offset"])
        idf[offset : offset + len(v["idf"])] = [float(x) for x in v["idf"]]
        vocab = {t: offset + int(i) for t, i in v["vocabulary"].items()}
        views.append((v["name"], ANALYSERS[v.get("analyser", "ngrams")], vocab, float(v["weight"])))
    return _Model(
        tuple(views),
        idf,
        np.array(d["mean"]),
        np.array(d["scale"]),
        float(d["weight"]),
        int(d["offset"]),
        np.ascontiguousarray(np.array(m["coef"]).T),
        np.array(m["intercept"]),
        m.get("cv") or {},
    )


def _add_view(
    grams: list[str], vocab: dict[str, int], idf: list[float], weight: float, row: dict[int, float]
) -> None:
    """Add one view's sublinear TF-IDF weights, L2-normalised as scikit-learn does and scaled by
    the view's weight, to the sparse feature row (column -> value)."""
    counts = Counter(grams)
    _add_counts(zip(map(vocab.get, counts), counts.values()), idf, weight, row)


def _add_counts(
    pairs: Iterable[tuple[int | None, int]], idf: list[float], weight: float, row: dict[int, float]
) -> None:
    """Add (column, count) pairs, columns in first-seen order (None: not in the vocabulary), as
    sublinear TF-IDF weights, L2-normalised and scaled by `weight`, to the feature row."""
    w = {j: (1.0 + math.log(c)) * idf[j] if c > 1 else idf[j] for j, c in pairs if j is not None}
    norm = math.sqrt(sum(x * x for x in w.values()))
    for j, x in w.items():
        row[j] = x / norm * weight


def _char_columns(tokens: list[str], vocab: dict[str, int], memo: dict) -> list[int]:
    """The vocabulary columns of the character n-grams of `tokens` (see `char_ngrams`), in order;
    each token's columns are computed once (`memo`: token -> columns)."""
    out: list[int] = []
    for t in tokens:
        cols = memo.get(t)
        if cols is None:
            cols = memo[t] = [j for j in map(vocab.get, char_ngrams([t])) if j is not None]
        out += cols
    return out


def toward_proba(text: str, start: int, end: int) -> np.ndarray:
    """Probabilities of negative, neutral, positive toward the mention text[start:end]."""
    return _proba(text, start, end).copy()


@functools.lru_cache(maxsize=1 << 15)
def _proba(text: str, start: int, end: int) -> np.ndarray:
    """`toward_proba`, memoised: wire copies and syndicated articles repeat sentences and their
    mentions."""
    m = toward_model()
    views, dense = target_features(text, start, end)
    row: dict[int, float] = {}
    for name, analyser, vocab, weight in m.views:
        if analyser is char_ngrams:  # the same tokens recur: their n-gram columns are kept
            counts = Counter(_char_columns(views[name], vocab, m.memo))
            _add_counts(counts.items(), m.idf, weight, row)
        else:
            _add_view(analyser(views[name]), vocab, m.idf, weight, row)
    x = (np.array(dense) - m.dense_mean) / m.dense_scale * m.dense_weight
    z = m.intercept + x @ m.coef_t[m.dense_offset : m.dense_offset + len(x)]
    if row:
        cols = np.fromiter(row.keys(), dtype=np.intp, count=len(row))
        z = z + np.fromiter(row.values(), dtype=float, count=len(row)) @ m.coef_t[cols]
    e = np.exp(z - z.max())
    return e / e.sum()


def toward(text: str, start: int, end: int) -> tuple[str, float]:
    """Sentiment of the sentence `text` toward the mention at text[start:end]: (label, P(positive) -
    P(negative))."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"mention span {start}..{end} is outside the text (length {len(text)})")
    p = toward_proba(text, start, end)
    return LABELS[int(p.argmax())], round(float(p[2] - p[0]), 6)


_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding text[start:end], cut at ., ! or ? followed by space (or a
    blank line)."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    return lo, (m.start() + len(m.group().rstrip())) if m else len(text)


def toward_table(
    sentences_or_texts: pd.DataFrame | Mapping[str, str] | pd.Series, mentions: pd.DataFrame
) -> pd.DataFrame:
    """Tone toward every mention: the mentions table plus `label` and `score` (see ``toward``).

    `mentions` has article_id, start and end, character offsets into the article text, and
    optionally sent_id. The context scored is the mention's sentence: with a sentences table
    (article_id, sent_id, start, end, text; offsets into the article text) it is the sentence with
    the mention's sent_id, or without sent_id the sentence whose span holds the mention; with
    article
    texts (a mapping or Series article_id -> text, or a table with article_id and text) it is cut
    from the text around the mention at sentence-final punctuation. A mention that cannot be placed
    (unknown article, span outside its sentence) gets label None and score NaN.
    """
    if isinstance(sentences_or_texts, pd.DataFrame) and {"sent_id", "start", "end"} <= set(
        sentences_or_texts.columns
    ):
        contexts = _sentence_contexts(sentences_or_texts, mentions)
    else:
        texts = (
            sentences_or_texts.set_index("article_id")["text"]
            if isinstance(sentences_or_texts, pd.DataFrame)
            else sentences_or_texts
        )
        contexts = _article_contexts(texts, mentions)
    results = [toward(*ctx) if ctx is not None else (None, float("nan")) for ctx in contexts]
    return mentions.assign(
        label=pd.Series([r[0] for r in results], index=mentions.index, dtype=object),
        score=np.array([r[1] for r in results], dtype=float),
    )


def _in_sentence(text: str, s_start: int, start: int, end: int) -> tuple[str, int, int] | None:
    """(sentence text, start, end) relative to the sentence, or None when the span is not inside
    it."""
    a, b = start - s_start, end - s_start
    return (text, a, b) if 0 <= a < b <= len(text) else None


def _sentence_contexts(
    sentences: pd.DataFrame, mentions: pd.DataFrame
) -> list[tuple[str, int, int] | None]:
    """(sentence text, start, end) for each mention, from its sentence in the sentences table."""
    s_art, s_id = sentences["article_id"].tolist(), sentences["sent_id"].tolist()
    s_start, s_end, s_text = (
        sentences["start"].tolist(),
        sentences["end"].tolist(),
        sentences["text"].tolist(),
    )
    m_art, m_start, m_end = (
        mentions["article_id"].tolist(),
        mentions["start"].tolist(),
        mentions["end"].tolist(),
    )
    out: list[tuple[str, int, int] | None] = []
    if "sent_id" in mentions.columns:
        by_id = {(a, i): (int(st), t) for a, i, st, t in zip(s_art, s_id, s_start, s_text)}
        for a, i, st, en in zip(m_art, mentions["sent_id"].tolist(), m_start, m_end):
            hit = by_id.get((a, i))
            out.append(
                _in_sentence(hit[1], hit[0], int(st), int(en))
                if hit and isinstance(hit[1], str)
                else None
            )
        return out
    by_article: dict[object, list[tuple[int, int, str]]] = {}
    for a, st, en, t in zip(s_art, s_start, s_end, s_text):
        by_article.setdefault(a, []).append((int(st), int(en), t))
    for a, st, en in zip(m_art, m_start, m_end):
        hit = next(
            (
                (s0, t)
                for s0, s1, t in by_article.get(a, [])
                if s0 <= st and en <= s1 and isinstance(t, str)
            ),
            None,
        )
        out.append(_in_sentence(hit[1], hit[0], int(st), int(en)) if hit else None)
    return out


def _article_contexts(
    texts: Mapping[str, str] | pd.Series, mentions: pd.DataFrame
) -> list[tuple[str, int, int] | None]:
    """(sentence text, start, end) for each mention, the sentence cut from the article text around
    it."""
    out: list[tuple[str, int, int] | None] = []
    for a, st, en in zip(
        mentions["article_id"].tolist(), mentions["start"].tolist(), mentions["end"].tolist()
    ):
        text = texts.get(a)
        if not isinstance(text, str) or not (0 <= st < en <= len(text)):
            out.append(None)
            continue
        lo, hi = _sentence_around(text, int(st), int(en))
        out.append((text[lo:hi], int(st) - lo, int(en) - lo))
    return out
