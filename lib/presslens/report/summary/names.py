"""Names, not ids, on every page: actors by their display name, articles by outlet, date and
headline (the id stays the link target).

The sections of a page are built from tables keyed by ids; `name_blocks` goes over them once
before a page is rendered and replaces, in table cells and text parts, every actor id the run's
``actors`` table names and every article id the run's ``articles`` table describes. Whatever a
new section shows benefits without code of its own."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.report.parts import Cell, Part, Table, sentence_href

# columns of the tables the pages show whose values are actor ids
ACTOR_COLUMNS = frozenset({"actor", "subject", "object", "speaker", "speaker_actor", "target"})
ARTICLE_COLUMN = "article_id"
ARTICLE_HEADER = "article"
HEADLINE_CHARS = 90  # a headline longer than this is cut in a table cell
# an article page, optionally one sentence on it: articles/<id>.html#s<N>
_PAGE = re.compile(r"(?:^|/)([^/#]+)\.html(?:#s(\d+))?$")
_SENTENCE_REF = re.compile(r"\s*#s?(\d+)$")


@dataclass(frozen=True)
class Names:
    """Display names of a run's actors (id to name) and short and long labels of its articles."""

    actors: dict[str, str] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    long: dict[str, str] = field(default_factory=dict)
    outlets: frozenset[str] = frozenset()  # an outlet's name as given is no actor id

    def actor(self, actor_id: str) -> str:
        """The display name of `actor_id`, or the id itself when the run has no name for it."""
        return self.actors.get(actor_id, actor_id)

    @functools.cached_property
    def distinctive(self) -> tuple[str, ...]:
        """The actor ids that cannot be ordinary words (they hold '_' or ':')."""
        return tuple(a for a in self.actors if "_" in a or ":" in a)

    @functools.cached_property
    def id_pattern(self) -> IdPattern | None:
        """`id_pattern` of these names, built once (every page of a run asks for it)."""
        return _compiled(self.distinctive)


def _cut(text: str, n: int = HEADLINE_CHARS) -> str:
    """`text` shortened to `n` characters at a word, with an ellipsis when cut."""
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _present(value: object) -> str:
    """A metadata value as text, '' when missing."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def article_labels(articles: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """Per article id: a short label ('outlet, date') and a long one ('headline (outlet, date)')."""
    short: dict[str, str] = {}
    long: dict[str, str] = {}
    cols = [c if c in articles.columns else None for c in ("outlet", "published", "title")]
    for rec in articles.to_dict("records"):
        aid = str(rec["article_id"])
        outlet, date, title = (_present(rec.get(c)) if c else "" for c in cols)
        where = ", ".join(x for x in (outlet, date[:10]) if x) or "unknown outlet"
        short[aid] = where
        long[aid] = f"{_cut(title)} ({where})" if title else where
    return short, long


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    """Actor id to display name, for the actors whose name differs from their id."""
    if not len(actors) or not {"actor", "name"} <= set(actors.columns):
        return {}
    pairs = zip(actors["actor"].astype(str), actors["name"].fillna("").astype(str))
    return {a: n for a, n in pairs if n and n != a}


def from_tables(articles: pd.DataFrame, actors: pd.DataFrame) -> Names:
    """The names of a run from its articles and actors tables."""
    short, long = article_labels(articles)
    given = articles["outlet"].dropna().astype(str) if "outlet" in articles.columns else []
    return Names(actor_names(actors), short, long, frozenset(given))


def load_actors(out_dir: str | Path) -> dict[str, str]:
    """Actor id to display name for the run in `out_dir` ({} without an actors table)."""
    from presslens.core import tables

    return actor_names(tables.read_or_empty("actors", out_dir, ["actor", "name"]))


def load(out_dir: str | Path) -> Names:
    """The names of the run in `out_dir` (empty names for a table it lacks)."""
    from presslens.core import tables

    arts = tables.read_or_empty("articles", out_dir, ["article_id", "outlet", "published", "title"])
    actors = tables.read_or_empty("actors", out_dir, ["actor", "name"])
    return from_tables(arts, actors)


def article_text(text: str, href: str, names: Names) -> str:
    """The text of a link to an article page with the id replaced by the article's short label and
    '#s3' by 'sentence 3'; other text unchanged."""
    m = _PAGE.search(href or "")
    if not m or m.group(1) not in names.short or not text.startswith(m.group(1)):
        return text
    rest = text[len(m.group(1)) :]
    ref = _SENTENCE_REF.fullmatch(rest)
    label = names.short[m.group(1)]
    if ref:
        return f"{label}, sentence {ref.group(1)}"
    return label + rest if rest else names.long[m.group(1)]


_RUN = re.compile(r"[\w:]+")  # a run of the characters actor ids are usually made of


@dataclass(frozen=True)
class IdPattern:
    """The distinctive actor ids of a run, found in text as one pattern would find them (each id
    standing alone: no word character or ':' on either side). When every id is made of word
    characters and ':' only, an id stands alone exactly when it is a whole run of such characters,
    so a text's runs are looked up in `ids` (one set lookup per run, whatever the number of ids);
    otherwise `regex`, the ids as one alternation (longest first), finds them."""

    ids: frozenset[str]
    regex: re.Pattern[str] | None = None

    def sub(self, repl: Any, text: str) -> str:
        """`text` with each id found replaced by `repl(id)`."""
        if "_" not in text and ":" not in text:
            return text  # every distinctive id holds '_' or ':'
        if self.regex is not None:
            return self.regex.sub(lambda m: repl(m.group(0)), text)
        return _RUN.sub(lambda m: repl(m.group(0)) if m.group(0) in self.ids else m.group(0), text)

    def findall(self, text: str) -> list[str]:
        """The ids found in `text`, in order."""
        if self.regex is not None:
            return self.regex.findall(text)
        return [r for r in _RUN.findall(text) if r in self.ids]


def id_pattern(names: Names) -> IdPattern | None:
    """Actor ids that cannot be ordinary words (they hold '_' or ':'), as one pattern."""
    return names.id_pattern


@functools.lru_cache(maxsize=8)
def _compiled(ids: tuple[str, ...]) -> IdPattern | None:
    """The pattern of `id_pattern`, built once per set of ids (every article page uses it)."""
    if not ids:
        return None
    if all(_RUN.fullmatch(i) for i in ids):
        return IdPattern(frozenset(ids))
    ordered = sorted(ids, key=len, reverse=True)
    regex = re.compile(r"(?<![\w:])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w:])")
    return IdPattern(frozenset(ids), regex)


_WORD = re.compile(r"[^\s()\[\]{},;:'\"“”‘’]+")  # a word of free text, as an article id could be
_NUMBER = re.compile(r"[\d.,%+-]+")  # a count, share or date in free text


def _article_label(word: str, names: Names) -> str:
    """The long label of the article whose id is `word`; a word that reads as a number stays: a
    corpus with numeric ids (a database export's 2, 7, ...) would otherwise have every count
    written with those digits replaced by a headline."""
    return word if _NUMBER.fullmatch(word) else names.long.get(word, word)


def name_text(text: str, names: Names, pattern: IdPattern | None) -> str:
    """Free text with every article id replaced by the article's label (not an id that reads as a
    number) and every distinctive actor id by its display name ('<id>.txt', a file name, stays)."""
    if names.long:
        text = _WORD.sub(lambda m: _article_label(m.group(0), names), text)
    return pattern.sub(names.actor, text) if pattern else text


def name_part(part: Part, names: Names, pattern: IdPattern | None) -> Part:
    """A text part with names for ids."""
    text = article_text(part.text, part.href, names) if part.href else part.text
    return replace(part, text=name_text(text, names, pattern))


def _name_cell(c: Cell, col: str, names: Names, pattern: IdPattern | None) -> Cell:
    """One cell with names for ids: an actor column's id as a whole, distinctive ids in text."""
    if c.numeric:
        return c
    if col in ACTOR_COLUMNS and c.text in names.actors:
        return replace(c, text=names.actors[c.text])
    return replace(c, text=name_text(c.text, names, pattern))


