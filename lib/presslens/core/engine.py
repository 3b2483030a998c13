"""Run a function over partitions: in process (``pandas``), in a pool of local worker processes
(``processes``), or on a Dask cluster (``dask``); ``auto`` takes the worker processes when the
machine has more than one core and there is more than one partition, else works in process.

Results come back in partition order whichever engine runs them, so the tables the chain writes
are identical. The worker processes are forked from the caller after `warm` has loaded the models
and word lists, so they start with them in memory. With ``engine="dask"``, ``scheduler=""`` starts a
``dask.distributed.LocalCluster``
on this machine (one single-threaded worker process per core, or `workers`), and any other value is
the address of an existing cluster (``tcp://host:8786``). At most `window` partitions are in flight
at once, so memory stays bounded however large the corpus; each partition is scattered to the
cluster as data before its task is submitted.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

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


@contextlib.contextmanager
def client(scheduler: str = "", *, workers: int = 0) -> Iterator[Any]:
    """A dask.distributed Client: a LocalCluster when `scheduler` is '', else connected to it."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError(
            "engine dask needs Dask: pip install 'presslens[dask]' (or use engine auto, pandas or "
            "processes)"
        ) from exc

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
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
            with multiprocessing.get_context("fork").Pool(n) as pool:
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
