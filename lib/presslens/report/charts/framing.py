"""Figures of stage 30: frames by outlet, quoted versus mentioned, naming choices by outlet, tone
toward actors."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from presslens.report.figures import Chart, link_cells, link_points, linked_errorbar
from .common import (
    cell_keys,
    heatmap,
    pooled_note,
    with_pooled_last,
    MAX_COLUMNS,
    MAX_ROWS,
    UNKNOWN_OUTLET,
    fig_height,
    short_label,
    more_in_csv,
    pool_outlets,
)


# ---- 30: voices, names, frames -------------------------------------------------------------


def frames_by_outlet(shares: pd.DataFrame, *, max_outlets: int = MAX_COLUMNS) -> Chart:
    """Share of each outlet's articles using each frame (rows scheme: frame, columns outlets)."""
    name = "fig30-frames-by-outlet"
    if shares.empty or shares["articles"].sum() == 0:
        return Chart(
            name,
            "Frames by outlet.",
            shares,
            absent="no article was analysed, so no frame was coded",
        )
    pooled, n_other = pool_outlets(
        shares, column="outlet", weight="articles", max_columns=max_outlets
    )
    agg = pooled.groupby(["scheme", "frame", "outlet"], sort=False)[["present", "articles"]].sum()
    share = (agg["present"] / agg["articles"]).unstack("outlet").fillna(0.0)
    order = (
        shares.groupby("outlet")["articles"].sum().sort_values(ascending=False, kind="mergesort")
    )
    cols = with_pooled_last(order.index, list(share.columns))
    share = share[cols]
    share = share.reindex(sorted(share.index, key=lambda k: (k[0] != "generic", k[0], k[1])))
    values = share.to_numpy()
    fig, ax = heatmap(
        values,
        cols,
        [f"{s}: {f}" for s, f in share.index],
        cmap="Reds",
        width=4,
        text=lambda v: f"{v:.0%}",
        white_above=0.5,
        vmin=0,
        vmax=1,
    )
    keys = cell_keys([f"{s}|{f}" for s, f in share.index], cols, values)
    link_cells(ax, name, keys)
    ax.set_title("Frames by outlet: share of the outlet's articles using each frame")
    issue = (
        "issue frames from cue words"
        if (shares["scheme"] == "issue").any()
        else "no issue frames: they need a topic pack"
    )
    caption = (
        "Share of each outlet's articles in which a frame is present (generic frames coded "
        f"through indicator questions, {issue}); "
        "the evidence sentences are in data/article_frames.csv and on the article pages."
        + pooled_note(len(cols), n_other, "with most articles")
    )
    return Chart(name, caption, shares, fig, keys=[k for row in keys for k in row if k])


def quoted_vs_mentioned(qm: pd.DataFrame, *, top: int = 12) -> Chart:
    """The actors mentioned most, with how often each is mentioned and quoted as speaker."""
    name = "fig31-quoted-vs-mentioned"
    overall = qm.groupby("actor")[["mentions", "quotes"]].sum()
    if overall.empty or (overall.to_numpy().sum() == 0):
        return Chart(
            name,
            "Who is quoted versus who is talked about.",
            qm,
            absent="no actor was mentioned or quoted",
        )
    overall = overall.sort_values(["mentions", "quotes"], ascending=False, kind="mergesort")
    n = len(overall)
    overall = overall.head(top)
    fig, ax = plt.subplots(figsize=(8, fig_height(len(overall), per=0.4)))
    y = np.arange(len(overall))
    bars_m = ax.barh(y - 0.2, overall["mentions"], height=0.4, label="mentioned", color="#9ecae1")
    bars_q = ax.barh(
        y + 0.2, overall["quotes"], height=0.4, label="quoted (as speaker)", color="#2ca02c"
    )
    link_points(bars_m, name, [f"mentioned|{a}" for a in overall.index])
    link_points(bars_q, name, [f"quoted|{a}" for a in overall.index])
    names = dict(zip(qm["actor"], qm["name"])) if "name" in qm.columns else {}
    ax.set_yticks(y, [short_label(names.get(a, a), 40) for a in overall.index])
    ax.invert_yaxis()
    ax.set_xlabel("count across all articles")
    ax.set_title("Who is quoted versus who is talked about")
    ax.legend(frameon=False)
    caption = (
        "Actors by number of mentions and of quotes they speak (direct and indirect); the CSV has "
        "their counts per outlet."
        + (
            f" The {len(overall)} actors mentioned most of {n:,};"
            + more_in_csv(n - len(overall), "actors", "data/quoted_mentioned.csv")
            if n > len(overall)
            else ""
        )
    )
    # the figure's data is what it shows (every actor of a large corpus would be megabytes)
    shown = qm[qm["actor"].isin(set(overall.index))]
    return Chart(name, caption, shown, fig, keys=overall.index.tolist())


