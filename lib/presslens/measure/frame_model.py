"""Training the generic-frame model of `presslens.measure.framing` on human-coded articles.

The data are the narrative-frames articles (Frermann et al. 2023, MIT licence): 275 climate-change
news articles from about 36 outlets, each coded by two or three people. A frame's gold label is the
corpus's own, which these rules rebuild for all 275 articles: each indicator question is YES when
most of the article's coders answered yes (a tie is no), and the frame is present with two of its
three questions YES (conflict, economic, human interest), both of two (resolution) or one of two
(morality). The shipped model (bench/train_frames.py) is fitted on all articles; how well it does
against people (a development part by cross-validation, a held-out part, baselines) is measured by
`presslens.validate.frames`.

The model, per frame: a logistic regression (L2, balanced class weights) over the article's words
(sublinear TF-IDF, English stop words out, words in at least MODEL_MIN_DF articles) and its dense
features (`framing.cue_features` of the frame and `framing.style_features`). Its scores are
calibrated (Platt scaling on out-of-fold scores of the training articles) and the calibration is
folded into the stored coefficients, so a probability is one sparse dot product and a logistic.
The threshold maximises F1 of the presence rule (`framing.decide`) on those out-of-fold
probabilities; `confident` is max(CONFIDENT, threshold + CONFIDENT_MARGIN). Without the model, the
dictionary-only rule (`density_rule`) uses a cue-density threshold chosen by `density_threshold`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from presslens.measure import framing, metrics

MODEL_C = 1.0  # L2 strength; bench/train_frames.py --select on the development part: macro-F1
# 0.60-0.62 over C 0.3-3 and word weights 0-2 (flat within noise), so the defaults stay
MODEL_MIN_DF = 3  # a word enters the vocabulary when at least this many training articles hold it
INNER_FOLDS = 5  # folds of the out-of-fold scores that calibrate and set the threshold
CONFIDENT = 0.8  # a calibrated probability of 4 in 5: one cue sentence is then enough ...
CONFIDENT_MARGIN = 0.3  # ... provided it is also this far above the frame's threshold
TEXT_WEIGHT: dict[str, float] = {}  # a frame's weight of the word block against its dense
# features (1.0 unless given; 0 reads the cues and style alone); the stored coefficients hold it


def load_narrative_frames(folder: str | Path) -> pd.DataFrame:
    """The narrative-frames development articles: ID, text and the five gold frames as booleans."""
    t = pd.read_csv(
        Path(folder) / "articles_metadata.dev.tsv", sep="\t", dtype=str, keep_default_na=False
    )
    for code in framing.CODES:
        t[code] = t[code].str.strip(" )").str.lower() == "true"
    return t


def dense_features(texts: list[str]) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The model's dense features of every text as a run computes them (frame -> articles x
    features) and each article's number of cue sentences per frame."""
    sents, counts = framing.sentences_of(texts)
    ft = framing.frame_table(sents, issue="")
    ft = ft[ft["scheme"] == "generic"]
    by = {k: g for k, g in ft.groupby(["article_id", "frame"])}
    joined = framing.article_texts(sents).reindex(range(len(texts)), fill_value="")
    style = [framing.style_features(t) for t in joined]
    frames = list(framing.schemes(issue="")["thresholds"])
    dense, ncue = {}, {}
    for f in frames:
        rows, ks = [], []
        for i in range(len(texts)):
            g = by.get((i, f))
            ids = [] if g is None else list(g["sent_id"])
            cues = [] if g is None else list(g["cue"])
            rows.append({**framing.cue_features(ids, cues, int(counts.get(i, 0))), **style[i]})
            ks.append(len(set(ids)))
        dense[f], ncue[f] = pd.DataFrame(rows), ks
    return dense, pd.DataFrame(ncue)


