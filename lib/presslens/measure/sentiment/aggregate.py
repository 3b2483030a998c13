"""Tone per article, outlet or any group, with bootstrap 95% intervals that are exact and
deterministic (fixed-point sums in a fixed order; large groups resampled in blocks)."""

from __future__ import annotations

from collections.abc import Sequence
import numpy as np
import pandas as pd
from .scores import THRESHOLD


# ---- aggregates with bootstrap intervals ---------------------------------------------------


# scores are summed as whole millionths: exact, so any summation order gives the same result
FIXED = 1_000_000


def _fixed(values: np.ndarray) -> np.ndarray:
    """Values in whole millionths, as integer-valued floats (sums of these are exact below
    2**53)."""
    return np.rint(np.asarray(values, dtype=float) * FIXED)


def fixed_mean(values: np.ndarray) -> float:
    """Mean of values taken to six decimals, computed exactly: the same on every machine and in
    every partition, whatever the order of the additions (NaN for no values)."""
    v = _fixed(values)
    return float(v.sum() / (len(v) * FIXED)) if len(v) else float("nan")


def resample_counts(n: int, *, n_boot: int, seed: int) -> np.ndarray:
    """How often each of n positions is drawn in each of n_boot resamples (shared by all groups of
    size n)."""
    rng = np.random.default_rng([seed, n])
    idx = rng.integers(0, n, size=(n_boot, n))
    flat = (idx + (np.arange(n_boot) * n)[:, None]).ravel()
    return np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n).astype(float)


BLOCK = 4_000_000  # resampled positions held in memory at once (32 MB of float64)


def _large_group_means(values: np.ndarray, *, n_boot: int, seed: int) -> np.ndarray:
    """Resampled means of one large group, resamples drawn in blocks of rows so memory stays at
    BLOCK positions however many values the group has (`resampled_sums` of its values in whole
    millionths: the same draws as `resample_counts`, exact sums)."""
    return resampled_sums([_fixed(values)], n_boot=n_boot, seed=seed)[0] / (len(values) * FIXED)


