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

import bisect
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from presslens.core import resources

WORDS = resources.load("attribution.yaml")
CUES = resources.load("speech_cues.yaml")


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
_AS_FORMS = frozenset(forms(("object_as",)))
_FOR_FORMS = frozenset(forms(("object_for",)))
COMPLEMENT = _verbs(sorted(_AS_FORMS | _FOR_FORMS))  # "described Lynch as well liked"
COMPLEMENT_ING = _verbs(sorted(f for f in _AS_FORMS | _FOR_FORMS if f.endswith("ing")))
CUE = rf"(?:{BARE}|{CLAUSE}|{THAT}|{URGE})"
CUE_WORDS = frozenset(  # a sentence with none of these words reports nothing (a fast filter)
    [f.split(" ")[0] for f in forms(("bare", "clause", "that", "urge", "object_of", "naming"))]
    + inflect("tell")
    + [str(w) for w in CUES["filter_words"]]
)
_COMPLEMENT_WORDS = frozenset(f.split(" ")[0] for f in _AS_FORMS | _FOR_FORMS)


def may_report(words: list[str]) -> bool:
    """Whether a sentence (its words in lower case) may report: it holds a reporting word, or a
    verb of the object_as/object_for classes with "as" or "for" (a fast filter)."""
    if not CUE_WORDS.isdisjoint(words):
        return True
    return not _COMPLEMENT_WORDS.isdisjoint(words) and ("as" in words or "for" in words)


