"""What a number in a sentence is and what it counts: the number with its scale and bound ("more
than $4 trillion", "tens of thousands of"), the noun it counts with that noun's qualifiers ("4,000
NATO troops": troops, qualified NATO; "$212 billion in corporate taxes": taxes, qualified
corporate), the place it is about ("in Kosovo") and the year it refers to.

Word lists are data: ``resources/numbers.yaml`` (number words, scales, bounds, the words that end a
noun phrase) and a claims file's ``synonyms`` (nouns that count the same thing).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from presslens.core import resources

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD = r"[A-Za-z][\w'’.-]*(?<!\.)"
_NP_AFTER = re.compile(
    rf"\s+(?P<prep>in|of|for|on)\s+(?:the\s+)?(?P<np>{_WORD}(?:\s+{_WORD}){{0,3}})"
)
_NP_BEFORE = re.compile(rf"(?P<np>(?:{_WORD}\s+){{0,1}}{_WORD})\s+of\s+$")
_PLACE_AFTER = re.compile(
    r"\b(?:in|across|throughout|inside)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_CONTENT = re.compile(r"[A-Za-z][a-z'’-]{2,}|[A-Z]{2,}")
_PLACE_FIRST = re.compile(
    r"^\s*In\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),"
)


@dataclass(frozen=True)
class Numbers:
    """The compiled number pattern and the word lists of numbers.yaml."""

    pattern: re.Pattern[str]
    words: dict[str, float]
    vague: dict[str, tuple[float, float]]
    scales: dict[str, float]
    bounds: dict[str, str]
    stop: frozenset[str]
    neutral: frozenset[str]
    months: frozenset[str]


def _alts(keys: object) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    words = sorted({str(k) for k in keys}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@functools.lru_cache(maxsize=None)
def numbers(name: str = "numbers.yaml") -> Numbers:
    """The number pattern of `name` (built once): bound, currency, digits or words, scale, %."""
    spec = resources.load(name)
    words = {str(k).lower(): float(v) for k, v in spec["words"].items()}
    vague = {str(k).lower(): (float(v[0]), float(v[1])) for k, v in spec["vague"].items()}
    scales = {str(k).lower(): float(v) for k, v in spec["scales"].items()}
    money = {str(k).lower(): float(v) for k, v in spec["money_scales"].items()}
    bounds = {str(k).lower(): str(v) for k, v in spec["bounds"].items()}
    pattern = re.compile(
        rf"(?<![\w.,$€£])(?:(?P<bound>{_alts(bounds)})\s+)?(?P<pre>US\$|[$€£])?\s?"
        rf"(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?P<mscale>(?:{_alts(money)})\b)?"
        rf"(?![\w,]|\.\d)|(?<!-)(?P<word>(?:{_alts([*vague, *words])})"
        rf"(?:-(?:{_alts(words)}))?)(?![\w'’-]))"
        rf"(?P<scale>(?:\s+(?:{_alts(scales)})\b)*)(?:\s?(?P<pct>%|percent\b|per\s+cent\b))?",
        re.IGNORECASE,
    )
    return Numbers(
        pattern,
        words,
        vague,
        {**scales, **money},
        bounds,
        frozenset(str(w).lower() for w in spec["not_modifiers"]),
        frozenset(str(w).lower() for w in spec["neutral_modifiers"]),
        frozenset(str(w).lower() for w in spec["months"]),
    )


def value_of(m: re.Match[str], nums: Numbers) -> tuple[float, float]:
    """The lowest and highest value a number match states ("4,000": 4000-4000; "tens of thousands
    of": 10,000-99,999), times its scale words ("$4 trillion" is 4e12)."""
    scale = nums.scales.get((m.group("mscale") or "").lower(), 1.0)
    for word in (m.group("scale") or "").lower().split():
        scale *= nums.scales[word]  # "two hundred thousand": 2 x 100 x 1,000
    if m.group("num"):
        v = float(m.group("num").replace(",", "")) * scale
        return v, v
    word = re.sub(r"\s+", " ", m.group("word").lower())
    if word in nums.vague:
        lo, hi = nums.vague[word]
        return lo * scale, hi * scale
    v = sum(nums.words[w] for w in word.split("-"))  # "ninety-seven": 90 + 7
    return v * scale, v * scale


def is_year(m: re.Match[str]) -> bool:
    """A four-digit number of 1800-2099 without a sign, scale or bound: a year, not a count."""
    bare = not (m.group("pre") or m.group("scale") or m.group("mscale") or m.group("bound"))
    return bool(bare and m.group("num") and YEAR.fullmatch(m.group("num")))


def lemma(word: str) -> str:
    """A plural English noun in the singular ("taxes" -> "tax", "casualties" -> "casualty")."""
    w = word.lower()
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "people", "police")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


