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

import re
from dataclasses import dataclass

from presslens.core import resources
from presslens.extract.name_words import Words, first_name, words

__all__ = ["Name", "Words", "find", "first_name", "head_type", "initials", "not_a_name",
           "title_case", "words"]  # fmt: skip

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:[’'\-][\w]+)*\.?")
_LOWER_COMPOUND = re.compile(r"-[a-z]")
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][\w.]*")
_CAMEL = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")
_ENTITIES = resources.load("entities.yaml")  # the word lists below are its data
_PLACE_FIRST = frozenset(_ENTITIES["place_first"])
_OTHER_FIRST = frozenset(_ENTITIES["other_first"])
_CONTRACTION = re.compile(r"[’'](?:re|ll|ve|m|d|t)$|n[’']t$")
_POSSESSIVE = re.compile(r"[’']s?$")
_SPEECH = re.compile(
    r"\s*(?:,\s*)?(?:has\s+|had\s+|also\s+)?(?:" + "|".join(_ENTITIES["speech_after"]) + r")\b"
)
_HEADLINE_LOWER = frozenset(_ENTITIES["headline_lower"])  # left lower case in a title-case headline
_NEXT = re.compile(r"(?:[’']s)?\s+([a-z]+)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|across|outside|throughout)\s+(?:the\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ORG_AFTER = re.compile(r"(?:[’']s)?\s+(?:" + "|".join(_ENTITIES["organisation_after"]) + r")\b")
_PLACE_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:" + "|".join(_ENTITIES["place_after"]) + r")\b|,\s+(?:[A-Z][a-z]+\.|D\.C\.)"
)
_PLACE_LEFT = re.compile(r"\b(?:from|to|into|visit(?:ed|ing|s)?|across|toward|towards)\s+$")
_PERSON_AFTER = re.compile(r",\s+\d{1,3},|\s+\([DRI]-|,\s+(?:who|whose|himself|herself)\b")
_APPOSITION = re.compile(r",\s+(?:who|whose|a|an)\s")
_AUX = frozenset(_ENTITIES["auxiliaries"])
_SPEECH_BEFORE = re.compile(r"(?:" + "|".join(_ENTITIES["speech_before"]) + r")\s*$")


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
    the: bool = False  # "the" stands before it ("the Pentagon"): rarely a person
    cues: str = ""  # words around it typical of an organisation (o), a place (l), a person (p)


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
    if tok.isupper() and len(tok) > 3 and tok.lower() in w.known and tok not in w.organisations:
        return True  # "VIDEO", "OUR NEWSLETTER" (but "ISIS")
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


def initials(name: str) -> str:
    """Initials of a name's capitalised words when it has several ("" for one word)."""
    parts = [p for p in name.split() if p[:1].isupper()]
    return "".join(p[0] for p in parts) if len(parts) > 1 else ""


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
        mixed = joined and any(not toks[j][2].isupper() for j in cur)  # "Islamic State (ISIS)"
        if _is_cap(t) and _breaks(t, mixed, w):
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
    """Index where the name starts after the last title or honorific, and the gender it states;
    len(words_) when the words are titles only ("Secretary of State", but "Mr. King" is a name)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words_):
        n = next(
            (n for n in range(min(w.title_len, len(words_) - i), 0, -1)
             if tuple(words_[i : i + n]) in w.titles),
            0,
        )  # fmt: skip
        if n:
            spans.append((i, i + n))
        i += n or 1
    whole = (
        bool(spans) and spans[0][0] == 0 and all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))
    )
    if whole and spans[-1][1] == len(words_):
        if len(spans) == 1 or spans[-1][1] - spans[-1][0] > 1:
            return len(words_), ""  # "Vice President", "Secretary of State"
        spans = spans[:-1]  # "Mr. King"
    spans = [sp for sp in spans if sp[1] < len(words_)]
    if not spans:
        return 0, ""
    a, b = spans[-1]
    return b, w.honorifics.get(words_[b - 1], "")


def _phrase_words(toks: list[tuple[int, int, str]], w: Words) -> set[int]:
    """Indices of the words of fixed phrases that are never names ("State of the Union")."""
    out: set[int] = set()
    words_ = [t[2] for t in toks]
    if w.phrase_first.isdisjoint(words_):
        return out
    for i, word in enumerate(words_):
        if word in w.phrase_first:
            for k in (4, 3, 2):
                if tuple(words_[i : i + k]) in w.phrases:
                    out.update(range(i, i + k))
                    break
    return out


def _split_chain(
    chain: list[int], toks: list[tuple[int, int, str]], w: Words, phrase: set[int]
) -> list[list[int]]:
    """A run of capitalised words cut where it glues names together: around the words of fixed
    phrases (`phrase`) and known one-word organisations ("Telemundo Facebook" -> "Telemundo",
    "Facebook"; but "Fox News" stays whole)."""
    words_ = [toks[i][2] for i in chain]
    if len(chain) == 1 and chain[0] not in phrase:
        return [chain]
    out: list[list[int]] = [[]]
    for j, i in enumerate(chain):
        word = _POSSESSIVE.sub("", words_[j])
        nxt = words_[j + 1] if j + 1 < len(words_) else ""
        prev = words_[j - 1] if j else ""
        glued = (not prev or _is_cap(prev)) and (not nxt or _is_cap(nxt))
        if i in phrase:
            out.append([])
        elif word in w.organisations and len(chain) > 1 and glued and _splits(word, nxt, w):
            out += [[i], []]
        else:
            out[-1].append(i)
    return [c for c in out if any(_is_cap(toks[i][2]) for i in c)]


def _splits(word: str, nxt: str, w: Words) -> bool:
    """Whether a known one-word organisation stands alone in a run of names ("Facebook
    Twitter"), not as part of one ("Fox News", "White House")."""
    return word not in w.org_heads and nxt not in w.org_heads and nxt not in w.other_heads


def _modifiers(ws: list[str], w: Words, *, headline: bool) -> tuple[int, int]:
    """Words to drop before and after a person's name: a party, role or team word
    (``modifiers`` of entities.yaml: "Republican Donald Trump", "Team Trump"), a demonym or a
    common word before a first name ("Russian Vladimir Putin", "Former Mayor"); and in a headline
    plain words after a full name ("Donald Trump Rally")."""
    a = 0
    if len(ws) < 2 or (first_name(ws[0], w) is not None and not headline) or head_type(ws, w):
        return 0, len(ws)  # "Hurricane Irma", "Port Arthur", "Republican Party"
    while len(ws) - a >= 2 and first_name(ws[a], w) is None:
        word, nxt = ws[a], ws[a + 1]
        listed = word in w.modifiers or word in w.demonyms
        if nxt in w.places or not (listed or (word in w.common and first_name(nxt, w))):
            break
        a += 1
    b = len(ws)
    while headline and b - a > 2 and first_name(ws[a], w) and _plain(ws[b - 1 : b], w):
        b -= 1
    return a, b


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
    if text in w.things:
        return "other"  # "Obamacare", "Brexit"
    if text in w.organisations:
        return "organisation"
    return ""


def _trim(words_: list[str], w: Words, *, initial: bool) -> int:
    """Number of leading words that are no part of a name (sentence openers, common words)."""
    k = 0
    while k < len(words_) and (
        words_[k] in w.never
        or (
            k < len(words_) - 1
            and words_[k] in w.common
            and not _known_start(words_[k:], w)
            and not _given_name(words_, k, w, initial=initial)
        )
        or (k == 0 and initial and _common_start(words_, w) and not _known_start(words_, w))
    ):
        k += 1
    return k


def _given_name(words_: list[str], k: int, w: Words, *, initial: bool) -> bool:
    """A common word inside a sentence right before a surname that is no English word is a first
    name ("Mitt Romney", "Rand Paul"; but "Climate Scientists" and a sentence's first word are
    not)."""
    last = words_[k + 1] if k + 2 == len(words_) else ""
    return bool(last) and not (initial and k == 0) and last.lower() not in w.known


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
        if len(ws) < 2 or first_name(ws[0], w) is None:
            return True  # "President", "Mr. President"; but "Mr. King", "Martin Luther King"
    if any(x in w.dates for x in ws):
        return True
    if len(ws) == 1 and (ws[0] in w.never or ws[0] in w.modifiers):
        return True  # "Democrat" alone is a member of a party, not a name
    if len(ws) == 1 and ws[0] in w.org_heads and ws[0] not in w.organisations:
        return True  # "Department", "Administration": a head without its name
    return ws[-1] in w.adjectives or ws[-1] in w.demonyms


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


def _cues(sentence: str, a: int, b: int) -> str:
    """Words around a name typical of an organisation ("Google officials": o), a place ("Iowa
    voters", "from Kabul", "Austin, Tex.": l) or a person ("Smith, 45,", "Cruz (R-Texas)", ",
    who": p)."""
    out = "o" if _ORG_AFTER.match(sentence, b) else ""
    if _PLACE_AFTER.match(sentence, b) or _PLACE_LEFT.search(sentence, max(0, a - 12), a):
        out += "l"
    return out + ("p" if _PERSON_AFTER.match(sentence, b) else "")


def find(sentence: str) -> list[Name]:
    """The proper names of one sentence, in text order."""
    w = words()
    headline = title_case(sentence)
    toks = _tokens(sentence, w)
    lead = sentence[: toks[0][0]].strip() if toks else ""
    out = []
    phrase = _phrase_words(toks, w)
    chains = [c for ch in _chains(sentence, toks, w) for c in _split_chain(ch, toks, w, phrase)]
    for chain in chains:
        initial = chain[0] == 0 and lead in {"", "“", '"', "(", "‘", "'", "«", "„"}
        ws = [toks[i][2] for i in chain]
        if tuple(ws) in w.titles:
            continue  # "Secretary of State" with no name after it
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
        x, y = _modifiers(ws, w, headline=headline)
        ws, idx = ws[x:y], idx[x:y]
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
        out.append(
            _name(sentence, a, b, titled=bool(cut), gender=gender, initial=initial and not k)
        )
    return out


def _name(sentence: str, a: int, b: int, *, titled: bool, gender: str, initial: bool) -> Name:
    """The name at sentence[a:b] with the evidence around it."""
    w = words()
    speaker, subject = _evidence(sentence, a, b, w)
    return Name(
        a,
        b,
        sentence[a:b],
        "" if speaker and sentence[b : b + 1] == ":" else head_type(sentence[a:b].split(), w),
        titled,
        gender,
        speaker,
        initial,
        subject,
        bool(_PLACE_BEFORE.search(sentence, 0, a)) and not _POSSESSIVE_AFTER.match(sentence, b),
        bool(_THE_BEFORE.search(sentence, 0, a)),
        _cues(sentence, a, b),
    )