DIRECT_CUE = rf"(?:{CUE}|{OBJECT_OF}|{NAMING})"  # a verb that may introduce a quotation
# A fast necessary test for a speaker and a DIRECT_CUE (GAP ends with a blank before the verb)
DIRECT_VERB = re.compile(rf"(?<=\s){DIRECT_CUE}")
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
    r"(?:,\s+(?:" + "|".join(WORDS["apposition_openers"]) + r")\b"
    r"[^,;:!?\x00]{1,100}?,"
    rf"|,\s+(?:[\w’'\-]+\s+){{0,4}}{ROLE},|,\s+\d{{1,3}},"  # ", Grenada envoy,", ", 22,"
    r"|,\s+[DRI]-[A-Z][\w.]{0,12},)"  # ", D-Fla.,"
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
    rf"[Tt]he\s+(?:[\w’'\-.]+\s+){{0,4}}(?:{_alternatives(WORDS['person_roles'])})"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)?",  # "the secretary of state"
    re.IGNORECASE,
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
ONLY_AFTER = _verbs(  # cues only right after a quote; "read" is its own past
    [f for v in CUES["after_quote"] for f in inflect(v)[1:-1] + [v] * (v in CUES["irregular"])]
)
AFTER = re.compile(
    rf"[\s,;:—–\-]*(?:(?P<cue1>{PAST}|{ONLY_AFTER}|according\s+to)(?:\s+{ADV})?\s+(?P<spk1>{SPEAKER})"
    rf"|(?:(?P<spk0>{SPEAKER}),\s+)?(?P<spk2>{SPEAKER})(?:{APPOSITION_ANY}|,)?\s+{AUX}{{0,3}}"
    rf"(?:{ADV}\s+)?(?P<cue2>{CUE}|{ONLY_AFTER}))(?:\b|(?<=\)))"  # "said Doe (D-Calif.)"
)
PASSIVE = re.compile(
    r"\b(?P<cue>(?:is|are|was|were|has\s+been|have\s+been)\s+(?:widely\s+|often\s+)?"
    r"(?:(?:said|believed|thought|reported|alleged|rumou?red|accused)(?=\s+(?:to|of)\s+\w)"
    r"|(?:regarded|seen|viewed|perceived)\s+as(?=\s+(?:an?|the)\s)))\s+"
)
REPORTEDLY = re.compile(r"\b(?P<cue>reportedly|allegedly)\b")
NOUN_CUE = re.compile(  # "her claim that ...", "there are growing fears that ..."
    rf"(?:(?P<spk>{SPEAKER}(?:’s|'s)|\b(?:[Hh]is|[Hh]er|[Tt]heir))\s+(?:[a-z]+\s+){{0,2}}"
    r"|\b)(?P<cue>(?:" + "|".join(WORDS["claim_nouns"]) + r")\s+that)\s+"
    r"(?!(?:" + "|".join(WORDS["verbs_after_that"]) + r"|\w+ed)\b)"
)
IT = re.compile(
    rf"\s*(?P<spk>It)\s+{AUX}{{0,2}}(?P<cue>{BARE}|{CLAUSE}|{THAT})"
    r"(?:\s+(?P<that>that))?\s+"
)
STUDY = re.compile(
    r"\b(?:" + "|".join(WORDS["study_nouns"]) + r")\b",
    re.IGNORECASE,
)


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
# "Jesse Jackson, another media personality who says ...": an open apposition with a relative
_APPOSITION_WHO = r",\s+(?:an?|the|another|one\s+of)\s+[^,;:!?\x00]{1,80}?\s+(?:who|which)"
GAP = (
    rf"(?:{APPOSITION}|,\s+{TIME},|,?\s+(?:who|which)|{_APPOSITION_WHO})?\s+{AUX}{{0,3}}"
    rf"(?:{ADV}\s+)?"
)
ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\([A-Z][\w.\-]{0,12})\.\)?\s*$")
GOES_ON = re.compile(  # the speaker goes on: ", adding that ..." / " and warned that ..."
    rf"(?:,\s*(?P<ing>{ING}|{COMPLEMENT_ING})|\s+and\s+(?:also\s+)?(?P<past>{PAST}"
    rf"|{COMPLEMENT_ING}))(?:\s+{ADV})?"
    r"(?:\s+that)?\s+(?=\w)"
)
COLON = re.compile(  # the subject of a clause ending in a colon right before a quote
    rf"(?:^|[.!?(:\x00]\s*|,\s+)(?P<spk>{SPEAKER})(?:\s+{AUX}{{0,2}}[a-z]+\b)?"
    r"(?P<rest>[^.!?(:\x00]*?\b(?P<word>[a-z]+))?\s*:\s*$"
)
AS = re.compile(rf"\s*As\s+(?P<spk>{SPEAKER}){GAP}(?P<cue>{CUE})[^,.;:!?\x00]{{0,40}},\s+")
SUBORDINATE = re.compile(
    r"\s*(?:" + "|".join(WORDS["subordinators"]) + r")\b"
    r"[^,.;:!?\x00]{3,200},\s"
)
CUE_ANY = re.compile(rf"\b(?:{CUE}|{OBJECT_OF}|{COMPLEMENT}|[Aa]ccording\s+to)")
# A fast necessary test for presslens.extract.quotes._INDIRECT from a position: a verb of its
# cue groups (BARE|CLAUSE, THAT, URGE|OBJECT_OF, COMPLEMENT) after a blank (GAP ends with one) and
# before one (every branch after the cue opens with a blank) must stand there.
REPORT_VERB = re.compile(  # DOTALL as _INDIRECT, so its pieces mean the same
    rf"(?<=\s)(?:{BARE}|{CLAUSE}|{THAT}|{URGE}|{OBJECT_OF}|{COMPLEMENT})(?=\s)", re.DOTALL
)
# A fast necessary test for NOUN_CUE: its cue group, a claim noun and "that", before a blank.
NOUN_THAT = re.compile(r"(?:" + "|".join(WORDS["claim_nouns"]) + r")\s+that\s")


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


# Reports of other shapes: a verb with an object and its complement, a question, a parenthetical
# attribution and a transcript label (used by presslens.extract.quotes)
_AS_THEN = re.compile(  # the object, then "as" and the complement (never "as if", "as well")
    r"[^,.;:!?\x00]{1,80}?\s+as\s+(?!(?:" + "|".join(WORDS["not_after_as"]) + r")\b)(?=\w)"
)
_FOR_THEN = re.compile(  # the object, then "for" and the complement (never "for years")
    r"[^,.;:!?\x00]{1,80}?\s+for\s+(?!(?:" + "|".join(WORDS["not_after_for"]) + r")\b)(?=\w)"
)


def complement(cue: str, content: str) -> bool:
    """Whether a verb that reports with an object and a complement (``object_as`` and
    ``object_for`` in speech_cues.yaml) has both: "described Lynch as well liked",
    "congratulated Trump for winning", but not "described the plan"."""
    verb = cue.split(" ")[0].lower()
    return bool(
        verb in _AS_FORMS
        and _AS_THEN.match(content)
        or verb in _FOR_FORMS
        and _FOR_THEN.match(content)
    )


