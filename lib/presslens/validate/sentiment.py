"""The sentiment methods against people's ratings: NYT editorial sentences (sentence tone) and
NewsMTSC (tone toward a person)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from presslens.measure import metrics
from presslens.measure.sentiment.scores import LABELS, METHODS, THRESHOLD, label, score
from presslens.measure.sentiment.toward import toward

_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Example:
    """One NewsMTSC target: the sentence, the mention's span and its gold label."""

    text: str
    start: int
    end: int
    label: str


def load_newsmtsc(path: str | Path) -> list[Example]:
    """Every target of a NewsMTSC jsonl file as an Example (polarity 2/4/6 ->
    negative/neutral/positive)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            for t in d["targets"]:
                out.append(
                    Example(
                        d["sentence_normalized"],
                        int(t["from"]),
                        int(t["to"]),
                        _POLARITY[float(t["polarity"])],
                    )
                )
    return out


def _macro_f1(confusion: np.ndarray) -> np.ndarray:
    """Macro-F1 of stacked 3x3 confusion matrices (..., gold, predicted); an empty class is 0."""
    tp = np.diagonal(confusion, axis1=-2, axis2=-1)
    denom = confusion.sum(axis=-1) + confusion.sum(axis=-2)
    f1 = np.divide(2 * tp, denom, out=np.zeros(tp.shape), where=denom > 0)
    return f1.mean(axis=-1)


def macro_f1_interval(
    gold: Sequence[str],
    pred: Sequence[str],
    groups: Sequence[object],
    *,
    n_boot: int = 2000,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Macro-F1 and its 95% percentile bootstrap interval, resampling groups (sentences) with
    replacement, so that the mentions of one sentence are drawn together."""
    if not len(gold):
        return float("nan"), float("nan"), float("nan")
    g = np.array([LABELS.index(x) for x in gold])
    p = np.array([LABELS.index(x) for x in pred])
    ids = np.unique(np.array([str(x) for x in groups]), return_inverse=True)[1]
    per_group = np.zeros((ids.max() + 1, 9))
    np.add.at(per_group, (ids, g * 3 + p), 1)
    weights = np.random.default_rng(seed).multinomial(
        len(per_group), np.full(len(per_group), 1 / len(per_group)), size=n_boot
    )
    boots = _macro_f1((weights @ per_group).reshape(n_boot, 3, 3))
    point = float(_macro_f1(per_group.sum(axis=0).reshape(3, 3)))
    low, high = np.percentile(boots, [2.5, 97.5])
    return point, float(low), float(high)


def prf(gold: Sequence[str], pred: Sequence[str]) -> pd.DataFrame:
    """Per-class precision, recall, F1 and support over the three labels, plus macro and
    support-weighted average rows (`presslens.measure.metrics`)."""
    return metrics.by_class(gold, pred, LABELS)


def load_nyt(path: str | Path) -> pd.DataFrame:
    """The VADER NYT editorial ground truth: id, mean human rating (-4..4), text."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            rows.append((parts[0], float(parts[1]), parts[2].strip()))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def validate_nyt(
    path: str | Path, *, methods: Sequence[str] = METHODS, threshold: float = THRESHOLD
) -> pd.DataFrame:
    """Each method against the NYT editorial ratings: n, Pearson r, 3-class P, R, F1
    (support-weighted) and macro-F1.

    The convention that reproduces Hutto & Gilbert's published VADER figures (r 0.492, P 0.69,
    R 0.49, F1 0.55): a score is positive at >= +0.05, negative at <= -0.05, else neutral; a mean
    human rating is positive above 0, negative below 0, neutral at exactly 0 (a mean of 20 integer
    ratings is a multiple of 0.05, so +-0.05 on the ratings gives the same classes); precision,
    recall and F1 are averaged over the three classes weighted by their number of sentences. The
    unweighted (macro) F1, 0.43 for VADER, is reported beside it.
    """
    nyt = load_nyt(path)
    gold = ["positive" if r > 0 else "negative" if r < 0 else "neutral" for r in nyt["rating"]]
    rows = []
    for m in methods:
        scores = np.array([score(t, method=m) for t in nyt["text"]])
        table = prf(gold, [label(s, threshold=threshold) for s in scores]).set_index("class")
        rows.append(
            (
                m,
                len(nyt),
                float(np.corrcoef(scores, nyt["rating"])[0, 1]),
                table.at["weighted", "precision"],
                table.at["weighted", "recall"],
                table.at["weighted", "f1"],
                table.at["macro", "f1"],
            )
        )
    return pd.DataFrame(
        rows, columns=["method", "n", "pearson_r", "precision", "recall", "f1", "macro_f1"]
    )


def validate_toward(path: str | Path) -> dict[str, object]:
    """`toward` against NewsMTSC labels: n, macro-F1 with its 95% interval (bootstrap over
    sentences), per-class P/R/F1 table, confusion matrix, and sentence-level VADER as a baseline."""
    ex = load_newsmtsc(path)
    gold = [e.label for e in ex]
    pred = [toward(e.text, e.start, e.end)[0] for e in ex]
    base = [label(score(e.text, method="vader")) for e in ex]
    confusion = pd.crosstab(
        pd.Series(gold, name="gold"), pd.Series(pred, name="predicted")
    ).reindex(index=LABELS, columns=LABELS, fill_value=0)
    table = prf(gold, pred)
    return {
        "n": len(ex),
        "macro_f1": float(table.set_index("class").at["macro", "f1"]),
        "macro_f1_ci": macro_f1_interval(gold, pred, [e.text for e in ex])[1:],
        "table": table,
        "confusion": confusion,
        "baseline_vader_macro_f1": float(prf(gold, base).set_index("class").at["macro", "f1"]),
        "baseline_vader_table": prf(gold, base),
    }
