"""Which frames an article uses, with the sentences that show it.

Two schemes, both from editable resources:

- ``generic``: the five generic news frames of Semetko & Valkenburg (2000): conflict, responsibility
  (resolution), human interest, morality, economic. Each frame has yes/no indicator questions
  (``resources/generic_frames.yaml``); a question is answered YES for an article when one of its
  sentences holds a cue of that question, and those sentences are the evidence. The frame's score is
  the number of the article's sentences holding any of its cues divided by the square root of the
  article's length in sentences (so long articles need more cue sentences, but not proportionally
  more). The frame is present when the article has cue sentences of it and a logistic regression
  over the article's words and that score (``resources/generic_frames_model.json.gz``, trained on
  human-coded articles by bench/train_frames.py) reaches the frame's threshold; with no model, when
  the score reaches the frame's `threshold` in the YAML file. Cross-validated figures: ``validate``.
- ``issue``: issue frames of a topic pack, coded per sentence from cue words (the seeds' pack
  ``kosovo`` has security and defence, diplomacy and negotiation, sovereignty and law, history and
  identity, economy, EU integration, NATO membership, great-power rivalry, humanitarian, in
  ``resources/packs/kosovo/issue_frames.yaml``); none without a pack. The
  score is the same length-adjusted count and a frame is present with at least `min_sentences` cue
  sentences (two, in the shipped file).

Every present frame carries its evidence (sentence ids); a frame without evidence is never present.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import re

from presslens.ingest import sentences as splitter
from presslens.pipeline import resources_io
from presslens.measure.textvec import tfidf, words

FRAME_COLUMNS = ["article_id", "sent_id", "scheme", "frame", "question", "cue", "start", "end"]
ARTICLE_COLUMNS = [
    "article_id",
    "scheme",
    "frame",
    "present",
    "score",
    "probability",
    "evidence",
    "answers",
    "n_sentences",
]
ISSUE_FILE = "packs/kosovo/issue_frames.yaml"  # the seeds' issue frames; stages pass their pack's
MODEL_FILE = (
    "generic_frames_model.json.gz"  # shipped model of the generic frames (bench/train_frames.py)
)
MODEL_C = 1.0  # inverse regularisation strength of the frame model's logistic regressions
MODEL_MIN_DF = (
    3  # a word enters the model's vocabulary when at least this many training articles hold it
)
CODES = {
    "CO": "conflict",
    "RE": "responsibility",
    "HI": "human_interest",
    "MO": "morality",
    "EC": "economic",
}


@functools.lru_cache(maxsize=1)
def _case_specials() -> re.Pattern[str]:
    """Non-ASCII characters that case-insensitive matching equates with an ASCII letter (Kelvin
    sign, long s, dotless i, ...).

    Sentences holding one are matched the slow way, so the fast path below never changes a result.
    """
    bmp = "".join(chr(c) for c in range(128, 0x10000) if not 0xD800 <= c < 0xE000)
    found = {
        ch
        for letter in "abcdefghijklmnopqrstuvwxyz"
        for ch in re.findall(letter, bmp, re.IGNORECASE)
    }
    found |= {ch for ch in bmp if ch.lower().isascii() and ch.lower() != ch}
    return (
        re.compile("[" + "".join(re.escape(ch) for ch in sorted(found)) + "]")
        if found
        else re.compile("(?!)")
    )


def _lowered(pattern: str) -> re.Pattern[str] | None:
    """The pattern for lower-cased text without IGNORECASE (about twice as fast); None unless it is
    plain ASCII."""
    if not pattern.isascii():
        return None
    out, i = [], 0
    while i < len(pattern):  # lower-case literals, never escapes (\S is not \s)
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return re.compile("".join(out))


def _lowered_text(text: str) -> str | None:
    """`text.lower()` when matching it case-sensitively is exactly matching `text`
    case-insensitively, else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _case_specials().search(text)):
        return None
    return low


