"""Sparse TF-IDF vectors of shipped models, computed the way scikit-learn does, without
scikit-learn.

The models presslens ships (tone toward a mention, generic frames) are trained with scikit-learn's
``TfidfVectorizer(sublinear_tf=True)`` and stored as a vocabulary and idf weights; at run time a
text's vector is rebuilt here, so scoring needs neither scikit-learn nor a pickle.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

_WORD = re.compile(r"(?u)\b\w\w+\b")


def words(text: str) -> list[str]:
    """Lower-cased words of two or more word characters (scikit-learn's default token pattern)."""
    return _WORD.findall(text.lower())


def tfidf(
    grams: list[str], vocab: Mapping[str, int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear TF-IDF, L2-normalised, as scikit-learn computes it: (column indices, weights)."""
    counts: dict[int, int] = {}
    for g in grams:
        j = vocab.get(g)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    if not counts:
        return np.zeros(0, dtype=int), np.zeros(0)
    cols = np.fromiter(counts, dtype=int, count=len(counts))
    w = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[cols]
    return cols, w / np.sqrt((w * w).sum())
