"""Figures of the leading actors: how each outlet quotes them and its tone toward them (fig51),
and their mentions and tone over time (fig42)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from presslens.report.figures import Chart, link_cells

from .common import MAX_COLUMNS, PERIOD_NAMES, short_label, more_in_csv

MAX_ACTORS = 12  # rows of the outlet x actor figure
MAX_LINES = 6  # actors drawn over time
MIN_TONE_ARTICLES = 5  # a cell's or period's tone is drawn from this many articles
FIRM_TONE_ARTICLES = 10  # ... and in full colour from this many (faded below)


def _cell_text(x: float, col: str, n: float) -> str:
    """A cell's label: '12%', '<1%' for a share; '+0.21' over 'n=14' (articles) for a tone."""
    if np.isnan(x):
        return ""
    if col == "quote_share":
        return "<1%" if 0 < x < 0.005 else f"{x:.0%}"
    return f"{x:+.2f}\nn={int(n)}"


def _grid(oa: pd.DataFrame, actors: list[str], outlets: list[str], col: str) -> np.ndarray:
    """actors x outlets values of one column of `outlet_actor` (NaN where absent)."""
    wide = oa.pivot_table(index="actor", columns="outlet", values=col, aggfunc="first")
    return wide.reindex(index=actors, columns=outlets).to_numpy(dtype=float)


def _panel(
    fig: plt.Figure,
    ax: plt.Axes,
    panel: tuple,
    v: np.ndarray,
    n: np.ndarray,
    star: set,
    actors: list[str],
    cols: list[str],
) -> None:
    """One heatmap of figure 51: a column of outlet_actor (share of quotes or tone) by actor and
    outlet, each cell labelled, a star where a difference holds."""
    col, measure, title, cmap, vmin, vmax = panel
    if col == "tone":  # a tone resting on few articles is not shown, on few is faded
        v = np.where(n >= MIN_TONE_ARTICLES, v, np.nan)
    top = (
        vmax if vmax is not None else max(float(np.nanmax(v)) if np.isfinite(v).any() else 0, 0.05)
    )
    firm = v if col != "tone" else np.where(n >= FIRM_TONE_ARTICLES, v, np.nan)
    image = ax.imshow(np.ma.masked_invalid(firm), cmap=cmap, vmin=vmin, vmax=top, aspect="auto")
    if col == "tone":
        faded = np.where(n < FIRM_TONE_ARTICLES, v, np.nan)
        ax.imshow(
            np.ma.masked_invalid(faded),
            cmap=cmap,
            vmin=vmin,
            vmax=top,
            aspect="auto",
            alpha=0.35,
        )
    fig.colorbar(image, ax=ax, shrink=0.6, pad=0.02)
    ax.set_xticks(range(len(cols)), [short_label(c, 20) for c in cols], rotation=35, ha="right")
    ax.set_title(title, fontsize=10)
    for (i, j), x in np.ndenumerate(v):
        mark = "*" if (measure, actors[i], cols[j]) in star else ""
        dark = not np.isnan(x) and abs(x) > 0.6 * max(abs(vmin or 0), top)
        dark = dark and (col != "tone" or n[i, j] >= FIRM_TONE_ARTICLES)
        ax.text(
            j,
            i,
            _cell_text(x, col, n[i, j]) + mark,
            color="white" if dark else "black",
            ha="center",
            va="center",
            fontsize=7,
            fontweight="bold" if mark else "normal",
        )


