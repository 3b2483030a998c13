"""Who says what: direct quotes in any quotation style and indirect (reported) speech.

``extract(text)`` works on any text.

*Direct quotes* are spans between paired quotation marks: straight "...", curly “...”, low-high
„...“ and „...”, «guillemets» (and »reversed«), ‹single guillemets›, and ‘single curly’ quotes when
the marks stand at word edges (so the apostrophe of "Kosovo’s" or "don’t" never opens or closes a
quote). Straight single quotes are not used (they are apostrophes far too often). A quote does not
run across a paragraph break. The content is the text inside the marks without the trailing comma
or full stop.

The *speaker* and *cue* (reporting verb) are looked for, in this order:

1. right after the closing mark: "...,” said Stoltenberg." / "...,” the NATO chief remarked." /
   "...,” he asserted." / "...,” Kurti told reporters.";
2. right before the opening mark in the same sentence: "Kurti told reporters, “...”";
   a participle ("..., stating unequivocally that “...”") belongs to the sentence's subject;
3. elsewhere in the sentence before the quote ("Kurti has declared ... “yesterday rather than
   tomorrow”") or after it ("... „out of control,” and ..., he said.");
4. a quote with no cue of its own that follows an attributed quote in the same or the next
   sentence continues it and takes its speaker (a quote split across two sentences).

Reporting verbs inside quotation marks are never cues. A quoted phrase of four words or fewer with
no cue (a scare quote such as „out of control” or “peace plan”) is not a statement and is left out
(``extract(text, scare=True)`` keeps it with kind "scare"). A longer quote with no cue is kept with
an empty speaker.

*Indirect quotes* are found in sentences without direct quotes: "X said (that) ...", "X told
reporters ...", "X warned that ...", "X stated unequivocally that ...", "X urged Y to ...",
"according to X, ..." / "..., according to X", and "..., X said." Verbs that also take a plain
object (stated, noted, emphasised, confirmed ...) count only with "that", so "he emphasized the
critical nature of peace" is no quote. The content is the reported clause to the end of the
sentence.

Speakers are kept as written (a name, a title such as "the NATO chief", or a pronoun such as
"he"); ``quote_table`` resolves them to actors through the `mentions` table: the mention inside the
speaker span (a person or office before an organisation, so "NATO Secretary-General Jens
Stoltenberg" is Stoltenberg; with two coordinated speakers, the first), and for "he"/"she" the
pronoun mention, or, when the last named person is further back than the mentions' pronoun window,
the latest person of that pronoun mentioned before the quote (quotes by "he" run on for paragraphs
after the speaker was named). English only; parenthetical attributions ("The deal, Borrell said,
was historic") and quotes running over a paragraph break are not found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from presslens.ingest import sentences as splitter
from presslens.pipeline import resources_io

COLUMNS = [
    "sent_id",
    "speaker",
    "cue",
    "content",
    "kind",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
]
TABLE_COLUMNS = [
    "article_id",
    "sent_id",
    "speaker",
    "speaker_actor",
    "cue",
    "content",
    "kind",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
]
SCARE_MAX_WORDS = 4  # a quote this short with no cue is a scare quote
MIN_INDIRECT_WORDS = 3  # reported content shorter than this is no statement
MASK = "\x00"  # quoted text is blanked with this before looking for cues

WORDS = resources_io.load("attribution.yaml")  # the word lists of attribution, as data


def _alternatives(key: str) -> str:
    """A list of the attribution resource as regular-expression alternatives, in its order."""
    return "|".join(WORDS[key])


_OBJ = f"(?:{_alternatives('told_objects')})"
_TOLD = rf"(?:told|tells|telling)(?:\s+{_OBJ})?"
BARE = "|".join(_TOLD if w == "<told>" else w for w in WORDS["bare"])  # with or without "that"
THAT = _alternatives("that")  # only with "that" (they also take a plain object)
URGE = _alternatives("urge")  # with their object and infinitive ("urged NATO to increase ...")
CUE = rf"(?:{BARE}|{THAT}|{URGE})"
_ADV = r"(?:\w+ly)"
_NAME_STOP = rf"(?!(?:{_alternatives('not_names')})\b)"
_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*\w|[A-Z])"
_PARTICLE = r"(?:of\s+the\s+|of\s+|von\s+der\s+|van\s+|de\s+|al-)?"
NAME = rf"(?:{_NAME_STOP}{_TOKEN}(?:\s+{_PARTICLE}{_TOKEN}){{0,5}})"
ROLE = f"(?:{_alternatives('roles')})"
TITLE = rf"(?:(?:[Tt]he\s+)?(?:{NAME}\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?{ROLE}(?:,?\s+{NAME})?)"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
ONE = rf"(?:{TITLE}|(?:[Tt]he\s+)?{NAME}|{PRONOUN})"
SPEAKER = rf"(?:{ONE}(?:\s+and\s+{ONE})?)"
_AUX = rf"(?:(?:{_alternatives('auxiliaries')})\s+)"

_QUOTE = re.compile(
    r"“(?P<a>[^“”\n]{1,3000})”"
    r"|„(?P<b>[^„“”\n]{1,3000})[“”]"
    r"|«(?P<c>[^«»\n]{1,3000})»"
    r"|»(?P<d>[^«»\n]{1,3000})«"
    r"|‹(?P<e>[^‹›\n]{1,3000})›"
    r'|"(?P<f>[^"\n]{1,3000})"'
    r"|(?<!\w)‘(?P<g>(?:[^‘’\n]|’(?=\w)){1,3000})’(?!\w)"
)
_AFTER = re.compile(
    rf"[\s,;:—–\-]*(?:(?P<cue1>{CUE})(?:\s+{_ADV})?\s+(?P<spk1>{SPEAKER})"
    rf"|(?P<spk2>{SPEAKER})\s+{_AUX}{{0,2}}(?:{_ADV}\s+)?(?P<cue2>{CUE}))\b"
)
_BEFORE_END = re.compile(
    rf"(?P<spk>{SPEAKER})\s+{_AUX}{{0,2}}(?:{_ADV}\s+)?(?P<cue>{CUE})(?:\s+{_ADV})?(?:\s+that)?[\s,:—–]*$"
)
_PARTICIPLE_END = re.compile(
    rf",\s*(?P<cue>saying|stating|adding|warning|noting|insisting|arguing|declaring|stressing|emphasi[sz]ing|telling(?:\s+{_OBJ})?|writing)"
    rf"(?:\s+{_ADV})?(?:\s+that)?[\s,:—–]*$"
)
_SUBJECT = re.compile(rf"(?:^|,\s+)(?P<spk>{SPEAKER})\s+{_AUX}{{0,2}}(?:{_ADV}\s+)?[a-z]+\b")
_ANYWHERE = re.compile(rf"(?P<spk>{SPEAKER})\s+{_AUX}{{0,2}}(?:{_ADV}\s+)?(?P<cue>{CUE})\b")
_TRAILING = re.compile(
    rf",\s+(?:(?P<spk1>{SPEAKER})\s+(?:{_ADV}\s+)?(?P<cue1>{BARE})|(?P<cue2>said|says|added|warned)\s+(?P<spk2>{SPEAKER}))(?:\s+[^,.;!?]{{0,40}})?[.!?]?$"
)
_INTRO = (
    r"(?:(?:during|at|in|on|after|before|following|earlier|later|last|this|to|in\s+a"
    r"|on\s+[A-Z]\w+|[A-Z][a-z]+day)\b[^.;:!?]{0,80}?\s+)"
)
_CUE_ANY = re.compile(rf"\b(?:{CUE}|[Aa]ccording\s+to)\b")
_INDIRECT = re.compile(
    rf"(?<![\w’'\-])(?=[A-Za-z])(?P<spk>{SPEAKER})\s+{_AUX}{{0,2}}(?:{_ADV}\s+)?"
    rf"(?:(?P<cue1>{BARE})(?:\s+{_ADV})?\s+(?:{_INTRO}?that\s+)?"
    rf"|(?P<cue2>{THAT})(?:\s+{_ADV})?\s+(?:{_INTRO})?that\s+"
    rf"|(?P<cue3>{URGE})\s+)"
    r"(?P<content>\S.*)"
)
_ACCORDING = re.compile(
    r"(?P<cue>[Aa]ccording\s+to)\s+(?P<spk>[^,.;:!?\n]{2,80}?)(?=\s*(?:[,.;:!?]|$))"
)
_WORD = re.compile(r"\w+")
_NOT_SPEAKERS = {"it", "this", "that", "there"}
_PRONOUNS = {"he", "she", "they"}


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


def quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(open, close_end, content_start, content_end) of every paired quotation in `text`."""
    out = []
    for m in _QUOTE.finditer(text):
        g = m.lastgroup or ""
        out.append((m.start(), m.end(), m.start(g), m.end(g)))
    return out


