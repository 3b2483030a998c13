"""Proper names in running text, with the evidence of what they name.

``find(sentence)`` returns every run of capitalised words that is a name, as written: "Alexandria
Ocasio-Cortez", "the Washington Post" (as "Washington Post"), "U.N. Security Council", "Marine Le
Pen", "Ursula von der Leyen", "Bank of England". Words before the name that are titles or
honorifics ("Democratic New York Rep.", "Mrs.", "Prime Minister") are not part of the name; they
are kept as evidence that it names a person, and "Mr."/"Mrs."/"Ms." as evidence of gender. A
possessive "'s" is dropped. The first word of a sentence counts only when it is no common English
word (TextBlob's bundled part-of-speech lexicon says which words are common: "The", "Climate",
"Scientists" are; "Clinton", "Paris" are not). Dates ("Monday", "March") are never names and end
one; in sentences written in title case (headlines) only names with no plain English word count
("Jimmy Carter" but not "Boston Marathon Bombing Suspect").

Each name carries its *head type*: organisation (last word such as Party, Ministry, Post, Times,
or an acronym), place (a country, capital, US state or city of ``resources/gazetteer.yaml``, or a
last word such as River, County), group ("Democrats"), other (Agreement, Act, War ...), or "" when
the words say nothing; and whether it is the subject of a reporting verb ("Clinton said", "said
Clinton").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources as importlib_resources

from presslens.pipeline import resources_io

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:[’'\-][\w]+)*\.?")
_LOWER_COMPOUND = re.compile(r"-[a-z]")
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][\w.]*")
_CAMEL = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")
_PLACE_FIRST = frozenset("Port Mount Mt. Lake Fort Cape Gulf Bay Isle Lake".split())
_OTHER_FIRST = frozenset("Hurricane Superstorm Typhoon Cyclone Storm Tropical Operation".split())
_CONTRACTION = re.compile(r"[’'](?:re|ll|ve|m|d|t)$|n[’']t$")
_POSSESSIVE = re.compile(r"[’']s?$")
_SPEECH = re.compile(
    r"\s*(?:,\s*)?(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|added|adds|argued|argues|wrote|"
    r"writes|claimed|claims|warned|warns|insisted|stated|tweeted|asked|explained|noted|announced)\b"
)
_HEADLINE_LOWER = frozenset(
    "a an and as at by for from in into of on or the to vs with".split()
)  # words a title-case headline leaves in lower case
_NEXT = re.compile(r"(?:[’']s)?\s+([a-z]+)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|across|outside|throughout)\s+(?:the\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")
_APPOSITION = re.compile(r",\s+(?:who|whose|a|an)\s")
_AUX = frozenset("is was has had will would could should can did does might may must".split())
_SPEECH_BEFORE = re.compile(r"(?:said|says|added|asked|wrote|told|argued|noted)\s*$")


@dataclass(frozen=True)
class Name:
    """A proper name found in a sentence (offsets into the sentence)."""

    start: int
    end: int
    text: str
    head: str  # organisation, place, group, other, or ""
    person: bool = False  # a title or honorific stands before it
    gender: str = ""  # male / female from an honorific before it
    speaker: bool = False  # subject of a reporting verb
    initial: bool = False  # the name starts the sentence
    subject: bool = False  # a verb follows it ("Cuomo is", "Najib denied")
    place: bool = False  # a preposition of place stands before it ("in Manhattan")


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
    text = resources_io.path("first_names.tsv").read_text(encoding="utf-8")
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
    spec = resources_io.load("entities.yaml")
    places, demonyms = _places(resources_io.load("gazetteer.yaml"))
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
    )


def _is_cap(tok: str) -> bool:
    """A word that may be part of a name: capitalised (not "Obama-era"), or al-/el- before a
    capital."""
    if tok[:3] in {"al-", "el-"}:
        return tok[3:4].isupper()
    return tok[:1].isupper() and not _LOWER_COMPOUND.search(tok)


def _breaks(tok: str, chain_mixed: bool, w: Words) -> bool:
    """A capitalised word that cannot be inside a name: an opener ("The", "On", "We’re"), a verb
    written in title case ("Says", "Mobilize"), a date, or a capitalised dateline
    ("WASHINGTON")."""
    if _CONTRACTION.search(tok) or _CAMEL.search(tok) or _PARTY_STATE.fullmatch(tok):
        return True  # "We’re", a hashtag such as "GretaOutdidTrump", "(D-Mass.)"
    if tok.isupper() and len(tok) > 3 and tok.lower() in w.known:
        return True  # "VIDEO", "OUR NEWSLETTER"
    tok = _POSSESSIVE.sub("", tok) if len(tok) > 3 else tok
    if tok in w.never or tok in w.verbs or tok in w.dates:
        return True
    return chain_mixed and len(tok) >= 4 and tok.isupper()


def _token_text(tok: str, w: Words) -> str:
    """A word without a full stop that ends the sentence (abbreviations and initials keep it)."""
    if not tok.endswith(".") or len(tok) == 2 or tok.count(".") > 1:
        return tok
    if tok in w.honorifics or (tok,) in w.titles or tok in w.suffixes or tok in w.dates:
        return tok
    return tok[:-1]


def _tokens(sentence: str, w: Words) -> list[tuple[int, int, str]]:
    """(start, end, word) of the sentence's words."""
    out = []
    for m in _WORD.finditer(sentence):
        t = _token_text(m.group(), w)
        out.append((m.start(), m.start() + len(t), t))
    return out


