"""Rules for years, year ranges, decades and centuries ("in 2008", "1998-99", "the 1990s",
"the 14th century"), and when a bare number is a year."""

from __future__ import annotations

import datetime as dt
import re
from .dates import _since, _year_span
from .lexicon import _WORDS, Hit, _DASH, _HY, _NOT_NUM_BEFORE, _ORDINAL_CENTURY, _YEAR, _ci, _key
from .patterns import _LEX, _SINCE, _YEAR_RX, _next_word, _prev_match, _prev_words
from presslens.core import resources

_TENSE = resources.load("timex.yaml")["tense"]
_YEAR_OVER_COUNT = frozenset(str(w).lower() for w in _TENSE["year_over_count"])
_COUNTED_AFTER = frozenset(str(w).lower() for w in _TENSE["counted_after"])
_NOT_PLURAL = frozenset(str(w).lower() for w in _TENSE["not_plural"])
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that", "our"])
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
    nxt = _next_word(text, end)
    if _key(nxt) in _LEX.count_nouns:
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
        prev = _prev_words(text, a, 1)
        if prev and (prev[-1] in _DETERMINERS or prev[-1] in _LEX.year_preps):
            return True
        if text.startswith(("'s", "\u2019s"), b) or _year_noun_follows(text, b):
            return True
    return False


# --- years ------------------------------------------------------------------------------------

_MODWORDS: dict[str, str] = dict(_WORDS["period_edges"])
_MOD = _ci(_MODWORDS)

_R_YEAR = re.compile(
    r"(?:(?P<since>"
    + _SINCE
    + r")\s+)?(?:(?P<mod>"
    + _MOD
    + r")(?:"
    + _HY
    + r"|\s+))?"
    + _NOT_NUM_BEFORE
    + r"(?P<y>"
    + _YEAR
    + r")(?![0-9]|[.,][0-9]|\s*(?:%|percent|per\s+cent))"
)


def _year_context(text: str, start: int, end: int) -> bool:
    """Whether the four-digit number at text[start:end] is used as a year."""
    lex = _LEX
    prev = _prev_words(text, start, 3)
    nxt = _next_word(text, end)
    before = text[max(0, start - 1) : start]
    if prev and prev[-1] in lex.not_year_before and (before.isspace() or before in "$€£#+"):
        return False
    counted = _counted(text, start, end, prev)
    if counted:
        return False
    if counted is False or _prev_match(text, start, lex.year_preps):
        return True
    if (
        prev
        and prev[-1] in ("and", "or", "to", "through", "until", "till", "&", ",")
        and _YEAR_RX.search(text, max(0, start - 25), start)
    ):
        return True
    after = text[end : end + 1]
    if after == "" or after in ",.;:)!?]\"'\u201d\u2019\u2014\u2013":
        return True
    eol = text.find("\n", end)
    if not text[end : eol if eol >= 0 else len(text)].strip():
        return True
    low = _key(nxt)
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
    if (
        prev
        and prev[-1] in ("the", "a", "its", "their", "his", "her", "this", "that", "our", "whose")
        and nxt
    ):
        if nxt[:1].isupper() and not (nxt.endswith("s") and not nxt.isupper()):
            return True
    return False


def _h_year(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    y = int(m.group("y"))
    since, mod = m.group("since"), m.group("mod")
    if not since and not mod and not _year_context(text, m.start("y"), m.end("y")):
        return None
    begin, finish = _year_span(y, _MODWORDS.get(_key(mod)) if mod else None)
    if since:
        finish = _since(begin, ref)
    return (m.start(), m.end(), "DATE", str(y), begin, finish, "absolute")


_R_RANGE = re.compile(
    r"(?:(?P<pre>"
    + _ci(["from", "between"])
    + r")\s+)?(?:"
    + _ci(["the years", "the year"])
    + r"\s+)?"
    + _NOT_NUM_BEFORE
    + r"(?P<y1>"
    + _YEAR
    + r")(?:\s*"
    + _DASH
    + r"\s*|\s+(?P<conj>"
    + _ci(["to", "and", "until", "till", "through", "thru"])
    + r")\s+)(?P<y2>"
    + _YEAR
    + r"|[0-9]{2})(?![0-9]|[.,][0-9]|"
    + _HY
    + r"[0-9])"
)


def _h_range(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    y1, raw2 = int(m.group("y1")), m.group("y2")
    pre, conj = _key(m.group("pre") or ""), _key(m.group("conj") or "")
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
    begin, _ = _year_span(y1)
    _, finish = _year_span(y2)
    return (m.start(), m.end(), "DATE", f"{y1}/{y2}", begin, finish, "absolute")


_R_DECADE = re.compile(
    r"(?:(?P<mod>" + _ci(["early", "mid", "late"]) + r")(?:" + _HY + r"|\s+))?"
    r"(?:(?<![0-9A-Za-z])(?P<dec>1[89][0-9]0|20[0-9]0)|['\u2019](?P<yy>[0-9]0))s\b"
)


def _h_decade(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    y = int(m.group("dec")) if m.group("dec") else 1900 + int(m.group("yy"))
    mod = _key(m.group("mod") or "")
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
    + _ci(_ORDINAL_CENTURY)
    + r"))[-\s]+"
    + _ci(["century"])
    + r"\b"
)


def _h_century(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    n = int(m.group("n")) if m.group("n") else _ORDINAL_CENTURY.get(_key(m.group("w")))
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
