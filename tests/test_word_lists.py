"""Every word list the library uses lives in a resource (lib/presslens/resources/*.yaml, loaded
through presslens.core.resources), never in code.

The test walks every module of lib/presslens with `ast` and fails on a literal list, tuple, set (or
frozenset/set/list/tuple of one) or dict of WORDS_MIN or more strings that are all words, and on a
string of as many words split into a list ("a b c".split()). A word is letters with spaces,
hyphens or apostrophes and at most a final period ("Mt."): identifiers (`article_id`), dotted
names, file names, format codes and numbers are no words. Not word lists either:

- a list of table columns (assigned to a name holding COLUMNS or COLS, or given as `columns=`);
- a dict whose values are not all constants (a record of computed values, keyed by name);
- the entries of NOT_WORD_LISTS, each with its reason.

PENDING lists true word lists still in modules other work is rewriting at the moment; each names
the resource it goes to. An entry of either list that matches nothing fails the test, so the lists
only shrink.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib" / "presslens"
WORDS_MIN = 8
WORD = re.compile(r"[A-Za-z][A-Za-z'’ -]*\.?")
COLUMN_NAME = re.compile(r"COLUMNS?|COLS\b")

# (module path below lib/presslens, the list's first string) -> why it is no word list
NOT_WORD_LISTS = {
    ("pipeline/cache.py", "presslens"): "the packages whose versions key the cache",
    ("measure/sentiment/toward_features.py", "sentence"): "the feature views of the tone model",
}

# (module path or package folder below lib/presslens, first string) -> the resource it goes to
PENDING = {
    ("extract/timeline/", "the"): "timex.yaml (determiners; the timeline package is regrouped)",
    ("extract/timeline/", "for"): "timex.yaml (prepositions; the timeline package is regrouped)",
    ("extract/timeline/", "now"): "timex.yaml (present-time words; timeline regrouped)",
    ("extract/timeline/", "decades"): "timex.yaml (duration units; timeline regrouped)",
    ("extract/timeline/", "years"): "timex.yaml (duration units; timeline regrouped)",
    ("extract/timeline/", "twenty"): "timex.yaml (number words; timeline regrouped)",
    ("extract/timeline/", "one"): "timex.yaml (number words; timeline regrouped)",
    ("extract/timeline/", "early"): "timex.yaml (parts of a period; timeline regrouped)",
    ("extract/timeline/", "next"): "timex.yaml (relative-date modifiers; timeline regrouped)",
    ("extract/timeline/", "earlier"): "timex.yaml (parts of a period; timeline regrouped)",
    ("extract/timeline/", "noon"): "timex.yaml (clock words; timeline regrouped)",
}


@dataclass(frozen=True)
class Found:
    """A literal word list in the code."""

    path: str  # below lib/presslens
    line: int
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {len(self.words)} words {list(self.words[:6])} ..."


def _strings(nodes: list[ast.expr | None]) -> tuple[str, ...] | None:
    """The strings of literal elements when every one is a string constant, else None."""
    out = []
    for n in nodes:
        if not (isinstance(n, ast.Constant) and isinstance(n.value, str)):
            return None
        out.append(n.value)
    return tuple(out)


def _listed(node: ast.AST) -> tuple[str, ...] | None:
    """The strings a node lists: a literal collection, a dict of constants, or "a b".split()."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return _strings(list(node.elts))
    if isinstance(node, ast.Dict):
        if all(isinstance(v, ast.Constant) for v in node.values):
            return _strings(list(node.keys))
        return None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        sep = [a.value for a in node.args if isinstance(a, ast.Constant)]
        return tuple(node.func.value.value.split(*sep[:1]))
    return None


def _columns(tree: ast.AST) -> set[int]:
    """ids of the nodes that are column lists: assigned to a COLUMNS name or given as columns=."""
    out: set[int] = set()
    for n in ast.walk(tree):
        if isinstance(n, (ast.Assign, ast.AnnAssign)):
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if n.value is not None and any(COLUMN_NAME.search(x) for x in names):
                out.add(id(n.value))
        elif isinstance(n, ast.keyword) and n.arg == "columns":
            out.add(id(n.value))
    return out


def word_lists(source: str, path: str) -> list[Found]:
    """The literal word lists of one module's source."""
    tree = ast.parse(source)
    columns = _columns(tree)
    found = []
    for n in ast.walk(tree):
        if id(n) in columns:
            continue
        got = _listed(n)
        if got and len(got) >= WORDS_MIN and all(WORD.fullmatch(w) for w in got):
            found.append(Found(path, getattr(n, "lineno", 0), got))
    return found


def _allowed(f: Found, table: dict[tuple[str, str], str]) -> tuple[str, str] | None:
    """The entry of `table` that allows `f`, if any."""
    for key in table:
        where, first = key
        if (f.path == where or (where.endswith("/") and f.path.startswith(where))) and (
            f.words[0] == first
        ):
            return key
    return None


def _library() -> list[Found]:
    """Every literal word list of the library."""
    out = []
    for p in sorted(LIB.rglob("*.py")):
        out += word_lists(p.read_text(encoding="utf-8"), p.relative_to(LIB).as_posix())
    return out


@pytest.mark.parametrize(
    ("source", "n"),
    [
        ('MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]', 1),
        ('STOP = frozenset({"a", "an", "the", "of", "in", "on", "at", "by", "for"})', 1),
        ('TITLES = "Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Prof.".split()', 1),
        (
            'AGENCIES = {"Reuters": 1, "AP": 1, "AFP": 1, "Xinhua": 1, "TASS": 1, "DPA": 1, '
            '"EFE": 1, "ANSA": 1}',
            1,
        ),  # fmt: skip
        ('def f():\n    return {"say", "says", "said", "tell", "tells", "told", "add", "adds"}', 1),
        # not word lists: too short, column lists, identifiers, records, file names
        ('SHORT = ["a", "an", "the", "of", "in", "on", "at"]', 0),
        ('COLUMNS = ["start", "end", "text", "type", "value", "begin", "finish", "anchor"]', 0),
        (
            'pd.DataFrame(columns=["outlet", "dimension", "category", "quotes", "of", "share", '
            '"low", "high"])',
            0,
        ),  # fmt: skip
        ('KEYS = ["article_id", "sent_id", "start", "end", "text", "speaker", "cue", "kind"]', 0),
        (
            'FILES = ["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "f.yaml", "g.yaml", '
            '"h.yaml"]',
            0,
        ),  # fmt: skip
        ('REC = {"a": x, "b": y, "c": z, "d": 1, "e": 2, "f": 3, "g": 4, "h": 5}', 0),
        ('CODES = ["%Y", "%m", "%d", "%H", "%M", "%S", "%z", "%Z"]', 0),
    ],
)
def test_word_lists_are_found(source: str, n: int) -> None:
    assert len(word_lists(source, "x.py")) == n


def test_every_word_list_lives_in_a_resource() -> None:
    found = [f for f in _library() if not _allowed(f, NOT_WORD_LISTS) and not _allowed(f, PENDING)]
    assert found == [], "word lists in code: move each into a YAML of lib/presslens/resources/ " + (
        "loaded through presslens.core.resources:\n" + "\n".join(map(str, found))
    )


def test_the_allowlists_hold_no_stale_entry() -> None:
    found = _library()
    for table in (NOT_WORD_LISTS, PENDING):
        used = {_allowed(f, table) for f in found}
        stale = sorted(set(table) - used)
        assert stale == [], f"entries that match no word list any more: remove them: {stale}"
