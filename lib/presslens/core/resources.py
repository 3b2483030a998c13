"""Load the editable YAML resources shipped in ``presslens/resources`` (once per process)."""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it


class ResourceError(FileNotFoundError):
    """A resource name that names no file shipped with presslens (and no YAML file of yours)."""


def path(name: str) -> Path:
    """Path of a resource file shipped with the package (it may not exist)."""
    return Path(str(resources.files("presslens") / "resources" / name))


def _missing(name: str) -> ResourceError:
    """The error for a resource that is not there; a topic pack's file name says where it is."""
    packs = path("packs")
    holders = sorted(p.parent.name for p in packs.glob(f"*/{name}")) if packs.is_dir() else []
    hint = (
        f"; {name!r} is a file of the topic pack(s) {', '.join(holders)}, which a run uses only "
        "when it chooses the pack (presslens.core.packs.files gives the pack's files' paths)"
        if holders
        else ""
    )
    return ResourceError(f"no resource {name!r} in presslens/resources{hint}")


def load(name: str) -> Any:
    """Parse a YAML resource: a file name in presslens/resources (parsed once per process), or the
    path of your own YAML file (read at every call, so an edited file is read again). The name ''
    is no resource: an empty one ({}), as a run without a topic pack has no actors, terms or issue
    frames. A name that is neither raises ResourceError: a topic pack's file (`actors.yaml`,
    `terms.yaml`, `issue_frames.yaml`, `claims.yaml`) is no resource by its bare name, so no call
    reaches a pack unasked."""
    if not name:
        return {}
    p = Path(name)
    if p.suffix in {".yaml", ".yml"} and p.is_file():
        written = _WRITTEN.get(_version(p))
        if written is not None:
            return written
        text = p.read_text(encoding="utf-8")
        if len(text) < _LARGE:
            return yaml.load(text, Loader=_LOADER)
        box = [yaml.load(text, Loader=_LOADER)]
        del text
        return _fresh(box)
    return _shipped(name)


# A YAML file this large (a discovered actors list of tens of thousands of articles) is copied
# into fresh memory once parsed (`_fresh`): parsing a 47 MB list leaves its 180 MB of data
# scattered over about 1.1 GB that the process could otherwise never give back.
_LARGE = 4 * 2**20


def _fresh(box: list[Any]) -> Any:
    """The one item of `box` rebuilt in fresh memory: pickled, taken out of the box (the box is
    its only holder), the old copy and the garbage around it collected and handed back to the
    system, then unpickled (an unpickled structure lies compactly)."""
    import pickle

    from presslens.core import engine

    blob = pickle.dumps(box.pop(), protocol=pickle.HIGHEST_PROTOCOL)
    engine.release()
    return pickle.loads(blob)


# What this process wrote to a YAML file, by (path, mtime, size): reading it back is the same data
# without parsing it again (a discovered actors list is megabytes of YAML, seconds to parse).
_WRITTEN: dict[tuple[str, int, int], Any] = {}


def forget_written() -> None:
    """Drop what this process kept of the YAML files it wrote (a corpus's discovered actors list
    is hundreds of MB in memory): a later `load` parses the file again."""
    _WRITTEN.clear()


def compact_written() -> None:
    """Rebuild what this process kept of the YAML files it wrote in fresh memory, and give back
    what the old copy and the garbage around it held. Before worker processes are forked:
    objects left scattered among freed memory (as building a large list leaves them) make every
    worker copy the pages around them as it allocates; a compact copy leaves fewer such pages."""
    box = [dict(_WRITTEN)]
    _WRITTEN.clear()
    _WRITTEN.update(_fresh(box))


def _version(p: Path) -> tuple[str, int, int]:
    """(absolute path, mtime in ns, size) of a file: another version of it is another key."""
    st = p.stat()
    return (str(p.resolve()), st.st_mtime_ns, st.st_size)


def _plain(data: Any) -> Any:
    """`data` as YAML reads it back: tuples become lists."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_plain(v) for v in data]
    return data


def dump(data: Any, path: str | Path, *, header: str = "") -> None:
    """Write `data` as YAML (with a comment `header`) to `path` and remember it, so that `load` in
    this process returns it without parsing the file (until the file changes). Treat what `load`
    returns as read-only."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when installed: faster
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    p = Path(path)
    p.write_text(header + body, encoding="utf-8")
    if len(_WRITTEN) >= 4:
        _WRITTEN.clear()
    _WRITTEN[_version(p)] = _plain(data)


@functools.lru_cache(maxsize=None)
def _shipped(name: str) -> Any:
    """A YAML resource shipped with the package, parsed once."""
    found = path(name)
    if not found.is_file():
        raise _missing(name)
    with open(found, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


def sha256(name: str) -> str:
    """sha256 of a resource file, for the run manifest."""
    return hashlib.sha256(path(name).read_bytes()).hexdigest()
