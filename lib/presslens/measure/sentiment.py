"""Sentence sentiment with two independent lexicons, aggregates with bootstrap intervals, the tone
of
a sentence toward one mention in it, and validation against human ratings.

Sentence methods (each gives one score in -1..1 per sentence):

- ``vader``: NLTK's VADER (Hutto & Gilbert 2014), a rule-based lexicon with rules for negation,
  intensifiers, "but" and capitals; the compound score is used. The lexicon is NLTK's own data
  (``sentiment/vader_lexicon.zip``) where installed, else the ``vader_lexicon.txt`` shipped inside
  the ``vaderSentiment`` package; nothing is downloaded. NLTK 3.10 refuses to open a lexicon path
  outside its data folders, so the text is read here and handed to NLTK's own analyser class
  unchanged. ``lexicon_info()`` records which file was used and its sha256. VADER's tokeniser is
  swapped for an equal one about three times faster (``_SentiText``; same scores, tested).
- ``textblob``: the Pattern adjective lexicon shipped inside TextBlob (De Smedt & Daelemans 2012),
  polarity score. It was built from product reviews with its own rules, independently of VADER.

Labels are 3-class at +-0.05 on a score (VADER's convention). Article tone is the mean of its
sentence scores, not one call on the whole article (VADER saturates towards +-1 on long texts). Its
95% interval is a percentile bootstrap over the article's sentences; outlet tone is the mean of
its articles' tones with a bootstrap over articles. The bootstrap is vectorised: all groups with the
same number of values share one resampling pattern drawn from ``(seed, size)``, so a group's
interval depends only on its own values, the seed and ``n_boot``, never on which other groups are
in the same call (partitions give the same answer as the whole corpus). With one value there is no
interval (NaN); an outlet with fewer than ``min_articles`` articles carries a plain warning.

``toward(text, start, end)`` is target-dependent: a multinomial logistic regression trained by
``bench/train_toward.py`` on NewsMTSC's train file (political news sentences labelled for the
sentiment toward one person). Its features: TF-IDF n-grams of the sentence with the mention masked,
of the few words left and right of the mention (marked by side), and of the mention's own clause,
plus a few numbers (VADER scores of the clause and of the left and right context, lexicon valence
near the mention, relative position, whether the mention is the speaker of a quote). The model is
shipped as gzipped JSON (vocabularies, idf, coefficients) and predicted with numpy alone. Model
choice used only cross-validation on the train file, grouped by sentence; NewsMTSC devtest_rw is
used once, for the figure reported by ``validate_toward``.

Measured accuracy (``validate_nyt``, ``validate_toward``): on 5,190 NYT editorial sentences VADER
gives Pearson r 0.490 and support-weighted 3-class P 0.69, R 0.48, F1 0.54 (published: 0.492, 0.69,
0.49, 0.55); TextBlob r 0.30, F1 0.41. On NewsMTSC devtest_rw (1,146 mentions) ``toward`` reaches
macro-F1 0.66 (cross-validated on train 0.66); VADER on the whole sentence, ignoring the target,
0.51; fine-tuned transformers 0.83. Limits: lexicons miss tone carried by events ("refugees fled
burning villages" scores 0), and ``toward`` is a bag of nearby words, not a parser: it tells apart
"condemned Smith" from "praising Jones" but not every long-distance construction.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import nltk.sentiment.vader as _nltk_vader
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from presslens.pipeline import resources_io
from presslens.measure.textvec import tfidf as _tfidf

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


class _SentiText(NLTK_SENTITEXT):
    """NLTK's SentiText giving the same tokens about three times faster.

    NLTK strips leading or trailing punctuation from a token by building, for every text, two
    dictionaries holding every pairing of its words with every punctuation mark. Since those words
    are free of punctuation, a token maps to a word exactly when its maximal punctuation run at one
    end is one of VADER's marks and the rest is one of the text's words; that is checked here
    directly. Equality with NLTK's class is tested on the NYT and NewsMTSC sentences and on
    arbitrary text (tests/test_sentiment.py).
    """

    def _words_and_emoticons(self) -> list[str]:
        words = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
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
    _nltk_vader.SentiText = _SentiText if fast else NLTK_SENTITEXT


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
        "toward": f"presslens/resources/{MODEL_FILE} sha256:{resources_io.sha256(MODEL_FILE)}",
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


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two equally long label lists."""
    n = len(a)
    if n == 0:
        return float("nan")
    x, y = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    po = float((x == y).mean())
    pe = sum(float((x == c).mean()) * float((y == c).mean()) for c in set(a) | set(b))
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(
    sentiment: pd.DataFrame, *, a: str = "vader", b: str = "textblob", threshold: float = THRESHOLD
) -> dict[str, float]:
    """How far two methods agree on the same sentences: Pearson r, Spearman rho, Cohen's kappa,
    share with the same label, n."""
    w = wide(sentiment)
    w = (
        w.dropna(subset=[a, b])
        if {a, b} <= set(w.columns)
        else w.iloc[0:0].assign(**{a: [], b: []})
    )
    return agreement_of(w[a].to_numpy(dtype=float), w[b].to_numpy(dtype=float), threshold=threshold)


