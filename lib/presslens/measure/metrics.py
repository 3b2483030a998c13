"""Precision, recall and F1 with one convention for every method presslens validates.

A ratio with nothing to divide by is 0.0: precision when nothing was predicted, recall when nothing
is gold, F1 when both are 0. (Some tools report 1.0 for "nothing predicted, nothing to find"; a
method that predicts nothing is given no credit here.) The Wilson interval of a proportion is here
too. The module sits in measure/, below validate/, so that measures (the data-quality panel, the
frame model's threshold) and validations share one convention.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def precision_recall_f1(tp: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives and the numbers predicted and gold."""
    p = tp / n_predicted if n_predicted else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def binary(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 of boolean predictions against boolean gold labels."""
    return precision_recall_f1(int((gold & predicted).sum()), int(predicted.sum()), int(gold.sum()))


def by_class(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> pd.DataFrame:
    """Per-class precision, recall, F1 and support, then the macro average and the average
    weighted by support."""
    g, p = np.asarray(gold, dtype=object), np.asarray(predicted, dtype=object)
    rows = []
    for c in labels:
        tp = int(((g == c) & (p == c)).sum())
        prec, rec, f1 = precision_recall_f1(tp, int((p == c).sum()), int((g == c).sum()))
        rows.append((c, prec, rec, f1, int((g == c).sum())))
    table = pd.DataFrame(rows, columns=["class", "precision", "recall", "f1", "support"])
    total = table["support"].sum()
    w = table["support"] / total if total else table["support"] * 0.0
    macro = ("macro", table["precision"].mean(), table["recall"].mean(), table["f1"].mean(), total)
    weighted = (
        "weighted",
        (table["precision"] * w).sum(),
        (table["recall"] * w).sum(),
        (table["f1"] * w).sum(),
        total,
    )
    return pd.concat(
        [table, pd.DataFrame([macro, weighted], columns=table.columns)], ignore_index=True
    )


def wilson(k: int, n: int) -> tuple[float, float]:
    """The 95% Wilson interval of k successes in n (scipy's binomtest); (0, 0) when n is 0."""
    from scipy.stats import binomtest

    if n == 0:
        return 0.0, 0.0
    ci = binomtest(int(k), int(n)).proportion_ci(confidence_level=0.95, method="wilson")
    return float(ci.low), float(ci.high)