def resampled_sums(columns: Sequence[np.ndarray], *, n_boot: int, seed: int) -> list[np.ndarray]:
    """For each of `columns` (n integer-valued numbers each, counts per position), its sum in each
    of n_boot resamples of the n positions: ``resample_counts(n, ...) @ column``, the same draws.
    When the count matrix would exceed BLOCK positions the resamples are drawn in blocks of rows
    (the generator's stream does not depend on the block size), so memory stays bounded however
    large n (at 80,000 articles the matrix and its draws took gigabytes); the sums are exact (whole
    numbers below 2**53), so they do not depend on the order of the additions either."""
    n = len(columns[0]) if columns else 0
    if n_boot * n <= BLOCK:
        counts = resample_counts(n, n_boot=n_boot, seed=seed)
        return [counts @ np.asarray(c, dtype=float) for c in columns]
    rng = np.random.default_rng([seed, n])
    rows = max(1, BLOCK // n)
    values = [np.asarray(c, dtype=float) for c in columns]
    out = [np.empty(n_boot) for _ in columns]
    for i in range(0, n_boot, rows):
        k = min(rows, n_boot - i)
        idx = rng.integers(0, n, size=(k, n))
        for o, v in zip(out, values):
            o[i : i + k] = v[idx].sum(axis=1)
    return out


def bootstrap_intervals(
    groups: Sequence[np.ndarray], *, n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> np.ndarray:
    """Percentile bootstrap interval of the mean for each group of values, as a (k, 2) array; NaN
    for fewer than 2 values.

    A group's resamples depend only on its size and the seed, and its resampled sums are exact
    (values in whole millionths, so every partial sum is an integer a float holds exactly): a
    group's
    interval is the same whichever other groups share its block, on any machine and any BLAS.
    Groups too large for a resampling matrix are resampled in blocks (`_large_group_means`).
    """
    out = np.full((len(groups), 2), np.nan)
    sizes = np.array([len(g) for g in groups], dtype=int)
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    for n in np.unique(sizes[sizes >= 2]):
        where = np.flatnonzero(sizes == n)
        if n_boot * int(n) > BLOCK:
            for j in where:
                out[j] = np.quantile(
                    _large_group_means(
                        np.asarray(groups[j], dtype=float), n_boot=n_boot, seed=seed
                    ),
                    q,
                )
            continue
        counts = resample_counts(int(n), n_boot=n_boot, seed=seed)
        step = max(1, BLOCK // (n_boot * int(n)))  # bound memory: about 32 MB of means per block
        for i in range(0, len(where), step):
            rows = where[i : i + step]
            sums = np.vstack([_fixed(groups[j]) for j in rows]) @ counts.T
            out[rows] = np.quantile(sums / (int(n) * FIXED), q, axis=1).T
    return out


def bootstrap_ci(
    values: np.ndarray, *, n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of one group; NaN when there are fewer than 2
    values."""
    lo, hi = bootstrap_intervals(
        [np.asarray(values, dtype=float)], n_boot=n_boot, seed=seed, level=level
    )[0]
    return float(lo), float(hi)


def _seeded_means(values: np.ndarray, *, n_boot: int, seed: int) -> np.ndarray:
    """Resampled means of one group drawn from its own seed: the draws of `resample_counts` for
    its size and seed, summed exactly (so equal to the sums its counts give)."""
    n = len(values)
    idx = np.random.default_rng([seed, n]).integers(0, n, size=(n_boot, n))
    return _fixed(values)[idx].sum(axis=1) / (n * FIXED)


class Runs(Sequence):
    """The runs of consecutive values beginning at `starts` (ascending, the first 0) as a
    sequence of arrays, without holding an array per run."""

    def __init__(self, values: np.ndarray, starts: np.ndarray) -> None:
        self.values, self.bounds = values, np.r_[starts, len(values)]

    def __len__(self) -> int:
        return len(self.bounds) - 1 if len(self.values) else 0

    def __getitem__(self, i):  # type: ignore[override]
        return self.values[self.bounds[i] : self.bounds[i + 1]]

    def sizes(self) -> np.ndarray:
        return np.diff(self.bounds) if len(self) else np.zeros(0, dtype=int)


def seeded_intervals(
    groups: Sequence[np.ndarray], seeds: Sequence[int], *, n_boot: int = 2000, level: float = 0.95
) -> np.ndarray:
    """Percentile bootstrap interval of the mean of each group, each drawn from its own seed, as
    a (k, 2) array: bitwise what `bootstrap_ci` gives each group alone with its seed (NaN for
    fewer than 2 values), with the quantiles of groups of one size taken together."""
    out = np.full((len(groups), 2), np.nan)
    sizes = (
        groups.sizes()
        if isinstance(groups, Runs)
        else np.array([len(g) for g in groups], dtype=int)
    )
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    for n in np.unique(sizes[sizes >= 2]):
        where = np.flatnonzero(sizes == n)
        if n_boot * int(n) > BLOCK:
            for j in where:
                values = np.asarray(groups[j], dtype=float)
                out[j] = np.quantile(
                    _large_group_means(values, n_boot=n_boot, seed=int(seeds[j])), q
                )
            continue
        step = max(1, BLOCK // (n_boot * int(n)))  # about 32 MB of means per block
        for i in range(0, len(where), step):
            rows = where[i : i + step]
            means = np.vstack(
                [_seeded_means(groups[j], n_boot=n_boot, seed=int(seeds[j])) for j in rows]
            )
            out[rows] = np.quantile(means, q, axis=1).T
    return out


def run_means(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """`fixed_mean` of each run of consecutive values beginning at `starts` (ascending, the first
    0), computed exactly as `fixed_mean` computes it."""
    v = _fixed(values)
    if not len(v):
        return np.empty(0)
    sizes = np.diff(np.r_[starts, len(v)])
    return np.add.reduceat(v, starts) / (sizes * FIXED)


def _grouped(
    frame: pd.DataFrame, keys: list[str], value: str
) -> tuple[pd.DataFrame, list[np.ndarray]]:
    """The distinct keys (sorted) and each group's values, in the same order."""
    frame = frame.sort_values(keys, kind="mergesort")
    codes = frame.groupby(keys, sort=True).ngroup().to_numpy()
    values = frame[value].to_numpy(dtype=float)
    bounds = np.flatnonzero(np.diff(codes)) + 1
    keys_frame = (
        frame[keys].iloc[np.r_[0, bounds]].reset_index(drop=True)
        if len(frame)
        else frame[keys].iloc[0:0]
    )
    return keys_frame, np.split(values, bounds) if len(frame) else []


def article_tone(
    sentiment: pd.DataFrame, *, method: str = "vader", n_boot: int = 2000, seed: int = 0
) -> pd.DataFrame:
    """Article tone (mean of its sentence scores) with a bootstrap 95% interval over sentences, n
    and the shares of +/- sentences."""
    sub = sentiment[sentiment["method"] == method]
    keys, groups = _grouped(sub, ["article_id"], "compound")
    ci = bootstrap_intervals(groups, n_boot=n_boot, seed=seed)
    out = keys.assign(
        method=method,
        n_sentences=np.array([len(g) for g in groups], dtype=int),
        tone=[fixed_mean(g) for g in groups],
        ci_low=ci[:, 0],
        ci_high=ci[:, 1],
        share_negative=[float((g <= -THRESHOLD).mean()) for g in groups],
        share_positive=[float((g >= THRESHOLD).mean()) for g in groups],
    )
    return out.round(
        {c: 6 for c in ("tone", "ci_low", "ci_high", "share_negative", "share_positive")}
    )


def _warning(n: int, *, min_n: int, unit: str, whom: str) -> str:
    """Plain-English caveat for a group of n units."""
    if n == 1:
        return f"only 1 {unit}: no interval, not comparable"
    if n < min_n:
        return f"only {n} {unit}s: too few {unit}s to compare {whom} (fewer than {min_n})"
    return ""


def group_tone(
    article_tone: pd.DataFrame,
    groups: pd.Series,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    min_n: int = 5,
    unit: str = "article",
    whom: str = "groups",
) -> pd.DataFrame:
    """Tone of groups of articles (mean of article tones) with bootstrap intervals over articles, n
    and a plain warning."""
    t = article_tone.assign(
        group=article_tone["article_id"].map(groups).fillna("(unknown)").astype(str)
    )
    keys, values = _grouped(t, ["group", "method"], "tone")
    ci = bootstrap_intervals(values, n_boot=n_boot, seed=seed)
    sizes = [len(v) for v in values]
    out = keys.assign(
        n=np.array(sizes, dtype=int),
        tone=[fixed_mean(v) for v in values],
        ci_low=ci[:, 0],
        ci_high=ci[:, 1],
        warning=[_warning(n, min_n=min_n, unit=unit, whom=whom) for n in sizes],
    )
    return out.round({"tone": 6, "ci_low": 6, "ci_high": 6})


def outlet_tone(
    article_tone: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    min_articles: int = 5,
) -> pd.DataFrame:
    """Outlet tone: mean of its articles' tones, bootstrap 95% interval over articles, n_articles
    and a warning when n is small."""
    outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    out = group_tone(
        article_tone,
        outlets,
        n_boot=n_boot,
        seed=seed,
        min_n=min_articles,
        unit="article",
        whom="outlets",
    )
    return out.rename(columns={"group": "outlet", "n": "n_articles"})
