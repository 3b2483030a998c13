"""Run a function over partitions: in process (``pandas``), in a pool of local worker processes
(``processes``), or on a Dask cluster (``dask``); ``auto`` takes the worker processes when the
machine has more than one core and there is more than one partition, else works in process.

Results come back in partition order whichever engine runs them, so the tables the chain writes
are identical. The worker processes are forked from the caller after `warm` has loaded the models
and word lists, so they start with them in memory; what they inherit is frozen for the collector
(`gc.freeze`), so that collecting in a worker does not make it copy the pages it shares.

With ``engine="dask"``, ``scheduler=""`` uses a ``dask.distributed.LocalCluster`` on this machine
(one single-threaded worker process per core, or `workers`; started once per process and reused by
the stages after it, see `local_cluster`), and any other value is the address of an existing
cluster (``tcp://host:8786``). At most `window` partitions are in flight at once, so memory stays
bounded however large the corpus; each partition is scattered to the cluster as data before its
task is submitted.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from presslens.core.progress import ENV as PROGRESS_ENV
from presslens.core import lifeline
from presslens.core.progress import bar as progress_bar

ENGINES = ("auto", "pandas", "processes", "dask")

# How a run executes is set once for the run, not per notebook: ``presslens run --engine E
# --scheduler ADDRESS --partition-size N`` puts them in the environment its kernels inherit. An
# engine or scheduler of '' (what a stage gets by default) means the run's setting, else auto.
ENGINE_ENV, SCHEDULER_ENV, PARTITION_ENV = (
    "PRESSLENS_ENGINE",
    "PRESSLENS_SCHEDULER",
    "PRESSLENS_PARTITION_SIZE",
)
PARTITION_SIZE = 500  # articles per partition unless the run sets another size


def engine_setting(engine: str = "") -> str:
    """The engine to use: `engine` when given, else the run's setting, else auto."""
    return engine or os.environ.get(ENGINE_ENV, "") or "auto"


def scheduler_setting(scheduler: str = "") -> str:
    """The Dask scheduler to use: `scheduler` when given, else the run's ('' a LocalCluster)."""
    return scheduler or os.environ.get(SCHEDULER_ENV, "")


def partition_size_setting(size: int = 0) -> int:
    """Articles per partition: `size` when given, else the run's setting, else 500."""
    if size:
        return int(size)
    given = os.environ.get(PARTITION_ENV, "")
    return int(given) if given.strip() else PARTITION_SIZE


def resolve(engine: str, *, total: int | None, workers: int = 0) -> str:
    """The engine to use ('' the run's setting, see `engine_setting`); `auto` stands for processes
    with several cores and partitions (and fork), else pandas."""
    engine = engine_setting(engine)
    check(engine)
    if engine != "auto":
        return engine
    cores = workers or os.cpu_count() or 1
    forks = "fork" in multiprocessing.get_all_start_methods()
    return "processes" if cores > 1 and forks and (total is None or total > 1) else "pandas"


def check(engine: str) -> None:
    """Raise ValueError for an unknown engine name."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")


# The workers of a LocalCluster this process starts run partitions only: no fan-out of their own
# (a nested stage works in process) and progress reports to nowhere, so they never write into the
# runner's progress file, whatever the environment they inherit from the kernel.
WORKER_ENV = {ENGINE_ENV: "pandas", SCHEDULER_ENV: "", PROGRESS_ENV: os.devnull}

# One LocalCluster per process, started by the first stage that asks for one and reused by the
# stages after it (a cluster takes seconds to start and its workers load the models once); closed
# when the process exits. A shared kernel thus keeps one cluster for the whole run.
_LOCAL: dict[str, Any] = {}
_LOCAL_LOCK = threading.Lock()


def _spawnable_main() -> None:
    """Give ``__main__`` the ``__spec__`` a spawned worker's start reads: an IPython kernel emptied
    by ``%reset -f`` has lost it, and multiprocessing then fails to start any worker."""
    main = sys.modules.get("__main__")
    if main is not None and not hasattr(main, "__spec__"):
        main.__spec__ = None


@contextlib.contextmanager
def _unfrozen() -> Iterator[None]:
    """Give the objects `gc.freeze` set aside back to the collector when the block ends."""
    try:
        yield
    finally:
        gc.unfreeze()


def release() -> None:
    """Collect garbage and hand the C allocator's free memory back to the system, as before forking
    workers."""
    gc.collect()
    trim()


def trim() -> None:
    """Hand the C allocator's free memory back to the system (glibc's malloc_trim; nothing where
    there is none)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _running(cluster: Any, n: int) -> bool:
    """Whether `cluster` is up with its `n` workers."""
    try:
        return cluster.status.name == "running" and len(cluster.scheduler_info["workers"]) == n
    except Exception:  # a cluster half closed answers with errors of its own
        return False


