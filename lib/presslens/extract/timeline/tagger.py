"""The tagger: the rule table in its order, the gates that run a rule only on text with its
trigger words, the choice among overlapping hits, and `tag` / `tag_sentences` with the chain's
`timex` table."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from presslens.core import resources

from . import calendar_dates, clock, durations, relative, years
from .lexicon import (
    BASIS_OF,
    COLUMNS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    TIMEX_COLUMNS,
    WORDS,
    Hit,
    lexicon,
)
from .patterns import FULL_MONTHS, YEAR_RX, Handler, Rule

_LEX = lexicon()

# Order matters only between hits of equal length: earlier rules win.
RULES: tuple[Rule, ...] = (
    calendar_dates.ISO_DATE,
    calendar_dates.MONTH_DAY,
    calendar_dates.MONTH_YEAR,
    calendar_dates.SEASON_YEAR,
    calendar_dates.QUARTER,
    years.YEAR_RANGE,
    years.DECADE,
    years.CENTURY,
    years.SINGLE_YEAR,
    relative.AGO,
    relative.RELATIVE_UNIT,
    relative.RELATIVE_DAY,
    relative.DAY_OF_WEEK,
    calendar_dates.MONTH_NO_YEAR,
    calendar_dates.SEASON_NO_YEAR,
    durations.SET,
    durations.DURATION,
    durations.LONG_DURATION,
    durations.BARE_DURATION,
    relative.PRESENT_REF,
    relative.PAST_FUTURE_REF,
    clock.CLOCK_TIME,
)
"""The rules in the order that breaks ties between hits of equal length (earlier rules win)."""

# Gating: each rule runs only on text containing one of its trigger classes. The classes of a text
# come from one pass over its lower-cased ASCII words (plus a digit check), so text without any
# temporal trigger costs a word split and a set intersection.
_WORD = re.compile(r"[a-z]+")
_CLASS_WORDS: dict[str, set[str]] = {
    "month": set(_LEX.month_of) | set(FULL_MONTHS),
    "weekday": set(_LEX.weekday_of) | {w + "s" for w in _LEX.weekday_of},
    "unit": set(_LEX.unit_of)
    | {u + "long" for u in ("week", "year", "month", "day", "hour", "decade")},
    "ago": {"ago"},
    "relday": {"today", "yesterday", "tomorrow", "tonight"},
    "present": {"now", "currently", "presently", "nowadays", "present", "moment", "time"},
    "past": {"recent", "recently", "lately", "future", "past"},
    "parts": set(PARTS_OF_DAY) | set(SEASONS) | {"weekend"},
    "quarter": {"quarter", "half", "q", "h"},  # words are letters only: "Q3" gives "q"
    "setw": {w.split("-")[-1] for w in SET_WORDS} | {"semi"},
    "clock": set(WORDS["clock_words"]),
}
_CLASS_OF: dict[str, frozenset[str]] = {}
for _cls, _words in _CLASS_WORDS.items():
    for _w in _words:
        _CLASS_OF[_w] = _CLASS_OF.get(_w, frozenset()) | {_cls}
_TRIGGERS = frozenset(_CLASS_OF)
_NAMED_CLOCK = frozenset(["noon", "midnight", "midday"])
_DIGIT = re.compile(r"[0-9]")
_DIGIT_CLASSES = frozenset(["year", "decade"])  # from digits: a year, a decade ("1990s")


def _gated_rules() -> list[tuple[int, re.Pattern[str], Handler, frozenset[str]]]:
    """(rule index, pattern, handler, trigger classes) of each rule; a rule runs only on text
    holding one of its classes. Raises ValueError for a class no text can have."""
    known = set(_CLASS_WORDS) | _DIGIT_CLASSES
    for r in RULES:
        if not r.triggers or not r.triggers <= known:
            raise ValueError(f"{r.handler.__name__}: unknown trigger classes {set(r.triggers)}")
    return [(i, r.pattern, r.handler, r.triggers) for i, r in enumerate(RULES)]


_GATED_RULES = _gated_rules()


def _triggers(text: str) -> tuple[set[str], frozenset[str]]:
    """The trigger classes present in `text` and its trigger words."""
    found = _TRIGGERS.intersection(_WORD.findall(text.lower()))
    classes: set[str] = set()
    for w in found:
        classes |= _CLASS_OF[w]
    if _DIGIT.search(text):
        if YEAR_RX.search(text):
            classes.add("year")
        if "s" in text:
            classes.add("decade")
    elif "clock" in classes and not found & _NAMED_CLOCK:
        classes.discard("clock")  # "a", "m": only with a number ("10 a.m.")
    return classes, found


def _blocked_keys() -> tuple[frozenset[str], bool]:
    """The trigger words of the idioms and names that block tagging, and whether one without a
    trigger word holds a digit ("24/7"). A phrase with neither ("New York Times") cannot overlap
    a hit, which always holds a trigger word or a digit next to its modifiers."""
    spec = resources.load("timex.yaml")
    keys: set[str] = set()
    digits = False
    for phrase in [*spec.get("idioms", []), *spec.get("names", [])]:
        words = _TRIGGERS.intersection(_WORD.findall(str(phrase).lower()))
        keys |= words
        digits = digits or (not words and bool(_DIGIT.search(str(phrase))))
    return frozenset(keys), digits


# the blocked pattern runs only on text holding a trigger word (or digit) of a blocked phrase
_BLOCK_KEYS, _BLOCK_DIGITS = _blocked_keys()


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
    classes, found = _triggers(text) if text else (None, frozenset())
    if not classes:
        return []
    cands: list[tuple[int, Hit]] = []
    for i, rx, handler, gate in _GATED_RULES:
        if gate.isdisjoint(classes):
            continue
        for m in rx.finditer(text):
            hit = handler(m, text, ref)
            if hit is not None:
                cands.append((i, hit))
    if not cands:
        return []
    if not _BLOCK_KEYS.isdisjoint(found) or (_BLOCK_DIGITS and _DIGIT.search(text)):
        return _select(cands, [m.span() for m in _LEX.blocked.finditer(text)])
    return _select(cands, [])


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
    (absolute, publication, none), basis (how the value was decided, in words). `reference` is
    the publication date that relative expressions are resolved against; without it they stay
    unresolved.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ref = _reference(reference)
    rows = [(h[0], h[1], text[h[0] : h[1]], *h[2:7], _basis(h)) for h in _tag(text, ref)]
    return _frame(rows, COLUMNS)


def _basis(hit: Hit) -> str:
    """How the value of a hit was decided, in words."""
    return hit[7] if len(hit) > 7 else BASIS_OF[hit[6]]


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
    columns = (sentences[c].tolist() for c in ("article_id", "sent_id", "start", "text"))
    for article_id, sent_id, base, text in zip(*columns):  # lists: Arrow columns iterate slowly
        if not isinstance(text, str) or not text:
            continue
        if article_id not in refs:
            refs[article_id] = _reference(references.get(article_id))
        base = int(base)
        for h in _tag(text, refs[article_id]):
            s, e = h[0], h[1]
            rows.append((article_id, sent_id, base + s, base + e, text[s:e], *h[2:7], _basis(h)))
    return _frame(rows, TIMEX_COLUMNS)
