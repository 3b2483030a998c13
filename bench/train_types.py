"""Train the name-type classifier that `presslens.extract.name_types` ships with, and check it.

Data: lib/presslens/resources/gold/name_types.csv, 300 names drawn by bench/type_sample.py from
NewsMTSC train (US political news, grouped into source articles) and the narrative-frames climate
articles, each labelled by hand (person, organisation, place, group, other, not_a_name; guide
beside it). A third of the names (sha256 of corpus and name, remainder 0 of 3) are held out: the
model never sees them, and they give the figures this script prints beside the cross-validated
figures of the rest. The evidence of each name is computed as a run computes it
(presslens.extract.discover.name_counts on its corpus). The model is a multinomial logistic
regression (standardised features) over the names whose evidence the rules cannot read (no
title, honorific or pronoun; not a census first name before a surname: ``name_types.weak``), with
"group" counted as "other"; C is chosen by 5-fold stratified cross-validation on the training
names. Deterministic: sorted JSON, rounded numbers.

    python bench/train_types.py            # writes lib/presslens/resources/name_type_model.json
    python bench/train_types.py --check    # prints the figures, writes nothing
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from type_sample import corpora  # noqa: E402

from presslens.extract import discover, name_types  # noqa: E402
from presslens.core import resources  # noqa: E402

GOLD = [resources.path("gold/name_types.csv"), resources.path("gold/name_types_2.csv")]
TARGET = ROOT / "lib" / "presslens" / "resources" / name_types.MODEL_FILE
CS = [0.03, 0.1, 0.3, 1.0]


def heldout(corpus: str, name: str) -> bool:
    """Whether a labelled name is held out (never trained on)."""
    return int(hashlib.sha256(f"{corpus}|{name}".encode()).hexdigest(), 16) % 3 == 0


def evidence() -> dict[tuple[str, str], tuple[dict, int]]:
    """(corpus, name) -> (summed evidence of the name's own form, other forms linked to it)."""
    out = {}
    for corpus, (texts, spans) in corpora().items():
        arts = pd.DataFrame({"article_id": list(texts), "text": list(texts.values()),
                             "status": "ok"})  # fmt: skip
        sents = pd.DataFrame(
            [(k, i + 1, a, b) for k, sp in spans.items() for i, (a, b) in enumerate(sp)],
            columns=["article_id", "sent_id", "start", "end"],
        )
        counts = discover.name_counts(arts, sents)
        own = counts[counts["form"] == counts["full"]].groupby("full")[discover.COUNT_COLUMNS[3:]]
        linked = counts[counts["form"] != counts["full"]].groupby("full").size()
        for full, ev in own.sum().iterrows():
            out[(corpus, str(full))] = (ev.to_dict(), int(linked.get(full, 0)))
    return out


def table() -> pd.DataFrame:
    """The labelled names with their features and split."""
    gold = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in GOLD])
    ev = evidence()
    rows = []
    for corpus, name, label in zip(gold["corpus"], gold["name"], gold["type"]):
        e, linked = ev.get((corpus, name), ({"n": 0}, 0))
        rows.append({"corpus": corpus, "name": name, "label": label,
                     "heldout": heldout(corpus, name), "weak": name_types.weak(name, e),
                     **dict(zip(name_types.FEATURES,
                                name_types.features(name, e, linked)))})  # fmt: skip
    return pd.DataFrame(rows)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[StandardScaler, LogisticRegression]:
    """Standardise and fit one model."""
    scaler = StandardScaler().fit(x)
    lr = LogisticRegression(C=c, max_iter=5000)
    return scaler, lr.fit(scaler.transform(x), y)


def report(name: str, y: np.ndarray, p: np.ndarray) -> None:
    """Accuracy and macro-F1 of predictions."""
    acc = accuracy_score(y, p)
    f1 = f1_score(y, p, average="macro", zero_division=0)
    print(f"{name}: n={len(y)} accuracy {acc:.3f} macro-F1 {f1:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    t = table()
    feats = list(name_types.FEATURES)
    t = t[t["weak"]]  # the model decides where the rules have no evidence to go on
    t = t.assign(label=t["label"].replace({"group": "other"}))
    train, test = t[~t["heldout"]], t[t["heldout"]]
    x, y = train[feats].to_numpy(), train["label"].to_numpy()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    best = None
    for c in CS:
        pred = cross_val_predict(
            LogisticRegression(C=c, max_iter=5000),
            StandardScaler().fit_transform(x), y, cv=folds,
        )  # fmt: skip
        f1 = f1_score(y, pred, average="macro", zero_division=0)
        print(f"C={c}: cross-validated macro-F1 {f1:.3f}, accuracy {accuracy_score(y, pred):.3f}")
        best = (f1, c) if best is None or f1 > best[0] else best
    scaler, lr = fit(x, y, best[1])
    report(f"held out (C={best[1]})", test["label"].to_numpy(),
           lr.predict(scaler.transform(test[feats].to_numpy())))  # fmt: skip
    if args.check:
        return
    spec = {
        "classes": [str(c) for c in lr.classes_],
        "features": feats,
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coef": [[round(float(v), 6) for v in row] for row in lr.coef_],
        "intercept": [round(float(v), 6) for v in lr.intercept_],
        "C": best[1],
        "trained_on": int(len(train)),
    }
    TARGET.write_text(json.dumps(spec, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
