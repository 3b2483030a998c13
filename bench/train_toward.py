"""Train the target-sentiment model that `presslens.measure.sentiment.toward` ships with.

Data: eval/newsmtsc/train.jsonl (NewsMTSC, Hamborg & Donnay 2021, MIT licence): political news
sentences, each with one or more person mentions and the sentiment of the sentence towards that
person (negative, neutral, positive). The model is a multinomial logistic regression (balanced
class weights) over the features of `presslens.measure.sentiment.target_features`: sublinear TF-IDF
unigrams and bigrams of seven token views (the sentence with the mention masked; the words just
left and right of it; the mention's own clause; every word marked by side and distance from the
mention; the words framing it - previous and next words, possessive, first position; the sentence
with negated words marked; the sentence with quoted words marked), character 2-5-grams of the six
words either side, and a few standardised numbers (VADER scores of the clause and the context,
lexicon valence near the mention, plain and distance-decayed, position, speaker of a quote).

The regularisation strength C is chosen by 5-fold cross-validation on the training file alone,
grouped by sentence so that two mentions of one sentence never sit on both sides of a split. The
cross-validated macro-F1 is printed with a 95% bootstrap interval (resampling sentences) and
per-class F1. The evaluation file (devtest_rw.jsonl) is read only with --heldout, after the model
is written, and nothing is chosen on it. Deterministic: the same file comes out on every run
(sorted JSON, rounded coefficients, gzip without a time stamp).

    python bench/train_toward.py            # writes lib/presslens/resources/toward_model.json.gz
    python bench/train_toward.py --heldout  # the same, then devtest_rw figures and ms per target
    python bench/train_toward.py --heldout --no-train  # the shipped model's figures only
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
from presslens.measure import sentiment  # noqa: E402
from presslens.measure.sentiment import toward_features as tf  # noqa: E402
from presslens.validate import sentiment as sentiment_check  # noqa: E402
from presslens.validate.sentiment import Example, macro_f1_interval  # noqa: E402

TRAIN = ROOT / "eval" / "newsmtsc" / "train.jsonl"
HELDOUT = ROOT / "eval" / "newsmtsc" / "devtest_rw.jsonl"
TARGET = ROOT / "lib" / "presslens" / "resources" / sentiment.MODEL_FILE
CS = [0.5, 1.0, 2.0]
ANALYSER = {"chars": "chars"}  # every other view: word unigrams and bigrams
VIEW_WEIGHT = {"chars": 0.7}  # every other view: 1
MIN_DF = 2
DENSE_WEIGHT = 0.3


def _analyser(name: str):
    """The shipped analyser of a view, for the TF-IDF vectoriser."""
    return tf.ANALYSERS[ANALYSER.get(name, "ngrams")]


def features(examples: list[Example]) -> tuple[dict[str, list[list[str]]], np.ndarray]:
    """Token views and dense features of every example."""
    views: dict[str, list[list[str]]] = {v: [] for v in tf.VIEWS}
    dense = []
    for e in examples:
        v, d = sentiment.target_features(e.text, e.start, e.end)
        for name in tf.VIEWS:
            views[name].append(v[name])
        dense.append(d)
    return views, np.array(dense, dtype=float)


def design(
    views: dict[str, list[list[str]]], dense: np.ndarray
) -> tuple[csr_matrix, list[TfidfVectorizer], np.ndarray, np.ndarray]:
    """The feature matrix and what is needed to rebuild it at prediction time."""
    vecs = [
        TfidfVectorizer(analyzer=_analyser(n), min_df=MIN_DF, sublinear_tf=True, dtype=np.float64)
        for n in tf.VIEWS
    ]
    blocks = [
        vec.fit_transform(views[n]) * VIEW_WEIGHT.get(n, 1.0) for vec, n in zip(vecs, tf.VIEWS)
    ]
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    blocks.append(csr_matrix((dense - mean) / scale * DENSE_WEIGHT))
    return hstack(blocks).tocsr(), vecs, mean, scale


def classifier(c: float) -> LogisticRegression:
    """The model: multinomial logistic regression with balanced class weights."""
    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced")


def figures(gold: list[str], pred: list[str], groups: list[str]) -> dict:
    """Macro-F1 with its 95% bootstrap interval over sentences, and per-class F1."""
    point, low, high = macro_f1_interval(gold, pred, groups)
    table = sentiment_check.prf(gold, pred).set_index("class")
    return {
        "macro_f1": round(point, 4),
        "ci95": [round(low, 4), round(high, 4)],
        "f1_by_class": {c: round(float(table.at[c, "f1"]), 4) for c in sentiment.LABELS},
        "n": len(gold),
    }


def _show(title: str, f: dict) -> None:
    """Print one set of figures."""
    per = ", ".join(f"{c} {v:.3f}" for c, v in f["f1_by_class"].items())
    print(
        f"{title}: macro-F1 {f['macro_f1']:.4f} (95% CI {f['ci95'][0]:.4f}-{f['ci95'][1]:.4f}, "
        f"bootstrap over sentences), n={f['n']}; F1 by class: {per}",
        flush=True,
    )


def cross_validate(
    X: csr_matrix, y: np.ndarray, groups: np.ndarray, texts: list[str]
) -> dict[float, dict]:
    """Figures of each C over 5 folds grouped by sentence (training file only)."""
    folds = list(
        StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0).split(
            np.zeros(len(y)), y, groups
        )
    )
    gold = [sentiment.LABELS[i] for i in y]
    out = {}
    for c in CS:
        pred = np.empty_like(y)
        for train, test in folds:
            pred[test] = classifier(c).fit(X[train], y[train]).predict(X[test])
        out[c] = figures(gold, [sentiment.LABELS[i] for i in pred], texts)
        _show(f"C={c}: 5-fold grouped CV on train.jsonl", out[c])
    return out


def _vocabulary(vec: TfidfVectorizer) -> dict[str, int]:
    """A vectoriser's vocabulary as sorted plain data."""
    return {t: int(i) for t, i in sorted(vec.vocabulary_.items())}


