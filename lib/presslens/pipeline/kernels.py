"""The kernels the notebooks run in (one shared while the corpus is small) and the progress bar
that moves by each notebook's expected cost and by the partitions its stage reports."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any
import pyarrow.parquet as pq
from presslens.core import progress as progress_file
from presslens.pipeline import registry
from presslens.pipeline.notebooks import Notebook


# The kernel logs only errors: its warning that it talks to papermill over local TCP without
# encryption is noise on a terminal. It keeps no input history: a shared kernel restarts its cell
# counter for each notebook, which IPython's history database refuses with an error printed into
# the parameters cell ("Session/line number was not unique"); a run has no use for the history.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"]


SHARE_BELOW = 20_000  # articles: below this many the notebooks share one kernel (see Kernels)


def weight(nb: Notebook) -> int:
    """The expected share of a run's time of one notebook, as its stage declares it (5 for a
    notebook presslens does not know)."""
    stage = registry.by_notebook(nb.name)
    return stage.weight if stage is not None else 5


class Watch:
    """While a notebook runs, move the progress bar by the partitions its stage reports (lines the
    stage appends to the run's progress file, named by PRESSLENS_PROGRESS, which the kernels
    inherit), up to 90% of the notebook's weight."""

    def __init__(self, bar: Any, name: str, path: str, *, start: float, weight: int) -> None:
        self.bar, self.name, self.path, self.start, self.weight = bar, name, path, start, weight
        self.stop = threading.Event()

    def __enter__(self) -> "Watch":
        self.offset = os.path.getsize(self.path)  # only what this notebook reports counts
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()
        return self

    def _poll(self) -> None:
        while not self.stop.wait(0.3):
            last = progress_file.read(self.path, offset=self.offset)
            if last and last.get("total"):
                frac = min(1.0, last["done"] / last["total"])
                self.bar.set_postfix_str(
                    f"{self.name}: {last['desc']} {last['done']}/{last['total']}"
                )
                target = self.start + 0.9 * self.weight * frac
                if target > self.bar.n:
                    self.bar.update(target - self.bar.n)

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


class Kernels:
    """The kernels the notebooks run in. While the corpus is small (fewer than SHARE_BELOW articles)
    the notebooks share one kernel, emptied before each notebook (its variables deleted, its cell
    counter reset), so imports and models load once instead of once per notebook: for a small corpus
    that start-up is most of a run. For a larger corpus each notebook gets a fresh kernel, whose
    memory is returned when it ends. Every notebook also runs on its own (papermill, JupyterLab),
    which the tests check."""

    def __init__(self, stage: Path, *, share: bool | None) -> None:
        self.stage, self.share, self.km = stage, share, None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for papermill: a shared, emptied kernel, or none (papermill starts
        one)."""
        if self.share is None:
            articles = self.stage / "data" / "articles.parquet"
            if articles.exists() and pq.ParquetFile(articles).metadata.num_rows >= SHARE_BELOW:
                self.share = False
                self.close()
        if self.share is False:
            return {}
        if self.km is None:
            from jupyter_client.manager import KernelManager

            self.km = KernelManager(kernel_name="python3")
            self.km.start_kernel(cwd=str(self.stage), extra_arguments=KERNEL_ARGUMENTS)
        else:
            kc = self.km.client()
            kc.start_channels()
            try:
                kc.execute_interactive(
                    "%reset -f\nget_ipython().execution_count = 1",
                    silent=True,
                    store_history=False,
                    timeout=60,
                )
            finally:
                kc.stop_channels()
        return {"km": self.km}

    def close(self) -> None:
        if self.km is not None:
            self.km.shutdown_kernel(now=True)
            self.km = None
