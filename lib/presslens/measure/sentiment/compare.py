"""Where the two methods agree and differ: Pearson, Spearman, Cohen's kappa and the sentences with
the largest difference; the most positive and most negative sentences."""

from __future__ import annotations

from collections.abc import Sequence
import numpy as np
import pandas as pd
from .scores import THRESHOLD, wide


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two equally long label lists."""
    n = len(a)
    if n == 0:
        return float("nan")
    x, y = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    po = float((x == y).mean())
    pe = sum(float((x == c).mean()) * float((y == c).mean()) for c in set(a) | set(b))
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(
    sentiment: pd.DataFrame, *, a: str = "vader", b: str = "textblob", threshold: float = THRESHOLD
) -> dict[str, float]:
    """How far two methods agree on the same sentences: Pearson r, Spearman rho, Cohen's kappa,
    share with the same label, n."""
    w = wide(sentiment)
    w = (
        w.dropna(subset=[a, b])
        if {a, b} <= set(w.columns)
        else w.iloc[0:0].assign(**{a: [], b: []})
    )
    return agreement_of(w[a].to_numpy(dtype=float), w[b].to_numpy(dtype=float), threshold=threshold)


def agreement_of(x: np.ndarray, y: np.ndarray, *, threshold: float = THRESHOLD) -> dict[str, float]:
    """Agreement of two equally long arrays of scores (see `agreement`), vectorised for millions of
    sentences."""
    n = len(x)
    lx = np.where(x >= threshold, 1, np.where(x <= -threshold, -1, 0))
    ly = np.where(y >= threshold, 1, np.where(y <= -threshold, -1, 0))
    varied = n > 2 and len(np.unique(x)) > 1 and len(np.unique(y)) > 1
    if n:
        po = float((lx == ly).mean())
        pe = sum(float((lx == c).mean()) * float((ly == c).mean()) for c in (-1, 0, 1))
        kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
    else:
        po, kappa = float("nan"), float("nan")
    return {
        "n_sentences": n,
        "pearson_r": float(pd.Series(x).corr(pd.Series(y))) if varied else float("nan"),
        "spearman_rho": float(pd.Series(x).corr(pd.Series(y), method="spearman"))
        if varied
        else float("nan"),
        "cohen_kappa": kappa,
        "same_label": po,
    }


def disagreements(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    a: str = "vader",
    b: str = "textblob",
    top: int = 10,
) -> pd.DataFrame:
    """The sentences on which two methods disagree most (largest absolute difference), with both
    scores and the text."""
    w = wide(sentiment).dropna(subset=[a, b])
    w["difference"] = (w[a] - w[b]).abs()
    w = w.merge(sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"])
    w = w.sort_values(
        ["difference", "article_id", "sent_id"], ascending=[False, True, True], kind="mergesort"
    )
    return w.head(top).reset_index(drop=True)[["article_id", "sent_id", a, b, "difference", "text"]]


def extremes(
    sentiment: pd.DataFrame, sentences: pd.DataFrame, *, method: str = "vader", k: int = 5
) -> pd.DataFrame:
    """The k most positive and k most negative sentences, with their article, sentence id and
    text."""
    s = sentiment[sentiment["method"] == method].merge(
        sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"]
    )
    pos = (
        s.sort_values(
            ["compound", "article_id", "sent_id"], ascending=[False, True, True], kind="mergesort"
        )
        .head(k)
        .assign(end="most positive")
    )
    neg = (
        s.sort_values(
            ["compound", "article_id", "sent_id"], ascending=[True, True, True], kind="mergesort"
        )
        .head(k)
        .assign(end="most negative")
    )
    return pd.concat([pos, neg], ignore_index=True)[
        ["end", "article_id", "sent_id", "compound", "text"]
    ]
