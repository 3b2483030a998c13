"""Sentence splitting with offsets: abbreviations, initials, numbers, quotes, headlines."""

import pandas as pd
import pytest

from presslens.ingest import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Navy said so. Mr. Smith agreed.",
            ["The U.S. Navy said so.", "Mr. Smith agreed."],
        ),
        (
            "Talks resume on Sept. 1 in Brussels. Gen. Smith will attend.",
            ["Talks resume on Sept. 1 in Brussels.", "Gen. Smith will attend."],
        ),
        (
            "Troops arrived from the U.S. The next day they left.",
            ["Troops arrived from the U.S.", "The next day they left."],
        ),
        ("J. R. Smith came late. He left early.", ["J. R. Smith came late.", "He left early."]),
        (
            "KFOR has around 4,700 troops. They come from 29 nations.",
            ["KFOR has around 4,700 troops.", "They come from 29 nations."],
        ),
        ("The 1998-1999 war ended. NATO stayed.", ["The 1998-1999 war ended.", "NATO stayed."]),
        ("He said, “We are ready.” Then he left.", ["He said, “We are ready.”", "Then he left."]),
        (
            '"We feel that our place is in NATO," Kurti said. "We are a security provider."',
            ['"We feel that our place is in NATO," Kurti said.', '"We are a security provider."'],
        ),
        (
            "Violent Clashes Spark Urgent Security Concerns\nThe push came after clashes.",
            ["Violent Clashes Spark Urgent Security Concerns", "The push came after clashes."],
        ),
        (
            "Dr. Rama met Prof. Ivanov at 10 a.m. on Monday.",
            ["Dr. Rama met Prof. Ivanov at 10 a.m. on Monday."],
        ),
        ("It grew 2.5 percent. Prices fell.", ["It grew 2.5 percent.", "Prices fell."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences.split(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n", "One", "No stop at the end", "Ends with a stop."]
)
def test_offsets_valid(text: str) -> None:
    for a, b in sentences.spans(text):
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()


def test_sentence_table_offsets_and_ids() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "status": ["ok", "quarantined"],
            "text": ["First one. Second one.\nThird", ""],
        }
    )
    table = sentences.sentence_table(articles)
    assert list(table.columns) == sentences.COLUMNS
    assert table["text"].tolist() == ["First one.", "Second one.", "Third"]
    assert table["sent_id"].tolist() == [1, 2, 3]
    text = articles.at[0, "text"]
    assert all(text[r.start : r.end] == r.text for r in table.itertuples())
