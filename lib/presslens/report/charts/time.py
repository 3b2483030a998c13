"""Figures of stage 40: the timeline of referenced events (binned by period past a limit) and
coverage over publication time."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from presslens.measure import events
from presslens.report.figures import Chart, link_points
from .common import MAX_EVENTS, PERIOD_NAMES, fig_height, short_label, plural


# ---- 40: time ------------------------------------------------------------------------------


def event_timeline(groups: pd.DataFrame, *, max_events: int = MAX_EVENTS) -> Chart:
    """Things that happened on the calendar: one row per event group (what happened, who, how many
    articles) when they fit, else event mentions binned by month or year with the most referenced
    events named."""
    name = "fig40-event-timeline"
    if groups.empty:
        return Chart(
            name,
            "Events the articles refer to.",
            groups,
            absent="no dated event was found in the analysed articles (no date, or dates that "
            "could not be placed on the calendar)",
        )
    g = groups.assign(b=pd.to_datetime(groups["begin"]), f=pd.to_datetime(groups["finish"]))
    if len(g) <= max_events:
        return _event_rows(name, g)
    return _event_bins(name, g)


def _event_rows(name: str, g: pd.DataFrame) -> Chart:
    fig, ax = plt.subplots(figsize=(10, fig_height(len(g), per=0.45, base=1.9)))
    for i, r in enumerate(g.itertuples()):
        color = "#1f77b4" if r.n_articles > 1 else "#6baed6"
        if (r.f - r.b).days > 31:
            link_points(
                ax.barh(i, (r.f - r.b).days, left=r.b, height=0.5, color=color), name, [r.event_id]
            )
        else:  # a day or a month is too short to see as a bar at this scale
            link_points(
                ax.scatter([r.b], [i], marker="D", color=color, s=36, zorder=3), name, [r.event_id]
            )
        ax.annotate(
            f"{r.value}: {short_label(r.label, 50)}, {plural(int(r.n_articles), 'article')}",
            (r.f, i),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=7.5,
            annotation_clip=False,
        )
    ax.set_yticks(range(len(g)), g["event_id"])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_xlim(g["b"].min() - pd.Timedelta(days=180), g["f"].max() + pd.Timedelta(days=180))
    ax.set_title(
        "Events the articles refer to, earliest to latest (dark: mentioned by more than one "
        "article)"
    )
    ax.set_xlabel("date of the event (bars span a year or longer; diamonds mark a day or a month)")
    caption = (
        "Referenced-event timeline: things that happened, each a date with what it dates (the noun "
        "phrase it modifies, or the verb of its clause and its subject), placed on the calendar "
        "(dates without a year resolved by the tense of their clause against the publication "
        "date, or by the date other articles give the same event) and grouped across articles "
        "by what happened and an overlapping date."
    )
    return Chart(name, caption, g.drop(columns=["b", "f"]), fig, keys=g["event_id"].tolist())


def _event_bins(name: str, g: pd.DataFrame) -> Chart:
    freq = events.bin_period(g["begin"])
    g = g.assign(period=g["b"].dt.to_period(freq).astype(str))
    bins = (
        g.groupby("period")
        .agg(
            events=("event_id", "size"),
            mentions=("n_mentions", "sum"),
            articles=("n_articles", "sum"),
        )
        .reset_index()
    )
    periods = pd.period_range(g["b"].min(), g["b"].max(), freq=freq).astype(str)
    bins = (
        bins.set_index("period").reindex(periods, fill_value=0).rename_axis("period").reset_index()
    )
    fig, ax = plt.subplots(figsize=(10, 4.2))
    x = np.arange(len(bins))
    bars = ax.bar(x, bins["mentions"], color="#6baed6", label="mentions of dated events")
    link_points(bars, name, [p if n else None for p, n in zip(bins["period"], bins["mentions"])])
    step = max(1, len(bins) // 24)
    ax.set_xticks(
        x[::step],
        bins["period"][::step],
        rotation=45 if len(bins) > 12 else 0,
        ha="right" if len(bins) > 12 else "center",
        fontsize=8,
    )
    _name_top_events(ax, g)
    ax.set_ylim(0, max(1, bins["mentions"].max()) * 1.6)
    ax.set_ylabel("mentions of dated events")
    ax.set_xlabel(f"{PERIOD_NAMES[freq]} the event happened")
    ax.set_title(
        f"When the events the articles refer to happened, per {PERIOD_NAMES[freq]} ({len(g):,} "
        "events)"
    )
    caption = (
        f"Referenced events binned by the {PERIOD_NAMES[freq]} they happened in: {len(g):,} event "
        "groups are too many to draw one per row, "
        f"so each bar counts the mentions of the events of its {PERIOD_NAMES[freq]}; the five "
        "events most articles refer to are named in the box. "
        "Every event group is in the CSV and in data/event_groups.csv."
    )
    return Chart(
        name, caption, bins, fig, keys=[p for p, n in zip(bins["period"], bins["mentions"]) if n]
    )


def coverage(cov: pd.DataFrame, period: str, *, left_out: int, tone_method: str) -> Chart:
    """Articles per publication period, with their mean tone and range."""
    name = "fig41-coverage"
    note = (
        f"{plural(left_out, 'analysed article')} without a publication date left out"
        if left_out
        else "every analysed article is dated"
    )
    if cov.empty:
        why = (
            f"none of the {plural(left_out, 'analysed article')} has a publication date"
            if left_out
            else "no analysed article has a publication date"
        )
        return Chart(name, "Coverage over publication time.", cov, absent=why)
    fig, ax = plt.subplots(figsize=(9, 3.9))
    x = np.arange(len(cov))
    bars = ax.bar(x, cov["articles"], color="#c6dbef", label="articles")
    ax.set_ylabel("articles published")
    ax.yaxis.get_major_locator().set_params(integer=True)
    step = max(1, len(cov) // 24)
    ax.set_xticks(
        x[::step],
        cov["period"][::step],
        rotation=45 if len(cov) > 8 else 0,
        ha="right" if len(cov) > 8 else "center",
        fontsize=8,
    )
    ax2 = ax.twinx()
    ax2.plot(
        x, cov["tone"], "o-", color="#d62728", ms=3, label=f"mean article tone ({tone_method})"
    )
    ax2.vlines(x, cov["tone_min"], cov["tone_max"], color="#d62728", alpha=0.4)
    ax2.axhline(0, color="#999", lw=0.6)
    lo, hi = cov["tone_min"].min(), cov["tone_max"].max()
    ax2.set_ylim(
        min(-0.1, lo - 0.05) if pd.notna(lo) else -1, max(0.1, hi + 0.05) if pd.notna(hi) else 1
    )
    ax2.set_ylabel("tone (-1..1); lines span the articles' range")
    ax.set_xlabel(f"{PERIOD_NAMES.get(period[:1], period)} of publication ({note})")
    ax.set_title("Coverage over publication time and its tone")
    fig.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize=8)
    link_points(bars, name, [p if n else None for p, n in zip(cov["period"], cov["articles"])])
    caption = (
        f"Articles per {PERIOD_NAMES.get(period[:1], period)} of publication (the finest period "
        f"that fits the span in at most 60 bars) and their mean tone; {note}."
    )
    return Chart(
        name, caption, cov, fig, keys=[p for p, n in zip(cov["period"], cov["articles"]) if n]
    )


def _name_top_events(ax: plt.Axes, g: pd.DataFrame, *, k: int = 5) -> None:
    """A box naming the `k` events most articles refer to, with their dates."""
    top = g.sort_values(
        ["n_articles", "n_mentions", "event_id"], ascending=[False, False, True], kind="mergesort"
    ).head(k)
    named = "\n".join(
        f"{r.begin}: {short_label(r.label, 40)} ({plural(int(r.n_articles), 'article')})"
        for r in top.itertuples()
    )
    ax.text(
        0.01,
        0.98,
        "Referred to by most articles:\n" + named,
        transform=ax.transAxes,
        va="top",
        ha="left",
        fontsize=7.5,
        bbox={"facecolor": "white", "edgecolor": "#ccc", "alpha": 0.9},
    )
