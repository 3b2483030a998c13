"""The words of quote attribution as regular expressions: reporting verbs in every inflection,
speakers (names, titles, roles, pronouns) and the words that are never speakers.

The verbs are lemmas in ``resources/speech_cues.yaml`` in classes by how they report (with or
without "that", with a clause, with an object and an infinitive ...); :func:`inflect` makes every
form of a lemma (say, says, said, saying; deny, denies, denied, denying; point out, pointed out),
with the irregular forms and doubled consonants listed in the resource. Bare forms ("say",
"believe") count after a plural subject ("Democrats believe ...") except for lemmas that are nouns
too often ("claim", "report"). The speaker patterns use the role nouns, told-objects and name
stop-words of ``resources/attribution.yaml``. :func:`valid_speaker` rejects what is never a
speaker: "it", "this", "which" ..., dates ("Monday", "last week"), and a bare name after "in" or
"from" (a place). Speakers include a description before a name ("groom Jay Wong"), groups
("others", "many") and quantified subjects ("a majority of Republicans" is "Republicans").
:func:`speaker_actor` resolves a quote's speaker to an actor of the `mentions` table (see
presslens.extract.quotes); a definite description of a person with no person inside ("the former
Texas representative", ``person_roles`` of attribution.yaml) is the person named most often
before it (of those the latest).

The module also pairs quotation marks (:func:`quote_spans`) in every house style: curly, „low-high“
and ‚single‘, «guillemets» either way, ‘‘doubled’’ and ``typewriter'' quotes as written; straight
double quotes in turn within a paragraph (a mark after ",?!" with an attribution after it closes
a quote that lost its opening mark); ''two apostrophes'' and, in an article that shows the style
('We will win,' he said), straight single quotes paired by shape (a mark opens at a word start and
closes at a word end; '90s, rock 'n' roll, don't are no marks; "Jones' house" closes only before
an opening mark or an attribution); else straight single quotes only after a colon or a reporting
verb, with the quotes glued to them (".'All the trees ...'"). A quoted paragraph without closing
mark runs on when the next paragraph opens with a mark; an embedded tweet without marks is the
text before its signature ("— Name (@handle) date", "-@handle"). It also holds the patterns of
reports without a verb of their own (passives, "reportedly", noun cues such as "her claim that")
and of sentence pieces (subordinate clauses, "As X said, ...", "..., adding that ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from presslens.pipeline import resources_io

WORDS = resources_io.load("attribution.yaml")
CUES = resources_io.load("speech_cues.yaml")


def _alternatives(items: list[str]) -> str:
    """Regular-expression alternatives, longest first so that one never stops another short."""
    return "|".join(sorted((str(i) for i in items), key=len, reverse=True))


def inflect(lemma: str) -> list[str]:
    """Every form of a reporting verb: base, third person, past, past participle, -ing."""
    verb, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    irregular = CUES["irregular"].get(verb)
    if irregular:
        forms = [verb, *irregular]
    else:
        if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
            third = verb + "es"
        elif re.search(r"[^aeiou]y$", verb):
            third = verb[:-1] + "ies"
        else:
            third = verb + "s"
        if verb in CUES["doubled"]:
            past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
        elif verb.endswith("e"):
            past, ing = verb + "d", (verb if verb.endswith("ee") else verb[:-1]) + "ing"
        elif re.search(r"[^aeiou]y$", verb):
            past, ing = verb[:-1] + "ied", verb + "ing"
        else:
            past, ing = verb + "ed", verb + "ing"
        forms = [verb, third, past, past, ing]
    return list(dict.fromkeys(f + tail for f in forms))


def forms(classes: tuple[str, ...], *, base: bool = True, ing: bool = True) -> list[str]:
    """All forms of the lemmas of the given verb classes (bare form only for safe lemmas)."""
    out: list[str] = []
    for c in classes:
        for lemma in CUES[c]:
            f = inflect(lemma)
            if not base or lemma in CUES["unsafe_base"]:
                f = f[1:]
            out += [x for x in f if ing or not x.split(" ")[0].endswith("ing")]
    return list(dict.fromkeys(out))


def _verbs(forms_: list[str]) -> str:
    """Verb forms as one group, blanks inside a form as any blank."""
    return "(?:" + _alternatives([f.replace(" ", r"\s+") for f in forms_]) + r")\b"


_OBJ = f"(?:{_alternatives(WORDS['told_objects'])})"
_TELL = r"(?:tell|tells|told|telling)"
TOLD_OBJECT = _OBJ
TOLD = rf"(?:{_TELL}(?:\s+{_OBJ})?)"
ING = _verbs([f for f in forms(("bare", "clause"), base=False) if f.split(" ")[0].endswith("ing")])
BARE = rf"(?:(?>{TOLD})|{_verbs([f for f in forms(('bare',)) if f not in inflect('tell')])})"
CLAUSE = _verbs(forms(("clause",)))
THAT = _verbs(forms(("that",)))
URGE = _verbs(forms(("urge",)))
OBJECT_OF = _verbs(forms(("object_of",)))
NAMING = _verbs(forms(("naming",)))
CUE = rf"(?:{BARE}|{CLAUSE}|{THAT}|{URGE})"
CUE_WORDS = frozenset(  # a sentence with none of these words reports nothing (a fast filter)
    [f.split(" ")[0] for f in forms(("bare", "clause", "that", "urge", "object_of", "naming"))]
    + inflect("tell")
    + "according reportedly allegedly said believed thought reported alleged rumored rumoured "
    "accused claim claims suggestion warning warnings argument assertion belief fear fears "
    "worries notification consensus conclusion allegation allegations insistence view".split()
)
DIRECT_CUE = rf"(?:{CUE}|{OBJECT_OF}|{NAMING})"  # a verb that may introduce a quotation
PAST = _verbs(  # inverted order: "..., said Borrell" / "..., responded John Podesta"
    [
        f
        for f in forms(("bare", "clause", "that"), base=False)
        if not f.split(" ")[0].endswith("ing")
    ]
)

ADV = r"(?:\w+ly)"
DATE = rf"(?:{_alternatives(CUES['dates'])})"
TIME = rf"(?:(?:on\s+)?{DATE}|{_alternatives(CUES['time_words'])})"
_STOP = rf"(?!(?:{_alternatives(WORDS['not_names'])}|{DATE})\b)"
_HONORIFIC = rf"(?:(?:{_alternatives(CUES['honorifics'])})\.)"
_TOKEN = rf"(?:{_STOP}(?:{_HONORIFIC}|(?:[A-Z]\.){{2,}}|[A-Z][\w’'\-]*\w|[A-Z]))"
_PARTICLE = r"(?:of\s+the\s+|of\s+|von\s+der\s+|van\s+|de\s+|al-)?"
_PARTY = r"(?:\s*\([A-Z][\w.,\- ]{0,20}\))"  # "(D-Mass.)"
NAME = rf"(?:{_TOKEN}(?:\s+{_PARTICLE}{_TOKEN}){{0,5}}{_PARTY}?)"
ROLE = rf"(?:(?i:{_alternatives(WORDS['roles'])})\b)"
_DET = rf"(?:(?:{_alternatives(CUES['determiners'])})\s+)"
_MOD = (  # "other", "former", "Democratic" ("the other Democratic commissioner")
    rf"(?:(?!(?:{_alternatives(CUES['not_modifiers'])}|\w+ed)\b)[a-z][\w\-]*(?:’s|'s)?\s+"
    r"|[A-Z][a-z]+(?:ic|an|ish|ese)\s+)"
)
_OF = rf"(?:\s+(?:of|for|at|with|in|from)\s+(?:the\s+)?(?:{NAME}|(?!{_DET})[a-z]{{3,}}\b))"
TITLE = (
    rf"(?:(?i:{_DET})?(?:(?:{NAME}\s+)?{_MOD}{{0,3}}|(?:{_MOD}{{1,2}}{NAME}\s+){_MOD}{{0,2}})"
    rf"{ROLE}(?:{_OF}|,?\s+{NAME})?)"
)
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
# "others said", "many saw"
GROUP = r"(?:(?<![Tt]he\s)(?:[Oo]thers|[Mm]any|[Mm]ost|[Ss]ome)\b(?!\s+of\b))"
# a name after a description: "climatologist Judith Curry", "groom Jay Wong"
ONE = rf"(?<![\w’'\-])(?:{TITLE}|(?:[Tt]he\s+)?{_MOD}{{0,3}}{NAME}|{PRONOUN}|{GROUP})"
SPEAKER = rf"(?:{ONE}(?:\s+and\s+{ONE})?)"
AUX = rf"(?:(?:{_alternatives(WORDS['auxiliaries'])}|{TIME})\s+)"
# ", a professor at Yale," / ", who leads the committee," between a speaker and the verb
APPOSITION = (
    r"(?:,\s+(?:an?|the|who|whose|himself|herself|now|also|one\s+of|[a-z]+-year-old|for|in|at|another|other"
    r"|however|meanwhile|though|too|like|as)\b"
    r"[^,;:!?\x00]{1,100}?,"
    rf"|,\s+(?:[\w’'\-]+\s+){{0,4}}{ROLE},|,\s+\d{{1,3}},)"  # ", Grenada envoy,", ", 22,"
)

_PRONOUNS = {"he", "she", "they"}
# after a quotation: "..., Alden Meyer, director at the UCS, told AFP" / "Jay Wong, 34, said"
APPOSITION_ANY = r"(?:,\s+[^,;:!?\x00]{1,100}?,)"
_NOT_SPEAKERS = {str(w).lower() for w in CUES["not_speakers"]}
_DATES = {str(w).lower() for w in CUES["dates"]}
_PLACE_BEFORE = re.compile(rf"\b(?:{_alternatives(CUES['place_prepositions'])})\s+$")
_ROLE_IN = re.compile(ROLE, re.IGNORECASE)
_TIME_ONLY = re.compile(rf"^(?:{TIME})$", re.IGNORECASE)
# "the former Texas representative", "the White House hopeful": one person named before
_DESCRIBED = re.compile(
    rf"[Tt]he\s+(?:[\w’'\-.]+\s+){{0,4}}(?:{_alternatives(WORDS['person_roles'])})", re.IGNORECASE
)


def valid_speaker(speaker: str, before: str = "") -> bool:
    """Whether a candidate speaker may speak: not "it"/"which", not a date, not a possessive
    ("Kosovo’s"), not a bare place name after "in"/"from" (`before`: the text right before it)."""
    s = speaker.strip()
    if not s or s.lower() in _NOT_SPEAKERS or _TIME_ONLY.match(s) or re.search(r"[’']s$", s):
        return False
    words = re.findall(r"[\w’'\-]+", s)
    if any(w.lower() in _DATES for w in words):
        return False
    return not (_PLACE_BEFORE.search(before) and s[0].isupper() and not _ROLE_IN.search(s))


@dataclass
class People:
    """What speaker resolution knows of an article: its mentions, people and earlier quotes."""

    mentions: list[tuple[int, int, str, str]]  # start, end, actor, resolution
    pronouns: dict[str, str]  # person (or office) -> "he"/"she"/"" (unknown)
    said: list[tuple[Any, str]]  # quotes before, with their actors

    def is_person(self, actor: str) -> bool:
        """People and offices held by people."""
        return actor in self.pronouns or actor.startswith("office:")

    def fits(self, actor: str, word: str) -> bool:
        """Whether a person may be called `word` ("he"/"she")."""
        return self.is_person(actor) and self.pronouns.get(actor, "") in (word, "")

    def blocked(self, actor: str, word: str, a: int) -> bool:
        """Whether a quote by someone else who could also be `word` stands between the actor's
        last naming and the pronoun at `a`."""
        named = [s for s, _, x, how in self.mentions if x == actor and how != "pronoun" and s < a]
        since = named[-1] if named else -1
        for q, other in self.said:
            at = min(q.start, q.sp[0]) if q.sp[0] >= 0 else q.start
            if not since < at < a or not q.speaker or other == actor:
                continue
            spoken = q.speaker.lower()
            if spoken in _PRONOUNS:  # the same "he" goes on unless he is someone else
                if spoken == word and other:
                    return True
            elif self.fits(other, word) if other else True:
                return True
        return False


def speaker_actor(q: Any, known: People) -> str:
    """The actor behind a quote's speaker (a quote of presslens.extract.quotes): the best
    mention in the speaker span; for he/she a person of that pronoun (the pronoun mention, else
    the latest such person), never across another speaker's quote."""
    a, b = q.sp
    if a < 0:
        return ""
    inside = [
        (not known.is_person(actor), start, actor)
        for start, end, actor, _ in known.mentions
        if start < b and end > a
    ]
    word = {"his": "he", "her": "she", "their": "they"}.get(q.speaker.lower(), q.speaker.lower())
    if all(other for other, _, _ in inside) and _DESCRIBED.fullmatch(q.speaker):
        people = [x for s, _, x, how in known.mentions if s < a and known.is_person(x)]
        # the person named most often before the description, of those the latest
        return max(reversed(people), key=people.count) if people else ""
    if word not in _PRONOUNS - {"they"}:
        # a person (or office) wins over the organisation in "NATO Secretary-General Jens
        # Stoltenberg"
        return min(inside)[2] if inside else ""
    found = [x for _, _, x in sorted(inside) if known.fits(x, word)]
    if not found:  # no pronoun mention in reach: the latest person of that pronoun before it
        found = [x for s, _, x, _ in reversed(known.mentions) if s < a and known.fits(x, word)][:1]
    if not found or known.blocked(found[0], word, a):
        return ""
    return found[0]


