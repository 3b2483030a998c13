"""Who says what: direct quotes in any quotation style and indirect (reported) speech.

``extract(text)`` works on any text. Direct quotes are spans between paired quotation marks (straight
"...", curly “...”, low-high „...“ or „...”, «guillemets», ‹single›, and ‘single curly’). The speaker
is found next to a reporting verb (said, told, stated, asserted, remarked, warned ...) after the
quote ("...,” said Stoltenberg" / "...,” the NATO chief remarked") or before it in the same sentence
("Kurti told reporters, “...”"); a quote with no cue that directly follows an attributed one in the
next sentence takes its speaker. Short quoted phrases (four words or fewer) with no reporting verb
in the sentence are scare quotes, not statements, and are left out. Indirect quotes are "X said
(that) ...", "X told reporters ...", "according to X, ...". Speakers are surface strings (a name,
a title such as "the NATO chief", or a pronoun); ``quote_table`` resolves them to actors through
the `mentions` table.
"""

from __future__ import annotations

import re

import pandas as pd

from presslens import sentences as splitter

COLUMNS = ["sent_id", "speaker", "cue", "content", "kind", "start", "end", "speaker_start", "speaker_end"]
TABLE_COLUMNS = ["article_id", "sent_id", "speaker", "speaker_actor", "cue", "content", "kind", "start", "end", "speaker_start", "speaker_end"]
VERBS = (
    r"said|says|stated|states|told(?:\s+reporters|\s+journalists|\s+\w+)?|asserted|remarked|added|warned|cautioned|noted|argued|insisted|"
    r"stressed|explained|emphasi[sz]ed|declared|announced|confirmed|urged|suggested|affirmed|reiterated|highlighted|wrote|tweeted|"
    r"replied|responded|admitted|acknowledged|claimed|stating|saying|adding|warning|telling\s+\w+"
)
PAIRS = [("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("‹", "›"), ('"', '"'), ("‘", "’")]
_QUOTE = re.compile("|".join(rf"{re.escape(o)}(?P<q{i}>[^{re.escape(o + c)}\n]{{1,1500}}?){re.escape(c)}" for i, (o, c) in enumerate(PAIRS)))
NAME = r"(?:[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*){0,4})"
ROLE = r"(?:chief|head|leader|minister|president|spokesperson|spokesman|spokeswoman|official|officials|alliance|secretary[- ]general|ambassador|envoy|diplomat)"
TITLE = rf"(?:(?:the\s+|{NAME}['’]s?\s+)(?:[\w’'\-]+\s+){{0,4}}?{ROLE}(?:\s+{NAME})?)"
SPEAKER = rf"(?P<spk>{TITLE}|{NAME}|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
NOT_NAMES = {"In", "The", "A", "An", "As", "On", "At", "During", "After", "Before", "But", "And", "While", "When", "By", "For", "With", "From", "This", "That", "However", "Speaking"}
_NAME_RE = re.compile(NAME)
_AFTER = re.compile(rf"^[\s,]*(?:(?P<cue1>{VERBS})\s+{SPEAKER.replace('spk', 'spk1')}|{SPEAKER.replace('spk', 'spk2')}\s+(?:\w+ly\s+)?(?P<cue2>{VERBS}))")
_BEFORE = re.compile(rf"{SPEAKER}\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:\w+ly\s+)?(?P<cue>{VERBS})(?:\s+\w+ly)?(?:\s+that)?[\s,:]*$")
_BEFORE_ANY = re.compile(rf"(?P<cue>{VERBS})\b")
_INDIRECT = re.compile(rf"{SPEAKER}\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:\w+ly\s+)?(?P<cue>said|says|told\s+reporters|warned|stated|confirmed|suggested|argued|insisted|noted|added|claimed)\s+(?:that\s+)?(?P<content>[^“”„«»\"]+)")
_ACCORDING = re.compile(rf"(?P<cue>[Aa]ccording to)\s+{SPEAKER}")
_SPEECH_IN = re.compile(rf"\b(?:{VERBS}|[Aa]ccording to)\b")
_PRONOUN_SUBJ = re.compile(r"^(?:he|she|they|it)$", re.I)


def _quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(open, close_end, content_start, content_end) of every paired quotation."""
    out = []
    for m in _QUOTE.finditer(text):
        g = next(k for k, v in m.groupdict().items() if v is not None)
        out.append((m.start(), m.end(), m.start(g), m.end(g)))
    return out


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i
    return max(0, len(spans) - 1)


def extract(text: str) -> pd.DataFrame:
    """Direct and indirect quotes of any text: sent_id, speaker, cue, content, kind, start, end, speaker offsets."""
    spans = list(splitter.spans(text))
    rows = []
    covered: list[tuple[int, int]] = []
    last: dict | None = None
    for qo, qe, a, b in _quote_spans(text):
        content = text[a:b].strip(" ,.")
        if not content:
            continue
        si = _sentence_of(spans, a)
        s_start, s_end = spans[si] if spans else (0, len(text))
        e_end = spans[_sentence_of(spans, qe - 1)][1] if spans else len(text)
        speaker, cue, sp = "", "", (-1, -1)
        after = _AFTER.match(text[qe:e_end + 1] if qe < e_end else "")
        if after:
            k = "1" if after.group("spk1") else "2"
            speaker, cue = after.group(f"spk{k}"), after.group(f"cue{k}")
            sp = (qe + after.start(f"spk{k}"), qe + after.end(f"spk{k}"))
        else:
            before_text = text[s_start:qo]
            bm = _BEFORE.search(before_text)
            if bm:
                speaker, cue, sp = bm.group("spk"), bm.group("cue"), (s_start + bm.start("spk"), s_start + bm.end("spk"))
            elif _BEFORE_ANY.search(before_text):
                cm = list(_BEFORE_ANY.finditer(before_text))[-1]
                cue = cm.group("cue")
                names = [n for n in _NAME_RE.finditer(before_text[: cm.start()]) if n.group() not in NOT_NAMES]
                if names:  # a participle ("..., stating that") belongs to the sentence's subject
                    pick = names[0] if cue.endswith("ing") else names[-1]
                    speaker, sp = pick.group(), (s_start + pick.start(), s_start + pick.end())
            else:
                tail = re.search(rf"{SPEAKER}\s+(?:\w+ly\s+)?(?P<cue>{VERBS})\b", text[qe:e_end])
                if tail and tail.group("spk").split()[0] not in NOT_NAMES:
                    speaker, cue, sp = tail.group("spk"), tail.group("cue"), (qe + tail.start("spk"), qe + tail.end("spk"))
        if speaker.endswith(".") and len(speaker.split()[-1]) > 3:
            speaker, sp = speaker[:-1], (sp[0], sp[1] - 1)
        n_words = len(content.split())
        if not cue and last is not None and last["sent"] >= si - 1 and last["speaker"]:
            speaker, cue, sp = last["speaker"], last["cue"], last["sp"]  # the next quote of the same speaker
        if not cue and n_words <= 4 and not _SPEECH_IN.search(text[s_start:s_end]):
            continue  # a scare quote, not a statement
        if not cue and not speaker:
            if n_words <= 4:
                continue
        if not cue and _SPEECH_IN.search(text[s_start:s_end]):
            cm = _SPEECH_IN.search(text[s_start:s_end])
            cue = cm.group()
        start = a + (len(text[a:b]) - len(text[a:b].lstrip(" ,.")))
        rows.append(dict(sent_id=si + 1, speaker=speaker, cue=cue, content=text[start:start + len(content)], kind="direct", start=start, end=start + len(content), speaker_start=sp[0], speaker_end=sp[1]))
        covered.append((qo, qe))
        last = {"sent": si, "speaker": speaker, "cue": cue, "sp": sp}
    for si, (s_start, s_end) in enumerate(spans):
        sent = text[s_start:s_end]
        if any(qo < s_end and qe > s_start for qo, qe in covered):
            continue  # the sentence already holds a direct quote
        for m in _INDIRECT.finditer(sent):
            spk = m.group("spk")
            if spk.lower() in {"it"}:
                continue
            c = m.group("content").rstrip(" .")
            if len(c.split()) < 3:
                continue
            rows.append(dict(sent_id=si + 1, speaker=spk, cue=re.sub(r"\s+", " ", m.group("cue")), content=c, kind="indirect", start=s_start + m.start("content"), end=s_start + m.start("content") + len(c), speaker_start=s_start + m.start("spk"), speaker_end=s_start + m.end("spk")))
            break
        else:
            am = _ACCORDING.search(sent)
            if am:
                before = sent[: am.start()].rstrip(" ,")
                after_txt = sent[am.end():].lstrip(" ,")
                if len(before.split()) >= 3:
                    c_start, c = s_start, before
                else:
                    c_start, c = s_start + am.end() + (len(sent[am.end():]) - len(sent[am.end():].lstrip(" ,"))), after_txt.rstrip(" .")
                if len(c.split()) >= 3:
                    rows.append(dict(sent_id=si + 1, speaker=am.group("spk"), cue="according to", content=c, kind="indirect", start=c_start, end=c_start + len(c), speaker_start=s_start + am.start("spk"), speaker_end=s_start + am.end("spk")))
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(["start"], kind="mergesort").reset_index(drop=True).astype({"sent_id": "int64", "start": "int64", "end": "int64", "speaker_start": "int64", "speaker_end": "int64"})


def quote_table(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """The `quotes` table: quotes of every article with the speaker resolved to an actor via `mentions`."""
    rows = []
    sent_ids = {a: g.sort_values("start")[["sent_id", "start", "end"]].to_numpy() for a, g in sentences.groupby("article_id")}
    by_article = {a: g for a, g in mentions.groupby("article_id")} if len(mentions) else {}
    for aid, text in zip(articles["article_id"], articles["text"]):
        if aid not in sent_ids:
            continue
        q = extract(text)
        if q.empty:
            continue
        ids = sent_ids[aid]
        m = by_article.get(aid, pd.DataFrame(columns=["start", "end", "actor"]))
        for rec in q.to_dict("records"):
            sid = next((int(s) for s, a, b in ids if a <= rec["start"] < b), int(ids[-1][0]))
            actor = ""
            if rec["speaker_start"] >= 0:
                hit = m[(m["start"] < rec["speaker_end"]) & (m["end"] > rec["speaker_start"])]
                actor = hit["actor"].iloc[-1] if len(hit) else ""
            rows.append(dict(article_id=aid, **{**rec, "sent_id": sid}, speaker_actor=actor))
    out = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    return out.astype({"sent_id": "int64", "start": "int64", "end": "int64", "speaker_start": "int64", "speaker_end": "int64"})


def quoted_vs_mentioned(quotes: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and actor: how often the actor is mentioned and how often quoted as speaker."""
    outlet = articles.set_index("article_id")["outlet"]
    m = mentions.assign(outlet=mentions["article_id"].map(outlet)).groupby(["outlet", "actor"]).size().rename("mentions")
    q = quotes[quotes["speaker_actor"] != ""]
    q = q.assign(outlet=q["article_id"].map(outlet)).groupby(["outlet", "speaker_actor"]).size().rename("quotes")
    q.index = q.index.set_names(["outlet", "actor"])
    out = pd.concat([m, q], axis=1).fillna(0).astype(int).reset_index()
    return out.sort_values(["outlet", "quotes", "mentions", "actor"], ascending=[True, False, False, True], kind="mergesort").reset_index(drop=True)
