"""Numeric claims in articles (troop numbers, casualties, counts of nations, days, years) and where
articles diverge on them.

A claim is a number with what it counts: the noun after it, mapped to a quantity by a claims file
(a topic pack's ``claims.yaml``, the seeds' in ``resources/packs/kosovo/``, else the generic
``resources/claims_generic.yaml``): "nearly 4,000 peacekeeping troops" counts troops, "over 30 ...
soldiers were injured" counts injured troops; a sign the file's ``symbols`` lists ("$5 million",
"30%"); or a year with the event of the file it dates ("declared independence in 2008"). Each
claim refers to a date: a year named in its sentence, else the article's publication date.
``divergence`` puts side by side what different articles claim about the same quantity and
separates change over time (the articles were published on different dates) from disagreement
(same date, or undated).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from presslens.pipeline import resources_io

COLUMNS = [
    "article_id",
    "sent_id",
    "start",
    "end",
    "text",
    "quantity",
    "counts",
    "value",
    "qualifier",
    "bound",
    "event",
    "refers_to",
    "refers_basis",
]
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "a thousand": 1000,
    "dozens of": 24,
    "hundreds of": 200,
    "thousands of": 2000,
    "a dozen": 12,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
BOUNDS = {
    "nearly": "approx",
    "almost": "approx",
    "around": "approx",
    "about": "approx",
    "roughly": "approx",
    "some": "approx",
    "approximately": "approx",
    "an estimated": "approx",
    "over": "min",
    "more than": "min",
    "at least": "min",
    "up to": "max",
    "fewer than": "max",
    "less than": "max",
    "under": "max",
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_CLAIM = re.compile(
    r"\b(?P<prep>in|since|from|by|until|of|the)\s+(?P<year>(?:1[89]|20)\d\d)(?:\s*[-–]\s*(?:(?:1[89]|20)?\d\d))?\b",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\b(the|these|those|both|all)\s+$", re.IGNORECASE)
_AGO = re.compile(r"\s+(ago|earlier|later|before|after)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    number: re.Pattern[str]
    unit_of: dict[str, str]
    outcome: re.Pattern[str]
    outcome_of: dict[str, str]
    events: dict[str, re.Pattern[str]]
    symbol: re.Pattern[str] | None = None  # "$5 million", "30%": numbers with a currency or % sign
    symbol_of: dict[str, str] | None = None


@functools.lru_cache(maxsize=None)
def patterns(name: str = "claims.yaml") -> _Patterns:
    """Compiled claim patterns from the resource file (built once)."""
    spec = resources_io.load(name)
    unit_of = {u.lower(): q for q, units in spec["units"].items() for u in units}
    units = "|".join(sorted((re.escape(u) for u in unit_of), key=len, reverse=True))
    quals = "|".join(sorted((re.escape(b) for b in BOUNDS), key=len, reverse=True))
    words = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
    number = re.compile(
        rf"(?:(?P<qual>{quals})\s+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{words})"
        rf"(?:\s+(?P<scale>thousand|million|billion))?(?P<dash>-|\s+)"
        rf"(?P<mods>(?:(?!(?:{units})\b)[A-Za-z][\w'’-]*\s+){{0,3}}?)(?P<unit>{units})\b",
        re.IGNORECASE,
    )
    outcome_of = {w.lower(): o for o, ws in spec.get("outcomes", {}).items() for w in ws}
    outcome = re.compile(
        r"\s+(?:\w+\s+){0,2}?(?P<out>" + "|".join(map(re.escape, outcome_of)) + r")\b",
        re.IGNORECASE,
    )
    events = {k: re.compile(v, re.IGNORECASE) for k, v in (spec.get("events") or {}).items()}
    symbol_of = {str(k): str(v) for k, v in (spec.get("symbols") or {}).items()}
    return _Patterns(number, unit_of, outcome, outcome_of, events, *_symbol_pattern(symbol_of))


def _symbol_pattern(symbol_of: dict[str, str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The pattern of numbers with a sign of the resource's `symbols` (a currency before the
    number, % after it), or None when it lists none."""
    before = "".join(re.escape(k) for k in symbol_of if k != "%")
    if not symbol_of:
        return None, symbol_of
    quals = "|".join(sorted((re.escape(b) for b in BOUNDS), key=len, reverse=True))
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    alts = [rf"(?P<pre>[{before}])\s?(?P<num>{num})(?:\s+(?P<scale>thousand|million|billion)\b)?"]
    if "%" in symbol_of:
        alts.append(rf"(?P<pnum>{num})\s?%")
    body = "|".join(a for a in alts if before or not a.startswith("(?P<pre>"))
    return re.compile(rf"(?:(?P<qual>{quals})\s+)?(?:{body})", re.IGNORECASE), symbol_of


