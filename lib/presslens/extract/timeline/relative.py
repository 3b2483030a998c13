"""Rules for dates relative to the publication date: weekdays, yesterday/today/tomorrow, "last
week", "next year", "three days ago", and vague references (now, recently, in the future)."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    PARTS_OF_DAY,
    PERIOD_EDGES,
    SEASONS,
    WORDS,
    Hit,
    any_case,
    lexicon,
    lookup_key,
    parse_number,
)
from .patterns import APPROX, HYPHEN, NUMBER, UNIT, WEEKDAY, Rule
from .spans import (
    duration_value,
    iso_of,
    month_span,
    safe,
    season_span,
    shift_month,
    week,
    year_span,
)
from .tense import BASIS, FUTURE, date_tense

_LEX = lexicon()


# --- weekdays and days relative to the reference ------------------------------------------------

_R_WEEKDAY = re.compile(
    r"(?:(?P<rel>"
    + any_case(WORDS["weekday_modifiers"])
    + r")\s+)?(?<![\w-])(?P<wd>"
    + WEEKDAY
    + r")(?![\w-])"
    r"(?:\s+(?P<part>" + any_case(PARTS_OF_DAY) + r")\b)?"
)


def _h_weekday(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    wd = _LEX.weekday_of.get(m.group("wd").lower())
    if wd is None:
        return None
    rel = lookup_key(m.group("rel") or "")
    part = PARTS_OF_DAY.get(lookup_key(m.group("part") or ""))
    typ = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if ref is None:
        return (m.start(), m.end(), typ, f"XXXX-WXX-{wd}{suffix}", None, None, "none")
    delta = wd - ref.isoweekday()
    if rel in ("next", "coming", "this coming"):
        days = delta % 7 or 7
    elif rel in ("last", "past", "previous", "this past"):
        days = -((-delta) % 7 or 7)
    elif rel == "this":
        days = delta
    else:
        return _bare_weekday(m, text, ref, delta, typ, suffix)
    day = safe(lambda: ref + dt.timedelta(days=days))
    if day is None:
        return None
    iso = day.isoformat()  # type: ignore[union-attr]
    return (m.start(), m.end(), typ, iso + suffix, iso, iso, "publication")


def _bare_weekday(
    m: re.Match[str], text: str, ref: dt.date, delta: int, typ: str, suffix: str
) -> Hit | None:
    """A weekday without next/last: the next such day (the reference day included) in a clause
    of the future tense, else the last one."""
    tense = date_tense(text, m.start(), m.end())
    days = delta % 7 if tense == FUTURE else -((-delta) % 7)
    day = safe(lambda: ref + dt.timedelta(days=days))
    if day is None:
        return None
    iso = day.isoformat()  # type: ignore[union-attr]
    basis = BASIS[tense] if tense else "publication date, no tense cue (the last such day)"
    return (m.start(), m.end(), typ, iso + suffix, iso, iso, "publication", basis)


_REL_DAYS: dict[str, int] = dict(WORDS["relative_days"])
_R_REL_DAY = re.compile(
    r"(?:(?P<el>"
    + any_case(["earlier", "later"])
    + r")\s+)?(?<![\w-])(?P<w>"
    + any_case(_REL_DAYS)
    + r")(?![\w-])"
    r"(?:\s+(?P<part>" + any_case(PARTS_OF_DAY) + r")\b)?"
)


def _h_rel_day(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    w = lookup_key(m.group("w"))
    part = "NI" if w == "tonight" else PARTS_OF_DAY.get(lookup_key(m.group("part") or ""))
    typ = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if ref is None:
        return (m.start(), m.end(), typ, f"XXXX-XX-XX{suffix}", None, None, "none")
    day = safe(lambda: ref + dt.timedelta(days=_REL_DAYS[w]))
    if day is None:
        return None
    iso = day.isoformat()  # type: ignore[union-attr]
    return (m.start(), m.end(), typ, iso + suffix, iso, iso, "publication")


_REL_UNITS = [
    "week",
    "month",
    "year",
    "weekend",
    "decade",
    "century",
    "quarter",
    *SEASONS,
    *PARTS_OF_DAY,
]
_R_REL_UNIT = re.compile(
    r"(?:(?P<el>"
    + any_case(WORDS["unit_edges"])
    + r")(?:"
    + HYPHEN
    + r"|\s+))?(?:(?P<the>"
    + any_case(["the"])
    + r")\s+)?(?P<rel>"
    + any_case(["last", "this", "next", "past", "coming", "previous", "current"])
    + r")\s+(?P<u>"
    + any_case(_REL_UNITS)
    + r")(?![\w-])(?!\s+"
    + any_case(["of"])
    + r"\b)"
)


_REL_STEP = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
}
_UNRESOLVED = {
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "year": "XXXX",
    "weekend": "XXXX-WXX-WE",
    "decade": "XXX",
    "century": "XX",
    "quarter": "XXXX-QX",
}


def _h_rel_unit(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    rel, unit = lookup_key(m.group("rel")), lookup_key(m.group("u"))
    el = lookup_key(m.group("el") or "")
    if m.group("the") and rel in ("this", "current"):
        if unit in PARTS_OF_DAY:
            return None
    elif m.group("the"):
        if unit in PARTS_OF_DAY or unit in SEASONS or unit in ("weekend", "quarter"):
            return None
        # "the past year", "the last decade": a period reaching up to the reference -> duration
        code = _LEX.unit_of.get(unit)
        if code is None:
            return None
        return (m.start(), m.end(), "DURATION", duration_value(1, code), None, None, "none")
    if rel == "current" and unit in PARTS_OF_DAY:
        return None
    step = _REL_STEP[rel]
    if unit in PARTS_OF_DAY:
        return _rel_part_of_day(m, unit, step, ref)
    if ref is None:
        value = _UNRESOLVED.get(unit, f"XXXX-{SEASONS.get(unit, 'XX')}")
        return (m.start(), m.end(), "DATE", value, None, None, "none")
    span = _rel_span(unit, step, ref, PERIOD_EDGES.get(el))
    if span is None:
        return None
    value, begin, finish = span
    if el == "earlier" and begin is not None:
        finish = ref.isoformat()
    elif el == "later" and finish is not None:
        begin = ref.isoformat()
    return (m.start(), m.end(), "DATE", value, begin, finish, "publication")


def _rel_part_of_day(m: re.Match[str], unit: str, step: int, ref: dt.date | None) -> Hit | None:
    """ "last night", "this morning": the part of the day before, of or after the reference."""
    if step > 0 or (step < 0 and unit != "night"):
        return None  # "last morning", "next evening": not idiomatic
    if ref is None:
        return (m.start(), m.end(), "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None, None, "none")
    day = safe(lambda: ref + dt.timedelta(days=step))
    if day is None:
        return None
    iso = day.isoformat()  # type: ignore[union-attr]
    return (m.start(), m.end(), "TIME", f"{iso}T{PARTS_OF_DAY[unit]}", iso, iso, "publication")


def _rel_span(
    unit: str, step: int, ref: dt.date, mod: str | None
) -> tuple[str, str | None, str | None] | None:
    """The value and span of the week, month, year, quarter, decade, century or season `step`
    units from the reference's (None when out of the calendar's range)."""
    if unit in ("week", "weekend"):
        day = safe(lambda: ref + dt.timedelta(days=7 * step))
        if day is None:
            return None
        value, begin, finish = week(day)  # type: ignore[arg-type]
        if unit == "weekend":
            value += "-WE"
            monday = begin or ""
            sat = safe(lambda: dt.date.fromisoformat(monday) + dt.timedelta(days=5))
            begin = iso_of(sat)  # type: ignore[arg-type]
        return value, begin, finish
    if unit == "month":
        y, mo = shift_month(ref.year, ref.month, step)
        return (f"{y:04d}-{mo:02d}", *month_span(y, mo, mod))
    if unit == "year":
        y = ref.year + step
        return (f"{y:04d}", *year_span(y, mod))
    if unit == "quarter":
        q = (ref.month - 1) // 3 + step
        y, q = ref.year + q // 4, q % 4 + 1
        return f"{y:04d}-Q{q}", month_span(y, 3 * q - 2)[0], month_span(y, 3 * q)[1]
    if unit == "decade":
        y = ref.year // 10 * 10 + 10 * step
        span = (f"{y:04d}-01-01", f"{y + 9:04d}-12-31") if 1 <= y <= 9990 else (None, None)
        return (str(y // 10), *span)
    if unit == "century":
        c = ref.year // 100 + step
        span = (
            (f"{c * 100:04d}-01-01", f"{c * 100 + 99:04d}-12-31") if 1 <= c <= 99 else (None, None)
        )
        return (f"{c:02d}", *span)
    return _rel_season(unit, step, ref)


def _rel_season(unit: str, step: int, ref: dt.date) -> tuple[str, str | None, str | None] | None:
    """Seasons: the one containing the reference ("this"), the last one over, the next to begin."""
    code = SEASONS[unit]
    spans = [(y, *season_span(y, code)) for y in range(ref.year - 2, ref.year + 2)]
    today = ref.isoformat()
    if step < 0:
        picked = [sp for sp in spans if sp[2] and sp[2] < today][-1:]
    elif step > 0:
        picked = [sp for sp in spans if sp[1] and sp[1] > today][:1]
    else:
        year = str(ref.year - (code == "WI" and ref.month <= 2))
        picked = [sp for sp in spans if sp[1] and sp[1][:4] == year]
    if not picked:
        return None
    y, begin, finish = picked[0]
    return f"{y}-{code}", begin, finish


# --- ago ------------------------------------------------------------------------------------------

_R_AGO = re.compile(
    r"(?:(?P<mod>"
    + APPROX
    + r")\s+)?(?:(?P<n>"
    + NUMBER
    + r")\s+)?(?<![\w-])(?P<u>"
    + UNIT
    + r")\s+"
    + any_case(["ago"])
    + r"\b"
)


# the granularity of the date an amount of each unit ago falls on, and its value without a reference
_AGO_GRAIN = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "2W": "day",
    "D": "day",
    "DE": "decade",
    "CE": "century",
    "ML": "century",
    "TH": "day",
    "TM": "day",
    "TS": "day",
}
_AGO_UNRESOLVED = {
    "year": "XXXX",
    "month": "XXXX-XX",
    "week": "XXXX-WXX",
    "day": "XXXX-XX-XX",
    "decade": "XXX",
    "century": "XX",
}


def _h_ago(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code = _LEX.unit_of.get(lookup_key(m.group("u")))
    if code is None:
        return None
    n = parse_number(m.group("n")) if m.group("n") else None
    plural = lookup_key(m.group("u")).endswith(("s", "ies", "ia"))
    if not m.group("n") and not plural:
        return None  # "year ago" without a number is not English; leave it
    if n is None or not float(n).is_integer():
        anchor = "publication" if ref else "none"
        return (m.start(), m.end(), "DATE", "PAST_REF", None, iso_of(ref), anchor)
    gran = _AGO_GRAIN[code]
    if ref is None:
        return (m.start(), m.end(), "DATE", _AGO_UNRESOLVED[gran], None, None, "none")
    k = int(n) * (10 if code == "ML" else 14 if code == "2W" else 1)
    result = _ago_span(gran, code, k, ref)
    if result is None:
        return (m.start(), m.end(), "DATE", "PAST_REF", None, iso_of(ref), "publication")
    return (m.start(), m.end(), "DATE", result[0], result[1], result[2], "publication")


def _ago_span(
    gran: str, code: str, k: int, ref: dt.date
) -> tuple[str, str | None, str | None] | None:
    """The value and span of the year, month, week, day, decade or century `k` units before the
    reference (None when out of the calendar's range)."""
    if gran == "year":
        y = ref.year - k
        return (f"{y:04d}", *year_span(y)) if 1 <= y <= 9999 else None
    if gran == "month":
        y, mo = shift_month(ref.year, ref.month, -k)
        return (f"{y:04d}-{mo:02d}", *month_span(y, mo)) if 1 <= y <= 9999 else None
    if gran == "week":
        day = safe(lambda: ref - dt.timedelta(weeks=k))
        return week(day) if day else None  # type: ignore[arg-type]
    if gran == "day":
        days = k if code in ("D", "2W") else 0
        day = safe(lambda: ref - dt.timedelta(days=days))
        if not day:
            return None
        return (day.isoformat(), day.isoformat(), day.isoformat())  # type: ignore[union-attr]
    if gran == "decade":
        y = (ref.year - 10 * k) // 10 * 10
        return (str(y // 10), f"{y:04d}-01-01", f"{y + 9:04d}-12-31") if 1 <= y <= 9990 else None
    c = ref.year // 100 - k
    if not 1 <= c <= 99:
        return None
    return (f"{c:02d}", f"{c * 100:04d}-01-01", f"{c * 100 + 99:04d}-12-31")


# --- vague references -----------------------------------------------------------------------------

_R_PRESENT = re.compile(r"(?<![\w-])(?P<w>" + any_case(WORDS["present"]) + r")(?![\w-])")
_R_PAST = re.compile(
    r"(?<![\w-])(?:(?P<w>"
    + any_case(["recently", "recent", "lately"])
    + r")(?:\s+(?P<u>"
    + any_case(WORDS["recent_nouns"])
    + r"))?"
    r"|(?P<pre>"
    + any_case(["in", "into", "for", "from", "than", "near"])
    + r")\s+(?P<x>"
    + any_case(["the"])
    + r"\s+(?:(?P<adj>"
    + any_case(["near", "distant", "foreseeable", "immediate", "recent", "not too distant"])
    + r")\s+)?(?P<fp>"
    + any_case(["future", "past"])
    + r")))(?![\w-])(?!\s+"
    + any_case(["tense", "of", "few"])
    + r"\b)"
)


def _h_present(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    return (
        m.start(),
        m.end(),
        "DATE",
        "PRESENT_REF",
        iso_of(ref),
        iso_of(ref),
        "publication" if ref else "none",
    )


def _h_past(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    anchor = "publication" if ref else "none"
    if m.group("w"):
        if m.group("u") and lookup_key(m.group("u")) == "history":
            return (m.start(), m.end("w"), "DATE", "PAST_REF", None, iso_of(ref), anchor)
        return (m.start(), m.end(), "DATE", "PAST_REF", None, iso_of(ref), anchor)
    if lookup_key(m.group("fp")) == "future":
        return (m.start("x"), m.end(), "DATE", "FUTURE_REF", iso_of(ref), None, anchor)
    return (m.start("x"), m.end(), "DATE", "PAST_REF", None, iso_of(ref), anchor)


# --- the rules (their order in the tagger is `tagger.RULES`) -------------------------------------

AGO = Rule(_R_AGO, _h_ago, frozenset({"ago"}))
"""An amount of time before the publication date ("two years ago", "decades ago")."""
RELATIVE_UNIT = Rule(_R_REL_UNIT, _h_rel_unit, frozenset({"unit", "parts"}))
"""A period named from the publication date ("last week", "early next year", "this morning")."""
RELATIVE_DAY = Rule(_R_REL_DAY, _h_rel_day, frozenset({"relday"}))
"""A day named from the publication date ("yesterday", "tomorrow evening", "tonight")."""
DAY_OF_WEEK = Rule(_R_WEEKDAY, _h_weekday, frozenset({"weekday"}))
"""A weekday ("Wednesday", "next Monday", "Friday night")."""
PRESENT_REF = Rule(_R_PRESENT, _h_present, frozenset({"present", "unit"}))
"""The present ("now", "currently", "these days")."""
PAST_FUTURE_REF = Rule(_R_PAST, _h_past, frozenset({"past"}))
"""The vague past or future ("recently", "in recent years", "in the near future")."""
