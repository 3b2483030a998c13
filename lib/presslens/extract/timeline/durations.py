"""Rules for vague references (now, recently, in the future), durations ("for three years",
"78-day") and sets ("every week", "twice a year")."""

from __future__ import annotations

import datetime as dt
import re
from .dates import _duration_value, _iso, _parse_number
from .lexicon import _WORDS, Hit, _FREQ, _HY, _PARTS, _SET_WORDS, _alt, _ci, _key
from .patterns import _AMOUNT_BEFORE, _LEX, _MODS, _NUM, _UNIT, _WEEKDAY, _next_word, _prev_words


# --- vague references -----------------------------------------------------------------------------

_R_PRESENT = re.compile(
    r"(?<![\w-])(?P<w>"
    + _ci(
        [
            "now",
            "currently",
            "presently",
            "nowadays",
            "at present",
            "right now",
            "these days",
            "at the moment",
            "at this time",
        ]
    )
    + r")(?![\w-])"
)
_R_PAST = re.compile(
    r"(?<![\w-])(?:(?P<w>"
    + _ci(["recently", "recent", "lately"])
    + r")(?:\s+(?P<u>"
    + _ci(["years", "months", "weeks", "days", "decades", "times", "history", "past"])
    + r"))?"
    r"|(?P<pre>"
    + _ci(["in", "into", "for", "from", "than", "near"])
    + r")\s+(?P<x>"
    + _ci(["the"])
    + r"\s+(?:(?P<adj>"
    + _ci(["near", "distant", "foreseeable", "immediate", "recent", "not too distant"])
    + r")\s+)?(?P<fp>"
    + _ci(["future", "past"])
    + r")))(?![\w-])(?!\s+"
    + _ci(["tense", "of", "few"])
    + r"\b)"
)


