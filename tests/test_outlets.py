"""One name per outlet (presslens.ingest.outlets): spellings of one outlet that differ only in
case, spaces, punctuation or accents are merged into the most readable one; names that differ in
words stay apart. The names are those of the narrative-frames corpus, whose 2017 articles carry
display names and whose 2018-2019 articles carry slugs of the same outlets."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.ingest import outlets
from presslens.stages import clean_corpus


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            {"thehuffingtonpost": 22, "The Huffington Post": 12},
            {"thehuffingtonpost": "The Huffington Post"},
        ),
        ({"rt": 7, "RT": 7}, {"rt": "RT"}),
        ({"Politicus USA": 4, "politicususa": 8}, {"politicususa": "Politicus USA"}),
        (
            {"Le Monde": 3, "le-monde": 1, "LE MONDE": 2},
            {"le-monde": "Le Monde", "LE MONDE": "Le Monde"},
        ),
        ({"Zeit Online": 1, "zeít online": 1}, {"zeít online": "Zeit Online"}),
        ({"Новая газета": 3, "новая газета": 5}, {"новая газета": "Новая газета"}),
        ({"Η Καθημερινή": 2, "η καθημερινη": 1}, {"η καθημερινη": "Η Καθημερινή"}),
    ],
)
def test_spellings_of_one_outlet_become_one(counts: dict, expected: dict) -> None:
    assert outlets.canonical(counts) == expected


@pytest.mark.parametrize(
    "counts",
    [
        {"Huffington Post": 3, "HuffPost": 2},  # different words: the user's call
        {"The Times": 3, "The Sunday Times": 2},
        {"CNN": 5},
        {"": 2, "  ": 1},
    ],
)
def test_different_outlets_stay_apart(counts: dict) -> None:
    assert outlets.canonical(counts) == {}


def test_stage_10_writes_one_name_per_outlet_and_keeps_the_given_one(tmp_path) -> None:
    body = "The council met on Monday and voted on the new budget for the city. " * 3
    corpus = tmp_path / "c.csv"
    pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "outlet": ["BBC", "bbc", "Reuters"],
            "text": [body + "One.", body.replace("council", "board") + "Two.", "Story. " + body],
        }
    ).to_csv(corpus, index=False)
    clean_corpus(corpus, tmp_path / "run", progress=False, engine="pandas")
    arts = pd.read_parquet(tmp_path / "run" / "data" / "articles.parquet")
    assert arts["outlet"].tolist() == ["BBC", "BBC", "Reuters"]
    assert arts["outlet_as_given"].tolist() == ["", "bbc", ""]
