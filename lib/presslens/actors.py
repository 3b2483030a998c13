"""Who is mentioned: actors (people, organisations, states, groups) found in text by their names,
aliases and spelling variants, office titles resolved by date, surnames and simple pronouns.

The actors and their names live in an editable resource (``resources/actors.yaml`` for the seeds'
conflict). Resolution, in order of preference at each position, longest match first:

- *title*: an office description ("NATO's secretary general", "the NATO chief") resolves to the
  holder on the article's publication date (Stoltenberg in 2022, Rutte in 2025); without a date it
  stays unresolved as ``office:<office id>``. A title followed directly by a name is left to the name.
- *name* / *alias*: the full name or another listed name ("Belgrade" for Serbia's government).
- *surname*: a person's surname alone ("Kurti").
- *pronoun*: "he said", "she added", "he asserted" ... resolve to the most recently mentioned person
  of that pronoun in the same or the five previous sentences.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from presslens import resources_io, sentences as sentence_splitter

PRONOUN_WINDOW = 5  # sentences back a "he said" may reach for its person
COLUMNS = ["article_id", "sent_id", "actor", "start", "end", "surface", "resolution", "actor_type"]
SPEECH = r"(?:said|says|stated|added|asserted|emphasi[sz]ed|noted|told|warned|cautioned|remarked|argued|insisted|stressed|explained|urged|affirmed|highlighted|declared|reiterated|suggested)"


@dataclass(frozen=True)
class Lexicon:
    """Compiled actor names, surnames, offices and their holders."""

    names: re.Pattern[str]
    lookup: dict[str, tuple[str, str]]  # surface -> (actor, resolution)
    offices: list[tuple[str, re.Pattern[str], list[tuple[str, date, date]]]]
    types: dict[str, str]
    pronouns: dict[str, str]
    followed_by_name: re.Pattern[str]
    pronoun_speech: re.Pattern[str]


def _as_list(v: object) -> list[str]:
    return [] if v is None else [v] if isinstance(v, str) else [str(x) for x in v]


def _cap_variants(alias: str) -> list[str]:
    return [alias, alias[0].upper() + alias[1:]] if alias[:1].islower() else [alias]


def load_actors(name: str = "actors.yaml") -> dict:
    """The actors resource: a file name in presslens/resources, or a path to your own YAML file."""
    p = Path(name)
    if p.is_file():
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    return resources_io.load(name)


@functools.lru_cache(maxsize=8)
def lexicon(name: str = "actors.yaml") -> Lexicon:
    """Compile the actors resource once."""
    spec = load_actors(name)
    lookup: dict[str, tuple[str, str]] = {}
    types, pronouns = {}, {}
    for aid, a in spec["actors"].items():
        types[aid] = a.get("type", "")
        if a.get("pronoun"):
            pronouns[aid] = a["pronoun"].lower()
        for i, alias in enumerate(_as_list(a.get("aliases"))):
            for form in _cap_variants(alias):
                lookup.setdefault(form, (aid, "name" if i == 0 else "alias"))
        for s in _as_list(a.get("surname")):
            lookup.setdefault(s, (aid, "surname"))
    alts = sorted(lookup, key=len, reverse=True)
    names = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])") if alts else re.compile(r"(?!x)x")
    offices = []
    for oid, o in (spec.get("offices") or {}).items():
        alts = [("[Tt]he " + q[4:]) if q.startswith("the ") else q for q in o["patterns"]]
        pat = re.compile(r"(?<![\w-])(?:" + "|".join(alts).replace("'", "['’]") + r")(?![\w-])")
        holders = [(h["actor"], date.fromisoformat(str(h["from"])), date.fromisoformat(str(h.get("to", "9999-12-31")))) for h in o["holders"]]
        offices.append((oid, pat, holders))
    person_names = [re.escape(f) for f, (aid, res) in lookup.items() if types.get(aid) == "person" and res in {"name", "alias"}]
    followed = re.compile(r"[\s,]{1,3}(?:" + "|".join(sorted(person_names, key=len, reverse=True)) + r")\b") if person_names else re.compile(r"(?!x)x")
    pronoun_speech = re.compile(rf"\b(?P<p>[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?{SPEECH}\b|\b{SPEECH}\s+(?P<q>he|she)\b")
    return Lexicon(names, lookup, offices, types, pronouns, followed, pronoun_speech)


def _as_date(published: date | str | None) -> date | None:
    if published is None or (isinstance(published, float) and pd.isna(published)):
        return None
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def holder(lex: Lexicon, office: str, when: date | None) -> str:
    """Actor holding `office` on `when`, or 'office:<id>' when the date is unknown or nobody is listed."""
    for oid, _, holders in lex.offices:
        if oid == office and when is not None:
            for aid, start, end in holders:
                if start <= when <= end:
                    return aid
    return f"office:{office}"


def sentence_mentions(text: str, *, when: date | None, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, actor, resolution) of the named and titled mentions in one sentence, without overlaps."""
    cands = []
    for oid, pat, _ in lex.offices:
        for m in pat.finditer(text):
            if lex.followed_by_name.match(text, m.end()):
                continue  # "NATO Secretary-General Jens Stoltenberg": the name says who
            cands.append((m.start(), m.end(), holder(lex, oid, when), "title"))
    for m in lex.names.finditer(text):
        aid, res = lex.lookup[m.group()]
        cands.append((m.start(), m.end(), aid, res))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept, last_end = [], -1
    for c in cands:
        if c[0] >= last_end:
            kept.append(c)
            last_end = c[1]
    return kept


