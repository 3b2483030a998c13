"""Rules for calendar dates: ISO dates, month and day, month and year, a bare month, seasons,
quarters and halves of a year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from .dates import _month_span, _safe, _shift_month, _since
from .lexicon import Hit, _HY, _SEASONS, _SEASON_START, _YEAR, _ci, _key
from .patterns import (
    _DAY,
    _FULL_MONTHS,
    _LEX,
    _MONTH,
    _SINCE,
    _WEEKDAY,
    _future_context,
    _next_word,
    _prev_match,
)
from .tense import BASIS, FUTURE, NONE, PAST, clause_tense, day_year, month_year
from .years import _MOD, _MODWORDS


# --- calendar dates -----------------------------------------------------------------------------

_R_ISO = re.compile(
    r"(?<![0-9A-Za-z./-])(?P<y>" + _YEAR + r")(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
    r"|(?<![0-9A-Za-z./-])(?P<d2>0?[1-9]|[12][0-9]|3[01])\.(?P<m2>0?[1-9]|1[0-2])\.(?P<y2>"
    + _YEAR
    + r")(?![0-9]|\.[0-9])"
)


def _h_iso(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    day = _safe(lambda: dt.date(y, mo, d))
    if day is None:
        return None
    return (
        m.start(),
        m.end(),
        "DATE",
        day.isoformat(),
        day.isoformat(),
        day.isoformat(),
        "absolute",
    )  # type: ignore[union-attr]


_R_MONTH_DAY = re.compile(
    r"(?:(?P<since>" + _SINCE + r")\s+)?(?:(?P<wd>" + _WEEKDAY + r"),?\s+)?(?:"
    r"(?:"
    + _ci(["the"])
    + r"\s+)?(?<![0-9.,])(?P<d1>"
    + _DAY
    + r")\s+(?:"
    + _ci(["of"])
    + r"\s+)?(?P<m1>"
    + _MONTH
    + r")|(?P<m2>"
    + _MONTH
    + r")\s+(?:"
    + _ci(["the"])
    + r"\s+)?(?P<d2>"
    + _DAY
    + r")(?![.,][0-9])"
    r")(?:,?\s+(?P<y>" + _YEAR + r")(?![0-9]))?"
)


def _month_number(s: str) -> int | None:
    return _LEX.month_of.get(s.rstrip(".").lower())


def _h_month_day(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    mon = _month_number(m.group("m1") or m.group("m2"))
    d = int(re.match(r"[0-9]+", m.group("d1") or m.group("d2")).group())  # type: ignore[union-attr]
    if mon is None:
        return None
    end = m.end()
    if m.group("m2") and not m.group("y"):
        # "May 5 people", "June 30 soldiers": the number counts something
        if _key(_next_word(text, m.end("d2"))) in _LEX.count_nouns:
            return None
    if m.group("y"):
        y = int(m.group("y"))
        day = _safe(lambda: dt.date(y, mon, d))
        if day is None:
            return None
        iso = day.isoformat()  # type: ignore[union-attr]
        finish = _since(iso, ref) if m.group("since") else iso
        return (m.start(), end, "DATE", iso, iso, finish, "absolute")
    if _safe(lambda: dt.date(2000, mon, d)) is None:  # 2000 is a leap year
        return None
    if ref is None:
        return (m.start(), end, "DATE", f"XXXX-{mon:02d}-{d:02d}", None, None, "none")
    tense = _tense(text, m.start(), m.end(), since=bool(m.group("since")))
    y = day_year(ref, mon, d, tense)
    if y is None:
        return None
    iso = dt.date(y, mon, d).isoformat()
    finish = _since(iso, ref) if m.group("since") else iso
    return (m.start(), end, "DATE", iso, iso, finish, "publication", BASIS[tense])


def _tense(text: str, start: int, end: int, *, since: bool = False) -> str:
    """The tense that places a date without a year: past after "since", else the clause's cue,
    else future when a future cue of the sentence precedes it ("to meet ... Thursday")."""
    if since:
        return PAST
    tense = clause_tense(text, start, end)
    if tense == NONE and _future_context(text, start, end):
        return FUTURE
    return tense


_R_MONTH_YEAR = re.compile(
    r"(?:(?P<since>"
    + _SINCE
    + r")\s+)?(?:(?P<mod>"
    + _MOD
    + r")(?:"
    + _HY
    + r"|\s+))?(?P<m>"
    + _MONTH
    + r")(?:\s+"
    + _ci(["of"])
    + r"|,)?\s+(?P<y>"
    + _YEAR
    + r")(?![0-9])"
)


def _h_month_year(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    mon, y = _month_number(m.group("m")), int(m.group("y"))
    if mon is None:
        return None
    mod = _MODWORDS.get(_key(m.group("mod"))) if m.group("mod") else None
    begin, finish = _month_span(y, mon, mod)
    if m.group("since"):
        finish = _since(begin, ref)
    return (m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}", begin, finish, "absolute")


_R_MONTH = re.compile(
    r"(?:(?P<rel>"
    + _ci(["last", "next", "this", "early", "late", "mid", "since"])
    + r")(?:"
    + _HY
    + r"|\s+))?(?P<m>"
    + _MONTH
    + r")(?![\w-])"
)


_DETERMINER_BEFORE = frozenset(["the", "this", "its", "their", "his", "her", "our", "a", "an"])
_FUNCTION_WORDS = frozenset(
    ["for", "of", "to", "and", "or", "in", "on", "with", "at", "by", "is", "was", "will", "said"]
)
_POSSESSIVE_BEFORE = re.compile(r"[A-Za-z]['\u2019]s?\s+$")  # "the party's August meeting"
_NOUN_AFTER = re.compile(r"\s+[\"'\u201c\u2018]?[a-z]")


def _modifies_noun(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether the month at text[start:end] modifies the noun after it ("the November
    election", "California's July framework"): a determiner or possessive before, a lower-case
    word after (a function word is no noun after a month that is also a word: `strict`)."""
    owner = _POSSESSIVE_BEFORE.search(text, max(0, start - 4), start) is not None
    if not owner and _prev_match(text, start, _DETERMINER_BEFORE) is None:
        return False
    if _NOUN_AFTER.match(text, end) is None:
        return False
    # "the March for Science", "the May of ...": a month that is also a word needs a noun after
    return not strict or _key(_next_word(text, end)) not in _FUNCTION_WORDS


