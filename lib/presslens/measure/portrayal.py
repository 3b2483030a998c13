"""How actors are portrayed: tone toward each actor (``sentiment.toward`` on every mention), per
actor
and outlet, with a bootstrap 95% interval over mentions and a plain warning where n is small."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from presslens.measure.sentiment.aggregate import Runs, run_means, seeded_intervals

COLUMNS = [
    "n_mentions",
    "n_articles",
    "tone",
    "ci_low",
    "ci_high",
    "negative",
    "neutral",
    "positive",
    "warning",
]


def lexical_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each value's rank among the column's distinct values in sorted (code-point) order, and
    those values; a missing value gets the rank after the last (sorted last, as pandas sorts
    it). A categorical column is ranked by its categories' values, not their order."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        cats = np.asarray(column.cat.categories, dtype=object)
        order = np.array(sorted(range(len(cats)), key=cats.__getitem__), dtype=np.int64)
        rank = np.empty(len(cats) + 1, dtype=np.int64)
        rank[order] = np.arange(len(cats))
        rank[-1] = len(cats)  # code -1, missing
        return _small(rank)[column.cat.codes.to_numpy()], cats[order]
    codes, values = pd.factorize(column, sort=True)
    return _small(np.where(codes < 0, len(values), codes)), np.asarray(values, dtype=object)


def _small(codes: np.ndarray) -> np.ndarray:
    """Codes as int32 when they fit (half the memory over millions of mentions)."""
    return codes.astype(np.int32) if len(codes) < 2**31 - 1 else codes


def _counts(
    articles: tuple[np.ndarray, np.ndarray],
    labels: tuple[np.ndarray, np.ndarray],
    order: np.ndarray,
    change: np.ndarray,
    starts: np.ndarray,
) -> dict[str, np.ndarray]:
    """Per group (rows in `order`, a group beginning where `change`): mentions, distinct
    articles, and mentions of each tone label."""
    art = articles[0][order]
    new = change.copy()
    new[1:] |= art[1:] != art[:-1]  # rows sorted by article within their group
    known = art < len(articles[1])
    out = {
        "n_mentions": np.diff(np.r_[starts, len(order)]),
        "n_articles": np.add.reduceat((new & known).astype(np.int64), starts),
    }
    label = labels[0][order]
    for name in ("negative", "neutral", "positive"):
        hit = np.flatnonzero(labels[1] == name)
        is_it = label == hit[0] if len(hit) else np.zeros(len(order), dtype=bool)
        out[name] = np.add.reduceat(is_it.astype(np.int64), starts)
    return out


def actor_tone(
    tone: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    by_outlet: bool = True,
    n_boot: int = 2000,
    seed: int = 0,
    min_mentions: int = 5,
) -> pd.DataFrame:
    """Mean tone toward each actor (optionally per outlet) with a bootstrap interval over its
    mentions.

    `tone` has actor, article_id, score and label, and outlet unless `articles` gives it.
    """
    t = tone
    if "outlet" not in t.columns:
        t = t.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    keys = ["actor", "outlet"] if by_outlet else ["actor"]
    keep = (t["score"].notna() & t[keys].notna().all(axis=1)).to_numpy()
    coded = {c: lexical_codes(t[c][keep]) for c in (*keys, "article_id", "label")}
    # each group's mentions in a fixed order (by article and position), groups in the order of
    # their keys, so the resamples, and the interval, do not depend on the order in which
    # partitions delivered them; ties keep the given order
    position = [t[c].to_numpy()[keep] for c in ("end", "start") if c in t.columns]
    order = np.lexsort(
        [np.arange(int(keep.sum())), *position, coded["article_id"][0],
         *(coded[k][0] for k in reversed(keys))]
    )  # fmt: skip
    if not len(order):
        return pd.DataFrame(columns=[*keys, *COLUMNS])
    scores = t["score"].to_numpy(dtype=float)[keep][order]
    del position, keep
    group = [coded[k][0][order] for k in keys]
    change = np.zeros(len(order), dtype=bool)
    change[0] = True
    for g in group:
        change[1:] |= g[1:] != g[:-1]
    starts = np.flatnonzero(change)
    out = {k: coded[k][1][g[starts]] for k, g in zip(keys, group)}
    del group
    seeds = np.fromiter(
        (zlib.crc32("|".join(map(str, key)).encode()) ^ seed for key in zip(*out.values())),
        dtype=np.int64,
        count=len(starts),
    )
    ci = seeded_intervals(Runs(scores, starts), seeds, n_boot=n_boot)
    del seeds
    c = _counts(coded["article_id"], coded["label"], order, change, starts)
    del coded, order, change
    n = c["n_mentions"]
    out |= {
        "n_mentions": n,
        "n_articles": c["n_articles"],
        "tone": run_means(scores, starts),
        "ci_low": ci[:, 0],
        "ci_high": ci[:, 1],
        **{label: c[label] for label in ("negative", "neutral", "positive")},
        "warning": _warnings(n, min_mentions),
    }
    return pd.DataFrame(out).round({"tone": 4, "ci_low": 4, "ci_high": 4})


def _warnings(n: np.ndarray, min_mentions: int) -> list[str]:
    """The warning of each group of n mentions: none from `min_mentions` on (one string per
    count, shared by its groups)."""
    text = {
        k: "" if k >= min_mentions else f"only {k} mention(s): too few to compare"
        for k in np.unique(n).tolist()
    }
    return [text[k] for k in n.tolist()]
