"""The temporal lexicon: the word lists of resources/timex.yaml (months, weekdays, units, numbers,
idioms and names, parts of days, seasons, ...), how a word list becomes a pattern, the number a
number word stands for, and the columns and value kinds of the tagger's tables."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from presslens.core import resources

COLUMNS = ["start", "end", "text", "type", "value", "begin", "finish", "anchor", "basis"]
"""The columns of `tag`'s table."""
TIMEX_COLUMNS = ["article_id", "sent_id", *COLUMNS]
"""The columns of the chain's ``timex`` table."""
TYPES = ("DATE", "TIME", "DURATION", "SET")
"""The TIMEX3 types the tagger gives."""
ANCHORS = ("absolute", "publication", "none")
"""What a value was resolved against."""

Hit = tuple
"""A rule's find: (start, end, type, value, begin, finish, anchor[, basis]); begin/finish are ISO
strings or None; basis says in words how the value was decided (by default from the anchor)."""
BASIS_OF = {"absolute": "year in the text", "publication": "publication date", "none": ""}
"""The basis of a hit that gives none, by its anchor."""


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


def alternation(forms: Iterable[str]) -> str:
    """A non-capturing alternation of literal forms, longest first; spaces match any whitespace."""
    parts = {r"\s+".join(re.escape(w) for w in f.split()) for f in forms if f.strip()}
    return "(?:" + "|".join(sorted(parts, key=lambda p: (-len(p), p))) + ")"


def any_case(words: Iterable[str]) -> str:
    """Alternation of the lower/Capitalised/Title/UPPER variants of `words`."""
    return alternation(v for w in words for v in _variants(str(w)))


def lookup_key(s: str) -> str:
    """Lookup key of a matched phrase: lower case, single spaces."""
    return " ".join(s.lower().split())


WORDS = resources.load("timex.yaml")["words"]
"""The smaller word maps of resources/timex.yaml (``words``), as data."""
PARTS_OF_DAY: dict[str, str] = dict(WORDS["parts_of_day"])
"""Part of the day -> its TIMEX3 code ("morning" -> MO)."""
SEASONS: dict[str, str] = dict(WORDS["seasons"])
"""Season word -> its TIMEX3 code ("fall" -> FA)."""
SET_WORDS: dict[str, str] = dict(WORDS["set_words"])
"""Adverb of frequency -> its TIMEX3 set value ("daily" -> P1D)."""
PERIOD_EDGES: dict[str, str] = dict(WORDS["period_edges"])
"""Word of a part of a period -> the part ("early" -> early, "the end of" -> end)."""
MONTH_ABBREVIATIONS: list[str] = [
    str(names[0])[:3] for names in resources.load("timex.yaml")["months"].values()
]
"""The first three letters of each month's name, January first ("Jan" ... "Dec")."""


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


def _keys(values: Iterable[object]) -> frozenset[str]:
    """The lookup keys of a word list."""
    return frozenset(lookup_key(str(p)) for p in values)


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
        "|".join([any_case(idioms)[3:-1]] * bool(idioms) + [alternation(names)[3:-1]] * bool(names))
        or r"(?!x)x"
    )
    future = any_case(str(c) for c in spec["future_cues"])
    return _Lexicon(
        month_of=month_of,
        ambiguous_months=frozenset(str(m).rstrip(".").lower() for m in spec["ambiguous_months"]),
        month_preps=_keys(spec["month_preps"]),
        month_preps_strict=_keys(spec["month_preps_strict"]),
        weekday_of=weekday_of,
        numbers={lookup_key(str(k)): float(v) for k, v in spec["numbers"].items()},
        vague=_keys(spec["vague_numbers"]),
        unit_of=unit_of,
        year_preps=_keys(spec["year_preps"]),
        year_nouns=_keys(spec["year_nouns"]),
        count_nouns=_keys(spec["count_nouns"]),
        not_year_before=_keys(spec["not_year_before"]),
        future=re.compile(r"(?<![\w'])" + future + r"(?!\w)"),
        blocked=re.compile(r"(?<![\w-])(?:" + blocked + r")(?![\w-])"),
    )


def parse_number(s: str) -> float | None:
    """'78' -> 78, 'two' -> 2, 'twenty-four' -> 24, 'a' -> 1; vague quantifiers -> None."""
    lex = lexicon()
    k = lookup_key(s.replace("\u2010", "-").replace("\u2011", "-"))
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
