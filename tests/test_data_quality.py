"""The data-quality panel (measure.data_quality) and the choice of what outlet comparisons count
(core.outlet_scope).

The corpora here are generated: outlets with a given number of articles, some of them wire copy,
undated or repaired, so the expected warnings are known. The rule under test: an outlet is
flagged only when it has enough articles, differs from the typical outlet by enough to matter and
the difference survives a Holm-corrected test; one large outlet does not make every other outlet
stand out.
"""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.measure import data_quality as dq
from presslens.core import outlet_scope


def _articles(spec: dict[str, dict]) -> pd.DataFrame:
    """Generated per-article rows: per outlet n articles, `wire` of them wire copy, `undated`
    without a date, `sentences` and `quoted` per article."""
    rows = []
    for outlet, s in spec.items():
        for i in range(s["n"]):
            rows.append(
                dict(
                    article_id=f"{outlet}-{i:03d}",
                    outlet=outlet,
                    wire="Associated Press" if i < s.get("wire", 0) else "",
                    repairs=2 if i < s.get("repaired", 0) else 0,
                    dated=i >= s.get("undated", 0),
                    sentences=s.get("sentences", 20) + i % 3,
                    quoted=s.get("quoted", 5) + i % 2,
                    removed=s.get("removed", 0),
                )
            )
    return pd.DataFrame(rows)


NO_RULES = pd.DataFrame(columns=["article_id", "rule", "lines"])
TYPICAL = {"n": 40}


def test_an_outlet_of_mostly_wire_copy_is_flagged_and_only_it() -> None:
    per = _articles({"a": {"n": 40, "wire": 30}, "b": TYPICAL, "c": TYPICAL, "d": TYPICAL})
    table = dq.quality_table(per, NO_RULES)
    flagged = table[table["warnings"] != ""]
    assert flagged["outlet"].tolist() == ["a"]
    assert "wire copy 75% (n=40) against a median of 0%" in flagged["warnings"].iloc[0]
    a = table.set_index("outlet").loc["a"]
    assert (a["wire"], a["wire_share"]) == (30, 0.75)
    assert a["wire_lo"] < 0.75 < a["wire_hi"]


def test_one_large_outlet_does_not_make_the_others_stand_out() -> None:
    per = _articles(
        {
            "big": {"n": 300, "undated": 300, "sentences": 3},
            "b": TYPICAL,
            "c": TYPICAL,
            "d": TYPICAL,
        }
    )
    table = dq.quality_table(per, NO_RULES).set_index("outlet")
    assert "undated articles 100%" in table.at["big", "warnings"]
    assert "sentences per article" in table.at["big", "warnings"]
    assert (table.loc[["b", "c", "d"], "warnings"] == "").all()


@pytest.mark.parametrize(
    "spec",
    [
        {"a": {"n": 6, "wire": 6}, "b": TYPICAL, "c": TYPICAL},  # too few articles to judge
        {"a": {"n": 40, "wire": 4}, "b": TYPICAL, "c": TYPICAL},  # 10 points: too small to matter
        {"a": {"n": 40, "quoted": 6}, "b": TYPICAL, "c": TYPICAL},  # a ratio of 1.2
        {"a": TYPICAL},  # one outlet: nothing to compare
    ],
)
def test_nothing_is_flagged_when_it_should_not_be(spec: dict) -> None:
    table = dq.quality_table(_articles(spec), NO_RULES)
    assert (table["warnings"] == "").all()


def test_the_table_counts_removals_by_rule_and_has_an_all_outlets_row() -> None:
    per = _articles({"a": {"n": 3, "removed": 2}, "b": {"n": 2}})
    rules = pd.DataFrame(
        {
            "article_id": ["a-000", "a-000", "a-001", "a-002"],
            "rule": ["export_header", "image_credit", "export_header", "export_header"],
            "lines": [1, 1, 1, 1],
        }
    )
    table = dq.quality_table(per, rules).set_index("outlet")
    assert table.index.tolist() == ["a", "b", dq.ALL]
    assert table.at["a", "removed_rules"] == "export_header 3; image_credit 1"
    assert table.at[dq.ALL, "articles"] == 5
    assert table.at["a", "removed_per_article"] == 2.0
    assert list(table.reset_index().columns) == dq.COLUMNS


def test_per_article_reads_the_tables_stage_10_writes() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["x", "y", "z"],
            "outlet": ["o", None, "o"],
            "status": ["ok", "ok", "duplicate"],
            "published": ["2019-01-01", None, "2019-01-02"],
            "text": ["He said “yes” and ‘no’.", "No quotes here.", "dup"],
        }
    )
    sentences = pd.DataFrame({"article_id": ["x", "x", "y"]})
    removed = pd.DataFrame({"article_id": ["y"], "rule": ["copyright"]})
    per = dq.per_article(articles, sentences, removed).set_index("article_id")
    assert per.index.tolist() == ["x", "y"]  # the duplicate is not analysed
    assert per.at["y", "outlet"] == dq.UNKNOWN_OUTLET
    assert per.at["x", "quoted"] == 2 and per.at["y", "quoted"] == 0
    assert (per.at["x", "sentences"], per.at["y", "removed"]) == (2, 1)
    assert bool(per.at["x", "dated"]) and not bool(per.at["y", "dated"])
    assert per.at["x", "wire"] == "" and per.at["x", "repairs"] == 0


# ---- what outlet comparisons count ---------------------------------------------------------

ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "b1", "c1"],
        "outlet": ["Daily", "Daily", "Herald", None],
        "wire": ["Reuters", "", "", "Associated Press"],
    }
)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("own", ["(wire copy)", "Daily", "Herald", "(wire copy)"]),
        ("all", ["Daily", "Daily", "Herald", "(unknown outlet)"]),
    ],
)
def test_comparison_outlets(mode: str, expected: list[str]) -> None:
    got = outlet_scope.comparison_outlets(ARTICLES, mode)
    assert got.index.tolist() == ["a1", "a2", "b1", "c1"]
    assert got.tolist() == expected


def test_a_table_without_wire_column_compares_every_article_by_its_outlet() -> None:
    got = outlet_scope.comparison_outlets(ARTICLES.drop(columns="wire"), "own")
    assert got.tolist() == ["Daily", "Daily", "Herald", "(unknown outlet)"]


def test_an_unknown_mode_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="outlet_comparisons must be one of own, all"):
        outlet_scope.comparison_outlets(ARTICLES, "mine")


@pytest.mark.parametrize(("mode", "words"), [("own", "own reporting"), ("all", "wire-agency")])
def test_the_report_says_which_comparison_it_shows(mode: str, words: str) -> None:
    assert words in outlet_scope.describe(mode, n_wire=3)


def test_without_wire_copy_the_report_says_none_was_found() -> None:
    said = outlet_scope.describe("own", n_wire=0)
    assert "no article was found to be wire-agency copy" in said and "(wire copy)" not in said
