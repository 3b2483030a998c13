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
