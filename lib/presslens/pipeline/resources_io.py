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


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parse a YAML resource (cached: resources load once)."""
    with open(path(name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def sha256(name: str) -> str:
    """sha256 of a resource file, for the run manifest."""
    return hashlib.sha256(path(name).read_bytes()).hexdigest()
