"""The word lists that tell what a proper name names, compiled once per process: titles,
honorifics, heads of organisations and places, the gazetteer, fixed phrases, census first names
and the English words of TextBlob's bundled lexicon (used by presslens.extract.names)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources as importlib_resources

from presslens.core import resources


@dataclass(frozen=True)
class Words:
    """The word lists of ``resources/entities.yaml`` and ``resources/gazetteer.yaml``, compiled."""

    honorifics: dict[str, str]
    titles: frozenset[tuple[str, ...]]
    title_len: int
    org_heads: frozenset[str]
    other_heads: frozenset[str]
    place_heads: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[tuple[str, ...]]
    never: frozenset[str]
    dates: frozenset[str]
    suffixes: frozenset[str]
    groups: frozenset[str]
    places: dict[str, str]  # written form -> canonical place name
    demonyms: frozenset[str]
    common: frozenset[str] = field(default_factory=frozenset)
    verbs: frozenset[str] = field(default_factory=frozenset)
    lower_common: frozenset[str] = field(default_factory=frozenset)
    known: frozenset[str] = field(default_factory=frozenset)  # English words in lower case
    proper: frozenset[str] = field(default_factory=frozenset)  # words tagged as proper nouns
    first_names: dict[str, tuple[float, float]] = field(default_factory=dict)  # NAME -> (m, f) %
    adjectives: frozenset[str] = field(default_factory=frozenset)
    organisations: frozenset[str] = field(default_factory=frozenset)
    title_first: frozenset[str] = field(default_factory=frozenset)
    phrases: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    phrase_first: frozenset[str] = field(default_factory=frozenset)  # first words of phrases
    modifiers: frozenset[str] = field(default_factory=frozenset)  # "Republican", "Team"
    surname_first: frozenset[str] = field(default_factory=frozenset)  # "Kim", "Xi"
    things: frozenset[str] = field(default_factory=frozenset)  # "Obamacare", "Brexit"
    nicknames: dict[str, str] = field(default_factory=dict)  # "BOB" -> "ROBERT"


def _strings(values: object) -> list[str]:
    """A YAML scalar, list or nested list as a flat list of strings."""
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    out: list[str] = []
    for v in values:  # type: ignore[union-attr]
        out += _strings(v)
    return out


def _places(gaz: dict) -> tuple[dict[str, str], set[str]]:
    """Written form -> canonical place, and the demonyms, from the gazetteer."""
    places: dict[str, str] = {}
    demonyms: set[str] = set(_strings(gaz.get("region_demonyms")))
    for country, c in (gaz.get("countries") or {}).items():
        c = c or {}
        for form in [country, *_strings(c.get("aliases"))]:
            places.setdefault(form.removeprefix("the "), str(country))
        capitals = _strings(c.get("capital"))
        for form in capitals + _strings(c.get("capital_aliases")):
            places.setdefault(form, capitals[0] if capitals else form)
        demonyms |= set(_strings(c.get("demonyms")))
    for state, forms in (gaz.get("us_states") or {}).items():
        for form in [state, *_strings(forms)]:
            places.setdefault(form, str(state))
    for city in gaz.get("cities") or []:
        forms = _strings(city)
        for form in forms:
            places.setdefault(form, forms[0])
    for region in gaz.get("regions") or []:
        forms = [f.removeprefix("the ") for f in _strings(region)]
        for form in forms:
            places.setdefault(form, forms[0])
    return places, demonyms


MIN_FIRST_NAME = 0.008  # percent of people: rarer census first names ("Santa", "Golden") are not
# taken as evidence of a person


def _first_names() -> dict[str, tuple[float, float]]:
    """Census first names (upper case) with the percent of men and of women carrying them
    (``resources/first_names.tsv``, public domain)."""
    out = {}
    text = resources.path("first_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[6:]:
        name, male, female = line.split("\t")
        if float(male) + float(female) >= MIN_FIRST_NAME:
            out[name] = (float(male), float(female))
    return out


def first_name(word: str, w: Words) -> tuple[float, float] | None:
    """(percent of men, of women) with this first name in the census, or None."""
    return w.first_names.get(word.upper().rstrip("."))


def _known_words() -> frozenset[str]:
    """English words in lower case from TextBlob's bundled lexicon and spelling word list."""
    folder = importlib_resources.files("textblob") / "en"
    out = set()
    for name in ("en-lexicon.txt", "en-spelling.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            word = line.split(" ", 1)[0]
            if word[:1].islower():
                out.add(word)
    return frozenset(out)


def _lexicon_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Capitalised words that TextBlob's part-of-speech lexicon tags as common words only (not
    NNP/NNPS), those of them it tags as verbs, and those it also knows as common words in lower
    case ("Climate", "Trump"), and the words it tags as proper nouns."""
    lexicon = importlib_resources.files("textblob") / "en" / "en-lexicon.txt"
    common, proper, verbs = set(), set(), set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0][:1].isalpha():
            cap = parts[0][:1].upper() + parts[0][1:]
            if parts[1].startswith("NNP"):
                proper.add(parts[0])
                continue
            common.add(cap)
            if parts[1].startswith("VB"):
                verbs.add(cap)
    return (
        frozenset(common - proper),
        frozenset(verbs - proper),
        frozenset(common),
        frozenset(proper),
    )


@functools.lru_cache(maxsize=1)
def words() -> Words:
    """The compiled word lists (loaded once per process)."""
    spec = resources.load("entities.yaml")
    places, demonyms = _places(resources.load("gazetteer.yaml"))
    honorifics = {str(k): str(v or "") for k, v in spec["honorifics"].items()}
    titles = {tuple(t.split()) for t in _strings(spec["titles"])}
    titles |= {(h,) for h in honorifics}
    common, verbs, lower_common, proper = _lexicon_words()
    return Words(
        honorifics=honorifics,
        titles=frozenset(titles),
        title_len=max(len(t) for t in titles),
        org_heads=frozenset(_strings(spec["organisation_heads"])),
        other_heads=frozenset(_strings(spec["other_heads"])),
        place_heads=frozenset(_strings(spec["place_heads"])),
        connectors=frozenset(_strings(spec["connectors"])),
        particles=frozenset(tuple(p.split()) for p in _strings(spec["particles"])),
        never=frozenset(_strings(spec["never"])),
        dates=frozenset(_strings(spec["dates"])),
        suffixes=frozenset(_strings(spec["suffixes"])),
        groups=frozenset(_strings(spec["groups"])),
        places=places,
        demonyms=frozenset(demonyms),
        common=common,
        verbs=verbs,
        lower_common=lower_common,
        known=_known_words(),
        proper=proper,
        first_names=_first_names(),
        adjectives=frozenset(_strings(spec["adjectives"])),
        organisations=frozenset(_strings(spec["organisations"])),
        title_first=frozenset(t[0] for t in titles),
        phrases=frozenset(tuple(p.split()) for p in _strings(spec.get("phrases"))),
        phrase_first=frozenset(p.split()[0] for p in _strings(spec.get("phrases"))),
        modifiers=frozenset(_strings(spec.get("modifiers"))),
        surname_first=frozenset(_strings(spec.get("surname_first"))),
        things=frozenset(_strings(spec.get("things"))),
        nicknames={
            str(nick).upper(): str(name).upper()
            for name, nicks in (spec.get("nicknames") or {}).items()
            for nick in _strings(nicks)
        },
    )