def title_case(sentence: str) -> bool:
    """True for a headline-like sentence: most of its four or more words are capitalised."""
    ws = _WORD.findall(sentence)
    upper = sum(t[:1].isupper() for t in ws)
    lower = [t for t in ws if not t[:1].isupper() and t not in _HEADLINE_LOWER]
    return upper >= 3 and not lower


def _particle(toks: list[tuple[int, int, str]], i: int, w: Words) -> int:
    """Length of a name particle ("von der", "de") at i that a capitalised word follows, else 0."""
    for n in (2, 1):
        words_ = tuple(t[2] for t in toks[i : i + n])
        if len(words_) == n and words_ in w.particles and i + n < len(toks):
            if _is_cap(toks[i + n][2]):
                return n
    return 0


def _chains(sentence: str, toks: list[tuple[int, int, str]], w: Words) -> list[list[int]]:
    """Runs of capitalised words (indices into toks) joined by single blanks, particles and, after
    an organisation or place head or a title, connectors ("Bank of England")."""
    chains: list[list[int]] = []
    cur: list[int] = []
    i = 0
    while i < len(toks):
        a, _, t = toks[i]
        joined = bool(cur) and sentence[toks[cur[-1]][1] : a] in {" ", "\u00a0"}
        if _is_cap(t) and _breaks(t, any(not toks[j][2].isupper() for j in cur), w):
            cur = []
            i += 1
            continue
        if _is_cap(t):
            cur = cur + [i] if joined else [i]
            if not joined and len(cur) == 1:
                chains.append(cur)
            elif joined:
                chains[-1] = cur
            if _POSSESSIVE.search(t) and len(t) > 2:
                cur = []  # "NASA's Gavin Schmidt": the possessive ends a name
            i += 1
            continue
        if cur and joined:
            n = _particle(toks, i, w)
            last = toks[cur[-1]][2]
            head = last in w.org_heads or last in w.place_heads or (last,) in w.titles
            if not n and head:
                for k in (2, 1):
                    words_ = " ".join(x[2] for x in toks[i : i + k])
                    if words_ in w.connectors and i + k < len(toks) and _is_cap(toks[i + k][2]):
                        n = k
                        break
            if n:
                cur = cur + list(range(i, i + n))
                chains[-1] = cur
                i += n
                continue
        cur = []
        i += 1
    return chains