@functools.lru_cache(maxsize=4)
def schemes(generic: str = "generic_frames.yaml", issue: str = ISSUE_FILE) -> dict:
    """Compiled cue patterns: {'generic': [(frame, question, pattern, fast)], 'issue': [(frame, '',
    pattern, fast)], thresholds, questions}.

    `pattern` is case-insensitive; `fast` is the same pattern for lower-cased text (None when
    the cues are not ASCII).
    """
    g, i = resources_io.load(generic), resources_io.load(issue)

    def both(cues: list[str]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        joined = "|".join(f"(?:{c})" for c in cues)
        return re.compile(joined, re.IGNORECASE), _lowered(joined)

    gen = [
        (f, q, *both(spec["cues"]))
        for f, fs in g["frames"].items()
        for q, spec in fs["questions"].items()
    ]
    iss = [(f, "", *both(fs["cues"])) for f, fs in (i.get("frames") or {}).items()]
    return {
        "generic": gen,
        "issue": iss,
        "thresholds": {f: float(fs["threshold"]) for f, fs in g["frames"].items()},
        "questions": {
            q: spec["text"] for fs in g["frames"].values() for q, spec in fs["questions"].items()
        },
        "issue_min": int(i.get("min_sentences", 1)),
    }


def code_sentences(text: str, *, spans: list[tuple[int, int]] | None = None) -> pd.DataFrame:
    """Frame cues in a text: one row per sentence and question (generic) or frame (issue), with the
    first cue."""
    spans = spans if spans is not None else list(splitter.spans(text))
    sents = pd.DataFrame(
        {
            "article_id": "",
            "sent_id": range(1, len(spans) + 1),
            "start": [a for a, _ in spans],
            "text": [text[a:b] for a, b in spans],
        }
    )
    return frame_table(sents).drop(columns=["article_id"])


def frame_table(sentences: pd.DataFrame, *, issue: str = ISSUE_FILE) -> pd.DataFrame:
    """The `frames` table: frame cues in every sentence (offsets into articles.text); issue frames
    from the `issue` file (a topic pack's; '' for none)."""
    sc = schemes(issue=issue)
    rows = []
    for s in sentences.itertuples(index=False):
        low = _lowered_text(s.text)
        for scheme in ("generic", "issue"):
            for frame, question, pat, fast in sc[scheme]:
                m = fast.search(low) if fast is not None and low is not None else pat.search(s.text)
                if m:
                    rows.append(
                        (
                            s.article_id,
                            int(s.sent_id),
                            scheme,
                            frame,
                            question,
                            s.text[m.start() : m.end()],
                            int(s.start) + m.start(),
                            int(s.start) + m.end(),
                        )
                    )
    return pd.DataFrame(rows, columns=FRAME_COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"}
    )


def article_texts(sentences: pd.DataFrame) -> pd.Series:
    """Each article's text as the model reads it: its sentences joined by spaces (article_id ->
    text)."""
    return sentences.groupby("article_id", sort=False)["text"].agg(" ".join)


@functools.lru_cache(maxsize=4)
def frame_model(name: str = MODEL_FILE) -> dict | None:
    """The generic-frame model (vocabulary, idf, and per frame coefficients, intercept, threshold);
    None for name ''."""
    if not name:
        return None
    with gzip.open(resources_io.path(name), "rt", encoding="utf-8") as fh:
        return _loaded(json.load(fh))


def frame_probabilities(text: str, density: Mapping[str, float], model: dict) -> dict[str, float]:
    """P(frame present) for one article: logistic regression over its words (TF-IDF) and the frame's
    cue density."""
    cols, w = tfidf(words(text), model["vocabulary"], model["idf"])
    out = {}
    for frame, (coef, intercept, _) in model["frames"].items():
        z = intercept + float(coef[cols] @ w) + float(coef[-1]) * float(density.get(frame, 0.0))
        out[frame] = 1.0 / (1.0 + math.exp(-z))
    return out


def _present(
    key: tuple[str, str],
    ids: list,
    score: float,
    probability: float,
    sc: dict,
    model: dict | None,
    thresholds: dict[str, float],
) -> bool:
    """Whether an article uses a frame: issue frames by their number of cue sentences; generic
    frames by the model's probability (with a model) or the cue density (without)."""
    scheme, frame = key
    if scheme == "issue":
        return bool(len(ids) >= sc["issue_min"])
    if model is not None and frame in model["frames"]:
        return bool(bool(ids) and probability >= model["frames"][frame][2])
    return bool(bool(ids) and score >= thresholds[frame])


def article_frame_table(
    frames: pd.DataFrame,
    n_sentences: pd.Series,
    *,
    texts: Mapping[object, str] | pd.Series | None = None,
    thresholds: dict[str, float] | None = None,
    model: str | dict | None = MODEL_FILE,
    issue: str = ISSUE_FILE,
) -> pd.DataFrame:
    """The `article_frames` table: every article x frame with presence, score, evidence sentence ids
    and yes-answers.

    `score` is the cue density (cue sentences / sqrt(sentences)). A generic frame is present when
    the article has at least one cue sentence of it and, with the article `texts` and a `model`
    (the shipped one by default), the model's `probability` reaches the frame's threshold; without
    texts, or with model '' or None, when the density reaches the frame's `threshold` of
    generic_frames.yaml (the dictionary-only rule). Issue frames (of the `issue` file, '' for none)
    need `min_sentences` cue sentences.
    """
    sc = schemes(issue=issue)
    thresholds = thresholds or sc["thresholds"]
    m = frame_model(model) if isinstance(model, str) else model
    use_model = m is not None and texts is not None
    all_frames = [("generic", f) for f in sc["thresholds"]] + [
        ("issue", f) for f, *_ in sc["issue"]
    ]
    by = {k: g for k, g in frames.groupby(["article_id", "scheme", "frame"])} if len(frames) else {}
    rows = []
    for aid, n in n_sentences.items():
        found = {(scheme, frame): by.get((aid, scheme, frame)) for scheme, frame in all_frames}
        ids = {k: (sorted(set(g["sent_id"])) if g is not None else []) for k, g in found.items()}
        score = {k: (len(v) / math.sqrt(n) if n else 0.0) for k, v in ids.items()}
        probs = (
            frame_probabilities(
                texts.get(aid, ""), {f: score[("generic", f)] for f in sc["thresholds"]}, m
            )
            if use_model
            else {}
        )
        for scheme, frame in all_frames:
            k, g = (scheme, frame), found[(scheme, frame)]
            answers = (
                " ".join(sorted(set(g["question"])))
                if g is not None and scheme == "generic"
                else ""
            )
            p = probs.get(frame, float("nan")) if scheme == "generic" else float("nan")
            present = _present(k, ids[k], score[k], p, sc, m if use_model else None, thresholds)
            row = (aid, scheme, frame, present, round(score[k], 6), round(p, 6))
            rows.append((*row, " ".join(map(str, ids[k])), answers, int(n)))
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS).astype(
        {"present": bool, "score": float, "probability": float, "n_sentences": "int64"}
    )


