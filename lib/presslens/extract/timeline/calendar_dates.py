"""Rules for calendar dates: ISO dates, a month and day, a month and year, a season and year,
quarters and halves of a year, and a month or a season without a year (placed by the tense of its
clause, see `tense`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .lexicon import PERIOD_EDGES, SEASONS, WORDS, Hit, any_case, lexicon, lookup_key
from .patterns import (
    DAY,
    FULL_MONTHS,
    HYPHEN,
    MONTH,
    PERIOD_EDGE,
    SINCE,
    WEEKDAY,
    YEAR,
    Rule,
    phrase_before,
    word_after,
)
from .spans import month_span, safe, season_span, shift_month, since_finish
from .tense import (
    BASIS,
    PAST,
    date_tense,
    day_year,
    future_context,
    month_year,
    season_year,
)

_LEX = lexicon()

# --- calendar dates -----------------------------------------------------------------------------

_R_ISO = re.compile(
    r"(?<![0-9A-Za-z./-])(?P<y>" + YEAR + r")(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
    r"|(?<![0-9A-Za-z./-])(?P<d2>0?[1-9]|[12][0-9]|3[01])\.(?P<m2>0?[1-9]|1[0-2])\.(?P<y2>"
    + YEAR
    + r")(?![0-9]|\.[0-9])"
)


def _h_iso(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    day = safe(lambda: dt.date(y, mo, d))
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
    r"(?:(?P<since>" + SINCE + r")\s+)?(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?:"
    r"(?:"
    + any_case(["the"])
    + r"\s+)?(?<![0-9.,])(?P<d1>"
    + DAY
    + r")\s+(?:"
    + any_case(["of"])
    + r"\s+)?(?P<m1>"
    + MONTH
    + r")|(?P<m2>"
    + MONTH
    + r")\s+(?:"
    + any_case(["the"])
    + r"\s+)?(?P<d2>"
    + DAY
    + r")(?![.,][0-9])"
    r")(?:,?\s+(?P<y>" + YEAR + r")(?![0-9]))?"
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
        if lookup_key(word_after(text, m.end("d2"))) in _LEX.count_nouns:
            return None
    if m.group("y"):
        y = int(m.group("y"))
        day = safe(lambda: dt.date(y, mon, d))
        if day is None:
            return None
        iso = day.isoformat()  # type: ignore[union-attr]
        finish = since_finish(iso, ref) if m.group("since") else iso
        return (m.start(), end, "DATE", iso, iso, finish, "absolute")
    if safe(lambda: dt.date(2000, mon, d)) is None:  # 2000 is a leap year
        return None
    if ref is None:
        return (m.start(), end, "DATE", f"XXXX-{mon:02d}-{d:02d}", None, None, "none")
    tense = PAST if m.group("since") else date_tense(text, m.start(), m.end())
    y = day_year(ref, mon, d, tense)
    if y is None:
        return None
    iso = dt.date(y, mon, d).isoformat()
    finish = since_finish(iso, ref) if m.group("since") else iso
    return (m.start(), end, "DATE", iso, iso, finish, "publication", BASIS[tense])


_R_MONTH_YEAR = re.compile(
    r"(?:(?P<since>"
    + SINCE
    + r")\s+)?(?:(?P<mod>"
    + PERIOD_EDGE
    + r")(?:"
    + HYPHEN
    + r"|\s+))?(?P<m>"
    + MONTH
    + r")(?:\s+"
    + any_case(["of"])
    + r"|,)?\s+(?P<y>"
    + YEAR
    + r")(?![0-9])"
)


def _h_month_year(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    mon, y = _month_number(m.group("m")), int(m.group("y"))
    if mon is None:
        return None
    mod = PERIOD_EDGES.get(lookup_key(m.group("mod"))) if m.group("mod") else None
    begin, finish = month_span(y, mon, mod)
    if m.group("since"):
        finish = since_finish(begin, ref)
    return (m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}", begin, finish, "absolute")


_R_MONTH = re.compile(
    r"(?:(?P<rel>"
    + any_case(["last", "next", "this", "early", "late", "mid", "since"])
    + r")(?:"
    + HYPHEN
    + r"|\s+))?(?P<m>"
    + MONTH
    + r")(?![\w-])"
)


_DETERMINER_BEFORE = frozenset(WORDS["determiners_before_month"])
_FUNCTION_WORDS = frozenset(WORDS["not_nouns_after_month"])
_POSSESSIVE_BEFORE = re.compile(r"[A-Za-z]['\u2019]s?\s+$")  # "the party's August meeting"
_NOUN_AFTER = re.compile(r"\s+[\"'\u201c\u2018]?[a-z]")


def _modifies_noun(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether the month at text[start:end] modifies the noun after it ("the November
    election", "California's July framework"): a determiner or possessive before, a lower-case
    word after (a function word is no noun after a month that is also a word: `strict`)."""
    owner = _POSSESSIVE_BEFORE.search(text, max(0, start - 4), start) is not None
    if not owner and phrase_before(text, start, _DETERMINER_BEFORE) is None:
        return False
    if _NOUN_AFTER.match(text, end) is None:
        return False
    # "the March for Science", "the May of ...": a month that is also a word needs a noun after
    return not strict or lookup_key(word_after(text, end)) not in _FUNCTION_WORDS


