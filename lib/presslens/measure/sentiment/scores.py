"""Sentence scores with two independent lexicons: NLTK's VADER (with a faster tokeniser giving
equal scores) and TextBlob's Pattern lexicon; the sentence x method table and its labels."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
import numpy as np
import pandas as pd
import nltk.sentiment.vader as _nltk_vader
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants
from presslens.core import resources


LABELS = ["negative", "neutral", "positive"]
METHODS = ("vader", "textblob")
THRESHOLD = 0.05
COLUMNS = ["article_id", "sent_id", "method", "compound"]
MODEL_FILE = "toward_model.json.gz"


# ---- sentence scores -----------------------------------------------------------------------


NLTK_SENTITEXT = (
    _nltk_vader.SentiText
)  # NLTK's own tokeniser class, kept for comparisons and the benchmark
_PUNCTUATION = frozenset(__import__("string").punctuation)
# NLTK's own pattern for stripping punctuation, compiled with the standard library: NLTK routes it
# through its time-out wrapper (nltk.redos), about 18 us a call against 0.5 us (same result)
_REMOVE_PUNCTUATION = re.compile(f"[{re.escape(__import__('string').punctuation)}]")


class FastSentiText(NLTK_SENTITEXT):
    """NLTK's SentiText giving the same tokens about three times faster.

    NLTK strips leading or trailing punctuation from a token by building, for every text, two
    dictionaries holding every pairing of its words with every punctuation mark. Since those words
    are free of punctuation, a token maps to a word exactly when its maximal punctuation run at one
    end is one of VADER's marks and the rest is one of the text's words; that is checked here
    directly. Equality with NLTK's class is tested on the NYT and NewsMTSC sentences and on
    arbitrary text (tests/test_sentiment.py).
    """

    def _words_and_emoticons(self) -> list[str]:
        rx = self.REGEX_REMOVE_PUNCTUATION
        if rx.pattern == _REMOVE_PUNCTUATION.pattern:
            rx = _REMOVE_PUNCTUATION
        words = {w for w in rx.sub("", self.text).split() if len(w) > 1}
        marks = set(self.PUNC_LIST)
        out = []
        for token in self.text.split():
            if len(token) < 2:
                continue
            j = len(token)
            while j and token[j - 1] in _PUNCTUATION:
                j -= 1
            i = 0
            while i < len(token) and token[i] in _PUNCTUATION:
                i += 1
            if j < len(token) and token[:j] in words and token[j:] in marks:
                out.append(token[:j])
            elif i and token[i:] in words and token[:i] in marks:
                out.append(token[i:])
            else:
                out.append(token)
        return out


def use_fast_tokens(fast: bool = True) -> None:
    """Make NLTK's VADER use the faster, equal tokeniser (the default once ``vader()`` is built), or
    NLTK's own."""
    _nltk_vader.SentiText = FastSentiText if fast else NLTK_SENTITEXT


class _Vader(SentimentIntensityAnalyzer):
    """NLTK's VADER analyser given its lexicon as text (NLTK 3.10 only opens its own data paths)."""

    def __init__(self, lexicon_text: str) -> None:  # noqa: D107 - NLTK's object, other loading
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> tuple[str, bytes]:
    """(where the VADER lexicon came from, its raw bytes): NLTK's data if installed, else
    vaderSentiment's copy."""
    import nltk

    try:
        found = nltk.data.find("sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt")
        with found.open() as fh:
            return (
                "nltk_data sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt",
                fh.read(),
            )
    except LookupError:
        import vaderSentiment

        path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
        return (
            f"vaderSentiment {metadata.version('vaderSentiment')} vaderSentiment/vader_lexicon.txt",
            path.read_bytes(),
        )


@functools.lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyser (built once per process), with the faster equal tokeniser."""
    text = vader_lexicon()[1].decode("utf-8").replace("\r\n", "\n").strip("\n")
    use_fast_tokens()
    return _Vader(text)


@functools.lru_cache(maxsize=1)
def textblob():
    """TextBlob's Pattern analyser (built once; its lexicon ships inside the package)."""
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


@functools.lru_cache(maxsize=1)
def _pattern_sentiment():
    """The Pattern sentiment function PatternAnalyzer.analyze wraps (called directly: the wrapper
    builds a new namedtuple class on every call, a third of its time)."""
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


def _textblob_lexicon() -> Path:
    """Path of the Pattern lexicon file inside the installed textblob package."""
    import textblob as tb

    return Path(tb.__file__).parent / "en" / "en-sentiment.xml"


def lexicon_info() -> dict[str, str]:
    """Which lexicon and model files each method uses, with their sha256, for the run manifest."""
    source, raw = vader_lexicon()
    return {
        "vader": f"{source} sha256:{hashlib.sha256(raw).hexdigest()}",
        "textblob": f"textblob {metadata.version('textblob')} textblob/en/en-sentiment.xml "
        f"sha256:{hashlib.sha256(_textblob_lexicon().read_bytes()).hexdigest()}",
        "toward": f"presslens/resources/{MODEL_FILE} sha256:{resources.sha256(MODEL_FILE)}",
    }


def score(text: str, *, method: str = "vader") -> float:
    """Sentiment of one text in -1..1 with the named method."""
    if not isinstance(text, str):
        text = ""
    if method == "vader":
        return float(vader().polarity_scores(text)["compound"])
    if method == "textblob":
        return float(np.clip(_pattern_sentiment()(text)[0], -1.0, 1.0))
    raise ValueError(f"unknown sentiment method {method!r}; known: {', '.join(METHODS)}")


def score_sentences(sentences: pd.DataFrame, *, methods: Sequence[str] = METHODS) -> pd.DataFrame:
    """The `sentiment` table: one row per sentence and method (article_id, sent_id, method,
    compound)."""
    for m in methods:
        score("", method=m)  # unknown methods fail before any work
    texts = sentences["text"].tolist()
    frames = [
        pd.DataFrame(
            {
                "article_id": sentences["article_id"].to_numpy(),
                "sent_id": sentences["sent_id"].to_numpy(),
                "method": m,
                "compound": np.round(np.array([score(t, method=m) for t in texts], dtype=float), 6),
            }
        )
        for m in methods
    ]
    if not frames or not len(sentences):
        return pd.DataFrame(
            {c: pd.Series(dtype=d) for c, d in zip(COLUMNS, ["object", "int64", "str", "float64"])}
        )
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["article_id", "sent_id", "method"], kind="mergesort").reset_index(
        drop=True
    )


def label(compound: float, *, threshold: float = THRESHOLD) -> str:
    """negative / neutral / positive at +-threshold (VADER's convention: 0.05)."""
    return (
        "positive" if compound >= threshold else "negative" if compound <= -threshold else "neutral"
    )


def wide(sentiment: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, one column per method."""
    return sentiment.pivot_table(
        index=["article_id", "sent_id"], columns="method", values="compound"
    ).reset_index()
