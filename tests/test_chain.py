"""The whole chain on seeds/, run once into a temporary folder, asserting on what the tables
hold."""

import json
from pathlib import Path

import pandas as pd

from presslens.core import tables


def test_run_folder_layout(seeds_run: Path) -> None:
    for part in (
        "index.html",
        "manifest.json",
        "data/articles.parquet",
        "data/articles.csv",
        "figures/fig01-cleaning.png",
        "figures/fig01-cleaning.svg",
        "figures/fig01-cleaning.csv",
        "notebooks/10-clean-articles.ipynb",
        "html/10-clean-articles.html",
        "articles/004_df3df1981ea36db8.html",
    ):
        assert (seeds_run / part).exists(), part
    manifest = json.loads((seeds_run / "manifest.json").read_text())
    assert set(manifest["inputs"]) >= {"metadata.csv", "000_d650c0096b15231c.txt"}
    assert all(len(h) == 64 for h in manifest["inputs"].values())


def test_tables_keep_the_contract(seeds_tables: dict[str, pd.DataFrame]) -> None:
    for name, df in seeds_tables.items():
        tables.check(df, name)


def test_articles_reconcile(seeds_tables: dict[str, pd.DataFrame]) -> None:
    a = seeds_tables["articles"]
    assert len(a) == 5
    assert a["status"].tolist() == ["ok"] * 5
    assert seeds_tables["quarantine"].empty
    assert pd.isna(a.set_index("article_id").at["000_d650c0096b15231c", "published"])
    assert (
        a.set_index("article_id").at["002_8a3fadcf62c2e463", "source"]
        == "International security briefings"
    )


def test_cleaning_removed_furniture_only(seeds_tables: dict[str, pd.DataFrame]) -> None:
    removed = seeds_tables["removed"]
    assert removed.groupby("rule").size().to_dict() == {
        "article_navigation": 4,
        "dateline": 1,  # "PRISTINA, Kosovo —" of 003, kept in the dateline column
        "headline": 2,
        "repeated_headline": 1,
        "source_note": 1,
        "summary_box": 4,
        "trailing_headlines": 17,
    }
    text = " ".join(seeds_tables["articles"]["text"])
    for gone in (
        "No time to read?",
        "Previous Article",
        "Hangover Breakfasts",
        "Kim Jong Un",
        "[Source:",
    ):
        assert gone not in text
    for kept in (
        "yesterday rather than tomorrow",
        "Violent Clashes Spark Urgent Security Concerns",
        "Borrell added that there is still time before the deadline.",
    ):
        assert kept in text


def test_sentences_point_into_the_text(seeds_tables: dict[str, pd.DataFrame]) -> None:
    s, a = seeds_tables["sentences"], seeds_tables["articles"].set_index("article_id")
    assert len(s) > 70
    for r in s.itertuples():
        assert a.at[r.article_id, "text"][r.start : r.end] == r.text
    assert (
        s.groupby("article_id")["sent_id"]
        .apply(lambda x: list(x) == list(range(1, len(x) + 1)))
        .all()
    )


def test_tables_hold_no_absolute_paths(seeds_run: Path) -> None:
    for csv in (seeds_run / "data").glob("*.csv"):
        content = csv.read_text()
        assert (
            str(seeds_run) not in content and "/work/" not in content and "/tmp/" not in content
        ), csv.name


def test_index_links_every_article_and_notebook(seeds_run: Path) -> None:
    index = (seeds_run / "index.html").read_text()
    for aid in ("000_d650c0096b15231c", "004_df3df1981ea36db8"):
        assert f'href="articles/{aid}.html"' in index
    assert 'href="html/10-clean-articles.html"' in index
    assert "undated" in index  # the warning about 000


def test_the_start_page_states_each_kind_of_finding(seeds_run: Path) -> None:
    index = (seeds_run / "index.html").read_text()
    for statement in (
        "5 input articles: 5 analysed",
        "come from 5 outlets of 1 article each",
        "Outlets are not compared: 0 outlets of 5 have 20 or more analysed articles",
        "Sentences lean",
        "Article tone ranges from",
        "Of all sentences, the most negative sentence",
        "The two lexicons (vader and textblob) give the same label",
        "quotes found",
        "Naming (",
        "Generic frames, share of articles using them",
    ):
        assert statement in index, statement
    # the seeds are five articles of five outlets: no actor reaches 30 mentions and no outlet 20
    # articles, so nothing is named as an extreme of actors or outlets
    for absent in ("never quoted", "most negatively written about", "Mean article tone of the"):
        assert absent not in index, absent


def test_two_runs_write_identical_tables(seeds_run: Path, tmp_path: Path) -> None:
    """Determinism: a second run on the same input writes byte-identical tables and figure data."""
    import os

    from presslens.pipeline import runner

    root = Path(__file__).resolve().parents[1]
    cwd = os.getcwd()
    os.chdir(root)
    try:
        runner.run(root / "seeds", tmp_path / "again", progress=False)
    finally:
        os.chdir(cwd)
    files = sorted(
        p.relative_to(seeds_run)
        for p in [*(seeds_run / "data").iterdir(), *(seeds_run / "figures").glob("*.csv")]
    )
    assert files
    for rel in files:
        assert (seeds_run / rel).read_bytes() == (tmp_path / "again" / rel).read_bytes(), rel


def test_every_link_of_every_page_resolves(seeds_run: Path, bad_run: Path) -> None:
    """Start page, evidence page, article pages and the exported notebooks: every local link and
    anchor lands."""
    import links

    assert links.broken(seeds_run) == []
    assert links.broken(bad_run) == []
    assert len(list((seeds_run / "html").glob("*.html"))) == 7


def test_notebooks_run_with_their_defaults_from_the_notebooks_folder(
    tmp_path: Path, monkeypatch
) -> None:
    """As in JupyterLab: the kernel's working directory is notebooks/, no parameter is given; the
    seeds are found through the package and nothing is written under notebooks/."""
    import papermill

    from presslens.core import paths

    root = Path(__file__).resolve().parents[1]
    monkeypatch.setenv(
        paths.REPORTS_ENV, str(tmp_path / "reports")
    )  # instead of the project's reports/
    before = sorted((p.name, p.stat().st_mtime) for p in (root / "notebooks").iterdir())
    for nb in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        papermill.execute_notebook(
            str(nb),
            str(tmp_path / nb.name),
            kernel_name="python3",
            progress_bar=False,
            cwd=str(root / "notebooks"),
        )
    assert sorted((p.name, p.stat().st_mtime) for p in (root / "notebooks").iterdir()) == before
    assert (tmp_path / "reports" / "index.html").exists()
    assert len(pd.read_parquet(tmp_path / "reports" / "data" / "articles.parquet")) == 5
