"""Rules for years, year ranges, decades and centuries ("in 2008", "1998-99", "the 1990s",
"the 14th century"), and when a four-digit number is a year rather than a count ("2000 troops")."""

from __future__ import annotations

import datetime as dt
import re

from presslens.core import resources

from .lexicon import PERIOD_EDGES, WORDS, Hit, any_case, lexicon, lookup_key
from .patterns import (
    DASH,
    HYPHEN,
    NOT_NUM_BEFORE,
    PERIOD_EDGE,
    SINCE,
    YEAR,
    YEAR_RX,
    Rule,
    phrase_before,
    word_after,
    words_before,
)
from .spans import since_finish, year_span

_LEX = lexicon()
_ORDINAL_CENTURY: dict[str, int] = dict(WORDS["ordinal_centuries"])
_TENSE = resources.load("timex.yaml")["tense"]
_YEAR_OVER_COUNT = frozenset(str(w).lower() for w in _TENSE["year_over_count"])
_COUNTED_AFTER = frozenset(str(w).lower() for w in _TENSE["counted_after"])
_NOT_PLURAL = frozenset(str(w).lower() for w in _TENSE["not_plural"])
_DETERMINERS = frozenset(WORDS["determiners_before_year"])
_OWNERS = frozenset(WORDS["owners_before_year"])
_WORD_AFTER = re.compile(r"\s+([A-Za-z][a-z-]*)")


def _counts_plural(text: str, end: int) -> bool:
    """Whether a plural noun follows the number ending at `end`, after at most two lower-case
    modifiers ("2047 registered voters"), and is no verb taking an object ("2016 marks the")."""
    pos = end
    for k in range(3):
        m = _WORD_AFTER.match(text, pos)
        if m is None or not m.group(1).islower():
            return False
        w = m.group(1)
        if w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NOT_PLURAL:
            if w in _LEX.year_nouns or w.rstrip("s") in _LEX.year_nouns:
                return False
            nxt = _WORD_AFTER.match(text, m.end())
            return not (nxt and nxt.group(1).lower() in _DETERMINERS)
        if w in _LEX.year_nouns or w in _COUNTED_AFTER or w in ("of", "and", "or", "to"):
            return False
        pos = m.end()
    return False


def _year_noun_follows(text: str, end: int) -> bool:
    """Whether one of the three words after `end` is a year noun ("2015 Paris agreement")."""
    pos = end
    for _ in range(3):
        m = _WORD_AFTER.match(text, pos)
        if m is None:
            return False
        if m.group(1).lower() in _LEX.year_nouns:
            return True
        pos = m.end()
    return False


def _counted(text: str, start: int, end: int, prev: list[str]) -> bool | None:
    """True when the four-digit number at text[start:end] counts something, False when a
    preposition or possessive keeps it a year, None when neither decides."""
    before = prev[-1] if prev else ""
    if text.startswith(("'s", "\u2019s"), end) or before in _YEAR_OVER_COUNT:
        return False
    nxt = word_after(text, end)
    if lookup_key(nxt) in _LEX.count_nouns:
        return not _year_nearby(text, start, end)
    if before in _DETERMINERS and (nxt[:1].islower() or _year_noun_follows(text, end)):
        return False  # "the 2020 candidates", "the 2015 Paris agreement": it modifies a noun
    if before not in _COUNTED_AFTER and before not in _LEX.year_preps and _counts_plural(text, end):
        # "2016 voters" in a sentence about the 2016 vote: the same number used as a year nearby
        return not _year_nearby(text, start, end)
    return None


def _year_nearby(text: str, start: int, end: int, *, window: int = 250) -> bool:
    """Whether the same four-digit number is used as a year within `window` characters: after
    a determiner or a year preposition ("the 2016 vote", "in 2016") or before a possessive or a
    year noun ("2016's", "2016 election")."""
    num = re.escape(text[start:end])
    lo, hi = max(0, start - window), min(len(text), end + window)
    for m in re.finditer(r"(?<![\w.,])" + num + r"(?![\w])", text[lo:hi]):
        a, b = lo + m.start(), lo + m.end()
        if a == start:
            continue
        prev = words_before(text, a, 1)
        if prev and (prev[-1] in _DETERMINERS or prev[-1] in _LEX.year_preps):
            return True
        if text.startswith(("'s", "\u2019s"), b) or _year_noun_follows(text, b):
            return True
    return False


# --- years ------------------------------------------------------------------------------------


_R_YEAR = re.compile(
    r"(?:(?P<since>"
    + SINCE
    + r")\s+)?(?:(?P<mod>"
    + PERIOD_EDGE
    + r")(?:"
    + HYPHEN
    + r"|\s+))?"
    + NOT_NUM_BEFORE
    + r"(?P<y>"
    + YEAR
    + r")(?![0-9]|[.,][0-9]|\s*(?:%|percent|per\s+cent))"
)


