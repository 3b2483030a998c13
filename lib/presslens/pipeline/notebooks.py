"""The notebooks of a chain: finding them (NN-*.ipynb in order), the parameters their parameters
cells declare, and checking the parameters a run gives them before anything runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from presslens.pipeline import startup  # noqa: F401 - before papermill (see startup)
import papermill
from presslens.core import paths
from presslens.core.stage import Param
from presslens.pipeline import registry


RESERVED = {"corpus", "out_dir"}


def path_params() -> tuple[str, ...]:
    """The parameters that name files or folders (made absolute before a notebook sees them), as
    the stages declare them."""
    found = {p.name for s in registry.stages() for p in s.params if p.path}
    return tuple(sorted(found - RESERVED))


class ParameterError(ValueError):
    """A parameter name, type or path is wrong; raised before anything runs."""


@dataclass
class Notebook:
    """A notebook of the chain and the parameters its `parameters` cell declares."""

    path: Path
    params: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """File name without the .ipynb suffix."""
        return self.path.stem


def default_notebooks_dir() -> Path:
    """The chain's notebooks: the checkout's notebooks/, or the copy bundled in the installed
    package."""
    return paths.notebooks_dir()


def discover(folder: Path) -> list[Notebook]:
    """The chain: notebooks named NN-*.ipynb in order, with their declared parameters."""
    paths = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        raise ParameterError(f"no notebooks named NN-*.ipynb in {folder}")
    return [Notebook(p, papermill.inspect_notebook(str(p))) for p in paths]


def _type_ok(value: Any, declared: str) -> bool:
    kind = (declared or "").replace("None", "").strip()
    if kind in ("", "Any"):
        return True
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "str":
        return isinstance(value, str)
    if kind.startswith(("list", "dict")):
        return isinstance(value, list if kind.startswith("list") else dict)
    return True


def declared(chain: list[Notebook]) -> dict[str, Param | dict[str, Any]]:
    """The parameters of a chain: as each notebook's stage declares them, or as the parameters
    cell of a notebook without a stage declares them (papermill's inspection)."""
    found: dict[str, Param | dict[str, Any]] = {}
    for nb in chain:
        stage = registry.by_notebook(nb.name)
        for p in stage.params if stage is not None else ():
            found.setdefault(p.name, p)
        for name, spec in nb.params.items():
            found.setdefault(name, spec)
    return found


def _accepts(spec: Param | dict[str, Any], value: Any) -> bool:
    if isinstance(spec, Param):
        return spec.accepts(value)
    return _type_ok(value, spec.get("inferred_type_name", ""))


def _type_name(spec: Param | dict[str, Any]) -> str:
    return spec.type if isinstance(spec, Param) else spec.get("inferred_type_name", "")


def validate(chain: list[Notebook], params: dict[str, Any]) -> None:
    """Refuse unknown names, wrong types and missing corpus paths before anything runs."""
    declared_ = declared(chain)
    unknown = sorted(set(params) - set(declared_))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s): {', '.join(unknown)}. Known: {', '.join(sorted(declared_))}"
        )
    for name, value in params.items():
        if not _accepts(declared_[name], value):
            raise ParameterError(
                f"parameter {name} must be {_type_name(declared_[name])}, "
                f"got {type(value).__name__} {value!r}"
            )
    corpus = params.get("corpus")
    if corpus and not Path(corpus).expanduser().exists():
        raise ParameterError(f"corpus {corpus} does not exist")
    _check_codes(params.get("codes"))


def _check_codes(codes: Any) -> None:
    """Refuse a coding sheet that is missing or malformed before anything runs."""
    if not codes:
        return
    if not Path(str(codes)).expanduser().is_file():
        raise ParameterError(f"coding sheet {codes} does not exist")
    from presslens.validate import own_codes

    try:
        own_codes.read_codes(Path(str(codes)).expanduser())
    except ValueError as exc:
        raise ParameterError(str(exc)) from exc


def absolute_paths(params: dict[str, Any]) -> dict[str, Any]:
    """Path parameters made absolute, so no notebook depends on its working directory.

    The corpus ('' is the seeds shipped with presslens) always; the other path parameters when they
    name an existing file or folder (a bare resource name such as ``cleaning.yaml`` stays as it
    is, for the notebook to find in the package); the topic pack when it is a folder holding a
    pack.yaml rather than a shipped pack's name.
    """
    out = dict(params)
    out["corpus"] = str(paths.corpus(out.get("corpus")))
    for name in path_params():
        value = out.get(name)
        if isinstance(value, str) and value and Path(value).expanduser().exists():
            out[name] = str(Path(value).expanduser().resolve())
    pack = out.get("pack")
    if isinstance(pack, str) and (Path(pack).expanduser() / "pack.yaml").is_file():
        from presslens.core import packs

        if pack not in packs.available():  # a pack folder, not the name of a shipped pack
            out["pack"] = str(Path(pack).expanduser().resolve())
    return out
