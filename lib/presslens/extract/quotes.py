"""Who says what: direct quotes in any quotation style, reported (indirect) speech and reported
clauses with a partial quote (mixed).

``extract(text)`` works on any text.

*Direct quotes* are spans between paired quotation marks of any house style (see
:func:`presslens.extract.attribution_marks.quote_spans`): straight, curly, low-high, guillemets,
''two apostrophes'', single quotes at word edges (never the apostrophe of "don’t", "Jones'" or
"'90s"); straight double quotes that lost a mark are repaired. A quoted paragraph that runs on
(no closing mark, the next paragraph opens with one) is a quote of the speaker of the next one.
An embedded tweet ("... — Name (@handle) date", "“...” -@handle") is a quote of the signature's
name (cue "tweeted"). The content is the text inside the marks without a trailing comma or stop.

The reporting verbs (*cues*) are lemmas in ``resources/speech_cues.yaml``, used in every
inflection (say, says, said, saying; see :mod:`presslens.extract.attribution_cues`). The *speaker*
and cue of a direct quote are looked for, in this order:

1. right after the closing mark, in either order: "...,” said Stoltenberg." / "...,” the NATO chief
   remarked." / "...,” responded campaign chairman John Podesta." / "...,” critics say.";
2. right before the opening mark in the same sentence: "Kurti told reporters, “...”";
   a participle ("..., stating unequivocally that “...”") belongs to the sentence's subject;
3. elsewhere in the sentence before the quote: the subject of the clause that holds the quote, with
   any reporting verb or a verb of naming ("Kurti has declared ... “yesterday rather than
   tomorrow”", "Trump called it “one of the great miscarriages of justice”"), or after it ("...
   „out of control,” and ..., he said.");
4. a colon after a clause whose subject speaks ("Trump made a similar claim: “...”", "Curry's
   conclusion: “...”", a headline "Alexandria Ocasio-Cortez: '...'");
5. a quote with no cue of its own that stands free (nothing of its sentence before it) and follows
   an attributed quote in the same or the next sentence continues it and takes its speaker (a quote
   split across two sentences). A quote inside a clause without a cue never takes an earlier
   quote's speaker.

Reporting verbs inside quotation marks are never cues. A quoted phrase of four words or fewer with
no cue (a scare quote such as „out of control” or “peace plan”) is not a statement and is left out
(``extract(text, scare=True)`` keeps it with kind "scare"). A longer quote with no cue is kept with
an empty speaker.

*Indirect quotes* (kind "indirect"): "X said (that) ...", "X told reporters ...", "Democrats
believe ...", "X warned that ...", "X urged Y to ...", "X accused Y of ...", "according to X, ..." /
"..., according to X" / "..., X said.", and a participle after the subject ("Trump issued a
statement Monday, saying he ..."; the speaker is the sentence's subject). Verbs differ by how they
report (``speech_cues.yaml``): *bare* ones (say, tell, argue, claim, believe, think, warn ...)
report with or without "that"; *clause* ones (note, explain, find, show, announce, admit ...)
without "that" only when a clause with a verb follows ("the study found the ice is melting", but
"he noted the weather" is no quote); *that* ones (deny, promise, recall ...) only with "that". The
content is the reported clause to the end of the sentence.

Beside the first reported clause a sentence may hold more: the same speaker going on ("have blamed
X and warned that Y", "said X, adding that Y": two quotes), a report inside the content ("another
poll found a narrow majority of voters said ..."), an "according to" source, and a trailing one
("..., Jensen added."). A sentence that opens with a subordinate clause with a reporting verb is
read as two ("When Merkley asked Wheeler how ..., | Wheeler said ..."), and "As HuffPost reported,
..." reports the main clause. "It" reports when the sentence before names a study, report or body
("It found that ..."). Verbs of ``object_as``/``object_for`` report an object with its complement
("described Lynch as well liked", "congratulated Trump for winning"; not "described the plan"). A
parenthetical attribution reports its sentence ("The deal, Borrell said, was historic"; "...,
as X notes, knows ..." the clause after it); a paragraph opening with a name in capitals and a
colon ("TRUMP: Well, ...") is that speaker's. Reports without a named source have an empty
speaker: "is said to", "was accused of", "is widely seen as", "reportedly", a question ("when
asked if ..."; never "asked for a delay"), and noun cues ("there are growing fears that ..."; "her
claim that ..." is "her").

*Mixed quotes* (kind "mixed"): a reported clause that holds a partial quote, "Jansen said the ocean
“plays a key role” in the cycle": the content is the whole reported clause with the quotation marks,
the speaker the clause's subject. A quote that is the whole complement of the verb ("X said, “...”",
"X stated that “...”") stays direct, and so does a quote attributed by its position alone (rule 3
above without "that"-clause); a partial quote that continues words of its sentence and is attributed
right after it ("The new rule “is really a dereliction,” Restrepo told the Post") is mixed, from the
sentence start through the closing mark. A sentence with a direct quote may also carry an indirect
statement in a clause of its own ("“...,” Trump said, adding that ...").

Speakers are kept as written (a name, a title such as "the NATO chief", or a pronoun such as "he");
never a date ("Monday", "last week"), a bare place name after "in"/"from", or "it", "this", "which",
"who" (but "Thunberg, who says ..." is Thunberg). ``quote_table`` resolves them to actors through
the `mentions` table: the mention inside the speaker span (a person or office before an
organisation, so "NATO Secretary-General Jens Stoltenberg" is Stoltenberg; with two coordinated
speakers, the first). "he"/"she" resolve only to a person of that pronoun mentioned before (the
pronoun mention, else the latest such person), and never across another speaker's quote: when a
quote by someone else who could be called by the same pronoun (a person of that or an unknown
pronoun, or an unresolved name or title) stands between the person's last naming and the pronoun,
the pronoun stays unresolved. English only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from presslens.extract import attribution_cues as cues
from presslens.extract import quote_marks as marks
from presslens.ingest import sentences as splitter

COLUMNS = "sent_id speaker cue content kind start end speaker_start speaker_end".split()
TABLE_COLUMNS = ["article_id", *COLUMNS[:2], "speaker_actor", *COLUMNS[2:]]
_INTS = ["sent_id", "start", "end", "speaker_start", "speaker_end"]
KINDS = ("direct", "indirect", "mixed", "scare")
SCARE_MAX_WORDS = 4  # a quote this short with no cue is a scare quote
MIN_INDIRECT_WORDS = 3  # reported content shorter than this is no statement
TWEET_KIND = "direct"  # an embedded tweet is a verbatim quote (the gold set labels them indirect)
MASK = marks.MASK  # quoted text is blanked with this before looking for cues
quote_spans, mask_quotes = marks.quote_spans, marks.mask_quotes
Span = marks.Span  # a quotation: open, close_end, content_start, content_end
quoted_vs_mentioned = cues.quoted_vs_mentioned

SPEAKER, ADV, CUE = cues.SPEAKER, cues.ADV, cues.CUE
_OBJ = r"(?:[^\x00.;:!?]{0,60}?\s+)"  # the object of a verb of naming, before the quote

# the words of a sentence before a partial quote that is attributed after it: a clause of its own
_LOWER_WORD = re.compile(r"[a-z]+")  # words of a sentence in lower case, for the cue filter
_LEAD = re.compile(r"\s*(?:[^\s\x00]+\s+){2,}?[^\s\x00,:;—–]*[^\s\x00,:;—–.?!]\s+")
_RIGHT_AFTER = re.compile(r"[\s,;:—–\-]+(?:\w+(?:\s+\w+)?\s+)?")
_BEFORE_END = re.compile(
    rf"(?P<spk>{SPEAKER}){cues.GAP}(?P<cue>{cues.DIRECT_CUE})(?:\s+{ADV})?(?:\s+that)?[\s,:—–]*$"
)
_PARTICIPLE_END = re.compile(
    rf",\s*(?P<cue>{cues.ING}|telling(?:\s+{cues.TOLD_OBJECT})?)(?:\s+{ADV})?(?:\s+that)?[\s,:—–]*$"
)
_SUBJECT = re.compile(
    rf"(?:^|,\s+|{MASK}\s*)(?P<spk>{SPEAKER}){cues.GAP}(?!(?:and|or|but|who|which)\b)[a-z]+\b"
)
_ANYWHERE = re.compile(rf"(?P<spk>{SPEAKER}){cues.GAP}(?P<cue>{cues.DIRECT_CUE})")
_INVERTED = r"(?:" + "|".join(cues.WORDS["inverted_verbs"]) + r")\b"
_TRAILING = re.compile(
    rf",\s+(?:(?P<spk1>{SPEAKER})\s+(?:{ADV}\s+)?(?P<cue1>{cues.BARE}|{cues.CLAUSE})"
    rf"|(?P<cue2>{_INVERTED})\s+(?P<spk2>{SPEAKER}))(?:\s+[^,.;!?\x00]{{0,40}})?"
    rf"(?:[.!?]?$|(?=,\s*{cues.ING}))"  # "..., said X." / "..., said X, adding that ..."
)
_INVERTED_SUBJECT = re.compile(  # "..., said Rep. X (D-Calif.)| , adding that ..."
    rf"(?:^|[,\x00]\s*)(?:{cues.PAST})\s+(?P<spk>{SPEAKER})(?:,\s+[^,;:!?\x00]{{1,100}}?)?\s*$"
)
_TRAILING_SUBJECT = re.compile(rf"(?:^|[,\x00]\s*)(?P<spk>{SPEAKER})\s+(?:{cues.PAST})\s*$")
_INTRO = r"(?:(?:" + "|".join(cues.WORDS["intro_words"]) + r")\b[^.;:!?\x00]{0,80}?\s+)"
_THEN = rf"(?:\s+{ADV})?\s+(?:(?P<that>{_INTRO}?that\s+)|{cues.TIME},?\s+(?:that\s+)?)?"
_INDIRECT = re.compile(
    rf"(?<![\w’'\-])(?=[A-Za-z])(?P<spk>{SPEAKER}){cues.GAP}"
    rf"(?:(?P<cue1>{cues.BARE}|{cues.CLAUSE}){_THEN}"
    rf"|(?P<cue2>{cues.THAT})(?:\s+{ADV})?\s+(?:{_INTRO})?that\s+"
    rf"|(?P<cue3>{cues.URGE}|{cues.OBJECT_OF})\s+|(?P<cue4>{cues.COMPLEMENT})\s+)"
    r"(?!(?:\w+ly\s+)?that\b)(?P<content>[^\s\x00].*)",
    re.DOTALL,
)
_STATEMENTS = "|".join(cues.WORDS["statement_nouns"])
_PARTICIPLE = re.compile(
    rf"(?:(?:,\s*|\b(?:{cues.TIME}|{_STATEMENTS})\s+)(?P<cue>{cues.ING}|{cues.COMPLEMENT_ING})(?:\s+{ADV})?"
    rf"\s+(?:that\s+)?|\s+and\s+(?:also\s+)?(?P<cue_and>{cues.PAST}|{cues.COMPLEMENT_ING})"
    rf"(?:\s+{ADV})?\s+(?:that\s+)?)"
    r"(?!(?:\w+ly\s+)?that\b)(?P<content>[^\s\x00].*)",
    re.DOTALL,
)
_ACCORDING = re.compile(
    r"(?P<cue>[Aa]ccording\s+to)\s+(?P<spk>[^,.;:!?\n\x00]{2,80}?)(?=\s*(?:[,.;:!?\x00]|$))"
)
_WORD = re.compile(r"\w+")
_NOT_CLAUSE, _clause, _trim = cues.NOT_CLAUSE, cues.clause, cues.trim
_HEADLINE = re.compile(r"(?:[A-Z0-9’'\-]+\s+)*[A-Z]{2,}(?=[A-Z][a-z])")  # a headline run in


@dataclass
class _Quote:
    """One quote as found, before it becomes a row."""

    sent: int
    speaker: str
    cue: str
    start: int
    end: int
    kind: str
    sp: tuple[int, int]


def _speaker(m: re.Match[str], groups: tuple[str, ...], base: int) -> tuple[str, tuple[int, int]]:
    """The first speaker group that matched, with its offsets shifted by `base`."""
    for g in groups:
        if g in m.re.groupindex and m.group(g):
            a, b = m.span(g)
            named = m.groupdict().get("spk0") or ""
            if g == "spk2" and named[:1].isupper() and m.group(g)[:1].islower():
                a, b = m.span("spk0")  # “...,” Andres Restrepo, a lawyer with ..., told the Post
            head = _HEADLINE.match(m.string, a, b)  # "... FOX NEWS APPHe went on": "He"
            a = head.end() if head else a
            return m.string[a:b], (base + a, base + b)
    return "", (-1, -1)


def _cue(m: re.Match[str], groups: tuple[str, ...]) -> str:
    """The first cue group that matched, blanks collapsed."""
    for g in groups:
        if g in m.re.groupindex and m.group(g):
            return " ".join(m.group(g).split())
    return ""


def _ok(m: re.Match[str] | None, masked: str, base: int, groups: tuple[str, ...]) -> bool:
    """Whether a match names a valid speaker (not "it", not a date, not a place after "in")."""
    if m is None:
        return False
    spk, (a, _) = _speaker(m, groups, base)
    return cues.valid_speaker(spk, masked[max(a - 12, 0) : a])


def _attribute(
    masked: str, qo: int, qe: int, s_start: int, s_end: int, prev_end: int, *, ended: bool = False
) -> tuple[str, str, tuple[int, int]]:
    """(speaker, cue, speaker offsets) of the direct quote at masked[qo:qe], or empty when none is
    found. A quote `ended` with a full stop inside its marks takes no speaker from after it (what
    follows is a new sentence: “... knows it.” O'Rourke asserted ...)."""
    window = masked[qe:s_end]
    cut = window.find(MASK)
    window = window if cut < 0 else window[:cut]
    m = cues.AFTER.match(window)
    if _ok(m, masked, qe, ("spk1", "spk2")) and not ended:
        spk, sp = _speaker(m, ("spk1", "spk2"), qe)
        return spk, _cue(m, ("cue1", "cue2")), sp
    lo = max(s_start, prev_end)
    before = masked[lo:qo]
    verb = cues.DIRECT_VERB.search(before)  # none: neither _BEFORE_END nor _ANYWHERE matches
    m = _BEFORE_END.search(before) if verb else None
    if _ok(m, masked, lo, ("spk",)):
        spk, sp = _speaker(m, ("spk",), lo)
        return spk, _cue(m, ("cue",)), sp
    m = _PARTICIPLE_END.search(before)
    if m:
        subj = _SUBJECT.search(masked[s_start : lo + m.start()])
        if _ok(subj, masked, s_start, ("spk",)):
            spk, sp = _speaker(subj, ("spk",), s_start)
            return spk, _cue(m, ("cue",)), sp
    hits = [h for h in _ANYWHERE.finditer(before) if _ok(h, masked, lo, ("spk",))] if verb else []
    if hits:
        spk, sp = _speaker(hits[-1], ("spk",), lo)
        return spk, _cue(hits[-1], ("cue",)), sp
    m = cues.COLON.search(before)  # "Trump made a similar claim: “...”", "Curry's conclusion:"
    if m is not None:
        spk, (a, b) = _speaker(m, ("spk",), lo)
        if re.search(r"[’']s$", spk):
            spk, b = spk[:-2], b - 2
        if cues.valid_speaker(spk, masked[max(a - 12, 0) : a]):
            return spk, m.group("word") or ":", (a, b)
    tail = masked[qe:s_end]
    m = _TRAILING.search(tail) or _ANYWHERE.search(tail)
    if _ok(m, masked, qe, ("spk", "spk1", "spk2")) and not ended:
        spk, sp = _speaker(m, ("spk", "spk1", "spk2"), qe)
        return spk, _cue(m, ("cue", "cue1", "cue2")), sp
    return "", "", (-1, -1)


def _free(masked: str, qo: int, lo: int) -> bool:
    """Whether nothing but punctuation or a conjunction stands before a quote in its sentence."""
    head = re.split(r"[.!?]\s", masked[lo:qo] + " ")[-1]  # “... ActionAid.” They continue ...”
    return not re.sub(r"(?i)\b(?:and|but|or|so|yet)\b|[\W_]", "", head.replace(MASK, ""))


def _said(text: str, masked: str, span: Span, sents: list[tuple[int, int]], prev_end: int,
          last: _Quote | None) -> _Quote:  # fmt: skip
    """One direct quote (`span`: marks and trimmed content) with its speaker, found around it or
    taken from `last` when it stands free; kind "scare" when it is short and has no cue."""
    qo, qe, a, b = span
    starts = [x for x, _ in sents]
    si = cues.index(starts, a)
    s_start, _ = sents[cues.index(starts, qo)] if sents else (0, len(text))
    k = cues.index(starts, max(qe - 1, 0))
    s_end = max(sents[k][1] if sents else len(text), qe)
    if text[b - 1] in "?!" and not masked[qe:s_end].strip() and k + 1 < len(sents):
        s_end = sents[k + 1][1]  # “... ?” Vucic asked. -- the splitter ends the sentence here
    inner = text[qo:qe].rstrip("”“‘\"»«›‹’' ")
    ended = inner.endswith(".") or inner.endswith(("?", "!")) and text[qe : qe + 1].isalpha()
    speaker, cue, sp = _attribute(masked, qo, qe, s_start, s_end, prev_end, ended=ended)
    lo = max(s_start, prev_end)
    free = _free(masked, qo, lo)
    if not cue and free and last is not None and last.cue and si - last.sent <= 2:
        speaker, cue, sp = last.speaker, last.cue, last.sp  # the same speaker goes on
    kind = "direct"
    after = masked[qe : max(sp[0], qe)]  # the attribution right after the closing mark
    if cue and _RIGHT_AFTER.fullmatch(after) and not free and _LEAD.fullmatch(masked[lo:qo]):
        a, b, kind = _trim(text, lo, qo)[0], qe, "mixed"  # the rule “is really a dereliction,”
    if not cue and len(_WORD.findall(text[a:b])) <= SCARE_MAX_WORDS:
        kind = "scare"
    return _Quote(si, speaker, cue, a, b, kind, sp)


def _direct(text: str, masked: str, qspans: list[Span], sents: list[tuple[int, int]], *,
            scare: bool, taken: dict[int, _Quote]) -> list[_Quote]:  # fmt: skip
    """The direct quotes of a text with their speakers (quotes in `taken`, by opening offset, are
    parts of mixed quotes: not rows, but a speaker that goes on). A tweet's speaker is the name
    of its signature; a quoted paragraph that runs on takes the speaker of the quote after it."""
    starts = [x for x, _ in sents]
    out: list[_Quote] = []
    runs_on: list[int] = []  # indices in `out`
    last: _Quote | None = None
    prev_end = 0
    for qo, qe, c0, c1 in qspans:
        a, b = _trim(text, c0, c1)
        if qo in taken:
            last, prev_end = taken[qo], qe
            continue
        if a >= b:
            continue
        sig = marks.signed(text, qe)
        q = (_Quote(cues.index(starts, a), sig[0], "tweeted", a, b, TWEET_KIND, sig[1])
             if sig else _said(text, masked, (qo, qe, a, b), sents, prev_end, last))  # fmt: skip
        prev_end = qe
        if qe == c1 and sig is None and marks.CONTINUES.match(text, qe):
            runs_on.append(len(out))
        elif q.kind == "scare" and not scare:
            continue
        out.append(q)
        last = q
    for i in reversed(runs_on):  # “First part.\n\n“Second part,” she said.
        q = out[i]
        if not q.cue and i + 1 < len(out):
            q.speaker, q.cue, q.sp = out[i + 1].speaker, out[i + 1].cue, out[i + 1].sp
            q.kind = "direct" if q.cue and q.kind == "scare" else q.kind
    return [q for q in out if scare or q.kind != "scare"]


def _enough(text: str, a: int, b: int) -> bool:
    """Whether reported content is long enough to be a statement."""
    return len(_WORD.findall(text[a:b])) >= MIN_INDIRECT_WORDS


def _reported(sent: str, base: int) -> tuple[str, str, tuple[int, int], int] | None:
    """(speaker, cue, speaker offsets, content offset in `sent`) of the first reported clause of a
    (masked) sentence that opens with a speaker and a verb, or None."""
    m = cues.AS.match(sent)  # "As HuffPost reported on Tuesday, the resolution ..."
    if m and _ok(m, sent, 0, ("spk",)):
        a, b = m.span("spk")
        return m.group("spk"), _cue(m, ("cue",)), (base + a, base + b), m.end()
    pos = 0
    while cues.REPORT_VERB.search(sent, pos) and (m := _INDIRECT.search(sent, pos)) is not None:
        pos = m.start() + 1  # a match turned down never hides a later one
        if not _ok(m, sent, 0, ("spk",)):
            continue
        cue = _cue(m, ("cue1", "cue2", "cue3", "cue4"))
        if cue.split(" ")[0].endswith("ing"):
            continue  # "a statement saying ...": a participle belongs to the subject (below)
        content = m.group("content")
        if m.group("cue4") and not cues.complement(cue, content):
            continue  # "described the plan": no complement
        urge = re.fullmatch(cues.URGE, cue)  # "suggested deploying troops", never "asked for"
        urged = urge and not _NOT_CLAUSE.match(content)
        if m.group("cue1") and not m.group("that") and not _clause(cue, content) and not urged:
            continue  # "he noted the weather": an object, not a clause
        if m.group("cue3") and urge and not urged:
            continue
        spk, sp = _speaker(m, ("spk",), base)
        reduced = cues.REDUCED.search(sent, 0, m.start())  # "many experts looking at X saw"
        subj = _SUBJECT.search(sent, 0, m.start()) if reduced else None
        if _ok(subj, sent, 0, ("spk",)):  # the experts speak, not the report
            spk, sp = _speaker(subj, ("spk",), base)
        return spk, cue, sp, m.start("content")
    m = _PARTICIPLE.search(sent)  # "..., saying ..." / "... and said ...": the subject's words
    that = m and m.group("cue") and sent.endswith("that", 0, m.start("content") - 1)
    verb, content = (_cue(m, ("cue", "cue_and")), m.group("content")) if m else ("", "")
    if m and (cues.complement(verb, content) if cues.is_complement(verb) else
              that or _clause(verb, content)):  # fmt: skip
        head = sent[: m.start()]  # "..., said X, adding that" / "..., X said, adding that"
        subj = _INVERTED_SUBJECT.search(head) or _TRAILING_SUBJECT.search(head)
        subj = subj or _ACCORDING.search(head) or _SUBJECT.search(head)  # "..., according to X,"
        if _ok(subj, sent, 0, ("spk",)):
            spk, sp = _speaker(subj, ("spk",), base)
            return spk, _cue(m, ("cue", "cue_and")), sp, m.start("content")
    return None


def _clauses(
    text: str, masked: str, who: tuple[str, str, tuple[int, int]], a: int, b: int, si: int
) -> list[_Quote]:
    """Reported content text[a:b] as quotes: split where the speaker goes on with a verb of its
    own ("have blamed X and warned that Y", "said X, adding that Y"), with a report inside the
    first part ("another poll found a narrow majority of voters said ...")."""
    spk, cue, sp = who
    out: list[_Quote] = []
    m = cues.GOES_ON.search(masked, a, b)
    parts = [(a, m.start(), cue), (m.end(), b, _cue(m, ("ing", "past")))] if m else [(a, b, cue)]
    for x, y, verb in parts:
        if cues.is_complement(verb) and not cues.complement(verb, text[x:y]):
            continue  # "..., touting the report": an object, no complement
        x, y = _trim(text, x, y)
        if _enough(text, x, y):
            out.append(_Quote(si, spk, verb, x, y, "indirect", sp))
    if out:
        inner = _reported(masked[out[0].start : out[0].end], out[0].start)
        if inner is not None:
            x, y = _trim(text, out[0].start + inner[3], out[0].end)
            nested = _Quote(si, inner[0], inner[1], x, y, "indirect", inner[2])
            out += [nested] if _enough(text, x, y) else []
    return out


def _indirect_in(text: str, sent: str, base: int, si: int, prev: str = "") -> list[_Quote]:
    """The indirect (reported) statements of one sentence without quotation marks: its first
    reported clause (see _clauses) and an "according to" source beside it, else a trailing
    attribution ("..., officials said."). "It" reports when the sentence before (`prev`) names
    a study, report or body ("It found that ...")."""
    if not cues.may_report(_LOWER_WORD.findall(sent.lower())):
        return []  # no reporting verb, "according to", report noun or "reportedly"
    if not cues.CUE_ANY.search(sent):
        return _unnamed(text, sent, base, si)
    out: list[_Quote] = []
    r = _reported(sent, base)
    m = cues.IT.match(sent) if r is None and cues.STUDY.search(prev) else None
    if m is not None and (m.group("that") or _clause(m.group("cue"), sent[m.end() :])):
        r = (m.group("spk"), _cue(m, ("cue",)), _speaker(m, ("spk",), base)[1], m.end())
    if r is not None:
        spk, cue, sp, c = r
        end = cues.relative_end(text, sp[1], base + c, base + len(sent))
        out += _clauses(text, text, (spk, cue, sp), base + c, end, si)
    m = _ACCORDING.search(sent)
    if m and _ok(m, sent, 0, ("spk",)):
        head = _trim(text, base, base + m.start())
        rest = _trim(text, base + m.end(), base + len(sent))
        a, b = head if _enough(text, *head) else rest  # what it says stands before it, else after
        if _enough(text, a, b):
            spk, sp = _speaker(m, ("spk",), base)
            out.append(_Quote(si, spk, _cue(m, ("cue",)), a, b, "indirect", sp))
    m = _TRAILING.search(sent)  # "..., Jensen added." (also around a report of its own)
    spk, sp = _speaker(m, ("spk1", "spk2"), base) if m else ("", (-1, -1))
    going_on = [q for q in out if q.sp == sp and q.cue.endswith("ing")]  # "..., X said, adding"
    if _ok(m, sent, 0, ("spk1", "spk2")) and all(
        q.start < base + m.start() or q in going_on for q in out
    ):
        a, b = _trim(text, base, base + m.start())
        if _enough(text, a, b):
            out.append(_Quote(si, spk, _cue(m, ("cue1", "cue2")), a, b, "indirect", sp))
    return out or _aside(text, sent, base, si) or _unnamed(text, sent, base, si)


def _aside(text: str, sent: str, base: int, si: int) -> list[_Quote]:
    """A parenthetical attribution in mid-sentence: "The deal, Borrell said, was historic" reports
    the whole sentence, "..., as Ed Morrissey notes, knows how ..." the clause after it."""
    for m in cues.PARENTHETICAL.finditer(sent):
        if _ok(m, sent, 0, ("spk",)):
            a, b = _trim(text, base + (m.end() if m.group("as") else 0), base + len(sent))
            spk, sp = _speaker(m, ("spk",), base)
            return [_Quote(si, spk, _cue(m, ("cue",)), a, b, "indirect", sp)] * _enough(text, a, b)
    return []


def _unnamed(text: str, sent: str, base: int, si: int) -> list[_Quote]:
    """A report without a named source ("is said to ...", "was accused of ...", "will
    reportedly ...", "there are growing fears that ...") with an empty speaker, or one named by a
    possessive before a noun ("her claim that ...": "her")."""
    m = cues.NOUN_THAT.search(sent) and cues.NOUN_CUE.search(sent) or cues.PASSIVE.search(sent)
    if m is not None:
        cut = sent.find(",", m.end()) if m.group("cue").endswith("as") else -1  # "seen as X,"
        a, b = _trim(text, base + m.end(), base + (cut if cut > 0 else len(sent)))
        spk, sp = _speaker(m, ("spk",), base)
        if re.search(r"[’']s$", spk):  # "Ocasio-Cortez's claim": the speaker without "'s"
            spk, sp = spk[:-2], (sp[0], sp[1] - 2)
        spk, sp = (spk, sp) if cues.valid_speaker(spk) else ("", (-1, -1))
    elif (m := cues.REPORTEDLY.search(sent)) is not None:
        (a, b), spk, sp = _trim(text, base, base + len(sent)), "", (-1, -1)
    else:
        return []
    if not _enough(text, a, b) or _NOT_CLAUSE.match(text, a) and m.re is cues.NOUN_CUE:
        return []
    return [_Quote(si, spk, " ".join(m.group("cue").split()), a, b, "indirect", sp)]


def _in_quoted(
    text: str, masked: str, span: tuple[int, int], si: int, qs: list[Span]
) -> tuple[list[_Quote], dict[int, _Quote]]:
    """A reported clause of a sentence with quotation marks: a mixed quote when the clause holds a
    partial quote (the quotes it takes, by opening offset), an indirect one when it is a clause of
    its own ("“...,” Trump said, adding that ..."), nothing when the quote is the whole clause."""
    s_start, s_end = span
    r = _reported(masked[s_start:s_end], s_start)
    if r is None:
        return [], {}
    spk, cue, sp, c = r
    c += s_start
    s_end = cues.relative_end(masked, sp[1], c, s_end)
    inside = [q for q in qs if q[0] >= c]
    if not inside:  # a quote that opens at the sentence's end belongs to the next sentence
        cut = masked.find(MASK, c, s_end)
        a, b = _trim(text, c, s_end if cut < 0 else cut)
        ok = _enough(text, a, b) and MASK not in masked[a:b]
        return ([_Quote(si, spk, cue, a, b, "indirect", sp)] if ok else []), {}
    lead = masked[c : inside[0][0]]
    if re.fullmatch(r"[^,;:!?\x00]{0,40},\s*|[\s,:—–]*", lead):
        return [], {}  # the quotation is the whole reported clause ("told CNN, “...”"): direct
    cut = re.search(rf"(?:,\s*|\s+and\s+)(?:{cues.ING}|{cues.PAST})|[;:—–]", lead)
    if cut:
        a, b = _trim(text, c, c + cut.start())
        ok = _enough(text, a, b)
        return ([_Quote(si, spk, cue, a, b, "indirect", sp)] if ok else []), {}
    a, b = _trim(text, c, max(s_end, inside[-1][1]))
    if not _enough(text, a, b):
        return [], {}
    q = _Quote(si, spk, cue, a, b, "mixed", sp)
    return [q], {qo: q for qo, _, _, _ in inside}


def _asked(text: str, masked: str, span: tuple[int, int], si: int) -> list[_Quote]:
    """A question reported without its asker ("when asked if he ..., Trump said") and a paragraph
    of a transcript ("TRUMP: Well, ..."), with an empty speaker and the label's name."""
    out = []
    if "asked" in masked[span[0] : span[1]] and (m := cues.QUESTION.search(masked, *span)):
        a, b = _trim(text, *m.span("content"))
        out += [_Quote(si, "", "asked", a, b, "indirect", (-1, -1))] * _enough(text, a, b)
    if (t := cues.transcript(text, span[0])) is not None:
        a, b = _trim(text, t[2], t[3])
        out += [_Quote(si, t[0], "", a, b, "indirect", t[1])] * _enough(text, a, b)
    return out


def _rows(text: str, sents: list[tuple[int, int]], *, scare: bool) -> list[_Quote]:
    """Direct, mixed and indirect quotes of one text, in offset order."""
    sents, first = cues.joined(text, sents)
    found = _found(text, sents, scare=scare)
    for q in found:
        q.sent = first[q.sent]
    return found


def _found(text: str, sents: list[tuple[int, int]], *, scare: bool) -> list[_Quote]:
    """Direct, mixed and indirect quotes of one text, in offset order."""
    qspans = quote_spans(text)
    masked = mask_quotes(text, qspans)
    found: list[_Quote] = []
    taken: dict[int, _Quote] = {}
    for si, (s_start, s_end) in cues.pieces(masked, sents):
        sent = masked[s_start:s_end]
        if MASK in sent:
            qs = [q for q in qspans if s_start <= _trim(text, q[2], q[3])[0] < s_end]
            new, more = _in_quoted(text, masked, (s_start, s_end), si, qs)
            found += new
            taken |= more
        else:
            prev = masked[max(s_start - 300, 0) : s_start]
            found += _indirect_in(text, sent, s_start, si, prev)
        found += _asked(text, masked, (s_start, s_end), si)
    found += _direct(text, masked, qspans, sents, scare=scare, taken=taken)
    return sorted(found, key=lambda q: (q.start, q.end))


def extract(
    text: str, *, sentences: Sequence[tuple[int, int]] | None = None, scare: bool = False
) -> pd.DataFrame:
    """Direct, mixed and indirect quotes of any text: sent_id, speaker, cue, content, kind, start,
    end, speaker offsets."""
    text = text if isinstance(text, str) else ""
    sents = sorted(sentences if sentences is not None else splitter.spans(text))
    rows = [
        (q.sent + 1, q.speaker, q.cue, text[q.start : q.end], q.kind, q.start, q.end, *q.sp)
        for q in _rows(text, sents, scare=scare)
    ]
    return pd.DataFrame(rows, columns=COLUMNS).astype(dict.fromkeys(_INTS, "int64"))


def quote_table(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    actors_file: str = "",
    overlay: str = "",
    scare: bool = False,
) -> pd.DataFrame:
    """The `quotes` table: quotes of the articles with status ok, speakers resolved to actors via
    `mentions`."""
    from presslens.extract import actors

    lex = actors.lexicon(actors_file, overlay)
    people = {a: lex.pronouns.get(a, "") for a, t in lex.types.items() if t == "person"}
    if "actor_type" in mentions.columns:  # people of another actors file, known from the mentions
        people |= {
            str(a): people.get(str(a), "")
            for a in mentions.loc[mentions["actor_type"] == "person", "actor"].unique()
        }
    ok = articles[articles["status"] == "ok"] if "status" in articles.columns else articles
    by_article = (
        {k: g.sort_values("start") for k, g in sentences.groupby("article_id", sort=False)}
        if len(sentences)
        else {}
    )
    m_by = cues.mentions_by_article(mentions)
    rows = []
    for aid, text in zip(ok["article_id"], ok["text"]):
        sents = by_article.get(aid)
        if sents is None or not isinstance(text, str):
            continue
        spans = list(zip(sents["start"].astype(int), sents["end"].astype(int)))
        ids = sents["sent_id"].astype(int).tolist()
        known = cues.People(m_by.get(aid, []), people, [])
        for q in _rows(text, spans, scare=scare):
            actor = cues.speaker_actor(q, known)
            known.said.append((q, actor))
            quote = (q.speaker, actor, q.cue, text[q.start : q.end], q.kind, q.start, q.end)
            rows.append((aid, ids[q.sent], *quote, q.sp[0], q.sp[1]))
    out = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    out = out.astype(dict.fromkeys(_INTS, "int64"))
    return out.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)
