"""How actors are portrayed: tone toward each actor (``sentiment.toward`` on every mention), per
actor
and outlet, with a bootstrap 95% interval over mentions and a plain warning where n is small."""

from __future__ import annotations

import zlib

import pandas as pd

from presslens.measure import sentiment


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
    rows = []
    for key, g in t.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        v = g["score"].to_numpy(dtype=float)
        lo, hi = sentiment.bootstrap_ci(
            v, n_boot=n_boot, seed=zlib.crc32("|".join(map(str, key)).encode()) ^ seed
        )
        warn = "" if len(v) >= min_mentions else f"only {len(v)} mention(s): too few to compare"
        labels = g["label"].value_counts()
        rows.append(
            (
                *key,
                len(v),
                g["article_id"].nunique(),
                sentiment.fixed_mean(v),
                lo,
                hi,
                int(labels.get("negative", 0)),
                int(labels.get("neutral", 0)),
                int(labels.get("positive", 0)),
                warn,
            )
        )
    cols = [
        *keys,
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
    return pd.DataFrame(rows, columns=cols).round({"tone": 4, "ci_low": 4, "ci_high": 4})
