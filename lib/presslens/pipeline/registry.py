"""The stages of a run as their declarations give them (`presslens.core.stage`): every module of
`presslens.stages`, and the modules other packages name under the entry-point group
``presslens.stages`` (a stage of your own, its notebook in the chain's folder). The chain is the
DAG the declarations draw: the runner keys its cache on it (a notebook reruns when a stage whose
tables it reads reran), moves the progress bar by the stages' weights and checks parameters by
their declared types; ``presslens stages`` prints it. A test runs every stage and checks that it
reads and writes what it declares.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from importlib import metadata

from presslens.core.stage import CORPUS, EVAL_DATA, EVERY_TABLE, Param, Stage, registered

__all__ = [
    "CORPUS",
    "EVAL_DATA",
    "EVERY_TABLE",
    "Stage",
    "by_notebook",
    "describe",
    "stages",
    "upstream",
]

GROUP = "presslens.stages"  # entry points naming modules that declare more stages


# The import path the declaring modules were last looked up on, each folder with its modification
# time: finding them scans the metadata of every installed distribution (about 50 ms), and a run
# asks for the stages several times per notebook.
_LOADED: list[tuple[tuple[str, int], ...]] = []


def _searched() -> tuple[tuple[str, int], ...]:
    """The import path, each folder with its modification time (a package installed into a folder
    already on the path changes it)."""
    out = []
    for folder in sys.path:
        try:
            out.append((folder, os.stat(folder or ".").st_mtime_ns))
        except OSError:
            out.append((folder, 0))
    return tuple(out)


def _load() -> None:
    """Import every module that declares stages (each declaration registers itself), once per
    import path (a package added to the path, or installed into a folder on it, is found then)."""
    import presslens.stages as package

    searched = _searched()
    if _LOADED and _LOADED[-1] == searched:
        return
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
    for point in metadata.entry_points(group=GROUP):
        importlib.import_module(point.value.partition(":")[0])
    _LOADED[:] = [searched]


def stages() -> list[Stage]:
    """Every declared stage, in notebook order."""
    _load()
    return registered()


def by_notebook(name: str) -> Stage | None:
    """The stage a notebook (file name without .ipynb) runs, or None for a notebook presslens does
    not know."""
    return next((s for s in stages() if s.notebook == name), None)


def producers() -> dict[str, str]:
    """Which notebook writes each table and figure."""
    return {t: s.notebook for s in stages() for t in (*s.writes, *s.figures)}


def upstream(name: str) -> list[str]:
    """The notebooks whose tables or figures the notebook `name` reads, in chain order (every
    notebook before it for a stage that reads every table)."""
    stage = by_notebook(name)
    if stage is None:
        return []
    chain = [s.notebook for s in stages()]
    if stage.reads_everything:
        return [n for n in chain if n < name]
    made = producers()
    found = {made[t] for t in stage.reads if t in made}
    return [n for n in chain if n in found]


def describe() -> str:
    """The DAG as text: each stage with its function, what it reads, what it writes."""
    lines = []
    for s in stages():
        after = upstream(s.notebook)
        lines.append(f"{s.notebook}  ({s.function})")
        lines += _wrapped("after:   ", after)
        reads = ["every table and figure"] if s.reads_everything else list(s.reads)
        lines += _wrapped("reads:   ", reads)
        lines += _wrapped("writes:  ", [*s.writes, *s.figures, *s.pages])
        lines += _wrapped("params:  ", [_shown(p) for p in s.params if p.name not in RUN_GIVEN])
    return "\n".join(lines)


RUN_GIVEN = ("corpus", "out_dir")  # parameters the runner gives every notebook itself


def _shown(p: Param) -> str:
    """A parameter as `presslens stages` shows it: name=default, a path marked as one."""
    default = list(p.default) if isinstance(p.default, tuple) else p.default
    return f"{p.name}={default!r}" + (" (path)" if p.path else "")


def _wrapped(label: str, items: list[str], width: int = 100) -> list[str]:
    """`items` after an indented label, wrapped at `width` characters."""
    lines, line = [], "    " + label
    for k, item in enumerate(items):
        piece = item + ("," if k < len(items) - 1 else "")
        if len(line) + len(piece) + 1 > width and line.strip() != label.strip():
            lines.append(line.rstrip())
            line = " " * (4 + len(label))
        line += piece + " "
    lines.append(line.rstrip() if items else line + "-")
    return lines


def __getattr__(name: str) -> object:
    """`STAGES`: every declared stage, as `stages()` gives them."""
    if name == "STAGES":
        return tuple(stages())
    raise AttributeError(name)