def _symbol_claims(
    sentence: str, pats: _Patterns, years: list[str], published: str | None
) -> list[dict]:
    """Claims of numbers with a currency or percent sign ("$5 million", "nearly 30%")."""
    if pats.symbol is None or pats.symbol_of is None:
        return []
    out = []
    for m in pats.symbol.finditer(sentence):
        sign = m.group("pre") or "%"
        qual = (m.group("qual") or "").lower()
        refers, basis = (
            (years[0], "year in sentence")
            if years
            else (published, "publication date" if published else "unknown")
        )
        num = m.group("num") or m.group("pnum")
        out.append(
            dict(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                quantity=pats.symbol_of[sign],
                counts=sign,
                value=to_number(num, m.group("scale")),
                qualifier=qual,
                bound=BOUNDS.get(qual, "exact"),
                event="",
                refers_to=refers,
                refers_basis=basis,
            )
        )
    return out


def to_number(num: str, scale: str | None = None) -> float:
    """The value of a matched number ("4,700", "2.5", "two", "dozens of") times its scale word."""
    s = num.lower().replace(",", "")
    value = float(WORD_NUMBERS[s]) if s in WORD_NUMBERS else float(s)
    return value * SCALES.get((scale or "").lower(), 1.0)


def event_of(sentence: str, at: int = 0, *, name: str = "claims.yaml") -> str:
    """The event of the resource whose match in the sentence lies nearest to position `at`, else
    ''."""
    best: tuple[int, str] | None = None
    for key, pat in patterns(name).events.items():
        for m in pat.finditer(sentence):
            dist = 0 if m.start() <= at < m.end() else min(abs(m.start() - at), abs(m.end() - at))
            if best is None or dist < best[0]:
                best = (dist, key)
    return best[1] if best else ""


def find(sentence: str, *, published: str | None = None, name: str = "claims.yaml") -> list[dict]:
    """Numeric and year claims in one sentence, offsets relative to the sentence."""
    pats = patterns(name)
    years = [m.group(0) for m in _YEAR.finditer(sentence)]
    out = _symbol_claims(sentence, pats, years, published)
    for m in pats.number.finditer(sentence):
        if _YEAR.fullmatch(m.group("num")) and not m.group("qual"):
            continue  # "2026 Budget"-like: a year, not a count
        if not m.group("qual") and _DEFINITE.search(sentence[: m.start()]):
            continue  # "the two nations": a reference to things named elsewhere, not a count
        unit = m.group("unit").lower()
        quantity = pats.unit_of[unit]
        if quantity in {"days", "years"} and _AGO.match(sentence, m.end()):
            continue  # "two years ago": a date, left to the temporal tagger
        end = m.end()
        tail = pats.outcome.match(sentence, m.end())
        if tail and quantity not in {"days", "years"}:
            quantity = f"{quantity} {pats.outcome_of[tail.group('out').lower()]}"
            end = tail.end()
        if quantity == "days" and m.group("dash") == "-":
            quantity = "duration in days"
        qual = (m.group("qual") or "").lower()
        refers, basis = (
            (years[0], "year in sentence")
            if years and quantity not in {"years"}
            else (published, "publication date" if published else "unknown")
        )
        out.append(
            dict(
                start=m.start(),
                end=end,
                text=sentence[m.start() : end],
                quantity=quantity,
                counts=(m.group("mods") + m.group("unit")).strip().lower(),
                value=to_number(m.group("num"), m.group("scale")),
                qualifier=qual,
                bound=BOUNDS.get(qual, "exact"),
                event="",
                refers_to=refers,
                refers_basis=basis,
            )
        )
    for m in _YEAR_CLAIM.finditer(sentence):
        event = event_of(sentence, m.start("year"), name=name)
        out.append(
            dict(
                start=m.start("year"),
                end=m.end(),
                text=sentence[m.start("year") : m.end()],
                quantity="year",
                counts=f"year of {event.replace('_', ' ')}" if event else "year",
                value=float(m.group("year")),
                qualifier=m.group("prep").lower(),
                bound="exact",
                event=event,
                refers_to=m.group("year"),
                refers_basis="year in sentence",
            )
        )
    return sorted(out, key=lambda c: c["start"])


