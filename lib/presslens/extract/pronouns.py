"""Pronouns of speech ("he said", "she added", "said he") resolved to the person they name.

A pronoun resolves to the latest person mentioned before it, in its sentence or the previous
``window`` sentences, whose pronoun fits (presslens.extract.actors), but never across a name
presslens does not know ("Gurule, a law professor, said ... he"), never to a name used as a
modifier ("a Trump supporter said he ...") and never to a person named inside the quotation the
pronoun's verb attributes ("“... Ted Cruz is best placed ...,” he said").
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from presslens.core import resources

SPEECH_VERBS = "|".join(resources.load("attribution.yaml")["pronoun_speech"])
_PRONOUN = re.compile(
    rf"\b(?P<p>[Hh]e|[Ss]he)\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+|\w+ly\s+){{0,2}}"
    rf"(?:{SPEECH_VERBS})\b|\b(?:{SPEECH_VERBS})\s+(?P<q>he|she)\b"
)


def _is_person(actor: str, lex: Any) -> bool:
    """People and offices held by people count as antecedents of a pronoun."""
    return lex.types.get(actor) == "person" or actor.startswith("office:")


def resolve(
    text: str,
    found: list[tuple[int, int, str, str]],
    sent_of: list[int],
    *,
    lex: Any,
    window: int,
) -> list[tuple[int, int, str, str]]:
    """Add pronoun mentions of speech ("he said") resolved to the latest person in reach."""
    pron = []
    for m in _PRONOUN.finditer(text):
        g = "p" if m.group("p") else "q"
        pron.append((m.start(g), m.end(g), m.group(g).lower()))
    if not pron:
        return found
    quoted = _quote_spans(text)
    out: list[tuple[int, int, str, str]] = []
    people: list[tuple[int, int, str]] = []  # (end, sentence index, actor)
    events = sorted(
        [(f[0], 0, f) for f in found] + [(p[0], 1, p) for p in pron], key=lambda e: (e[0], e[1])
    )
    for _, kind, item in events:
        if kind == 0:
            out.append(item)  # type: ignore[arg-type]
            if _is_person(item[2], lex) and not _modifier(text, item[1]):  # type: ignore[index]
                people.append((item[1], _sentence_index(sent_of, item[0]), item[2]))  # type: ignore[index]
            continue
        a, b, word = item  # type: ignore[misc]
        here = _sentence_index(sent_of, a)
        for end, si, actor in reversed(people):
            if here - si > window or _unknown_name(text, end, a, found):
                break  # a name presslens does not know stands between: it may be "he"
            if any(qo < end <= qe <= a for qo, qe in quoted):
                continue  # “... Ted Cruz is best placed ...,” he said: not Cruz
            if lex.pronouns.get(actor, word) == word:
                out.append((a, b, actor, "pronoun"))
                people.append((b, here, actor))
                break
    return out


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


_NEXT_WORD = re.compile(r"(?:[’']s)?[^\S\n]+([a-z]+)\b")


def _modifier(text: str, end: int) -> bool:
    """Whether a name modifies the noun after it ("a Trump supporter said he ...": the supporter
    says, not Trump): a lower-case word that is no verb, auxiliary or function word follows."""
    from presslens.extract import names

    m = _NEXT_WORD.match(text, end)
    if not m or text[end : end + 1] in "’'":
        return False
    word, w = m.group(1), names.words()
    return word not in _FUNCTION and word.capitalize() not in w.verbs and not word.endswith("ed")


_FUNCTION = frozenset(resources.load("function_words.yaml")["english"])


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close_end) of the quotations of a text (presslens.extract.quote_marks)."""
    from presslens.extract import quote_marks

    return [(qo, qe) for qo, qe, _, _ in quote_marks.quote_spans(text)]


def _unknown_name(text: str, lo: int, hi: int, found: list[tuple[int, int, str, str]]) -> bool:
    """Whether text[lo:hi] holds a capitalised word that is no mention and no English word,
    title or date: a person's name presslens does not know ("Gurule said ... he")."""
    from presslens.extract import names

    w = names.words()
    for m in _CAPITALISED.finditer(text, lo, hi):
        word = m.group()
        if word.lower() in w.known or word in w.places or word in w.dates or word in w.never:
            continue
        if (word,) in w.titles or word in w.demonyms or word in w.modifiers:
            continue
        if not any(s <= m.start() < e for s, e, _, _ in found):
            return True
    return False


def _sentence_index(starts: list[int], pos: int) -> int:
    """0-based index of the sentence starting at or before `pos`."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)
