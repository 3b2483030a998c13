"""Regular-expression pieces every rule shares (months, weekdays, days, numbers, units), and the
look-around helpers: the words before a match, the word after it, a future cue in its sentence."""

from __future__ import annotations

import calendar
import re
from .lexicon import _MODS_APPROX, _NOT_NUM_BEFORE, _YEAR, _alt, _ci, lexicon


# ---------------------------------------------------------------------------------------------
# The rules. Each is (pattern, handler); a handler gets the match, the text and the reference and
# returns a hit or None (the context rules the match out).

_LEX = lexicon()
_FULL_MONTHS = frozenset(calendar.month_name[i].lower() for i in range(1, 13))
_MONTH = (
    r"(?:"
    + _alt(v for s in _FULL_MONTHS for v in (s.capitalize(), s.upper()))[3:-1]
    + r"|(?:"
    + _alt(v for s in _LEX.month_of if s not in _FULL_MONTHS for v in (s.capitalize(), s.upper()))[
        3:-1
    ]
    + r")\b\.?)(?![\w-])"
).replace("(?:", r"(?<![\w-])(?:", 1)
_WEEKDAY = (
    r"(?:" + _alt(v for s in _LEX.weekday_of for v in (s.capitalize(), s.upper()))[3:-1] + r")"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_NUMWORDS = _ci(k for k in _LEX.numbers if not k.startswith("half"))
_TENS = _ci(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
_ONES = _ci(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
_NUM = (
    r"(?:"
    + _NOT_NUM_BEFORE
    + r"[0-9]{1,4}(?:\.[0-9]{1,2})?(?![0-9])|"
    + _TENS
    + r"[-\s]"
    + _ONES
    + r"|"
    + _ci(["half a", "half an"])
    + r"|"
    + _ci(_LEX.vague)
    + r"|"
    + _NUMWORDS
    + r")"
)
_UNIT = _ci(_LEX.unit_of)
_MODS = _ci(_MODS_APPROX)
_SINCE = _ci(["since"])
_PREV_TOKENS = re.compile(r"[A-Za-z]+\.?|[^\sA-Za-z0-9]")
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)?)")
_YEAR_RX = re.compile(r"(?<![0-9])" + _YEAR + r"(?![0-9])")
_AMOUNT_BEFORE = re.compile(
    r"(?:[0-9%]|illion|percent|per\s+cent|times|euros?|dollars?|pounds?)\s*$", re.IGNORECASE
)


def _prev_words(text: str, start: int, n: int = 2) -> list[str]:
    """The last `n` word or punctuation tokens before `start` (lower case), nearest last."""
    window = text[max(0, start - 40) : start]
    toks = _PREV_TOKENS.findall(window)
    return [t.lower() for t in toks[-n:]]


def _prev_match(text: str, start: int, words: frozenset[str]) -> str | None:
    """The one- or two-word phrase in `words` that ends right before `start`, if any."""
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


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


_SENTENCE_END = re.compile(r".*[.!?\n]", re.DOTALL)
_WILL_AFTER = re.compile(  # "On Friday they will sign", "Thursday's talks will"
    r",?\s*(?:['\u2019]s\s+\w+\s+|(?!(?:and|but|or|then|when|after|before)\b)[A-Za-z]+(?:\s+[A-Za-z]+)?\s+)?"
    r"(?:will|shall|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to)\b|['\u2019]ll\b"
)


def _future_context(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 90) : start]
    cut = _SENTENCE_END.match(window)
    if cut:
        window = window[cut.end() :]
    if _LEX.future.search(window):
        return True
    return bool(_WILL_AFTER.match(text, end, min(len(text), end + 40)))
