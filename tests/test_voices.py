"""Direct quotes per 100 sentences per outlet: partition counts, their sum, the warning."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.measure import voices


def corpus(marks: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Three outlets of two articles, 10 sentences each; outlet C writes quotes with `marks`."""
    texts = {
        "A": "“We won,” she said.",
        "B": '"We won," she said.',
        "C": f"{marks}We won,{marks} she said.",
    }
    arts = pd.DataFrame(
        {
            "article_id": [f"{o}{i}" for o in "ABC" for i in (1, 2)],
            "outlet": [o for o in "ABC" for _ in (1, 2)],
            "text": [texts[o] for o in "ABC" for _ in (1, 2)],
            "status": "ok",
        }
    )
    sents = pd.DataFrame({"article_id": [a for a in arts["article_id"] for _ in range(10)]})
    direct = {"A": 4, "B": 3, "C": 0}  # C's quotes were not found
    rows = [(f"{o}1", "direct") for o, n in direct.items() for _ in range(n)]
    quotes = pd.DataFrame(rows + [("C1", "indirect")], columns=["article_id", "kind"])
    return arts, sents, quotes


@pytest.mark.parametrize(
    ("marks", "warned"),
    [("''", True), ("", False)],  # texts with two-apostrophe marks, and texts without any mark
)
def test_an_outlet_far_under_the_median_with_marks_is_warned(marks: str, warned: bool) -> None:
    table = voices.quote_rates(*corpus(marks), min_sentences=20)
    assert list(table.columns) == voices.RATES
    assert table["outlet"].tolist() == ["A", "B", "C"]
    c = table.set_index("outlet").loc["C"]
    assert (c.sentences, c.quotes, c.direct, c.direct_per_100) == (20, 1, 0, 0.0)
    assert c.articles_with_marks == (2 if warned else 0)
    assert bool(c.warning) is warned
    if warned:
        assert c.warning == (
            "direct quotes at 0.0 per 100 sentences, under a third of the median 15.0, though 2"
            " of its 2 texts hold quotation marks: check its quotation marks"
        )
    assert (table.set_index("outlet").loc[["A", "B"], "warning"] == "").all()
    few = voices.quote_rates(*corpus(marks))  # 20 sentences are too few to compare an outlet
    assert (few["warning"] == "").all()


def test_partitions_sum_to_the_whole() -> None:
    arts, sents, quotes = corpus("''")
    whole = voices.quote_rates(arts, sents, quotes)
    halves = [
        voices.rate_counts(
            arts[arts["article_id"].str[1] == k],
            sents[sents["article_id"].str[1] == k],
            quotes[quotes["article_id"].str[1] == k],
        )
        for k in "12"
    ]
    assert list(halves[0].columns) == voices.COUNTS
    pd.testing.assert_frame_equal(voices.rate_table(halves), whole)
    pd.testing.assert_frame_equal(voices.rate_table(halves[::-1]), whole)  # order-free


def test_no_quotes_and_no_partitions() -> None:
    arts, sents, quotes = corpus("“")
    table = voices.quote_rates(arts, sents, quotes.iloc[:0])
    assert table["direct"].tolist() == [0, 0, 0] and (table["warning"] == "").all()
    assert list(voices.rate_table([]).columns) == voices.RATES


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("“Yes,” he said.", True),
        ("''Yes,'' he said.", True),
        ("«Oui», dit-il.", True),
        ("„Ja“, sagte er.", True),
        ("'Yes,' he said.", True),
        ("He didn't say it in the '90s; the Joneses' dog did.", False),
        ("Trump’s aides don’t agree.", False),
    ],
)
def test_articles_with_marks_of_any_style(text: str, marked: bool) -> None:
    from presslens.extract.quote_marks import has_marks

    assert has_marks(text) is marked
