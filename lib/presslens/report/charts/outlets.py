"""The figure of stage 50: the words that set each outlet apart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from presslens.report.figures import Chart, link_points
from .common import MAX_PANELS, short_label, more_in_csv


# ---- 50: outlets ---------------------------------------------------------------------------


def word_contrasts(
    best: pd.DataFrame, outlet_sizes: pd.Series, *, max_outlets: int = MAX_PANELS
) -> Chart:
    """Words that distinguish each outlet from the others (z of the log-odds ratio), one panel per
    outlet for the `max_outlets` outlets with most articles."""
    name = "fig50-word-contrasts"
    groups = (
        [
            g
            for g in outlet_sizes.sort_values(ascending=False, kind="mergesort").index
            if g in set(best["group"])
        ]
        if len(best)
        else []
    )
    if not groups:
        return Chart(
            name,
            "Words that distinguish each outlet.",
            best,
            absent="fewer than two outlets with words in common, so no outlet can be contrasted "
            "with the others",
        )
    n, groups = len(groups), groups[:max_outlets]
    cols = min(4, len(groups))
    rows = int(np.ceil(len(groups) / cols))
    k = int(best.groupby("group").size().max())
    fig, axes = plt.subplots(
        rows, cols, figsize=(3.3 * cols, (0.3 * k + 1.1) * rows + 0.6), sharex=True, squeeze=False
    )
    keys = [key for ax, g in zip(axes.ravel(), groups) for key in _panel(ax, best, g, name)]
    for ax in axes.ravel()[len(groups) :]:
        ax.set_visible(False)
    axes[-1][0].set_xlabel("z (log-odds, informative Dirichlet prior)")
    fig.suptitle(
        "Words that distinguish each outlet from the others (dashed line: z = 1.96)", fontsize=10
    )
    fig.tight_layout()
    caption = (
        "Words each outlet uses more than the others: log-odds ratio z-scores with an informative "
        "Dirichlet prior (Monroe et al. 2008); dark bars pass z = 1.96."
        + (
            f" The {len(groups)} outlets with most articles of {n:,};"
            + more_in_csv(n - len(groups), "outlets", "the CSV and data/contrasts.csv")
            if n > len(groups)
            else ""
        )
    )
    return Chart(name, caption, best, fig, keys=keys)


def _panel(ax: plt.Axes, best: pd.DataFrame, group: str, name: str) -> list[str]:
    """One outlet's panel: its words by z, dark past 1.96, each bar linked; returns the keys."""
    sub = best[best["group"] == group].iloc[::-1]
    bars = ax.barh(
        [short_label(w, 18) for w in sub["feature"]],
        sub["z"],
        color=["#1f77b4" if z > 1.96 else "#9ecae1" for z in sub["z"]],
    )
    point = [f"{group}|{w}" for w in sub["feature"]]
    link_points(bars, name, point)
    ax.axvline(1.96, color="#999", lw=0.8, ls="--")
    ax.set_title(short_label(group, 30), fontsize=9)
    ax.tick_params(axis="y", labelsize=8)
    return point