def mask_quotes(text: str, spans: Sequence[tuple[int, int, int, int]]) -> str:
    """`text` with every quotation (marks included) blanked, so verbs inside quotes are never
    cues."""
    parts, last = [], 0
    for qo, qe, _, _ in spans:
        parts += [text[last:qo], MASK * (qe - qo)]
        last = qe
    parts.append(text[last:])
    return "".join(parts)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Offsets of text[a:b] without blanks and commas around it and a trailing full stop or dash."""
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",.;:—–"):
        b -= 1
    return a, b


def _speaker(m: re.Match[str], groups: tuple[str, ...], base: int) -> tuple[str, tuple[int, int]]:
    """The first speaker group that matched, with its offsets shifted by `base`."""
    for g in groups:
        if m.group(g):
            a, b = m.span(g)
            return m.group(g), (base + a, base + b)
    return "", (-1, -1)


def _cue(m: re.Match[str], groups: tuple[str, ...]) -> str:
    """The first cue group that matched, blanks collapsed."""
    for g in groups:
        if m.group(g):
            return " ".join(m.group(g).split())
    return ""


def _valid_speaker(s: str) -> bool:
    """A speaker is not a bare 'it' / 'this'."""
    return bool(s) and s.lower() not in _NOT_SPEAKERS


def _attribute(
    masked: str, qo: int, qe: int, s_start: int, s_end: int, prev_end: int
) -> tuple[str, str, tuple[int, int]]:
    """(speaker, cue, speaker offsets) of the direct quote at masked[qo:qe], or empty when none is
    found."""
    window = masked[qe:s_end]
    cut = window.find(MASK)
    window = window if cut < 0 else window[:cut]
    m = _AFTER.match(window)
    if m and _valid_speaker(m.group("spk1") or m.group("spk2") or ""):
        spk, sp = _speaker(m, ("spk1", "spk2"), qe)
        return spk, _cue(m, ("cue1", "cue2")), sp
    lo = max(s_start, prev_end)
    before = masked[lo:qo]
    m = _BEFORE_END.search(before)
    if m and _valid_speaker(m.group("spk")):
        spk, sp = _speaker(m, ("spk",), lo)
        return spk, _cue(m, ("cue",)), sp
    m = _PARTICIPLE_END.search(before)
    if m:
        subj = _SUBJECT.search(masked[s_start : lo + m.start()])
        if subj:
            spk, sp = _speaker(subj, ("spk",), s_start)
            return spk, _cue(m, ("cue",)), sp
    hits = [h for h in _ANYWHERE.finditer(before) if _valid_speaker(h.group("spk"))]
    if hits:
        spk, sp = _speaker(hits[-1], ("spk",), lo)
        return spk, _cue(hits[-1], ("cue",)), sp
    tail = masked[qe:s_end]
    m = _TRAILING.search(tail) or _ANYWHERE.search(tail)
    if m and _valid_speaker(
        next((m.group(g) for g in m.re.groupindex if g.startswith("spk") and m.group(g)), "")
    ):
        names = tuple(g for g in ("spk", "spk1", "spk2") if g in m.re.groupindex)
        spk, sp = _speaker(m, names, qe)
        return spk, _cue(m, tuple(g for g in ("cue", "cue1", "cue2") if g in m.re.groupindex)), sp
    return "", "", (-1, -1)


def _direct(
    text: str,
    masked: str,
    qspans: list[tuple[int, int, int, int]],
    sents: list[tuple[int, int]],
    *,
    scare: bool,
) -> list[_Quote]:
    """The direct quotes of a text with their speakers."""
    starts = [a for a, _ in sents]
    out: list[_Quote] = []
    last: _Quote | None = None
    prev_end = 0
    for qo, qe, a, b in qspans:
        a, b = _trim(text, a, b)
        if a >= b:
            continue
        si = _index(starts, a)
        s_start, _ = sents[_index(starts, qo)] if sents else (0, len(text))
        k = _index(starts, max(qe - 1, 0))
        s_end = max(sents[k][1] if sents else len(text), qe)
        if text[b - 1] in "?!" and not masked[qe:s_end].strip() and k + 1 < len(sents):
            s_end = sents[k + 1][
                1
            ]  # “... ?” Vucic asked. -- the splitter ends the sentence at the question mark
        speaker, cue, sp = _attribute(masked, qo, qe, s_start, s_end, prev_end)
        prev_end = qe
        if (
            not cue
            and last is not None
            and last.cue
            and si - last.sent <= 1
            and last.kind == "direct"
        ):
            speaker, cue, sp = last.speaker, last.cue, last.sp  # the same speaker goes on
        kind = "direct"
        if not cue and len(_WORD.findall(text[a:b])) <= SCARE_MAX_WORDS:
            if not scare:
                continue
            kind = "scare"
        q = _Quote(si, speaker, cue, a, b, kind, sp)
        out.append(q)
        last = q
    return out


def _indirect_in(text: str, sent: str, base: int, si: int) -> _Quote | None:
    """The first indirect (reported) statement of one sentence without quotation marks."""
    if not _CUE_ANY.search(sent):
        return None
    for m in _INDIRECT.finditer(sent):
        spk = m.group("spk")
        if not _valid_speaker(spk):
            continue
        a, b = _trim(text, base + m.start("content"), base + len(sent))
        if len(_WORD.findall(text[a:b])) >= MIN_INDIRECT_WORDS:
            return _Quote(
                si,
                spk,
                _cue(m, ("cue1", "cue2", "cue3")),
                a,
                b,
                "indirect",
                (base + m.start("spk"), base + m.end("spk")),
            )
    m = _ACCORDING.search(sent)
    if m:
        if sent[: m.start()].strip(" ,"):
            a, b = _trim(text, base, base + m.start())
        else:
            a, b = _trim(text, base + m.end(), base + len(sent))
        if len(_WORD.findall(text[a:b])) >= MIN_INDIRECT_WORDS:
            return _Quote(
                si,
                m.group("spk"),
                " ".join(m.group("cue").split()),
                a,
                b,
                "indirect",
                (base + m.start("spk"), base + m.end("spk")),
            )
    m = _TRAILING.search(sent)
    if m and _valid_speaker(m.group("spk1") or m.group("spk2") or ""):
        a, b = _trim(text, base, base + m.start())
        if len(_WORD.findall(text[a:b])) >= MIN_INDIRECT_WORDS:
            spk, sp = _speaker(m, ("spk1", "spk2"), base)
            return _Quote(si, spk, _cue(m, ("cue1", "cue2")), a, b, "indirect", sp)
    return None


def _index(starts: list[int], pos: int) -> int:
    """0-based index of the sentence starting at or before `pos`."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def _rows(text: str, sents: list[tuple[int, int]], *, scare: bool) -> list[_Quote]:
    """Direct then indirect quotes of one text, in offset order."""
    qspans = quote_spans(text)
    masked = mask_quotes(text, qspans)
    found = _direct(text, masked, qspans, sents, scare=scare)
    for si, (s_start, s_end) in enumerate(sents):
        sent = masked[s_start:s_end]
        if MASK in sent:
            continue  # sentences with direct quotes are attributed above
        q = _indirect_in(text, sent, s_start, si)
        if q is not None:
            found.append(q)
    return sorted(found, key=lambda q: (q.start, q.end))


