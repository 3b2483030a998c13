"""Tone toward a target: the tone of a sentence toward one mention in it, from a small model over
the words around the mention (resources/toward_model.json.gz), and the `actor_tone` table."""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
import numpy as np
import pandas as pd
from presslens.pipeline import resources_io
from presslens.measure.textvec import tfidf as _tfidf
from .scores import LABELS, MODEL_FILE, vader


# ---- tone toward a target ------------------------------------------------------------------

_TOKEN = re.compile(r"[\w'’]+|[^\w\s]")
_QUOTES = frozenset({'"', "“", "”"})
_HARD_BREAKS = frozenset({";", ":", "—", "–", "(", ")", *_QUOTES})
_CLAUSE_BREAKS = _HARD_BREAKS | {
    ",",
    "while",
    "but",
    "although",
    "whereas",
    "though",
    "however",
    "yet",
    "because",
    "after",
    "as",
    "and",
    "who",
    "which",
    "that",
}
_SPEECH = frozenset(resources_io.load("attribution.yaml")["toward_speech"])
WINDOW = 4
DENSE_FEATURES = [
    "vader_without_target",
    "vader_clause",
    "vader_clause_left",
    "vader_clause_right",
    "vader_segment",
    "vader_left",
    "vader_right",
    "pos_left3",
    "neg_left3",
    "pos_right3",
    "neg_right3",
    "pos_left6",
    "neg_left6",
    "pos_right6",
    "neg_right6",
    "relative_position",
    "starts_sentence",
    "speaker_next",
    "speaker_near",
    "inside_quote",
    "log_length",
]


def _split_at(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Lower-cased word and punctuation tokens left and right of the mention."""
    return [t.lower() for t in _TOKEN.findall(text[:start])], [
        t.lower() for t in _TOKEN.findall(text[end:])
    ]


def _clause(
    left: list[str], right: list[str], breaks: frozenset[str] | set[str]
) -> tuple[list[str], list[str]]:
    """The tokens of the mention's own clause: back and forward to the nearest break token."""
    i = len(left)
    while i > 0 and left[i - 1] not in breaks:
        i -= 1
    j = 0
    while j < len(right) and right[j] not in breaks:
        j += 1
    return left[i:], right[:j]


@functools.lru_cache(maxsize=1 << 16)
def _compound_of(joined: str) -> float:
    """VADER compound of a string, memoised: a mention's views often coincide (a clause that is the
    whole sentence), and wire copies repeat sentences."""
    return float(vader().polarity_scores(joined)["compound"])


def _compound(words: list[str]) -> float:
    """VADER compound of a token list (0 when empty)."""
    return _compound_of(" ".join(words)) if words else 0.0


def _near(valences: list[float], k: int) -> tuple[float, float]:
    """Sum of positive and of negative lexicon valences among the first k values, scaled by VADER's
    maximum (4)."""
    v = valences[:k]
    return sum(x for x in v if x > 0) / 4, sum(x for x in v if x < 0) / 4


def target_features(text: str, start: int, end: int) -> tuple[dict[str, list[str]], list[float]]:
    """The model's view of one mention: token lists (masked sentence, window, clause) and the
    numeric features."""
    left, right = _split_at(text, start, end)
    cl, cr = _clause(left, right, _CLAUSE_BREAKS)
    hl, hr = _clause(left, right, _HARD_BREAKS)
    views = {
        "sentence": [*left, "TGT", *right],
        "window": [*("L_" + w for w in left[-WINDOW:]), *("R_" + w for w in right[:WINDOW])],
        "clause": [*("CL_" + w for w in cl), *("CR_" + w for w in cr)],
    }
    lex = vader().lexicon
    vl, vr = [lex.get(w, 0.0) for w in reversed(left)], [lex.get(w, 0.0) for w in right]
    n = len(left) + len(right) + 1
    dense = [
        _compound(left + right),
        _compound(cl + cr),
        _compound(cl),
        _compound(cr),
        _compound(hl + hr),
        _compound(left),
        _compound(right),
        *_near(vl, 3),
        *_near(vr, 3),
        *_near(vl, 6),
        *_near(vr, 6),
        len(left) / n,
        float(not left),
        float(bool(right) and right[0] in _SPEECH),
        float(any(w in _SPEECH for w in right[:3])),
        float(sum(w in _QUOTES for w in left) % 2 == 1),
        math.log1p(n) / 4,
    ]
    return views, dense


def ngrams(tokens: list[str]) -> list[str]:
    """Unigrams and adjacent bigrams of a token list (the model's term analyser)."""
    return [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))]


@dataclass(frozen=True)
class _Model:
    views: tuple[
        tuple[str, dict[str, int], np.ndarray, float, int], ...
    ]  # name, vocabulary, idf, weight, column offset
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    dense_weight: float
    dense_offset: int
    coef: np.ndarray
    intercept: np.ndarray


@functools.lru_cache(maxsize=1)
def toward_model() -> _Model:
    """The shipped target-sentiment model (loaded once per process)."""
    with gzip.open(resources_io.path(MODEL_FILE), "rt", encoding="utf-8") as fh:
        m = json.load(fh)
    views = tuple(
        (v["name"], v["vocabulary"], np.array(v["idf"]), float(v["weight"]), int(v["offset"]))
        for v in m["views"]
    )
    d = m["dense"]
    return _Model(
        views,
        np.array(d["mean"]),
        np.array(d["scale"]),
        float(d["weight"]),
        int(d["offset"]),
        np.array(m["coef"]),
        np.array(m["intercept"]),
    )


def toward_proba(text: str, start: int, end: int) -> np.ndarray:
    """Probabilities of negative, neutral, positive toward the mention text[start:end]."""
    m = toward_model()
    views, dense = target_features(text, start, end)
    z = m.intercept.copy()
    for name, vocab, idf, weight, offset in m.views:
        cols, w = _tfidf(ngrams(views[name]), vocab, idf)
        z += m.coef[:, offset + cols] @ (w * weight)
    x = (np.array(dense) - m.dense_mean) / m.dense_scale * m.dense_weight
    z += m.coef[:, m.dense_offset : m.dense_offset + len(x)] @ x
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
