"""Actors discovered from the corpus: who and what the articles name, merged into actors.

Two passes. ``name_counts`` (presslens.extract.name_counts) reads each article's proper names
and clusters them within the article with their evidence. ``actors_spec`` merges the clusters of
all articles into actors:

- people by first name and surname ("Hillary Clinton" = "Hillary Rodham Clinton" = "Mrs.
  Clinton"; "Bill Clinton" apart), the surname alone resolving to the one person of the corpus who
  carries it, or to the one of that article when two do;
- spellings that differ only in diacritics (Vučić / Vucic) or as transliterations do (Kiev / Kyiv,
  Pristina / Prishtina: the same consonant skeleton and rarely in the same article) as one actor;
- a type from the evidence: organisation (heads such as Party, Ministry, Post, Times; acronyms),
  place (the gazetteer, heads such as River), group ("Democrats"), person (titles, honorifics,
  pronouns, or a two- to four-word name with no other head), else other;
- a gender for people only where the text gives evidence: an honorific (Mr., Mrs., Ms.) or the
  pronouns that follow the name; else none.

The result has the format of ``resources/actors.yaml`` (with counts and evidence added) and is
written into the run folder, where a user can rename, merge or drop actors, add offices, and give
the file back to the next run instead of discovery.
"""

from __future__ import annotations

import functools
import re
from typing import Any
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from presslens.extract import names
from presslens.extract.actor_evidence import gender, type_evidence
from presslens.extract.actor_list import actor_table, write_yaml
from presslens.extract.name_counts import (
    ACRONYM,
    COUNT_COLUMNS,
    name_counts,
    summed_counts,
    surname,
)
from presslens.extract.variants import edits, letters, same_entity, skeleton

__all__ = ["actor_table", "actors_spec", "gender", "name_counts", "summed_counts", "surname",
           "write_yaml"]  # fmt: skip

_PLURAL_NOUN = re.compile(r"(?:ers|ists|ians|ants|ents|ors)$")  # "Stakeholders", "Analysts"
MIN_MENTIONS = 2  # a discovered name written fewer times in the corpus is no actor (full names
# of people, and names with a title, excepted)
LEARNED_CONFIDENCE = 0.6  # probability the learned type model needs to overrule the rules
MIN_OTHER = 3  # names of things (type other) need this many mentions
DOMINANT = 0.75  # share of a surname's uses that makes one bearer the one it means even in an
# article that names another bearer in full ("Trump" beside "Ivanka Trump")
FIRST_NAME_ARTICLES = 3  # articles a first name must be written alone in to mean one person
# corpus-wide ("Hillary"); else it is resolved only in an article naming a bearer in full
FIRST_NAME_DOMINANT = 0.9  # share of the uses of a first name one person needs to take its uses
# alone outside articles naming a bearer in full ("Hillary", "Bernie"; not "George"); a surname
# goes to the person with the most uses


@functools.lru_cache(maxsize=1 << 16)
def _fold(form: str) -> str:
    """Case-kept key of a form without diacritics and with straight apostrophes."""
    from presslens.extract.actors import ascii_fold

    return ascii_fold(form).replace("’", "'")


def _slug(name: str) -> str:
    """An actor id from a display name (ascii, lower case, underscores)."""
    return re.sub(r"[^a-z0-9]+", "_", _fold(name).lower()).strip("_") or "actor"