def extract(
    text: str, *, sentences: Sequence[tuple[int, int]] | None = None, scare: bool = False
) -> pd.DataFrame:
    """Direct and indirect quotes of any text: sent_id, speaker, cue, content, kind, start, end,
    speaker offsets."""
    text = text if isinstance(text, str) else ""
    sents = sorted(sentences if sentences is not None else splitter.spans(text))
    rows = [
        (
            q.sent + 1,
            q.speaker,
            q.cue,
            text[q.start : q.end],
            q.kind,
            q.start,
            q.end,
            q.sp[0],
            q.sp[1],
        )
        for q in _rows(text, sents, scare=scare)
    ]
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype(
        {c: "int64" for c in ["sent_id", "start", "end", "speaker_start", "speaker_end"]}
    )


def _speaker_actor(
    q: _Quote, speaker: str, mentions: list[tuple[int, int, str]], people: dict[str, str]
) -> str:
    """The actor behind a quote's speaker: the best mention in the speaker span, else for he/she the
    latest person."""
    a, b = q.sp
    if a < 0:
        return ""

    def is_person(actor: str) -> bool:
        return actor in people or actor.startswith("office:")

    inside = [
        (not is_person(actor), start, actor)
        for start, end, actor in mentions
        if start < b and end > a
    ]
    # a person (or office) wins over the organisation in "NATO Secretary-General Jens
    # Stoltenberg"
    if inside:
        return min(inside)[2]
    word = speaker.lower()
    if word in _PRONOUNS - {
        "they"
    }:  # no pronoun mention in reach: the latest person of that pronoun before it
        for start, _, actor in reversed(mentions):
            if start < a and is_person(actor) and people.get(actor, "") in (word, ""):
                return actor
    return ""


