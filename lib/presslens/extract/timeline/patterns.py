"""The regular-expression pieces the rules share (years, months, weekdays, days, numbers, units,
modifiers), what a rule is, and the readers of a match's surroundings: the words before it, the
phrase of a word list that ends right before it, the word after it."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from .lexicon import PERIOD_EDGES, WORDS, Hit, alternation, any_case, lexicon

Handler = Callable[[re.Match[str], str, dt.date | None], Hit | None]
"""A rule's handler: (match, text, reference) -> a hit, or None when the context rules it out."""


class Rule(NamedTuple):
    """A rule of the tagger: its pattern, its handler, and the trigger classes (see the tagger)
    of which a text must hold one for the rule to run on it."""

    pattern: re.Pattern[str]
    handler: Handler
    triggers: frozenset[str]


_LEX = lexicon()

YEAR = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
"""A year from 1900 to 2100, in four digits."""
NOT_NUM_BEFORE = r"(?<![0-9A-Za-z.,$€£#/_])"
"""No digit, letter, decimal point, currency or number sign right before."""
HYPHEN = r"[-\u2010\u2011]"
"""A hyphen inside a compound ("78-day")."""
DASH = r"[-\u2010\u2011\u2012\u2013\u2014/]"
"""A separator of a year range ("1998-1999", "1998–99")."""
FULL_MONTHS = frozenset(calendar.month_name[i].lower() for i in range(1, 13))
"""The months' full names, lower case."""
MONTH = (
    r"(?:"
    + alternation(v for s in FULL_MONTHS for v in (s.capitalize(), s.upper()))[3:-1]
    + r"|(?:"
    + alternation(
        v for s in _LEX.month_of if s not in FULL_MONTHS for v in (s.capitalize(), s.upper())
    )[3:-1]
    + r")\b\.?)(?![\w-])"
).replace("(?:", r"(?<![\w-])(?:", 1)
"""A month name or abbreviation, capitalised or in capitals."""
WEEKDAY = (
    r"(?:"
    + alternation(v for s in _LEX.weekday_of for v in (s.capitalize(), s.upper()))[3:-1]
    + r")"
)
"""A weekday name, capitalised or in capitals."""
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
"""A day of a month in digits, with an optional ordinal suffix."""
_NUMWORDS = any_case(k for k in _LEX.numbers if not k.startswith("half"))
_TENS = any_case(WORDS["tens"])
_ONES = any_case(WORDS["ones"])
NUMBER = (
    r"(?:"
    + NOT_NUM_BEFORE
    + r"[0-9]{1,4}(?:\.[0-9]{1,2})?(?![0-9])|"
    + _TENS
    + r"[-\s]"
    + _ONES
    + r"|"
    + any_case(["half a", "half an"])
    + r"|"
    + any_case(_LEX.vague)
    + r"|"
    + _NUMWORDS
    + r")"
)
"""An amount: digits, a number word, "twenty-four", "half a", a vague quantifier."""
UNIT = any_case(_LEX.unit_of)
"""A unit of time, singular or plural."""
APPROX = any_case(list(WORDS["approximately"]))
"""A modifier of approximation ("about", "nearly")."""
SINCE = any_case(["since"])
"""The word "since"."""
PERIOD_EDGE = any_case(PERIOD_EDGES)
"""A modifier naming part of a period ("early", "the end of")."""
YEAR_RX = re.compile(r"(?<![0-9])" + YEAR + r"(?![0-9])")
"""A year, compiled, not inside a longer number."""

_PREV_TOKENS = re.compile(r"[A-Za-z]+\.?|[^\sA-Za-z0-9]")
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)?)")


def words_before(text: str, start: int, n: int = 2) -> list[str]:
    """The last `n` word or punctuation tokens before `start` (lower case), nearest last."""
    window = text[max(0, start - 40) : start]
    toks = _PREV_TOKENS.findall(window)
    return [t.lower() for t in toks[-n:]]


def phrase_before(text: str, start: int, words: frozenset[str]) -> str | None:
    """The one- to three-word phrase in `words` that ends right before `start`, if any."""
    window = text[max(0, start - 40) : start]
    if window and not window[-1:].isspace() and window[-1:] not in "-\u2010\u2011(":
        return None
    toks = _PREV_TOKENS.findall(window)
    toks = [t.lower() for t in toks if t not in "(-\u2010\u2011"]
    for k in (3, 2, 1):
        if len(toks) >= k:
            phrase = " ".join(toks[-k:])
            if phrase in words:
                return phrase
    return None


def word_after(text: str, end: int) -> str:
    """The word right after `end` (as written), or '' when none follows."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""
