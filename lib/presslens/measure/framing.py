"""Which frames an article uses, with the sentences that show it.

Two schemes, both from editable resources:

- ``generic``: the five generic news frames of Semetko & Valkenburg (2000): conflict, responsibility
  (resolution), human interest, morality, economic. Each frame has yes/no indicator questions
  (``resources/generic_frames.yaml``); a question is answered YES for an article when one of its
  sentences holds a cue of that question, and those sentences are the evidence. The frame's score is
  the number of the article's sentences holding any of its cues divided by the square root of the
  article's length in sentences. A logistic regression per frame (``resources/
  generic_frames_model.json.gz``, trained on human-coded articles by bench/train_frames.py) reads
  the article's words, its cue evidence for the frame and a few style markers, and gives a
  calibrated probability that people would code the frame. The frame is present when that
  probability reaches the frame's threshold and the evidence is more than one cue sentence, or,
  on a single cue sentence, when the probability is confident (``decide``). Without a model, it is
  present with more than one cue sentence and the score at the frame's `threshold` in the YAML
  file. Cross-validated and held-out figures: ``presslens.validate.frames.validate``.
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

import numpy as np
import pandas as pd
import re

from presslens.ingest import sentences as splitter
from presslens.core import resources
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
ISSUE_FILE = ""  # no issue frames unless a topic pack's file is given (stages pass their pack's)
MODEL_FILE = (
    "generic_frames_model.json.gz"  # shipped model of the generic frames (bench/train_frames.py)
)
MIN_CUE_SENTENCES = 2  # "more than one cue": a frame needs two cue sentences unless the model is
# confident (each frame's `confident` probability in the model file)
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
    g, i = resources.load(generic), resources.load(issue)

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
        "style": [(name, re.compile(p)) for name, p in (g.get("style") or {}).items()],
    }


def code_sentences(
    text: str, *, spans: list[tuple[int, int]] | None = None, issue: str = ISSUE_FILE
) -> pd.DataFrame:
    """Frame cues in a text: one row per sentence and question (generic) or frame (issue frames of
    the `issue` file, none by default), with the first cue."""
    spans = spans if spans is not None else list(splitter.spans(text))
    sents = pd.DataFrame(
        {
            "article_id": "",
            "sent_id": range(1, len(spans) + 1),
            "start": [a for a, _ in spans],
            "text": [text[a:b] for a, b in spans],
        }
    )
    return frame_table(sents, issue=issue).drop(columns=["article_id"])


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
    """The generic-frame model (vocabulary, idf, dense feature names, and per frame calibrated
    coefficients, intercept, threshold and confident level); None for name ''."""
    if not name:
        return None
    with gzip.open(resources.path(name), "rt", encoding="utf-8") as fh:
        return loaded(json.load(fh))


def loaded(model_json: dict) -> dict:
    """A fitted model (the JSON form) in the form `frame_probabilities` reads."""
    frames = {
        f: {
            "coef": np.array(v["coef"], dtype=float),
            "intercept": float(v["intercept"]),
            "threshold": float(v["threshold"]),
            "confident": float(v["confident"]),
        }
        for f, v in model_json["frames"].items()
    }
    return {
        "vocabulary": model_json["vocabulary"],
        "idf": np.array(model_json["idf"], dtype=float),
        "features": list(model_json["features"]),
        "frames": frames,
    }


def style_features(text: str, *, generic: str = "generic_frames.yaml") -> dict[str, float]:
    """How often an article uses the style markers of generic_frames.yaml (first and second
    person, questions, ages, ...): log(1 + hits per 100 words), by marker."""
    n = max(len(words(text)), 1)
    return {
        f"style:{name}": math.log1p(100.0 * len(pat.findall(text)) / n)
        for name, pat in schemes(generic)["style"]
    }


def cue_features(sent_ids: list, cues: list[str], n_sentences: int) -> dict[str, float]:
    """An article's cue evidence for one frame: density (cue sentences / sqrt(sentences)) and the
    log(1 + x) of its cue sentences and of its distinct cue words."""
    k = len(set(sent_ids))
    return {
        "density": k / math.sqrt(n_sentences) if n_sentences else 0.0,
        "cue_sentences": math.log1p(k),
        "cue_words": math.log1p(len({c.lower() for c in cues})),
    }


def frame_probabilities(
    text: str, dense: Mapping[str, Mapping[str, float]], model: dict
) -> dict[str, float]:
    """Calibrated P(people code the frame) for one article: logistic regression over its words
    (TF-IDF) and the dense features of each frame (`dense`: frame -> feature name -> value)."""
    cols, w = tfidf(words(text), model["vocabulary"], model["idf"])
    nv, out = len(model["vocabulary"]), {}
    for frame, fm in model["frames"].items():
        d = dense.get(frame, {})
        x = np.array([float(d.get(name, 0.0)) for name in model["features"]])
        z = fm["intercept"] + float(fm["coef"][cols] @ w) + float(fm["coef"][nv:] @ x)
        out[frame] = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
    return out


def decide(probability: float, cue_sentences: int, threshold: float, confident: float) -> bool:
    """The presence rule of a generic frame with a model: evidence (a cue sentence), a probability
    at the threshold, and either more than one cue sentence or a confident probability."""
    return bool(
        cue_sentences >= 1
        and probability >= threshold
        and (cue_sentences >= MIN_CUE_SENTENCES or probability >= confident)
    )


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
    frames by `decide` (with a model) or by the cue density and more than one cue sentence
    (without)."""
    scheme, frame = key
    if scheme == "issue":
        return bool(len(ids) >= sc["issue_min"])
    if model is not None and frame in model["frames"]:
        fm = model["frames"][frame]
        return decide(probability, len(ids), fm["threshold"], fm["confident"])
    return bool(len(ids) >= MIN_CUE_SENTENCES and score >= thresholds[frame])


