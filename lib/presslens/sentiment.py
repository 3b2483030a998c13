"""Sentence sentiment with two independent lexicons, aggregates with bootstrap intervals, and the
tone of a sentence toward one mention in it.

Methods (each gives a score in -1..1 per sentence):

- ``vader``: NLTK's VADER (Hutto & Gilbert 2014), a rule-based lexicon built for social media. Its
  lexicon comes from NLTK's own data where installed (``sentiment/vader_lexicon.zip``), else from
  the copy shipped inside the ``vaderSentiment`` package; the compound score is used.
- ``textblob``: the Pattern lexicon of adjectives shipped with TextBlob (De Smedt & Daelemans 2012),
  polarity score; built from product reviews, independent of VADER's lexicon and rules.

Article tone is the mean of its sentences' scores (one VADER call on a whole article saturates
towards +-1 on long texts), with a percentile bootstrap 95% interval over its sentences; outlet tone
is the mean of its articles' tones with a bootstrap interval over articles. Each article is
resampled with its own seed (derived from its id), so results do not depend on partitioning.

``toward(text, start, end)`` is target-dependent: a logistic regression trained on NewsMTSC
(political news sentences labelled for the sentiment toward one person; see bench/train_toward.py)
over the sentence with the mention masked and the words around it, so two people in one sentence
can get different labels.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import math
import re
import zlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from presslens import resources_io

LABELS = ["negative", "neutral", "positive"]
METHODS = ("vader", "textblob")
THRESHOLD = 0.05
COLUMNS = ["article_id", "sent_id", "method", "compound"]


class _Vader(SentimentIntensityAnalyzer):
    """NLTK's VADER analyser with its lexicon given as text (NLTK only loads from its data path)."""

    def __init__(self, lexicon_text: str) -> None:  # noqa: D107 - same object as NLTK's, other loading
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


def vader_lexicon() -> tuple[str, str]:
    """(where the VADER lexicon came from, its text): NLTK's data if installed, else vaderSentiment's copy."""
    import nltk

    try:
        found = nltk.data.find("sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt")
        return "nltk_data sentiment/vader_lexicon.zip", found.open().read().decode("utf-8")
    except LookupError:
        import vaderSentiment

        path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
        return f"vaderSentiment {metadata.version('vaderSentiment')} vader_lexicon.txt", path.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyser (built once)."""
    return _Vader(vader_lexicon()[1].strip("\n"))


@functools.lru_cache(maxsize=1)
def textblob():
    """TextBlob's Pattern analyser (built once; its lexicon ships in the package)."""
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def lexicon_info() -> dict[str, str]:
    """Source and sha256 of each lexicon, for the run manifest."""
    source, text = vader_lexicon()
    import textblob as tb

    pattern = Path(tb.__file__).parent / "en" / "en-sentiment.xml"
    return {
        "vader": f"{source} sha256:{hashlib.sha256(text.encode()).hexdigest()}",
        "textblob": f"textblob {metadata.version('textblob')} en-sentiment.xml sha256:{hashlib.sha256(pattern.read_bytes()).hexdigest()}",
        "toward": f"toward_model.json.gz sha256:{resources_io.sha256('toward_model.json.gz')}",
    }


def score(text: str, *, method: str = "vader") -> float:
    """Sentiment of one text in -1..1 with the named method."""
    if method == "vader":
        return float(vader().polarity_scores(text)["compound"])
    if method == "textblob":
        return float(textblob().analyze(text).polarity)
    raise ValueError(f"unknown sentiment method {method!r}; known: {', '.join(METHODS)}")


def score_sentences(sentences: pd.DataFrame, *, methods: tuple[str, ...] = METHODS) -> pd.DataFrame:
    """The `sentiment` table: one row per sentence and method."""
    frames = [
        pd.DataFrame({"article_id": sentences["article_id"].to_numpy(), "sent_id": sentences["sent_id"].to_numpy(), "method": m,
                      "compound": [round(score(t, method=m), 6) for t in sentences["text"]]})
        for m in methods
    ]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    return out.sort_values(["article_id", "sent_id", "method"], kind="mergesort").reset_index(drop=True)


