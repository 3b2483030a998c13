"""The report's figures: one function per figure, each returning a `figures.Chart` (figure and
data).

Every chart stays readable whatever the corpus size: past a limit it aggregates (the top outlets,
actors or names, with "n more in the CSV"; events binned by month or year; coverage per day,
week, month, quarter or year chosen from the span) and its caption says what it aggregated. The
CSV written beside a figure is the whole table behind it. With nothing to draw a chart has no
figure and says why (`Chart.absent`), so every corpus shape gets a report. The functions take
tables (pandas DataFrames) and read nothing themselves; `evidence` finds the sentences behind the
points a chart lists in `Chart.keys`.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from presslens.measure import events
from presslens.report.figures import Chart, link_cells, link_points, linked_errorbar

MAX_BARS = 40  # bars or points of a one-dimensional chart
MAX_COLUMNS = 15  # outlet columns of a heatmap (the rest are pooled into one column)
MAX_ROWS = 25  # rows of a heatmap
MAX_EVENTS = 30  # event rows of the timeline before it bins them by period
MAX_PANELS = 8  # outlets of the word-contrast chart
PERIOD_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
UNKNOWN_OUTLET = "(unknown outlet)"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _more(n_more: int, what: str, csv: str) -> str:
    """' (12 more outlets in the CSV)' or ''."""
    return f" {n_more:,} more {what} are in {csv}." if n_more > 0 else ""


def _height(n: int, *, per: float = 0.36, base: float = 1.7) -> float:
    return per * max(n, 1) + base


def _label(text: object, width: int = 48) -> str:
    s = str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


def _pooled(
    table: pd.DataFrame, *, column: str, weight: str, max_columns: int
) -> tuple[pd.DataFrame, int]:
    """Keep the `max_columns - 1` largest values of `column` (by total `weight`) and pool the rest
    into one value '(n other outlets)'; returns the table and how many were pooled."""
    totals = table.groupby(column)[weight].sum().sort_values(ascending=False, kind="mergesort")
    if len(totals) <= max_columns:
        return table, 0
    keep = set(totals.index[: max_columns - 1])
    n_other = len(totals) - len(keep)
    pooled = table.assign(
        **{column: table[column].where(table[column].isin(keep), f"({n_other} other outlets)")}
    )
    return pooled, n_other


# ---- 10: cleaning --------------------------------------------------------------------------


def cleaning(
    removed: pd.DataFrame, article_ids: list[str], *, max_articles: int = MAX_BARS
) -> Chart:
    """Lines removed per article and rule (up to `max_articles` articles), else per rule.

    `removed` has one row per (article_id, rule) with `lines`; `article_ids` lists every input
    article.
    """
    name = "fig01-cleaning"
    if removed.empty:
        return Chart(
            name,
            "Lines removed by cleaning.",
            removed,
            absent=f"cleaning removed no line from the {_plural(len(article_ids), 'input')} "
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
            f"{title}, over {_plural(len(article_ids), 'input')} "
            "(every removed line, with its article, is in data/removed.csv)."
        )
    fig, ax = plt.subplots(figsize=(8, _height(len(by), per=0.42)))
    by.plot.barh(stacked=len(article_ids) <= max_articles, ax=ax, width=0.7, colormap="tab10")
    ax.set_yticks(range(len(by)), [_label(i, 40) for i in by.index])
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
) -> Chart:
    """Article tone with its interval for each method; past `max_articles`, the most negative and
    most positive half each by the first method."""
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
    fig, ax = plt.subplots(figsize=(8, _height(len(ids), per=0.42)))
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
    ax.set_yticks(
        np.arange(len(ids)),
        [
            _label(f"{a} ({outlets.get(a) if isinstance(outlets.get(a), str) else '?'})", 44)
            for a in ids
        ],
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
    fig, ax = plt.subplots(figsize=(8, _height(len(om), per=0.4)))
    y = np.arange(len(om))
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
    ax.set_yticks(y, [_label(f"{o} (n={k:,})", 44) for o, k in zip(om["outlet"], om["n_articles"])])
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel(f"outlet tone ({method}): mean of its articles' tones")
    few = (om["n_articles"] < min_articles).any()
    ax.set_title(
        "Tone by outlet" + (" (some outlets have too few articles to compare)" if few else "")
    )
    ax.legend(frameon=False, fontsize=8)
    caption = (
        f"Tone by outlet ({method}): mean of article tones with bootstrap 95% intervals over "
        "articles; n is the number of articles. "
        f"Outlets with fewer than {min_articles} articles are too few to compare."
        + (
            f" The {len(om)} outlets with most articles of {n:,};"
            + _more(n - len(om), "outlets", "the CSV")
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
    pooled, n_other = _pooled(shares, column="outlet", weight="articles", max_columns=max_outlets)
    agg = pooled.groupby(["scheme", "frame", "outlet"], sort=False)[["present", "articles"]].sum()
    share = (agg["present"] / agg["articles"]).unstack("outlet").fillna(0.0)
    order = (
        shares.groupby("outlet")["articles"]
        .sum()
        .sort_values(ascending=False, kind="mergesort")
        .index
    )
    cols = [o for o in order if o in share.columns] + [
        c for c in share.columns if c.endswith("other outlets)")
    ]
    share = share[cols]
    share = share.reindex(sorted(share.index, key=lambda k: (k[0] != "generic", k[0], k[1])))
    fig, ax = plt.subplots(
        figsize=(min(1.1 * len(cols) + 4, 22), _height(len(share), per=0.38, base=2.2))
    )
    values = share.to_numpy()
    ax.imshow(values, cmap="Reds", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(cols)), [_label(c, 24) for c in cols], rotation=35, ha="right")
    ax.set_yticks(range(len(share)), [f"{s}: {f}" for s, f in share.index])
    for (i, j), v in np.ndenumerate(values):
        ax.text(
            j,
            i,
            f"{v:.0%}",
            ha="center",
            va="center",
            fontsize=7.5,
            color="white" if v > 0.5 else "black",
        )
    keys = [
        [
            f"{s}|{f}|{o}" if v and not o.endswith("other outlets)") else None
            for o, v in zip(cols, row)
        ]
        for (s, f), row in zip(share.index, values)
    ]
    link_cells(ax, name, keys)
    ax.set_title("Frames by outlet: share of the outlet's articles using each frame")
    caption = (
        "Share of each outlet's articles in which a frame is present (generic frames coded "
        "through indicator questions, issue frames from cue words); "
        "the evidence sentences are in data/article_frames.csv and on the article pages."
        + (
            f" The {len(cols) - 1} outlets with most articles; the other {n_other:,} are pooled "
            "in the last column and listed in the CSV."
            if n_other
            else ""
        )
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
    fig, ax = plt.subplots(figsize=(8, _height(len(overall), per=0.4)))
    y = np.arange(len(overall))
    bars_m = ax.barh(y - 0.2, overall["mentions"], height=0.4, label="mentioned", color="#9ecae1")
    bars_q = ax.barh(
        y + 0.2, overall["quotes"], height=0.4, label="quoted (as speaker)", color="#2ca02c"
    )
    link_points(bars_m, name, [f"mentioned|{a}" for a in overall.index])
    link_points(bars_q, name, [f"quoted|{a}" for a in overall.index])
    ax.set_yticks(y, [_label(a, 40) for a in overall.index])
    ax.invert_yaxis()
    ax.set_xlabel("count across all articles")
    ax.set_title("Who is quoted versus who is talked about")
    ax.legend(frameon=False)
    caption = (
        "Actors by number of mentions and of quotes they speak (direct and indirect); the CSV has "
        "the counts per outlet."
        + (
            f" The {len(overall)} actors mentioned most of {n:,};"
            + _more(n - len(overall), "actors", "the CSV")
            if n > len(overall)
            else ""
        )
    )
    return Chart(name, caption, qm, fig, keys=overall.index.tolist())


def naming_by_outlet(
    term_counts: pd.DataFrame, *, max_rows: int = MAX_ROWS, max_outlets: int = MAX_COLUMNS
) -> Chart:
    """How often each outlet uses each variant of a contested name (concepts named more than one
    way)."""
    name = "fig32-naming-by-outlet"
    if term_counts.empty:
        return Chart(
            name,
            "Naming variants by outlet.",
            term_counts,
            absent="no naming choice of the terms resource occurs in the analysed articles",
        )
    tc = term_counts.assign(outlet=term_counts["outlet"].fillna(UNKNOWN_OUTLET))
    contested = tc.groupby("concept")["variant"].nunique()
    shown = tc[tc["concept"].isin(contested[contested > 1].index)] if (contested > 1).any() else tc
    shown = shown.assign(row=shown["concept"].str.replace("_", " ") + ": " + shown["variant"])
    totals = shown.groupby("row")["n"].sum().sort_values(ascending=False, kind="mergesort")
    n_rows = len(totals)
    shown = shown[shown["row"].isin(set(totals.index[:max_rows]))]
    pooled, n_other = _pooled(shown, column="outlet", weight="n", max_columns=max_outlets)
    pivot = pooled.pivot_table(
        index="row", columns="outlet", values="n", aggfunc="sum", fill_value=0
    )
    order = shown.groupby("outlet")["n"].sum().sort_values(ascending=False, kind="mergesort").index
    cols = [o for o in order if o in pivot.columns] + [
        c for c in pivot.columns if c.endswith("other outlets)")
    ]
    pivot = pivot[cols].sort_index()
    values = pivot.to_numpy()
    fig, ax = plt.subplots(
        figsize=(min(1.1 * len(cols) + 4.5, 22), _height(len(pivot), per=0.38, base=2.2))
    )
    ax.imshow(values, cmap="Purples", aspect="auto")
    ax.set_xticks(range(len(cols)), [_label(c, 24) for c in cols], rotation=35, ha="right")
    ax.set_yticks(range(len(pivot)), [_label(r, 50) for r in pivot.index])
    top = values.max() if values.size else 0
    for (i, j), v in np.ndenumerate(values):
        ax.text(
            j,
            i,
            f"{int(v):,}",
            ha="center",
            va="center",
            fontsize=7.5,
            color="white" if v > top / 2 else "black",
        )
    row_key = dict(zip(shown["row"], shown["concept"] + ": " + shown["variant"]))
    keys = [
        [
            f"{row_key[r]}|{o}" if v and not o.endswith("other outlets)") else None
            for o, v in zip(cols, vals)
        ]
        for r, vals in zip(pivot.index, values)
    ]
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
        + (
            f" The {len(cols) - 1} outlets using them most; the other {n_other:,} are pooled in "
            "the last column and listed in the CSV."
            if n_other
            else ""
        )
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
    fig, ax = plt.subplots(figsize=(8, _height(len(shown), per=0.42)))
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
        y, [_label(f"{a} (n={k:,})", 44) for a, k in zip(shown["actor"], shown["n_mentions"])]
    )
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel("tone toward the actor: mean over mentions, bootstrap 95% interval")
    ax.set_title("How actors are portrayed (all outlets)")
    caption = (
        "Tone toward each actor: P(positive) - P(negative) of the target-sentiment model on every "
        "mention, averaged, with bootstrap 95% intervals; "
        "n is the number of mentions. The CSV has it per outlet too."
        + (
            f" The {len(shown)} actors mentioned most of {n:,};"
            + _more(n - len(shown), "actors", "the CSV")
            if n > len(shown)
            else ""
        )
    )
    return Chart(name, caption, portrayal, fig, keys=shown["actor"].tolist())


# ---- 40: time ------------------------------------------------------------------------------


def event_timeline(groups: pd.DataFrame, *, max_events: int = MAX_EVENTS) -> Chart:
    """Referenced events on the calendar: one row per event group when they fit, else event
    mentions binned by month or year with the most referenced events named."""
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
    fig, ax = plt.subplots(figsize=(10, _height(len(g), per=0.45, base=1.9)))
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
        who = f" [{_label(r.actors, 30)}]" if r.actors else ""
        ax.annotate(
            f"{_label(r.label, 50)}{who}: {_plural(int(r.n_articles), 'article')}",
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
        "Referenced-event timeline: every dated expression placed on the calendar (relative dates "
        "resolved against publication dates), "
        "grouped when several articles refer to the same span and actors."
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
    top = g.sort_values(
        ["n_articles", "n_mentions", "event_id"], ascending=[False, False, True], kind="mergesort"
    ).head(5)
    named = "\n".join(
        f"{r.begin}: {_label(r.label, 40)} ({_plural(int(r.n_articles), 'article')})"
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
        f"{_plural(left_out, 'analysed article')} without a publication date left out"
        if left_out
        else "every analysed article is dated"
    )
    if cov.empty:
        why = (
            f"none of the {_plural(left_out, 'analysed article')} has a publication date"
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
    keys = []
    for ax, g in zip(axes.ravel(), groups):
        sub = best[best["group"] == g].iloc[::-1]
        bars = ax.barh(
            [_label(w, 18) for w in sub["feature"]],
            sub["z"],
            color=["#1f77b4" if z > 1.96 else "#9ecae1" for z in sub["z"]],
        )
        point = [f"{g}|{w}" for w in sub["feature"]]
        link_points(bars, name, point)
        keys += point
        ax.axvline(1.96, color="#999", lw=0.8, ls="--")
        ax.set_title(_label(g, 30), fontsize=9)
        ax.tick_params(axis="y", labelsize=8)
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
            + _more(n - len(groups), "outlets", "the CSV and data/contrasts.csv")
            if n > len(groups)
            else ""
        )
    )
    return Chart(name, caption, best, fig, keys=keys)
