"""Progress of the long loops (partitions of a stage), shown where the user is looking.

Run by ``presslens run``, a notebook's kernel gets the environment variable PRESSLENS_PROGRESS,
the path of a file to which each loop appends one JSON line per step; the runner reads it and
moves its own progress bar inside the notebook, so the executed notebooks hold no progress bars.
Run interactively (JupyterLab, a script), the loop shows a tqdm bar.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "PRESSLENS_PROGRESS"


class _File:
    """Progress written to the runner's file: one line {desc, done, total, t} per step (t: the
    clock, so the runner can tell when each loop ran)."""

    def __init__(self, path: str, desc: str, total: int | None) -> None:
        self.path, self.desc, self.total, self.done = path, desc, total, 0
        self._write()

    def _write(self) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            line = {"desc": self.desc, "done": self.done, "total": self.total, "t": time.time()}
            fh.write(json.dumps(line) + "\n")

    def update(self, n: int = 1) -> None:
        self.done += n
        self._write()

    def close(self) -> None:
        pass


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


@contextmanager
def bar(
    total: int | None, desc: str, *, enabled: bool = True, unit: str = "part"
) -> Iterator[object]:
    """A progress reporter with update(n): to the runner's file when run by presslens, else a tqdm
    bar."""
    path = os.environ.get(ENV)
    if path:
        reporter: object = _File(path, desc, total)
    elif enabled:
        from tqdm.auto import tqdm

        reporter = tqdm(total=total, desc=desc, unit=unit, leave=False)
    else:
        reporter = _Silent()
    try:
        yield reporter
    finally:
        reporter.close()


def lines(path: str, *, offset: int = 0) -> list[dict]:
    """The progress lines written to `path` after byte `offset` (a line being written is left
    out)."""
    try:
        with open(path, encoding="utf-8") as fh:
            fh.seek(offset)
            text = fh.read()
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out