def _plural(word: str) -> bool:
    """Whether a word looks like a plural noun ("taxes", "voters"; not "class", "status")."""
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def phrase(words: list[str], nums: Numbers) -> tuple[str, str]:
    """(head noun lemma, qualifiers) of the words of a noun phrase, cut at its first word that
    ends noun phrases (numbers.yaml's not_modifiers, a month, a verb in -ed, a word after a plural
    noun: "30% of Democrats say");
    qualifiers are the words before the head, sorted, neutral ones dropped."""
    kept: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in nums.stop or low in nums.months or (i and len(low) > 4 and low.endswith("ed")):
            break  # a function word, a month or (past the first word) a verb ends the phrase
        if kept and _plural(kept[-1]) and not _plural(w):
            break  # "fees depending on", "scientists agree": a verb after a plural noun
        kept.append(w)
    if not kept:
        return "", ""
    quals = sorted({w.lower() for w in kept[:-1]} - nums.neutral)
    return lemma(kept[-1]), " ".join(quals)


def counted_after(sentence: str, end: int, nums: Numbers) -> tuple[str, str]:
    """What an amount or share counts from the phrase after it ("$5 billion in corporate taxes",
    "30% of voters"): (noun lemma, qualifiers), or ('', '') when none. A capitalised phrase after
    "in", "for" or "on" is a place or a name, not what is counted."""
    m = _NP_AFTER.match(sentence, end)
    if not m:
        return "", ""
    if m.group("prep").lower() != "of" and m.group("np")[0].isupper():
        return "", ""
    words = m.group("np").split()
    while words and words[0].lower() in nums.stop:
        words = words[1:]  # "of its electricity", "of their income"
    return phrase(words, nums)


def counted_before(sentence: str, start: int, nums: Numbers) -> tuple[str, str]:
    """What an amount or share counts from the noun before "of" ("a budget of $5 billion",
    "an unemployment rate of 5%"), or ('', '')."""
    m = _NP_BEFORE.search(sentence[max(0, start - 60) : start])
    if not m:
        return "", ""
    words = m.group("np").split()
    while words and words[0].lower() in nums.stop:
        words = words[1:]
    if not words or words[-1].lower() in nums.stop:
        return "", ""
    return phrase(words, nums)


def place_of(sentence: str, start: int, end: int, nums: Numbers) -> str:
    """The place a claim is about: a capitalised name after "in" (or "across") within 60
    characters after it, else the place of a sentence opening "In <Place>,"; '' when none."""
    for m in _PLACE_AFTER.finditer(sentence, end, min(len(sentence), end + 60)):
        place = m.group("place").rstrip(".").lower()
        if place.split()[0] not in nums.months:
            return place
    m = _PLACE_FIRST.match(sentence[:start])
    if m and m.group("place").split()[0].lower() not in nums.months:
        return m.group("place").lower()
    return ""


@functools.lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """English function words (function_words.yaml), the words that end noun phrases and the
    words of numbers, none of which says what a sentence is about."""
    nums = numbers()
    words = {str(w).lower() for w in resources.load("function_words.yaml")["english"]}
    for w in [*nums.words, *nums.vague, *nums.scales, *nums.bounds]:
        words.update(w.split())  # "million", "roughly": parts of the number, not its context
    return frozenset(words | nums.stop | nums.months | {"percent", "dollar", "cent"})


def context(sentence: str, skip: str = "") -> str:
    """The content words of a sentence (lemmas of words of three or more letters that are no
    function words), sorted, without the words of `skip` (what the claim counts)."""
    fw = function_words()
    drop = {lemma(w) for w in skip.split()}
    words = {
        lemma(_POSSESSIVE.sub("", w)) for w in _CONTENT.findall(sentence) if w.lower() not in fw
    }
    return " ".join(sorted(words - drop - fw))


def story(text: str, n: int = 15) -> str:
    """The `n` most frequent content words of an article (lemmas; ties alphabetically), sorted:
    what two articles share when they cover the same story."""
    fw = function_words()
    counts = Counter(
        lemma(_POSSESSIVE.sub("", w)) for w in _CONTENT.findall(text) if w.lower() not in fw
    )
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return " ".join(sorted(w for w, _ in top if w not in fw))


def refers(sentence: str, published: str | None, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """(the time a claim refers to, its basis): the first year in the sentence that is no count
    (outside `spans`), else the publication date, else unknown."""
    for m in YEAR.finditer(sentence):
        if not any(a <= m.start() < b for a, b in spans):
            return m.group(0), "year in sentence"
    return (published, "publication date") if published else ("", "unknown")
