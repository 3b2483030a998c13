"""Check that moving word lists from code into resources changed no pattern and no list.

For every module of lib/presslens that differs from a base commit, the module's source at that
commit is executed next to the current one (as a sibling module of the same package, so its
imports resolve), and every module-level value both versions define is compared: compiled
patterns by their pattern string and flags, strings, sets, tuples, lists and dicts by value. A
word list moved into a YAML file and compiled the same way leaves all of them equal.

    .venv/bin/python bench/word_list_patterns.py --base 755dad8 [FOLDER ...]

prints one line per module compared and exits 1 when any value differs.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib" / "presslens"
KINDS = (str, frozenset, set, tuple, list, dict, re.Pattern)


def changed(base: str, folders: list[str]) -> list[str]:
    """The library modules (paths below the repository) in `folders` that differ from `base`."""
    out = subprocess.run(
        ["git", "diff", "--name-only", base, "--", *folders],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return sorted(p for p in out if p.endswith(".py") and (ROOT / p).is_file())


def old_module(path: str, base: str) -> dict[str, object]:
    """The module-level names of `path` as it was at `base`."""
    source = subprocess.run(
        ["git", "show", f"{base}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    name = ".".join(Path(path).relative_to("lib").with_suffix("").parts)
    package = name.rpartition(".")[0]
    if name.endswith(".__init__"):
        name, package = name[: -len(".__init__")], name[: -len(".__init__")]
    spec = importlib.util.spec_from_loader(f"{package}._old_{Path(path).stem}", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = package
    sys.modules[spec.name] = module
    exec(compile(source, f"{base}:{path}", "exec"), module.__dict__)
    return vars(module)


def comparable(value: object) -> object:
    """What is compared of a value: a pattern's string and flags, a function's name, the parts of
    a tuple, list or dict compared so, else the value itself."""
    if isinstance(value, re.Pattern):
        return ("pattern", value.pattern, value.flags)
    if callable(value) and hasattr(value, "__qualname__"):
        return ("function", value.__qualname__)
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, *map(comparable, value))
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()}
    return value


def loop_names(path: str) -> set[str]:
    """The names a module-level `for` binds (their last value is no result)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    loops = [n for n in ast.walk(tree) if isinstance(n, ast.For)]
    return {t.id for n in loops for t in ast.walk(n.target) if isinstance(t, ast.Name)}


def differences(path: str, base: str) -> tuple[int, list[str]]:
    """(values compared, names whose values differ) of one module against `base`."""
    name = ".".join(Path(path).relative_to("lib").with_suffix("").parts)
    new = vars(importlib.import_module(name.removesuffix(".__init__")))
    old = old_module(path, base)
    skip = loop_names(path)
    common = [
        k
        for k in sorted(set(old) & set(new) - skip)
        if not k.startswith("__") and isinstance(new[k], KINDS) and isinstance(old[k], KINDS)
    ]
    return len(common), [k for k in common if comparable(old[k]) != comparable(new[k])]


def main() -> int:
    """Compare every changed module; 1 when a value differs."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="755dad8", help="the commit before the move")
    ap.add_argument(
        "folders",
        nargs="*",
        default=["lib/presslens/extract", "lib/presslens/ingest"],
        help="the folders whose changed modules are compared",
    )
    args = ap.parse_args()
    bad = 0
    for path in changed(args.base, args.folders):
        n, diff = differences(path, args.base)
        print(f"{path}: {n} values compared, {len(diff)} differ {diff or ''}")
        bad += len(diff)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