def _h_present(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    return (
        m.start(),
        m.end(),
        "DATE",
        "PRESENT_REF",
        _iso(ref),
        _iso(ref),
        "publication" if ref else "none",
    )


def _h_past(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    anchor = "publication" if ref else "none"
    if m.group("w"):
        if m.group("u") and _key(m.group("u")) == "history":
            return (m.start(), m.end("w"), "DATE", "PAST_REF", None, _iso(ref), anchor)
        return (m.start(), m.end(), "DATE", "PAST_REF", None, _iso(ref), anchor)
    if _key(m.group("fp")) == "future":
        return (m.start("x"), m.end(), "DATE", "FUTURE_REF", _iso(ref), None, anchor)
    return (m.start("x"), m.end(), "DATE", "PAST_REF", None, _iso(ref), anchor)


# --- durations and sets
# -----------------------------------------------------------------------------

_R_DURATION = re.compile(
    r"(?:(?P<the>"
    + _ci(["the"])
    + r")\s+(?P<rel>"
    + _ci(["past", "last", "previous", "next", "coming", "following", "first"])
    + r")\s+)?"
    r"(?:(?P<mod>"
    + _MODS
    + r")\s+)?(?<![\w-])(?:(?P<n>"
    + _NUM
    + r")(?:\s+|"
    + _HY
    + r"))?(?P<u>"
    + _UNIT
    + r")(?P<long>"
    + _HY
    + r"?"
    + _ci(["long"])
    + r")?(?![\w-])"
)


def _h_duration(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    unit = _key(m.group("u"))
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
            or _key(m.group("rel")) == "first"
        ):
            return None
        return (m.start(), m.end(), "DURATION", _duration_value(None, code), None, None, "none")
    num = _key(m.group("n"))
    tail = text[m.end() : m.end() + 12]
    if re.match(r"(?:" + _HY + r"|\s+)old\b", tail):
        return None  # ages: "a 20-year-old man"
    if code == "TS" and num in ("a", "an"):
        return None  # "a second round"
    n = _parse_number(m.group("n"))
    if num in ("a", "an", "one") and not m.group("mod") and not m.group("the"):
        if _AMOUNT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            return (m.start(), m.end(), "SET", _duration_value(1, code), None, None, "none")
    if num in ("a", "an") and unit.endswith("s"):
        return None  # "a days" is not a duration
    return (m.start(), m.end(), "DURATION", _duration_value(n, code), None, None, "none")


_R_DURATION_BARE = re.compile(
    r"(?<![\w-])(?P<u>"
    + _ci(["decades", "years", "months", "weeks", "days", "hours", "minutes", "centuries"])
    + r")(?:(?P<long>"
    + _HY
    + _ci(["long"])
    + r")|(?=\s+"
    + _ci(["of"])
    + r"\b)|(?![\w-]))"
)
_BARE_PREPS = frozenset(_WORDS["duration_before"])


def _h_duration_bare(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code = _LEX.unit_of.get(_key(m.group("u")))
    if code is None:
        return None
    if not m.group("long"):
        followed_by_of = bool(re.match(r"\s+(?:of|OF|Of)\b", text[m.end() : m.end() + 5]))
        prev = _prev_words(text, m.start(), 1)
        adjacent = text[m.start() - 1 : m.start()].isspace() if m.start() else False
        if not followed_by_of and not (prev and adjacent and prev[-1] in _BARE_PREPS):
            return None
        if prev and prev[-1] in (
            "the",
            "those",
            "these",
            "early",
            "first",
            "last",
            "final",
            "recent",
            "past",
            "coming",
            "next",
            "previous",
            "his",
            "her",
            "their",
            "its",
            "our",
            "my",
        ):
            return None
    return (m.start(), m.end(), "DURATION", _duration_value(None, code), None, None, "none")


_R_LONG = re.compile(
    r"(?<![\w-])(?P<u>"
    + _ci(["week", "year", "month", "day", "decade", "hour", "century"])
    + r")"
    + _HY
    + r"?"
    + _ci(["long"])
    + r"(?![\w-])"
)


def _h_long(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code = _LEX.unit_of.get(_key(m.group("u")))
    if code is None:
        return None
    return (m.start(), m.end(), "DURATION", _duration_value(1, code), None, None, "none")


_SET_UNITS = [u for u in _LEX.unit_of if not u.endswith(("s", "ia"))]
_R_SET = re.compile(
    r"(?<![\w-])(?:(?P<ev>"
    + _ci(["every", "each"])
    + r")\s+(?:(?P<other>"
    + _ci(["other"])
    + r")\s+)?"
    r"(?:(?P<n>"
    + _NUM
    + r")\s+)?(?:(?P<u>"
    + _UNIT
    + r")|(?P<wd>"
    + _WEEKDAY
    + r")|(?P<part>"
    + _ci([*_PARTS, "weekend"])
    + r"))"
    r"|(?P<freq>"
    + _ci([*_FREQ, "three times", "four times", "several times", "many times"])
    + r"|[0-9]{1,3}\s+"
    + _ci(["times"])
    + r")\s+(?:"
    + _ci(["a", "an", "per", "every", "each"])
    + r")\s+(?P<fu>"
    + _ci(_SET_UNITS)
    + r")"
    r"|(?P<per>" + _ci(["per"]) + r")\s+(?P<pu>" + _ci(_SET_UNITS) + r")"
    r"|(?P<adv>" + _ci(_SET_WORDS) + r")"
    r"|(?P<wds>"
    + _alt(v for s in _LEX.weekday_of for v in (s.capitalize() + "s", s.upper() + "S"))
    + r"))(?![\w-])"
)


def _h_set(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("ev"):
        if m.group("wd"):
            wd = _LEX.weekday_of.get(m.group("wd").lower())
            return (m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None, None, "none")
        if m.group("part"):
            part = _key(m.group("part"))
            value = "XXXX-WXX-WE" if part == "weekend" else f"XXXX-XX-XXT{_PARTS[part]}"
            return (m.start(), m.end(), "SET", value, None, None, "none")
        unit = _key(m.group("u"))
        code = _LEX.unit_of.get(unit)
        if code is None:
            return None
        n = _parse_number(m.group("n")) if m.group("n") else 1.0
        if m.group("n") and n is None:
            return None
        if not m.group("n") and unit.endswith(("s", "ia")):
            return None  # "each days"
        if m.group("other"):
            n = (n or 1) * 2
        return (m.start(), m.end(), "SET", _duration_value(n, code), None, None, "none")
    if m.group("freq"):
        code = _LEX.unit_of.get(_key(m.group("fu")))
        return (
            (m.start(), m.end(), "SET", _duration_value(1, code), None, None, "none")
            if code
            else None
        )
    if m.group("per"):
        code = _LEX.unit_of.get(_key(m.group("pu")))
        return (
            (m.start(), m.end(), "SET", _duration_value(1, code), None, None, "none")
            if code
            else None
        )
    if m.group("wds"):
        wd = _LEX.weekday_of.get(m.group("wds")[:-1].lower())
        return (m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", None, None, "none") if wd else None
    word = m.group("adv")
    nxt = _next_word(text, m.end())
    if (
        word[:1].isupper()
        and m.start() > 0
        and not re.search(r"(?:^|[.!?:\n\"\u201c]\s*)$", text[: m.start()])
    ):
        return None  # "the Belgrade Daily ...": part of a name
    if nxt[:1].isupper():
        return None  # "the daily Politika"
    prev = _prev_words(text, m.start(), 1)
    if (
        prev
        and prev[-1] in ("the", "a", "an")
        and not (nxt[:1].islower() and text[m.end() : m.end() + 1] == " ")
    ):
        return None  # "the daily", "a weekly," used as a noun
    return (m.start(), m.end(), "SET", _SET_WORDS[_key(word)], None, None, "none")