def _split_title(words_: list[str], w: Words) -> tuple[int, str]:
    """Index where the name starts after the last title or honorific, and the gender it states."""
    cut, gender = 0, ""
    i = 0
    while i < len(words_) - 1:
        for n in range(min(w.title_len, len(words_) - 1 - i), 0, -1):
            if tuple(words_[i : i + n]) in w.titles:
                cut, gender = i + n, w.honorifics.get(words_[i + n - 1], "")
                i += n - 1
                break
        i += 1
    return cut, gender


def _role_prefix(ws: list[str], w: Words) -> int:
    """Where a person's two- or three-word name starts after a role written as a common word
    ("EPA Administrator Scott Pruitt" -> 2), else 0."""
    for i in range(len(ws) - 3, max(len(ws) - 5, -1), -1):
        if (
            i >= 0
            and ws[i] in w.lower_common
            and _is_cap(ws[i + 1])
            and head_type(ws[i + 1 :], w) == ""
        ):
            if all(x not in w.lower_common for x in ws[i + 2 :]):
                return i + 1
    return 0


def head_type(words_: list[str], w: Words) -> str:
    """What the words of a name say it names: organisation, place, group, other or ""."""
    text = " ".join(words_)
    for i, word in enumerate(words_[1:-1], start=1):
        if word in {"of", "for", "on"}:  # "Bank of England": the head stands before "of"
            words_ = words_[:i]
            break
    last = words_[-1].rsplit("-", 1)[-1]  # "Sun-Times": the head is "Times"
    if text in w.places or text.removeprefix("the ") in w.places:
        return "place"
    if len(words_) > 1 and words_[0] in _PLACE_FIRST:
        return "place"  # "Port Arthur", "Lake Michigan"
    if len(words_) > 1 and words_[0] in _OTHER_FIRST:
        return "other"  # "Hurricane Irma"
    if len(words_) > 1 and re.fullmatch(r"[A-Z]{2,5}", last):
        return "organisation"  # "Calcasieu Pass LNG"
    if last in w.org_heads:
        return "organisation"
    if last in w.place_heads:
        return "place"
    if last in w.other_heads:
        return "other"
    if len(words_) > 1 and last in w.places and words_[0] in w.lower_common:
        return "place"  # "Eastern Washington", "South Texas"
    if text in w.groups or (len(words_) > 1 and last in w.groups):
        return "group"  # "Democrats", "Social Democrats", "New Hampshire Republicans"
    if len(words_) == 1 and (re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,6}s?", last)):
        return "organisation"
    if text in w.organisations:
        return "organisation"
    return ""


def _trim(words_: list[str], w: Words, *, initial: bool) -> int:
    """Number of leading words that are no part of a name (sentence openers, common words)."""
    k = 0
    while k < len(words_) and (
        words_[k] in w.never
        or (k < len(words_) - 1 and words_[k] in w.common and not _known_start(words_[k:], w))
        or (k == 0 and initial and _common_start(words_, w) and not _known_start(words_, w))
    ):
        k += 1
    return k


def _common_start(words_: list[str], w: Words) -> bool:
    """True when a sentence's first word is a common word: one alone that is also a common word
    in lower case ("Climate", "Trump"; found elsewhere when it is a name), or the first of several
    that is only a common word ("Scientists")."""
    return words_[0] in (w.lower_common if len(words_) == 1 else w.common)


def _known_start(words_: list[str], w: Words) -> bool:
    """True when the words start with a title, an honorific, a place ("New York"), an
    organisation's head or a word a connector follows ("Bank of England")."""
    if words_[0] in w.title_first or words_[0] in w.org_heads:
        return True
    if len(words_) > 1 and not _is_cap(words_[1]):
        return True
    return any(" ".join(words_[:n]) in w.places for n in range(1, min(len(words_), 4) + 1))


def _plain(ws: list[str], w: Words) -> bool:
    """In a headline written in title case, words that may be plain English ("Boston Marathon
    Bombing Suspect"): any word the lexicon knows in lower case and not as a proper noun."""
    return any(x.lower() in w.known and x not in w.proper and x not in w.places for x in ws)