def label(compound: float, *, threshold: float = THRESHOLD) -> str:
    """negative / neutral / positive at +-threshold (VADER's convention: 0.05)."""
    return "positive" if compound >= threshold else "negative" if compound <= -threshold else "neutral"


def wide(sentiment: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, one column per method."""
    return sentiment.pivot_table(index=["article_id", "sent_id"], columns="method", values="compound").reset_index()


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two label lists."""
    cats = sorted(set(a) | set(b))
    n = len(a)
    if n == 0:
        return float("nan")
    po = sum(x == y for x, y in zip(a, b)) / n
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(sentiment: pd.DataFrame, *, a: str = "vader", b: str = "textblob", threshold: float = THRESHOLD) -> dict[str, float]:
    """How far two methods agree on the same sentences: Pearson r, Spearman rho, kappa, % same label."""
    w = wide(sentiment).dropna(subset=[a, b])
    la, lb = [label(x, threshold=threshold) for x in w[a]], [label(x, threshold=threshold) for x in w[b]]
    n = len(w)
    return {
        "n_sentences": n,
        "pearson_r": float(w[a].corr(w[b])) if n > 2 else float("nan"),
        "spearman_rho": float(w[a].corr(w[b], method="spearman")) if n > 2 else float("nan"),
        "cohen_kappa": cohen_kappa(la, lb),
        "same_label": sum(x == y for x, y in zip(la, lb)) / n if n else float("nan"),
    }


def disagreements(sentiment: pd.DataFrame, sentences: pd.DataFrame, *, a: str = "vader", b: str = "textblob", top: int = 10) -> pd.DataFrame:
    """The sentences on which two methods disagree most (largest absolute difference), with text."""
    w = wide(sentiment).dropna(subset=[a, b])
    w["difference"] = (w[a] - w[b]).abs()
    w = w.merge(sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"])
    return w.sort_values(["difference", "article_id", "sent_id"], ascending=[False, True, True], kind="mergesort").head(top).reset_index(drop=True)[["article_id", "sent_id", a, b, "difference", "text"]]


def bootstrap_ci(values: np.ndarray, *, n_boot: int, seed: int, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean; NaN when there are fewer than 2 values."""
    if len(values) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    lo, hi = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def _seed(key: str, seed: int) -> int:
    return zlib.crc32(key.encode()) ^ seed


def article_tone(sentiment: pd.DataFrame, *, method: str = "vader", n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Article tone (mean of its sentences) with a bootstrap 95% interval and the shares of +/- sentences."""
    rows = []
    sub = sentiment[sentiment["method"] == method]
    for aid, g in sub.groupby("article_id", sort=True):
        v = g["compound"].to_numpy(dtype=float)
        lo, hi = bootstrap_ci(v, n_boot=n_boot, seed=_seed(aid, seed))
        rows.append((aid, method, len(v), float(v.mean()), lo, hi, float((v <= -THRESHOLD).mean()), float((v >= THRESHOLD).mean())))
    cols = ["article_id", "method", "n_sentences", "tone", "ci_low", "ci_high", "share_negative", "share_positive"]
    return pd.DataFrame(rows, columns=cols).round({"tone": 6, "ci_low": 6, "ci_high": 6, "share_negative": 6, "share_positive": 6})


def group_tone(article_tone: pd.DataFrame, groups: pd.Series, *, n_boot: int = 2000, seed: int = 0, min_n: int = 5, unit: str = "article") -> pd.DataFrame:
    """Tone of groups of articles (mean of article tones) with bootstrap intervals over articles and plain warnings."""
    t = article_tone.assign(group=article_tone["article_id"].map(groups).fillna("(unknown)"))
    rows = []
    for (g, method), sub in t.groupby(["group", "method"], sort=True):
        v = sub["tone"].to_numpy(dtype=float)
        lo, hi = bootstrap_ci(v, n_boot=n_boot, seed=_seed(f"{g}|{method}", seed))
        if len(v) == 1:
            warn = f"only 1 {unit}: no interval; this is one {unit}'s tone, not comparable"
        elif len(v) < min_n:
            warn = f"only {len(v)} {unit}s: too few to compare (fewer than {min_n})"
        else:
            warn = ""
        rows.append((g, method, len(v), float(v.mean()), lo, hi, warn))
    return pd.DataFrame(rows, columns=["group", "method", "n", "tone", "ci_low", "ci_high", "warning"]).round({"tone": 6, "ci_low": 6, "ci_high": 6})


def outlet_tone(article_tone: pd.DataFrame, articles: pd.DataFrame, *, n_boot: int = 2000, seed: int = 0, min_articles: int = 5) -> pd.DataFrame:
    """Outlet tone: mean of its articles' tones, bootstrap interval over articles, n and a warning when n is small."""
    outlets = articles.set_index("article_id")["outlet"]
    return group_tone(article_tone, outlets, n_boot=n_boot, seed=seed, min_n=min_articles).rename(columns={"group": "outlet", "n": "n_articles"})


def extremes(sentiment: pd.DataFrame, sentences: pd.DataFrame, *, method: str = "vader", k: int = 5) -> pd.DataFrame:
    """The k most positive and k most negative sentences, with their article and text."""
    s = sentiment[sentiment["method"] == method].merge(sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"])
    pos = s.sort_values(["compound", "article_id", "sent_id"], ascending=[False, True, True], kind="mergesort").head(k).assign(end="most positive")
    neg = s.sort_values(["compound", "article_id", "sent_id"], ascending=[True, True, True], kind="mergesort").head(k).assign(end="most negative")
    return pd.concat([pos, neg], ignore_index=True)[["end", "article_id", "sent_id", "compound", "text"]]


# ---- tone toward a target ------------------------------------------------------------------

_TOKEN = re.compile(r"[\w'’]+|[^\w\s]")
WINDOW = 6


def target_views(text: str, start: int, end: int) -> tuple[str, str]:
    """Two views of a sentence for the target model: all words with the target masked, and the words near it."""
    left = [t.lower() for t in _TOKEN.findall(text[:start])]
    right = [t.lower() for t in _TOKEN.findall(text[end:])]
    full = " ".join([*left, "TGT", *right])
    window = " ".join([*("L_" + w for w in left[-WINDOW:]), *("R_" + w for w in right[:WINDOW])])
    return full, window


@dataclass(frozen=True)
class _Model:
    vocab: tuple[dict[str, int], dict[str, int]]
    idf: tuple[np.ndarray, np.ndarray]
    coef: np.ndarray
    intercept: np.ndarray
    offset: int


@functools.lru_cache(maxsize=1)
def toward_model() -> _Model:
    """The shipped target-sentiment model (loaded once)."""
    with gzip.open(resources_io.path("toward_model.json.gz"), "rt", encoding="utf-8") as fh:
        m = json.load(fh)
    v = m["views"]
    return _Model((v[0]["vocabulary"], v[1]["vocabulary"]), (np.array(v[0]["idf"]), np.array(v[1]["idf"])), np.array(m["coef"]), np.array(m["intercept"]), m["offset"])


def _tfidf(doc: str, vocab: dict[str, int], idf: np.ndarray) -> dict[int, float]:
    """Sublinear TF-IDF of unigrams and bigrams (whitespace tokens), L2-normalised, as sklearn computes it."""
    toks = doc.split()
    grams = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]
    counts: dict[int, int] = {}
    for g in grams:
        j = vocab.get(g)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    weights = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {j: w / norm for j, w in weights.items()} if norm else {}


def toward_proba(text: str, start: int, end: int) -> np.ndarray:
    """Probabilities of negative, neutral, positive toward the mention text[start:end]."""
    m = toward_model()
    full, window = target_views(text, start, end)
    z = m.intercept.copy()
    for view, base in ((full, 0), (window, m.offset)):
        idx = 0 if base == 0 else 1
        for j, w in _tfidf(view, m.vocab[idx], m.idf[idx]).items():
            z += m.coef[:, base + j] * w
    e = np.exp(z - z.max())
    return e / e.sum()


def toward(text: str, start: int, end: int) -> tuple[str, float]:
    """Sentiment of the sentence `text` toward the mention at text[start:end]: (label, P(pos) - P(neg))."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"mention span {start}..{end} is outside the text (length {len(text)})")
    p = toward_proba(text, start, end)
    return LABELS[int(p.argmax())], round(float(p[2] - p[0]), 6)


def toward_table(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Tone toward every mention: the mentions table plus `label` and `score`, from the mention's sentence."""
    s = sentences.set_index(["article_id", "sent_id"])[["start", "text"]]
    labels, scores = [], []
    for rec in mentions.itertuples(index=False):
        s_start, s_text = s.loc[(rec.article_id, rec.sent_id)]
        lab, sc = toward(s_text, rec.start - s_start, rec.end - s_start)
        labels.append(lab)
        scores.append(sc)
    return mentions.assign(label=labels, score=scores)


# ---- validation against human ratings ------------------------------------------------------

@dataclass(frozen=True)
class Example:
    """One NewsMTSC target: the sentence, the mention's span and its gold label."""

    text: str
    start: int
    end: int
    label: str


def load_newsmtsc(path: str | Path) -> list[Example]:
    """Every target of a NewsMTSC jsonl file as an Example (polarity 2/4/6 -> negative/neutral/positive)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            for t in d["targets"]:
                out.append(Example(d["sentence_normalized"], int(t["from"]), int(t["to"]), {2.0: "negative", 4.0: "neutral", 6.0: "positive"}[float(t["polarity"])]))
    return out


def prf(gold: list[str], pred: list[str]) -> pd.DataFrame:
    """Per-class precision, recall, F1 and support, plus the macro average row."""
    rows = []
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((c, prec, rec, f1, tp + fn))
    table = pd.DataFrame(rows, columns=["class", "precision", "recall", "f1", "support"])
    w = table["support"] / table["support"].sum() if table["support"].sum() else table["support"] * 0
    macro = ("macro", table["precision"].mean(), table["recall"].mean(), table["f1"].mean(), table["support"].sum())
    weighted = ("weighted", (table["precision"] * w).sum(), (table["recall"] * w).sum(), (table["f1"] * w).sum(), table["support"].sum())
    return pd.concat([table, pd.DataFrame([macro, weighted], columns=table.columns)], ignore_index=True)


def load_nyt(path: str | Path) -> pd.DataFrame:
    """The VADER NYT editorial ground truth: id, mean human rating (-4..4), text."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            rows.append((parts[0], float(parts[1]), parts[2].strip()))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def validate_nyt(path: str | Path, *, methods: tuple[str, ...] = METHODS, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Each method against the NYT editorial ratings: Pearson r and 3-class P, R, F1.

    The convention that reproduces Hutto & Gilbert's published figures: a score is positive at
    >= +0.05, negative at <= -0.05, else neutral; a mean human rating is positive above 0, negative
    below 0, neutral at exactly 0; precision, recall and F1 are averaged over the three classes
    weighted by their number of sentences. The unweighted (macro) F1 is reported beside it.
    """
    nyt = load_nyt(path)
    gold = ["positive" if r > 0 else "negative" if r < 0 else "neutral" for r in nyt["rating"]]
    rows = []
    for m in methods:
        scores = np.array([score(t, method=m) for t in nyt["text"]])
        table = prf(gold, [label(s, threshold=threshold) for s in scores]).set_index("class")
        rows.append((m, len(nyt), float(np.corrcoef(scores, nyt["rating"])[0, 1]), table.at["weighted", "precision"], table.at["weighted", "recall"], table.at["weighted", "f1"], table.at["macro", "f1"]))
    return pd.DataFrame(rows, columns=["method", "n", "pearson_r", "precision", "recall", "f1", "macro_f1"])


def validate_toward(path: str | Path) -> dict[str, object]:
    """`toward` against NewsMTSC labels: per-class and macro P/R/F1, confusion matrix, and a sentence-level VADER baseline."""
    ex = load_newsmtsc(path)
    gold = [e.label for e in ex]
    pred = [toward(e.text, e.start, e.end)[0] for e in ex]
    base = [label(score(e.text, method="vader")) for e in ex]
    confusion = pd.crosstab(pd.Series(gold, name="gold"), pd.Series(pred, name="predicted")).reindex(index=LABELS, columns=LABELS, fill_value=0)
    table = prf(gold, pred)
    return {
        "n": len(ex),
        "table": table,
        "macro_f1": float(table.set_index("class").at["macro", "f1"]),
        "baseline_vader_macro_f1": float(prf(gold, base).set_index("class").at["macro", "f1"]),
        "confusion": confusion,
    }
