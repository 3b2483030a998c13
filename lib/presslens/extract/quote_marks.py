"""Quotation marks in every house style: which stretches of a text are quoted.

``quote_spans(text)`` pairs the marks: curly quotes, guillemets, low-high quotes as written;
straight double quotes in turn within a paragraph, where a mark that would open but stands after
a comma, "?" or "!" with an attribution after it closes a quote that lost its opening mark; two
apostrophes (''...'') and straight single quotes by their shape (never the apostrophes of
don't, Jones' or '90s), single quotes as the outer mark only in an article that shows the style;
a quoted paragraph with no closing mark that the next paragraph continues with an opening mark;
an opening mark after a colon or a reporting verb whose quote never closes, to the end of its
paragraph, and a closing mark with an attribution after it whose opening mark was lost, from the
start of its paragraph; and embedded tweets before their signature line. ``mask_quotes`` blanks
the quoted text so that verbs inside quotes are never cues (used by presslens.extract.quotes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from presslens.extract.attribution_cues import AFTER, DIRECT_CUE
from presslens.extract.timeline.lexicon import MONTH_ABBREVIATIONS

Span = tuple[int, int, int, int]  # quotation: open, close_end, content_start, content_end
MASK = "\x00"  # quoted text is blanked with this before looking for cues
_SENT_END = re.compile(r"[.?!][\"']?\s+(?=[A-Z\"'])")  # where a sentence ends before a quote
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
_MONTH = r"(?:" + "|".join(MONTH_ABBREVIATIONS) + r")[a-z]{0,6}\.?"
_TWEET_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
SIGNATURE = re.compile(  # "— Donald J. Trump (@realDonaldTrump) March 3, 2016", "-@handle"
    r"[\s>]*(?:(?:pic\.twitter\.com/\w+|https?://\S+)[\s>]*)*(?P<dash>[—–]|--?)[ \t]*"
    r"(?:(?P<name>[^\s()@—–][^\n()@—–]{0,80}?)[ \t]*\([ \t]*(?P<h1>@\w{1,15})[ \t]*\)[ \t]*"
    rf"{_TWEET_DATE}|(?P<h2>@\w{{1,15}})(?:[ \t]*{_TWEET_DATE})?(?=[ \t]*(?:$|[\n.]|\s+[A-Z])))"
)
TWEET_MAX = 280  # characters of a tweet: its text is the sentences before a signature within it
_SINGLE_MARK = re.compile(r"'(?=[A-Za-z0-9])")  # a straight single quote before a word
_SINGLE_LEAD = re.compile(rf"(?:[:,]\s*|(?i:\b{DIRECT_CUE})\s+)\Z")  # what must precede it
_LEAD_REACH = 60  # characters before the mark searched for the colon or reporting verb
_SINGLE_CLOSE = re.compile(r"(?<=\S)'(?!\w)|(?<=[.?!,])'(?=[A-Z])")
_GLUED = re.compile(r"[.?!]'[A-Z]")  # a quote ends, the next one starts: "blood.'All the trees"
_GLUED_END = re.compile(r"[.?!]'")


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


def _may_lead(lead: str) -> bool:
    """Whether _SINGLE_LEAD may match `lead` (a fast necessary test): its match ends at the end
    with ":", "," or a blank (both branches end so), so the last character is one of those."""
    return lead[-1:] in (":", ",") or lead[-1:].isspace()


def _single(text: str) -> list[Span]:
    """Straight single quotes after a colon or a reporting verb ("said: 'For the forest ...'"),
    and the quotes glued to them after a sentence end (".'All the trees ... place.'")."""
    out: list[Span] = []
    for m in _SINGLE_MARK.finditer(text):
        lead = text[max(0, m.start() - _LEAD_REACH) : m.start()]
        if not _may_lead(lead) or not _SINGLE_LEAD.search(lead):
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


_OPENER = re.compile(r"[“„«‹‚]|(?<![\w'])''(?=\S)|(?<![\w\"])\"(?=\S)")
_CLOSER = re.compile(r"(?<=\S)[”»›“](?!\w)|(?<=\S)''(?![\w'])")  # “ closes „...“
_MARK = re.compile(r"[\"“”„«»‹›‚]|''")
_LEAD = re.compile(rf"(?:[:,]\s*|(?i:\b{DIRECT_CUE})\s+|^\s*)\Z")


def _unpaired(text: str, spans: list[Span]) -> list[Span]:
    """Quotes whose other mark was lost (a quote cut by an export, a closing mark missing): an
    opening mark after a colon, a reporting verb or at a paragraph's start with no other mark
    after it in its paragraph runs to the paragraph's end; a closing mark with no other mark
    before it in its paragraph and an attribution after it closes a quote from the paragraph's
    start."""
    out: list[Span] = []

    def free(i: int) -> bool:
        return not any(qo <= i < qe for qo, qe, _, _ in spans)

    for m in _OPENER.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        start = text.rfind("\n", 0, m.start()) + 1
        if not free(m.start()) or _MARK.search(text, m.end(), end):
            continue
        if _LEAD.search(text[max(start, m.start() - 60) : m.start()]):
            e = m.end() + len(text[m.end() : end].rstrip())
            out += [(m.start(), e, m.end(), e)] if e > m.end() else []
    for m in _CLOSER.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if (
            free(m.start())
            and not _MARK.search(text, start, m.start())
            and AFTER.match(text, m.end())
        ):
            a = start + len(text[start : m.start()]) - len(text[start : m.start()].lstrip())
            out += [(a, m.end(), a, m.start())] if a < m.start() else []
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
    """(open, close_end, content_start, content_end) of every paired quotation in `text` (see
    _spans; the mention and quote stages both ask for an article's quotations, found once)."""
    return list(_spans(text))


@functools.lru_cache(maxsize=4096)  # a partition's articles (the texts are held anyway)
def _spans(text: str) -> tuple[Span, ...]:
    """(open, close_end, content_start, content_end) of every paired quotation in `text` (an
    outer quotation wins over one inside it); close_end == content_end for a paragraph that runs
    on (see CONTINUES) and for an embedded tweet without marks (before its signature)."""
    pairs = list(_QUOTE.finditer(text))
    if any(m.lastgroup == "c" for m in pairs):  # «...»: a »...« is two quotes' edges
        pairs = [m for m in pairs if m.lastgroup != "d"]
    found = [(m.start(), m.end(), m.start(m.lastgroup or ""), m.end(m.lastgroup or ""))
             for m in pairs]  # fmt: skip
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
    found += _unpaired(text, found)
    out: list[Span] = []
    for q in sorted(found, key=lambda q: (q[0], -q[1])):
        if not out or q[0] >= out[-1][1]:
            out.append(q)
    return tuple(out)


def mask_quotes(text: str, spans: Sequence[Span]) -> str:
    """`text` with every quotation (marks included) blanked, so verbs inside quotes are never
    cues."""
    parts, last = [], 0
    for qo, qe, _, _ in spans:
        parts += [text[last:qo], MASK * (qe - qo)]
        last = qe
    parts.append(text[last:])
    return "".join(parts)