def coded_eval_articles(
    folder: str | Path,
) -> tuple[pd.DataFrame, list[str], dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """The narrative-frames articles with what the model learns from: (data, article texts as a run
    reads them, dense features by frame, cue sentences by frame, gold frames)."""
    data = load_narrative_frames(folder)
    texts = data["text"].tolist()
    sents, _ = framing.sentences_of(texts)
    joined = framing.article_texts(sents).reindex(range(len(data)), fill_value="").tolist()
    dense, ncue = dense_features(texts)
    gold = pd.DataFrame({frame: data[code].to_numpy() for code, frame in framing.CODES.items()})
    return data, joined, dense, ncue, gold


def _best_threshold(p: np.ndarray, y: np.ndarray, ncue: np.ndarray) -> float:
    """The probability threshold maximising F1 of the presence rule (ties: the higher one)."""
    best, best_f = 1.0, -1.0
    for t in np.unique(np.round(p, 3))[::-1]:
        conf = max(CONFIDENT, t + CONFIDENT_MARGIN)
        pred = (ncue >= 1) & (p >= t) & ((ncue >= framing.MIN_CUE_SENTENCES) | (p >= conf))
        f = metrics.binary(y, pred)[2]
        if f > best_f:
            best, best_f = float(t), f
    return best


def _fit_frame(X, y: np.ndarray, ncue: np.ndarray, *, C: float, seed: int) -> dict:
    """One frame's calibrated logistic regression, threshold and confident level (JSON-able)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    cv = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed)
    z = cross_val_predict(lr, X, y, cv=cv, method="decision_function")
    platt = LogisticRegression(C=1e4, max_iter=5000).fit(z[:, None], y)
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    p = 1.0 / (1.0 + np.exp(-(a * z + b)))
    threshold = _best_threshold(p, y, ncue)
    lr.fit(X, y)
    return {
        "coef": [round(float(c), 6) for c in a * lr.coef_[0]],
        "intercept": round(a * float(lr.intercept_[0]) + b, 6),
        "threshold": threshold,
        "confident": round(max(CONFIDENT, threshold + CONFIDENT_MARGIN), 3),
    }


def fit_frame_model(
    texts: list[str],
    dense: dict[str, pd.DataFrame],
    ncue: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    C: float = MODEL_C,
    seed: int = 0,
) -> dict:
    """Fit the generic-frame model on human-coded articles; returns the JSON-able model."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(sublinear_tf=True, min_df=MODEL_MIN_DF, stop_words="english")
    X = vec.fit_transform(texts)
    names = list(next(iter(dense.values())).columns)
    out = {}
    for frame in gold.columns:
        w = TEXT_WEIGHT.get(frame, 1.0)
        Xf = hstack([X * w, csr_matrix(dense[frame][names].to_numpy(dtype=float))]).tocsr()
        y, k = gold[frame].to_numpy(dtype=bool), ncue[frame].to_numpy()
        out[frame] = _fit_frame(Xf, y, k, C=C, seed=seed)
        nv = len(vec.vocabulary_)
        out[frame]["coef"] = [round(c * w, 6) for c in out[frame]["coef"][:nv]] + out[frame][
            "coef"
        ][nv:]
    return {
        "vocabulary": {w: int(i) for w, i in sorted(vec.vocabulary_.items())},
        "idf": [round(float(x), 6) for x in vec.idf_],
        "features": names,
        "frames": out,
        "C": C,
        "min_df": MODEL_MIN_DF,
    }


def predict(
    model: dict, texts: list[str], dense: dict[str, pd.DataFrame], ncue: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(probabilities, presence) of every article and frame (columns in the order of the CODES), by
    the run-time functions; `model` in its JSON form or loaded."""
    m = framing.loaded(model) if isinstance(model["idf"], list) else model
    order = [f for f in framing.CODES.values() if f in m["frames"]]
    probs = pd.DataFrame(
        [
            framing.frame_probabilities(t, {f: d.iloc[i].to_dict() for f, d in dense.items()}, m)
            for i, t in enumerate(texts)
        ],
        columns=order,
    )
    present = pd.DataFrame(
        {
            f: [
                framing.decide(p, int(k), m["frames"][f]["threshold"], m["frames"][f]["confident"])
                for p, k in zip(probs[f], ncue[f])
            ]
            for f in probs.columns
        }
    )
    return probs, present


def density_rule(dense: pd.Series, ncue: np.ndarray, threshold: float) -> np.ndarray:
    """The dictionary-only rule: more than one cue sentence and the density at the threshold."""
    return (ncue >= framing.MIN_CUE_SENTENCES) & (dense.to_numpy() >= threshold)


def density_threshold(dense: pd.Series, ncue: np.ndarray, y: np.ndarray) -> float:
    """The cue-density threshold maximising F1 of the dictionary-only rule (ties: the higher)."""
    cands = np.unique(np.round(dense.to_numpy(), 4))[::-1]
    scores = [metrics.binary(y, density_rule(dense, ncue, t))[2] for t in cands]
    return float(cands[int(np.argmax(scores))]) if len(cands) else 0.0
