"""Calendar arithmetic of the tagger: years, months, weeks and days as ISO spans (None when out
of the calendar's range), and durations as TIMEX3 values."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from .lexicon import _key, lexicon


# ---------------------------------------------------------------------------------------------
# Date arithmetic (all results as ISO strings; None when out of the calendar's range)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _safe(fn: Callable[[], object]) -> object | None:
    try:
        return fn()
    except (ValueError, OverflowError):
        return None


def _year_span(y: int, mod: str | None = None) -> tuple[str | None, str | None]:
    if not 1 <= y <= 9999:
        return None, None
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (9, 12), "start": (1, 4)}.get(
        mod or "", (1, 12)
    )
    return dt.date(y, lo, 1).isoformat(), dt.date(y, hi, calendar.monthrange(y, hi)[1]).isoformat()


def _month_span(y: int, m: int, mod: str | None = None) -> tuple[str | None, str | None]:
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


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _week(d: dt.date) -> tuple[str, str | None, str | None]:
    iy, iw, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.isoweekday() - 1)
    sunday = _safe(lambda: monday + dt.timedelta(days=6))
    return f"{iy:04d}-W{iw:02d}", monday.isoformat(), _iso(sunday)  # type: ignore[arg-type]


def _nearest_day(ref: dt.date, m: int, d: int) -> dt.date | None:
    """The date with month `m` and day `d` nearest to `ref` (ties go to the past)."""
    best: dt.date | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = _safe(lambda y=y: dt.date(y, m, d))
        if cand is None:
            continue
        if best is None or (abs((cand - ref).days), cand > ref) < (
            abs((best - ref).days),
            best > ref,
        ):
            best = cand  # type: ignore[assignment]
    return best


def _nearest_month(ref: dt.date, m: int) -> tuple[int, int]:
    ahead = (m - ref.month) % 12
    return (
        (ref.year + (ref.month + ahead > 12), m)
        if ahead < 6
        else _shift_month(ref.year, ref.month, ahead - 12)
    )


def _since(begin: str | None, ref: dt.date | None) -> str | None:
    if ref is None or begin is None or ref.isoformat() < begin:
        return None
    return ref.isoformat()


def _parse_number(s: str) -> float | None:
    """'78' -> 78, 'two' -> 2, 'twenty-four' -> 24, 'a' -> 1; vague quantifiers -> None."""
    lex = lexicon()
    k = _key(s.replace("\u2010", "-").replace("\u2011", "-"))
    if k in lex.vague:
        return None
    if k in lex.numbers:
        return lex.numbers[k]
    if k[:1].isdigit():
        try:
            return float(k.replace(",", ""))
        except ValueError:
            return None
    total = 0.0
    for part in re.split(r"[-\s]+", k):
        if part not in lex.numbers:
            return None
        total += lex.numbers[part]
    return total


def _num_str(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration_value(n: float | None, code: str) -> str:
    """TIMEX3 duration value: (2, 'Y') -> P2Y, (24, 'TH') -> PT24H, (None, 'DE') -> PXDE."""
    if code == "2W":
        code, n = "W", (None if n is None else n * 2)
    amount = "X" if n is None else _num_str(n)
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"
