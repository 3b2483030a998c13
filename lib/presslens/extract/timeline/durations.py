"""Rules for durations ("for three years", "a 78-day bombing", "decades of peace", "year-long")
and sets ("every week", "twice a year", "daily")."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    PARTS_OF_DAY,
    SET_WORDS,
    WORDS,
    Hit,
    alternation,
    any_case,
    lexicon,
    lookup_key,
    parse_number,
)
from .patterns import APPROX, HYPHEN, NUMBER, UNIT, WEEKDAY, Rule, word_after, words_before
from .spans import duration_value

_LEX = lexicon()
_FREQ: dict[str, int] = dict(WORDS["frequencies"])
_AMOUNT_BEFORE = re.compile(
    r"(?:[0-9%]|illion|percent|per\s+cent|times|euros?|dollars?|pounds?)\s*$", re.IGNORECASE
)


# --- durations ----------------------------------------------------------------------------------

_R_DURATION = re.compile(
    r"(?:(?P<the>"
    + any_case(["the"])
    + r")\s+(?P<rel>"
    + any_case(["past", "last", "previous", "next", "coming", "following", "first"])
    + r")\s+)?"
    r"(?:(?P<mod>"
    + APPROX
    + r")\s+)?(?<![\w-])(?:(?P<n>"
    + NUMBER
    + r")(?:\s+|"
    + HYPHEN
    + r"))?(?P<u>"
    + UNIT
    + r")(?P<long>"
    + HYPHEN
    + r"?"
    + any_case(["long"])
    + r")?(?![\w-])"
)


def _h_duration(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    unit = lookup_key(m.group("u"))
    code = _LEX.unit_of.get(unit)
    if code is None:
        return None
    if not m.group("n"):
        # "the coming weeks", "the past few years" (with a number) are durations; "the past year" is
        # left to the relative rule, a bare unit to the bare-plural rule
        if (
            not m.group("the")
            or not unit.endswith(("s", "ia"))
            or m.group("mod")
            or lookup_key(m.group("rel")) == "first"
        ):
            return None
        return (m.start(), m.end(), "DURATION", duration_value(None, code), None, None, "none")
    num = lookup_key(m.group("n"))
    tail = text[m.end() : m.end() + 12]
    if re.match(r"(?:" + HYPHEN + r"|\s+)old\b", tail):
        return None  # ages: "a 20-year-old man"
    if code == "TS" and num in ("a", "an"):
        return None  # "a second round"
    n = parse_number(m.group("n"))
    if num in ("a", "an", "one") and not m.group("mod") and not m.group("the"):
        if _AMOUNT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            return (m.start(), m.end(), "SET", duration_value(1, code), None, None, "none")
    if num in ("a", "an") and unit.endswith("s"):
        return None  # "a days" is not a duration
    return (m.start(), m.end(), "DURATION", duration_value(n, code), None, None, "none")


_R_DURATION_BARE = re.compile(
    r"(?<![\w-])(?P<u>"
    + any_case(WORDS["bare_units"])
    + r")(?:(?P<long>"
    + HYPHEN
    + any_case(["long"])
    + r")|(?=\s+"
    + any_case(["of"])
    + r"\b)|(?![\w-]))"
)
_BARE_PREPS = frozenset(WORDS["duration_before"])
_NOT_BARE_AFTER = frozenset(WORDS["no_duration_after"])


def _h_duration_bare(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code = _LEX.unit_of.get(lookup_key(m.group("u")))
    if code is None:
        return None
    if not m.group("long"):
        followed_by_of = bool(re.match(r"\s+(?:of|OF|Of)\b", text[m.end() : m.end() + 5]))
        prev = words_before(text, m.start(), 1)
        adjacent = text[m.start() - 1 : m.start()].isspace() if m.start() else False
        if not followed_by_of and not (prev and adjacent and prev[-1] in _BARE_PREPS):
            return None
        if prev and prev[-1] in _NOT_BARE_AFTER:
            return None
    return (m.start(), m.end(), "DURATION", duration_value(None, code), None, None, "none")


_R_LONG = re.compile(
    r"(?<![\w-])(?P<u>"
    + any_case(["week", "year", "month", "day", "decade", "hour", "century"])
    + r")"
    + HYPHEN
    + r"?"
    + any_case(["long"])
    + r"(?![\w-])"
)


def _h_long(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code = _LEX.unit_of.get(lookup_key(m.group("u")))
    if code is None:
        return None
    return (m.start(), m.end(), "DURATION", duration_value(1, code), None, None, "none")


_SET_UNITS = [u for u in _LEX.unit_of if not u.endswith(("s", "ia"))]
_R_SET = re.compile(
    r"(?<![\w-])(?:(?P<ev>"
    + any_case(["every", "each"])
    + r")\s+(?:(?P<other>"
    + any_case(["other"])
    + r")\s+)?"
    r"(?:(?P<n>"
    + NUMBER
    + r")\s+)?(?:(?P<u>"
    + UNIT
    + r")|(?P<wd>"
    + WEEKDAY
    + r")|(?P<part>"
    + any_case([*PARTS_OF_DAY, "weekend"])
    + r"))"
    r"|(?P<freq>"
    + any_case([*_FREQ, "three times", "four times", "several times", "many times"])
    + r"|[0-9]{1,3}\s+"
    + any_case(["times"])
    + r")\s+(?:"
    + any_case(["a", "an", "per", "every", "each"])
    + r")\s+(?P<fu>"
    + any_case(_SET_UNITS)
    + r")"
    r"|(?P<per>" + any_case(["per"]) + r")\s+(?P<pu>" + any_case(_SET_UNITS) + r")"
    r"|(?P<adv>" + any_case(SET_WORDS) + r")"
    r"|(?P<wds>"
    + alternation(v for s in _LEX.weekday_of for v in (s.capitalize() + "s", s.upper() + "S"))
    + r"))(?![\w-])"
)


def _h_set(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("ev"):
        if m.group("wd"):
            wd = _LEX.weekday_of.get(m.group("wd").lower())
            return (m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None, None, "none")
        if m.group("part"):
            part = lookup_key(m.group("part"))
            value = "XXXX-WXX-WE" if part == "weekend" else f"XXXX-XX-XXT{PARTS_OF_DAY[part]}"
            return (m.start(), m.end(), "SET", value, None, None, "none")
        unit = lookup_key(m.group("u"))
        code = _LEX.unit_of.get(unit)
        if code is None:
            return None
        n = parse_number(m.group("n")) if m.group("n") else 1.0
        if m.group("n") and n is None:
            return None
        if not m.group("n") and unit.endswith(("s", "ia")):
            return None  # "each days"
        if m.group("other"):
            n = (n or 1) * 2
        return (m.start(), m.end(), "SET", duration_value(n, code), None, None, "none")
    if m.group("freq"):
        code = _LEX.unit_of.get(lookup_key(m.group("fu")))
        return (
            (m.start(), m.end(), "SET", duration_value(1, code), None, None, "none")
            if code
            else None
        )
    if m.group("per"):
        code = _LEX.unit_of.get(lookup_key(m.group("pu")))
        return (
            (m.start(), m.end(), "SET", duration_value(1, code), None, None, "none")
            if code
            else None
        )
    if m.group("wds"):
        wd = _LEX.weekday_of.get(m.group("wds")[:-1].lower())
        return (m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None, None, "none") if wd else None
    word = m.group("adv")
    nxt = word_after(text, m.end())
    if (
        word[:1].isupper()
        and m.start() > 0
        and not re.search(r"(?:^|[.!?:\n\"\u201c]\s*)$", text[: m.start()])
    ):
        return None  # "the Belgrade Daily ...": part of a name
    if nxt[:1].isupper():
        return None  # "the daily Politika"
    prev = words_before(text, m.start(), 1)
    if (
        prev
        and prev[-1] in ("the", "a", "an")
        and not (nxt[:1].islower() and text[m.end() : m.end() + 1] == " ")
    ):
        return None  # "the daily", "a weekly," used as a noun
    return (m.start(), m.end(), "SET", SET_WORDS[lookup_key(word)], None, None, "none")


# --- the rules (their order in the tagger is `tagger.RULES`) -------------------------------------

SET = Rule(_R_SET, _h_set, frozenset({"unit", "setw", "parts", "weekday"}))
"""A set ("every week", "every other year", "twice a year", "per day", "daily", "Mondays")."""
DURATION = Rule(_R_DURATION, _h_duration, frozenset({"unit"}))
"""An amount of time ("three years", "a 78-day bombing", "the coming weeks")."""
LONG_DURATION = Rule(_R_LONG, _h_long, frozenset({"unit"}))
"""A unit made "-long" ("a year-long", "week long")."""
BARE_DURATION = Rule(_R_DURATION_BARE, _h_duration_bare, frozenset({"unit"}))
"""A plural unit without an amount ("for years", "decades of peace")."""
