"""Numeric claims: what numbers count, what is not a claim, which claims compare, and the
divergence verdicts."""

import pandas as pd
import pytest

from presslens.core import packs
from presslens.extract import claims

GENERIC = claims.GENERIC  # the claims of a call without a pack
KOSOVO = packs.files("kosovo")["claims"] or ""  # the seeds' pack, given: no default reaches it


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
        ("Police arrested 12 protesters.", [("protesters arrested", 12.0, "exact")]),
        ("The EU pledged 2.5 billion euros.", [("money_eur", 2.5e9, "exact")]),
        ("Kosovo declared independence in 2008.", [("year", 2008.0, "exact")]),
    ],
)
def test_claims_found(sentence: str, expected: list[tuple]) -> None:
    found = claims.find(sentence, published="2024-01-01", name=KOSOVO)
    assert [(c["quantity"], c["value"], c["bound"]) for c in found] == expected
    for c in found:
        assert sentence[c["start"] : c["end"]] == c["text"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "There are nearly 4,000 NATO troops in Kosovo.",
            ("troops", "troop", "nato", "kosovo", 4000.0, 4000.0),
        ),
        (
            "Trump would cut $212 billion in corporate taxes over ten years.",
            ("money_usd", "tax", "corporate", "", 212e9, 212e9),
        ),
        (
            "The plan adds more than $4 trillion in debt.",
            ("money_usd", "debt", "", "", 4e12, 4e12),
        ),
        (
            "The national debt of $20 trillion grew.",
            ("money_usd", "debt", "national", "", 2e13, 2e13),
        ),
        ("Britain pledged £3bn in aid.", ("money_gbp", "aid", "", "", 3e9, 3e9)),
        ("Some 1.5 million people fled.", ("people", "people", "", "", 1.5e6, 1.5e6)),
        (
            "Tens of thousands of people marched in Paris.",
            ("people", "people", "", "paris", 1e4, 99999.0),
        ),
        (
            "Two hundred thousand people die every year.",
            ("people", "people", "", "", 2e5, 2e5),
        ),
        (
            "Ninety-seven percent of scientists agree.",
            ("percent", "scientist", "", "", 97.0, 97.0),
        ),
        (
            "Some 22% of Republicans reported it.",
            ("percent", "republican", "", "", 22.0, 22.0),
        ),
        (
            "The storm hit Florida, killing at least 18 people.",
            ("people killed", "people", "", "", 18.0, 18.0),
        ),
        (
            "They evacuated 30 Egyptian citizens.",
            ("people", "citizen", "egyptian", "", 30.0, 30.0),
        ),
        ("Some 300 soldiers arrived in March.", ("troops", "troop", "", "", 300.0, 300.0)),
    ],
)
def test_what_a_claim_counts(sentence: str, expected: tuple) -> None:
    (c,) = [c for c in claims.find(sentence, name=GENERIC) if c["quantity"] != "year"]
    got = (c["quantity"], c["counts"], c["qualifiers"], c["place"], c["value"], c["value_max"])
    assert got == expected


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
    assert claims.find(sentence, name=KOSOVO) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "He was beaten or dead when they found him.",  # "ten" inside "beaten" is no number
        "Turnout among 2016 voters rose after the 2016 vote.",  # a year, not a count
        "One of the soldiers was killed.",  # "one of the" counts nothing
        "A third of voters agree.",
        "Two of them were injured.",
        "The company made $5 million.",  # an amount without what it is for is kept, not compared
        "The 5m rule applies to everyone.",  # a short scale without a currency is no number
        "He said it ten times.",  # a word number that counts nothing listed
    ],
)
def test_no_comparable_claim(sentence: str) -> None:
    found = [c for c in claims.find(sentence, name=GENERIC) if c["quantity"] != "year"]
    assert [c for c in found if c["counts"]] == []


def test_scale_word_kept_after_a_bound() -> None:
    (c,) = claims.find("Spending rose by more than $4 trillion.", name=GENERIC)
    assert (c["text"], c["value"], c["bound"]) == ("more than $4 trillion", 4e12, "min")


def test_year_event_is_the_nearest() -> None:
    found = claims.find(
        "Kosovo gained independence through a NATO military campaign launched in 1999.", name=KOSOVO
    )
    assert [(c["event"], c["value"]) for c in found] == [("nato_campaign_1999", 1999.0)]


def test_refers_to_year_in_sentence_else_publication() -> None:
    a = claims.find("In 2022 there were 3,800 troops.", published="2024-05-01", name=KOSOVO)
    b = claims.find("There are 4,700 troops.", published="2024-05-01", name=KOSOVO)
    c = claims.find("There are 4,700 troops.", name=KOSOVO)
    assert (a[0]["refers_to"], a[0]["refers_basis"]) == ("2022", "year in sentence")
    assert (b[0]["refers_to"], b[0]["refers_basis"]) == ("2024-05-01", "publication date")
    assert c[0]["refers_basis"] == "unknown"