def _mentions_by_article(mentions: pd.DataFrame) -> dict[object, list[tuple[int, int, str]]]:
    """Each article's actor mentions as (start, end, actor), in text order."""
    out: dict[object, list[tuple[int, int, str]]] = {}
    if not len(mentions):
        return out
    rows = zip(
        mentions["article_id"],
        mentions["start"].astype(int),
        mentions["end"].astype(int),
        mentions["actor"].astype(str),
    )
    for aid, start, end, actor in sorted(rows, key=lambda r: (str(r[0]), r[1])):
        out.setdefault(aid, []).append((start, end, actor))
    return out


def quote_table(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    actors_file: str = "actors.yaml",
    scare: bool = False,
) -> pd.DataFrame:
    """The `quotes` table: quotes of the articles with status ok, speakers resolved to actors via
    `mentions`."""
    from presslens.extract import actors

    lex = actors.lexicon(actors_file)
    people = {a: lex.pronouns.get(a, "") for a, t in lex.types.items() if t == "person"}
    if (
        "actor_type" in mentions.columns
    ):  # people of another actors file, known from the mentions themselves
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
    m_by = _mentions_by_article(mentions)
    rows = []
    for aid, text in zip(ok["article_id"], ok["text"]):
        sents = by_article.get(aid)
        if sents is None or not isinstance(text, str):
            continue
        spans = list(zip(sents["start"].astype(int), sents["end"].astype(int)))
        ids = sents["sent_id"].astype(int).tolist()
        for q in _rows(text, spans, scare=scare):
            actor = _speaker_actor(q, q.speaker, m_by.get(aid, []), people)
            quote = (q.speaker, actor, q.cue, text[q.start : q.end], q.kind, q.start, q.end)
            rows.append((aid, ids[q.sent], *quote, q.sp[0], q.sp[1]))
    out = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    out = out.astype(
        {c: "int64" for c in ["sent_id", "start", "end", "speaker_start", "speaker_end"]}
    )
    return out.sort_values(["article_id", "start"], kind="mergesort").reset_index(drop=True)


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
        return pd.DataFrame(
            {
                "outlet": pd.Series(dtype="str"),
                "actor": pd.Series(dtype="str"),
                "mentions": pd.Series(dtype="int64"),
                "quotes": pd.Series(dtype="int64"),
            }
        )
    return out.sort_values(
        ["outlet", "quotes", "mentions", "actor"],
        ascending=[True, False, False, True],
        kind="mergesort",
    ).reset_index(drop=True)