def _year_context(text: str, start: int, end: int) -> bool:
    """Whether the four-digit number at text[start:end] is used as a year."""
    lex = _LEX
    prev = words_before(text, start, 3)
    nxt = word_after(text, end)
    before = text[max(0, start - 1) : start]
    if prev and prev[-1] in lex.not_year_before and (before.isspace() or before in "$€£#+"):
        return False
    counted = _counted(text, start, end, prev)
    if counted:
        return False
    if counted is False or phrase_before(text, start, lex.year_preps):
        return True
    if (
        prev
        and prev[-1] in ("and", "or", "to", "through", "until", "till", "&", ",")
        and YEAR_RX.search(text, max(0, start - 25), start)
    ):
        return True
    after = text[end : end + 1]
    if after == "" or after in ",.;:)!?]\"'\u201d\u2019\u2014\u2013":
        return True
    eol = text.find("\n", end)
    if not text[end : eol if eol >= 0 else len(text)].strip():
        return True
    low = lookup_key(nxt)
    if (
        nxt[:1].islower()
        and low not in ("of", "and", "or", "to", "per")
        and re.search(
            r"(?:^|[.!?;:\n]\s*|[\"\u201c(]\s*)$",
            text[max(0, start - 3) : start] if start > 2 else text[:start],
        )
    ):
        # "1999 was a turning point": a number does not start a sentence unless it is a
        # year
        return True
    if (
        low in lex.year_nouns
        or low.rstrip("s") in lex.year_nouns
        or text.startswith(("'s", "\u2019s"), end)
    ):
        return True
    if prev and prev[-1] in _OWNERS and nxt:
        if nxt[:1].isupper() and not (nxt.endswith("s") and not nxt.isupper()):
            return True
    return False


def _h_year(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    y = int(m.group("y"))
    since, mod = m.group("since"), m.group("mod")
    if not since and not mod and not _year_context(text, m.start("y"), m.end("y")):
        return None
    begin, finish = year_span(y, PERIOD_EDGES.get(lookup_key(mod)) if mod else None)
    if since:
        finish = since_finish(begin, ref)
    return (m.start(), m.end(), "DATE", str(y), begin, finish, "absolute")


_R_RANGE = re.compile(
    r"(?:(?P<pre>"
    + any_case(["from", "between"])
    + r")\s+)?(?:"
    + any_case(["the years", "the year"])
    + r"\s+)?"
    + NOT_NUM_BEFORE
    + r"(?P<y1>"
    + YEAR
    + r")(?:\s*"
    + DASH
    + r"\s*|\s+(?P<conj>"
    + any_case(["to", "and", "until", "till", "through", "thru"])
    + r")\s+)(?P<y2>"
    + YEAR
    + r"|[0-9]{2})(?![0-9]|[.,][0-9]|"
    + HYPHEN
    + r"[0-9])"
)


def _h_range(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    y1, raw2 = int(m.group("y1")), m.group("y2")
    pre, conj = lookup_key(m.group("pre") or ""), lookup_key(m.group("conj") or "")
    if conj == "and" and pre != "between":
        return None
    if pre == "between" and conj not in ("and", ""):
        return None
    y2 = int(raw2)
    if len(raw2) == 2:
        y2 += y1 // 100 * 100
        if y2 <= y1 and y1 % 100 >= 90:
            y2 += 100
    if y2 <= y1:
        return None
    begin, _ = year_span(y1)
    _, finish = year_span(y2)
    return (m.start(), m.end(), "DATE", f"{y1}/{y2}", begin, finish, "absolute")


_R_DECADE = re.compile(
    r"(?:(?P<mod>" + any_case(["early", "mid", "late"]) + r")(?:" + HYPHEN + r"|\s+))?"
    r"(?:(?<![0-9A-Za-z])(?P<dec>1[89][0-9]0|20[0-9]0)|['\u2019](?P<yy>[0-9]0))s\b"
)


def _h_decade(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    y = int(m.group("dec")) if m.group("dec") else 1900 + int(m.group("yy"))
    mod = lookup_key(m.group("mod") or "")
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(mod, (0, 9))
    return (
        m.start(),
        m.end(),
        "DATE",
        str(y // 10),
        f"{y + lo:04d}-01-01",
        f"{y + hi:04d}-12-31",
        "absolute",
    )


_R_CENTURY = re.compile(
    r"(?:(?<![0-9])(?P<n>[0-9]{1,2})(?:st|nd|rd|th)|(?P<w>"
    + any_case(_ORDINAL_CENTURY)
    + r"))[-\s]+"
    + any_case(["century"])
    + r"\b"
)


def _h_century(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    n = int(m.group("n")) if m.group("n") else _ORDINAL_CENTURY.get(lookup_key(m.group("w")))
    if not n or not 1 <= n <= 99:
        return None
    y = (n - 1) * 100
    return (
        m.start(),
        m.end(),
        "DATE",
        f"{n - 1:02d}",
        f"{max(y, 1):04d}-01-01",
        f"{y + 99:04d}-12-31",
        "absolute",
    )


# --- the rules (their order in the tagger is `tagger.RULES`) -------------------------------------

YEAR_RANGE = Rule(_R_RANGE, _h_range, frozenset({"year"}))
"""A range of years ("1998-1999", "from 1998 to 1999", "between 1998 and 1999")."""
DECADE = Rule(_R_DECADE, _h_decade, frozenset({"year", "decade"}))
"""A decade ("the 1990s", "the late '90s")."""
CENTURY = Rule(_R_CENTURY, _h_century, frozenset({"unit"}))
"""A century ("the 14th century", "the twentieth century")."""
SINGLE_YEAR = Rule(_R_YEAR, _h_year, frozenset({"year"}))
"""A year ("in 2008", "since 2009", "late 2022"), when the number is used as a year."""
