"""What every chart shares: the limits past which a chart aggregates, and helpers for labels,
heights, plurals and pooling the columns past a limit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


MAX_BARS = 40  # bars or points of a one-dimensional chart
MAX_COLUMNS = 15  # outlet columns of a heatmap (the rest are pooled into one column)
MAX_ROWS = 25  # rows of a heatmap
MAX_EVENTS = 30  # event rows of the timeline before it bins them by period
MAX_PANELS = 8  # outlets of the word-contrast chart
PERIOD_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
UNKNOWN_OUTLET = "(unknown outlet)"


def plural(n: int, word: str) -> str:
    """'1 article' or '3 articles' (n with thousands separators)."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def more_in_csv(n_more: int, what: str, csv: str) -> str:
    """' (12 more outlets in the CSV)' or ''."""
    return f" {n_more:,} more {what} are in {csv}." if n_more > 0 else ""


def fig_height(n: int, *, per: float = 0.36, base: float = 1.7) -> float:
    """A figure's height in inches for n rows."""
    return per * max(n, 1) + base


def short_label(text: object, width: int = 48) -> str:
    """The text cut to `width` characters with an ellipsis."""
    s = str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


def article_labels(articles: pd.DataFrame, *, width: int = 64) -> dict[str, str]:
    """'outlet, date: headline' of each article (cut to `width` characters), by article_id: how
    a figure names an article. `articles` has article_id and any of outlet, published, title."""
    cols = articles.reindex(columns=["article_id", "outlet", "published", "title"])
    labels = {}
    for a, outlet, published, title in cols.itertuples(index=False):
        date = str(published)[:10] if isinstance(published, str) else ""
        where = ", ".join(v.strip() for v in (outlet, date) if isinstance(v, str) and v.strip())
        head = str(title).strip() if isinstance(title, str) and title.strip() else str(a)
        labels[a] = short_label(f"{where}: {head}" if where else head, width)
    return labels


def pool_outlets(
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


def with_pooled_last(order: Iterable[str], columns: Sequence[str]) -> list[str]:
    """The columns in `order`, then the pooled '(n other outlets)' column if there is one."""
    present = set(columns)
    return [o for o in order if o in present] + [c for c in columns if c.endswith("other outlets)")]


def pooled_note(n_columns: int, n_other: int, what: str) -> str:
    """The caption's sentence on pooled outlets, or ''."""
    if not n_other:
        return ""
    return (
        f" The {n_columns - 1} outlets {what}; the other {n_other:,} are pooled in the last column "
        "and listed in the CSV."
    )


def heatmap(
    values: np.ndarray,
    columns: list[str],
    rows: list[str],
    *,
    cmap: str,
    width: float,
    text: Callable[[float], str],
    white_above: float,
    vmin: float | None = None,
    vmax: float | None = None,
) -> tuple[plt.Figure, plt.Axes]:
    """A heatmap of outlets (columns) by rows, each cell labelled with `text(value)`."""
    fig, ax = plt.subplots(
        figsize=(min(1.1 * len(columns) + width, 22), fig_height(len(rows), per=0.38, base=2.2))
    )
    ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(
        range(len(columns)), [short_label(c, 24) for c in columns], rotation=35, ha="right"
    )
    ax.set_yticks(range(len(rows)), rows)
    for (i, j), v in np.ndenumerate(values):
        color = "white" if v > white_above else "black"
        ax.text(j, i, text(v), ha="center", va="center", fontsize=7.5, color=color)
    return fig, ax


def cell_keys(row_keys: Iterable[str], columns: list[str], values: np.ndarray) -> list[list]:
    """The link key of each non-empty cell ('row key|outlet'); None for empty and pooled cells."""
    return [
        [
            f"{key}|{o}" if v and not o.endswith("other outlets)") else None
            for o, v in zip(columns, row)
        ]
        for key, row in zip(row_keys, values)
    ]
