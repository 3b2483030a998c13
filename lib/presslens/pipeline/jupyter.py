"""JupyterLab's side of the checkout: the chain's notebooks are saved without outputs.

`make` installs jupyter-config/jupyter_server_config.json into the venv's Jupyter configuration
(.venv/etc/jupyter), which names `strip_outputs` as the server's pre-save hook. When JupyterLab
saves (or autosaves) a notebook of a presslens checkout's notebooks/ folder, its outputs and
execution counts are left out of the file: the file changes only when its code or text changed, so
`git status` stays clean after running a notebook, and an edited parameter default shows in `git
diff` (and the test of the stage declarations names it). The executed notebooks of a run folder
keep their outputs; so does every other notebook the server saves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

CHAIN_NOTEBOOK = re.compile(r"\d\d-[^/]*\.ipynb")


def is_chain_notebook(file: Path) -> bool:
    """Whether `file` is a notebook of the chain in a presslens checkout (notebooks/NN-*.ipynb
    beside lib/presslens)."""
    return (
        bool(CHAIN_NOTEBOOK.fullmatch(file.name))
        and file.parent.name == "notebooks"
        and (file.parent.parent / "lib" / "presslens").is_dir()
    )


VIEW_KEYS = ("execution", "ExecuteTime", "collapsed", "scrolled", "jupyter")  # of a cell's metadata
KERNEL_KEYS = ("kernelspec", "language_info")  # what JupyterLab fills in from the running kernel


def stripped(content: dict[str, Any], saved: dict[str, Any] | None = None) -> dict[str, Any]:
    """A notebook's JSON content without outputs, execution counts and the view state of its cells;
    the kernel's description (which JupyterLab rewrites from the running kernel: its display name,
    the Python version) as the file on disk has it (`saved`)."""
    for cell in content.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in VIEW_KEYS:
            cell.get("metadata", {}).pop(key, None)
    if saved is not None:
        meta = content.setdefault("metadata", {})
        for key in KERNEL_KEYS:
            if key in saved.get("metadata", {}):
                meta[key] = saved["metadata"][key]
    return content


def strip_outputs(model: dict[str, Any], path: str, contents_manager: Any, **_: Any) -> None:
    """Jupyter server pre-save hook: leave the outputs out of a chain notebook being saved."""
    if model.get("type") != "notebook" or not model.get("content"):
        return
    root = Path(getattr(contents_manager, "root_dir", "") or ".")
    file = (root / path.lstrip("/")).resolve()
    if is_chain_notebook(file):
        try:
            saved = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = None
        stripped(model["content"], saved)
