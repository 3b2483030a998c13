"""What a name with no telling word names, learned from labelled names: a classifier of type.

Where the words of a name say nothing (no organisation or place head, not in the gazetteer, no
title), presslens.extract.discover asks this model. It reads the evidence around a name's uses in
the corpus (how often a title, an honorific, "the", "in" stand before it; how often it is the
subject of a verb or of a reporting verb; "he"/"she" or "it" after it; sentence starts) and the
words of the name (a census first name, English words, capitals, number of words), and gives the
probabilities of person, organisation, place, group, other and not_a_name. The model is a
multinomial logistic regression trained with scikit-learn by ``bench/train_types.py`` on the names
of ``resources/gold/name_types.csv`` (labelled by people) and shipped as JSON
(``resources/name_type_model.json``); reading it needs numpy only.
"""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any

import numpy as np

from presslens.extract import names
from presslens.core import resources

MODEL_FILE = "name_type_model.json"
SHARES = ("initial", "person", "gendered", "speaker", "subject", "place", "the", "pronoun", "it",
          "org_cue", "place_cue", "person_cue")  # fmt: skip
FEATURES = (
    "log_uses", "log_articles", *(f"share_{k}" for k in SHARES), "linked", "words_1",
    "words_3", "first_name", "first_share", "english_first", "english_rest", "english_last",
    "acronym", "modifier", "proper_lexicon", "plural", "digit", "hyphen",
)  # fmt: skip
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,8}s?")


def _english(word: str, w: names.Words) -> float:
    """1.0 for a common English word (or its plural) the lexicon does not tag as a name."""
    low = word.lower()
    return float(word not in w.proper and (low in w.known or low.rstrip("s") in w.known))


def weak(name: str, ev: dict[str, Any]) -> bool:
    """Whether the rules have no evidence to type a name with no head word: no title, honorific
    or pronoun says it is a person, and it is not a census first name before a surname."""
    strong = sum(float(ev.get(k, 0)) for k in ("person", "male", "female", "he", "she"))
    words_ = name.split()
    return not strong and not (len(words_) > 1 and names.first_name(words_[0], names.words()))


def features(name: str, ev: dict[str, Any], linked: int = 0) -> list[float]:
    """The model's features of one name from its summed evidence (the counts columns of
    presslens.extract.discover) and the number of other forms linked to it."""
    w = names.words()
    n = max(float(ev.get("n", 0)), 1.0)
    share = {
        **{k: float(ev.get(k, 0)) for k in ("initial", "person", "speaker", "subject", "place")},
        "gendered": float(ev.get("male", 0) + ev.get("female", 0)),
        "the": float(ev.get("the", 0)),
        "pronoun": float(ev.get("he", 0) + ev.get("she", 0)),
        "it": float(ev.get("it", 0)),
        **{k: float(ev.get(k, 0)) for k in ("org_cue", "place_cue", "person_cue")},
    }
    words_ = name.split()
    census = names.first_name(words_[0], w) if len(words_) > 1 else None
    return [
        math.log1p(n), math.log1p(float(ev.get("articles", 0))),
        *(min(share[k] / n, 3.0) for k in SHARES),
        float(linked > 0), float(len(words_) == 1), float(len(words_) >= 3),
        float(census is not None), (max(census) / sum(census) if census and sum(census) else 0.0),
        _english(words_[0], w), max((_english(x, w) for x in words_[1:]), default=0.0),
        _english(words_[-1], w), float(bool(_ACRONYM.fullmatch(name))),
        float(words_[0] in w.modifiers or words_[0] in w.adjectives or words_[0] in w.demonyms),
        float(all(x in w.proper for x in words_)), float(name.endswith("s")),
        float(any(c.isdigit() for c in name)), float("-" in name),
    ]  # fmt: skip


@functools.lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The shipped model: classes, feature means and scales, coefficients, intercepts."""
    spec = json.loads(resources.path(MODEL_FILE).read_text(encoding="utf-8"))
    for key in ("mean", "scale", "coef", "intercept"):
        spec[key] = np.asarray(spec[key], dtype=float)
    return spec


def probabilities(rows: list[list[float]]) -> np.ndarray:
    """Class probabilities (columns in the order of ``model()["classes"]``) of feature rows."""
    m = model()
    x = (np.asarray(rows, dtype=float).reshape(len(rows), -1) - m["mean"]) / m["scale"]
    z = x @ m["coef"].T + m["intercept"]
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)
