"""Train the target-sentiment model that `presslens.measure.sentiment.toward` ships with.

Data: eval/newsmtsc/train.jsonl (NewsMTSC, Hamborg & Donnay 2021, MIT licence): political news
sentences, each with one or more person mentions and the sentiment of the sentence towards that
person (negative, neutral, positive). The model is a multinomial logistic regression (balanced
class weights) over the features of `presslens.measure.sentiment.target_features`: sublinear TF-IDF
unigrams and bigrams of three token views (the sentence with the mention masked, the words just
left and right of it, the mention's own clause) and a few standardised numbers (VADER scores of the
clause and the context, lexicon valence near the mention, position, speaker of a quote).

The regularisation strength C is chosen by 5-fold cross-validation on the training file alone,
grouped by sentence so that two mentions of one sentence never sit on both sides of a split. The
evaluation file (devtest_rw.jsonl) is never read here. Deterministic: the same file comes out on
every run (sorted JSON, rounded coefficients, gzip without a time stamp).

    python bench/train_toward.py      # writes lib/presslens/resources/toward_model.json.gz
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
from presslens.measure import sentiment  # noqa: E402

TRAIN = ROOT / "eval" / "newsmtsc" / "train.jsonl"
TARGET = ROOT / "lib" / "presslens" / "resources" / sentiment.MODEL_FILE
CS = [0.3, 1.0, 3.0]
VIEWS = ["sentence", "window", "clause"]
DENSE_WEIGHT = 0.3


def _identity(tokens: list[str]) -> list[str]:
    """Analyser for the TF-IDF vectorisers: the shipped n-gram function."""
    return sentiment.ngrams(tokens)


def features(examples: list[sentiment.Example]) -> tuple[dict[str, list[list[str]]], np.ndarray]:
    """Token views and dense features of every example."""
    views: dict[str, list[list[str]]] = {v: [] for v in VIEWS}
    dense = []
    for e in examples:
        v, d = sentiment.target_features(e.text, e.start, e.end)
        for name in VIEWS:
            views[name].append(v[name])
        dense.append(d)
    return views, np.array(dense, dtype=float)


def design(
    views: dict[str, list[list[str]]], dense: np.ndarray
) -> tuple[csr_matrix, list[TfidfVectorizer], np.ndarray, np.ndarray]:
    """The feature matrix and what is needed to rebuild it at prediction time."""
    vecs = [
        TfidfVectorizer(analyzer=_identity, min_df=2, sublinear_tf=True, dtype=np.float64)
        for _ in VIEWS
    ]
    blocks = [vec.fit_transform(views[name]) for vec, name in zip(vecs, VIEWS)]
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    blocks.append(csr_matrix((dense - mean) / scale * DENSE_WEIGHT))
    return hstack(blocks).tocsr(), vecs, mean, scale


def classifier(c: float) -> LogisticRegression:
    """The model: multinomial logistic regression with balanced class weights."""
    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced")


def cross_validate(X: csr_matrix, y: np.ndarray, groups: np.ndarray) -> dict[float, float]:
    """Macro-F1 of each C over 5 folds grouped by sentence (training file only)."""
    folds = list(
        StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0).split(
            np.zeros(len(y)), y, groups
        )
    )
    scores = {}
    for c in CS:
        pred = np.empty_like(y)
        for train, test in folds:
            pred[test] = classifier(c).fit(X[train], y[train]).predict(X[test])
        scores[c] = float(f1_score(y, pred, average="macro"))
        print(
            f"C={c}: cross-validated macro-F1 on train.jsonl {scores[c]:.4f}",
            file=sys.stderr,
            flush=True,
        )
    return scores


def export(
    vecs: list[TfidfVectorizer],
    mean: np.ndarray,
    scale: np.ndarray,
    clf: LogisticRegression,
    *,
    c: float,
    scores: dict[float, float],
    n: int,
) -> dict:
    """The model as plain JSON-able data (vocabularies, idf, coefficients)."""
    views, offset = [], 0
    for name, vec in zip(VIEWS, vecs):
        views.append(
            {
                "name": name,
                "weight": 1.0,
                "offset": offset,
                "vocabulary": {t: int(i) for t, i in sorted(vec.vocabulary_.items())},
                "idf": [round(float(x), 6) for x in vec.idf_],
            }
        )
        offset += len(vec.vocabulary_)
    return {
        "about": "presslens target-sentiment model, built by bench/train_toward.py from NewsMTSC "
        "train.jsonl "
        "(Hamborg & Donnay 2021, MIT licence, see eval/newsmtsc/LICENSE)",
        "labels": sentiment.LABELS,
        "C": c,
        "cv": {
            "folds": 5,
            "grouped_by": "sentence",
            "macro_f1_by_C": {str(k): round(v, 4) for k, v in scores.items()},
            "macro_f1": round(scores[c], 4),
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
        "coef": [[round(float(x), 6) for x in row] for row in clf.coef_],
        "intercept": [round(float(x), 6) for x in clf.intercept_],
    }


def check_parity(examples: list[sentiment.Example], proba: np.ndarray) -> float:
    """Largest difference between the shipped numpy predictor and scikit-learn on a sample of
    training targets."""
    sentiment.toward_model.cache_clear()
    idx = np.arange(0, len(examples), 37)
    ours = np.array(
        [sentiment.toward_proba(examples[i].text, examples[i].start, examples[i].end) for i in idx]
    )
    return float(np.abs(ours - proba[idx]).max())


def main() -> None:
    """Select C by grouped cross-validation on train.jsonl, fit on all of it, write and check the
    model file."""
    t0 = time.time()
    examples = sentiment.load_newsmtsc(TRAIN)
    y = np.array([sentiment.LABELS.index(e.label) for e in examples])
    groups = np.unique([e.text for e in examples], return_inverse=True)[1]
    X, vecs, mean, scale = design(*features(examples))
    scores = cross_validate(X, y, groups)
    best = max(CS, key=lambda c: (round(scores[c], 4), -c))
    clf = classifier(best).fit(X, y)
    data = json.dumps(
        export(vecs, mean, scale, clf, c=best, scores=scores, n=len(y)),
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    with open(TARGET, "wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(data)
    gap = check_parity(examples, clf.predict_proba(X))
    print(
        f"wrote {TARGET.relative_to(ROOT)}: C={best}, cross-validated macro-F1 "
        f"{scores[best]:.4f}, {X.shape[1]} features, "
        f"{len(y)} targets; numpy vs scikit-learn max probability gap {gap:.1e}; "
        f"{time.time() - t0:.0f} s",
        file=sys.stderr,
    )
    if gap > 1e-3:
        raise SystemExit(
            "the numpy predictor does not reproduce scikit-learn: features differ between "
            "training and prediction"
        )


if __name__ == "__main__":
    main()
