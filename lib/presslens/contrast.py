"""Which words (or frames) distinguish one outlet from the others.

Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
Words"): for each outlet against all other outlets together, the difference in log-odds of a word,
smoothed by a prior proportional to the word's frequency in the whole corpus, divided by its
approximate standard deviation, gives a z-score. |z| > 1.96 is the conventional mark of a word one
outlet uses distinctly more (z > 0) or less (z < 0) than the rest; with few articles per outlet
these are descriptions of the texts, not of the outlets.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from presslens.language import FUNCTION_WORDS

COLUMNS = ["group", "feature", "count", "count_rest", "delta", "se", "z"]
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def tokens(text: str, *, min_length: int = 3) -> list[str]:
    """Lower-cased word tokens without common function words."""
    return [t for t in (w.lower().replace("’", "'") for w in _TOKEN.findall(text)) if len(t) >= min_length and t not in FUNCTION_WORDS]


def word_counts(texts: pd.Series, groups: pd.Series, *, min_count: int = 2) -> pd.DataFrame:
    """A group x word count matrix from texts and their group labels (words seen < min_count dropped)."""
    rows = [(g, t) for text, g in zip(texts, groups) for t in tokens(text)]
    if not rows:
        return pd.DataFrame()
    long = pd.DataFrame(rows, columns=["group", "feature"])
    counts = long.groupby(["group", "feature"]).size().unstack(fill_value=0)
    return counts.loc[:, counts.sum(axis=0) >= min_count].sort_index(axis=0).sort_index(axis=1)


def log_odds(counts: pd.DataFrame, *, prior_scale: float = 1.0) -> pd.DataFrame:
    """Each group vs the rest: log-odds ratio, standard error and z-score per feature.

    The prior is the whole corpus's counts times `prior_scale` (alpha_w = prior_scale * y_w).
    """
    if counts.empty or len(counts) < 2:
        return pd.DataFrame(columns=COLUMNS)
    y = counts.to_numpy(dtype=float)
    total = y.sum(axis=0)
    alpha = prior_scale * total
    a0 = alpha.sum()
    out = []
    for i, group in enumerate(counts.index):
        yi, yj = y[i], total - y[i]
        ni, nj = yi.sum(), yj.sum()
        li = np.log((yi + alpha) / (ni + a0 - yi - alpha))
        lj = np.log((yj + alpha) / (nj + a0 - yj - alpha))
        delta = li - lj
        se = np.sqrt(1.0 / (yi + alpha) + 1.0 / (yj + alpha))
        out.append(pd.DataFrame({
            "group": group, "feature": counts.columns, "count": yi.astype(int), "count_rest": yj.astype(int),
            "delta": delta, "se": se, "z": delta / se,
        }))
    table = pd.concat(out, ignore_index=True)
    return table.sort_values(["group", "z", "feature"], ascending=[True, False, True], kind="mergesort").reset_index(drop=True)


def top(table: pd.DataFrame, *, k: int = 10) -> pd.DataFrame:
    """The k most distinctive features per group (largest z), for tables and charts."""
    return table.sort_values(["group", "z"], ascending=[True, False], kind="mergesort").groupby("group").head(k).reset_index(drop=True)
