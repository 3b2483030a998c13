"""No module of presslens uses another module's private names: neither `from X import _name` nor
`alias._name` where X or alias is another presslens module. A name another module needs is public
(no underscore, with a docstring) in the module where it belongs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib" / "presslens"


def module_of(path: Path) -> str:
    """The dotted name of a source file of the library ('presslens.extract.timeline.tagger')."""
    parts = list(path.relative_to(LIB.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = sorted(LIB.rglob("*.py"))
MODULES = {module_of(p) for p in SOURCES}
PACKAGES = {module_of(p) for p in SOURCES if p.name == "__init__.py"}


def is_private(name: str) -> bool:
    """Whether a name is private: a leading underscore, not a dunder ('__all__')."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def source_of(node: ast.ImportFrom, here: str, packages: set[str]) -> str:
    """The absolute module a `from ... import` reads, relative imports resolved from `here`."""
    if not node.level:
        return node.module or ""
    base = here if here in packages else here.rpartition(".")[0]
    for _ in range(node.level - 1):
        base = base.rpartition(".")[0]
    return f"{base}.{node.module}" if node.module else base


def dotted(node: ast.expr) -> list[str] | None:
    """The names of an attribute chain ('a.b.c' -> ['a', 'b', 'c']), None for anything else."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(names)]


def _in_library(module: str) -> bool:
    """Whether a dotted name is presslens or one of its modules."""
    return module == "presslens" or module.startswith("presslens.")


def _bind(node: ast.AST, here: str, modules: set[str], aliases: dict[str, str]) -> list[str]:
    """Record the presslens modules an import statement binds to local names; return its
    private-name imports from other modules."""
    found: list[str] = []
    if isinstance(node, ast.Import):
        for a in node.names:
            if _in_library(a.name):  # "import presslens.x.y" binds "presslens"
                aliases[a.asname or "presslens"] = a.name if a.asname else "presslens"
    elif isinstance(node, ast.ImportFrom):
        source = source_of(node, here, PACKAGES)
        if not _in_library(source):
            return found
        for a in node.names:
            child = f"{source}.{a.name}"
            if child in modules:
                aliases[a.asname or a.name] = child
            elif is_private(a.name) and source != here:
                found.append(f"line {node.lineno}: from {source} import {a.name}")
    return found


def offenders(text: str, here: str, modules: set[str] = MODULES) -> list[str]:
    """The uses of another presslens module's private names in the source `text` of module
    `here`: `from X import _name` and `alias._name` (alias an imported presslens module)."""
    tree = ast.parse(text)
    aliases: dict[str, str] = {}
    found: list[str] = []
    for node in ast.walk(tree):
        found += _bind(node, here, modules, aliases)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not is_private(node.attr):
            continue
        names = dotted(node.value)
        if not names or names[0] not in aliases:
            continue
        module = ".".join([aliases[names[0]], *names[1:]])
        if module in modules and module != here:
            found.append(f"line {node.lineno}: {'.'.join(names)}.{node.attr} ({module})")
    return found


MODS = {
    "presslens.extract.timeline.tagger",
    "presslens.extract.timeline.lexicon",
    "presslens.extract.timeline",
    "presslens.core.tables",
    "presslens.core",
    "presslens.measure",
    "presslens.measure.framing",
}
HERE = "presslens.extract.timeline.tagger"


@pytest.mark.parametrize(
    "text, expected",
    [
        # private names of other presslens modules: offenders
        (
            "from .lexicon import _key",
            ["line 1: from presslens.extract.timeline.lexicon import _key"],
        ),
        ("from presslens.core.tables import _w", ["line 1: from presslens.core.tables import _w"]),
        ("from ..timeline import _x", ["line 1: from presslens.extract.timeline import _x"]),
        (
            "from . import lexicon\nlexicon._key('a')",
            ["line 2: lexicon._key (presslens.extract.timeline.lexicon)"],
        ),
        ("from presslens.core import tables as t\nt._w", ["line 2: t._w (presslens.core.tables)"]),
        (
            "import presslens.core.tables\npresslens.core.tables._w",
            ["line 2: presslens.core.tables._w (presslens.core.tables)"],
        ),
        (
            "def f():\n    from presslens.measure import framing\n    return framing._prf",
            ["line 3: framing._prf (presslens.measure.framing)"],
        ),
        # public names, dunders, the module's own names, other libraries, objects: no offenders
        ("from .lexicon import lookup_key, lexicon", []),
        ("from presslens.extract.timeline import __all__", []),
        ("from .tagger import _x", []),
        ("from os import _exit\nimport re\nre._pattern_type", []),
        ("from .lexicon import lexicon\nlexicon()._cache", []),
        ("from presslens.core import tables\ntables.write._cache", []),
        ("self._x = 1\nobj._y", []),
        ("from presslens.measure import framing\nframing.__doc__", []),
    ],
)
def test_offenders_are_found(text: str, expected: list[str]) -> None:
    assert offenders(text, HERE, MODS) == expected


def test_no_module_uses_another_modules_private_names() -> None:
    found = {
        str(p.relative_to(LIB)): hits
        for p in SOURCES
        if (hits := offenders(p.read_text(encoding="utf-8"), module_of(p)))
    }
    listing = "\n".join(f"{path}: {hit}" for path, hits in found.items() for hit in hits)
    assert not found, f"{sum(map(len, found.values()))} private-name uses:\n{listing}"