def find_mentions(text: str, *, published: date | str | None = None, spans: list[tuple[int, int]] | None = None, name: str = "actors.yaml") -> pd.DataFrame:
    """Actor mentions in any text: sent_id (1-based), actor, start, end, surface, resolution, actor_type."""
    spans = spans if spans is not None else list(sentence_splitter.spans(text))
    sents = pd.DataFrame({"article_id": "", "sent_id": range(1, len(spans) + 1), "start": [a for a, _ in spans], "end": [b for _, b in spans], "text": [text[a:b] for a, b in spans]})
    out = mention_table(pd.DataFrame({"article_id": [""], "published": [published]}), sents, name=name)
    return out.drop(columns=["article_id"])


def mention_table(articles: pd.DataFrame, sentences: pd.DataFrame, *, name: str = "actors.yaml") -> pd.DataFrame:
    """The `mentions` table for the articles' sentences (offsets into articles.text)."""
    lex = lexicon(name)
    when_by = {a: _as_date(p) for a, p in zip(articles["article_id"], articles.get("published", pd.Series([None] * len(articles))))}
    rows = []
    for aid, sents in sentences.groupby("article_id", sort=False):
        when = when_by.get(aid)
        recent: list[tuple[int, str]] = []  # (sent_id, person actor) in order of mention
        for s in sents.sort_values("sent_id").itertuples(index=False):
            found = sentence_mentions(s.text, when=when, lex=lex)
            for m in lex.pronoun_speech.finditer(s.text):
                grp = "p" if m.group("p") else "q"
                pron = m.group(grp).lower()
                a, b = m.start(grp), m.end(grp)
                earlier_here = [f for f in found if f[1] <= a and lex.pronouns.get(f[2]) == pron]
                if earlier_here:
                    target = earlier_here[-1][2]
                else:
                    prev = [act for sid, act in recent if s.sent_id - sid <= PRONOUN_WINDOW and lex.pronouns.get(act) == pron]
                    target = prev[-1] if prev else ""
                if target:
                    found.append((a, b, target, "pronoun"))
            found.sort()
            for a, b, actor, res in found:
                rows.append((aid, int(s.sent_id), actor, int(s.start) + a, int(s.start) + b, s.text[a:b], res, lex.types.get(actor, "office" if actor.startswith("office:") else "")))
                if lex.types.get(actor) == "person":
                    recent.append((int(s.sent_id), actor))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})
