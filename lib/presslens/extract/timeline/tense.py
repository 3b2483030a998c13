"""The year of a date written without one. The tense of the clause around a month, a month and
day, a weekday or a season decides: future cues ("will", "ahead of", "is set to") put the date at
or after the publication date, past cues ("was", "voted", "last") at or before it; the nearest cue
of the clause decides, and a future cue earlier in the sentence ("to meet ... Thursday") counts
when the clause has none. The cues are data (``tense`` in resources/timex.yaml)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from presslens.core import resources

from .lexicon import lexicon
from .spans import safe, season_span, shift_month

FUTURE, PAST, PRESENT, NONE = "future", "past", "present", ""
"""The tenses a clause gives a date (NONE: the clause has no cue)."""
BASIS = {
    FUTURE: "publication date, future tense",
    PAST: "publication date, past tense",
    PRESENT: "publication date, present tense",
    NONE: "publication date, no tense cue (the nearest)",
}
"""How each tense decided a value, in words (the ``basis`` column)."""
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|['\u2019]ll|[.;:!?\u2014\n]|\s[-\u2013]\s")
CLAUSE_BREAKS = frozenset([".", ";", ":", "!", "?", "\u2014", "\n"])
"""The tokens that end a clause."""
_WINDOW = 120  # characters looked at on each side of the date


@dataclass(frozen=True)
class _Cues:
    future: dict[tuple[str, ...], int]  # phrase -> its length in words
    past: frozenset[str]
    present: frozenset[str]
    auxiliaries: frozenset[str]
    not_past: frozenset[str]
    reporting: frozenset[str]
    reporting_past: frozenset[str]
    longest: int


@functools.lru_cache(maxsize=None)
def cues(name: str = "timex.yaml") -> _Cues:
    """The tense cues of the resource file (built once)."""
    spec = resources.load(name)["tense"]
    future = {tuple(str(p).lower().split()): len(str(p).split()) for p in spec["future"]}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in spec[key])

    return _Cues(
        future=future,
        past=words("past"),
        present=words("present"),
        auxiliaries=words("auxiliaries"),
        not_past=words("not_past"),
        reporting=words("reporting"),
        reporting_past=words("reporting_past"),
        longest=max(future.values(), default=1),
    )


def _tokens(text: str) -> list[str]:
    """Lower-cased words and clause breaks of `text` (curly apostrophes made straight)."""
    out = []
    for t in _TOKEN.findall(text):
        t = t.strip()
        out.append(t.lower().replace("\u2019", "'") if t[:1].isalpha() or t[:1] == "'" else t)
    return out


def _is_past_verb(toks: list[str], i: int, raw_cap: bool, c: _Cues) -> bool:
    """Whether toks[i] is a past-tense verb: an irregular one, or a word in -ed that is not an
    adjective and not a participle after an auxiliary ("will be held", "to be signed")."""
    w = toks[i]
    if i > 0 and toks[i - 1] in c.auxiliaries:
        return False
    if w in c.past:
        return True
    return not (
        not w.endswith("ed") or len(w) < 5 or raw_cap or w in c.not_past or w.endswith("eed")
    )


def _future_at(toks: list[str], i: int, c: _Cues) -> bool:
    """Whether a future phrase ends at toks[i]."""
    for n in range(1, c.longest + 1):
        if i - n + 1 >= 0 and tuple(toks[i - n + 1 : i + 1]) in c.future:
            return True
    return False


def _clause_before(text: str, start: int, c: _Cues) -> tuple[list[str], str]:
    """The words of the clause before the date (nearest last), and a past cue when a past
    reporting verb stands right before it ("said Tuesday", "announced on Friday")."""
    toks = _tokens(text[max(0, start - _WINDOW) : start])
    for k in range(len(toks) - 1, -1, -1):
        if toks[k] in CLAUSE_BREAKS:
            toks = toks[k + 1 :]
            break
    near = [t for t in toks[-3:] if t not in ("on", "in", "at", "late", "early", "last", "this")]
    if near and near[-1] in c.reporting_past:
        return [], PAST
    for k in range(len(toks) - 1, -1, -1):
        if toks[k] in c.reporting:
            return toks[k + 1 :], NONE
    return toks, NONE


def _clause_after(text: str, end: int, c: _Cues) -> list[str]:
    """The words of the clause after the date, up to a break or a reporting verb."""
    toks = _tokens(text[end : end + _WINDOW])
    for k, t in enumerate(toks):
        if t in CLAUSE_BREAKS or t in c.reporting:
            return toks[:k]
    return toks


def _caps(text: str) -> frozenset[str]:
    """The capitalised words of `text`, lower-cased ("United", "Red" are names, not verbs)."""
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][a-z]+ed\b", text))


_LIGHT = frozenset(["in", "on", "at", "the", "of", "by", "for", "a", "an", "during", "until", "'s"])


def _nearest_cue(toks: list[str], order: range, caps: frozenset[str], c: _Cues) -> tuple[int, str]:
    """(distance, tense) of the first cue met walking `order` over `toks`; the distance counts
    the words passed, not counting prepositions and articles. (999, '') when there is none."""
    dist = 0
    for i in order:
        if _future_at(toks, i, c) or (i == 0 and order.step == 1 and toks[i] == "will"):
            return dist, FUTURE
        if _is_past_verb(toks, i, toks[i] in caps, c):
            return dist, PAST
        if toks[i] in c.present:
            return dist, PRESENT
        dist += toks[i] not in _LIGHT
    return 999, NONE


def clause_tense(text: str, start: int, end: int, *, name: str = "timex.yaml") -> str:
    """'future', 'past' or '' for the date at text[start:end]: the cue of its clause nearest to
    it (before it on a tie); a past reporting verb right before the date makes it past."""
    c = cues(name)
    before, told = _clause_before(text, start, c)
    if told:
        return told
    after = _clause_after(text, end, c)
    caps = _caps(text[max(0, start - _WINDOW) : end + _WINDOW])
    back = _nearest_cue(before, range(len(before) - 1, -1, -1), caps, c)
    ahead = _nearest_cue(after, range(len(after)), caps, c)
    return back[1] if back[0] <= ahead[0] else ahead[1]


_FUTURE_CUES = lexicon().future
_SENTENCE_END = re.compile(r".*[.!?\n]", re.DOTALL)
_WILL_AFTER = re.compile(  # "On Friday they will sign", "Thursday's talks will"
    r",?\s*(?:['\u2019]s\s+\w+\s+"
    r"|(?!(?:and|but|or|then|when|after|before)\b)[A-Za-z]+(?:\s+[A-Za-z]+)?\s+)?"
    r"(?:will|shall|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to)\b|['\u2019]ll\b"
)


def future_context(text: str, start: int, end: int) -> bool:
    """Whether the sentence puts text[start:end] in the future: a future cue earlier in the
    sentence ("to meet ... Thursday"), or "will" right after it ("On Friday they will sign")."""
    window = text[max(0, start - 90) : start]
    cut = _SENTENCE_END.match(window)
    if cut:
        window = window[cut.end() :]
    if _FUTURE_CUES.search(window):
        return True
    return bool(_WILL_AFTER.match(text, end, min(len(text), end + 40)))


def date_tense(text: str, start: int, end: int) -> str:
    """The tense that places the date at text[start:end]: its clause's cue, else future when
    the sentence puts it in the future (`future_context`), else NONE."""
    tense = clause_tense(text, start, end)
    if tense == NONE and future_context(text, start, end):
        return FUTURE
    return tense


def _nearest_day(ref: dt.date, m: int, d: int) -> dt.date | None:
    """The date with month `m` and day `d` nearest to `ref` (ties go to the past)."""
    best: dt.date | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = safe(lambda y=y: dt.date(y, m, d))
        if cand is None:
            continue
        if best is None or (abs((cand - ref).days), cand > ref) < (
            abs((best - ref).days),
            best > ref,
        ):
            best = cand  # type: ignore[assignment]
    return best


def _nearest_month(ref: dt.date, m: int) -> tuple[int, int]:
    """(year, month) of the month `m` nearest to the reference's month."""
    ahead = (m - ref.month) % 12
    return (
        (ref.year + (ref.month + ahead > 12), m)
        if ahead < 6
        else shift_month(ref.year, ref.month, ahead - 12)
    )


