"""A season without a year ("in the summer", "throughout the summer", "over the winter"): the
season whose span fits the tense of the clause (the next one not yet over for the future, the last
one begun for the past, the one holding the publication date or else the nearest for the present
or without a cue)."""

from __future__ import annotations

import datetime as dt
import re

from .calendar_dates import _season_span
from .lexicon import _WORDS, Hit, _SEASONS, _ci, _key
from .patterns import _future_context
from .tense import BASIS, FUTURE, NONE, PAST, clause_tense

# a season word, never before "of" ("the fall of the Soviet Union") or a noun it modifies; what
# stands before it (a preposition, "the") is read by the handler, so the pattern starts with the
# season and stays fast
_R_SEASON = re.compile(
    r"(?<![\w-])(?P<s>" + _ci(list(_SEASONS)) + r")(?![\w-])"
    r"(?!\s+" + _ci(_WORDS["season_not_before"]) + r"\b)"
)
_FALL_NOUN = re.compile(r"\s+(?:in|to|from|by|and)\b")
_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<prep>" + _ci(_WORDS["season_preps"]) + r")\s+)?(?P<the>(?:the|The)\s+)?$"
)


def _spans(ref: dt.date, code: str) -> list[tuple[int, str, str]]:
    """The season `code` of the years around the reference: (year, begin, finish)."""
    out = []
    for y in range(ref.year - 1, ref.year + 2):
        begin, finish = _season_span(y, code)
        if begin and finish:
            out.append((y, begin, finish))
    return out


def _pick(spans: list[tuple[int, str, str]], ref: dt.date, tense: str) -> tuple[int, str, str]:
    """The season of `spans` that fits the tense."""
    day = ref.isoformat()
    if tense == FUTURE:
        return next((sp for sp in spans if sp[2] >= day), spans[-1])
    if tense == PAST:
        return [sp for sp in spans if sp[1] <= day][-1] if spans[0][1] <= day else spans[0]

    def distance(sp: tuple[int, str, str]) -> int:
        if sp[1] <= day <= sp[2]:
            return 0
        edge = sp[1] if day < sp[1] else sp[2]
        return abs((dt.date.fromisoformat(edge) - ref).days)

    return min(spans, key=lambda sp: (distance(sp), sp[1] > day))


def _h_season(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    spelled = m.group("s")
    before = _BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before is None or not (before.group("the") or before.group("prep")):
        return None  # "summer heat", "spring water": a season word, no time
    if spelled[:1].isupper() and not before.group("the") and m.start() > 0:
        return None
    code = _SEASONS[_key(spelled)]
    if code == "FA" and _FALL_NOUN.match(text, m.end()):
        return None  # "the fall in emissions", "the fall to 2%": a decline, no season
    start = before.start("the") if before.group("the") else m.start()
    if ref is None:
        return (start, m.end(), "DATE", f"XXXX-{code}", None, None, "none")
    tense = clause_tense(text, start, m.end())
    if tense == NONE and _future_context(text, start, m.end()):
        tense = FUTURE
    y, begin, finish = _pick(_spans(ref, code), ref, tense)
    return (start, m.end(), "DATE", f"{y}-{code}", begin, finish, "publication", BASIS[tense])