def claim_table(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, name: str = "claims.yaml"
) -> pd.DataFrame:
    """The `claims` table: every numeric or year claim with article, sentence and offsets into the
    text."""
    published = dict(zip(articles["article_id"], articles["published"]))
    rows = []
    for s in sentences.itertuples(index=False):
        pub = published.get(s.article_id)
        pub = pub if isinstance(pub, str) else None
        for c in find(s.text, published=pub, name=name):
            rows.append(
                dict(
                    article_id=s.article_id,
                    sent_id=s.sent_id,
                    **{**c, "start": s.start + c["start"], "end": s.start + c["end"]},
                )
            )
    return pd.DataFrame(rows, columns=COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64", "value": "float64"}
    )


def _agree(values: list[float], bounds: list[str], *, tolerance: float) -> bool:
    lo, hi = min(values), max(values)
    if lo == hi:
        return True
    approx = any(b != "exact" for b in bounds)
    return approx and (hi - lo) <= tolerance * hi


def divergence(
    claims: pd.DataFrame, articles: pd.DataFrame, *, tolerance: float = 0.1
) -> pd.DataFrame:
    """Claims by different articles about the same quantity, side by side, with a verdict.

    Verdicts: ``agree`` (same value, or within `tolerance` when a claim is approximate),
    ``change over time`` (values differ and every article has a different publication date),
    ``disagree`` (values differ among articles of the same date or without dates).
    """
    meta = articles.set_index("article_id")[["outlet", "published"]]
    c = claims[(claims["quantity"] != "year") | (claims["event"] != "")].copy()
    c["key"] = c["quantity"].where(
        c["quantity"] != "year", "year of " + c["event"].str.replace("_", " ")
    )
    rows = []
    for key, g in c.groupby("key", sort=True):
        if g["article_id"].nunique() < 2:
            continue
        first = g.sort_values(["article_id", "sent_id", "start"]).groupby("article_id").head(1)
        dates = [meta.at[a, "published"] for a in first["article_id"]]
        values, bounds = first["value"].tolist(), first["bound"].tolist()
        if _agree(values, bounds, tolerance=tolerance):
            verdict = "agree"
        elif all(isinstance(d, str) for d in dates) and len(set(dates)) == len(dates):
            verdict = "change over time"
        else:
            verdict = "disagree"
        for rec, date in zip(first.to_dict("records"), dates):
            rows.append(
                dict(
                    quantity=key,
                    verdict=verdict,
                    article_id=rec["article_id"],
                    outlet=meta.at[rec["article_id"], "outlet"],
                    published=date,
                    claim=rec["text"],
                    value=rec["value"],
                    bound=rec["bound"],
                    refers_to=rec["refers_to"],
                    sent_id=rec["sent_id"],
                )
            )
    cols = [
        "quantity",
        "verdict",
        "article_id",
        "outlet",
        "published",
        "claim",
        "value",
        "bound",
        "refers_to",
        "sent_id",
    ]
    return pd.DataFrame(rows, columns=cols)