def _h_month(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    spelled = m.group("m").rstrip(".").lower()
    mon = _LEX.month_of.get(spelled)
    if mon is None:
        return None
    rel = lookup_key(m.group("rel") or "")
    ambiguous = spelled in _LEX.ambiguous_months or (
        spelled not in FULL_MONTHS and not m.group("m").endswith(".")
    )
    if not rel:
        preps = _LEX.month_preps_strict if ambiguous else _LEX.month_preps
        if not phrase_before(text, m.start(), preps) and not _modifies_noun(
            text, m.start(), m.end(), strict=ambiguous
        ):
            return None
    mod = rel if rel in ("early", "mid", "late") else None
    if ref is None:
        return (m.start(), m.end(), "DATE", f"XXXX-{mon:02d}", None, None, "none")
    if rel == "last":
        ahead = (mon - ref.month) % 12 or 12
        y, mo = shift_month(ref.year, ref.month, ahead - 12)
    elif rel == "next":
        ahead = (mon - ref.month) % 12 or 12
        y, mo = shift_month(ref.year, ref.month, ahead)
    elif rel == "this":
        y, mo = ref.year, mon
    elif rel == "since":
        y, mo = shift_month(ref.year, ref.month, -((ref.month - mon) % 12))
    else:
        tense = date_tense(text, m.start(), m.end())
        y, mo = month_year(ref, mon, tense), mon
        begin, finish = month_span(y, mo, mod)
        value = f"{y:04d}-{mo:02d}"
        return (m.start(), m.end(), "DATE", value, begin, finish, "publication", BASIS[tense])
    begin, finish = month_span(y, mo, mod)
    if rel == "since":
        finish = since_finish(begin, ref)
    return (m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}", begin, finish, "publication")


_R_SEASON_YEAR = re.compile(
    r"(?:(?P<mod>"
    + any_case(["early", "late", "mid"])
    + r")(?:"
    + HYPHEN
    + r"|\s+))?(?P<s>"
    + any_case(SEASONS)
    + r")\s+(?:"
    + any_case(["of"])
    + r"\s+)?(?P<y>"
    + YEAR
    + r")(?![0-9])"
)


def _h_season_year(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code, y = SEASONS[lookup_key(m.group("s"))], int(m.group("y"))
    begin, finish = season_span(y, code)
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
    + any_case(["the", "this", "last", "next"])
    + r")\s+)?(?P<ord>"
    + any_case(_ORDINAL_PART)
    + r")(?:"
    + HYPHEN
    + r"|\s+)"
    r"(?P<unit>"
    + any_case(["quarter", "half"])
    + r")(?![\w-])(?:\s+(?:"
    + any_case(["of", "in"])
    + r")\s+(?P<y>"
    + YEAR
    + r"))?(?![0-9])"
    r"|(?<![\w-])(?P<q>[Qq][1-4]|[Hh][12])(?:\s+|/|" + HYPHEN + r")?(?P<qy>" + YEAR + r")(?![0-9])"
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
        unit = "Q" if lookup_key(m.group("unit")) == "quarter" else "H"
        k = _ORDINAL_PART[lookup_key(m.group("ord"))]
        if unit == "H" and k > 2:
            k = 2 if lookup_key(m.group("ord")) in ("final", "last") else 0
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
    rel = lookup_key(m.group("the"))
    if rel == "next" or (rel != "last" and future_context(text, m.start(), m.end())):
        year = ref.year if k > current else ref.year + 1  # the next such part to begin
    elif rel == "last":
        year = ref.year if k < current else ref.year - 1
    else:  # the latest such part begun by the reference date
        year = ref.year if k <= current else ref.year - 1
    begin, finish = _part_span(year, unit, k)
    return (m.start(), m.end(), "DATE", f"{year:04d}-{unit}{k}", begin, finish, "publication")


# --- a season without a year ("in the summer", "throughout the summer", "over the winter") ----
# a season word, never before "of" ("the fall of the Soviet Union") or a noun it modifies; what
# stands before it (a preposition, "the") is read by the handler, so the pattern starts with the
# season and stays fast
_R_SEASON = re.compile(
    r"(?<![\w-])(?P<s>" + any_case(list(SEASONS)) + r")(?![\w-])"
    r"(?!\s+" + any_case(WORDS["season_not_before"]) + r"\b)"
)
_FALL_NOUN = re.compile(r"\s+(?:in|to|from|by|and)\b")
_SEASON_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<prep>" + any_case(WORDS["season_preps"]) + r")\s+)?(?P<the>(?:the|The)\s+)?$"
)