def not_a_name(ws: list[str], w: Words, *, titled: bool = False) -> bool:
    """Words that are no name: nothing, one letter, a title alone ("Vice President", but "King"
    after "Mr." is a name), a demonym or an adjective ("House Democratic")."""
    if not ws or len(ws[-1].strip(".")) < 2:
        return True
    if (tuple(ws) in w.titles or (ws[-1],) in w.titles) and not (titled and ws[-1] in w.honorifics):
        return True  # "President", "Mr. President"; but "Mr. King"
    if any(x in w.dates for x in ws):
        return True
    return ws[-1] in w.adjectives or ws[-1] in w.demonyms or (len(ws) == 1 and ws[0] in w.never)


def _evidence(sentence: str, a: int, b: int, w: Words) -> tuple[bool, bool]:
    """Whether the name at a:b is the subject of a reporting verb ("Clinton said", "said
    Clinton", a transcript's "BANNON:"), and whether it acts or is described as people are: a
    verb follows ("Cuomo is", "Najib denied"), a possessive ("Zagel's decision"), or an apposition
    ("Coburn, a physician", "Browder, who")."""
    speaker = bool(_SPEECH.match(sentence, b)) or bool(_SPEECH_BEFORE.search(sentence[:a]))
    speaker = speaker or (a == 0 and sentence[b : b + 1] == ":" and sentence[a:b].isupper())
    after = _NEXT.match(sentence, b)
    subject = bool(after) and (
        after.group(1) in _AUX
        or after.group(1).capitalize() in w.verbs
        or after.group().startswith(("'s", "’s"))
    )
    return speaker, subject or bool(_APPOSITION.match(sentence, b))


def find(sentence: str) -> list[Name]:
    """The proper names of one sentence, in text order."""
    w = words()
    headline = title_case(sentence)
    toks = _tokens(sentence, w)
    lead = sentence[: toks[0][0]].strip() if toks else ""
    out = []
    for chain in _chains(sentence, toks, w):
        initial = chain[0] == 0 and lead in {"", "“", '"', "(", "‘", "'", "«", "„"}
        ws = [toks[i][2] for i in chain]
        k = _trim(ws, w, initial=initial)
        while k < len(ws) and not _is_cap(ws[k]):
            k += 1  # "of Oklahoma" after a dropped word: no name starts lower case
        ws, idx = ws[k:], chain[k:]
        if not ws:
            continue
        cut, gender = _split_title(ws, w)
        cut = cut or _role_prefix(ws, w)
        rest = ws[cut:]
        if cut and len(rest) == 1 and (rest[0] in w.org_heads or rest[0] in w.other_heads):
            cut, gender = 0, ""  # "Justice Department" is an organisation, not a judge
        ws, idx = ws[cut:], idx[cut:]
        while ws and (ws[-1] in w.connectors or ws[-1] in w.suffixes and len(ws) == 1):
            ws, idx = ws[:-1], idx[:-1]
        if not_a_name(ws, w, titled=bool(cut)) or (headline and _plain(ws, w)):
            continue
        a, b = toks[idx[0]][0], toks[idx[-1]][1]
        b -= (
            len(_POSSESSIVE.search(sentence[a:b]).group())
            if _POSSESSIVE.search(sentence[a:b])
            else 0
        )
        text = sentence[a:b]
        if not text or not_a_name(text.split(), w, titled=bool(cut)):
            continue
        speaker, subject = _evidence(sentence, a, b, w)
        words_ = text.split()
        out.append(
            Name(
                a,
                b,
                text,
                "" if speaker and sentence[b : b + 1] == ":" else head_type(words_, w),
                bool(cut),
                gender,
                speaker,
                initial and not k,
                subject,
                bool(_PLACE_BEFORE.search(sentence, 0, a))
                and not _POSSESSIVE_AFTER.match(sentence, b),
            )
        )
    return out
