"""The generated bad-input corpus runs through the whole chain: every input accounted for, hostile
text inert."""

import re
from pathlib import Path

import pandas as pd
import pytest

import badcorpus
from browser import outside_requests, visit


@pytest.fixture(scope="module")
def bad_tables(bad_run: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_parquet(p) for p in (bad_run / "data").glob("*.parquet")}


def test_every_input_accounted_for(bad_tables: dict[str, pd.DataFrame]) -> None:
    a = bad_tables["articles"].set_index("file")
    assert sorted(a.index) == sorted(badcorpus.EXPECTED)
    for name, (status, words) in badcorpus.EXPECTED.items():
        assert a.at[name, "status"] == status, name
        assert words in a.at[name, "reason"], (name, a.at[name, "reason"])
    counts = a["status"].value_counts()
    assert (
        counts.sum()
        == len(badcorpus.EXPECTED)
        == counts["ok"] + counts["duplicate"] + counts["quarantined"]
    )
    q = bad_tables["quarantine"]
    assert set(q.loc[q["kind"] == "article", "source"]) == {
        n for n, (s, _) in badcorpus.EXPECTED.items() if s == "quarantined"
    }


def test_metadata_problems_listed(bad_tables: dict[str, pd.DataFrame]) -> None:
    reasons = " | ".join(bad_tables["quarantine"]["reason"])
    for words in (
        "'missing-file.txt', but no such file",
        "second metadata row for 'original.txt'",
        "'2023-13-45' is not a valid date",
        "'../../etc/passwd', but no such file",
    ):
        assert words in reasons


def test_ids_are_safe_file_names(bad_run: Path, bad_tables: dict[str, pd.DataFrame]) -> None:
    ids = bad_tables["articles"]["article_id"]
    assert ids.is_unique
    assert not ids.str.contains(r"/|\.\.|[\x00-\x1f ]").any()
    pages = {p.stem for p in (bad_run / "articles").glob("*.html")}
    assert pages == set(ids)


def test_report_shows_the_counts(bad_run: Path) -> None:
    index = (bad_run / "index.html").read_text()
    assert "18 input articles: 8 analysed, 2 duplicate, 8 quarantined" in index
    assert "over the limit" in index and "not English" in index


def test_hostile_text_is_escaped_everywhere(bad_run: Path) -> None:
    for page in [
        *bad_run.glob("*.html"),
        *bad_run.glob("articles/*.html"),
        *bad_run.glob("html/*.html"),
    ]:
        text = page.read_text(encoding="utf-8")
        assert "<script>document.title" not in text, page.name
        assert "<img src=x onerror" not in text, page.name
        # a link to javascript: as markup (cleaning logs the stripped tag, which a page may show
        # escaped as text: "&lt;a href=..." is no link)
        assert not re.search(r'<a\b[^>]*href="javascript:', text, re.I), page.name


@pytest.mark.browser
@pytest.mark.parametrize(
    "page", ["index.html", "articles/hostile.html", "html/10-clean-articles.html"]
)
def test_hostile_text_is_inert_in_chromium(bad_run: Path, page: str) -> None:
    v = visit(bad_run / page)
    assert v.title != "PWNED"  # the payload would set the title to exactly this
    assert v.dialogs == []
    assert [e for e in v.errors if "PWNED" in e or "alert" in e] == []
    assert outside_requests(v.requests) == []
