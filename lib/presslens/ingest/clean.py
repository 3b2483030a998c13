"""Remove site furniture from scraped article text, logging every removed line and its rule.

The rules live in ``resources/cleaning.yaml`` (editable); see that file for what each kind of
rule does. ``clean`` works on one text; ``clean_articles`` on the corpus table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from presslens.ingest import normalize, sentences
from presslens.pipeline import resources_io

REMOVED_COLUMNS = ["article_id", "line", "text", "rule"]
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_END_PUNCT = re.compile(r"[.!?;:…]$")
_CLOSERS = "\"'”’»)]"
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Rule:
    """One named cleaning rule from the rules file."""

    name: str
    kind: str
    description: str = ""
    pattern: re.Pattern[str] | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Cleaned:
    """The result of cleaning one article."""

    title: str
    title_basis: str
    text: str
    source: str
    removed: list[tuple[int, str, str]]  # (1-based line number, removed text, rule name)


def load_rules(name: str = "cleaning.yaml") -> tuple[list[Rule], dict[str, Any]]:
    """Parse the rules file into Rule objects and the headline-likeness settings."""
    spec = resources_io.load(name)
    rules = []
    for r in spec["rules"]:
        pat = re.compile(r["pattern"], re.IGNORECASE) if "pattern" in r else None
        opts = {k: v for k, v in r.items() if k not in {"name", "kind", "description", "pattern"}}
        rules.append(Rule(r["name"], r["kind"], r.get("description", ""), pat, opts))
    return rules, spec.get("headline_like", {})


_RULES_CACHE: dict[str, tuple[list[Rule], dict[str, Any]]] = {}


def _rules(name: str) -> tuple[list[Rule], dict[str, Any]]:
    if name not in _RULES_CACHE:
        _RULES_CACHE[name] = load_rules(name)
    return _RULES_CACHE[name]


def words(line: str) -> list[str]:
    """Word tokens of a line (letters and digits, inner hyphens and apostrophes kept)."""
    return _WORD.findall(line)


def ends_like_sentence(line: str) -> bool:
    """True when a line ends with sentence-final punctuation (before closing quotes/brackets)."""
    return bool(_END_PUNCT.search(line.rstrip().rstrip(_CLOSERS)))


def is_headline_like(
    line: str, *, max_words: int = 25, min_capitalised: float | None = None
) -> bool:
    """A short line without sentence-final punctuation (optionally mostly Title Case)."""
    ws = words(line)
    if not ws or len(ws) > max_words or ends_like_sentence(line):
        return False
    if min_capitalised is None:
        return True
    long = [w for w in ws if len(w) >= 4 and w[0].isalpha()]
    if not long:
        return False
    return sum(w[0].isupper() for w in long) / len(long) >= min_capitalised


def overlap(a: str, b: str) -> float:
    """Overlap coefficient of the lower-cased word sets of two lines."""
    sa, sb = {w.lower() for w in words(a)}, {w.lower() for w in words(b)}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


class _Page:
    """Lines of one article under cleaning, with a removal log."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.keep = [True] * len(self.lines)
        self.removed: list[tuple[int, str, str]] = []

    def live(self) -> list[int]:
        """Indexes of kept, non-blank lines."""
        return [i for i, ok in enumerate(self.keep) if ok and self.lines[i].strip()]

    def drop(self, i: int, rule: str) -> None:
        """Remove line i, logging it under `rule`."""
        self.keep[i] = False
        self.removed.append((i + 1, self.lines[i].strip(), rule))

    def cut(self, i: int, a: int, b: int, rule: str) -> str:
        """Cut characters a..b out of line i, logging the cut text; return it."""
        line = self.lines[i]
        piece = line[a:b].strip()
        self.removed.append((i + 1, piece, rule))
        self.lines[i] = (line[:a].rstrip() + " " + line[b:].lstrip()).strip()
        if not self.lines[i]:
            self.keep[i] = False
        return piece

    def text(self) -> str:
        """The kept lines joined, blank runs collapsed to one blank line."""
        body = "\n".join(line for line, ok in zip(self.lines, self.keep) if ok)
        return _BLANK_RUNS.sub("\n\n", body).strip()


