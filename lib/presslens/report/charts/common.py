"""What every chart shares: the limits past which a chart aggregates, and helpers for labels,
heights, plurals and pooling the columns past a limit."""

from __future__ import annotations

import pandas as pd


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
