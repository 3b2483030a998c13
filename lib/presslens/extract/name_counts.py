"""Proper names of each article counted with their evidence: the first pass of actor discovery.

``name_counts`` reads each article's proper names (``presslens.extract.names``) and clusters them
within the article: a surname alone ("Clinton") joins the one full name of the article that ends
with it ("Hillary Clinton"); with two such names ("Hillary Clinton", "Bill Clinton") it is left
to the mention stage; an acronym joins the name the text pairs it with ("the Islamic State
(ISIS)"). It keeps the evidence of each cluster: titles and honorifics before it, whether it is
the subject of a reporting verb, "the" and prepositions of place before it, words around it
typical of organisations, places and people, and the pronouns that follow it in sentences where
it is the only person (he/she) or the only name (it) named. Partitions' counts add up
(``summed_counts``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from presslens.extract import names

COUNT_COLUMNS = [
    "form",
    "full",
    "head",
    "n",
    "articles",
    "initial",
    "person",
    "male",
    "female",
    "speaker",
    "subject",
    "place",
    "he",
    "she",
    "the",
    "it",
    "org_cue",
    "place_cue",
    "person_cue",
]
_HE = re.compile(r"\b(?:[Hh]e|him|[Hh]is|himself)\b")
_SHE = re.compile(r"\b(?:[Ss]he|[Hh]er|hers|herself)\b")
_IT = re.compile(r"\b(?:[Ii]ts?|itself)\b")


@dataclass
class _Cluster:
    """One name in one article: its forms and evidence."""

    full: str
    head: str
    forms: Counter = field(default_factory=Counter)
    initial: int = 0
    person: int = 0
    male: int = 0
    female: int = 0
    speaker: int = 0
    subject: int = 0
    place: int = 0
    he: int = 0
    she: int = 0
    the: int = 0
    it: int = 0
    org_cue: int = 0
    place_cue: int = 0
    person_cue: int = 0


def surname(full: str) -> str:
    """The surname of a person's full name: the words from the first particle ("von der Leyen",
    "Le Pen"), the first word of a name written surname first ("Kim Jong Un", "Xi Jinping":
    ``surname_first`` of entities.yaml, when the next word is no census first name), else the
    last word."""
    w = names.words()
    parts = full.split()
    if len(parts) > 1 and parts[0] in w.surname_first and names.first_name(parts[1], w) is None:
        if len(parts) == 3 or names.first_name(parts[0], w) is None:
            return parts[0]
    for i in range(1, len(parts) - 1):
        for n in (2, 1):
            if tuple(p.lower() for p in parts[i : i + n]) in w.particles:
                return " ".join(parts[i:])
    last = parts[-1]
    if last in w.suffixes and len(parts) > 2:
        last = parts[-2]
    return last


def _personlike(n: names.Name) -> bool:
    """A name that may be a person's: no head word and not a place."""
    return n.head == "" and "." not in n.text.replace(". ", " ")[-2:]


def _article_names(
    text: str, spans: Sequence[tuple[int, int]]
) -> list[list[tuple[int, names.Name]]]:
    """Per sentence, (sentence start, name) of the text's names."""
    return [[(a, nm) for nm in names.find(text[a:b])] for a, b in spans]


ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z\-]{1,7}s?")  # "U.N.", "NATO", "MPs"


def _paired(text: str, found: list[list[tuple[int, names.Name]]]) -> dict[str, str]:
    """Acronyms the text pairs with a name in parentheses, "the Islamic State (ISIS)" or
    "ISIS (Islamic State)": acronym -> name (first letters agree)."""
    out: dict[str, str] = {}
    for sent in found:
        for (a, n1), (_, n2) in zip(sent, sent[1:]):
            if text[a + n1.end : a + n2.start] != " (" or text[a + n2.end : a + n2.end + 1] != ")":
                continue
            for acr, full in ((n2.text, n1.text), (n1.text, n2.text)):
                if ACRONYM.fullmatch(acr) and " " in full and acr[0] == full[0]:
                    out.setdefault(acr, full)
    return out


