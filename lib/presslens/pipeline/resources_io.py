"""Load the editable YAML resources shipped in ``presslens/resources`` (once per process)."""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def path(name: str) -> Path:
    """Path of a resource file shipped with the package."""
    return Path(str(resources.files("presslens") / "resources" / name))


def load(name: str) -> Any:
    """Parse a YAML resource: a file name in presslens/resources (parsed once per process), or the
    path of your own YAML file (read at every call, so an edited file is read again)."""
    p = Path(name)
    if p.suffix in {".yaml", ".yml"} and p.is_file():
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    return _shipped(name)


@functools.lru_cache(maxsize=None)
def _shipped(name: str) -> Any:
    """A YAML resource shipped with the package, parsed once."""
    with open(path(name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def sha256(name: str) -> str:
    """sha256 of a resource file, for the run manifest."""
    return hashlib.sha256(path(name).read_bytes()).hexdigest()
