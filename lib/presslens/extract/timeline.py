"""Temporal expressions in news text, normalised the TimeML (TIMEX3) way.

``tag(text, reference)`` finds the expressions of time in a text ("in 2008", "the 1998-1999 war",
"Wednesday", "two years ago", "a 78-day bombing", "every year") and gives each a TIMEX3 type
(DATE, TIME, DURATION, SET) and value, plus the calendar days it covers (``begin``/``finish``,
ISO dates) and what it was resolved against (``anchor``):

``absolute``
    the text names the year ("August 18, 2022", "since 2009", "1998-1999").
``publication``
    the expression is relative and was resolved against the reference (publication) date:
    "Wednesday", "last week", "September 1" (year chosen so the date is nearest the reference),
    "two years ago", "recently".
``none``
    nothing to resolve against: no reference was given ("yesterday" -> ``XXXX-XX-XX``,
    "Thursday" -> ``XXXX-WXX-4``), or the expression is a duration or a set.

The tagger is a hand-written rule set over regular expressions compiled once at import, with its
word lists (month and number words, idioms, names, which nouns make a number a count or a year) in
``resources/timex.yaml``. It never reads the clock: without a reference, relative expressions are
tagged but left unresolved. Before any rule runs, one pass over the text's lower-cased words (and a
digit check) finds which trigger classes it contains (month names, time units, "ago", ...); text
without any is rejected at once and each rule runs only on text with one of its triggers, so a
sentence costs less than NLTK VADER's sentiment score (~27 us against ~45 us on the seed sentences).
For many sentences use ``tag_sentences``, which builds one table instead of one per sentence.

Conventions (where TIMEX3 leaves a choice):

* Year ranges ("1998-1999", "1998–99", "from 1998 to 1999", "between 1998 and 1999") are one DATE
  whose value is the ISO 8601 interval of the two years, ``1998/1999``, with begin 1998-01-01 and
  finish 1999-12-31. The span includes "from"/"between".
* "since 2009" is one DATE (span includes "since"), value ``2009``, begin 2009-01-01, finish the
  reference date (None without a reference, or when the reference precedes the year).
* Decades are unit ``DE`` and centuries ``CE``: "two decades" -> ``P2DE``, "a decade" ->
  ``P1DE``, "decades of peace" -> ``PXDE``. Times of day use TIMEX3 ``PT``: "24 hours" -> ``PT24H``.
  Durations have no begin/finish and anchor ``none``.
* Modifiers of approximation ("about a decade", "nearly two years") and the part-of-period words
  early/mid/late ("late 2022", narrowing begin/finish) are inside the span; plain prepositions
  ("in 2008", "on Thursday") are not.
* A bare weekday is the most recent such day on or before the reference (the reference day itself
  for its own weekday), or the next one on or after it when a future cue precedes it in the
  sentence ("will meet ... Thursday", "the upcoming talks ... Thursday"); "next"/"last" Monday are
  strictly after/before the reference.
* A month and day without year ("September 1") or a bare month ("in May") gets the year that puts it
  nearest the reference (ties go to the past).
* ``now``/``currently`` are ``PRESENT_REF``, ``recent``/``recently``/"in recent years" ``PAST_REF``,
  "in the future" ``FUTURE_REF``; with a reference, PRESENT_REF spans the reference day, PAST_REF
  ends and FUTURE_REF starts on it. Adjectives such as "current", "ongoing", "upcoming", "future",
  "former", "long-term" are not tagged.
* Figures of speech ("yesterday rather than tomorrow", "one day", "sooner or later") and names
  ("Good Friday Agreement", "Sunday Times") are listed in the resource file and never tagged.

``tag_sentences`` tags a sentence table and returns the chain's ``timex`` table with offsets into
the article; ``score`` compares predictions with a gold annotation (strict and overlap span
precision/recall/F1, value accuracy); ``locate`` turns a gold annotation written as (expression,
occurrence) into offsets.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from presslens.pipeline import resources_io

COLUMNS = ["start", "end", "text", "type", "value", "begin", "finish", "anchor"]
TIMEX_COLUMNS = ["article_id", "sent_id", *COLUMNS]
TYPES = ("DATE", "TIME", "DURATION", "SET")
ANCHORS = ("absolute", "publication", "none")

# A hit: (start, end, type, value, begin, finish, anchor); begin/finish are ISO strings or None.
Hit = tuple[int, int, str, str, "str | None", "str | None", str]

# ---------------------------------------------------------------------------------------------
# Pattern building


def _variants(phrase: str) -> set[str]:
    """Spellings of a phrase as it appears in running text and headlines (no case folding)."""
    words = phrase.split()
    lower = [w.lower() for w in words]
    cap = [w[:1].upper() + w[1:] for w in lower]
    return {
        " ".join(lower),
        " ".join([cap[0], *lower[1:]]),
        " ".join(cap),
        " ".join(w.upper() for w in words),
    }


def _alt(forms: Iterable[str]) -> str:
    """A non-capturing alternation of literal forms, longest first; spaces match any whitespace."""
    parts = {r"\s+".join(re.escape(w) for w in f.split()) for f in forms if f.strip()}
    return "(?:" + "|".join(sorted(parts, key=lambda p: (-len(p), p))) + ")"


def _ci(words: Iterable[str]) -> str:
    """Alternation of the lower/Capitalised/Title/UPPER variants of `words`."""
    return _alt(v for w in words for v in _variants(str(w)))


def _key(s: str) -> str:
    """Lookup key of a matched phrase: lower case, single spaces."""
    return " ".join(s.lower().split())


_YEAR = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
_NOT_NUM_BEFORE = r"(?<![0-9A-Za-z.,$€£#/_])"
_HY = r"[-\u2010\u2011]"  # hyphens inside compounds ("78-day")
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014/]"  # separators of a year range
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MODS_APPROX = [
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "more than",
    "less than",
    "fewer than",
    "just over",
    "just under",
    "over",
    "under",
    "at least",
    "up to",
    "only",
    "just",
    "barely",
    "well over",
    "close to",
]
_ORDINAL_CENTURY = {
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "eighteenth": 18,
}
_SET_WORDS = {
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
    "nightly": "P1D",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "biennial": "P2Y",
    "biannual": "P6M",
    "semiannual": "P6M",
    "semi-annual": "P6M",
    "fortnightly": "P2W",
}
_FREQ = {"once": 1, "twice": 2, "thrice": 3}


@dataclass(frozen=True)
class _Lexicon:
    month_of: dict[str, int]
    ambiguous_months: frozenset[str]
    month_preps: frozenset[str]
    month_preps_strict: frozenset[str]
    weekday_of: dict[str, int]
    numbers: dict[str, float]
    vague: frozenset[str]
    unit_of: dict[str, str]
    year_preps: frozenset[str]
    year_nouns: frozenset[str]
    count_nouns: frozenset[str]
    not_year_before: frozenset[str]
    future: re.Pattern[str]
    blocked: re.Pattern[str]


@functools.lru_cache(maxsize=None)
def lexicon(name: str = "timex.yaml") -> _Lexicon:
    """The word lists of the resource file, with the derived patterns (built once)."""
    spec = resources_io.load(name)
    month_of: dict[str, int] = {}
    for num, spellings in spec["months"].items():
        for s in spellings:
            month_of[str(s).rstrip(".").lower()] = int(num)
    weekday_of = {str(s).lower(): int(n) for n, ss in spec["weekdays"].items() for s in ss}
    unit_of: dict[str, str] = {}
    for unit, code in spec["units"].items():
        unit = str(unit)
        plural = {"century": "centuries", "millennium": "millennia"}.get(unit, unit + "s")
        unit_of[unit] = unit_of[plural] = str(code)
    idioms = [str(i) for i in spec.get("idioms", [])]
    names = [str(n) for n in spec.get("names", [])]
    blocked = (
        "|".join([_ci(idioms)[3:-1]] * bool(idioms) + [_alt(names)[3:-1]] * bool(names))
        or r"(?!x)x"
    )
    return _Lexicon(
        month_of=month_of,
        ambiguous_months=frozenset(str(m).rstrip(".").lower() for m in spec["ambiguous_months"]),
        month_preps=frozenset(_key(str(p)) for p in spec["month_preps"]),
        month_preps_strict=frozenset(_key(str(p)) for p in spec["month_preps_strict"]),
        weekday_of=weekday_of,
        numbers={_key(str(k)): float(v) for k, v in spec["numbers"].items()},
        vague=frozenset(_key(str(v)) for v in spec["vague_numbers"]),
        unit_of=unit_of,
        year_preps=frozenset(_key(str(p)) for p in spec["year_preps"]),
        year_nouns=frozenset(_key(str(p)) for p in spec["year_nouns"]),
        count_nouns=frozenset(_key(str(p)) for p in spec["count_nouns"]),
        not_year_before=frozenset(_key(str(p)) for p in spec["not_year_before"]),
        future=re.compile(r"(?<![\w'])" + _ci(str(c) for c in spec["future_cues"]) + r"(?!\w)"),
        blocked=re.compile(r"(?<![\w-])(?:" + blocked + r")(?![\w-])"),
    )


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


# --- years ------------------------------------------------------------------------------------

_MODWORDS = {
    "early": "early",
    "mid": "mid",
    "late": "late",
    "the end of": "end",
    "the beginning of": "start",
    "the start of": "start",
    "the middle of": "mid",
    "end of": "end",
    "beginning of": "start",
    "start of": "start",
    "middle of": "mid",
}
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
    if _key(nxt) in lex.count_nouns:
        return False
    if _prev_match(text, start, lex.year_preps):
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
    day = _nearest_day(ref, mon, d)
    if day is None:
        return None
    iso = day.isoformat()
    finish = _since(iso, ref) if m.group("since") else iso
    return (m.start(), end, "DATE", iso, iso, finish, "publication")


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
        if not _prev_match(text, m.start(), preps):
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
        y, mo = _nearest_month(ref, mon)
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


# --- weekdays and days relative to the reference ------------------------------------------------

_R_WEEKDAY = re.compile(
    r"(?:(?P<rel>"
    + _ci(["next", "last", "this", "coming", "past", "previous", "this coming", "this past"])
    + r")\s+)?(?<![\w-])(?P<wd>"
    + _WEEKDAY
    + r")(?![\w-])"
    r"(?:\s+(?P<part>" + _ci(_PARTS) + r")\b)?"
)
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


def _h_weekday(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    wd = _LEX.weekday_of.get(m.group("wd").lower())
    if wd is None:
        return None
    rel = _key(m.group("rel") or "")
    part = _PARTS.get(_key(m.group("part") or ""))
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
    elif _future_context(text, m.start(), m.end()):
        days = delta % 7
    else:
        days = -((-delta) % 7)
    day = _safe(lambda: ref + dt.timedelta(days=days))
    if day is None:
        return None
    iso = day.isoformat()  # type: ignore[union-attr]
    return (m.start(), m.end(), typ, iso + suffix, iso, iso, "publication")


_REL_DAYS = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "tonight": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_R_REL_DAY = re.compile(
    r"(?:(?P<el>"
    + _ci(["earlier", "later"])
    + r")\s+)?(?<![\w-])(?P<w>"
    + _ci(_REL_DAYS)
    + r")(?![\w-])"
    r"(?:\s+(?P<part>" + _ci(_PARTS) + r")\b)?"
)


def _h_rel_day(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    w = _key(m.group("w"))
    part = "NI" if w == "tonight" else _PARTS.get(_key(m.group("part") or ""))
    typ = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if ref is None:
        return (m.start(), m.end(), typ, f"XXXX-XX-XX{suffix}", None, None, "none")
    day = _safe(lambda: ref + dt.timedelta(days=_REL_DAYS[w]))
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
    *_SEASONS,
    *_PARTS,
]
_R_REL_UNIT = re.compile(
    r"(?:(?P<el>"
    + _ci(
        [
            "earlier",
            "later",
            "early",
            "late",
            "mid",
            "the end of",
            "the beginning of",
            "the start of",
            "the middle of",
            "end of",
            "beginning of",
            "start of",
        ]
    )
    + r")(?:"
    + _HY
    + r"|\s+))?(?:(?P<the>"
    + _ci(["the"])
    + r")\s+)?(?P<rel>"
    + _ci(["last", "this", "next", "past", "coming", "previous", "current"])
    + r")\s+(?P<u>"
    + _ci(_REL_UNITS)
    + r")(?![\w-])(?!\s+"
    + _ci(["of"])
    + r"\b)"
)


def _h_rel_unit(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    rel, unit = _key(m.group("rel")), _key(m.group("u"))
    el = _key(m.group("el") or "")
    if m.group("the") and rel in ("this", "current"):
        if unit in _PARTS:
            return None
    elif m.group("the"):
        if unit in _PARTS or unit in _SEASONS or unit in ("weekend", "quarter"):
            return None
        # "the past year", "the last decade": a period reaching up to the reference -> duration
        code = _LEX.unit_of.get(unit)
        if code is None:
            return None
        return (m.start(), m.end(), "DURATION", _duration_value(1, code), None, None, "none")
    if rel == "current" and unit in _PARTS:
        return None
    step = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this": 0,
        "current": 0,
        "next": 1,
        "coming": 1,
    }[rel]
    if unit in _PARTS:
        if step > 0 or (step < 0 and unit != "night"):
            return None  # "last morning", "next evening": not idiomatic
        if ref is None:
            return (m.start(), m.end(), "TIME", f"XXXX-XX-XXT{_PARTS[unit]}", None, None, "none")
        day = _safe(lambda: ref + dt.timedelta(days=step))
        if day is None:
            return None
        iso = day.isoformat()  # type: ignore[union-attr]
        return (m.start(), m.end(), "TIME", f"{iso}T{_PARTS[unit]}", iso, iso, "publication")
    mod = {
        "early": "early",
        "late": "late",
        "mid": "mid",
        "the end of": "end",
        "end of": "end",
        "the beginning of": "start",
        "beginning of": "start",
        "the start of": "start",
        "start of": "start",
        "the middle of": "mid",
    }.get(el)
    unresolved = {
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "year": "XXXX",
        "weekend": "XXXX-WXX-WE",
        "decade": "XXX",
        "century": "XX",
        "quarter": "XXXX-QX",
    }
    if ref is None:
        value = unresolved.get(unit, f"XXXX-{_SEASONS.get(unit, 'XX')}")
        return (m.start(), m.end(), "DATE", value, None, None, "none")
    value: str
    begin: str | None
    finish: str | None
    if unit in ("week", "weekend"):
        day = _safe(lambda: ref + dt.timedelta(days=7 * step))
        if day is None:
            return None
        value, begin, finish = _week(day)  # type: ignore[arg-type]
        if unit == "weekend":
            value += "-WE"
            sat = _safe(lambda: dt.date.fromisoformat(begin) + dt.timedelta(days=5))  # type: ignore[arg-type]
            begin = _iso(sat)  # type: ignore[arg-type]
    elif unit == "month":
        y, mo = _shift_month(ref.year, ref.month, step)
        value = f"{y:04d}-{mo:02d}"
        begin, finish = _month_span(y, mo, mod)
    elif unit == "year":
        y = ref.year + step
        value = f"{y:04d}"
        begin, finish = _year_span(y, mod)
    elif unit == "quarter":
        q = (ref.month - 1) // 3 + step
        y, q = ref.year + q // 4, q % 4 + 1
        value = f"{y:04d}-Q{q}"
        begin, _ = _month_span(y, 3 * q - 2)
        _, finish = _month_span(y, 3 * q)
    elif unit == "decade":
        y = ref.year // 10 * 10 + 10 * step
        value = str(y // 10)
        begin, finish = (f"{y:04d}-01-01", f"{y + 9:04d}-12-31") if 1 <= y <= 9990 else (None, None)
    elif unit == "century":
        c = ref.year // 100 + step
        value = f"{c:02d}"
        begin, finish = (
            (f"{c * 100:04d}-01-01", f"{c * 100 + 99:04d}-12-31") if 1 <= c <= 99 else (None, None)
        )
    # seasons: the one containing the reference ("this"), the last one over, the next to begin
    else:
        code = _SEASONS[unit]
        spans = [(y, *_season_span(y, code)) for y in range(ref.year - 2, ref.year + 2)]
        today = ref.isoformat()
        if step < 0:
            picked = [sp for sp in spans if sp[2] and sp[2] < today][-1:]
        elif step > 0:
            picked = [sp for sp in spans if sp[1] and sp[1] > today][:1]
        else:
            picked = [
                sp
                for sp in spans
                if sp[1] and sp[1][:4] == str(ref.year - (code == "WI" and ref.month <= 2))
            ]
        if not picked:
            return None
        y, begin, finish = picked[0]
        value = f"{y}-{code}"
    if el == "earlier" and begin is not None:
        finish = ref.isoformat()
    elif el == "later" and finish is not None:
        begin = ref.isoformat()
    return (m.start(), m.end(), "DATE", value, begin, finish, "publication")


# --- ago ------------------------------------------------------------------------------------------

_R_AGO = re.compile(
    r"(?:(?P<mod>"
    + _MODS
    + r")\s+)?(?:(?P<n>"
    + _NUM
    + r")\s+)?(?<![\w-])(?P<u>"
    + _UNIT
    + r")\s+"
    + _ci(["ago"])
    + r"\b"
)


def _h_ago(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    code = _LEX.unit_of.get(_key(m.group("u")))
    if code is None:
        return None
    n = _parse_number(m.group("n")) if m.group("n") else None
    plural = _key(m.group("u")).endswith(("s", "ies", "ia"))
    if not m.group("n") and not plural:
        return None  # "year ago" without a number is not English; leave it
    if n is None or not float(n).is_integer():
        return (
            m.start(),
            m.end(),
            "DATE",
            "PAST_REF",
            None,
            _iso(ref),
            "publication" if ref else "none",
        )
    k = int(n)
    gran = {
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
    }[code]
    if ref is None:
        value = {
            "year": "XXXX",
            "month": "XXXX-XX",
            "week": "XXXX-WXX",
            "day": "XXXX-XX-XX",
            "decade": "XXX",
            "century": "XX",
        }[gran]
        return (m.start(), m.end(), "DATE", value, None, None, "none")
    if code == "ML":
        k *= 10
    if code == "2W":
        k *= 14
    result: tuple[str, str | None, str | None] | None
    if gran == "year":
        y = ref.year - k
        result = (f"{y:04d}", *_year_span(y)) if 1 <= y <= 9999 else None
    elif gran == "month":
        y, mo = _shift_month(ref.year, ref.month, -k)
        result = (f"{y:04d}-{mo:02d}", *_month_span(y, mo)) if 1 <= y <= 9999 else None
    elif gran == "week":
        day = _safe(lambda: ref - dt.timedelta(weeks=k))
        result = _week(day) if day else None  # type: ignore[arg-type]
    elif gran == "day":
        days = k if code in ("D", "2W") else 0
        day = _safe(lambda: ref - dt.timedelta(days=days))
        result = (day.isoformat(), day.isoformat(), day.isoformat()) if day else None  # type: ignore[union-attr]
    elif gran == "decade":
        y = (ref.year - 10 * k) // 10 * 10
        result = (str(y // 10), f"{y:04d}-01-01", f"{y + 9:04d}-12-31") if 1 <= y <= 9990 else None
    else:
        c = ref.year // 100 - k
        result = (
            (f"{c:02d}", f"{c * 100:04d}-01-01", f"{c * 100 + 99:04d}-12-31")
            if 1 <= c <= 99
            else None
        )
    if result is None:
        return (m.start(), m.end(), "DATE", "PAST_REF", None, _iso(ref), "publication")
    return (m.start(), m.end(), "DATE", result[0], result[1], result[2], "publication")


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
_BARE_PREPS = frozenset(
    [
        "for",
        "over",
        "in",
        "within",
        "after",
        "spanning",
        "lasting",
        "took",
        "take",
        "takes",
        "taking",
        "than",
        "last",
        "lasted",
        "spent",
        "spend",
    ]
)


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


# --- times of day -------------------------------------------------------------------------------

_R_CLOCK = re.compile(
    r"(?<![0-9.:,])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5][0-9]))?\s*(?P<ap>[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
    r"|(?<![0-9.:,])(?P<h24>[01]?[0-9]|2[0-3])[:.](?P<mi24>[0-5][0-9])\s*(?P<tz>GMT|UTC|CET|CEST|BST|EST|EDT|"
    + _ci(["local time", "hours", "hrs"])
    + r")\b"
    r"|(?<![\w-])(?P<named>" + _ci(["noon", "midnight", "midday"]) + r")(?![\w-])"
)


def _h_clock(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("named"):
        value = "T24:00" if _key(m.group("named")) == "midnight" else "T12:00"
    elif m.group("h"):
        h = int(m.group("h")) % 12 + (12 if m.group("ap")[0] in "pP" else 0)
        value = f"T{h:02d}:{m.group('mi') or '00'}"
    else:
        value = f"T{int(m.group('h24')):02d}:{m.group('mi24')}"
    return (m.start(), m.end(), "TIME", "XXXX-XX-XX" + value, None, None, "none")


# Order matters only between hits of equal length: earlier rules win.
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], str, dt.date | None], Hit | None]]] = [
    (_R_ISO, _h_iso),
    (_R_MONTH_DAY, _h_month_day),
    (_R_MONTH_YEAR, _h_month_year),
    (_R_SEASON_YEAR, _h_season_year),
    (_R_QUARTER, _h_quarter),
    (_R_RANGE, _h_range),
    (_R_DECADE, _h_decade),
    (_R_CENTURY, _h_century),
    (_R_YEAR, _h_year),
    (_R_AGO, _h_ago),
    (_R_REL_UNIT, _h_rel_unit),
    (_R_REL_DAY, _h_rel_day),
    (_R_WEEKDAY, _h_weekday),
    (_R_MONTH, _h_month),
    (_R_SET, _h_set),
    (_R_DURATION, _h_duration),
    (_R_LONG, _h_long),
    (_R_DURATION_BARE, _h_duration_bare),
    (_R_PRESENT, _h_present),
    (_R_PAST, _h_past),
    (_R_CLOCK, _h_clock),
]

# Gating: each rule runs only on text containing one of its trigger classes. The classes of a text
# come from one pass over its lower-cased ASCII words (plus a digit check), so text without any
# temporal trigger costs a word split and a set intersection.
_WORD = re.compile(r"[a-z]+")
_CLASS_WORDS: dict[str, set[str]] = {
    "month": set(_LEX.month_of) | set(_FULL_MONTHS),
    "weekday": set(_LEX.weekday_of) | {w + "s" for w in _LEX.weekday_of},
    "unit": set(_LEX.unit_of)
    | {u + "long" for u in ("week", "year", "month", "day", "hour", "decade")},
    "ago": {"ago"},
    "relday": {"today", "yesterday", "tomorrow", "tonight"},
    "present": {"now", "currently", "presently", "nowadays", "present", "moment", "time"},
    "past": {"recent", "recently", "lately", "future", "past"},
    "parts": set(_PARTS) | set(_SEASONS) | {"weekend"},
    "quarter": {"quarter", "half", "q", "h"},  # words are letters only: "Q3" gives "q"
    "setw": {w.split("-")[-1] for w in _SET_WORDS} | {"semi"},
    "clock": {
        "noon",
        "midnight",
        "midday",
        "a",
        "m",
        "am",
        "pm",
        "p",
        "gmt",
        "utc",
        "cet",
        "cest",
        "bst",
        "est",
        "edt",
        "local",
        "hours",
        "hrs",
    },
}
_CLASS_OF: dict[str, frozenset[str]] = {}
for _cls, _words in _CLASS_WORDS.items():
    for _w in _words:
        _CLASS_OF[_w] = _CLASS_OF.get(_w, frozenset()) | {_cls}
_TRIGGERS = frozenset(_CLASS_OF)
_NAMED_CLOCK = frozenset(["noon", "midnight", "midday"])
_GATES = {
    _h_iso: {"year"},
    _h_month_day: {"month"},
    _h_month_year: {"month"},
    _h_season_year: {"parts"},
    _h_quarter: {"quarter"},
    _h_range: {"year"},
    _h_decade: {"year", "decade"},
    _h_century: {"unit"},
    _h_year: {"year"},
    _h_ago: {"ago"},
    _h_rel_unit: {"unit", "parts"},
    _h_rel_day: {"relday"},
    _h_weekday: {"weekday"},
    _h_month: {"month"},
    _h_set: {"unit", "setw", "parts", "weekday"},
    _h_duration: {"unit"},
    _h_long: {"unit"},
    _h_duration_bare: {"unit"},
    _h_present: {"present", "unit"},
    _h_past: {"past"},
    _h_clock: {"clock"},
}
_GATED_RULES = [(i, rx, h, frozenset(_GATES[h])) for i, (rx, h) in enumerate(_RULES)]
_DIGIT = re.compile(r"[0-9]")


def _classes(text: str) -> set[str]:
    """The trigger classes present in `text` (empty: nothing temporal to find)."""
    found = _TRIGGERS.intersection(_WORD.findall(text.lower()))
    classes: set[str] = set()
    for w in found:
        classes |= _CLASS_OF[w]
    if _DIGIT.search(text):
        if _YEAR_RX.search(text):
            classes.add("year")
        if "s" in text:
            classes.add("decade")
    elif "clock" in classes and not found & _NAMED_CLOCK:
        classes.discard("clock")  # "a", "m": only with a number ("10 a.m.")
    return classes


# ---------------------------------------------------------------------------------------------
# Tagging


def _reference(reference: object) -> dt.date | None:
    """The reference date as a `datetime.date` (None for None/NaN/NaT/'')."""
    if reference is None:
        return None
    if isinstance(reference, str):
        s = reference.strip()
        return dt.date.fromisoformat(s[:10]) if s else None
    try:
        if pd.isna(reference):  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    raise TypeError(
        f"reference must be a date, an ISO date string or None, not {type(reference).__name__}"
    )


def _select(cands: list[tuple[int, Hit]], blocked: list[tuple[int, int]]) -> list[Hit]:
    """Non-overlapping hits, longest first (ties: rule order, then position), none inside a blocked
    span."""
    taken: list[tuple[int, int]] = list(blocked)
    out: list[Hit] = []
    for _, hit in sorted(cands, key=lambda c: (c[1][0] - c[1][1], c[0], c[1][0])):
        s, e = hit[0], hit[1]
        if s >= e:
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(hit)
    out.sort(key=lambda h: (h[0], h[1]))
    return out


def _tag(text: str, ref: dt.date | None) -> list[Hit]:
    """The hits in `text` (sorted by start)."""
    classes = _classes(text) if text else None
    if not classes:
        return []
    blocked = [m.span() for m in _LEX.blocked.finditer(text)]
    cands: list[tuple[int, Hit]] = []
    for i, rx, handler, gate in _GATED_RULES:
        if gate.isdisjoint(classes):
            continue
        for m in rx.finditer(text):
            hit = handler(m, text, ref)
            if hit is not None:
                cands.append((i, hit))
    return _select(cands, blocked) if cands else []


_INT_COLUMNS = ("start", "end", "sent_id")


@functools.lru_cache(maxsize=None)
def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            c: pd.Series(
                [], dtype="int64" if c in _INT_COLUMNS else (object if c == "article_id" else str)
            )
            for c in columns
        }
    )


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A table of `rows` (tuples in `columns` order); int64 offsets. Built column-wise: it is on the
    hot path."""
    if not rows:
        return _empty(tuple(columns)).copy()
    data = {
        c: (np.fromiter(v, dtype="int64", count=len(rows)) if c in _INT_COLUMNS else list(v))
        for c, v in zip(columns, zip(*rows))
    }
    return pd.DataFrame(data, copy=False)


