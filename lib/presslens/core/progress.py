"""Progress of the long loops (partitions of a stage), shown where the user is looking.

Run by ``presslens run``, a notebook's kernel gets the environment variable PRESSLENS_PROGRESS,
the path of a file to which each loop appends one JSON line per step; the runner reads it and
moves its own progress bar inside the notebook, so the executed notebooks hold no progress bars.
Run interactively (JupyterLab, a script), the loop shows a tqdm bar.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "PRESSLENS_PROGRESS"


class _File:
    """Progress written to the runner's file: one line {desc, done, total} per step."""

    def __init__(self, path: str, desc: str, total: int | None) -> None:
        self.path, self.desc, self.total, self.done = path, desc, total, 0
        self._write()

    def _write(self) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"desc": self.desc, "done": self.done, "total": self.total}) + "\n")

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


def read(path: str, *, offset: int = 0) -> dict | None:
    """The last progress line written to `path` after byte `offset` (None when there is none
    yet)."""
    try:
        with open(path, encoding="utf-8") as fh:
            fh.seek(offset)
            lines = fh.read().splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        try:
            return json.loads(line)
        except ValueError:
            continue
    return None
