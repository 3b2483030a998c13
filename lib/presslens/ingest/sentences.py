"""Sentence splitting with character offsets, offline.

NLTK's Punkt algorithm runs with parameters presslens builds itself from
``resources/sentences.yaml`` (abbreviations and frequent sentence starters), so nothing is
downloaded. Each line of the clean text is split on its own: a headline or subheading without a
full stop is a sentence of its own and no sentence crosses a paragraph break.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from typing import TYPE_CHECKING

import pandas as pd

from presslens.core import resources

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

COLUMNS = ["article_id", "sent_id", "start", "end", "text"]
_LINE = re.compile(r"[^\n]+")


@functools.lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer built from the shipped parameters (built once).

    NLTK is imported here, not at module level: importing it costs about a second (it pulls in
    scipy.stats), which notebooks that never split text should not pay at kernel start.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    spec = resources.load("sentences.yaml")
    params = PunktParameters()
    params.abbrev_types = {str(a).lower() for a in spec["abbreviations"]}
    params.sent_starters = {str(w).lower() for w in spec["sentence_starters"]}
    return PunktSentenceTokenizer(params)


def spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of `text`; `text[start:end]` is the sentence,
    stripped."""
    tok = tokenizer()
    for line in _LINE.finditer(text):
        base = line.start()
        for a, b in tok.span_tokenize(line.group()):
            chunk = line.group()[a:b]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if b - trail > a + lead:
                yield base + a + lead, base + b - trail


def split(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[a:b] for a, b in spans(text)]


def sentence_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The `sentences` table (article_id, sent_id, start, end, text) for articles with status ok."""
    rows = []
    ok = articles[articles["status"] == "ok"]
    for article_id, text in zip(ok["article_id"], ok["text"]):
        for i, (a, b) in enumerate(spans(text), start=1):
            rows.append((article_id, i, a, b, text[a:b]))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.astype({"sent_id": "int64", "start": "int64", "end": "int64"})
