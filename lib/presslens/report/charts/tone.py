"""Figures of stages 10 and 20: lines removed by cleaning, tone by article, tone by outlet, the
distribution of sentence tone."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from presslens.report.figures import Chart, link_points, linked_errorbar
from .common import MAX_BARS, fig_height, short_label, more_in_csv, plural


# ---- 10: cleaning --------------------------------------------------------------------------


def cleaning(
    removed: pd.DataFrame,
    article_ids: list[str],
    *,
    max_articles: int = MAX_BARS,
    labels: Mapping[str, str] | None = None,
) -> Chart:
    """Lines removed per article and rule (up to `max_articles` articles), else per rule.

    `removed` has one row per (article_id, rule) with `lines`; `article_ids` lists every input
    article; `labels` names each article on the axis (`common.article_labels`), else its id.
    """
    name = "fig01-cleaning"
    if removed.empty:
        return Chart(
            name,
            "Lines removed by cleaning.",
            removed,
            absent=f"cleaning removed no line from the {plural(len(article_ids), 'input')} "
            "(nothing matched the rules)",
        )
    if len(article_ids) <= max_articles:
        by = removed.pivot_table(
            index="article_id", columns="rule", values="lines", aggfunc="sum", fill_value=0
        ).reindex(article_ids, fill_value=0)
        title, xlabel = "Lines removed by cleaning, per article and rule", "lines removed"
        caption = f"{title} (every line is listed in data/removed.csv)."
    else:
        by = (
            removed.groupby("rule")
            .agg(lines=("lines", "sum"), articles=("article_id", "nunique"))
            .sort_values("lines", ascending=False)
        )
        title, xlabel = "Lines removed by cleaning, per rule", "count"
        caption = (
            f"{title}, over {plural(len(article_ids), 'input')} "
            "(every removed line, with its article, is in data/removed.csv)."
        )
    fig, ax = plt.subplots(figsize=(8, fig_height(len(by), per=0.42)))
    by.plot.barh(stacked=len(article_ids) <= max_articles, ax=ax, width=0.7, colormap="tab10")
    names = labels or {}
    ax.set_yticks(range(len(by)), [short_label(names.get(i, i), 64) for i in by.index])
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.set_title(title)
    ax.invert_yaxis()
    ax.legend(bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    data = (
        removed if len(article_ids) <= max_articles else by.reset_index()
    )  # the CSV holds what is drawn; data/removed.csv has every line
    return Chart(name, caption, data, fig)


# ---- 20: tone ------------------------------------------------------------------------------


def tone_by_article(
    article_tone: pd.DataFrame,
    outlets: pd.Series,
    methods: list[str],
    *,
    max_articles: int = MAX_BARS,
    labels: Mapping[str, str] | None = None,
) -> Chart:
    """Article tone with its interval for each method; past `max_articles`, the most negative and
    most positive half each by the first method. `labels` names each article on the axis
    (`common.article_labels`), else 'id (outlet)'."""
    name, main = "fig20-tone-by-article", methods[0]
    data = article_tone.assign(outlet=article_tone["article_id"].map(outlets))
    own = article_tone[article_tone["method"] == main].sort_values(
        ["tone", "article_id"], kind="mergesort"
    )
    if own.empty:
        return Chart(
            name,
            "Tone by article.",
            data,
            absent="no article was analysed, so there is no tone to show",
        )
    n = len(own)
    if n > max_articles:
        half = max_articles // 2
        own = pd.concat([own.head(half), own.tail(half)])
        shown = (
            f" The {half} most negative and {half} most positive of {n:,} articles by {main}; "
            "every article is in data/article_sentiment.csv."
        )
    else:
        shown = ""
    ids = own["article_id"].tolist()
    fig, ax = plt.subplots(figsize=(8, fig_height(len(ids), per=0.42)))
    _article_bars(ax, article_tone, ids, methods, name)
    ax.set_yticks(
        np.arange(len(ids)),
        [labels[a] if labels and a in labels else _article_label(a, outlets) for a in ids],
    )
    if n > max_articles:
        ax.axhline(len(ids) / 2 - 0.5, color="#bbb", lw=0.8, ls=":")
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel("article tone: mean sentence score, with bootstrap 95% interval")
    ax.set_title("Tone by article")
    ax.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left")
    caption = (
        "Tone by article: mean sentence score with bootstrap 95% intervals over the article's "
        "sentences, for each method." + shown
    )
    return Chart(
        name, caption, data[data["article_id"].isin(set(ids))], fig, keys=ids
    )  # the drawn articles; all in data/article_sentiment.csv


def tone_by_outlet(
    outlet_tone: pd.DataFrame, method: str, *, min_articles: int = 5, max_outlets: int = 30
) -> Chart:
    """Outlet tone with its interval over articles; past `max_outlets`, the outlets with most
    articles."""
    name = "fig21-tone-by-outlet"
    om = outlet_tone[outlet_tone["method"] == method]
    if om.empty:
        return Chart(
            name,
            "Tone by outlet.",
            outlet_tone,
            absent="no article was analysed, so no outlet has a tone",
        )
    n = len(om)
    om = (
        om.sort_values(["n_articles", "outlet"], ascending=[False, True], kind="mergesort")
        .head(max_outlets)
        .sort_values(["tone", "outlet"], kind="mergesort")
    )
    fig, ax = plt.subplots(figsize=(8, fig_height(len(om), per=0.4)))
    y = np.arange(len(om))
    _outlet_points(ax, om, y, name)
    ax.set_yticks(
        y, [short_label(f"{o} (n={k:,})", 44) for o, k in zip(om["outlet"], om["n_articles"])]
    )
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel(f"outlet tone ({method}): mean of its articles' tones")
    few = (om["n_articles"] < min_articles).any()
    ax.set_title(
        "Tone by outlet" + (" (some outlets have too few articles to compare)" if few else "")
    )
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    caption = (
        f"Tone by outlet ({method}): mean of article tones with bootstrap 95% intervals over "
        "articles; n is the number of articles. "
        f"Outlets with fewer than {min_articles} articles are too few to compare."
        + (
            f" The {len(om)} outlets with most articles of {n:,};"
            + more_in_csv(n - len(om), "outlets", "the CSV")
            if n > len(om)
            else ""
        )
    )
    return Chart(name, caption, outlet_tone, fig, keys=om["outlet"].tolist())


def sentence_tone(histogram: pd.DataFrame, *, threshold: float = 0.05) -> Chart:
    """Distribution of sentence scores per method (counts per bin of width 0.1)."""
    name = "fig22-sentence-tone"
    if histogram.empty or histogram["sentences"].sum() == 0:
        return Chart(
            name, "Distribution of sentence tone.", histogram, absent="no sentence was scored"
        )
    fig, ax = plt.subplots(figsize=(8, 3.6))
    keys = []
    for m, g in histogram.groupby("method", sort=False):
        g = g.sort_values("bin")
        bars = ax.bar(
            g["bin_low"],
            g["sentences"],
            width=g["bin_high"] - g["bin_low"],
            align="edge",
            alpha=0.55,
            label=m,
        )
        point = [f"{m}|{b}" if n else None for b, n in zip(g["bin"], g["sentences"])]
        link_points(bars, name, point)
        keys += [k for k in point if k]
    ax.axvspan(-threshold, threshold, color="#eee", zorder=0, label=f"neutral band (+-{threshold})")
    ax.set_xlabel("sentence score")
    ax.set_ylabel("sentences")
    ax.set_title("Distribution of sentence tone")
    ax.legend(frameon=False)
    n = int(histogram.groupby("method")["sentences"].sum().max())
    caption = (
        f"Distribution of sentence scores for each method over {n:,} sentences; "
        f"the grey band is VADER's neutral zone (+-{threshold})."
    )
    return Chart(name, caption, histogram, fig, keys=keys)


def _article_bars(
    ax: plt.Axes, article_tone: pd.DataFrame, ids: list, methods: list[str], name: str
) -> None:
    """Each method's tone and interval for the articles `ids`, side by side, linked to them."""
    for k, (offset, m) in enumerate(zip(np.linspace(-0.15, 0.15, len(methods)), methods)):
        sub = article_tone[article_tone["method"] == m].set_index("article_id").reindex(ids)
        linked_errorbar(
            ax,
            sub["tone"],
            np.arange(len(ids)) + offset,
            sub["ci_low"],
            sub["ci_high"],
            name,
            ids,
            color=f"C{k}",
            label=m,
        )


def _article_label(article_id: str, outlets: pd.Series) -> str:
    """'article (outlet)' for the article axis, '?' for an unknown outlet."""
    outlet = outlets.get(article_id)
    return short_label(f"{article_id} ({outlet if isinstance(outlet, str) else '?'})", 44)


def _outlet_points(ax: plt.Axes, om: pd.DataFrame, y: np.ndarray, name: str) -> None:
    """Outlet tones with their intervals; outlets with one article (no interval) drawn hollow."""
    has_ci = om["ci_low"].notna().to_numpy()
    for part, hollow, label in (
        (has_ci, False, "mean, 95% interval"),
        (~has_ci, True, "one article: no interval"),
    ):
        if part.any():
            sub = om[part]
            linked_errorbar(
                ax,
                sub["tone"],
                y[part],
                sub["ci_low"],
                sub["ci_high"],
                name,
                sub["outlet"].tolist(),
                color="#1f77b4",
                label=label,
                hollow=hollow,
            )
