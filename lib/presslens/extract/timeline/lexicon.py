"""The temporal lexicon (resources/timex.yaml) and the word maps of the tagger: months, weekdays,
units, numbers, modifiers, parts of days and seasons, the table columns and value kinds."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from presslens.core import resources


COLUMNS = ["start", "end", "text", "type", "value", "begin", "finish", "anchor", "basis"]
TIMEX_COLUMNS = ["article_id", "sent_id", *COLUMNS]
TYPES = ("DATE", "TIME", "DURATION", "SET")
ANCHORS = ("absolute", "publication", "none")

# A hit: (start, end, type, value, begin, finish, anchor[, basis]); begin/finish are ISO strings or
# None; basis says in words how the value was decided (by default, from the anchor: BASIS_OF).
Hit = tuple
BASIS_OF = {"absolute": "year in the text", "publication": "publication date", "none": ""}

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
_WORDS = resources.load("timex.yaml")["words"]  # the smaller word maps, as data
_PARTS: dict[str, str] = dict(_WORDS["parts_of_day"])
_SEASONS: dict[str, str] = dict(_WORDS["seasons"])
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season code starts
_MODS_APPROX: list[str] = list(_WORDS["approximately"])
_ORDINAL_CENTURY: dict[str, int] = dict(_WORDS["ordinal_centuries"])
_SET_WORDS: dict[str, str] = dict(_WORDS["set_words"])
_FREQ: dict[str, int] = dict(_WORDS["frequencies"])


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
    spec = resources.load(name)
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
