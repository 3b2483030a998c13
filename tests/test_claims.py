"""Numeric claims: what numbers count, what is not a claim, and the divergence verdicts."""

import pandas as pd
import pytest

from presslens.extract import claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("There are nearly 4,000 peacekeeping troops in Kosovo.", [("troops", 4000.0, "approx")]),
        (
            "KFOR comprises around 4,700 troops from 29 nations.",
            [("troops", 4700.0, "approx"), ("countries", 29.0, "exact")],
        ),
        (
            "Over 30 NATO peacekeeping soldiers were injured in clashes.",
            [("troops injured", 30.0, "min")],
        ),
        (
            "The conflict ended with a 78-day NATO bombardment.",
            [("duration in days", 78.0, "exact")],
        ),
        ("Police arrested 12 protesters.", [("protesters", 12.0, "exact")]),
        ("The EU pledged 2.5 billion euros.", [("money_eur", 2.5e9, "exact")]),
        ("Kosovo declared independence in 2008.", [("year", 2008.0, "exact")]),
    ],
)
def test_claims_found(sentence: str, expected: list[tuple]) -> None:
    found = claims.find(sentence, published="2024-01-01")
    assert [(c["quantity"], c["value"], c["bound"]) for c in found] == expected
    for c in found:
        assert sentence[c["start"] : c["end"]] == c["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two nations disagree on nearly everything.",  # a reference, not a count
        "Both countries want to join the EU.",
        "They urged the sides to uphold agreements made two years ago.",  # a date, not a count
        "Argentina Congress Approves 2026 Budget.",
        "The talks lasted hours.",
    ],
)
def test_not_claims(sentence: str) -> None:
    assert claims.find(sentence) == []


def test_year_event_is_the_nearest() -> None:
    found = claims.find(
        "Kosovo gained independence through a NATO military campaign launched in 1999."
    )
    assert [(c["event"], c["value"]) for c in found] == [("nato_campaign_1999", 1999.0)]


def test_refers_to_year_in_sentence_else_publication() -> None:
    a = claims.find("In 2022 there were 3,800 troops.", published="2024-05-01")
    b = claims.find("There are 4,700 troops.", published="2024-05-01")
    c = claims.find("There are 4,700 troops.")
    assert (a[0]["refers_to"], a[0]["refers_basis"]) == ("2022", "year in sentence")
    assert (b[0]["refers_to"], b[0]["refers_basis"]) == ("2024-05-01", "publication date")
    assert c[0]["refers_basis"] == "unknown"


def _table(rows: list[tuple[str, str, str | None]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "outlet": "x",
            "published": [r[2] for r in rows],
            "status": "ok",
        }
    )
    sentences = pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "sent_id": 1,
            "start": 0,
            "end": [len(r[1]) for r in rows],
            "text": [r[1] for r in rows],
        }
    )
    return articles, claims.claim_table(articles, sentences)


@pytest.mark.parametrize(
    ("rows", "verdict"),
    [
        (
            [
                ("a", "There are 4,000 troops.", "2022-01-01"),
                ("b", "There are 4,700 troops.", "2025-01-01"),
            ],
            "change over time",
        ),
        (
            [
                ("a", "There are 4,000 troops.", "2022-01-01"),
                ("b", "There are 4,700 troops.", "2022-01-01"),
            ],
            "disagree",
        ),
        (
            [
                ("a", "There are 4,000 troops.", None),
                ("b", "There are 4,700 troops.", "2022-01-01"),
            ],
            "disagree",
        ),
        (
            [
                ("a", "There are nearly 4,700 troops.", "2022-01-01"),
                ("b", "There are 4,500 troops.", "2023-01-01"),
            ],
            "agree",
        ),
        (
            [
                ("a", "Kosovo declared independence in 2008.", None),
                ("b", "Kosovo proclaimed independence in 2008.", "2022-01-01"),
            ],
            "agree",
        ),
    ],
)
def test_divergence_verdicts(rows: list[tuple], verdict: str) -> None:
    articles, table = _table(rows)
    div = claims.divergence(table, articles)
    assert div["verdict"].unique().tolist() == [verdict]
    assert sorted(div["article_id"]) == ["a", "b"]