def outlet_actor(
    oa: pd.DataFrame, diffs: pd.DataFrame, leading: list[str], outlets: list[str]
) -> Chart:
    """fig51: the leading actors (rows) by outlet (columns): share of the outlet's quotes and tone
    toward the actor; a star marks a difference from the other outlets that holds."""
    name = "fig51-outlet-actor"
    if oa.empty or not leading or len(outlets) < 2:
        why = (
            "fewer than two outlets have enough articles to compare"
            if len(outlets) < 2
            else "no actor is mentioned often enough to compare outlets on it"
        )
        return Chart(
            name, "How each outlet quotes and portrays the leading actors.", oa, absent=why
        )
    actors, cols = leading[:MAX_ACTORS], outlets[:MAX_COLUMNS]
    names = oa.drop_duplicates("actor").set_index("actor")["name"].reindex(actors).fillna("")
    labels = [short_label(n or a, 30) for a, n in names.items()]
    holds = diffs[diffs["holds"]] if len(diffs) else diffs
    star = {(r.measure, r.subject, r.outlet) for r in holds.itertuples()}
    fig, axes = plt.subplots(
        1, 2, figsize=(min(2 * (0.9 * len(cols) + 1.5) + 2.5, 24), 0.42 * len(actors) + 2.6)
    )
    panels = [
        ("quote_share", "quote share", "share of the outlet's quotes", "Blues", 0, None),
        ("tone", "tone toward", "tone toward the actor", "RdBu", -0.5, 0.5),
    ]
    n = _grid(oa, actors, cols, "n")
    for ax, panel in zip(axes, panels):
        _panel(fig, ax, panel, _grid(oa, actors, cols, panel[0]), n, star, actors, cols)
        ax.set_yticks(range(len(actors)), labels if ax is axes[0] else [""] * len(actors))
        link_cells(ax, name, [[f"{a}|{o}" for o in cols] for a in actors])
    fig.suptitle("The leading actors by outlet", fontsize=11)
    fig.tight_layout()
    n_actors, n_outlets = oa["actor"].nunique(), len(outlets)
    caption = (
        f"The {len(actors)} most-mentioned people, organisations and groups (30+ mentions) in the "
        f"{len(cols)} outlets with 20+ articles: the share of each outlet's quotes they speak, and "
        "the mean tone toward them (each article's mean, -1 to +1, over n articles; faded "
        f"below {FIRM_TONE_ARTICLES} articles, blank below {MIN_TONE_ARTICLES}). A blank share: "
        "the outlet never quotes the actor or never names it. A star marks an outlet that "
        "differs from the other outlets beyond chance (Benjamini-Hochberg corrected) and by enough "
        "to matter; data/outlet_differences.csv has every test with intervals."
        + more_in_csv(n_outlets - len(cols), "outlets", "data/outlet_actor.csv")
        + more_in_csv(n_actors - len(actors), "actors", "data/outlet_actor.csv")
    )
    data = oa[oa["actor"].isin(set(actors)) & oa["outlet"].isin(set(cols))]
    return Chart(
        name,
        caption,
        data.reset_index(drop=True),
        fig,
        keys=[f"{a}|{o}" for a in actors for o in cols],
    )


def actors_over_time(periods: pd.DataFrame, period: str) -> Chart:
    """fig42: mentions of the leading actors per period and the tone toward them."""
    name = "fig42-actors-over-time"
    if periods.empty or periods["period"].nunique() < 2:
        return Chart(
            name,
            "The leading actors over time.",
            periods,
            absent="the dated articles span fewer than two periods or name no leading actor",
        )
    totals = (
        periods.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="mergesort")
    )
    shown = totals.index[:MAX_LINES].tolist()
    seen = sorted(periods["period"].unique())
    try:  # every period from the first to the last, the empty ones too, so time is to scale
        order = [str(x) for x in pd.period_range(seen[0], seen[-1], freq=period)]
    except (ValueError, TypeError):
        order = seen
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10.5, 6.4), sharex=True)
    x = np.arange(len(order))
    for k, actor in enumerate(shown):
        g = periods[periods["actor"] == actor].set_index("period").reindex(order)
        label = short_label(g["name"].dropna().iloc[0] if g["name"].notna().any() else actor, 28)
        (line,) = top.plot(x, g["mentions"].fillna(0), marker="o", ms=3, lw=1.4, label=label)
        ok = g["n"].fillna(0) >= MIN_TONE_ARTICLES
        bottom.errorbar(
            x[ok.to_numpy()] + (k - (len(shown) - 1) / 2) * 0.1,
            g["tone"][ok],
            yerr=[
                (g["tone"] - g["tone_lo"])[ok].clip(lower=0),
                (g["tone_hi"] - g["tone"])[ok].clip(lower=0),
            ],
            color=line.get_color(),
            marker="o",
            ms=3,
            ls="none",
            elinewidth=1,
            capsize=2,
        )
    top.set_ylabel("mentions")
    top.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    bottom.axhline(0, color="#999", lw=0.8)
    bottom.set_ylabel("tone toward (95% interval)")
    step = max(1, len(order) // 12)
    bottom.set_xticks(x[::step], [str(p) for p in order[::step]], rotation=35, ha="right")
    unit = PERIOD_NAMES.get(period, "period")
    top.set_title(f"The leading actors per {unit}")
    fig.tight_layout()
    caption = (
        f"Mentions of the {len(shown)} most-mentioned actors per {unit} (top) and the mean tone "
        f"toward them (each article's mean) with 95% intervals (bottom; a {unit} with fewer than "
        f"{MIN_TONE_ARTICLES} articles naming an actor is left out)."
        + more_in_csv(len(totals) - len(shown), "actors", "data/actor_periods.csv")
    )
    data = periods[periods["actor"].isin(set(shown))].reset_index(drop=True)
    return Chart(name, caption, data, fig, keys=[])