_NO_TERMS = {
    True: "no naming choice of the terms resource occurs in the analysed articles",
    False: "naming choices need a topic pack, and this run has none",
}


def naming_by_outlet(
    term_counts: pd.DataFrame,
    *,
    max_rows: int = MAX_ROWS,
    max_outlets: int = MAX_COLUMNS,
    has_terms: bool = True,
) -> Chart:
    """How often each outlet uses each variant of a contested name (concepts named more than one
    way); `has_terms` False says the run had no naming choices to look for (no topic pack)."""
    name = "fig32-naming-by-outlet"
    if term_counts.empty:
        return Chart(
            name,
            "Naming variants by outlet.",
            term_counts,
            absent=_NO_TERMS[has_terms],
        )
    tc = term_counts.assign(outlet=term_counts["outlet"].fillna(UNKNOWN_OUTLET))
    contested = tc.groupby("concept")["variant"].nunique()
    shown = tc[tc["concept"].isin(contested[contested > 1].index)] if (contested > 1).any() else tc
    shown = shown.assign(row=shown["concept"].str.replace("_", " ") + ": " + shown["variant"])
    totals = shown.groupby("row")["n"].sum().sort_values(ascending=False, kind="mergesort")
    n_rows = len(totals)
    shown = shown[shown["row"].isin(set(totals.index[:max_rows]))]
    pooled, n_other = pool_outlets(shown, column="outlet", weight="n", max_columns=max_outlets)
    pivot = pooled.pivot_table(
        index="row", columns="outlet", values="n", aggfunc="sum", fill_value=0
    )
    order = shown.groupby("outlet")["n"].sum().sort_values(ascending=False, kind="mergesort").index
    cols = with_pooled_last(order, list(pivot.columns))
    pivot = pivot[cols].sort_index()
    values = pivot.to_numpy()
    top = values.max() if values.size else 0
    fig, ax = heatmap(
        values,
        cols,
        [short_label(r, 50) for r in pivot.index],
        cmap="Purples",
        width=4.5,
        text=lambda v: f"{int(v):,}",
        white_above=top / 2,
    )
    row_key = dict(zip(shown["row"], shown["concept"] + ": " + shown["variant"]))
    keys = cell_keys([row_key[r] for r in pivot.index], cols, values)
    link_cells(ax, name, keys)
    ax.set_title(
        "Naming variants by outlet"
        + (" (concepts named in more than one way)" if (contested > 1).any() else "")
    )
    caption = (
        "How often each outlet uses each variant of a name (concepts the corpus names in more "
        "than one way, when there are any); every use is in data/terms.csv with its sentence."
        + (
            f" The {len(pivot)} most used of {n_rows:,} variants; all are in the CSV."
            if n_rows > len(pivot)
            else ""
        )
        + pooled_note(len(cols), n_other, "using them most")
    )
    return Chart(name, caption, term_counts, fig, keys=[k for row in keys for k in row if k])


def actor_tone(portrayal: pd.DataFrame, *, top: int = 12) -> Chart:
    """Tone toward the most mentioned actors (all outlets), with bootstrap intervals over
    mentions."""
    name = "fig33-actor-tone"
    overall = (
        portrayal[portrayal["outlet"] == "(all outlets)"] if "outlet" in portrayal else portrayal
    )
    if overall.empty:
        return Chart(
            name,
            "How actors are portrayed.",
            portrayal,
            absent="no actor was mentioned, so no tone toward one was measured",
        )
    n = len(overall)
    shown = (
        overall.sort_values(["n_mentions", "actor"], ascending=[False, True], kind="mergesort")
        .head(top)
        .sort_values(["tone", "actor"], kind="mergesort")
    )
    fig, ax = plt.subplots(figsize=(8, fig_height(len(shown), per=0.42)))
    y = np.arange(len(shown))
    linked_errorbar(
        ax,
        shown["tone"],
        y,
        shown["ci_low"],
        shown["ci_high"],
        name,
        shown["actor"].tolist(),
        color="#9467bd",
    )
    ax.set_yticks(
        y,
        [
            short_label(f"{a} (n={k:,})", 44)
            for a, k in zip(shown.get("name", shown["actor"]), shown["n_mentions"])
        ],
    )
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel("tone toward the actor: mean over mentions, bootstrap 95% interval")
    ax.set_title("How actors are portrayed (all outlets)")
    caption = (
        "Tone toward each actor: P(positive) - P(negative) of the target-sentiment model on every "
        "mention, averaged, with bootstrap 95% intervals; "
        "n is the number of mentions. The CSV has these actors per outlet too."
        + (
            f" The {len(shown)} actors mentioned most of {n:,};"
            + more_in_csv(n - len(shown), "actors", "data/actor_portrayal.csv")
            if n > len(shown)
            else ""
        )
    )
    data = portrayal[portrayal["actor"].isin(set(shown["actor"]))]  # bounded: the actors shown
    return Chart(name, caption, data, fig, keys=shown["actor"].tolist())
