"""A light check that an article is in English, from the share of English function words."""

from __future__ import annotations

import re

from presslens.core import resources

_WORD = re.compile(r"[^\W\d_]+")
# The most frequent English function words (resources/function_words.yaml).
FUNCTION_WORDS = frozenset(resources.load("function_words.yaml")["english"])


def english_share(text: str) -> float:
    """Share of the words of `text` that are common English function words (0..1)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(w in FUNCTION_WORDS for w in words) / len(words)


def looks_english(text: str, *, min_share: float = 0.15, min_words: int = 40) -> bool:
    """False only for texts long enough to judge whose function-word share is below `min_share`."""
    if len(_WORD.findall(text)) < min_words:
        return True
    return english_share(text) >= min_share
