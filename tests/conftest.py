"""Shared fixtures: the project root, and one run of the whole chain on seeds/ for all chain
tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user cache of the test session's own (validation results are computed once per session,
    never taken from the developer's ~/.cache), inherited by the runs the tests start."""
    folder = tmp_path_factory.mktemp("user-cache")
    os.environ["PRESSLENS_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root."""
    return ROOT


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the whole chain on seeds/ once into a temporary folder; return the run folder."""
    from presslens.pipeline import runner

    work = tmp_path_factory.mktemp("chain")
    out = work / "reports"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        runner.run(SEEDS, out, progress=False)
    finally:
        os.chdir(cwd)
    return out


@pytest.fixture(scope="session")
def seeds_tables(seeds_run: Path) -> dict[str, pd.DataFrame]:
    """Every table the seeds run wrote, by name."""
    return {p.stem: pd.read_parquet(p) for p in sorted((seeds_run / "data").glob("*.parquet"))}


def copy_seeds(target: Path) -> Path:
    """A writable copy of seeds/ (tests never touch the real one)."""
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the whole chain once on the generated bad-input corpus; return the run folder."""
    import badcorpus

    from presslens.pipeline import runner

    work = tmp_path_factory.mktemp("bad")
    corpus = badcorpus.write(work / "corpus")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        runner.run(corpus, work / "reports", progress=False)
    finally:
        os.chdir(cwd)
    return work / "reports"
