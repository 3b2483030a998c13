"""Stages give the same tables whatever the partition size and engine."""

from pathlib import Path

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
    assert run(bad_corpus, tmp_path / "a", partition_size=3) == run(bad_corpus, tmp_path / "b", partition_size=1000)


def test_dask_engine_writes_the_same_tables(bad_corpus: Path, tmp_path: Path) -> None:
    assert run(bad_corpus, tmp_path / "a", partition_size=4, engine_name="dask") == run(bad_corpus, tmp_path / "b", partition_size=4)


def test_unknown_engine_is_refused(root: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="engine must be one of"):
        stages.clean_corpus(root / "seeds", tmp_path, engine_name="spark", progress=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus of 3,000 articles (bench/generate.py, deterministic), with wire copies and site furniture."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import generate

    path = tmp_path_factory.mktemp("gen") / "news.parquet"
    generate.generate(3000, seed=11).drop(columns=["title"]).to_parquet(path, index=False)
    return path


def test_every_stage_gives_identical_tables_on_both_engines(generated: Path, tmp_path: Path) -> None:
    """The pandas and Dask engines write byte-identical tables for every per-article stage."""
    written = {}
    for eng in ("pandas", "dask"):
        out = tmp_path / eng
        stages.clean_corpus(generated, out, engine_name=eng, partition_size=500, progress=False)
        stages.score_sentiment(out, engine_name=eng, progress=False)
        stages.code_framing(out, engine_name=eng, progress=False)
        stages.build_timeline(out, engine_name=eng, progress=False)
        written[eng] = {p.name: p.read_bytes() for p in sorted((out / "data").glob("*.csv"))}
    assert len(written["pandas"]) >= 12
    assert written["pandas"]["articles.csv"].count(b"\n") > 3000
    assert written["pandas"] == written["dask"]