def _sentences_of(texts: list[str]) -> tuple[pd.DataFrame, pd.Series]:
    """A sentences table of the texts (article_id = position) and each text's number of
    sentences."""
    rows, counts = [], {}
    for i, text in enumerate(texts):
        spans = list(splitter.spans(text))
        counts[i] = len(spans)
        rows.append(
            pd.DataFrame(
                {
                    "article_id": i,
                    "sent_id": range(1, len(spans) + 1),
                    "start": [a for a, _ in spans],
                    "text": [text[a:b] for a, b in spans],
                }
            )
        )
    sents = (
        pd.concat(rows, ignore_index=True)
        if rows
        else pd.DataFrame(columns=["article_id", "sent_id", "start", "text"])
    )
    return sents, pd.Series(counts, dtype="int64")


def code_articles(texts: list[str], *, model: str | dict | None = MODEL_FILE) -> pd.DataFrame:
    """`article_frames` for any list of texts; article_id is the text's position in the list (0, 1,
    ...)."""
    sents, counts = _sentences_of(texts)
    return article_frame_table(frame_table(sents), counts, texts=article_texts(sents), model=model)


# ---- validation on human-coded articles ---------------------------------------------------


def load_narrative_frames(folder: str | Path) -> pd.DataFrame:
    """The narrative-frames development articles: ID, text and the five gold frames as booleans."""
    t = pd.read_csv(
        Path(folder) / "articles_metadata.dev.tsv", sep="\t", dtype=str, keep_default_na=False
    )
    for code in CODES:
        t[code] = t[code].str.strip(" )").str.lower() == "true"
    return t


