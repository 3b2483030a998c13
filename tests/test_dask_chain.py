"""The Dask engine through the notebooks: the whole chain on the seeds, in partitions of two
articles, on a LocalCluster that the shared kernel starts (and keeps across notebooks emptied by
``%reset -f``) and on a scheduler with two workers that the test starts on 127.0.0.1, with a kernel
per notebook; each run writes the same bytes in every table as the process engine and leaves no
process behind, and no scratch folder. Also a LocalCluster from a plain process: its workers see no
run settings of their own, and one starts after ``__main__`` lost its ``__spec__`` (what ``%reset
-f`` does)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed")
psutil = pytest.importorskip("psutil")

from presslens.pipeline import runner  # noqa: E402

pytestmark = pytest.mark.chain

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BIN = Path(sys.executable).parent
SIZE = 2  # articles per partition: three partitions of the five seeds


def run_chain(out: Path, engine: str, *, scheduler: str = "", share: bool | None = None) -> Path:
    """The whole chain on the seeds into `out` with `engine`, in partitions of SIZE articles."""
    settings: dict[str, object] = {"engine": engine, "partition_size": SIZE}
    if scheduler:
        settings["scheduler"] = scheduler
    runner.run(SEEDS, out, progress=False, share_kernel=share, settings=settings)
    return out


def tables(out: Path) -> dict[str, bytes]:
    """Every file in the run's data/ folder, by name (the contract: the same bytes)."""
    return {p.name: p.read_bytes() for p in sorted((out / "data").iterdir()) if p.is_file()}


def left_behind(keep: set[int], *, wait: float = 20.0) -> list[str]:
    """The processes this test started that are still running, other than `keep`, after up to
    `wait` seconds (a worker whose kernel was killed exits when it notices)."""
    deadline = time.monotonic() + wait
    while True:
        alive = [
            p for p in psutil.Process().children(recursive=True) if p.pid not in keep and alive_(p)
        ]
        if not alive or time.monotonic() > deadline:
            return [" ".join(p.cmdline()[:4]) for p in alive if alive_(p)]
        time.sleep(0.5)


def alive_(p: psutil.Process) -> bool:
    """Whether `p` runs (a zombie waiting for its parent does not)."""
    try:
        return p.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The tables of the process engine, same partition size."""
    return tables(run_chain(tmp_path_factory.mktemp("processes") / "out", "processes"))


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, set[int]]]:
    """A scheduler and two single-threaded workers on 127.0.0.1: its address and their pids."""
    work = tmp_path_factory.mktemp("cluster")
    file = work / "scheduler.json"
    common = dict(cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs = [
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
            + ["--scheduler-file", str(file)],
            **common,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(file.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [BIN / "dask", "worker", address, "--nworkers", "2", "--nthreads", "1"]
                + ["--no-dashboard", "--local-directory", str(work)],
                **common,
            )
        )
        with distributed.Client(address, set_as_default=False) as c:
            c.wait_for_workers(2, timeout=60)
        pids = {p.pid for p in procs}
        pids |= {c.pid for p in procs for c in psutil.Process(p.pid).children(recursive=True)}
        yield address, pids
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def scratch(tmp: Path | None = None) -> set[str]:
    """What Dask workers and runs leave in a temporary folder (the system's by default): Dask's
    default scratch space, and the runs' own scratch folders."""
    tmp = tmp or Path(tempfile.gettempdir())
    found = {p.name for p in tmp.glob("presslens-dask-*")}
    return found | {p.name for p in (tmp / "dask-scratch-space").glob("*")}


def test_local_cluster_in_the_shared_kernel(
    reference: dict[str, bytes],
    tmp_path: Path,
    scheduler: tuple[str, set[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the run's temporary folders in a folder of this test's own (other tests run chains too)
    own = tmp_path / "tmp"
    own.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own))
    out = run_chain(tmp_path / "out", "dask", share=True)
    assert tables(out) == reference
    assert left_behind(scheduler[1]) == []
    assert scratch(own) == set()  # the run's scratch folder (and the workers' in it) is removed


def test_existing_scheduler_with_a_kernel_per_notebook(
    reference: dict[str, bytes], tmp_path: Path, scheduler: tuple[str, set[int]]
) -> None:
    address, pids = scheduler
    out = run_chain(tmp_path / "out", "dask", scheduler=address, share=False)
    assert tables(out) == reference
    assert left_behind(pids) == []
    with distributed.Client(address, set_as_default=False) as c:
        assert c.who_has() == {} and len(c.scheduler_info()["workers"]) == 2  # nothing kept


PLAIN = """
import json, os, sys
from presslens.core import engine, progress

names = [progress.ENV, engine.ENGINE_ENV, engine.SCHEDULER_ENV]
os.environ.update({progress.ENV: sys.argv[1], engine.ENGINE_ENV: "dask"})
seen = list(engine.map_partitions(os.getenv, names, engine="dask", total=3, desc="env"))
first = engine.local_cluster(os.cpu_count() or 1)
again = list(engine.map_partitions(os.getenv, names, engine="dask", total=3))
reused = engine.local_cluster(os.cpu_count() or 1) is first
engine.close_local_cluster()
del sys.modules["__main__"].__spec__  # what IPython's %reset -f does to a kernel's __main__
after_reset = list(engine.map_partitions(str.upper, ["a", "b"], engine="dask"))
print(json.dumps(dict(seen=seen, again=again, reused=reused, after_reset=after_reset)))
"""


def test_local_cluster_from_a_plain_process(tmp_path: Path) -> None:
    reports = tmp_path / "progress.jsonl"
    reports.touch()
    done = subprocess.run(
        [sys.executable, "-c", PLAIN, str(reports)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    workers = [os.devnull, "pandas", ""]  # no fan-out and no progress of their own
    assert got == dict(seen=workers, again=workers, reused=True, after_reset=["A", "B"])
    lines = [json.loads(line) for line in reports.read_text().splitlines()]
    assert [(r["desc"], r["done"]) for r in lines][:4] == [("env", n) for n in range(4)]
    assert {r["desc"] for r in lines} == {"env", "partitions"}  # the caller's loops only
