r"""Every word list the library uses lives in a resource (lib/presslens/resources/*.yaml, loaded
through presslens.core.resources), never in code.

The test walks every module of lib/presslens with `ast` and fails on a literal list, tuple, set (or
frozenset/set/list/tuple of one) or dict of WORDS_MIN or more strings that are all words, and on a
string of as many words split into a list ("a b c".split()). A word is letters with spaces,
hyphens or apostrophes and at most a final period ("Mt."): identifiers (`article_id`), dotted
names, file names, format codes and numbers are no words. Not word lists either:

- a list of table columns (assigned to a name holding COLUMNS or COLS, or given as `columns=`);
- a dict whose values are not all constants (a record of computed values, keyed by name);
- the entries of NOT_WORD_LISTS, each with its reason.

A word list written as a regular expression counts too: a string constant (or an f-string, or a
concatenation of constants and names) holding an alternation of WORDS_MIN or more plain words,
"(?:said|says|told|...)". A plain word is a word as above, where `\s+` may stand for a space,
`\.` for a period and a final `?` may make a letter optional ("officials?"). Character classes,
escaped bars, alternations of punctuation or of regular-expression pieces, and alternations built
at run time ("|".join(loaded_list)) are no word lists. Each such list lives in a resource as the
regular-expression alternatives the code joins with "|" in the file's order.

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
PENDING: dict[tuple[str, str], str] = {}


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


def _pieces(node: ast.expr) -> list[str]:
    """The text of a string expression, a NUL for each part computed at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value if isinstance(v, ast.Constant) else "\x00" for v in node.values]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pieces(node.left) + _pieces(node.right)
    return ["\x00"]


def _texts(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string constant, f-string and concatenation of strings."""
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            out.append((n.lineno, n.value))
        elif isinstance(n, ast.JoinedStr) or (
            isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add)
        ):
            text = "".join(_pieces(n))
            if text.strip("\x00"):
                out.append((n.lineno, text))
    return out


def _groups(pattern: str) -> list[str]:
    """The text inside each group of a pattern (outside character classes), and the whole."""
    out, opened, i, in_class = [], [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "]")  # "[]...]": the first "]" is a member
            continue
        elif c == "(":
            opened.append(i + 1)
        elif c == ")" and opened:
            out.append(pattern[opened.pop() : i])
        i += 1
    return [*out, pattern]


GROUP_PREFIX = re.compile(r"\?(?::|P<\w+>|[aiLmsux]+(?:-[imsx]+)?:|=|!|<=|<!)")
WHITESPACE = re.compile(r"\\s[+*]?|\\ ")
OPTIONAL_LETTER = re.compile(r"(?<=[A-Za-z])\?")


def _alternatives(group: str) -> list[str]:
    """The top-level alternatives of a group's text, each as plain text where it can be."""
    group = GROUP_PREFIX.sub("", group, count=1) if group.startswith("?") else group
    out, depth, in_class, cur, i = [], 0, False, "", 0
    while i < len(group):
        c = group[i]
        if c == "\\":
            cur, i = cur + group[i : i + 2], i + 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if group[i + 1 : i + 2] == "]":  # "[]...]": the first "]" is a member
                cur, i = cur + "[]", i + 2
                continue
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            out.append(cur)
            cur, i = "", i + 1
            continue
        cur, i = cur + c, i + 1
    plain = [WHITESPACE.sub(" ", a).replace("\\.", ".").replace("\\-", "-") for a in out + [cur]]
    return [OPTIONAL_LETTER.sub("", a) for a in plain]


def alternations(source: str, path: str) -> list[Found]:
    """The word lists written as regular-expression alternations in one module's source."""
    found: dict[tuple[str, ...], Found] = {}
    for line, text in _texts(ast.parse(source)):
        if "|" not in text:
            continue
        for group in _groups(text):
            words = tuple(a for a in _alternatives(group) if WORD.fullmatch(a))
            if len(words) >= WORDS_MIN and words not in found:
                found[words] = Found(path, line, words)
    return list(found.values())


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
        source, path = p.read_text(encoding="utf-8"), p.relative_to(LIB).as_posix()
        out += word_lists(source, path) + alternations(source, path)
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


@pytest.mark.parametrize(
    ("source", "n"),
    [
        ('X = re.compile(r"\\b(?:said|says|told|tells|added|adds|argued|wrote)\\b")', 1),
        ('X = (r"\\s*(?:has\\s+)?(?:said|says|told|tells|"\n    r"added|adds|argued|wrote)")', 1),
        ('X = rf"{A}(?P<cue>said|says|told|tells|added|adds|argued|wrote){B}"', 1),
        ('X = r"(?:said|says|told|tells|" + VERBS + r"|added|adds|argued|wrote)"', 1),
        ('X = "said|says|told|tells|added|adds|argued|wrote"', 1),
        ('X = r"(?:officials?|chief\\s+executive|board|users|staff|founder|mayor|city)"', 1),
        ('M = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?"', 1),
        ('X = r"(?i:late|early|first|second|third|home|city|metro|\\d)\\b"', 1),
        # not word lists: classes, punctuation, too few words, lists joined at run time, pieces
        ('X = r"[a|b|c|d|e|f|g|h|i]"', 0),
        ('X = r"[]|a|b|c|d|e|f|g|h|i]"', 0),
        ('X = r"(?:,|;|:|—|–|-|\\.|!|\\?|/)"', 0),
        ('X = r"(?:said|says|told|tells|added|adds|argued)\\b"', 0),
        ('X = re.compile(r"(?:" + "|".join(WORDS["cues"]) + r")\\b")', 0),
        ('X = r"(?:a\\|b\\|c\\|d\\|e\\|f\\|g\\|h\\|i)"', 0),
        ("X = r\"(?:\\d{4}|[A-Z]\\w+|\\w+ed|n't|'s|'re|'ve|'ll|\\W+)\"", 0),
        ('X = "| outlet | quotes | share | low | high | n | tone | lo | hi |"', 0),
        ('X = ["said", "says", "told", "tells", "added", "adds", "argued", "wrote"]', 0),
    ],
)
def test_alternations_are_found(source: str, n: int) -> None:
    assert len(alternations(source, "x.py")) == n


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
