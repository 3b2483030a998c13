"""Load the editable YAML resources shipped in ``presslens/resources`` (once per process)."""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it


# The topic files of the seeds moved into the topic pack `kosovo`; their old names still name them,
# so code and parameter files written before packs keep working. A run never uses them unless its
# pack is `kosovo` (see pipeline/packs.py).
MOVED = {
    name: f"packs/kosovo/{name}"
    for name in ("actors.yaml", "terms.yaml", "issue_frames.yaml", "claims.yaml")
}


def path(name: str) -> Path:
    """Path of a resource file shipped with the package."""
    return Path(str(resources.files("presslens") / "resources" / MOVED.get(name, name)))


def load(name: str) -> Any:
    """Parse a YAML resource: a file name in presslens/resources (parsed once per process), or the
    path of your own YAML file (read at every call, so an edited file is read again). The name ''
    is no resource: an empty one ({}), as a run without a topic pack has no actors, terms or issue
    frames."""
    if not name:
        return {}
    p = Path(name)
    if p.suffix in {".yaml", ".yml"} and p.is_file():
        return yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)
    return _shipped(name)


@functools.lru_cache(maxsize=None)
def _shipped(name: str) -> Any:
    """A YAML resource shipped with the package, parsed once."""
    with open(path(name), encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


def sha256(name: str) -> str:
    """sha256 of a resource file, for the run manifest."""
    return hashlib.sha256(path(name).read_bytes()).hexdigest()