def tag(text: str, reference: dt.date | str | None = None) -> pd.DataFrame:
    """Temporal expressions in `text`, one row each, sorted by start.

    Columns: start, end (``text[start:end]`` is the expression), text, type (DATE, TIME, DURATION,
    SET), value (TIMEX3), begin, finish (ISO dates bounding the expression, or None), anchor
    (absolute, publication, none). `reference` is the publication date that relative expressions
    are resolved against; without it they stay unresolved.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = _reference(reference)
    rows = [
        (s, e, text[s:e], typ, value, begin, finish, anchor)
        for s, e, typ, value, begin, finish, anchor in _tag(text, ref)
    ]
    return _frame(rows, COLUMNS)


def tag_sentences(
    sentences: pd.DataFrame, references: Mapping[object, object] | None = None
) -> pd.DataFrame:
    """The ``timex`` table of a sentence table (article_id, sent_id, start, end, text).

    `references` maps article_id to its publication date (a date, an ISO string, or None). Offsets
    in the result are into the article text (sentence start + offset in the sentence).
    """
    missing = [c for c in ("article_id", "sent_id", "start", "text") if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentence table lacks column(s): {', '.join(missing)}")
    references = references or {}
    refs: dict[object, dt.date | None] = {}
    rows = []
    for article_id, sent_id, base, text in zip(
        sentences["article_id"], sentences["sent_id"], sentences["start"], sentences["text"]
    ):
        if not isinstance(text, str) or not text:
            continue
        if article_id not in refs:
            refs[article_id] = _reference(references.get(article_id))
        base = int(base)
        for s, e, typ, value, begin, finish, anchor in _tag(text, refs[article_id]):
            rows.append(
                (
                    article_id,
                    sent_id,
                    base + s,
                    base + e,
                    text[s:e],
                    typ,
                    value,
                    begin,
                    finish,
                    anchor,
                )
            )
    return _frame(rows, TIMEX_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Evaluation


def locate(gold: pd.DataFrame, texts: Mapping[object, str], key: str = "file") -> pd.DataFrame:
    """Gold annotations written as (expression, occurrence) with start/end added.

    `occurrence` n means the n-th match of `expression` in the text of ``gold[key]`` that is not
    part
    of a longer word (so "recent" does not match inside "recently"). Raises ValueError when an
    expression cannot be found.
    """
    starts, ends = [], []
    for k, expr, occ in zip(gold[key], gold["expression"], gold["occurrence"]):
        text = texts[k]
        rx = re.compile(r"(?<!\w)" + re.escape(str(expr)) + r"(?!\w)")
        found = [m.span() for m in rx.finditer(text)]
        if int(occ) > len(found) or int(occ) < 1:
            raise ValueError(f"{k}: occurrence {occ} of {expr!r} not found ({len(found)} found)")
        s, e = found[int(occ) - 1]
        starts.append(s)
        ends.append(e)
    out = gold.copy()
    out["start"], out["end"] = starts, ends
    return out.astype({"start": "int64", "end": "int64"})


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: pd.DataFrame, predicted: pd.DataFrame) -> dict[str, float]:
    """Span and value agreement of `predicted` with `gold` (both with start, end, value; type
    optional).

    Rows are grouped by the document key the two tables share (``file`` or ``article_id``), if any.
    Strict: spans match exactly. Relaxed: spans overlap (one-to-one, exact matches first).
    ``value_accuracy``/``type_accuracy``: share of relaxed matches whose value/type equals gold.
    Precision (recall) is 1.0 when nothing was predicted (nothing is gold).
    """
    for name, df in (("gold", gold), ("predicted", predicted)):
        if not {"start", "end", "value"} <= set(df.columns):
            raise ValueError(
                f"{name} needs columns start, end, value (use locate() for expression/occurrence)"
            )
    keys = [k for k in ("file", "article_id") if k in gold.columns and k in predicted.columns]

    def groups(df: pd.DataFrame) -> dict[object, list[tuple[int, int, str, str]]]:
        out: dict[object, list[tuple[int, int, str, str]]] = {}
        types = df["type"] if "type" in df.columns else [""] * len(df)
        docs = zip(*(df[k] for k in keys)) if keys else [()] * len(df)
        for doc, s, e, v, t in zip(docs, df["start"], df["end"], df["value"], types):
            out.setdefault(doc, []).append((int(s), int(e), str(v), str(t)))
        return out

    g, p = groups(gold), groups(predicted)
    n_gold, n_pred = len(gold), len(predicted)
    strict = relaxed = value_ok = type_ok = 0
    for doc, gs in g.items():
        ps = p.get(doc, [])
        exact = {(s, e) for s, e, _, _ in ps}
        strict += sum((s, e) in exact for s, e, _, _ in gs)
        used: set[int] = set()
        pairs = []
        for gi, (s, e, _, _) in enumerate(gs):  # exact matches first
            for pi, (ps_, pe, _, _) in enumerate(ps):
                if pi not in used and (ps_, pe) == (s, e):
                    used.add(pi)
                    pairs.append((gi, pi))
                    break
        matched_g = {gi for gi, _ in pairs}
        for gi, (s, e, _, _) in enumerate(gs):
            if gi in matched_g:
                continue
            for pi, (ps_, pe, _, _) in enumerate(ps):
                if pi not in used and ps_ < e and s < pe:
                    used.add(pi)
                    pairs.append((gi, pi))
                    break
        relaxed += len(pairs)
        value_ok += sum(gs[gi][2] == ps[pi][2] for gi, pi in pairs)
        type_ok += sum(gs[gi][3] == ps[pi][3] for gi, pi in pairs)
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    return {
        "n_gold": n_gold,
        "n_predicted": n_pred,
        "n_strict": strict,
        "n_relaxed": relaxed,
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": sf,
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": rf,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
    }