def agreement_of(x: np.ndarray, y: np.ndarray, *, threshold: float = THRESHOLD) -> dict[str, float]:
    """Agreement of two equally long arrays of scores (see `agreement`), vectorised for millions of
    sentences."""
    n = len(x)
    lx = np.where(x >= threshold, 1, np.where(x <= -threshold, -1, 0))
    ly = np.where(y >= threshold, 1, np.where(y <= -threshold, -1, 0))
    varied = n > 2 and len(np.unique(x)) > 1 and len(np.unique(y)) > 1
    if n:
        po = float((lx == ly).mean())
        pe = sum(float((lx == c).mean()) * float((ly == c).mean()) for c in (-1, 0, 1))
        kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
    else:
        po, kappa = float("nan"), float("nan")
    return {
        "n_sentences": n,
        "pearson_r": float(pd.Series(x).corr(pd.Series(y))) if varied else float("nan"),
        "spearman_rho": float(pd.Series(x).corr(pd.Series(y), method="spearman"))
        if varied
        else float("nan"),
        "cohen_kappa": kappa,
        "same_label": po,
    }


def disagreements(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    a: str = "vader",
    b: str = "textblob",
    top: int = 10,
) -> pd.DataFrame:
    """The sentences on which two methods disagree most (largest absolute difference), with both
    scores and the text."""
    w = wide(sentiment).dropna(subset=[a, b])
    w["difference"] = (w[a] - w[b]).abs()
    w = w.merge(sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"])
    w = w.sort_values(
        ["difference", "article_id", "sent_id"], ascending=[False, True, True], kind="mergesort"
    )
    return w.head(top).reset_index(drop=True)[["article_id", "sent_id", a, b, "difference", "text"]]


def extremes(
    sentiment: pd.DataFrame, sentences: pd.DataFrame, *, method: str = "vader", k: int = 5
) -> pd.DataFrame:
    """The k most positive and k most negative sentences, with their article, sentence id and
    text."""
    s = sentiment[sentiment["method"] == method].merge(
        sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"]
    )
    pos = (
        s.sort_values(
            ["compound", "article_id", "sent_id"], ascending=[False, True, True], kind="mergesort"
        )
        .head(k)
        .assign(end="most positive")
    )
    neg = (
        s.sort_values(
            ["compound", "article_id", "sent_id"], ascending=[True, True, True], kind="mergesort"
        )
        .head(k)
        .assign(end="most negative")
    )
    return pd.concat([pos, neg], ignore_index=True)[
        ["end", "article_id", "sent_id", "compound", "text"]
    ]


# ---- aggregates with bootstrap intervals ---------------------------------------------------


# scores are summed as whole millionths: exact, so any summation order gives the same result
FIXED = 1_000_000


def _fixed(values: np.ndarray) -> np.ndarray:
    """Values in whole millionths, as integer-valued floats (sums of these are exact below
    2**53)."""
    return np.rint(np.asarray(values, dtype=float) * FIXED)


def fixed_mean(values: np.ndarray) -> float:
    """Mean of values taken to six decimals, computed exactly: the same on every machine and in
    every partition, whatever the order of the additions (NaN for no values)."""
    v = _fixed(values)
    return float(v.sum() / (len(v) * FIXED)) if len(v) else float("nan")


def _resample_counts(n: int, *, n_boot: int, seed: int) -> np.ndarray:
    """How often each of n positions is drawn in each of n_boot resamples (shared by all groups of
    size n)."""
    rng = np.random.default_rng([seed, n])
    idx = rng.integers(0, n, size=(n_boot, n))
    flat = (idx + (np.arange(n_boot) * n)[:, None]).ravel()
    return np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n).astype(float)


