"""A run that behaves: Ctrl-C (SIGINT to the run's process group) and SIGTERM stop `presslens run`,
its kernel and its worker processes within seconds, name the notebook they stopped, leave the
previous report untouched and a cache a rerun reuses; after SIGKILL the kernel and workers exit on
their own; one run at a time writes a folder. The runs are the chain's first notebooks (10 to 40, so
that a rerun is quick and independent of the validation's cost) on the seeds, with worker processes
forced (`--engine processes --partition-size 1`), sharing one cache."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
import pytest

from presslens.core import lifeline
from presslens.pipeline import cli, notebooks, runner

pytestmark = pytest.mark.chain

FORCE_WORKERS = ["--engine", "processes", "--partition-size", "1", "--quiet"]
FIRST = ("10-clean-articles", "20-score-sentiment", "30-code-framing", "40-build-timeline")
STOPPED: dict[str, Any] = {}  # the last run a signal stopped: its folder and completed notebooks


@pytest.fixture(scope="module")
def where(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chain's first notebooks, and one cache for every run of this file (the notebooks one
    run completed, the next reuses)."""
    return prepare(tmp_path_factory.mktemp("signals"))


def prepare(folder: Path) -> Path:
    """`folder` with a copy of the chain's first notebooks."""
    (folder / "notebooks").mkdir(parents=True, exist_ok=True)
    for name in FIRST:
        shutil.copy2(notebooks.default_notebooks_dir() / f"{name}.ipynb", folder / "notebooks")
    return folder


def options(where: Path) -> list[str]:
    """The options of every run of this file: the notebooks, the cache, worker processes."""
    return [
        "--notebooks",
        str(where / "notebooks"),
        "--cache",
        str(where / "cache"),
        *FORCE_WORKERS,
    ]


def start(out: Path, where: Path, log: Path, *extra: str) -> subprocess.Popen:
    """`presslens run` on the seeds into `out`, in a session of its own (its group is signalled)."""
    command = [sys.executable, "-m", "presslens.pipeline.cli", "run", "--out", str(out)]
    with open(log, "w", encoding="utf-8") as err:
        return subprocess.Popen(
            [*command, *options(where), *extra],
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )


def wait_for(check: Callable[[], Any], *, timeout: float, what: str) -> Any:
    """Poll `check` until it returns something true; fail naming `what` after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"waited {timeout} s for {what}")


def partial_manifest(out: Path) -> dict:
    """The manifest the run keeps in OUT.partial as it goes ({} before it is written)."""
    try:
        return json.loads((out.parent / f"{out.name}.partial" / "manifest.json").read_text())
    except (OSError, ValueError):
        return {}


def tree(pid: int) -> list[psutil.Process]:
    """A process and all its descendants."""
    proc = psutil.Process(pid)
    return [proc, *proc.children(recursive=True)]


def in_notebook_30_with_workers(proc: subprocess.Popen, out: Path) -> list[psutil.Process]:
    """Wait until the run executes notebook 30 and its kernel has forked worker processes; return
    the run's processes."""

    def ready() -> list[psutil.Process]:
        assert proc.poll() is None, "the run ended before notebook 30"
        if "20-score-sentiment" not in partial_manifest(out).get("timings_seconds", {}):
            return []
        try:
            procs = tree(proc.pid)
            workers = [p for p in procs[1:] if p.ppid() != proc.pid]
        except psutil.NoSuchProcess:  # a process ended while listed
            return []
        return procs if workers else []

    return wait_for(ready, timeout=120, what="notebook 30's worker processes")


def alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    """The processes of `procs` still running (zombies count as ended)."""
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def previous_report(out: Path) -> Path:
    """An output folder holding a previous report (a marker file)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "marker.txt").write_text("the previous report", encoding="utf-8")
    return out


def stop_in_notebook_30(out: Path, where: Path, signum: int) -> tuple[int, float, str, list]:
    """Start a run, send `signum` to its process group while notebook 30's workers run; return the
    exit code, the seconds it took to exit, its stderr and the processes it had."""
    log = out.with_name(out.name + ".log")
    proc = start(out, where, log)
    procs = in_notebook_30_with_workers(proc, out)
    t0 = time.monotonic()
    os.killpg(proc.pid, signum)
    code = proc.wait(timeout=30)
    return code, time.monotonic() - t0, log.read_text(encoding="utf-8"), procs


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_run_its_kernel_and_workers(
    signum: int, code: int, where: Path, tmp_path: Path
) -> None:
    out = previous_report(tmp_path / "report")
    got, seconds, err, procs = stop_in_notebook_30(out, where, signum)
    assert got == code, err
    assert seconds < 6, f"took {seconds:.1f} s to stop"
    name = signal.Signals(signum).name
    assert f"run stopped by {name} while notebook 30-code-framing.ipynb was running" in err
    assert f"The previous report in {out} is untouched" in err
    assert "a rerun reuses the 2 notebook(s) that completed (10-clean-articles, " in err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    wait_for(lambda: not alive(procs), timeout=10, what=f"the end of {alive(procs)}")
    assert sorted(p.name for p in out.iterdir()) == ["marker.txt"]
    assert not out.with_name("report.partial").exists()
    assert not out.with_name("report.failed").exists()
    STOPPED.update(out=out, completed=["10-clean-articles", "20-score-sentiment"])


def test_a_rerun_reuses_what_the_stopped_run_completed(where: Path, tmp_path: Path) -> None:
    if not STOPPED:  # run on its own: stop a run first
        out = previous_report(tmp_path / "report")
        assert stop_in_notebook_30(out, where, signal.SIGINT)[0] == 130
        STOPPED.update(out=out, completed=["10-clean-articles", "20-score-sentiment"])
    out = STOPPED["out"]
    assert cli.main(["run", "--out", str(out), *options(where)]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["cached"] == STOPPED["completed"]
    assert list(manifest["timings_seconds"]) == [*FIRST, "total"]
    assert (out / "data" / "timex.parquet").exists() and not (out / "marker.txt").exists()


def test_sigkill_leaves_nothing_running_and_no_lock(where: Path, tmp_path: Path) -> None:
    out = previous_report(tmp_path / "report")
    other = ("-p", "top_actors", "11")  # notebook 30 executes though a rerun has cached it
    first = start(out, where, tmp_path / "first.log", *other)
    procs = in_notebook_30_with_workers(first, out)
    partial = out.with_name("report.partial")
    inode = (partial / "manifest.json").stat().st_ino
    # a second run into the same folder refuses at once (in Python's start-up), touching nothing
    t0 = time.monotonic()
    second = subprocess.run(
        [sys.executable, "-m", "presslens.pipeline.cli", "run", "--out", str(out), *options(where)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 75, second.stderr
    assert time.monotonic() - t0 < 15
    assert f"another run is writing {out} (pid {first.pid}, started " in second.stderr
    assert "Traceback" not in second.stderr
    assert (partial / "manifest.json").stat().st_ino == inode
    # the runner killed outright: its kernel and workers end on their own
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    wait_for(lambda: not alive(procs), timeout=10, what=f"the end of {alive(procs)}")
    # and its lock does not block the next run
    third = start(out, where, tmp_path / "third.log", *other)
    lock = runner.lock_path(out)
    wait_for(lambda: f'"pid": {third.pid},' in lock.read_text(), timeout=30, what="the lock")
    os.killpg(third.pid, signal.SIGTERM)
    assert third.wait(timeout=30) == 143
    assert "run stopped by SIGTERM" in (tmp_path / "third.log").read_text()
    assert sorted(p.name for p in out.iterdir()) == ["marker.txt"] and not partial.exists()


def _orphan_a_busy_pool(report: Any) -> None:
    """Make a pool whose workers run the lifeline initializer, give each a minute's work, report
    their pids, then vanish (an idle worker would end anyway, at its next read of the queue)."""
    pool = multiprocessing.get_context("fork").Pool(
        2, initializer=lifeline.worker, initargs=(os.getpid(),)
    )
    for _ in range(2):
        pool.apply_async(time.sleep, (60,))
    time.sleep(0.5)
    report.send([p.pid for p in pool._pool])
    os._exit(0)


def test_busy_pool_workers_exit_when_their_parent_dies() -> None:
    ours, theirs = multiprocessing.get_context("fork").Pipe()
    owner = multiprocessing.get_context("fork").Process(target=_orphan_a_busy_pool, args=(theirs,))
    owner.start()
    workers = [psutil.Process(pid) for pid in ours.recv()]
    owner.join(timeout=10)
    wait_for(lambda: not alive(workers), timeout=5, what="the orphaned workers to exit")


def test_pool_workers_ignore_sigint() -> None:
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1, initializer=lifeline.worker, initargs=(os.getpid(),)) as pool:
        pid = pool.apply(os.getpid)
        os.kill(pid, signal.SIGINT)
        time.sleep(0.3)
        assert pool.apply(os.getpid) == pid  # the same worker, still there


@pytest.mark.parametrize(("share", "kernels"), [(None, 1), (True, 1), (False, 2)])
def test_the_runner_starts_the_kernels_shared_or_one_per_notebook(
    share: bool | None, kernels: int, tmp_path: Path
) -> None:
    from test_runner import notebook

    folder = tmp_path / "nbs"
    folder.mkdir()
    params = 'corpus: str = ""  # corpus\nout_dir: str = ""  # run folder'
    for name in ("10-first", "20-second"):
        write = f"import os\nopen(os.path.join(out_dir, '{name}.pid'), 'w').write(str(os.getpid()))"
        notebook(folder / f"{name}.ipynb", params, write)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Some text.")
    out = tmp_path / "out"
    runner.run(tmp_path / "corpus", out, notebooks=folder, progress=False, share_kernel=share)
    pids = {(out / f"{name}.pid").read_text() for name in ("10-first", "20-second")}
    assert len(pids) == kernels
    wait_for(
        lambda: (
            not alive([psutil.Process(int(pid)) for pid in pids if psutil.pid_exists(int(pid))])
        ),
        timeout=10,
        what="the kernels to end",
    )


DIE_HOLDING = """
import os, signal, sys
from pathlib import Path
from presslens.core import lifeline
with lifeline.hold(Path(sys.argv[1])):
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_lock_refuses_while_held_and_not_after_its_holder_died(tmp_path: Path) -> None:
    path = tmp_path / "out.lock"
    with lifeline.hold(path):
        with pytest.raises(lifeline.Locked) as caught, lifeline.hold(path):
            pass
    assert caught.value.pid == os.getpid()
    assert caught.value.started.endswith(" UTC")
    died = subprocess.Popen([sys.executable, "-c", DIE_HOLDING, str(path)])
    assert died.wait(timeout=60) == -signal.SIGKILL
    assert json.loads(path.read_text())["pid"] == died.pid  # it held the lock when it died
    with lifeline.hold(path):  # the dead holder's lock is gone
        assert json.loads(path.read_text())["pid"] == os.getpid()


def measure(trials: int) -> None:
    """Print how long each signal takes to stop a run in notebook 30 and to end its processes."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="presslens-signals-") as tmp:
        where = prepare(Path(tmp))
        for i in range(trials):
            for signum in (signal.SIGINT, signal.SIGTERM):
                out = previous_report(Path(tmp) / f"report-{i}-{signum}")
                code, seconds, err, procs = stop_in_notebook_30(out, where, signum)
                t0 = time.monotonic()
                wait_for(lambda: not alive(procs), timeout=20, what="the run's processes")
                gone = seconds + time.monotonic() - t0
                clean = "Traceback" not in err and sorted(os.listdir(out)) == ["marker.txt"]
                print(f"{signal.Signals(signum).name}: exit {code} after {seconds:.2f} s, "
                      f"{len(procs)} processes gone after {gone:.2f} s, clean {clean}")  # fmt: skip


if __name__ == "__main__":  # python tests/test_run_signals.py [TRIALS]: the stop times
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