def mentions_by_article(mentions: pd.DataFrame) -> dict[object, list[tuple[int, int, str, str]]]:
    """Each article's actor mentions as (start, end, actor, resolution), in text order."""
    out: dict[object, list[tuple[int, int, str, str]]] = {}
    if not len(mentions):
        return out
    how = (
        mentions["resolution"].astype(str)
        if "resolution" in mentions.columns
        else pd.Series("", index=mentions.index)
    )
    rows = zip(
        mentions["article_id"],
        mentions["start"].astype(int),
        mentions["end"].astype(int),
        mentions["actor"].astype(str),
        how,
    )
    for aid, start, end, actor, res in sorted(rows, key=lambda r: (str(r[0]), r[1])):
        out.setdefault(aid, []).append((start, end, actor, res))
    return out


# Quotation marks and reports without a verb of their own (used by presslens.extract.quotes)
Span = tuple[int, int, int, int]  # quotation: open, close_end, content_start, content_end
MASK = "\x00"  # quoted text is blanked with this before looking for cues
_QUOTE = re.compile(
    r"“(?P<a>[^“”\n]{1,3000})”"
    r"|„(?P<b>[^„“”\n]{1,3000})[“”]"
    r"|«(?P<c>[^«»\n]{1,3000})»"
    r"|»(?P<d>[^«»\n]{1,3000})«"
    r"|‹(?P<e>[^‹›\n]{1,3000})›"
    r"|(?<!\w)‚(?P<f>(?:[^‚‘’\n]|’(?=\w)){1,3000})[‘’](?!\w)"
    r"|(?<![\w‘])‘‘(?P<h>(?:[^‘’\n]|’(?=\w)){1,3000})’’"
    r"|``(?P<i>[^`\n]{1,3000}?)''"
    r"|(?<!\w)‘(?P<g>(?:[^‘’\n]|’(?=\w)){1,3000})’(?!\w)"
)
_RUN_ON = re.compile(  # a quoted paragraph with no closing mark, the next one opening with one
    r"(?:“(?P<a>[^“”\n]+)|„(?P<b>[^„“”\n]+)|«(?P<c>[^«»\n]+)|»(?P<d>[^«»\n]+)|‹(?P<e>[^‹›\n]+)"
    r"|‚(?P<f>[^‚‘’\n]+)|(?<!\w)‘(?P<g>(?:[^‘’\n]|’(?=\w))+))(?=\n\s*[“„«»‹‚‘])"
)
CONTINUES = re.compile(r"[ \t]*\n\s*(?:[“„«»‹‚‘\"`]|'(?=['\w]))")  # the next paragraph opens
_ANY_MARK = re.compile(r"[\"“”„«»‹›‚]|''|``|(?<![\w'’])[‘'](?=[A-Z])")
_TWO = re.compile(r"(?<!')''(?!')|(?<=\w')''(?![\w'])|(?<![\w'])''(?='\w)")  # ''two apostrophes''
_ONE = re.compile(r"(?<!')'(?!')")
_NO_MARK = re.compile(r"'(?:\d0s|n'|(?:em|til|cause|tis|twas|bout|round)\b)", re.IGNORECASE)
_OPEN_AFTER = frozenset(' \t\n([{—–-/“"‘')  # what may stand before an opening straight mark
_POSSESSIVE = re.compile(r"[ \t]+[a-z]")  # after "s": "Jones' house", "Jones'' house"
_TWEET_LEAD = re.compile(r"[\s>]*")
_NEXT_DOUBLE = re.compile(r'[ \t]*\n\s*"')
# 'We will win,' he said: the evidence that an article quotes with straight single quotes
_SINGLE_STYLE = re.compile(
    r"(?<![\w'’])'(?=[A-Z“\"])(?:[^'\n]|(?<=\w)'(?=\w)|(?<= )'n'(?= )){1,400}?[,?!]'(?=\s)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_TWEET_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
SIGNATURE = re.compile(  # "— Donald J. Trump (@realDonaldTrump) March 3, 2016", "-@handle"
    r"[\s>]*(?:(?:pic\.twitter\.com/\w+|https?://\S+)[\s>]*)*(?P<dash>[—–]|--?)[ \t]*"
    r"(?:(?P<name>[^\s()@—–][^\n()@—–]{0,80}?)[ \t]*\([ \t]*(?P<h1>@\w{1,15})[ \t]*\)[ \t]*"
    rf"{_TWEET_DATE}|(?P<h2>@\w{{1,15}})(?:[ \t]*{_TWEET_DATE})?(?=[ \t]*(?:$|[\n.]|\s+[A-Z])))"
)
TWEET_MAX = 280  # characters of a tweet: its text is the sentences before a signature within it
ONLY_AFTER = _verbs(  # cues only right after a quote; "read" is its own past
    [f for v in CUES["after_quote"] for f in inflect(v)[1:-1] + [v] * (v in CUES["irregular"])]
)
AFTER = re.compile(
    rf"[\s,;:—–\-]*(?:(?P<cue1>{PAST}|{ONLY_AFTER}|according\s+to)(?:\s+{ADV})?\s+(?P<spk1>{SPEAKER})"
    rf"|(?:(?P<spk0>{SPEAKER}),\s+)?(?P<spk2>{SPEAKER})(?:{APPOSITION_ANY}|,)?\s+{AUX}{{0,3}}"
    rf"(?:{ADV}\s+)?(?P<cue2>{CUE}|{ONLY_AFTER}))(?:\b|(?<=\)))"  # "said Doe (D-Calif.)"
)
_SENT_END = re.compile(r"[.?!][\"']?\s+(?=[A-Z\"'])")
_SINGLE_MARK = re.compile(r"'(?=[A-Za-z0-9])")  # a straight single quote before a word
_SINGLE_LEAD = re.compile(rf"(?:[:,]\s*|(?i:\b{DIRECT_CUE})\s+)\Z")  # what must precede it
_LEAD_REACH = 60  # characters before the mark searched for the colon or reporting verb
_SINGLE_CLOSE = re.compile(r"(?<=\S)'(?!\w)|(?<=[.?!,])'(?=[A-Z])")
_GLUED = re.compile(r"[.?!]'[A-Z]")  # a quote ends, the next one starts: "blood.'All the trees"
_GLUED_END = re.compile(r"[.?!]'")
PASSIVE = re.compile(
    r"\b(?P<cue>(?:is|are|was|were|has\s+been|have\s+been)\s+(?:widely\s+)?(?:said|believed"
    r"|thought|reported|alleged|rumou?red|accused))\s+(?=(?:to|of)\s+\w)"
)
REPORTEDLY = re.compile(r"\b(?P<cue>reportedly|allegedly)\b")
NOUN_CUE = re.compile(  # "her claim that ...", "there are growing fears that ..."
    rf"(?:(?P<spk>{SPEAKER}(?:’s|'s)|\b(?:[Hh]is|[Hh]er|[Tt]heir))\s+(?:[a-z]+\s+){{0,2}}"
    r"|\b)(?P<cue>(?:claims?|suggestion|warnings?|argument|assertion|belief|fears?|worries"
    r"|notification|consensus|conclusion|allegations?|insistence|view)\s+that)\s+"
    r"(?!(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|\w+ed)\b)"
)
IT = re.compile(
    rf"\s*(?P<spk>It)\s+{AUX}{{0,2}}(?P<cue>{BARE}|{CLAUSE}|{THAT})"
    r"(?:\s+(?P<that>that))?\s+"
)
STUDY = re.compile(
    r"\b(?:stud(?:y|ies)|report|survey|poll|analysis|research|paper|data|findings|review"
    r"|assessment|program(?:me)?|agency|ministry|institute|organi[sz]ation|commission|committee)\b",
    re.IGNORECASE,
)


def _straight(text: str) -> list[Span]:
    """Straight double quotes paired in turn within a paragraph. A mark that would open but
    stands after a comma or ?/! with an attribution after it ("..., demand a change," González
    wrote) closes a quote that lost its opening mark: the quote starts after the last mark or
    sentence end before it."""
    out: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        opened, last = -1, para.start()
        for m in re.finditer('"', para.group()):
            i = para.start() + m.start()
            if opened >= 0:
                out.append((opened, i + 1, opened + 1, i))
                opened, last = -1, i + 1
            elif text[i - 1 : i] in (",", "?", "!") and AFTER.match(text, i + 1, para.end()):
                bound = [e.end() for e in _SENT_END.finditer(text, last, i)]
                a = max([last, *bound])
                out.append((a, i + 1, a, i)) if a < i else None
                last = i + 1
            else:
                opened = i
        if opened >= 0 and _NEXT_DOUBLE.match(text, para.end()):  # runs on to the next paragraph
            e = para.start() + len(para.group().rstrip())
            out += [(opened, e, opened + 1, e)] if e > opened + 1 else []
    return out


def _single(text: str) -> list[Span]:
    """Straight single quotes after a colon or a reporting verb ("said: 'For the forest ...'"),
    and the quotes glued to them after a sentence end (".'All the trees ... place.'")."""
    out: list[Span] = []
    for m in _SINGLE_MARK.finditer(text):
        if not _SINGLE_LEAD.search(text[max(0, m.start() - _LEAD_REACH) : m.start()]):
            continue
        start, mark = m.end(), m.start()
        while True:
            close = _SINGLE_CLOSE.search(text, start)
            if close is None or "\n" in text[start : close.start()]:
                break
            out.append((mark, close.end(), start, close.start()))
            if not _GLUED.match(text, close.start() - 1):
                break
            start = mark = close.end()
            nxt = _SINGLE_CLOSE.search(text, start)
            if nxt is None or not _GLUED_END.match(text, nxt.start() - 1):
                break
            if re.search(r"(?<!\w)'|'(?!\w)", text[start : nxt.start()]):
                break  # another quotation mark stands between: the quotes have ended
    return out


def _shape(text: str, i: int, j: int) -> tuple[bool, bool, bool]:
    """(may open, may close, possessive-shaped) of the straight mark text[i:j]: it opens after a
    blank or an opening bracket and before a non-blank, closes after a non-blank and before no
    word ('90s, rock 'n' roll, 'em are no marks; "Jones' house" may be a possessive)."""
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    if j - i == 1 and (_NO_MARK.match(text, i) or text[max(i - 2, 0) : i] == "'n"):
        return False, False, False
    may_open = before in _OPEN_AFTER and not after.isspace()
    glued = j - i == 1 and before in ".?!," and after.isupper()  # "blood.'All the trees"
    may_close = glued or not before.isspace() and not (after.isalnum() or after == "_")
    return may_open, may_close, may_close and before in "sS" and bool(_POSSESSIVE.match(text, j))


def _pair(text: str, marks: list[tuple[int, int]], *, repair: bool) -> list[Span]:
    """Straight marks (two apostrophes, single quotes) paired by their shape within a paragraph. A
    possessive-shaped mark closes only before an opening mark or an attribution; a paragraph
    left open runs on when the next one opens with a mark; with `repair`, a closing mark after
    ",?!" and before an attribution closes a quote that lost its opening mark (as in _straight)."""
    out: list[Span] = []
    shapes = [_shape(text, i, j) for i, j in marks]
    opened: tuple[int, int] | None = None
    last = 0
    for k, ((i, j), (may_open, may_close, possessive)) in enumerate(zip(marks, shapes)):
        end = text.find("\n", opened[1], i) if opened else -1
        if opened and end >= 0:  # the paragraph ended with the quote open
            if may_open and not text[end:i].strip():
                e = opened[1] + len(text[opened[1] : end].rstrip())
                out += [(opened[0], e, opened[1], e)] if e > opened[1] else []
            opened, last = None, end
        if opened is None:
            if may_open:
                opened = (i, j)
            elif repair and may_close and text[i - 1 : i] in ",?!" and AFTER.match(text, j):
                a = max([last, *(e.end() for e in _SENT_END.finditer(text, last, i))])
                out += [(a, j, a, i)] if a < i else []
                last = j
            continue
        nxt = k + 1 < len(marks) and shapes[k + 1][0] and "\n" not in text[j : marks[k + 1][0]]
        if may_close and (not possessive or nxt or AFTER.match(text, j)):
            out.append((opened[0], j, opened[1], i))
            opened, last = None, j
        elif may_open and not may_close:
            opened = (i, j)
    return out


def _british(text: str, spans: list[Span]) -> list[Span]:
    """Straight single quotes as the outer marks, in an article that shows the style: a quote
    'X ...,' outside double quotes with an attribution after it ('We will win,' he said)."""
    for m in _SINGLE_STYLE.finditer(text):
        if not any(qo <= m.start() < qe for qo, qe, _, _ in spans) and AFTER.match(text, m.end()):
            return _pair(text, [m.span() for m in _ONE.finditer(text)], repair=False)
    return []


def _tweets(text: str, spans: list[Span]) -> list[Span]:
    """Embedded tweets without marks: the text before a signature ("— Name (@handle) date",
    "-@handle") on its line (else the paragraph before), at most TWEET_MAX characters back by
    sentences; a quote in marks right before a signature is the tweet (see signed)."""
    out: list[Span] = []
    last = 0
    for m in SIGNATURE.finditer(text):
        k = len(text[last : m.start()].rstrip()) + last
        a = max(text.rfind("\n", 0, k) + 1, last)
        own, last = "\n" not in text[k : m.start("dash")], m.end()  # on the signature's line
        quoted = [qe for _, qe, _, _ in spans if a < qe <= k]  # a quote before or in the tweet
        nested = any(qo < k <= qe for qo, qe, _, _ in spans)  # a tweet in marks (see signed)
        if nested or quoted and AFTER.match(text, quoted[-1], k):  # “...,” X says — NBC News
            continue
        a = max([a, *(e for e in quoted if re.match(r"\s+[A-Z]", text[e : e + 2]))])
        a = _TWEET_LEAD.match(text, a).end()  # a quoted "> tweet"
        starts = [a, *(e.end() for e in _SENT_END.finditer(text, a, k))]
        a = next((x for x in starts if k - x <= TWEET_MAX), starts[-1])
        intro = r"By\s+[A-Z][^.!?]{0,60}$" + "|.*:$" * own  # a byline, "Trump tweeted:"
        if len(text[a:k].split()) < 2 or re.match(intro, text[a:k]):
            continue
        out.append((a, k, a, k))
    return out


def signed(text: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The name (else the @handle) of a tweet's signature at `pos`, with its offsets, or None."""
    m = SIGNATURE.match(text, pos)
    g = next(g for g in ("name", "h1", "h2") if m.group(g)) if m else ""
    return (m.group(g), m.span(g)) if m else None


def has_marks(text: str) -> bool:
    """Whether a text holds a quotation mark of any style (a straight ' only before a capital)."""
    return isinstance(text, str) and _ANY_MARK.search(text) is not None


def quote_spans(text: str) -> list[Span]:
    """(open, close_end, content_start, content_end) of every paired quotation in `text` (an
    outer quotation wins over one inside it); close_end == content_end for a paragraph that runs
    on (see CONTINUES) and for an embedded tweet without marks (before its signature)."""
    found = [(m.start(), m.end(), m.start(m.lastgroup or ""), m.end(m.lastgroup or ""))
             for m in _QUOTE.finditer(text)]  # fmt: skip
    if "\n" in text:
        found += [(m.start(), m.end(), m.start(m.lastgroup or ""), m.end())
                  for m in _RUN_ON.finditer(text)]  # fmt: skip
    found += _straight(text) if '"' in text else []
    if "'" in text:
        two = [m.span() for m in _TWO.finditer(text)]  # not the closing marks of ``...''
        two = [x for x in two if not any(qo < x[0] < qe for qo, qe, _, _ in found)]
        found += _pair(text, two, repair=True) if two else []
        found += _single(text)
        found += _british(text, found)
    found += _tweets(text, found) if "@" in text else []
    out: list[Span] = []
    for q in sorted(found, key=lambda q: (q[0], -q[1])):
        if not out or q[0] >= out[-1][1]:
            out.append(q)
    return out


def mask_quotes(text: str, spans: Sequence[Span]) -> str:
    """`text` with every quotation (marks included) blanked, so verbs inside quotes are never
    cues."""
    parts, last = [], 0
    for qo, qe, _, _ in spans:
        parts += [text[last:qo], MASK * (qe - qo)]
        last = qe
    parts.append(text[last:])
    return "".join(parts)


def quoted_vs_mentioned(
    quotes: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """Per outlet and actor: how often the actor is mentioned (`mentions`) and quoted as speaker
    (`quotes`)."""
    outlet = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    m = (
        mentions.assign(outlet=mentions["article_id"].map(outlet))
        .groupby(["outlet", "actor"])
        .size()
        .rename("mentions")
    )
    q = quotes[quotes["speaker_actor"].fillna("") != ""]
    q = (
        q.assign(outlet=q["article_id"].map(outlet))
        .groupby(["outlet", "speaker_actor"])
        .size()
        .rename("quotes")
    )
    q.index = q.index.set_names(["outlet", "actor"])
    out = pd.concat([m, q], axis=1).fillna(0).astype("int64").reset_index()
    if out.empty:
        return pd.DataFrame({c: pd.Series(dtype="str" if c in ("outlet", "actor") else "int64")
                             for c in ("outlet", "actor", "mentions", "quotes")})  # fmt: skip
    return out.sort_values(
        ["outlet", "quotes", "mentions", "actor"],
        ascending=[True, False, False, True],
        kind="mergesort",
    ).reset_index(drop=True)


# Clauses and sentence pieces of attribution (used by presslens.extract.quotes)
# between a speaker and the verb: an apposition, auxiliaries, a time ("has also said", "on Monday")
GAP = rf"(?:{APPOSITION}|,\s+{TIME},|,?\s+(?:who|which))?\s+{AUX}{{0,3}}(?:{ADV}\s+)?"
ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\([A-Z][\w.\-]{0,12})\.\)?\s*$")
GOES_ON = re.compile(  # the speaker goes on: ", adding that ..." / " and warned that ..."
    rf"(?:,\s*(?P<ing>{ING})|\s+and\s+(?:also\s+)?(?P<past>{PAST}))(?:\s+{ADV})?"
    r"(?:\s+that)?\s+(?=\w)"
)
COLON = re.compile(  # the subject of a clause ending in a colon right before a quote
    rf"(?:^|[.!?(:\x00]\s*|,\s+)(?P<spk>{SPEAKER})(?:\s+{AUX}{{0,2}}[a-z]+\b)?"
    r"(?P<rest>[^.!?(:\x00]*?\b(?P<word>[a-z]+))?\s*:\s*$"
)
AS = re.compile(rf"\s*As\s+(?P<spk>{SPEAKER}){GAP}(?P<cue>{CUE})[^,.;:!?\x00]{{0,40}},\s+")
SUBORDINATE = re.compile(
    r"\s*(?:When|After|While|Although|Though|Because|Since|If|Before|Once|Until|Unlike|As)\b"
    r"[^,.;:!?\x00]{3,200},\s"
)
CUE_ANY = re.compile(rf"\b(?:{CUE}|{OBJECT_OF}|[Aa]ccording\s+to)")


def joined(text: str, sents: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]]:
    """Sentences with a piece that starts in lower case joined to the one before when that ends
    with an abbreviation ("Rep. John Shimkus (R-Ill.) | urged Democrats to ..."), and the index of
    each in `sents`."""
    out: list[tuple[int, int]] = []
    first: list[int] = []
    for i, (a, b) in enumerate(sents):
        if out and text[a : a + 1].islower() and ABBREVIATION.search(text, 0, out[-1][1]):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
        first.append(i)
    return out, first


def pieces(masked: str, sents: list[tuple[int, int]]) -> list[tuple[int, tuple[int, int]]]:
    """(index, span) of the sentences, one that opens with a subordinate clause with a reporting
    verb in two ("When Merkley asked Wheeler how ..., | Wheeler said it was ...")."""
    out: list[tuple[int, tuple[int, int]]] = []
    for si, (a, b) in enumerate(sents):
        m = SUBORDINATE.match(masked, a, b)
        if m and CUE_ANY.search(m.group()) and not AS.match(masked, a, b):
            out += [(si, (a, m.end() - 1)), (si, (m.end(), b))]
        else:
            out.append((si, (a, b)))
    return out