def export(
    vecs: list[TfidfVectorizer],
    mean: np.ndarray,
    scale: np.ndarray,
    clf: LogisticRegression,
    *,
    c: float,
    cv: dict[float, dict],
    n: int,
) -> dict:
    """The model as plain JSON-able data (vocabularies, idf, coefficients)."""
    views, offset = [], 0
    for name, vec in zip(tf.VIEWS, vecs):
        views.append(
            {
                "name": name,
                "analyser": ANALYSER.get(name, "ngrams"),
                "weight": VIEW_WEIGHT.get(name, 1.0),
                "offset": offset,
                "vocabulary": _vocabulary(vec),
                "idf": [round(float(x), 5) for x in vec.idf_],
            }
        )
        offset += len(vec.vocabulary_)
    return {
        "about": "presslens target-sentiment model, built by bench/train_toward.py from NewsMTSC "
        "train.jsonl (Hamborg & Donnay 2021, MIT licence, see eval/newsmtsc/LICENSE)",
        "labels": sentiment.LABELS,
        "C": c,
        "settings": {"min_df": MIN_DF, "dense_weight": DENSE_WEIGHT, "Cs": CS},
        "cv": {
            "folds": 5,
            "grouped_by": "sentence",
            "macro_f1_by_C": {str(k): v["macro_f1"] for k, v in cv.items()},
            **cv[c],
        },
        "n_train": n,
        "views": views,
        "dense": {
            "names": sentiment.DENSE_FEATURES,
            "offset": offset,
            "weight": DENSE_WEIGHT,
            "mean": [round(float(x), 6) for x in mean],
            "scale": [round(float(x), 6) for x in scale],
        },
        "coef": [[round(float(x), 5) for x in row] for row in clf.coef_],
        "intercept": [round(float(x), 6) for x in clf.intercept_],
    }


def check_parity(examples: list[Example], proba: np.ndarray) -> float:
    """Largest difference between the shipped numpy predictor and scikit-learn on a sample of
    training targets."""
    sentiment.toward_model.cache_clear()
    idx = np.arange(0, len(examples), 37)
    ours = np.array(
        [sentiment.toward_proba(examples[i].text, examples[i].start, examples[i].end) for i in idx]
    )
    return float(np.abs(ours - proba[idx]).max())


def train() -> None:
    """Select C by grouped cross-validation on train.jsonl, fit on all of it, write and check the
    model file."""
    t0 = time.time()
    examples = sentiment_check.load_newsmtsc(TRAIN)
    y = np.array([sentiment.LABELS.index(e.label) for e in examples])
    texts = [e.text for e in examples]
    groups = np.unique(texts, return_inverse=True)[1]
    X, vecs, mean, scale = design(*features(examples))
    cv = cross_validate(X, y, groups, texts)
    best = max(CS, key=lambda c: (cv[c]["macro_f1"], -c))
    clf = classifier(best).fit(X, y)
    data = json.dumps(
        export(vecs, mean, scale, clf, c=best, cv=cv, n=len(y)),
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    with open(TARGET, "wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(data)
    gap = check_parity(examples, clf.predict_proba(X))
    print(
        f"chosen: C={best} (of {CS}), min_df={MIN_DF}, view weights {VIEW_WEIGHT or 1}, dense "
        f"weight {DENSE_WEIGHT}; wrote {TARGET.relative_to(ROOT)} "
        f"({TARGET.stat().st_size / 1e6:.1f} MB): {X.shape[1]} features, {len(y)} targets; numpy "
        f"vs scikit-learn max probability gap {gap:.1e}; {time.time() - t0:.0f} s",
        flush=True,
    )
    if gap > 1e-3:
        raise SystemExit(
            "the numpy predictor does not reproduce scikit-learn: features differ between "
            "training and prediction"
        )


def heldout() -> None:
    """The shipped model's stored CV figures, then its figures on devtest_rw and the time per
    target (features and prediction, averaged over devtest_rw)."""
    with gzip.open(TARGET, "rt", encoding="utf-8") as fh:
        stored = json.load(fh)
    _show(f"shipped model (C={stored['C']}), 5-fold grouped CV on train.jsonl", stored["cv"])
    examples = sentiment_check.load_newsmtsc(HELDOUT)
    sentiment.toward_model.cache_clear()
    sentiment.toward_model()
    sentiment.toward("Smith said so.", 0, 5)  # warm up: VADER and the model are loaded once
    tf._compound_of.cache_clear()
    t0 = time.perf_counter()
    pred = [sentiment.toward(e.text, e.start, e.end)[0] for e in examples]
    ms = (time.perf_counter() - t0) * 1000 / len(examples)
    f = figures([e.label for e in examples], pred, [e.text for e in examples])
    _show("held out, NewsMTSC devtest_rw", f)
    print(f"time per target (features + prediction): {ms:.3f} ms over {len(examples)} targets")


def main() -> None:
    """Train (unless --no-train), then with --heldout measure on devtest_rw."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--heldout", action="store_true", help="also measure on devtest_rw, once")
    ap.add_argument("--no-train", action="store_true", help="do not retrain; use the shipped file")
    args = ap.parse_args()
    if not args.no_train:
        train()
    if args.heldout:
        heldout()


if __name__ == "__main__":
    main()