def _clusters(found: list[list[tuple[int, names.Name]]], text: str = "") -> dict[str, _Cluster]:
    """The article's names clustered: a surname alone joins its one full name; one that two full
    names of the article end with is left out (ambiguous); an acronym joins the name the text
    pairs it with ("the Islamic State (ISIS)")."""
    paired = _paired(text, found) if text else {}
    fulls = {
        nm.text for sent in found for _, nm in sent if len(nm.text.split()) > 1 and _personlike(nm)
    }
    by_surname: dict[str, set[str]] = defaultdict(set)
    for f in fulls:
        by_surname[surname(f)].add(f)
    clusters: dict[str, _Cluster] = {}
    for sent in found:
        for _, nm in sent:
            personal = _personlike(nm) and nm.text not in names.words().places
            owners = by_surname.get(nm.text, set()) if personal else set()
            if len(owners) > 1:
                continue  # a surname two people of the article carry: no one's
            full = next(iter(owners)) if owners else paired.get(nm.text, nm.text)
            c = clusters.setdefault(full, _Cluster(full, nm.head))
            c.forms[nm.text] += 1
            c.initial += nm.initial
            c.person += nm.person
            c.male += nm.gender == "male"
            c.female += nm.gender == "female"
            c.speaker += nm.speaker
            c.subject += nm.subject
            c.place += nm.place
            c.the += nm.the
            c.org_cue += "o" in nm.cues
            c.place_cue += "l" in nm.cues
            c.person_cue += "p" in nm.cues
    return clusters


def _pronoun_evidence(
    text: str,
    spans: Sequence[tuple[int, int]],
    found: list[list[tuple[int, names.Name]]],
    clusters: dict[str, _Cluster],
) -> None:
    """Count he/she after a person's name where that person is the only one named (the rest of
    the sentence and the next sentence when it names nobody)."""
    owner = {f: c for c in clusters.values() for f in c.forms}
    for i, sent in enumerate(found):
        named = {owner[nm.text].full for _, nm in sent if nm.text in owner}
        people = {owner[nm.text].full for _, nm in sent if nm.text in owner and _personlike(nm)}
        if len(people) != 1 and len(named) != 1:
            continue
        a, nm = sent[-1]
        tail = text[a + nm.end : spans[i][1]]
        if i + 1 < len(spans) and not found[i + 1]:
            tail += " " + text[spans[i + 1][0] : spans[i + 1][1]]
        if len(named) == 1:  # "it"/"its" after the only name: a thing or a body
            clusters[next(iter(named))].it += len(_IT.findall(tail))
        if len(people) == 1:
            c = clusters[people.pop()]
            c.he += len(_HE.findall(tail))
            c.she += len(_SHE.findall(tail))


def article_counts(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple]:
    """Rows of COUNT_COLUMNS for one article: each form of each cluster with the evidence."""
    found = _article_names(text, spans)
    clusters = _clusters(found, text)
    _pronoun_evidence(text, spans, found, clusters)
    rows = []
    for full, c in clusters.items():
        for form, n in c.forms.items():
            own = form == full  # evidence counted once per cluster, on its full form
            ev = (c.initial, c.person, c.male, c.female, c.speaker, c.subject, c.place, c.he, c.she,
                  c.the, c.it, c.org_cue, c.place_cue, c.person_cue)  # fmt: skip
            rows.append((form, full, c.head, n, 1, *(ev if own else (0,) * len(ev))))
    return rows


def name_counts(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The names of the articles (status ok) with their evidence, summed over articles."""
    ok = articles[articles["status"] == "ok"] if "status" in articles.columns else articles
    by_article = _spans_by_article(sentences)
    rows = []
    for aid, text in zip(ok["article_id"], ok["text"]):
        spans = by_article.get(aid)
        if spans is None or not isinstance(text, str):
            continue
        rows += article_counts(text, spans)
    return summed_counts([pd.DataFrame(rows, columns=COUNT_COLUMNS)])


def _spans_by_article(sentences: pd.DataFrame) -> dict[object, list[tuple[int, int]]]:
    """Each article's sentence spans (start, end) in the order of their starts, from one sort of
    the table (sentences of an article never share a start)."""
    if not len(sentences):
        return {}
    s = sentences.sort_values(["article_id", "start"], kind="mergesort")
    ids = s["article_id"].to_numpy()
    spans = list(zip(s["start"].astype(int).tolist(), s["end"].astype(int).tolist()))
    cuts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), len(s)]
    return {ids[a]: spans[a:b] for a, b in zip(cuts, cuts[1:])}


def summed_counts(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Name counts of several partitions added up (one row per form, full name and head)."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame(
            {c: pd.Series(dtype="str" if c in {"form", "full", "head"} else "int64")
             for c in COUNT_COLUMNS}
        )  # fmt: skip
    df = pd.concat(frames, ignore_index=True)
    out = df.groupby(["form", "full", "head"], sort=True)[COUNT_COLUMNS[3:]].sum().reset_index()
    return out.astype({c: "int64" for c in COUNT_COLUMNS[3:]})
