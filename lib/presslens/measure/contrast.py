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

from presslens.ingest.language import FUNCTION_WORDS

COLUMNS = ["group", "feature", "count", "count_rest", "delta", "se", "z"]
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def tokens(text: str, *, min_length: int = 3) -> list[str]:
    """Lower-cased word tokens without common function words."""
    return [
        t
        for t in (w.lower().replace("’", "'") for w in _TOKEN.findall(text))
        if len(t) >= min_length and t not in FUNCTION_WORDS
    ]


def word_counts(texts: pd.Series, groups: pd.Series, *, min_count: int = 2) -> pd.DataFrame:
    """A group x word count matrix from texts and their group labels (words seen < min_count
    dropped)."""
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
        out.append(
            pd.DataFrame(
                {
                    "group": group,
                    "feature": counts.columns,
                    "count": yi.astype(int),
                    "count_rest": yj.astype(int),
                    "delta": delta,
                    "se": se,
                    "z": delta / se,
                }
            )
        )
    table = pd.concat(out, ignore_index=True)
    return table.sort_values(
        ["group", "z", "feature"], ascending=[True, False, True], kind="mergesort"
    ).reset_index(drop=True)


def word_table(texts: pd.Series, groups: pd.Series) -> pd.DataFrame:
    """Word counts per group in long form (group, feature, count): what one partition
    contributes."""
    rows = [(g, t) for text, g in zip(texts, groups) for t in tokens(text)]
    if not rows:
        return pd.DataFrame(
            {
                "group": pd.Series(dtype="str"),
                "feature": pd.Series(dtype="str"),
                "count": pd.Series(dtype="int64"),
            }
        )
    return (
        pd.DataFrame(rows, columns=["group", "feature"])
        .groupby(["group", "feature"], sort=True)
        .size()
        .rename("count")
        .reset_index()
    )


class CountMatrix:
    """Group x word counts added up partition by partition as a sparse matrix (bounded memory:
    one integer per distinct group-word pair, whatever the number of articles)."""

    def __init__(self) -> None:
        self.groups: dict[str, int] = {}
        self.words: dict[str, int] = {}
        self._parts: list = []

    def add(self, long: pd.DataFrame) -> None:
        """Add a (group, feature, count) table."""
        from scipy.sparse import coo_matrix

        if long is None or long.empty:
            return
        g = np.fromiter(
            (self.groups.setdefault(x, len(self.groups)) for x in long["group"]),
            dtype=np.int64,
            count=len(long),
        )
        w = np.fromiter(
            (self.words.setdefault(x, len(self.words)) for x in long["feature"]),
            dtype=np.int64,
            count=len(long),
        )
        self._parts.append(coo_matrix((long["count"].to_numpy(dtype=np.int64), (g, w))))
        if (
            len(self._parts) > 8
        ):  # fold partial sums so memory tracks distinct pairs, not partitions
            self._parts = [self._sum()]

    def _sum(self):
        from scipy.sparse import csr_matrix

        shape = (len(self.groups), len(self.words))
        total = csr_matrix(shape, dtype=np.int64)
        for m in self._parts:
            m = m.tocsr()
            m.resize(shape)
            total = total + m
        return total

    def table(self, *, min_count: int = 2):
        """(sorted group names, sorted kept words, counts as CSR with rows and columns in that
        order)."""
        total = self._sum()
        gnames = sorted(self.groups)
        wnames = sorted(w for w, i in self.words.items())
        rows = [self.groups[g] for g in gnames]
        cols = np.array([self.words[w] for w in wnames], dtype=np.int64)
        m = total[rows][:, cols] if len(rows) and len(cols) else total
        keep = (
            np.flatnonzero(np.asarray(m.sum(axis=0)).ravel() >= min_count)
            if m.shape[1]
            else np.array([], dtype=np.int64)
        )
        return gnames, [wnames[i] for i in keep], m[:, keep].tocsr()


def log_odds_top(
    groups: list[str], words: list[str], counts, *, prior_scale: float = 1.0, keep: int = 100
) -> pd.DataFrame:
    """`log_odds` on a sparse group x word matrix, keeping each group's `keep` words with the
    largest z (a bounded table however many groups and words there are)."""
    if len(groups) < 2 or not words:
        return pd.DataFrame(columns=COLUMNS)
    total = np.asarray(counts.sum(axis=0), dtype=float).ravel()
    alpha = prior_scale * total
    a0 = alpha.sum()
    names = np.asarray(words, dtype=object)
    out = []
    for i, group in enumerate(groups):
        yi = counts.getrow(i).toarray().ravel().astype(float)
        yj = total - yi
        ni, nj = yi.sum(), yj.sum()
        delta = np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log(
            (yj + alpha) / (nj + a0 - yj - alpha)
        )
        se = np.sqrt(1.0 / (yi + alpha) + 1.0 / (yj + alpha))
        z = delta / se
        order = np.lexsort((names, -z))[:keep]
        out.append(
            pd.DataFrame(
                {
                    "group": group,
                    "feature": names[order],
                    "count": yi[order].astype(int),
                    "count_rest": yj[order].astype(int),
                    "delta": delta[order],
                    "se": se[order],
                    "z": z[order],
                }
            )
        )
    return pd.concat(out, ignore_index=True).astype({"feature": str})


def top(table: pd.DataFrame, *, k: int = 10) -> pd.DataFrame:
    """The k most distinctive features per group (largest z), for tables and charts."""
    return (
        table.sort_values(["group", "z"], ascending=[True, False], kind="mergesort")
        .groupby("group")
        .head(k)
        .reset_index(drop=True)
    )