def _prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    from presslens.validate import metrics

    return metrics.binary(gold, pred)


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    cands = np.unique(np.round(scores, 4))
    best = max(cands, key=lambda t: (_prf(gold, scores >= t)[2], -t)) if len(cands) else 0.0
    return float(max(best, 1e-9))


def fit_frame_model(
    texts: list[str],
    density: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    C: float = MODEL_C,
    seed: int = 0,
) -> dict:
    """Fit the generic-frame model on human-coded articles; returns the JSON-able model.

    Per frame, an L2 logistic regression (balanced class weights) over the article's words
    (sublinear TF-IDF, English stop words out, words in at least MODEL_MIN_DF articles) and the
    frame's cue density. Its threshold maximises F1 on out-of-fold probabilities of a 4-fold split
    of the training articles, counting an article without cue sentences as absent, as
    `article_frame_table` does.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    vec = TfidfVectorizer(sublinear_tf=True, min_df=MODEL_MIN_DF, stop_words="english")
    X = vec.fit_transform(texts)
    out = {}
    for frame in gold.columns:
        d, y = density[frame].to_numpy(dtype=float), gold[frame].to_numpy(dtype=bool)
        Xf = hstack([X, csr_matrix(d[:, None])]).tocsr()
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        inner = cross_val_predict(
            lr,
            Xf,
            y,
            cv=StratifiedKFold(4, shuffle=True, random_state=seed),
            method="predict_proba",
        )[:, 1]
        threshold = _best_threshold(np.where(d > 0, inner, 0.0), y)
        lr.fit(Xf, y)
        out[frame] = {
            "coef": [round(float(c), 8) for c in lr.coef_[0]],
            "intercept": round(float(lr.intercept_[0]), 8),
            "threshold": threshold,
        }
    vocab = {w: int(i) for w, i in sorted(vec.vocabulary_.items())}
    return {
        "vocabulary": vocab,
        "idf": [round(float(x), 8) for x in vec.idf_],
        "frames": out,
        "C": C,
        "min_df": MODEL_MIN_DF,
    }


def _loaded(model_json: dict) -> dict:
    """A fitted model in the form `frame_probabilities` reads."""
    frames = {
        f: (np.array(v["coef"]), float(v["intercept"]), float(v["threshold"]))
        for f, v in model_json["frames"].items()
    }
    return {
        "vocabulary": model_json["vocabulary"],
        "idf": np.array(model_json["idf"]),
        "frames": frames,
    }


def coded_eval_articles(
    folder: str | Path,
) -> tuple[pd.DataFrame, list[str], pd.DataFrame, pd.DataFrame]:
    """The narrative-frames articles with what the model learns from: (data, article texts, cue
    densities, gold frames)."""
    data = load_narrative_frames(folder)
    sents, counts = _sentences_of(data["text"].tolist())
    dict_only = article_frame_table(frame_table(sents), counts, model=None)
    density = (
        dict_only[dict_only["scheme"] == "generic"]
        .pivot_table(index="article_id", columns="frame", values="score")
        .sort_index()
    )
    texts = article_texts(sents).reindex(range(len(data)), fill_value="").tolist()
    gold = pd.DataFrame({frame: data[code].to_numpy() for code, frame in CODES.items()})
    return data, texts, density[list(gold.columns)], gold


def _cv_predict(
    texts: list[str], density: pd.DataFrame, gold: pd.DataFrame, *, folds: int, seed: int
) -> pd.DataFrame:
    """Out-of-fold presence: each article judged by a model (words, threshold) fitted on the other
    folds."""
    fold_of = np.random.default_rng(seed).permutation(np.arange(len(gold)) % folds)
    pred = pd.DataFrame(False, index=gold.index, columns=gold.columns)
    for k in range(folds):
        train, test = np.where(fold_of != k)[0], np.where(fold_of == k)[0]
        m = _loaded(
            fit_frame_model(
                [texts[i] for i in train], density.iloc[train], gold.iloc[train], seed=seed
            )
        )
        for i in test:
            d = density.iloc[i]
            probs = frame_probabilities(texts[i], d.to_dict(), m)
            for frame in gold.columns:
                pred.iat[i, pred.columns.get_loc(frame)] = (
                    bool(d[frame] > 0) and probs[frame] >= m["frames"][frame][2]
                )
    return pred


def validate(
    folder: str | Path = "eval/narrative-frames",
    *,
    folds: int = 5,
    seed: int = 0,
    repeats: int = 20,
) -> dict[str, object]:
    """Per-frame P/R/F1 of the generic frames on the human-coded articles, by k-fold
    cross-validation.

    Everything fitted (the model's vocabulary, coefficients and thresholds) is fitted on the other
    folds only. The table is the split drawn with `seed`; `split_spread` gives the macro-F1 over
    `repeats` other random splits (mean, min, max), which shows how much the figure depends on the
    split alone. `dictionary_only` is the same table for the cue-density rule with thresholds fitted
    on the other folds (what the frames are without the model).
    """
    data, texts, density, gold = coded_eval_articles(folder)
    pred = _cv_predict(texts, density, gold, folds=folds, seed=seed)
    fold_of = np.random.default_rng(seed).permutation(np.arange(len(gold)) % folds)
    rows = [
        _frame_scores(gold[frame].to_numpy(), pred[frame].to_numpy(), frame, code)
        for code, frame in CODES.items()
    ]
    dict_rows = [
        dict(
            frame=frame,
            code=code,
            f1=_density_f1(gold[frame].to_numpy(), density[frame].to_numpy(), fold_of, folds),
        )
        for code, frame in CODES.items()
    ]
    table = pd.DataFrame(rows)
    macros = [
        _macro_f1(gold, _cv_predict(texts, density, gold, folds=folds, seed=seed + 1 + i))
        for i in range(repeats)
    ]
    spread = (
        {
            "repeats": repeats,
            "mean": float(np.mean(macros)),
            "min": float(np.min(macros)),
            "max": float(np.max(macros)),
        }
        if repeats
        else {}
    )
    coded = code_articles(data["text"].tolist())  # the shipped model, as a run codes them
    evidence_ok = bool((coded.loc[coded["present"], "evidence"] != "").all())
    shipped = frame_model()
    return {
        "table": table,
        "macro_f1": float(table["f1"].mean()),
        "majority_macro_f1": float(table["majority_f1"].mean()),
        "dictionary_only": pd.DataFrame(dict_rows),
        "thresholds_shipped": {f: v[2] for f, v in shipped["frames"].items()} if shipped else {},
        "every_positive_has_evidence": evidence_ok,
        "folds": folds,
        "split_spread": spread,
    }


def _frame_scores(y: np.ndarray, predicted: np.ndarray, frame: str, code: str) -> dict[str, object]:
    """One frame's row of the validation table: P/R/F1 and the majority baseline's F1."""
    p, r, f = _prf(y, predicted)
    majority = y.mean() >= 0.5
    _, _, bf = _prf(y, np.full(len(y), majority))
    return dict(
        frame=frame,
        code=code,
        n=len(y),
        positives=int(y.sum()),
        precision=p,
        recall=r,
        f1=f,
        majority_f1=bf,
        majority_predicts="present" if majority else "absent",
    )


def _density_f1(y: np.ndarray, s: np.ndarray, fold_of: np.ndarray, folds: int) -> float:
    """F1 of the cue-density rule alone, its threshold fitted on the other folds."""
    dpred = np.zeros(len(y), dtype=bool)
    for k in range(folds):
        tr, te = fold_of != k, fold_of == k
        dpred[te] = (s[te] > 0) & (s[te] >= _best_threshold(s[tr], y[tr]))
    return _prf(y, dpred)[2]


def _macro_f1(gold: pd.DataFrame, predicted: pd.DataFrame) -> float:
    """The F1 of every frame, averaged."""
    return float(
        np.mean([_prf(gold[f].to_numpy(), predicted[f].to_numpy())[2] for f in gold.columns])
    )
