"""Sentiment: sentence scores, aggregates with intervals, tone toward a target, and the validation figures."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from presslens import sentiment

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO welcomed the agreement as a great success for peace.", "positive"),
        ("The violent clashes left dozens injured and the talks in ruins.", "negative"),
        ("Talks resume on Thursday in Brussels.", "neutral"),
        ("The attack killed three police officers.", "negative"),
    ],
)
def test_vader_labels(text: str, expected: str) -> None:
    assert sentiment.label(sentiment.score(text, method="vader")) == expected


@pytest.mark.parametrize("text", ["The sanctions hurt Serbia's economy badly.", "Protesters attacked peacekeepers, injuring thirty."])
def test_negative_news_is_not_positive(text: str) -> None:
    for m in sentiment.METHODS:
        assert sentiment.score(text, method=m) <= 0.0


def test_methods_are_independent_and_bounded() -> None:
    sents = pd.DataFrame({"article_id": ["a"] * 3, "sent_id": [1, 2, 3], "text": ["A great day.", "A terrible war.", "It rained."]})
    table = sentiment.score_sentences(sents)
    assert list(table.columns) == sentiment.COLUMNS
    assert len(table) == 6 and table["compound"].between(-1, 1).all()
    w = sentiment.wide(table)
    assert not np.allclose(w["vader"], w["textblob"])


def test_unknown_method() -> None:
    with pytest.raises(ValueError, match="unknown sentiment method"):
        sentiment.score("x", method="bert")


def _scores(values: dict[str, list[float]]) -> pd.DataFrame:
    rows = [(a, i + 1, "vader", v) for a, vs in values.items() for i, v in enumerate(vs)]
    return pd.DataFrame(rows, columns=sentiment.COLUMNS)


def test_article_tone_interval_contains_mean_and_is_deterministic() -> None:
    s = _scores({"a": [0.5, -0.2, 0.1, 0.9, 0.0], "b": [0.3]})
    t1 = sentiment.article_tone(s, n_boot=500, seed=1)
    t2 = sentiment.article_tone(s, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(t1, t2)
    a = t1.set_index("article_id").loc["a"]
    assert a["ci_low"] <= a["tone"] <= a["ci_high"] and a["n_sentences"] == 5
    assert np.isclose(a["tone"], 0.26)
    assert np.isnan(t1.set_index("article_id").at["b", "ci_low"])  # one sentence: no interval


def test_article_tone_does_not_depend_on_partitioning() -> None:
    s = _scores({"a": [0.5, -0.2, 0.1, 0.9], "b": [0.3, 0.2, -0.4]})
    whole = sentiment.article_tone(s, n_boot=300)
    parts = pd.concat([sentiment.article_tone(s[s.article_id == x], n_boot=300) for x in ("a", "b")], ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts)


def test_outlet_tone_warns_when_n_is_small() -> None:
    art = pd.DataFrame({"article_id": list("abcdefg"), "method": "vader", "tone": [0.1, 0.2, 0.3, -0.1, 0.0, 0.2, 0.4]})
    articles = pd.DataFrame({"article_id": list("abcdefg"), "outlet": ["X"] * 5 + ["Y", "Z"]})
    out = sentiment.outlet_tone(art, articles, n_boot=300, min_articles=5).set_index("outlet")
    assert out.at["X", "warning"] == "" and out.at["X", "n_articles"] == 5
    assert out.at["X", "ci_low"] <= out.at["X", "tone"] <= out.at["X", "ci_high"]
    assert "only 1 article" in out.at["Y", "warning"] and np.isnan(out.at["Y", "ci_low"])


def test_extremes_and_disagreements() -> None:
    sents = pd.DataFrame({"article_id": ["a"] * 3, "sent_id": [1, 2, 3], "text": ["A wonderful, happy success.", "A horrible, deadly attack.", "Not bad at all."]})
    scored = sentiment.score_sentences(sents)
    ext = sentiment.extremes(scored, sents, k=1)
    assert ext["text"].tolist() == ["A wonderful, happy success.", "A horrible, deadly attack."]
    dis = sentiment.disagreements(scored, sents, top=3)
    assert dis["difference"].is_monotonic_decreasing
    assert set(sentiment.agreement(scored)) == {"n_sentences", "pearson_r", "spearman_rho", "cohen_kappa", "same_label"}


def test_toward_is_about_the_target() -> None:
    text = "Critics condemned Smith for the failure, while praising Jones for her leadership."
    smith = sentiment.toward(text, text.index("Smith"), text.index("Smith") + 5)
    jones = sentiment.toward(text, text.index("Jones"), text.index("Jones") + 5)
    assert smith[0] in sentiment.LABELS and -1 <= smith[1] <= 1
    assert jones[1] > smith[1]  # the praised target is seen more positively than the condemned one
    with pytest.raises(ValueError):
        sentiment.toward(text, 5, 500)


def test_toward_model_matches_sklearn_features() -> None:
    """The numpy re-implementation of TF-IDF gives a probability distribution for any span."""
    p = sentiment.toward_proba("He said it was fine.", 0, 2)
    assert p.shape == (3,) and np.isclose(p.sum(), 1.0)


def test_nyt_reproduces_published_vader_figures() -> None:
    table = sentiment.validate_nyt(ROOT / "eval" / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt", methods=("vader",)).set_index("method")
    assert abs(table.at["vader", "pearson_r"] - 0.492) <= 0.02
    assert abs(table.at["vader", "f1"] - 0.55) <= 0.02
    assert abs(table.at["vader", "precision"] - 0.69) <= 0.02 and abs(table.at["vader", "recall"] - 0.49) <= 0.02


def test_toward_macro_f1_on_newsmtsc_devtest() -> None:
    result = sentiment.validate_toward(ROOT / "eval" / "newsmtsc" / "devtest_rw.jsonl")
    assert result["n"] == 1146
    assert result["macro_f1"] >= 0.60
    assert result["macro_f1"] > result["baseline_vader_macro_f1"] + 0.05