def _first_sentence(line: str) -> str:
    found = next(sentences.spans(line), None)
    return line[found[0] : found[1]] if found else line.strip()


def _apply(rule: Rule, page: _Page, sources: list[str], like: dict[str, Any]) -> None:
    """Apply one furniture rule (line, line_and_next, inline, trailing_headlines) to a page."""
    live = page.live()
    if rule.kind == "line":
        for i in live:
            if rule.pattern.fullmatch(page.lines[i].strip()):
                page.drop(i, rule.name)
    elif rule.kind == "line_and_next":
        for i in [i for i in live if rule.pattern.fullmatch(page.lines[i].strip())]:
            if page.keep[i]:
                page.drop(i, rule.name)
                nxt = [j for j in page.live() if j > i]
                if nxt and not rule.pattern.fullmatch(page.lines[nxt[0]].strip()):
                    page.drop(nxt[0], rule.name)
    elif rule.kind == "inline":
        for i in live:
            while page.keep[i] and (m := rule.pattern.search(page.lines[i])):
                piece = page.cut(i, m.start(), m.end(), rule.name)
                if rule.options.get("to_column") == "source":
                    sources.append(piece.strip("[] ").split(":", 1)[-1].strip())
    elif rule.kind == "trailing_headlines":
        run = []
        for i in reversed(live):
            if not is_headline_like(page.lines[i].strip(), **like):
                break
            run.append(i)
        if len(run) >= rule.options.get("min_lines", 3) and len(run) < len(live):
            for i in sorted(run):
                page.drop(i, rule.name)
    elif rule.kind not in {"headline", "repeated_headline"}:
        raise ValueError(f"cleaning rule {rule.name!r} has unknown kind {rule.kind!r}")


def clean(raw: str, *, title: str | None = None, rules: str = "cleaning.yaml") -> Cleaned:
    """Normalise `raw` and remove site furniture; with `title` given, no headline is taken."""
    rule_list, like = _rules(rules)
    page = _Page(normalize.text(raw))
    sources: list[str] = []
    title_basis = "metadata" if title else ""
    headline_removed = False
    for rule in rule_list:
        if rule.kind == "headline" and title is None:
            live = page.live()
            if not live:
                continue
            first = page.lines[live[0]].strip()
            if is_headline_like(first, max_words=rule.options.get("max_words", 25)):
                title, title_basis, headline_removed = first, "headline line", True
                page.drop(live[0], rule.name)
            else:
                title, title_basis = _first_sentence(first), "first sentence (no headline line)"
        elif rule.kind == "repeated_headline" and headline_removed and title:
            for i in page.live()[: rule.options.get("within_lines", 3)]:
                line = page.lines[i].strip()
                if is_headline_like(line, max_words=like.get("max_words", 25)) and overlap(
                    line, title
                ) >= rule.options.get("min_overlap", 0.6):
                    page.drop(i, rule.name)
    # Furniture rules repeat until nothing changes, so cleaning clean text changes nothing.
    for _ in range(10):
        before = len(page.removed)
        for rule in rule_list:
            _apply(rule, page, sources, like)
        if len(page.removed) == before:
            break
    page.removed.sort()
    return Cleaned(title or "", title_basis, page.text(), " | ".join(sources), page.removed)


def clean_articles(
    articles: pd.DataFrame, *, rules: str = "cleaning.yaml"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every loaded article: adds title, title_basis, text and source; returns (articles,
    removed)."""
    out = articles.copy()
    titles, bases, texts, srcs, removed = [], [], [], [], []
    for row in out.itertuples(index=False):
        if row.status != "ok":
            titles.append(row.title or "")
            bases.append("")
            texts.append("")
            srcs.append("")
            continue
        given = row.title if isinstance(row.title, str) and row.title.strip() else None
        res = clean(row.raw, title=given, rules=rules)
        titles.append(res.title)
        bases.append(res.title_basis)
        texts.append(res.text)
        srcs.append(res.source)
        removed.extend((row.article_id, ln, txt, rule) for ln, txt, rule in res.removed)
    out["title"], out["title_basis"], out["text"], out["source"] = titles, bases, texts, srcs
    return out, pd.DataFrame(removed, columns=REMOVED_COLUMNS).astype({"line": "int64"})
