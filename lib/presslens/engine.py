"""Run a function over partitions in process (pandas engine) or on a Dask cluster (dask engine).

Results come back in partition order whichever engine runs them, so the tables the chain writes
are identical. With ``engine="dask"``, ``scheduler=""`` starts a ``dask.distributed.LocalCluster``
on this machine (one single-threaded worker process per core, or `workers`), and any other value is
the address of an existing cluster (``tcp://host:8786``). At most `window` partitions are in flight
at once, so memory stays bounded however large the corpus; each partition is scattered to the
cluster as data before its task is submitted.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from presslens.progress import bar as progress_bar

ENGINES = ("pandas", "dask")


def check(engine: str) -> None:
    """Raise ValueError for an unknown engine name."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")


@contextlib.contextmanager
def client(scheduler: str = "", *, workers: int = 0) -> Iterator[Any]:
    """A dask.distributed Client: a LocalCluster when `scheduler` is '', else connected to it."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as c:
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
    **kwargs: Any,
) -> Iterator[Any]:
    """Yield func(part, **kwargs) for each part, in order, on the chosen engine."""
    check(engine)
    with progress_bar(total, desc, enabled=progress) as bar:
        if engine == "pandas":
            for part in parts:
                yield func(part, **kwargs)
                bar.update()
            return
        with client(scheduler, workers=workers) as c:
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
