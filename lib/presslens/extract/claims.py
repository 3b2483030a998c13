"""Numeric claims in articles (troop numbers, casualties, money, shares, days, years) and where
articles diverge on them.

A claim is a number with what it counts. The claims file (a topic pack's ``claims.yaml`` given by
its path, as the seeds' in ``resources/packs/kosovo/``; by default the generic
``resources/claims_generic.yaml``, which dates no event) maps the
noun after a number to a quantity: "nearly 4,000 NATO troops in Kosovo" is the quantity troops,
counts troop (``counts``, the noun's lemma, synonyms of the file's ``synonyms`` made one), qualified
by NATO (``qualifiers``), about Kosovo (``place``); "over 30 ... soldiers were injured" counts
injured troops. An amount or a share (a sign of the file's ``symbols``: "$5 million", "30%") counts
the noun of the phrase after it ("$212 billion in corporate taxes": tax, qualified corporate;
"30% of voters") or before it ("a budget of $5 billion"). A year with the event of the file it dates
("declared independence in 2008") is a year claim. Each claim refers to a time: a year named in its
sentence, else the article's publication date. Numbers keep their scale words ("more than $4
trillion", "tens of thousands of"); numbers.yaml lists the words. ``divergence`` (see
presslens.extract.claim_compare) compares claims about the same thing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from presslens.extract import claim_units as cu
from presslens.extract.claim_compare import divergence  # noqa: F401  (the stage's entry point)
from presslens.core import resources
from presslens.core.packs import GENERIC_CLAIMS as GENERIC  # the claims of a call without a pack

COLUMNS = [
    "article_id",
    "sent_id",
    "start",
    "end",
    "text",
    "quantity",
    "counts",
    "qualifiers",
    "place",
    "context",
    "story",
    "value",
    "value_max",
    "qualifier",
    "bound",
    "event",
    "refers_to",
    "refers_basis",
]
_YEAR_CLAIM = re.compile(
    r"\b(?P<prep>in|since|from|by|until|of|the)\s+(?P<year>(?:1[89]|20)\d\d)"
    r"(?:\s*[-–]\s*(?:(?:1[89]|20)?\d\d))?\b",
    re.IGNORECASE,
)
_NUMBERS = resources.load("numbers.yaml")  # the word lists of the three patterns below


def _words(key: str) -> str:
    """A regex alternation of a word list of numbers.yaml, in its order."""
    return "|".join(re.escape(str(w)) for w in _NUMBERS[key])


_DEFINITE = re.compile(rf"\b({_words('definite_before')})\s+$", re.IGNORECASE)
_AGO = re.compile(rf"\s+({_words('date_after')})\b", re.IGNORECASE)
_PART_OF = re.compile(rf"\s+of\s+({_words('partitive_after')})\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    unit: re.Pattern[str]  # the noun phrase after a number that ends in a unit of the file
    unit_of: dict[str, str]
    outcome: re.Pattern[str]
    outcome_before: re.Pattern[str]  # an outcome verb just before the number ("killed 12 people")
    outcome_of: dict[str, str]
    events: dict[str, re.Pattern[str]]
    symbol_of: dict[str, str]  # "$": money_usd, "%": percent
    synonym_of: dict[str, str]  # noun lemma -> the lemma its synonyms share
    measures: frozenset[str]  # quantities whose counted noun comes from a phrase ("in taxes")


@functools.lru_cache(maxsize=None)
def patterns(name: str = GENERIC) -> _Patterns:
    """Compiled claim patterns from the resource file (built once)."""
    spec = resources.load(name)
    nums = cu.numbers()
    cu.function_words()  # built here too, so that workers forked after warming share it
    unit_of = {u.lower(): q for q, units in spec["units"].items() for u in units}
    units = "|".join(sorted((re.escape(u) for u in unit_of), key=len, reverse=True))
    stop = "|".join(sorted(map(re.escape, nums.stop), key=len, reverse=True))
    unit = re.compile(
        rf"(?P<dash>-|\s+)(?P<mods>(?:(?!(?:{units}|{stop})\b)[A-Za-z][\w'’-]*\s+){{0,3}}?)"
        rf"(?P<unit>{units})\b",
        re.IGNORECASE,
    )
    outcome_of = {w.lower(): o for o, ws in spec.get("outcomes", {}).items() for w in ws}
    outcome = re.compile(
        r"\s+(?:\w+\s+){0,2}?(?P<out>" + "|".join(map(re.escape, outcome_of)) + r")\b",
        re.IGNORECASE,
    )
    outcome_before = re.compile(
        r"\b(?P<out>" + "|".join(map(re.escape, outcome_of)) + r")\s+$", re.IGNORECASE
    )
    events = {k: re.compile(v, re.IGNORECASE) for k, v in (spec.get("events") or {}).items()}
    symbol_of = {str(k): str(v) for k, v in (spec.get("symbols") or {}).items()}
    synonym_of = {
        _noun(str(w)): _noun(str(group[0])) for group in spec.get("synonyms") or [] for w in group
    }
    measures = frozenset(symbol_of.values()) | frozenset(spec.get("measures") or [])
    return _Patterns(
        unit, unit_of, outcome, outcome_before, outcome_of, events, symbol_of, synonym_of, measures
    )


def _noun(words: str) -> str:
    """A noun phrase with its last word in the singular ("service members" -> "service member")."""
    parts = words.lower().split()
    return " ".join(parts[:-1] + [cu.lemma(parts[-1])]) if parts else ""


def to_number(num: str, scale: str | None = None) -> float:
    """The value of a number ("4,700", "2.5", "two", "tens of thousands of") times its scale word
    ("3 million"); a vague number gives its lowest value."""
    m = cu.numbers().pattern.fullmatch(f"{num} {scale}" if scale else num)
    if m is None:
        raise ValueError(f"not a number: {num!r}")
    return cu.value_of(m, cu.numbers())[0]


def event_of(sentence: str, at: int = 0, *, name: str = GENERIC) -> str:
    """The event of the resource whose match in the sentence lies nearest to position `at`, else
    ''."""
    best: tuple[int, str] | None = None
    for key, pat in patterns(name).events.items():
        for m in pat.finditer(sentence):
            dist = 0 if m.start() <= at < m.end() else min(abs(m.start() - at), abs(m.end() - at))
            if best is None or dist < best[0]:
                best = (dist, key)
    return best[1] if best else ""


def _measure(sentence: str, m: re.Match[str], pats: _Patterns) -> dict | None:
    """An amount or share ("$4 trillion in debt", "30% of voters"), or None without its sign in the
    claims file."""
    nums = cu.numbers()
    sign = "%" if m.group("pct") else (m.group("pre") or "")[-1:]
    quantity = pats.symbol_of.get(sign) or (pats.unit_of.get("percent") if sign == "%" else None)
    if quantity is None:
        return None
    counts, quals = cu.counted_after(sentence, m.end(), nums)
    if not counts:
        counts, quals = cu.counted_before(sentence, m.start(), nums)
    return dict(end=m.end(), quantity=quantity, counts=counts, qualifiers=quals)


def _counted(sentence: str, m: re.Match[str], pats: _Patterns) -> dict | None:
    """A number and the unit noun after it ("4,000 NATO troops"), or None when no unit follows."""
    if _PART_OF.match(sentence, m.end()):
        return None  # "one of the", "two of them"
    u = pats.unit.match(sentence, m.end())
    if u is None or m.group("mscale"):
        return None
    quantity = pats.unit_of[u.group("unit").lower()]
    if quantity in {"days", "years"} and _AGO.match(sentence, u.end()):
        return None  # "two years ago": a date, left to the temporal tagger
    end = u.end()
    tail = pats.outcome.match(sentence, u.end())
    head = pats.outcome_before.search(sentence[max(0, m.start() - 40) : m.start()])
    if tail and quantity not in {"days", "years"}:
        quantity = f"{quantity} {pats.outcome_of[tail.group('out').lower()]}"
        end = tail.end()
    elif head and quantity not in {"days", "years"}:  # "killing at least 18 people"
        quantity = f"{quantity} {pats.outcome_of[head.group('out').lower()]}"
    if quantity == "days" and u.group("dash") == "-":
        quantity = "duration in days"
    nums = cu.numbers()
    counts, quals = cu.phrase(u.group("mods").split() + [u.group("unit")], nums)
    if quantity in pats.measures:  # "2.5 billion euros in aid"
        counts, quals = cu.counted_after(sentence, u.end(), nums)
    else:
        counts = _noun(u.group("unit"))
    return dict(end=end, quantity=quantity, counts=counts, qualifiers=quals)


def _claim(sentence: str, m: re.Match[str], pats: _Patterns) -> dict | None:
    """The claim a number match makes, or None when it counts nothing (a year, "the two nations",
    "one of the", a bare number)."""
    if cu.is_year(m):
        return None  # "2026 Budget", "2016 voters": a year, not a count
    if not m.group("bound") and _DEFINITE.search(sentence[: m.start()]):
        return None  # "the two nations": a reference to things named elsewhere, not a count
    signed = m.group("pct") or m.group("pre")
    found = _measure(sentence, m, pats) if signed else _counted(sentence, m, pats)
    if found is None:
        return None
    nums = cu.numbers()
    lo, hi = cu.value_of(m, nums)
    qual = re.sub(r"\s+", " ", (m.group("bound") or "").lower())
    word = re.sub(r"\s+", " ", (m.group("word") or "").lower())
    bound = "range" if word in nums.vague else nums.bounds.get(qual, "exact")
    counts = pats.synonym_of.get(found["counts"], found["counts"])
    place = cu.place_of(sentence, m.start(), found["end"], nums)
    return dict(
        start=m.start(),
        end=found["end"],
        text=sentence[m.start() : found["end"]],
        quantity=found["quantity"],
        counts=counts,
        qualifiers=found["qualifiers"],
        place=place,
        value=lo,
        value_max=hi,
        qualifier=qual,
        bound=bound,
        event="",
    )


def _year_claims(sentence: str, name: str) -> list[dict]:
    """Years with the event of the claims file they date ("declared independence in 2008")."""
    out = []
    for m in _YEAR_CLAIM.finditer(sentence):
        event = event_of(sentence, m.start("year"), name=name)
        value = float(m.group("year"))
        out.append(
            dict(
                start=m.start("year"),
                end=m.end(),
                text=sentence[m.start("year") : m.end()],
                quantity="year",
                counts=f"year of {event.replace('_', ' ')}" if event else "year",
                qualifiers="",
                place="",
                context="",
                value=value,
                value_max=value,
                qualifier=m.group("prep").lower(),
                bound="exact",
                event=event,
                refers_to=m.group("year"),
                refers_basis="year in sentence",
            )
        )
    return out


def find(sentence: str, *, published: str | None = None, name: str = GENERIC) -> list[dict]:
    """Numeric and year claims in one sentence, offsets relative to the sentence."""
    pats = patterns(name)
    out = []
    for m in cu.numbers().pattern.finditer(sentence):
        c = _claim(sentence, m, pats)
        if c is not None:
            out.append(c)
    spans = [(c["start"], c["end"]) for c in out]
    words = cu.context(sentence) if out else ""
    for c in out:
        skip = " ".join((c["text"], c["counts"], c["qualifiers"], c["place"]))
        c["context"] = cu.context(words, skip) if c["counts"] else ""
        if c["quantity"] == "years":
            c["refers_to"], c["refers_basis"] = cu.refers("", published, [])
        else:
            c["refers_to"], c["refers_basis"] = cu.refers(sentence, published, spans)
    return sorted(out + _year_claims(sentence, name), key=lambda c: c["start"])


def claim_table(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, name: str = GENERIC
) -> pd.DataFrame:
    """The `claims` table: every numeric or year claim with article, sentence and offsets into the
    text, the content words of its sentence (`context`) and of its article (`story`)."""
    published = dict(zip(articles["article_id"], articles["published"]))
    texts = dict(zip(articles["article_id"], articles["text"])) if "text" in articles else {}
    stories: dict[str, str] = {}
    rows = []
    for s in sentences.itertuples(index=False):
        pub = published.get(s.article_id)
        pub = pub if isinstance(pub, str) and pub else None
        for c in find(s.text, published=pub, name=name):
            if c["counts"] and s.article_id not in stories:
                stories[s.article_id] = cu.story(str(texts.get(s.article_id) or ""))
            rows.append(
                dict(
                    article_id=s.article_id,
                    sent_id=s.sent_id,
                    **{**c, "start": s.start + c["start"], "end": s.start + c["end"]},
                    story=stories.get(s.article_id, "") if c["counts"] else "",
                )
            )
    return pd.DataFrame(rows, columns=COLUMNS).astype(
        {
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "value": "float64",
            "value_max": "float64",
        }
    )