def _h_season(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    spelled = m.group("s")
    before = _SEASON_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before is None or not (before.group("the") or before.group("prep")):
        return None  # "summer heat", "spring water": a season word, no time
    if spelled[:1].isupper() and not before.group("the") and m.start() > 0:
        return None
    code = SEASONS[lookup_key(spelled)]
    if code == "FA" and _FALL_NOUN.match(text, m.end()):
        return None  # "the fall in emissions", "the fall to 2%": a decline, no season
    start = before.start("the") if before.group("the") else m.start()
    if ref is None:
        return (start, m.end(), "DATE", f"XXXX-{code}", None, None, "none")
    tense = date_tense(text, start, m.end())
    y, begin, finish = season_year(ref, code, tense)
    return (start, m.end(), "DATE", f"{y}-{code}", begin, finish, "publication", BASIS[tense])


# --- the rules (their order in the tagger is `tagger.RULES`) -------------------------------------

ISO_DATE = Rule(_R_ISO, _h_iso, frozenset({"year"}))
"""An ISO or day.month.year date ("2022-08-18", "18.8.2022")."""
MONTH_DAY = Rule(_R_MONTH_DAY, _h_month_day, frozenset({"month"}))
"""A month and day, with or without a year ("August 18, 2022", "Nov. 8", "the 5th of May")."""
MONTH_YEAR = Rule(_R_MONTH_YEAR, _h_month_year, frozenset({"month"}))
"""A month and year ("August 2022", "late March of 1999")."""
SEASON_YEAR = Rule(_R_SEASON_YEAR, _h_season_year, frozenset({"parts"}))
"""A season and year ("summer 2019", "early spring of 1999")."""
QUARTER = Rule(_R_QUARTER, _h_quarter, frozenset({"quarter"}))
"""A quarter or half of a year ("the third quarter of 1997", "Q3 2023", "this quarter")."""
MONTH_NO_YEAR = Rule(_R_MONTH, _h_month, frozenset({"month"}))
"""A month without a year ("in November", "last March", "the August meeting")."""
SEASON_NO_YEAR = Rule(_R_SEASON, _h_season, frozenset({"parts"}))
"""A season without a year ("over the summer", "in the spring")."""
