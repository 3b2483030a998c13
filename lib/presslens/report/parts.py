"""What a page is made of, before it is rendered: values formatted for reading, text parts that
may link, table cells and tables (at most `MAX_ROWS` rows, the full table linked as CSV), and the
links to an article's sentences. The summaries build these; `pages` renders them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

MAX_ROWS = 25  # rows of any table on a page; the full table is linked as CSV
INTERACTIVE_ROWS = 10  # a table showing more rows is sortable and filterable on the start page


# ---- values and tables ---------------------------------------------------------------------


def fmt(value: object) -> str:
    """A value as a reader wants it: 1,234 for counts, three decimals for scores, '' for missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return ""
        return (
            f"{v:,.0f}"
            if abs(v) >= 1000 or (v.is_integer() and abs(v) >= 1)
            else f"{v:,.1f}"
            if abs(v) >= 100
            else f"{v:.3f}"
        )
    return str(value)


@dataclass(frozen=True)
class Part:
    """A piece of a sentence on a page: text, a link when `href` is set."""

    text: str
    href: str = ""


@dataclass(frozen=True)
class Cell:
    """A table cell: formatted text, an optional link, right-aligned when numeric; `sort` is the
    raw number an interactive table sorts by."""

    text: str
    href: str = ""
    numeric: bool = False
    sort: str = ""
    tight: bool = False


@dataclass
class Table:
    """A table for a page: at most MAX_ROWS rows, the total row count and the CSV with all of
    them."""

    columns: list[str]
    rows: list[list[Cell]]
    total: int
    csv: str = ""
    order: str = ""
    empty: str = "None."
    interactive: bool = False


def table(
    df: pd.DataFrame,
    *,
    links: dict[str, str] | None = None,
    numeric: Iterable[str] = (),
    limit: int = MAX_ROWS,
    csv: str = "",
    total: int | None = None,
    order: str = "",
    empty: str = "None.",
    labels: dict[str, str] | None = None,
) -> Table:
    """A page table from a DataFrame: the first `limit` rows, numbers formatted; `links` maps a
    column to the column holding its href (which is not shown); `total` defaults to len(df)."""
    return records_table(
        df.head(limit).to_dict("records"),
        list(df.columns),
        links=links,
        numeric=numeric,
        limit=limit,
        csv=csv,
        total=len(df) if total is None else int(total),
        order=order,
        empty=empty,
        labels=labels,
    )


def records_table(
    records: Sequence[dict],
    columns: list[str],
    *,
    links: dict[str, str] | None = None,
    numeric: Iterable[str] = (),
    limit: int = MAX_ROWS,
    csv: str = "",
    total: int | None = None,
    order: str = "",
    empty: str = "None.",
    labels: dict[str, str] | None = None,
) -> Table:
    """`table` from rows as dicts (no DataFrame: thousands of small tables a second)."""
    links, numeric, labels = links or {}, set(numeric), labels or {}
    shown = [c for c in columns if c not in set(links.values())]
    kept = records[:limit]
    formats = {c: column_format([rec.get(c) for rec in kept]) for c in shown if c in numeric}
    texts = [
        {c: formats[c](rec.get(c)) if c in formats else fmt(rec.get(c)) for c in shown}
        for rec in kept
    ]
    tight = {c for c in shown if c not in numeric and all(short_word(x[c]) for x in texts)}
    # a column with numbers sorts by them, every cell keyed (text and gaps first)
    sortable = {c for c in numeric if any(_number(rec.get(c)) is not None for rec in kept)}
    rows = [
        [
            Cell(
                text[c],
                str(rec[links[c]]) if c in links and rec.get(links[c]) else "",
                c in numeric,
                sort_key(rec.get(c)) if c in sortable else "",
                c in tight,
            )
            for c in shown
        ]
        for rec, text in zip(kept, texts)
    ]
    return Table(
        [labels.get(c, c) for c in shown],
        rows,
        len(records) if total is None else int(total),
        csv,
        order,
        empty,
        interactive=len(rows) > INTERACTIVE_ROWS,
    )


def short_word(text: str, *, limit: int = 12) -> bool:
    """True for a value a cell should never break (a date, a code): short and without spaces."""
    return len(text) <= limit and " " not in text


def _number(value: object) -> float | None:
    """`value` as a float when it is a real number (not a flag, not missing), else None."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
        return None
    v = float(value)
    return None if math.isnan(v) else v


def column_format(values: Sequence[object]) -> Callable[[object], str]:
    """One format for a whole numeric column: integers with thousands separators when every value
    is whole (counts stored as floats), else the same number of decimals in every row."""
    nums = [v for v in map(_number, values) if v is not None]
    if not nums:
        return fmt
    if all(v.is_integer() for v in nums):
        return lambda v: f"{int(_number(v)):,}" if _number(v) is not None else fmt(v)
    top = max(abs(v) for v in nums)
    places = 3 if top < 100 else 1 if top < 1000 else 0
    return lambda v: f"{_number(v):,.{places}f}" if _number(v) is not None else fmt(v)


NO_NUMBER = "-1e308"  # the sort key of a gap or a text in a column of numbers: first


def sort_key(value: object) -> str:
    """The raw number an interactive table sorts a numeric cell by (NO_NUMBER for text or
    missing)."""
    v = _number(value)
    return NO_NUMBER if v is None else repr(v)


def sentence_href(article_id: str, sent_id: int | None = None, *, prefix: str = "articles/") -> str:
    """Relative link to an article page, or to one sentence on it."""
    anchor = f"#s{int(sent_id)}" if sent_id is not None and not pd.isna(sent_id) else ""
    return f"{prefix}{article_id}.html{anchor}"


def safe_href(url: object) -> str:
    """`url` if it is http(s), else '' (javascript: and data: never link)."""
    s = str(url or "").strip()
    return s if s.lower().startswith(("http://", "https://")) else ""


def block(kind: str, **kw: Any) -> dict[str, Any]:
    """A block of a page section: p (parts), h3 (text), list (entries, each a list of parts), table,
    figure, details (summary, blocks)."""
    return {"kind": kind, "cls": "", **kw}
