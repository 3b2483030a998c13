"""The start page's limitations quote the measured figures, and its findings stay a short list
whatever the corpus size."""

import pandas as pd
import pytest

from presslens.report import summary


def validation() -> pd.DataFrame:
    rows = [
        ("sentence sentiment", "vader", "pearson_r", 0.4903),
        ("sentence sentiment", "vader", "f1", 0.5437),
        ("sentence sentiment", "textblob", "pearson_r", 0.2985),
        ("tone toward a target", "toward", "f1 (macro)", 0.6631),
        ("generic frames", "presslens.framing", "f1 (conflict)", 0.778),
        ("generic frames", "presslens.framing", "f1 (human_interest)", 0.3),
        ("generic frames", "presslens.framing", "f1 (macro)", 0.5684),
        ("generic frames", "majority baseline", "f1 (macro)", 0.155),
    ]
    return pd.DataFrame(rows, columns=["task", "method", "metric", "value"])


def tables(n: int = 2, **overrides) -> dict:
    """What summary.load gives, for a corpus of n articles from n outlets with nothing found."""
    articles = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "status": "ok",
            "outlet": [f"o{i}" for i in range(n)],
            "published": (["2023-01-01"] + [None] * (n - 1))[:n],
            "title": "",
            "file": "",
            "reason": "",
            "duplicate_of": None,
        }
    )
    empty = pd.DataFrame
    t = {
        "articles": articles,
        "n_sentences": 0,
        "removed": empty(columns=["article_id", "rule"]),
        "quarantine": empty(columns=["source", "kind", "reason"]),
        "article_sentiment": empty(),
        "outlet_sentiment": empty(),
        "sentiment_stats": empty(),
        "extremes": empty(),
        "disagreements": empty(),
        "quotes": empty(),
        "quoted_mentioned": empty(),
        "term_counts": empty(),
        "frame_shares": empty(),
        "portrayal": empty(),
        "event_groups": empty(),
        "coverage": empty(),
        "timex_types": empty(),
        "divergence": empty(),
        "actions": empty(),
        "action_divergence": empty(),
        "contrasts": empty(),
        "validation": empty(columns=["task", "method", "metric", "value"]),
        "timex_gold": empty(),
        "manifest": {},
    }
    t.update(overrides)
    return t


def test_limitations_quote_the_validated_figures() -> None:
    gold = pd.DataFrame(
        {"metric": ["n_gold", "strict_f1", "value_accuracy"], "value": [29, 1.0, 0.9655]}
    )
    text = " ".join(
        summary.limitations(tables(validation=validation(), timex_gold=gold), min_articles=30)
    )
    for want in (
        "r = 0.49",
        "F1 0.54",
        "r = 0.30",
        "macro-F1 0.66",
        "macro-F1 0.57",
        "baseline 0.15",
        "human interest (F1 0.30)",
        "29 expressions",
        "value accuracy 0.97",
        "2 analysed articles from 2 outlets",
    ):
        assert want in text, want


def test_limitations_quote_the_held_out_date_figures_first() -> None:
    held = "climate TimeML gold, heldout half (real news 2017-2019)"
    v = pd.DataFrame(
        {
            "task": "temporal tagging",
            "dataset": held,
            "method": "presslens.timeline",
            "metric": ["value f1 (TempEval-3)", "year-less dates in the reader's year"],
            "value": [0.8506, 0.918],
            "low": [0.80, 0.877],
            "high": [0.90, 0.947],
            "n": [162, 245],
        }
    )
    text = " ".join(summary.limitations(tables(validation=v), min_articles=30))
    assert "value F1 is 0.85 (95% CI 0.80 to 0.90)" in text
    assert "162 annotated expressions" in text and "92% of 245 months" in text


def test_limitations_say_what_was_not_measured() -> None:
    text = " ".join(summary.limitations(tables()))
    assert (
        "not measured in this run" in text
        and "not validated in this run" in text
        and "not scored in this run" in text
    )


def test_findings_stay_short_however_many_outlets_events_and_speakers() -> None:
    n = 5000
    ids = [f"a{i}" for i in range(n)]
    quotes = pd.DataFrame(
        {
            "article_id": ids,
            "sent_id": 1,
            "speaker_actor": [f"person{i % 900}" for i in range(n)],
            "start": 0,
        }
    )
    qm = pd.DataFrame(
        {
            "outlet": [f"o{i % 300}" for i in range(n)],
            "actor": [f"person{i % 900}" for i in range(n)],
            "mentions": 3,
            "quotes": [i % 2 for i in range(n)],
        }
    )
    groups = pd.DataFrame(
        {
            "event_id": [f"E{i:05d}" for i in range(n)],
            "begin": [f"{1990 + i % 30}-01-01" for i in range(n)],
            "finish": "2020-12-31",
            "label": [f"event {i}" for i in range(n)],
            "n_articles": [1 + i % 7 for i in range(n)],
            "n_mentions": 9,
            "evidence": [f"a{i}#s1" for i in range(n)],
        }
    )
    div = pd.DataFrame(
        {
            "quantity": [f"q{i % 400}" for i in range(n)],
            "verdict": "disagree",
            "article_id": ids,
            "value": range(n),
            "claim": "x",
            "sent_id": 1,
        }
    )
    t = tables(n, quotes=quotes, quoted_mentioned=qm, event_groups=groups, divergence=div)
    found = summary.findings(t)
    assert len(found) <= 12
    assert all(len(f) <= 40 for f in found), [len(f) for f in found]
    text = " ".join(p.text for f in found for p in f)
    assert (
        "more speakers in data/quotes.csv" in text
        and "more in data/event_groups.csv" in text
        and "more in data/divergence.csv" in text
    )
    assert len(text) < 5000


def test_nothing_analysed_gives_a_warning_and_no_findings_but_the_counts() -> None:
    t = tables(0)
    assert any("No article could be analysed" in w for w in summary.warnings(t))
    assert len(summary.findings(t)) == 1


@pytest.mark.parametrize(
    ("outlets", "published", "said"),
    [
        (["A", "B"], ["2024-01-01", "2024-01-01"], "Outlets state different numbers for the same "
         "thing at the same time: deaths (2 articles of 2 outlets"),
        (["A", "A"], [None, None], "Articles of one outlet state different numbers for the same "
         "thing at the same time (or undated): deaths (2 articles of 1 outlet,"),
    ],
)  # fmt: skip
def test_the_claim_finding_says_who_disagrees(outlets, published, said) -> None:
    from presslens.report.summary.findings import claim_findings

    div = pd.DataFrame(
        {
            "quantity": "deaths",
            "verdict": "disagree",
            "rank": 1,
            "article_id": ["a", "b"],
            "outlet": outlets,
            "published": published,
            "claim": ["10 dead", "40 dead"],
            "value": [10.0, 40.0],
            "sent_id": 1,
        }
    )
    text = "".join(p.text for p in claim_findings({"divergence": div})[0])
    assert said in text
