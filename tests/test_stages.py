"""Stages give the same tables whatever the partition size and engine."""

from pathlib import Path

import pandas as pd
import pytest

import badcorpus
from presslens import stages

TABLES = ("articles", "removed", "quarantine", "sentences")


def run(corpus: Path, out: Path, **kw) -> dict[str, bytes]:
    stages.clean_corpus(corpus, out, progress=False, **kw)
    return {t: (out / "data" / f"{t}.csv").read_bytes() for t in TABLES}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return badcorpus.write(tmp_path_factory.mktemp("badc") / "corpus", huge_bytes=6_000_000)


def test_partition_size_does_not_change_tables(bad_corpus: Path, tmp_path: Path) -> None:
    assert run(bad_corpus, tmp_path / "a", partition_size=3) == run(
        bad_corpus, tmp_path / "b", partition_size=1000
    )


def test_dask_engine_writes_the_same_tables(bad_corpus: Path, tmp_path: Path) -> None:
    assert run(bad_corpus, tmp_path / "a", partition_size=4, engine="dask") == run(
        bad_corpus, tmp_path / "b", partition_size=4
    )


def test_unknown_engine_is_refused(root: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="engine must be one of"):
        stages.clean_corpus(root / "seeds", tmp_path, engine="spark", progress=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus of 1,200 articles (bench/generate.py, deterministic): 20-60 real news
    sentences each, thousands of names, shared dated events, 48 outlets, wire copies, site
    furniture."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import generate

    path = tmp_path_factory.mktemp("gen") / "news.parquet"
    generate.generate(1200, seed=11).drop(columns=["title"]).to_parquet(path, index=False)
    return path


def test_every_stage_gives_identical_tables_on_both_engines_and_any_partition_size(
    generated: Path, tmp_path: Path
) -> None:
    """The pandas and Dask engines, with different partition sizes, write byte-identical tables for
    every stage, the corpus summaries included: per-article statistics never depend on which
    articles share a partition, and sums are taken in a fixed order."""
    written = {}
    for eng, size in (("pandas", 500), ("dask", 170)):
        out = tmp_path / eng
        stages.clean_corpus(generated, out, engine=eng, partition_size=size, progress=False)
        stages.score_sentiment(out, engine=eng, progress=False)
        stages.code_framing(out, engine=eng, progress=False)
        stages.build_timeline(out, engine=eng, progress=False)
        stages.compare_outlets(out, engine=eng, progress=False)
        written[eng] = {p.name: p.read_bytes() for p in sorted((out / "data").glob("*.csv"))}
    assert len(written["pandas"]) >= 25
    assert written["pandas"]["articles.csv"].count(b"\n") > 1200
    assert [
        name for name in written["pandas"] if written["pandas"][name] != written["dask"].get(name)
    ] == []


def test_unsorted_ids_give_the_same_tables_whatever_the_partition_size(
    generated: Path, tmp_path: Path
) -> None:
    """Rows follow the input's article order, not the ids' sort order, so partitions of 7 and of
    1,000 articles write the same tables even when the ids come unsorted."""
    table = pd.read_parquet(generated).head(60)
    table["id"] = [
        f"{(i * 37) % 60:02d}-{x}" for i, x in enumerate(table["id"])
    ]  # ids out of order
    corpus = tmp_path / "shuffled.parquet"
    table.to_parquet(corpus, index=False)
    written = {}
    for size in (7, 1000):
        out = tmp_path / f"p{size}"
        stages.clean_corpus(corpus, out, partition_size=size, progress=False)
        stages.score_sentiment(out, progress=False)
        stages.code_framing(out, progress=False)
        stages.build_timeline(out, progress=False)
        stages.compare_outlets(out, progress=False)
        written[size] = {p.name: p.read_bytes() for p in sorted((out / "data").glob("*.csv"))}
    assert [name for name in written[7] if written[7][name] != written[1000].get(name)] == []
    ids = pd.read_csv(tmp_path / "p7" / "data" / "articles.csv")["article_id"].tolist()
    assert ids == sorted(ids, key=lambda a: table["id"].tolist().index(a)) and ids != sorted(ids)