def _h_month(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    spelled = m.group("m").rstrip(".").lower()
    mon = _LEX.month_of.get(spelled)
    if mon is None:
        return None
    rel = _key(m.group("rel") or "")
    ambiguous = spelled in _LEX.ambiguous_months or (
        spelled not in _FULL_MONTHS and not m.group("m").endswith(".")
    )
    if not rel:
        preps = _LEX.month_preps_strict if ambiguous else _LEX.month_preps
        if not _prev_match(text, m.start(), preps) and not _modifies_noun(
            text, m.start(), m.end(), strict=ambiguous
        ):
            return None
    mod = rel if rel in ("early", "mid", "late") else None
    if ref is None:
        return (m.start(), m.end(), "DATE", f"XXXX-{mon:02d}", None, None, "none")
    if rel == "last":
        ahead = (mon - ref.month) % 12 or 12
        y, mo = _shift_month(ref.year, ref.month, ahead - 12)
    elif rel == "next":
        ahead = (mon - ref.month) % 12 or 12
        y, mo = _shift_month(ref.year, ref.month, ahead)
    elif rel == "this":
        y, mo = ref.year, mon
    elif rel == "since":
        y, mo = _shift_month(ref.year, ref.month, -((ref.month - mon) % 12))
    else:
        tense = _tense(text, m.start(), m.end())
        y, mo = month_year(ref, mon, tense), mon
        begin, finish = _month_span(y, mo, mod)
        value = f"{y:04d}-{mo:02d}"
        return (m.start(), m.end(), "DATE", value, begin, finish, "publication", BASIS[tense])
    begin, finish = _month_span(y, mo, mod)
    if rel == "since":
        finish = _since(begin, ref)
    return (m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}", begin, finish, "publication")


_R_SEASON_YEAR = re.compile(
    r"(?:(?P<mod>"
    + _ci(["early", "late", "mid"])
    + r")(?:"
    + _HY
    + r"|\s+))?(?P<s>"
    + _ci(_SEASONS)
    + r")\s+(?:"
    + _ci(["of"])
    + r"\s+)?(?P<y>"
    + _YEAR
    + r")(?![0-9])"
)


def _season_span(y: int, code: str) -> tuple[str | None, str | None]:
    if not 1 <= y <= 9998:
        return None, None
    start = dt.date(y, _SEASON_START[code], 1)
    ey, em = _shift_month(y, _SEASON_START[code], 2)
    return start.isoformat(), dt.date(ey, em, calendar.monthrange(ey, em)[1]).isoformat()


def _h_season_year(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code, y = _SEASONS[_key(m.group("s"))], int(m.group("y"))
    begin, finish = _season_span(y, code)
    return (m.start(), m.end(), "DATE", f"{y}-{code}", begin, finish, "absolute")


# --- quarters and halves of a year ("the third quarter of 1997", "Q3 2023", "the first half")
# -------

_ORDINAL_PART = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_R_QUARTER = re.compile(
    r"(?:(?P<the>"
    + _ci(["the", "this", "last", "next"])
    + r")\s+)?(?P<ord>"
    + _ci(_ORDINAL_PART)
    + r")(?:"
    + _HY
    + r"|\s+)"
    r"(?P<unit>"
    + _ci(["quarter", "half"])
    + r")(?![\w-])(?:\s+(?:"
    + _ci(["of", "in"])
    + r")\s+(?P<y>"
    + _YEAR
    + r"))?(?![0-9])"
    r"|(?<![\w-])(?P<q>[Qq][1-4]|[Hh][12])(?:\s+|/|" + _HY + r")?(?P<qy>" + _YEAR + r")(?![0-9])"
)


def _part_span(y: int, unit: str, k: int) -> tuple[str | None, str | None]:
    months = 3 if unit == "Q" else 6
    first = (k - 1) * months + 1
    last = first + months - 1
    return dt.date(y, first, 1).isoformat(), dt.date(
        y, last, calendar.monthrange(y, last)[1]
    ).isoformat()


def _h_quarter(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("q"):
        unit, k, year = m.group("q")[0].upper(), int(m.group("q")[1]), int(m.group("qy"))
    else:
        unit = "Q" if _key(m.group("unit")) == "quarter" else "H"
        k = _ORDINAL_PART[_key(m.group("ord"))]
        if unit == "H" and k > 2:
            k = 2 if _key(m.group("ord")) in ("final", "last") else 0
        if not k:
            return None
        year = int(m.group("y")) if m.group("y") else None
        if year is None and (unit == "H" or not m.group("the")):
            # "the second half" (of a match?) and "third-quarter profit" need a year
            # to be dates
            return None
    per = 3 if unit == "Q" else 6
    if year is not None:
        begin, finish = _part_span(year, unit, k)
        return (m.start(), m.end(), "DATE", f"{year:04d}-{unit}{k}", begin, finish, "absolute")
    if ref is None:
        return (m.start(), m.end(), "DATE", f"XXXX-{unit}{k}", None, None, "none")
    current = (ref.month - 1) // per + 1
    rel = _key(m.group("the"))
    if rel == "next" or (rel != "last" and _future_context(text, m.start(), m.end())):
        year = ref.year if k > current else ref.year + 1  # the next such part to begin
    elif rel == "last":
        year = ref.year if k < current else ref.year - 1
    else:  # the latest such part begun by the reference date
        year = ref.year if k <= current else ref.year - 1
    begin, finish = _part_span(year, unit, k)
    return (m.start(), m.end(), "DATE", f"{year:04d}-{unit}{k}", begin, finish, "publication")
