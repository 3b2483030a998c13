"""The stage registry is the truth: every stage reads and writes what it declares, every table and
figure of a run has its stage, and the runner's cache follows the DAG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from presslens.core import paths, tables
from presslens.pipeline import registry, runner

SEEDS_CALLS: dict[str, Any] = {
    # how each stage is called on the seeds, in process (pandas engine) so every access is seen
    "10": lambda f, out: f(paths.seeds_dir(), out, engine="pandas", progress=False),
    "90": lambda f, out: f(out, eval_dir=paths.eval_dir(), frame_split_repeats=0),
}


def call(stage: registry.Stage, out: Path) -> None:
    default = lambda f, out: f(out, engine="pandas", progress=False)  # noqa: E731
    SEEDS_CALLS.get(stage.name, default)(stage.load(), out)


@pytest.fixture(scope="module")
def accesses(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, set]]]:
    """Run every stage in order on the seeds, recording the tables each one touches and writes."""
    out = tmp_path_factory.mktemp("registry")
    seen: dict[str, dict[str, set]] = {}
    current: dict[str, set] = {}
    touched_path, write, part_init = tables.path, tables.write, tables.PartWriter.__init__

    def spy_path(name: str, out_dir: str | Path) -> Path:
        current["touched"].add(name)
        return touched_path(name, out_dir)

    def spy_write(df: Any, name: str, out_dir: str | Path) -> Path:
        current["written"].add(name)
        return write(df, name, out_dir)

    def spy_init(self: Any, name: str, out_dir: str | Path, **kw: Any) -> None:
        current["written"].add(name)
        part_init(self, name, out_dir, **kw)

    mp = pytest.MonkeyPatch()
    mp.setattr(tables, "path", spy_path)
    mp.setattr(tables, "write", spy_write)
    mp.setattr(tables.PartWriter, "__init__", spy_init)
    try:
        for stage in registry.STAGES:
            current.clear()
            current.update(touched=set(), written=set())
            call(stage, out)
            seen[stage.notebook] = {k: set(v) for k, v in current.items()}
    finally:
        mp.undo()
    return out, seen


@pytest.mark.chain
@pytest.mark.parametrize("stage", registry.STAGES, ids=lambda s: s.notebook)
def test_a_stage_reads_and_writes_what_it_declares(stage: registry.Stage, accesses) -> None:
    _, seen = accesses
    got = seen[stage.notebook]
    assert got["written"] == set(stage.writes), "declared writes differ from the tables written"
    readable = set(stage.reads)
    if stage.reads_everything:  # the report: every table of the stages before it
        readable |= {t for s in registry.STAGES if s.notebook < stage.notebook for t in s.writes}
    undeclared = got["touched"] - readable - set(stage.writes)
    assert not undeclared, f"{stage.notebook} reads tables it does not declare: {undeclared}"


@pytest.mark.chain
def test_every_table_and_figure_of_a_run_has_its_stage(accesses) -> None:
    out, _ = accesses
    written = {p.stem for p in (out / "data").glob("*.parquet")}
    assert written == {t for s in registry.STAGES for t in s.writes}
    drawn = {p.stem for p in (out / "figures").glob("*.csv") if not p.stem.endswith(".evidence")}
    assert drawn == {f for s in registry.STAGES for f in s.figures}
    assert (out / "index.html").exists() and (out / "evidence.html").exists()


@pytest.mark.chain
def test_the_cache_follows_the_dag(tmp_path: Path, root: Path) -> None:
    """A parameter of notebook 20 reruns 20 and what reads its tables (40, 50, 99), nothing
    else."""
    out = tmp_path / "run"
    runner.run(root / "seeds", out, {"frame_split_repeats": 0}, progress=False)
    again = runner.run(root / "seeds", out, {"frame_split_repeats": 0, "top": 5}, progress=False)
    assert again["cached"] == [
        "10-clean-articles",
        "30-code-framing",
        "90-validate-methods",
    ]