def name_table(
    t: Table, names: Names, *, prefix: str = "articles/", pattern: IdPattern | None = None
) -> Table:
    """A page table with an `article_id` column shown as the article's label (linking its page),
    actor columns as display names and distinctive actor ids in text as names."""
    cols = list(t.columns)
    rows = [list(r) for r in t.rows]
    for i, col in enumerate(cols):
        if col == ARTICLE_COLUMN:
            cols[i] = ARTICLE_HEADER
            for r in rows:
                aid = r[i].text
                if aid in names.long:
                    r[i] = Cell(names.long[aid], r[i].href or sentence_href(aid, prefix=prefix))
            continue
        for r in rows:
            r[i] = _name_cell(r[i], col, names, pattern)
    return replace(t, columns=cols, rows=rows)


def name_blocks(blocks: list[dict[str, Any]], names: Names) -> list[dict[str, Any]]:
    """Page blocks with names for ids in every table, text part and list entry."""
    pattern = id_pattern(names)
    return [_name_block(b, names, pattern) for b in blocks]


def _name_block(b: dict[str, Any], names: Names, pattern: IdPattern | None) -> dict:
    """One block with names for ids."""
    kind = b.get("kind")
    if kind == "table":
        return {**b, "table": name_table(b["table"], names, pattern=pattern)}
    if kind == "p":
        return {**b, "parts": [name_part(x, names, pattern) for x in b["parts"]]}
    if kind == "list":
        entries = [[name_part(x, names, pattern) for x in e] for e in b["entries"]]
        return {**b, "entries": entries}
    if kind == "details":
        return {**b, "blocks": [_name_block(x, names, pattern) for x in b["blocks"]]}
    return b


# ---- checking a page -----------------------------------------------------------------------

_FIGURE = re.compile(r"<svg\b.*?<\/svg>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_CELL = re.compile(r"<td\b[^>]*>(.*?)<\/td>", re.S | re.I)


def shown_ids(page: str, names: Names) -> list[str]:
    """Ids a reader sees on an HTML page where the run has a name: article ids in text (a link's
    target is no text; a file name such as '<id>.txt' is not an article id), actor ids holding '_'
    or ':' anywhere in text, and other actor ids as a whole table cell (but an outlet's name).
    Inline figures (SVG) are left to the figures' own checks."""
    body = _FIGURE.sub(" ", page)
    text = html.unescape(_TAG.sub(" ", body))
    found = [
        m.group(0)
        for aid in names.long
        for m in re.finditer(rf"(?<![\w.]){re.escape(aid)}(?!\w|\.[A-Za-z])", text)
    ]
    pattern = id_pattern(names)
    found += pattern.findall(text) if pattern else []
    cells = (html.unescape(_TAG.sub("", c)).strip() for c in _CELL.findall(body))
    found += [c for c in cells if c in names.actors and c not in names.outlets]
    return sorted(set(found))
