"""Layers that only point down, held over the import graph of lib/presslens (every import, at module
level or inside a function): core < ingest < extract < measure < validate < report < stages <
pipeline (the runner and the command line). A module imports its own layer or lower ones, and no
import cycle joins modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib"
LAYERS = ["core", "ingest", "extract", "measure", "validate", "report", "stages", "pipeline"]


def module_name(path: Path) -> str:
    """presslens.x.y of a file under lib/."""
    parts = path.relative_to(LIB).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the package."""
    return {module_name(p): p for p in sorted((LIB / "presslens").rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The presslens modules a module imports (a name imported from a package counts as the
    submodule when it is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("presslens")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if not source.startswith("presslens"):
                continue
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                found.add(sub if sub in known else source)
    return found - {name}


def layer(name: str) -> int | None:
    """The layer of a module (None for the package's root modules: __init__ and __main__)."""
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def graph() -> dict[str, set[str]]:
    """module -> the presslens modules it imports."""
    mods = modules()
    return {n: imports(n, p, set(mods)) for n, p in mods.items()}


def upward(edges: dict[str, set[str]]) -> list[str]:
    """Imports from a layer above the importer's."""
    bad = []
    for src, targets in sorted(edges.items()):
        for dst in sorted(targets):
            a, b = layer(src), layer(dst)
            if a is not None and b is not None and b > a:
                bad.append(f"{src} ({LAYERS[a]}) imports {dst} ({LAYERS[b]})")
    return bad


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), a package's own __init__
    re-exporting its modules left out: importing a submodule runs its package first by design."""
    pruned = {
        s: {d for d in ts if not s.startswith(d + ".") and not d.startswith(s + ".")}
        for s, ts in edges.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(pruned.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(pruned):
        if v not in index:
            visit(v)
    return groups


def test_every_module_is_in_a_layer() -> None:
    stray = [
        n for n in modules() if layer(n) is None and n not in ("presslens", "presslens.__main__")
    ]
    assert not stray, stray


def test_layers_only_point_down() -> None:
    assert upward(graph()) == []


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


@pytest.mark.parametrize(
    ("edges", "bad"),
    [
        # a lower layer importing a higher one is caught; the reverse and same-layer are fine
        ({"presslens.measure.a": {"presslens.validate.metrics"}}, 1),
        ({"presslens.validate.a": {"presslens.measure.metrics"}}, 0),
        ({"presslens.core.tables": {"presslens.core.paths"}}, 0),
        ({"presslens.core.packs": {"presslens.pipeline.cache"}}, 1),
        ({"presslens.pipeline.cli": {"presslens.stages.x", "presslens.core.tables"}}, 0),
    ],
)
def test_the_layer_check_itself(edges: dict[str, set[str]], bad: int) -> None:
    assert len(upward(edges)) == bad


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}}, [["a.x", "a.y", "a.z"]]),
        ({"a.x": {"a.y"}, "a.y": set()}, []),
        ({"a": {"a.x"}, "a.x": {"a"}}, []),  # a package and its own module
    ],
)
def test_the_cycle_check_itself(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(edges) == expected