def _generic_dense(found: dict, ids: dict, n: int, text: str, frames: list[str]) -> dict:
    """Dense model features of one article: frame -> feature name -> value."""
    style = style_features(text)
    return {
        f: {
            **cue_features(
                ids[("generic", f)],
                [] if found[("generic", f)] is None else list(found[("generic", f)][1]),
                n,
            ),
            **style,
        }
        for f in frames
    }


def _groups(frames: pd.DataFrame) -> dict[tuple, tuple[list, list, list]]:
    """The `frames` rows by (article_id, scheme, frame), as groupby keeps them (no missing key):
    their sentence ids, cues and questions, in row order (plain lists, no pandas per article)."""
    out: dict[tuple, tuple[list, list, list]] = {}
    if not len(frames):
        return out
    names = ("article_id", "scheme", "frame", "sent_id", "cue", "question")
    keyed = frames[frames[list(names[:3])].notna().all(axis=1)]  # groupby drops missing keys
    for aid, scheme, frame, sid, cue, question in zip(*(keyed[c].tolist() for c in names)):
        g = out.setdefault((aid, scheme, frame), ([], [], []))
        g[0].append(sid), g[1].append(cue), g[2].append(question)
    return out


def article_frame_table(
    frames: pd.DataFrame,
    n_sentences: pd.Series,
    *,
    texts: Mapping[object, str] | pd.Series | None = None,
    thresholds: dict[str, float] | None = None,
    model: str | dict | None = MODEL_FILE,
    issue: str = ISSUE_FILE,
) -> pd.DataFrame:
    """The `article_frames` table: every article x frame with presence, score, probability,
    evidence sentence ids and yes-answers.

    `score` is the cue density (cue sentences / sqrt(sentences)); `probability` the model's
    calibrated probability (3 decimals; NaN for issue frames and without a model). A generic frame
    is present, with the article `texts` and a `model` (the shipped one by default), by `decide`;
    without texts, or with model '' or None, when it has more than one cue sentence and the density
    reaches the frame's `threshold` of generic_frames.yaml. Issue frames (of the `issue` file, ''
    for none) need `min_sentences` cue sentences.
    """
    sc = schemes(issue=issue)
    thresholds = thresholds or sc["thresholds"]
    m = frame_model(model) if isinstance(model, str) else model
    use_model = m is not None and texts is not None
    generic = list(sc["thresholds"])
    all_frames = [("generic", f) for f in generic] + [("issue", f) for f, *_ in sc["issue"]]
    by = _groups(frames)
    rows = []
    for aid, n in n_sentences.items():
        found = {(scheme, frame): by.get((aid, scheme, frame)) for scheme, frame in all_frames}
        ids = {k: (sorted(set(g[0])) if g is not None else []) for k, g in found.items()}
        score = {k: (len(v) / math.sqrt(n) if n else 0.0) for k, v in ids.items()}
        text = texts.get(aid, "") if use_model else ""
        probs = (
            frame_probabilities(text, _generic_dense(found, ids, int(n), text, generic), m)
            if use_model
            else {}
        )
        for scheme, frame in all_frames:
            k, g = (scheme, frame), found[(scheme, frame)]
            answers = " ".join(sorted(set(g[2]))) if g is not None and scheme == "generic" else ""
            p = probs.get(frame, float("nan")) if scheme == "generic" else float("nan")
            present = _present(k, ids[k], score[k], p, sc, m if use_model else None, thresholds)
            row = (aid, scheme, frame, present, round(score[k], 6), round(p, 3))
            rows.append((*row, " ".join(map(str, ids[k])), answers, int(n)))
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS).astype(
        {"present": bool, "score": float, "probability": float, "n_sentences": "int64"}
    )


def sentences_of(texts: list[str]) -> tuple[pd.DataFrame, pd.Series]:
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
    sents, counts = sentences_of(texts)
    return article_frame_table(frame_table(sents), counts, texts=article_texts(sents), model=model)
