"""The evidence behind an actor's gender and type, in words (presslens.extract.discover)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from presslens.extract import names

FIRST_NAME_SHARE = 0.95  # a census first name this one-sided is weak evidence of gender


def gender(ev: Counter, name: str = "") -> tuple[str, str]:
    """(he / she / "", evidence) of a person: honorifics, else the pronouns after the name, else
    (weakest) a first name the census gives to one gender at least FIRST_NAME_SHARE of the time."""
    m, f, he, she = ev["male"], ev["female"], ev["he"], ev["she"]
    said = f"honorific male {m}, female {f}; pronouns after the name he {he}, she {she}"
    if m or f:
        return ("he" if m > f else "she" if f > m else ""), said
    if he >= 2 and he >= 3 * she:
        return "he", said
    if she >= 2 and she >= 3 * he:
        return "she", said
    census = names.first_name(name.split()[0], names.words()) if " " in name else None
    if census and sum(census):
        share = census[0] / sum(census)
        for pronoun, p in (("he", share), ("she", 1 - share)):
            if p >= FIRST_NAME_SHARE:
                return pronoun, f"{said}; first name {name.split()[0]}: {p:.0%} (1990 US census)"
    return "", said


_EVIDENCE = (("person", "title or honorific before"), ("he", "he after"), ("she", "she after"),
             ("speaker", "said"), ("subject", "a verb after"), ("place", "in/near before"),
             ("the", "the before"), ("it", "it/its after"), ("org_cue", "officials/CEO after"),
             ("place_cue", "residents/from"), ("person_cue", "age/party/who"))  # fmt: skip


def _a(noun: str) -> str:
    """A noun with its indefinite article."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def type_evidence(a: Any, w: names.Words) -> str:
    """Why an actor has its type, in words: what its name says (a head word, the gazetteer, a
    census first name, a known organisation) and how often each kind of evidence stood around
    it."""
    name = a.name
    said = []
    if name in w.places:
        said.append(f"the gazetteer knows {name}")
    elif name in w.organisations:
        said.append("a known organisation")
    elif (head := names.head_type(name.split(), w)) and head == a.type:
        said.append(f"its last word ({name.split()[-1]}) names {_a(head)}")
    if a.type == "person" and " " in name and names.first_name(name.split()[0], w):
        said.append(f"{name.split()[0]} is a census first name")
    if a.learned:
        said.append("typed by the learned model")
    counts = [f"{label} {a.ev[k]}" for k, label in _EVIDENCE if a.ev[k]]
    return "; ".join(said + ([", ".join(counts)] if counts else []))
