"""Train the target-sentiment model that `presslens.sentiment.toward` ships with.

Data: eval/newsmtsc/train.jsonl (NewsMTSC, Hamborg & Donnay 2021, MIT licence): political news
sentences, each with one or more person mentions and the sentiment of the sentence towards that
person (negative, neutral, positive). The model is a multinomial logistic regression over TF-IDF
features of two views of the sentence: the whole sentence with the mention replaced by a
placeholder, and the words within six tokens left and right of the mention, marked by side. The
regularisation strength is chosen by 5-fold cross-validation on the training file alone; the
evaluation file (devtest_rw.jsonl) is never used here.

    python bench/train_toward.py      # writes lib/presslens/resources/toward_model.json.gz
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
from presslens import sentiment  # noqa: E402

TRAIN = ROOT / "eval" / "newsmtsc" / "train.jsonl"
TARGET = ROOT / "lib" / "presslens" / "resources" / "toward_model.json.gz"
CS = [0.3, 1.0, 3.0, 10.0]


def vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    """The two TF-IDF views, configured as `presslens.sentiment` recomputes them."""
    opts = dict(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+", lowercase=False, dtype=np.float64)
    return TfidfVectorizer(**opts), TfidfVectorizer(**opts)


def main() -> None:
    """Select C by cross-validation on train.jsonl, fit on all of it, write the model file."""
    examples = sentiment.load_newsmtsc(TRAIN)
    views = [sentiment.target_views(e.text, e.start, e.end) for e in examples]
    y = np.array([sentiment.LABELS.index(e.label) for e in examples])
    v1, v2 = vectorizers()
    X = hstack([v1.fit_transform([a for a, _ in views]), v2.fit_transform([b for _, b in views])]).tocsr()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = {}
    for c in CS:
        pred = cross_val_predict(LogisticRegression(C=c, max_iter=3000, class_weight="balanced"), X, y, cv=folds)
        scores[c] = f1_score(y, pred, average="macro")
        print(f"C={c}: cross-validated macro-F1 on train {scores[c]:.3f}", file=sys.stderr)
    best = max(CS, key=lambda c: (scores[c], -c))
    clf = LogisticRegression(C=best, max_iter=3000, class_weight="balanced").fit(X, y)
    n1 = len(v1.vocabulary_)
    model = {
        "about": "presslens target-sentiment model; built by bench/train_toward.py from NewsMTSC train.jsonl (MIT licence)",
        "labels": sentiment.LABELS,
        "C": best,
        "cv_macro_f1": round(scores[best], 4),
        "n_train": len(y),
        "views": [
            {"vocabulary": {t: int(i) for t, i in sorted(v1.vocabulary_.items())}, "idf": [round(float(x), 6) for x in v1.idf_]},
            {"vocabulary": {t: int(i) for t, i in sorted(v2.vocabulary_.items())}, "idf": [round(float(x), 6) for x in v2.idf_]},
        ],
        "coef": [[round(float(x), 6) for x in row] for row in clf.coef_],
        "intercept": [round(float(x), 6) for x in clf.intercept_],
        "offset": n1,
    }
    data = json.dumps(model, sort_keys=True, separators=(",", ":")).encode()
    with open(TARGET, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(data)
    print(f"wrote {TARGET} (C={best}, cross-validated macro-F1 {scores[best]:.3f}, {X.shape[1]} features)", file=sys.stderr)


if __name__ == "__main__":
    main()