def local_cluster(n: int) -> Any:
    """This process's LocalCluster of `n` single-threaded worker processes, started on first use."""
    from dask.distributed import LocalCluster

    with _LOCAL_LOCK:
        _spawnable_main()  # at every stage: a worker that dies in it is started again
        cluster = _LOCAL.get("cluster")
        if cluster is not None and _LOCAL.get("n") == n and _running(cluster, n):
            return cluster
        close_local_cluster(locked=True)
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            env=WORKER_ENV,
        )
        _LOCAL.update(cluster=cluster, n=n)
        if not _LOCAL.get("atexit"):
            atexit.register(close_local_cluster)
            _LOCAL["atexit"] = True
        return cluster


def close_local_cluster(*, locked: bool = False) -> None:
    """Close this process's LocalCluster, if it started one."""
    with contextlib.nullcontext() if locked else _LOCAL_LOCK:
        cluster = _LOCAL.pop("cluster", None)
    if cluster is not None:
        with contextlib.suppress(Exception):
            cluster.close(timeout=10)


@contextlib.contextmanager
def client(scheduler: str = "", *, workers: int = 0) -> Iterator[Any]:
    """A dask.distributed Client: of this process's LocalCluster when `scheduler` is '' (see
    `local_cluster`), else connected to the cluster at that address."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise ImportError(
            "engine dask needs Dask: pip install 'presslens[dask]' (or use engine auto, pandas or "
            "processes)"
        ) from exc

    target = scheduler or local_cluster(workers or os.cpu_count() or 1)
    with Client(target, set_as_default=False) as c:
        yield c


def map_partitions(
    func: Callable[..., Any],
    parts: Iterable[Any],
    *,
    engine: str = "pandas",
    scheduler: str = "",
    workers: int = 0,
    window: int = 8,
    total: int | None = None,
    desc: str = "partitions",
    progress: bool = True,
    warm: Callable[[], None] | None = None,
    **kwargs: Any,
) -> Iterator[Any]:
    """Yield func(part, **kwargs) for each part, in order, on the chosen engine."""
    engine = resolve(engine, total=total, workers=workers)
    with progress_bar(total, desc, enabled=progress) as bar:
        if engine == "pandas":
            for part in parts:
                yield func(part, **kwargs)
                bar.update()
            return
        if engine == "processes":
            if warm is not None:
                warm()
            n = workers or os.cpu_count() or 1
            # workers ignore Ctrl-C (the kernel ends the pool) and exit if the kernel dies
            # and, as Dask's workers, run no fan-out or progress of their own (WORKER_ENV)
            init = {"initializer": lifeline.worker, "initargs": (os.getpid(), WORKER_ENV)}
            # what the workers inherit is never collected in them: a collection would touch every
            # inherited object and make each worker copy those pages
            gc.freeze()
            with _unfrozen(), multiprocessing.get_context("fork").Pool(n, **init) as pool:
                pending: deque = deque()
                for part in parts:
                    pending.append(pool.apply_async(func, (part,), kwargs))
                    if len(pending) >= max(window, n + 1):
                        yield pending.popleft().get()
                        bar.update()
                while pending:
                    yield pending.popleft().get()
                    bar.update()
            return
        with client(scheduler_setting(scheduler), workers=workers) as c:
            pending: deque = deque()
            try:
                for part in parts:
                    # Scattering first sends the partition as data, not inside the task graph (a
                    # partition of long texts would otherwise make every graph megabytes large).
                    [data] = c.scatter([part], hash=False)
                    pending.append(c.submit(func, data, pure=False, **kwargs))
                    if len(pending) >= window:
                        yield pending.popleft().result()
                        bar.update()
                while pending:
                    yield pending.popleft().result()
                    bar.update()
            finally:
                if pending:  # stopped early: the cluster, which lives on, drops the rest
                    c.cancel(list(pending))
