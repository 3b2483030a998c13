"""Calendar arithmetic: the ISO spans of years, months, weeks and seasons (None when out of the
calendar's range), months shifted by a count, and durations as TIMEX3 values."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season code starts
_PART_MONTHS = {
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "end": (9, 12),
    "start": (1, 4),
}


def iso_of(d: dt.date | None) -> str | None:
    """The ISO string of a date, None for None."""
    return d.isoformat() if d is not None else None


def safe(fn: Callable[[], object]) -> object | None:
    """The result of `fn`, None when it leaves the calendar's range."""
    try:
        return fn()
    except (ValueError, OverflowError):
        return None


def year_span(y: int, mod: str | None = None) -> tuple[str | None, str | None]:
    """First and last day of year `y`, or of its early/mid/late part (`mod`)."""
    if not 1 <= y <= 9999:
        return None, None
    lo, hi = _PART_MONTHS.get(mod or "", (1, 12))
    return dt.date(y, lo, 1).isoformat(), dt.date(y, hi, calendar.monthrange(y, hi)[1]).isoformat()


def month_span(y: int, m: int, mod: str | None = None) -> tuple[str | None, str | None]:
    """First and last day of month `m` of year `y`, or of its early/mid/late part (`mod`)."""
    if not 1 <= y <= 9999:
        return None, None
    last = calendar.monthrange(y, m)[1]
    lo, hi = {
        "early": (1, 10),
        "mid": (11, 20),
        "late": (21, last),
        "end": (21, last),
        "start": (1, 10),
    }.get(mod or "", (1, last))
    return dt.date(y, m, lo).isoformat(), dt.date(y, m, hi).isoformat()


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) `k` months after month `m` of year `y` (before it for negative `k`)."""
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def week(d: dt.date) -> tuple[str, str | None, str | None]:
    """The ISO week of `d`: its TIMEX3 value, its Monday and its Sunday."""
    iy, iw, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.isoweekday() - 1)
    sunday = safe(lambda: monday + dt.timedelta(days=6))
    return f"{iy:04d}-W{iw:02d}", monday.isoformat(), iso_of(sunday)  # type: ignore[arg-type]


def season_span(y: int, code: str) -> tuple[str | None, str | None]:
    """First and last day of the season `code` (SP, SU, FA, WI) that begins in year `y`."""
    if not 1 <= y <= 9998:
        return None, None
    start = dt.date(y, _SEASON_START[code], 1)
    ey, em = shift_month(y, _SEASON_START[code], 2)
    return start.isoformat(), dt.date(ey, em, calendar.monthrange(ey, em)[1]).isoformat()


def since_finish(begin: str | None, ref: dt.date | None) -> str | None:
    """The finish of "since <begin>": the reference date, None when it precedes `begin`."""
    if ref is None or begin is None or ref.isoformat() < begin:
        return None
    return ref.isoformat()


def _num_str(n: float) -> str:
    """An amount as TIMEX3 writes it: 2.0 -> '2', 1.5 -> '1.5'."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, code: str) -> str:
    """TIMEX3 duration value: (2, 'Y') -> P2Y, (24, 'TH') -> PT24H, (None, 'DE') -> PXDE."""
    if code == "2W":
        code, n = "W", (None if n is None else n * 2)
    amount = "X" if n is None else _num_str(n)
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"