def is_complement(cue: str) -> bool:
    """Whether a cue is a verb of the ``object_as`` / ``object_for`` classes."""
    verb = cue.split(" ")[0].lower()
    return verb in _AS_FORMS or verb in _FOR_FORMS


REDUCED = re.compile(  # a speaker in a reduced relative clause: "experts looking at the report"
    r"\b[a-z]{3,}ing\s+(?:" + "|".join(WORDS["reduced_prepositions"]) + r")\s+$"
)
# a question reported without its asker: "when asked if ...", "asked whether ..."
QUESTION = re.compile(
    r"(?:^\s*|\b(?:" + "|".join(WORDS["before_asked"]) + r")\s+|,\s+)(?P<cue>asked)"
    r"\s+(?:(?:him|her|them|me|us)\s+)?(?P<content>(?:if|whether)\s+[^,;:!?\x00]+)"
)
# a parenthetical attribution: "The deal, Borrell said, was ..." / "..., as X notes, knows ..."
PARENTHETICAL = re.compile(
    rf",\s+(?:(?P<as>as)\s+)?(?P<spk>{SPEAKER})\s+{AUX}{{0,2}}(?:{ADV}\s+)?"
    rf"(?P<cue>{PAST}|{BARE}|{CLAUSE})(?:\s+{TIME})?,\s+(?=[a-z])"
)
_LABEL = re.compile(r"(?P<spk>(?:[A-Z][A-Z.’'\-]*\s+){0,3}[A-Z][A-Z’'\-]*[A-Z]):[ \t]+(?=\S)")
_NOT_LABELS = frozenset(str(w) for w in WORDS["not_labels"])


def transcript(text: str, start: int) -> tuple[str, tuple[int, int], int, int] | None:
    """(speaker, speaker offsets, content start, content end) of a paragraph of a transcript
    opening at `start` with a speaker's name in capitals and a colon ("TRUMP: Well, ..."): the
    rest of the paragraph is the speaker's; None for other text and for labels such as
    "UPDATE:"."""
    m = _LABEL.match(text, start)
    if m is None or start > 0 and text[max(start - 8, 0) : start].rstrip(" \t")[-1:] != "\n":
        return None
    if m.group("spk") in _NOT_LABELS or not valid_speaker(m.group("spk")):
        return None
    end = text.find("\n", m.end())
    return m.group("spk"), m.span("spk"), m.end(), len(text) if end < 0 else end


def relative_end(masked: str, sp_end: int, c: int, end: int) -> int:
    """Where the content of a reported relative clause ends: "Thunberg, who says she has
    Asperger syndrome, gained prominence" ends at the comma; other content at `end`."""
    if not re.match(rf",\s+(?:who|which)\b|{_APPOSITION_WHO}\b", masked[sp_end:c]):
        return end
    cut = masked.find(",", c, end)
    return end if cut < 0 else cut


# Whether what follows a verb is a reported clause
FINITE = re.compile(  # a verb in the first words of a reported clause
    r"^(?:[^,;:\x00]*?\s)??(?:" + "|".join(WORDS["finite_verbs"]) + r"|\w+n[’']t"
    r"|(?<!the )(?<!\ba )(?<!an )(?<!his )(?<!her )(?<!its )(?<!their )\w{2,}ed"
    r"|(?:" + "|".join(WORDS["subject_pronouns"]) + r")\s+\w+)\b"
)
NOT_CLAUSE = re.compile(  # reported content never opens with a preposition or a conjunction
    r"(?:" + "|".join(WORDS["not_clause_openers"]) + r")\b",
    re.IGNORECASE,
)
SAY_TELL = re.compile(r"(?:" + "|".join(inflect("say") + inflect("tell")) + r")\b")


def clause(cue: str, content: str) -> bool:
    """Whether what follows a verb without "that" is a reported clause: not a prepositional phrase
    ("told reporters after the talks"), and, except after say and tell, with a verb in its first
    eight words ("the study found the ice is melting", but not "noted the weather")."""
    if NOT_CLAUSE.match(content):
        return False
    return bool(SAY_TELL.match(cue) or FINITE.search(" ".join(content.split()[:8])))


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Offsets of text[a:b] without blanks and commas around it and a trailing full stop or dash."""
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",.;:—–"):
        b -= 1
    return a, b


def index(starts: list[int], pos: int) -> int:
    """0-based index of the sentence starting at or before `pos`."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)