def _table(rows: list[tuple], *, name: str = KOSOVO) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles of one sentence each: (id, sentence, published[, outlet])."""
    articles = pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "outlet": [r[3] if len(r) > 3 else "x" for r in rows],
            "published": [r[2] for r in rows],
            "status": "ok",
            "text": [r[1] for r in rows],
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
    return articles, claims.claim_table(articles, sentences, name=name)


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
                ("b", "There are 4,500 troops.", "2022-01-01"),
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
        (
            [
                ("a", "In 2019 there were 4,000 troops in Kosovo.", None),
                ("b", "In 2023 there were 4,700 troops in Kosovo.", None),
            ],
            "change over time",
        ),
    ],
)
def test_divergence_verdicts(rows: list[tuple], verdict: str) -> None:
    articles, table = _table(rows)
    div = claims.divergence(table, articles)
    assert div["verdict"].unique().tolist() == [verdict]
    assert sorted(div["article_id"]) == ["a", "b"]


def test_values_that_fit_at_different_times_are_not_reported() -> None:
    """Two hurricanes' death tolls a year apart ("at least 18" and 69) fit each other as numbers;
    at different times they are no agreement, and often two events of one kind."""
    articles, table = _table(
        [
            ("a", "The storm killed at least 18 people in Florida.", "2018-10-12"),
            ("b", "The storm killed 69 people in Florida.", "2017-09-20"),
        ]
    )
    assert claims.divergence(table, articles).empty


DAY = "2024-03-01"


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        (
            "4,000 troops are deployed in Kosovo.",
            "4,700 troops are deployed in Kosovo.",
            "disagree",
        ),
        (
            "At least 12 people were killed in the attack in Kabul on Monday.",
            "Five people were killed in the attack in Kabul on Monday.",
            "disagree",
        ),
        (
            "More than 40 people were killed in the attack in Kabul.",
            "Officials said 42 people were killed in the attack in Kabul.",
            "agree",
        ),
        (
            "Tens of thousands of people marched in Paris against the pension reform.",
            "Some 30,000 people marched in Paris against the pension reform.",
            "agree",
        ),
        # a claim without a place joins the place its sentence names
        (
            "Kosovo's NATO force has 4,700 troops.",
            "The NATO force has 4,000 troops in Kosovo.",
            "disagree",
        ),
        # never compared: different things, qualifiers that contradict, unrelated sentences
        (
            "A force of 4,700 troops guards the border.",
            "The force has 4,000 troops in Kosovo.",
            None,
        ),
        ("Trump would cut $212 billion in corporate taxes.", "It adds $4 trillion in debt.", None),
        (
            "The city evacuated 1,000 residents after the flood.",
            "The city evacuated 30 Egyptian citizens after the flood.",
            None,
        ),
        (
            "There are 4,000 NATO troops deployed in Kosovo.",
            "There are 300 US troops deployed in Kosovo.",
            None,
        ),
        (
            "The fires that began in October have killed at least 42 people.",
            "The poll gathered responses from 3,281 people online in June.",
            None,
        ),
        (
            "More than 1,000 people crowded into the venue downtown to hear the senator speak.",
            "Climate change is already affecting millions of people, another activist claimed.",
            None,
        ),
        (
            "The plan would cost $93 trillion over a decade, the group estimated on Monday.",
            "Wind power produced 6.5 percent of the energy America made last year, data show.",
            None,
        ),
    ],
)
def test_compares_like_with_like(a: str, b: str, verdict: str | None) -> None:
    articles, table = _table([("a", a, DAY, "one"), ("b", b, DAY, "two")], name=GENERIC)
    div = claims.divergence(table, articles)
    assert div["verdict"].unique().tolist() == ([verdict] if verdict else [])


def test_one_outlet_of_several_is_no_disagreement() -> None:
    rows = [
        ("a", "4,000 troops are deployed in Kosovo.", DAY, "one"),
        ("b", "4,700 troops are deployed in Kosovo.", DAY, "one"),
        ("c", "Elsewhere 10 people waited.", DAY, "two"),
    ]
    articles, table = _table(rows, name=GENERIC)
    div = claims.divergence(table, articles)
    assert div["verdict"].unique().tolist() == ["differ within an outlet"]


def test_disagreements_ranked_by_outlets_then_size() -> None:
    rows = [
        ("a", "4,000 troops are deployed in Kosovo.", DAY, "one"),
        ("b", "4,700 troops are deployed in Kosovo.", DAY, "two"),
        ("c", "4,900 troops are deployed in Kosovo.", DAY, "three"),
        ("d", "20 people were killed in the attack in Kabul.", DAY, "one"),
        ("e", "90 people were killed in the attack in Kabul.", DAY, "two"),
    ]
    articles, table = _table(rows, name=GENERIC)
    div = claims.divergence(table, articles)
    first = div.drop_duplicates("quantity").set_index("rank")
    assert first["quantity"].tolist() == ["troops in kosovo", "people killed in kabul"]
    assert first["outlets"].tolist() == [3, 2]
    assert (first["verdict"] == "disagree").all()