def month_year(ref: dt.date, month: int, tense: str) -> int:
    """The year of a month without a year: the next such month (this one included) for the
    future, the last one for the past, the publication year for the present unless the
    neighbouring year's month is within two months of the publication date, and the nearest
    month (ties to the past) without a cue."""
    if tense == NONE:
        return _nearest_month(ref, month)[0]
    if tense == FUTURE:
        return ref.year if month >= ref.month else ref.year + 1
    if tense == PAST:
        return ref.year if month <= ref.month else ref.year - 1
    if month > ref.month and ref.month + 12 - month <= 2:
        return ref.year - 1
    if month < ref.month and month + 12 - ref.month <= 2:
        return ref.year + 1
    return ref.year


def day_year(ref: dt.date, month: int, day: int, tense: str) -> int | None:
    """The year of a month and day without a year, by the same rule as `month_year` (the day
    itself decides in the publication month); None when the day exists in no candidate year."""
    if tense == NONE:
        near = _nearest_day(ref, month, day)
        return near.year if near is not None else None
    if tense in (FUTURE, PAST) and month == ref.month:
        y = ref.year
        if tense == FUTURE and day < ref.day:
            y += 1
        if tense == PAST and day > ref.day:
            y -= 1
    else:
        y = month_year(ref, month, tense)
    for cand in (y, y + 1, y - 1, y + 4, y - 4):  # 29 February: the nearest leap year
        try:
            dt.date(cand, month, day)
            return cand
        except ValueError:
            continue
    return None


def _season_spans(ref: dt.date, code: str) -> list[tuple[int, str, str]]:
    """The season `code` of the years around the reference: (year, begin, finish)."""
    out = []
    for y in range(ref.year - 1, ref.year + 2):
        begin, finish = season_span(y, code)
        if begin and finish:
            out.append((y, begin, finish))
    return out


def season_year(ref: dt.date, code: str, tense: str) -> tuple[int, str, str]:
    """(year, begin, finish) of a season without a year: the next one not yet over for the
    future, the last one begun for the past, the one holding the publication date or else the
    nearest (ties to the past) for the present or without a cue."""
    spans = _season_spans(ref, code)
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


cues()  # built at import, so worker processes forked after it share it