@dataclass
class _Actor:
    """An actor being assembled from the clusters of all articles."""

    type: str
    forms: Counter = field(default_factory=Counter)  # written form -> mentions
    articles: int = 0
    ev: Counter = field(default_factory=Counter)  # evidence sums
    surnames: set[str] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)  # first names written alone for this person
    dominant: set[str] = field(default_factory=set)  # surnames that mean this person even beside
    # another bearer named in full
    learned: bool = False  # the type came from the learned model (presslens.extract.name_types)

    def add(self, row: "Row") -> None:
        """Add one counts row (a form of one cluster)."""
        self.forms[row["form"]] += int(row["n"])
        if row["form"] == row["full"]:
            self.articles += int(row["articles"])
            for k in COUNT_COLUMNS[5:]:  # the evidence columns
                self.ev[k] += int(row[k])

    @property
    def name(self) -> str:
        """The most written form (then the longest, then the first in order); for a person the
        most written full name."""
        forms = self.forms.items()
        if self.type == "person" and any(" " in f for f, _ in forms):
            forms = [(f, n) for f, n in forms if " " in f]
        return sorted(forms, key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _person_key(full: str) -> tuple[str, str, str]:
    """(first name, surname, middle initials) of a person's full name, folded: middle names do
    not count, middle initials and a "Jr." or "Sr." do ("Donald Trump Jr." is not "Donald Trump",
    "George H. W. Bush" is not "George W. Bush"; "Robert Mueller III" is "Robert Mueller")."""
    parts = full.split()
    suffix = f" {parts[-1].rstrip('.')}" if parts[-1].rstrip(".") in {"Jr", "Sr"} else ""
    last = surname(full)
    if last == parts[0] and len(parts) > 1:  # "Kim Jong Un"
        return (_fold(" ".join(parts[1:])).lower(), _fold(last).lower(), "")
    initials = "".join(p[0] for p in parts[1:-1] if re.fullmatch(r"[A-Z]\.?", p))
    first = names.words().nicknames.get(parts[0].upper(), parts[0])  # "Bob" is "Robert"
    return (_fold(first).lower(), _fold(last).lower() + suffix.lower(), initials)


def _join_initials(people: dict[tuple, _Actor]) -> None:
    """A person written without middle initials ("George Bush") joins the one written with them
    ("George W. Bush"), or the most mentioned of several."""
    variants: dict[tuple, list[tuple]] = defaultdict(list)
    for key in people:
        if key[2]:
            variants[key[:2]].append(key)
    for base, keys in variants.items():
        plain = (*base, "")
        if plain in people:
            best = sorted(keys, key=lambda k: (-_n(people[k]), k))[0]
            _merge_into(people[best], people.pop(plain))


Row = dict[str, Any]  # one row of the name counts


def _sum(rows: list[Row], keys: tuple[str, ...]) -> int:
    """The evidence columns `keys` summed over rows."""
    return sum(int(r[k]) for r in rows for k in keys)


def _is_person(full: str, rows: list[Row], w: names.Words) -> bool:
    """A multi-word name with no head names a person when the text says so (a title, an
    honorific, pronouns), when it starts with a first name of the census, or, with no English
    word and no place in it, when it is used as people are (the subject of a reporting verb, a
    surname used alone) or its last word is no common word ("Jair Bolsonaro")."""
    own = [r for r in rows if r["form"] == full]
    evidence = _sum(own, ("person", "he", "she", "speaker"))
    linked = any(r["form"] != full for r in rows)
    words_ = full.split()
    strong = _sum(own, ("person", "he", "she")) > 0
    if not strong and _sum(own, ("place",)) > _sum(own, ("speaker", "subject")):
        return False  # "in Calcasieu Pass"
    if strong or names.first_name(words_[0], w) is not None:
        return True  # "Mrs. ...", "... she said"; a census first name: "Heather Jordan"
    if words_[-1] in w.places:  # "BP America", "Greenpeace France"
        return False
    if any(_english(x, w) for x in words_[1:]) or words_[0] in w.demonyms:
        return False  # "Situation Room", "Clean Energy", "Scottish Greens"
    if any(x.lower() in w.known or x in w.places for x in words_):
        return evidence > 0  # "Golden State", "Trump Tower", "Santa Barbara": no first name
    return evidence > 0 or linked or words_[-1] not in w.common  # "Jair Bolsonaro"


def _learned(records: list[Row], w: names.Words) -> dict[str, str]:
    """The type the learned model (presslens.extract.name_types) gives each name with no head
    word whose evidence the rules cannot read and that is written twice or more (as the names it
    learned from), where it is at least LEARNED_CONFIDENCE sure."""
    from presslens.extract import name_types

    own: dict[str, Counter] = defaultdict(Counter)
    linked: Counter = Counter()
    for r in records:
        if r["head"] != "" or r["full"] in w.places or r["full"] in w.organisations:
            continue
        if r["form"] == r["full"]:
            own[r["full"]].update({k: int(r[k]) for k in COUNT_COLUMNS[3:]})
        else:
            linked[r["full"]] += 1
    fulls = sorted(f for f, ev in own.items() if name_types.weak(f, ev) and ev["n"] >= 2)
    if not fulls:
        return {}
    probs = name_types.probabilities([name_types.features(f, own[f], linked[f]) for f in fulls])
    classes = name_types.model()["classes"]
    return {
        f: str(classes[int(p.argmax())])
        for f, p in zip(fulls, probs)
        if p.max() >= LEARNED_CONFIDENCE
    }


def _people(
    counts: list[Row], w: names.Words, learned: dict[str, str]
) -> tuple[dict[tuple, _Actor], list[Row]]:
    """People from multi-word names with no head, merged by first name and surname; and the rows
    left for other actors. `learned` types the names the rules have no evidence for."""
    by_full: dict[str, list[Row]] = defaultdict(list)
    rest: list[Row] = []
    alone: Counter = Counter()  # one-word names with what people's names have before or after
    for r in counts:
        multi = " " in r["full"] and r["head"] == "" and r["full"] not in w.places
        (by_full[r["full"]] if multi else rest).append(r)
        if not multi and r["form"] == r["full"] and r["head"] == "":
            alone[r["full"]] += sum(int(r[k]) for k in ("person", "male", "female", "he", "she"))
    people: dict[tuple, _Actor] = {}
    doubt: dict[str, list[Row]] = {}
    for full in sorted(by_full):
        rows = by_full[full]
        last, first = surname(full), full.split()[0]
        person = alone[last] > 0 and last.lower() not in w.known and last not in w.places
        person = person and first not in w.places and not _english(first, w)  # "Mr. Romney"
        if not person and not _place_first(full, rows, w):  # "Ohio State", "Texas Tech"
            person = learned[full] == "person" if full in learned else _is_person(full, rows, w)
        if person:
            _add_person(people, full, rows, learned)
        else:
            doubt[full] = rows
    known = {s for a in people.values() for s in a.surnames}
    for full, rows in doubt.items():  # "Ivanka Trump" beside Donald Trump: a family's member
        first = full.split()[0]
        if surname(full) in known and not _english(first, w) and first not in w.places:
            if learned.get(full, "person") == "person":
                _add_person(people, full, rows, learned)
                continue
        rest += rows
    _join_initials(people)
    return people, rest


def _place_first(full: str, rows: list[Row], w: names.Words) -> bool:
    """A name that starts with a place of the gazetteer and has no title, honorific or pronoun
    saying it is a person's ("Ohio State", "Texas Tech")."""
    own = [r for r in rows if r["form"] == full]
    return full.split()[0] in w.places and not _sum(own, ("person", "he", "she"))


def _add_person(
    people: dict[tuple, _Actor], full: str, rows: list[Row], learned: dict[str, str]
) -> None:
    """Add a person's full name and its rows to the person of its key."""
    actor = people.setdefault(_person_key(full), _Actor("person"))
    actor.learned |= full in learned
    actor.surnames.add(surname(full))
    for row in rows:
        actor.add(row)


def _word_not_surname(form: str, row: Row | None, w: names.Words) -> bool:
    """A surname that is also a place, an organisation, a title or a word of party or kind
    ("Washington", "Israel", "Sen", "Democrat"), or that the corpus writes alone as a place or an
    organisation: it names the person only after a title or honorific ("Rep. Israel")."""
    if form in w.places or form in w.organisations or (form,) in w.titles:
        return True
    if form in w.modifiers or form in w.adjectives or form in w.demonyms or form in w.groups:
        return True
    return row is not None and (row["head"] != "" or _place_evidence(row) or _thing(row))


def _thing(row: Row) -> bool:
    """A name that "it"/"its" follows or "the" precedes more often than people's evidence."""
    people = row["person"] + row["male"] + row["female"] + row["he"] + row["she"]
    return row["it"] + row["the"] > max(people, 0) and row["the"] * 2 >= row["n"]


def _plurality(uses: dict[tuple, int], share: float) -> tuple | None:
    """The key with the most uses when no other has as many and it has `share` of them all."""
    ranked = sorted(uses.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    total = sum(uses.values())
    return ranked[0][0] if not total or ranked[0][1] >= share * total else None


def _other_gender(row: Row, person: _Actor) -> bool:
    """Whether the evidence of a surname written alone (honorifics, he/she after it) gives the
    other gender than the person's own evidence does."""
    alone = gender(Counter({k: int(row[k]) for k in ("male", "female", "he", "she")}))[0]
    own = gender(person.ev)[0]
    return bool(alone and own and alone != own)


def _bare_surnames(
    people: dict[tuple, _Actor], rest: list[Row], w: names.Words
) -> tuple[list[Row], dict[str, str | None], set[str]]:
    """Surnames and first names written alone in articles that name no full bearer: resolved to
    the corpus's dominant bearer (the person who carries most of its uses, alone and in full), else
    ambiguous (None). A surname that is also a place, an organisation or a title ("Washington")
    is not taken from the places' and organisations' rows and is returned as titled only.
    Returns the rows left, name -> default actor key, and the titled-only surnames."""
    bearers: dict[str, list[tuple]] = defaultdict(list)
    for key, a in people.items():
        for s in a.surnames:
            bearers[s].append(key)
        first = a.name.split()[0] if " " in a.name else ""
        if first and names.first_name(first, w) is not None and first not in a.surnames:
            a.firsts.add(first)
    bare_rows = {r["form"]: r for r in rest if r["form"] == r["full"]}
    titled = {s for s in bearers if _word_not_surname(s, bare_rows.get(s), w)}
    firsts: set[str] = set()
    for key, a in people.items():
        for first in sorted(a.firsts):
            row = bare_rows.get(first)
            if first in bearers and first not in firsts or _word_not_surname(first, row, w):
                a.firsts.discard(first)
            elif row is not None and row["person"] > 0:
                a.firsts.discard(first)  # "Prince Harry": a titled first name is its own person
            else:
                bearers[first].append(key)
                firsts.add(first)
    defaults: dict[str, str | None] = {}
    taken: set[str] = set()
    for s, keys in sorted(bearers.items()):
        uses = {k: sum(n for f, n in people[k].forms.items() if f == s or s in f) for k in keys}
        best = _plurality(uses, FIRST_NAME_DOMINANT if s in firsts else 0.0)
        if s in firsts and (s not in bare_rows or bare_rows[s]["articles"] < FIRST_NAME_ARTICLES):
            best = None  # "James" alone once: only an article naming a James in full says who
        if best is not None and s in bare_rows and _other_gender(bare_rows[s], people[best]):
            best = None  # "Romney ... he" is not Ann Romney: the bare surname stays apart
        defaults[s] = "|".join(best) if best is not None else None
        if best is not None and uses[best] >= DOMINANT * sum(uses.values()):
            people[best].dominant.add(s)
        if best is not None and s not in titled and s in bare_rows:
            people[best].add(bare_rows[s])
            taken.add(s)
    left = [r for r in rest if not (r["form"] == r["full"] and r["form"] in taken)]
    return left, defaults, titled


def _others(rest: list[Row], w: names.Words, learned: dict[str, str]) -> dict[str, _Actor]:
    """Organisations, places, groups and single names, merged by place, acronym and spelling;
    `learned` types the names the rules have no evidence for (see _learned)."""
    out: dict[str, _Actor] = {}
    for row in sorted(rest, key=lambda r: (r["form"], r["full"], r["head"])):
        form = str(row["full"])
        head = str(row["head"])
        key = w.places.get(form) or _fold(form)
        kind = head or "other"
        if not head and learned.get(form) == "not_a_name":
            continue
        if not head and form in learned:
            kind = learned[form]
        elif not head and _place_evidence(row):
            kind = "place"
        elif not head and _person_evidence(row, w):
            kind = "person"
        actor = out.setdefault(key, _Actor(kind))
        if actor.type == "other" and kind != "other":
            actor.type = kind
        actor.learned |= not head and form in learned
        actor.add(row)
    _join_acronyms(out, w)
    pairs = {_fold(r["form"]): _fold(r["full"]) for r in rest
             if r["form"] != r["full"] and ACRONYM.fullmatch(str(r["form"]))}  # fmt: skip
    groups = [[_fold(f) for f in group] for group in _alias_groups()] + [
        [*p] for p in pairs.items()
    ]
    for group in groups:
        keys = sorted(
            {k for k in group if k in out}, key=lambda k: (-sum(out[k].forms.values()), k)
        )
        for k in keys[1:]:
            _merge_into(out[keys[0]], out.pop(k))
    return out


def _join_acronyms(out: dict[str, _Actor], w: names.Words) -> None:
    """An organisation written as capitals ("EPA") joins the one organisation whose name has those
    initials ("Environmental Protection Agency"), if there is exactly one."""
    by_initials: dict[str, list[str]] = defaultdict(list)  # the organisations, in order
    for k, b in out.items():
        if b.type == "organisation":
            by_initials[names.initials(k)].append(k)
    for acr, a in list(out.items()):
        bare = acr.replace(".", "")
        if a.type == "organisation" and re.fullmatch(r"[A-Z]{2,6}", bare) and _acronym(bare, w):
            full = [k for k in by_initials.get(bare, ()) if k in out]
            if len(full) == 1:
                _merge_into(out[full[0]], out.pop(acr))


def _acronym(bare: str, w: names.Words) -> bool:
    """Capitals that may be an acronym: not an English word of three letters or fewer written in
    capitals ("TO", "IN" in a headline)."""
    return not (len(bare) <= 3 and bare.lower() in w.known)


def _n(a: _Actor) -> int:
    """An actor's mentions."""
    return sum(a.forms.values())


def _merge_into(target: _Actor, a: _Actor) -> None:
    """Add actor `a`'s forms, articles and evidence to `target`."""
    target.forms.update(a.forms)
    target.articles += a.articles
    target.ev.update(a.ev)
    target.surnames |= a.surnames
    target.firsts |= a.firsts
    if target.type == "other" and a.type != "other":
        target.type = a.type


@functools.lru_cache(maxsize=1)
def _alias_groups() -> tuple[tuple[str, ...], ...]:
    """The lines of resources/aliases.yaml: names of one organisation, place or thing."""
    from presslens.core import resources

    spec = resources.load("aliases.yaml") or {}
    return tuple(tuple(str(f) for f in group) for group in spec.get("aliases") or [])


def _english(word: str, w: names.Words) -> bool:
    """A common English word (or its plural) that the lexicon does not know as a name."""
    low = word.lower()
    if word in w.proper:
        return False
    return low in w.known or (low.endswith("s") and low[:-1] in w.known)


def _place_evidence(row: Row) -> bool:
    """A name with no head names a place when it follows "in", "near", "from" ... more often than
    it does what people do, and no title, honorific or pronoun says it is a person."""
    strong = row["person"] + row["male"] + row["female"] + row["he"] + row["she"]
    return strong == 0 and row["place"] > 0 and row["place"] >= row["speaker"] + row["subject"]


def _person_evidence(row: Row, w: names.Words) -> bool:
    """A single name with no head names a person when a title or honorific stands before it, or,
    when it is no common word, it is the subject of a verb or of a reporting verb, or he or she
    follows it."""
    if row["person"] > 0 or row["male"] + row["female"] > 0:
        return True
    name = str(row["full"])
    if _english(name, w) or any(_english(x, w) or x in w.adjectives for x in name.split()[1:]):
        return False  # "Renewables", "Islamic State": common words, with no title or pronoun
    if _thing(row) or row["it"] > row["he"] + row["she"]:
        return False  # "the Kremlin", "its"
    if row["initial"] >= row["n"] and (name.lower() in w.known or _PLURAL_NOUN.search(name)):
        return False  # only ever the first word of a sentence ("Stakeholders call for ...")
    if row["speaker"] > 0 and row["initial"] < row["n"]:
        return True  # "Gray said": a reporting verb's subject inside a sentence is a name
    common = name in w.lower_common
    return not common and row["speaker"] + row["subject"] + row["he"] + row["she"] > 0


def _spelling_key(a: _Actor, name: str) -> str:
    """Actors whose names share this key are spellings of one name (type kept apart); `name` is
    the actor's name."""
    if a.type == "person" and " " in name:
        return f"person:{skeleton(name.split()[0])} {skeleton(surname(name))}"
    return f"{a.type}:{skeleton(name)}"


def _merge_spellings(actors: list[_Actor], w: names.Words) -> list[_Actor]:
    """Join actors whose names differ only in spelling (Kiev / Kyiv); two different places of the
    gazetteer never join."""
    groups: dict[str, list[_Actor]] = defaultdict(list)
    name_of = {id(a): a.name for a in actors}  # a name changes only when its actor takes another
    for a in actors:
        key = _spelling_key(a, name_of[id(a)])
        long_enough = len(key.split(":")[1]) >= 2 and len(letters(name_of[id(a)])) >= 4
        groups[key if long_enough else str(id(a))].append(a)
    out = []
    for members in groups.values():  # an actor is in one group: only its head takes others
        members.sort(key=lambda a: (-sum(a.forms.values()), name_of[id(a)]))
        head, *rest = members
        for a in rest:
            name = name_of[id(a)]
            place_a, place_h = w.places.get(name), w.places.get(head.name)
            if (place_a or place_h) and place_a != place_h or not _close(name, head.name):
                out.append(a)
                continue
            _merge_into(head, a)
            head.dominant |= a.dominant
        out.append(head)
    return out


def _close(a: str, b: str) -> bool:
    """Two spellings of one name start with the same two letters, differ by one letter (two in
    names of 12 letters or more), and neither ends in an English word: "Pristina" / "Prishtina",
    "Zelensky" / "Zelenskyy", "Paul Manafort" / "Paul Manfort", but not "China" / "Chennai",
    "Dems" / "Demos" or "Tom Steyer" / "Tom Story". (Kiev / Kyiv are joined by the gazetteer.)"""
    la, lb = letters(a), letters(b)
    w = names.words()
    if la[:2] != lb[:2] or any(_english(x, w) for x in (*a.split()[-1:], *b.split()[-1:])):
        return False
    if not same_entity(a, b):
        return False  # "World War II" / "III", "Eric" / "Erica Garner", "FranÃ"
    if " " not in a and " " not in b and not same_entity(a, b):
        return False  # one word apart by a letter: "Fischer" / "Fisher" are two people
    return edits(la, lb) <= (2 if min(len(la), len(lb)) >= 12 else 1)


def _kept(a: _Actor, min_mentions: int, name: str) -> bool:
    """Whether a discovered name (`name`, the actor's) is kept as an actor."""
    n = sum(a.forms.values())
    w = names.words()
    if names.not_a_name(name.split(), w, titled=a.ev["person"] > 0):
        return False
    if a.type == "person" and a.ev["person"]:
        return True  # a title or honorific stood before it ("Mr. King")
    if a.type == "other" and " " not in name and name.lower() in w.known:
        return False  # a common word written capitalised ("World", "Category", "Time")
    if a.type == "person":
        return True  # people are kept from their first mention: they have evidence
    if a.ev["initial"] >= n and " " not in name and a.type == "other":
        return False  # only ever the first word of a sentence: likely a common word
    if a.type == "person":
        return True  # people are kept from their first mention: they have evidence
    return n >= (MIN_OTHER if a.type == "other" else min_mentions)


def _entry(
    a: _Actor, surnames: dict[str, str | None], key: tuple | None, titled: set[str], name: str
) -> dict:
    """The YAML entry of one actor (`name`, its name), in the format of resources/actors.yaml
    plus counts."""
    short = a.surnames | a.firsts
    aliases = sorted(f for f in a.forms if f != name and f not in short)
    entry: dict = {"name": name, "type": a.type}
    if aliases:
        entry["aliases"] = aliases
    mine = "|".join(key or ())
    for field_, forms in (("surname", a.surnames), ("first_name", a.firsts)):
        own = sorted(s for s in forms if s != name and s not in titled and surnames.get(s) == mine)
        if own:
            entry[field_] = own
    shared = sorted(s for s in short - titled if s != name and surnames.get(s) != mine)
    if shared:
        entry["shared_surname"] = shared
    dominant = sorted(s for s in a.dominant if s in entry.get("surname", []))
    if dominant:
        entry["dominant"] = dominant
    only_titled = sorted(s for s in a.surnames & titled if s != name)
    if only_titled:
        entry["titled_surname"] = only_titled
    entry["type_evidence"] = type_evidence(a, names.words())
    if a.type == "person":
        pronoun, evidence = gender(a.ev, name)
        if pronoun:
            entry["pronoun"] = pronoun
        entry["gender_evidence"] = evidence
    entry["mentions"] = int(sum(a.forms.values()))
    entry["articles"] = int(a.articles)
    return entry


def actors_spec(counts: pd.DataFrame, *, min_mentions: int = MIN_MENTIONS) -> dict:
    """The discovered actors of a corpus from its name counts, as an actors resource (a dict in
    the format of resources/actors.yaml; ``shared_surname`` lists surnames it shares with others
    of the corpus, resolved only inside an article that names one of them in full)."""
    w = names.words()
    records = counts.to_dict("records")
    learned = _learned(records, w)
    people, rest = _people(records, w, learned)
    rest, surnames, titled = _bare_surnames(people, rest, w)
    others = _others(rest, w, learned).values()
    keyed = [(k, a) for k, a in people.items()] + [(None, a) for a in others]
    key_of = {id(a): k for k, a in keyed}
    merged = _merge_spellings([a for _, a in keyed], w)
    name_of = {id(a): a.name for a in merged}  # the actors are final: names no longer change
    kept = [a for a in merged if _kept(a, min_mentions, name_of[id(a)])]
    kept.sort(key=lambda a: (-sum(a.forms.values()), name_of[id(a)]))
    spec: dict = {"discover": False, "actors": {}}
    for a in kept:
        name = name_of[id(a)]
        slug = _slug(name)
        aid, i = slug, 2
        while aid in spec["actors"]:
            aid, i = f"{slug}_{i}", i + 1
        spec["actors"][aid] = _entry(a, surnames, key_of.get(id(a)), titled, name)
    return spec