BLOCK = 4_000_000  # resampled positions held in memory at once (32 MB of float64)


def _large_group_means(values: np.ndarray, *, n_boot: int, seed: int) -> np.ndarray:
    """Resampled means of one large group, resamples drawn in blocks of rows so memory stays at
    BLOCK positions however many values the group has; the same draws as `_resample_counts` (the
    generator's stream does not depend on the block size) and the same exact sums."""
    n = len(values)
    fixed = _fixed(values)
    rng = np.random.default_rng([seed, n])
    rows = max(1, BLOCK // n)
    sums = np.empty(n_boot)
    for i in range(0, n_boot, rows):
        k = min(rows, n_boot - i)
        sums[i : i + k] = fixed[rng.integers(0, n, size=(k, n))].sum(axis=1)
    return sums / (n * FIXED)


def bootstrap_intervals(
    groups: Sequence[np.ndarray], *, n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> np.ndarray:
    """Percentile bootstrap interval of the mean for each group of values, as a (k, 2) array; NaN
    for fewer than 2 values.

    A group's resamples depend only on its size and the seed, and its resampled sums are exact
    (values in whole millionths, so every partial sum is an integer a float holds exactly): a
    group's
    interval is the same whichever other groups share its block, on any machine and any BLAS.
    Groups too large for a resampling matrix are resampled in blocks (`_large_group_means`).
    """
    out = np.full((len(groups), 2), np.nan)
    sizes = np.array([len(g) for g in groups], dtype=int)
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    for n in np.unique(sizes[sizes >= 2]):
        where = np.flatnonzero(sizes == n)
        if n_boot * int(n) > BLOCK:
            for j in where:
                out[j] = np.quantile(
                    _large_group_means(
                        np.asarray(groups[j], dtype=float), n_boot=n_boot, seed=seed
                    ),
                    q,
                )
            continue
        counts = _resample_counts(int(n), n_boot=n_boot, seed=seed)
        step = max(1, BLOCK // (n_boot * int(n)))  # bound memory: about 32 MB of means per block
        for i in range(0, len(where), step):
            rows = where[i : i + step]
            sums = np.vstack([_fixed(groups[j]) for j in rows]) @ counts.T
            out[rows] = np.quantile(sums / (int(n) * FIXED), q, axis=1).T
    return out


def bootstrap_ci(
    values: np.ndarray, *, n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of one group; NaN when there are fewer than 2
    values."""
    lo, hi = bootstrap_intervals(
        [np.asarray(values, dtype=float)], n_boot=n_boot, seed=seed, level=level
    )[0]
    return float(lo), float(hi)


def _grouped(
    frame: pd.DataFrame, keys: list[str], value: str
) -> tuple[pd.DataFrame, list[np.ndarray]]:
    """The distinct keys (sorted) and each group's values, in the same order."""
    frame = frame.sort_values(keys, kind="mergesort")
    codes = frame.groupby(keys, sort=True).ngroup().to_numpy()
    values = frame[value].to_numpy(dtype=float)
    bounds = np.flatnonzero(np.diff(codes)) + 1
    keys_frame = (
        frame[keys].iloc[np.r_[0, bounds]].reset_index(drop=True)
        if len(frame)
        else frame[keys].iloc[0:0]
    )
    return keys_frame, np.split(values, bounds) if len(frame) else []


def article_tone(
    sentiment: pd.DataFrame, *, method: str = "vader", n_boot: int = 2000, seed: int = 0
) -> pd.DataFrame:
    """Article tone (mean of its sentence scores) with a bootstrap 95% interval over sentences, n
    and the shares of +/- sentences."""
    sub = sentiment[sentiment["method"] == method]
    keys, groups = _grouped(sub, ["article_id"], "compound")
    ci = bootstrap_intervals(groups, n_boot=n_boot, seed=seed)
    out = keys.assign(
        method=method,
        n_sentences=np.array([len(g) for g in groups], dtype=int),
        tone=[fixed_mean(g) for g in groups],
        ci_low=ci[:, 0],
        ci_high=ci[:, 1],
        share_negative=[float((g <= -THRESHOLD).mean()) for g in groups],
        share_positive=[float((g >= THRESHOLD).mean()) for g in groups],
    )
    return out.round(
        {c: 6 for c in ("tone", "ci_low", "ci_high", "share_negative", "share_positive")}
    )


def _warning(n: int, *, min_n: int, unit: str, whom: str) -> str:
    """Plain-English caveat for a group of n units."""
    if n == 1:
        return f"only 1 {unit}: no interval, not comparable"
    if n < min_n:
        return f"only {n} {unit}s: too few {unit}s to compare {whom} (fewer than {min_n})"
    return ""


def group_tone(
    article_tone: pd.DataFrame,
    groups: pd.Series,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    min_n: int = 5,
    unit: str = "article",
    whom: str = "groups",
) -> pd.DataFrame:
    """Tone of groups of articles (mean of article tones) with bootstrap intervals over articles, n
    and a plain warning."""
    t = article_tone.assign(
        group=article_tone["article_id"].map(groups).fillna("(unknown)").astype(str)
    )
    keys, values = _grouped(t, ["group", "method"], "tone")
    ci = bootstrap_intervals(values, n_boot=n_boot, seed=seed)
    sizes = [len(v) for v in values]
    out = keys.assign(
        n=np.array(sizes, dtype=int),
        tone=[fixed_mean(v) for v in values],
        ci_low=ci[:, 0],
        ci_high=ci[:, 1],
        warning=[_warning(n, min_n=min_n, unit=unit, whom=whom) for n in sizes],
    )
    return out.round({"tone": 6, "ci_low": 6, "ci_high": 6})


def outlet_tone(
    article_tone: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    min_articles: int = 5,
) -> pd.DataFrame:
    """Outlet tone: mean of its articles' tones, bootstrap 95% interval over articles, n_articles
    and a warning when n is small."""
    outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    out = group_tone(
        article_tone,
        outlets,
        n_boot=n_boot,
        seed=seed,
        min_n=min_articles,
        unit="article",
        whom="outlets",
    )
    return out.rename(columns={"group": "outlet", "n": "n_articles"})


# ---- tone toward a target ------------------------------------------------------------------

_TOKEN = re.compile(r"[\w'’]+|[^\w\s]")
_QUOTES = frozenset({'"', "“", "”"})
_HARD_BREAKS = frozenset({";", ":", "—", "–", "(", ")", *_QUOTES})
_CLAUSE_BREAKS = _HARD_BREAKS | {
    ",",
    "while",
    "but",
    "although",
    "whereas",
    "though",
    "however",
    "yet",
    "because",
    "after",
    "as",
    "and",
    "who",
    "which",
    "that",
}
_SPEECH = frozenset(resources_io.load("attribution.yaml")["toward_speech"])
WINDOW = 4
DENSE_FEATURES = [
    "vader_without_target",
    "vader_clause",
    "vader_clause_left",
    "vader_clause_right",
    "vader_segment",
    "vader_left",
    "vader_right",
    "pos_left3",
    "neg_left3",
    "pos_right3",
    "neg_right3",
    "pos_left6",
    "neg_left6",
    "pos_right6",
    "neg_right6",
    "relative_position",
    "starts_sentence",
    "speaker_next",
    "speaker_near",
    "inside_quote",
    "log_length",
]


def _split_at(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Lower-cased word and punctuation tokens left and right of the mention."""
    return [t.lower() for t in _TOKEN.findall(text[:start])], [
        t.lower() for t in _TOKEN.findall(text[end:])
    ]


def _clause(
    left: list[str], right: list[str], breaks: frozenset[str] | set[str]
) -> tuple[list[str], list[str]]:
    """The tokens of the mention's own clause: back and forward to the nearest break token."""
    i = len(left)
    while i > 0 and left[i - 1] not in breaks:
        i -= 1
    j = 0
    while j < len(right) and right[j] not in breaks:
        j += 1
    return left[i:], right[:j]


@functools.lru_cache(maxsize=1 << 16)
def _compound_of(joined: str) -> float:
    """VADER compound of a string, memoised: a mention's views often coincide (a clause that is the
    whole sentence), and wire copies repeat sentences."""
    return float(vader().polarity_scores(joined)["compound"])


def _compound(words: list[str]) -> float:
    """VADER compound of a token list (0 when empty)."""
    return _compound_of(" ".join(words)) if words else 0.0


def _near(valences: list[float], k: int) -> tuple[float, float]:
    """Sum of positive and of negative lexicon valences among the first k values, scaled by VADER's
    maximum (4)."""
    v = valences[:k]
    return sum(x for x in v if x > 0) / 4, sum(x for x in v if x < 0) / 4


def target_features(text: str, start: int, end: int) -> tuple[dict[str, list[str]], list[float]]:
    """The model's view of one mention: token lists (masked sentence, window, clause) and the
    numeric features."""
    left, right = _split_at(text, start, end)
    cl, cr = _clause(left, right, _CLAUSE_BREAKS)
    hl, hr = _clause(left, right, _HARD_BREAKS)
    views = {
        "sentence": [*left, "TGT", *right],
        "window": [*("L_" + w for w in left[-WINDOW:]), *("R_" + w for w in right[:WINDOW])],
        "clause": [*("CL_" + w for w in cl), *("CR_" + w for w in cr)],
    }
    lex = vader().lexicon
    vl, vr = [lex.get(w, 0.0) for w in reversed(left)], [lex.get(w, 0.0) for w in right]
    n = len(left) + len(right) + 1
    dense = [
        _compound(left + right),
        _compound(cl + cr),
        _compound(cl),
        _compound(cr),
        _compound(hl + hr),
        _compound(left),
        _compound(right),
        *_near(vl, 3),
        *_near(vr, 3),
        *_near(vl, 6),
        *_near(vr, 6),
        len(left) / n,
        float(not left),
        float(bool(right) and right[0] in _SPEECH),
        float(any(w in _SPEECH for w in right[:3])),
        float(sum(w in _QUOTES for w in left) % 2 == 1),
        math.log1p(n) / 4,
    ]
    return views, dense


def ngrams(tokens: list[str]) -> list[str]:
    """Unigrams and adjacent bigrams of a token list (the model's term analyser)."""
    return [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))]


@dataclass(frozen=True)
class _Model:
    views: tuple[
        tuple[str, dict[str, int], np.ndarray, float, int], ...
    ]  # name, vocabulary, idf, weight, column offset
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    dense_weight: float
    dense_offset: int
    coef: np.ndarray
    intercept: np.ndarray


@functools.lru_cache(maxsize=1)
def toward_model() -> _Model:
    """The shipped target-sentiment model (loaded once per process)."""
    with gzip.open(resources_io.path(MODEL_FILE), "rt", encoding="utf-8") as fh:
        m = json.load(fh)
    views = tuple(
        (v["name"], v["vocabulary"], np.array(v["idf"]), float(v["weight"]), int(v["offset"]))
        for v in m["views"]
    )
    d = m["dense"]
    return _Model(
        views,
        np.array(d["mean"]),
        np.array(d["scale"]),
        float(d["weight"]),
        int(d["offset"]),
        np.array(m["coef"]),
        np.array(m["intercept"]),
    )


def toward_proba(text: str, start: int, end: int) -> np.ndarray:
    """Probabilities of negative, neutral, positive toward the mention text[start:end]."""
    m = toward_model()
    views, dense = target_features(text, start, end)
    z = m.intercept.copy()
    for name, vocab, idf, weight, offset in m.views:
        cols, w = _tfidf(ngrams(views[name]), vocab, idf)
        z += m.coef[:, offset + cols] @ (w * weight)
    x = (np.array(dense) - m.dense_mean) / m.dense_scale * m.dense_weight
    z += m.coef[:, m.dense_offset : m.dense_offset + len(x)] @ x
    e = np.exp(z - z.max())
    return e / e.sum()


def toward(text: str, start: int, end: int) -> tuple[str, float]:
    """Sentiment of the sentence `text` toward the mention at text[start:end]: (label, P(positive) -
    P(negative))."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"mention span {start}..{end} is outside the text (length {len(text)})")
    p = toward_proba(text, start, end)
    return LABELS[int(p.argmax())], round(float(p[2] - p[0]), 6)


_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding text[start:end], cut at ., ! or ? followed by space (or a
    blank line)."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    return lo, (m.start() + len(m.group().rstrip())) if m else len(text)


def toward_table(
    sentences_or_texts: pd.DataFrame | Mapping[str, str] | pd.Series, mentions: pd.DataFrame
) -> pd.DataFrame:
    """Tone toward every mention: the mentions table plus `label` and `score` (see ``toward``).

    `mentions` has article_id, start and end, character offsets into the article text, and
    optionally sent_id. The context scored is the mention's sentence: with a sentences table
    (article_id, sent_id, start, end, text; offsets into the article text) it is the sentence with
    the mention's sent_id, or without sent_id the sentence whose span holds the mention; with
    article
    texts (a mapping or Series article_id -> text, or a table with article_id and text) it is cut
    from the text around the mention at sentence-final punctuation. A mention that cannot be placed
    (unknown article, span outside its sentence) gets label None and score NaN.
    """
    if isinstance(sentences_or_texts, pd.DataFrame) and {"sent_id", "start", "end"} <= set(
        sentences_or_texts.columns
    ):
        contexts = _sentence_contexts(sentences_or_texts, mentions)
    else:
        texts = (
            sentences_or_texts.set_index("article_id")["text"]
            if isinstance(sentences_or_texts, pd.DataFrame)
            else sentences_or_texts
        )
        contexts = _article_contexts(texts, mentions)
    results = [toward(*ctx) if ctx is not None else (None, float("nan")) for ctx in contexts]
    return mentions.assign(
        label=pd.Series([r[0] for r in results], index=mentions.index, dtype=object),
        score=np.array([r[1] for r in results], dtype=float),
    )


def _in_sentence(text: str, s_start: int, start: int, end: int) -> tuple[str, int, int] | None:
    """(sentence text, start, end) relative to the sentence, or None when the span is not inside
    it."""
    a, b = start - s_start, end - s_start
    return (text, a, b) if 0 <= a < b <= len(text) else None


def _sentence_contexts(
    sentences: pd.DataFrame, mentions: pd.DataFrame
) -> list[tuple[str, int, int] | None]:
    """(sentence text, start, end) for each mention, from its sentence in the sentences table."""
    s_art, s_id = sentences["article_id"].tolist(), sentences["sent_id"].tolist()
    s_start, s_end, s_text = (
        sentences["start"].tolist(),
        sentences["end"].tolist(),
        sentences["text"].tolist(),
    )
    m_art, m_start, m_end = (
        mentions["article_id"].tolist(),
        mentions["start"].tolist(),
        mentions["end"].tolist(),
    )
    out: list[tuple[str, int, int] | None] = []
    if "sent_id" in mentions.columns:
        by_id = {(a, i): (int(st), t) for a, i, st, t in zip(s_art, s_id, s_start, s_text)}
        for a, i, st, en in zip(m_art, mentions["sent_id"].tolist(), m_start, m_end):
            hit = by_id.get((a, i))
            out.append(
                _in_sentence(hit[1], hit[0], int(st), int(en))
                if hit and isinstance(hit[1], str)
                else None
            )
        return out
    by_article: dict[object, list[tuple[int, int, str]]] = {}
    for a, st, en, t in zip(s_art, s_start, s_end, s_text):
        by_article.setdefault(a, []).append((int(st), int(en), t))
    for a, st, en in zip(m_art, m_start, m_end):
        hit = next(
            (
                (s0, t)
                for s0, s1, t in by_article.get(a, [])
                if s0 <= st and en <= s1 and isinstance(t, str)
            ),
            None,
        )
        out.append(_in_sentence(hit[1], hit[0], int(st), int(en)) if hit else None)
    return out


def _article_contexts(
    texts: Mapping[str, str] | pd.Series, mentions: pd.DataFrame
) -> list[tuple[str, int, int] | None]:
    """(sentence text, start, end) for each mention, the sentence cut from the article text around
    it."""
    out: list[tuple[str, int, int] | None] = []
    for a, st, en in zip(
        mentions["article_id"].tolist(), mentions["start"].tolist(), mentions["end"].tolist()
    ):
        text = texts.get(a)
        if not isinstance(text, str) or not (0 <= st < en <= len(text)):
            out.append(None)
            continue
        lo, hi = _sentence_around(text, int(st), int(en))
        out.append((text[lo:hi], int(st) - lo, int(en) - lo))
    return out


# ---- validation against human ratings ------------------------------------------------------

_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Example:
    """One NewsMTSC target: the sentence, the mention's span and its gold label."""

    text: str
    start: int
    end: int
    label: str


def load_newsmtsc(path: str | Path) -> list[Example]:
    """Every target of a NewsMTSC jsonl file as an Example (polarity 2/4/6 ->
    negative/neutral/positive)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            for t in d["targets"]:
                out.append(
                    Example(
                        d["sentence_normalized"],
                        int(t["from"]),
                        int(t["to"]),
                        _POLARITY[float(t["polarity"])],
                    )
                )
    return out


def prf(gold: Sequence[str], pred: Sequence[str]) -> pd.DataFrame:
    """Per-class precision, recall, F1 and support, plus macro and support-weighted average rows."""
    g, p = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    rows = []
    for c in LABELS:
        tp, fp, fn = (
            int(((g == c) & (p == c)).sum()),
            int(((g != c) & (p == c)).sum()),
            int(((g == c) & (p != c)).sum()),
        )
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        rows.append((c, prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0, tp + fn))
    table = pd.DataFrame(rows, columns=["class", "precision", "recall", "f1", "support"])
    total = table["support"].sum()
    w = table["support"] / total if total else table["support"] * 0.0
    macro = ("macro", table["precision"].mean(), table["recall"].mean(), table["f1"].mean(), total)
    weighted = (
        "weighted",
        (table["precision"] * w).sum(),
        (table["recall"] * w).sum(),
        (table["f1"] * w).sum(),
        total,
    )
    return pd.concat(
        [table, pd.DataFrame([macro, weighted], columns=table.columns)], ignore_index=True
    )


def load_nyt(path: str | Path) -> pd.DataFrame:
    """The VADER NYT editorial ground truth: id, mean human rating (-4..4), text."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            rows.append((parts[0], float(parts[1]), parts[2].strip()))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def validate_nyt(
    path: str | Path, *, methods: Sequence[str] = METHODS, threshold: float = THRESHOLD
) -> pd.DataFrame:
    """Each method against the NYT editorial ratings: n, Pearson r, 3-class P, R, F1
    (support-weighted) and macro-F1.

    The convention that reproduces Hutto & Gilbert's published VADER figures (r 0.492, P 0.69,
    R 0.49, F1 0.55): a score is positive at >= +0.05, negative at <= -0.05, else neutral; a mean
    human rating is positive above 0, negative below 0, neutral at exactly 0 (a mean of 20 integer
    ratings is a multiple of 0.05, so +-0.05 on the ratings gives the same classes); precision,
    recall and F1 are averaged over the three classes weighted by their number of sentences. The
    unweighted (macro) F1, 0.43 for VADER, is reported beside it.
    """
    nyt = load_nyt(path)
    gold = ["positive" if r > 0 else "negative" if r < 0 else "neutral" for r in nyt["rating"]]
    rows = []
    for m in methods:
        scores = np.array([score(t, method=m) for t in nyt["text"]])
        table = prf(gold, [label(s, threshold=threshold) for s in scores]).set_index("class")
        rows.append(
            (
                m,
                len(nyt),
                float(np.corrcoef(scores, nyt["rating"])[0, 1]),
                table.at["weighted", "precision"],
                table.at["weighted", "recall"],
                table.at["weighted", "f1"],
                table.at["macro", "f1"],
            )
        )
    return pd.DataFrame(
        rows, columns=["method", "n", "pearson_r", "precision", "recall", "f1", "macro_f1"]
    )


def validate_toward(path: str | Path) -> dict[str, object]:
    """`toward` against NewsMTSC labels: n, macro-F1, per-class P/R/F1 table, confusion matrix, and
    sentence-level VADER as a baseline."""
    ex = load_newsmtsc(path)
    gold = [e.label for e in ex]
    pred = [toward(e.text, e.start, e.end)[0] for e in ex]
    base = [label(score(e.text, method="vader")) for e in ex]
    confusion = pd.crosstab(
        pd.Series(gold, name="gold"), pd.Series(pred, name="predicted")
    ).reindex(index=LABELS, columns=LABELS, fill_value=0)
    table = prf(gold, pred)
    return {
        "n": len(ex),
        "macro_f1": float(table.set_index("class").at["macro", "f1"]),
        "table": table,
        "confusion": confusion,
        "baseline_vader_macro_f1": float(prf(gold, base).set_index("class").at["macro", "f1"]),
        "baseline_vader_table": prf(gold, base),
    }
