"""What a dated expression dates: the noun phrase it modifies ("the November election",
"Tuesday's primary", "the 2015 Paris agreement", "the summit on Tuesday") or else the nearest
main verb of its clause with its object ("signed the accord", "protests erupted"), the subject of
that verb ("Trump", "the UN"), and the key events are grouped by (the lemma of the head noun or
verb, with the object's head). The word lists are data (``events`` in resources/timex.yaml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from presslens.core import resources

from .tense import CLAUSE_BREAKS, cues

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]|[0-9][0-9,.]*|[^\sA-Za-z0-9]")
_WINDOW = 160
_SPEC = resources.load("timex.yaml")["events"]
_DETERMINERS = frozenset(str(w) for w in _SPEC["determiners"])
_AFTER_NOUN = frozenset(str(w) for w in _SPEC["noun_preps"])
_OBJECT_PREPS = frozenset(str(w) for w in _SPEC["object_preps"])
_TO_FUTURE = frozenset(str(w) for w in _SPEC["to_future"])


@dataclass(frozen=True)
class _Words:
    nouns: frozenset[str]
    not_heads: frozenset[str]
    not_verbs: frozenset[str]
    lemmas: dict[str, str]
    baseline_after: frozenset[str] = frozenset()
    baseline_before: tuple[str, ...] = ()


@functools.lru_cache(maxsize=None)
def words(name: str = "timex.yaml") -> _Words:
    """The event word lists of the resource file (built once)."""
    spec = resources.load(name)["events"]
    c = cues(name)
    return _Words(
        nouns=frozenset(str(w).lower() for w in spec["nouns"]),
        not_heads=frozenset(str(w).lower() for w in spec["not_heads"]) | c.present | c.past,
        not_verbs=frozenset(str(w).lower() for w in spec["not_verbs"]),
        lemmas={str(k).lower(): str(v).lower() for k, v in spec["lemmas"].items()},
        baseline_after=frozenset(str(x).lower() for x in spec.get("baseline_after", [])),
        baseline_before=tuple(str(x).lower() for x in spec.get("baseline_before", [])),
    )


def _baseline(text: str, start: int, end: int, w: _Words) -> bool:
    """Whether the date at text[start:end] is a point of comparison ("below 2005 levels",
    "compared to 1990"), which dates no event."""
    nxt = _tokens(text, end, min(len(text), end + 20))
    if nxt and nxt[0][0].lower() in w.baseline_after:
        return True
    before = " ".join(text[max(0, start - 25) : start].lower().split())
    return before.endswith(w.baseline_before)


def stem(word: str, *, name: str = "timex.yaml") -> str:
    """A crude lemma for grouping: 'elections' -> 'election', 'voted'/'votes' -> 'vot',
    'primaries' -> 'primary', 'won' -> 'win'."""
    w = word.lower().replace("\u2019", "'")
    w = words(name).lemmas.get(w, w)
    if len(w) > 4 and w.endswith(("ies", "ied")):
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)]
    return w


_Token = tuple[str, int, int]  # text, start, end


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _is_word(t: str) -> bool:
    return t[:1].isalpha()


def _noun_run(toks: list[_Token], w: _Words) -> list[str]:
    """The words of the noun phrase at the start of `toks` (at most three, names allowed before a
    lower-case head), up to its head: the last lower-case word."""
    run: list[str] = []
    for t, _, _ in toks[:3]:
        low = t.lower()
        if not _is_word(t) or low in w.not_heads or (low.endswith("ed") and t.islower()):
            break
        run.append(t)
    while run and not run[-1].islower():
        run.pop()
    return run


def _modified_noun(before: list[_Token], after: list[_Token], w: _Words) -> tuple[str, str] | None:
    """(what, key) of the noun phrase the date modifies ("the November election", "Tuesday's
    primary", "the 2015 Paris agreement"), if any; `before` and `after` are the tokens around
    the date."""
    possessive = bool(after) and after[0][0] in ("'s", "\u2019s", "'", "\u2019")
    if possessive:
        after = after[1:]
        if after and after[0][0].lower() == "s":
            after = after[1:]
    det = bool(before) and before[-1][0].lower() in _DETERMINERS
    run = _noun_run(after, w)
    if run and (possessive or det or run[-1].lower() in w.nouns):
        return " ".join(run), stem(run[-1])
    return None


def _noun_before(before: list[_Token], w: _Words) -> str:
    """The event noun right before the date and its preposition ("the summit on Tuesday")."""
    if len(before) >= 2 and before[-1][0].lower() in _AFTER_NOUN:
        head = before[-2][0]
        if head.islower() and head in w.nouns:
            return head
    return ""


def _clause(before: list[_Token], after: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """The tokens of the clause before the date (up to a break) and after it."""
    for k in range(len(before) - 1, -1, -1):
        if before[k][0] in CLAUSE_BREAKS:
            before = before[k + 1 :]
            break
    for k, tok in enumerate(after):
        if tok[0] in CLAUSE_BREAKS:
            after = after[:k]
            break
    return before, after


def _verb_at(toks: list[_Token], i: int, w: _Words) -> bool:
    """Whether toks[i] is a main verb in the past tense, or the verb after "will"/"to"."""
    c = cues()
    t = toks[i][0]
    low = t.lower()
    if not t.islower() or low in w.not_verbs or low in c.auxiliaries:
        return False
    prev = toks[i - 1][0].lower() if i > 0 else ""
    if prev in ("will", "'ll", "to", "would", "shall") and low not in w.not_heads:
        return prev != "to" or (i > 1 and toks[i - 2][0].lower() in _TO_FUTURE)
    if prev in c.auxiliaries:
        return False
    if low in c.past:
        return True
    return low.endswith("ed") and len(low) >= 5 and low not in c.not_past


def _nearest_verb(before: list[_Token], after: list[_Token], w: _Words) -> tuple[list[_Token], int]:
    """The side and index of the main verb nearest the date (before it on a tie); index -1 when
    the clause has none."""
    back = next((i for i in range(len(before) - 1, -1, -1) if _verb_at(before, i, w)), -1)
    ahead = next((i for i in range(len(after)) if _verb_at(after, i, w)), -1)
    if back >= 0 and (ahead < 0 or len(before) - 1 - back <= ahead):
        return before, back
    return after, ahead


def _object(toks: list[_Token], i: int, w: _Words, stop: int) -> list[str]:
    """The object after the verb toks[i]: an optional determiner and up to two words, before
    `stop` (the date's start)."""
    out: list[str] = []
    for t, s, _ in toks[i + 1 : i + 5]:
        if s >= stop or not _is_word(t):
            break
        low = t.lower()
        if not out and low in _OBJECT_PREPS:
            out.append(t)
            continue
        if (not out or out[-1].lower() in _OBJECT_PREPS) and low in _DETERMINERS:
            out.append(t)
            continue
        if low in w.not_heads or low in _DETERMINERS:
            break
        out.append(t)
    while out and (out[-1].lower() in _DETERMINERS or out[-1].lower() in _OBJECT_PREPS):
        out.pop()
    return out


def _subject(toks: list[_Token], i: int, w: _Words) -> str:
    """The subject before the verb toks[i]: a run of capitalised words ("Donald Trump", "the UN")
    or a noun with its determiner ("protests", "the court"), skipping "will" and "who"."""
    j = i - 1
    while j >= 0 and toks[j][0].lower() in ("will", "'ll", "who", "which", "that", ",", "to"):
        j -= 1
    if j < 0 or not _is_word(toks[j][0]) or toks[j][0].lower() in w.not_heads:
        return ""
    if toks[j][0].islower() and toks[j][0].endswith("ly"):
        return ""  # an adverb ("actually rose"), no subject
    k = j
    while k > 0 and toks[k - 1][0][:1].isupper() and _is_word(toks[k - 1][0]) and j - k < 3:
        k -= 1  # "Donald Trump", "the Trump administration"
    if k > 0 and toks[k - 1][0].lower() in ("the", "a", "an"):
        k -= 1
    if k == 0 and toks[k][0] in ("The", "A", "An") and k == j:
        return ""
    return " ".join(t for t, _, _ in toks[k : j + 1])


def what_happened(text: str, start: int, end: int, *, name: str = "timex.yaml") -> tuple[str, ...]:
    """(what, who, key) of the date at text[start:end]: the noun phrase it modifies, else the
    nearest main verb of its clause with its object; who is that verb's subject; key the lemma
    events are grouped by. ('', '', '') when the date dates nothing ("in 2016" alone)."""
    w = words(name)
    if _baseline(text, start, end, w):
        return "", "", ""
    around = (
        _tokens(text, max(0, start - _WINDOW), start),
        _tokens(text, end, min(len(text), end + _WINDOW)),
    )
    noun = _modified_noun(*around, w)
    if noun is not None:
        return noun[0], "", noun[1]
    head = _noun_before(around[0], w)
    before, after = _clause(*around)
    near = [t.lower() for t, _, _ in before[-3:] if t.lower() not in ("on", "in", "at", "this")]
    if near and near[-1] in w.not_verbs:
        return "", "", ""  # "said Tuesday": the date of a statement, no event
    toks, i = _nearest_verb(before, after, w)
    if i < 0 or (head and toks is after):
        return (head, "", stem(head)) if head else ("", "", "")
    verb = toks[i][0]
    obj = _object(toks, i, w, start if toks is before else len(text))
    key = stem(verb) + (" " + stem(obj[-1]) if obj else "")
    return " ".join([verb, *obj]), _subject(toks, i, w), key


words()  # built at import, so worker processes forked after it share it
