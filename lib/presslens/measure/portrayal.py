"""How actors are portrayed: tone toward each actor (``sentiment.toward`` on every mention), per
actor
and outlet, with a bootstrap 95% interval over mentions and a plain warning where n is small."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from presslens.measure.sentiment.aggregate import run_means, seeded_intervals

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


def _runs(t: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Group number of each row of `t` (sorted by `keys`) and where each group's run starts."""
    codes = t.groupby(keys, sort=True).ngroup().to_numpy()
    return codes, np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])


def _counts(t: pd.DataFrame, codes: np.ndarray, starts: np.ndarray) -> dict[str, list]:
    """Per group: mentions, distinct articles, and mentions of each tone label."""
    k = len(starts)
    ids = t["article_id"]
    seen = pd.DataFrame({"g": codes, "a": ids.to_numpy()})[ids.notna().to_numpy()]
    out = {
        "n_mentions": np.diff(np.r_[starts, len(t)]).tolist(),
        "n_articles": np.bincount(seen.drop_duplicates()["g"], minlength=k).tolist(),
    }
    labels = t["label"].to_numpy()
    for label in ("negative", "neutral", "positive"):
        out[label] = np.add.reduceat((labels == label).astype(np.int64), starts).tolist()
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
    t = tone.dropna(subset=["score"])
    if "outlet" not in t.columns:
        t = t.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    # mentions in a fixed order (by article and position), so the resamples, and the interval, do
    # not depend on the order in which partitions delivered them
    t = t.sort_values(
        [c for c in ("article_id", "start", "end") if c in t.columns], kind="mergesort"
    )
    keys = ["actor", "outlet"] if by_outlet else ["actor"]
    # each group's mentions in that order, groups in the order of their keys
    t = t.dropna(subset=keys).sort_values(keys, kind="mergesort")
    rows: list[tuple] = []
    if len(t):
        codes, starts = _runs(t, keys)
        key_rows = list(t[keys].iloc[starts].itertuples(index=False, name=None))
        values = np.split(t["score"].to_numpy(dtype=float), starts[1:])
        seeds = [zlib.crc32("|".join(map(str, key)).encode()) ^ seed for key in key_rows]
        ci = seeded_intervals(values, seeds, n_boot=n_boot)
        c = _counts(t, codes, starts)
        warn = [
            "" if n >= min_mentions else f"only {n} mention(s): too few to compare"
            for n in c["n_mentions"]
        ]
        means = run_means(t["score"].to_numpy(), starts)
        cols = zip(c["n_mentions"], c["n_articles"], means.tolist(), ci[:, 0].tolist(),
                   ci[:, 1].tolist(), c["negative"], c["neutral"], c["positive"], warn)  # fmt: skip
        rows = [(*key, *values) for key, values in zip(key_rows, cols)]
    return pd.DataFrame(rows, columns=[*keys, *COLUMNS]).round(
        {"tone": 4, "ci_low": 4, "ci_high": 4}
    )
