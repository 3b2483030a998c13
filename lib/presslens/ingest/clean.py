"""Remove site furniture from scraped article text, logging every removed line and its rule.

The rules live in ``resources/cleaning.yaml`` (editable); see that file for what each kind of
rule does. ``clean`` works on one text; ``clean_articles`` on the corpus table.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from presslens.ingest import normalize, sentences
from presslens.core import resources

REMOVED_COLUMNS = ["article_id", "line", "text", "rule"]
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_END_PUNCT = re.compile(r"[.!?;:…]$")
_CLOSERS = "\"'”’»)]"
_BLANK_RUNS = re.compile(r"\n{3,}")
_SENTENCE_START = re.compile(r"[.!?][\"”’)]? (?=[A-Z])")
_BULLET = re.compile(r"^\s*[•·▪●◦‣]\s*")


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
    byline: str = ""
    dateline: str = ""
    repairs: int = 0  # spans of broken encoding repaired (mojibake, HTML entities)


def load_rules(name: str = "cleaning.yaml") -> tuple[list[Rule], dict[str, Any]]:
    """Parse the rules file into Rule objects and the headline-likeness settings."""
    spec = resources.load(name)
    rules = []
    for r in spec["rules"]:
        flags = 0 if r.get("case_sensitive") else re.IGNORECASE
        pat = re.compile(r["pattern"], flags) if "pattern" in r else None
        opts = {k: v for k, v in r.items() if k not in {"name", "kind", "description", "pattern"}}
        if "requires" in opts:
            opts["requires"] = tuple(w.lower() for w in opts["requires"])
        for key in ("part", "link", "next_pattern"):  # extra patterns (embed, line_and_next)
            if key in opts:
                opts[key] = re.compile(opts[key], flags)
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
    if ends_like_sentence(line):  # checked first: cheap, and most body lines end so
        return False
    ws = words(line)
    if not ws or len(ws) > max_words:
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
        self._lower: dict[int, str] = {}
        self._holds: dict[tuple[int, tuple[str, ...]], bool] = {}
        self._live: list[int] | None = None  # live() until a line is dropped or cut

    def holds(self, i: int, needed: tuple[str, ...]) -> bool:
        """True when line i holds one of the lower-case words `needed` (cached until it is cut)."""
        key = (i, needed)
        if key not in self._holds:
            if i not in self._lower:
                self._lower[i] = self.lines[i].lower()
            low = self._lower[i]
            self._holds[key] = any(w in low for w in needed)
        return self._holds[key]

    def live(self) -> list[int]:
        """Indexes of kept, non-blank lines (a new list: callers may change it)."""
        if self._live is None:
            self._live = [i for i, ok in enumerate(self.keep) if ok and self.lines[i].strip()]
        return list(self._live)

    def drop(self, i: int, rule: str) -> None:
        """Remove line i, logging it under `rule`."""
        self.keep[i] = False
        self._live = None
        self.removed.append((i + 1, self.lines[i].strip(), rule))

    def cut(self, i: int, a: int, b: int, rule: str) -> str:
        """Cut characters a..b out of line i, logging the cut text; return it."""
        line = self.lines[i]
        piece = line[a:b].strip()
        self.removed.append((i + 1, piece, rule))
        self._lower.pop(i, None)
        self._holds = {k: v for k, v in self._holds.items() if k[0] != i}
        self._live = None
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


def _value(m: re.Match[str]) -> str:
    """What a matched span puts in its column: the `value` group when the pattern has one."""
    got = m.groupdict().get("value")
    return (got if got is not None else m.group(0)).strip(" -–—:")


def _keep_value(rule: Rule, m: re.Match[str], columns: dict[str, list[str]]) -> None:
    col = rule.options.get("to_column")
    if col and _value(m):
        columns.setdefault(col, []).append(_value(m))


def _apply_line(rule: Rule, page: _Page, columns: dict[str, list[str]]) -> None:
    for i in page.live():
        if m := rule.pattern.fullmatch(page.lines[i].strip()):
            _keep_value(rule, m, columns)
            page.drop(i, rule.name)


def _apply_line_and_next(rule: Rule, page: _Page) -> None:
    """Drop a matching line and the next line; with `next_pattern`, only when the next line
    matches it (else both stay)."""
    wanted = rule.options.get("next_pattern")
    for i in [i for i in page.live() if rule.pattern.fullmatch(page.lines[i].strip())]:
        if not page.keep[i]:
            continue
        nxt = [j for j in page.live() if j > i]
        if wanted is not None and not (nxt and wanted.fullmatch(page.lines[nxt[0]].strip())):
            continue
        page.drop(i, rule.name)
        if nxt and not rule.pattern.fullmatch(page.lines[nxt[0]].strip()):
            page.drop(nxt[0], rule.name)


def _may_match(rule: Rule, page: _Page, i: int) -> bool:
    """False when the rule lists `requires` words and line i holds none of them (a quick
    filter)."""
    needed = rule.options.get("requires")
    return needed is None or page.holds(i, needed)


def _apply_inline(rule: Rule, page: _Page, columns: dict[str, list[str]]) -> None:
    for i in page.live():
        if not _may_match(rule, page, i):
            continue
        while page.keep[i] and (m := rule.pattern.search(page.lines[i])):
            _keep_value(rule, m, columns)
            page.cut(i, m.start(), m.end(), rule.name)


def _apply_lead_span(rule: Rule, page: _Page, columns: dict[str, list[str]]) -> None:
    """Cut a span of the first body line once (a dateline), keeping its value in a column."""
    live = page.live()
    if not live or columns.get(rule.options.get("to_column", "")):
        return
    if not _may_match(rule, page, live[0]):
        return
    if m := rule.pattern.search(page.lines[live[0]]):
        _keep_value(rule, m, columns)
        page.cut(live[0], m.start(), m.end(), rule.name)


def repeats(first: str, later: str, *, min_words: int, min_coverage: float) -> bool:
    """True when `first` says the same as `later` (or its beginning) up to small differences."""
    a, b = [w.lower() for w in words(first)], [w.lower() for w in words(later)]
    if len(a) < min_words or len(b) < min_words:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    matcher = difflib.SequenceMatcher(None, short, long[: len(short) + 5], autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / len(short) >= min_coverage


def starts(first: str, later: str, *, min_words: int) -> bool:
    """True when the words of `first` (at least `min_words`) begin `later` exactly."""
    a, b = [w.lower() for w in words(first)], [w.lower() for w in words(later)]
    return min_words <= len(a) < len(b) and b[: len(a)] == a


def _apply_repeated_lead(rule: Rule, page: _Page) -> None:
    """Drop an early paragraph that a later one among the first lines repeats (an abstract), or
    whose words begin a later one exactly (an abstract of the first sentence)."""
    opts = {k: rule.options.get(k, d) for k, d in (("min_words", 8), ("min_coverage", 0.9))}
    prefix = rule.options.get("min_words_prefix", opts["min_words"])
    live = page.live()[: rule.options.get("within_lines", 3)]
    for k, i in enumerate(live):
        later = [page.lines[j] for j in live[k + 1 :] if page.keep[j]]
        if page.keep[i] and any(
            repeats(page.lines[i], b, **opts) or starts(page.lines[i], b, min_words=prefix)
            for b in later
        ):
            page.drop(i, rule.name)


def _embed_part(rule: Rule, page: _Page, j: int) -> bool:
    """True when line j is a kept, non-blank line of embed markup (tags, attributes, a tweet's
    id, a line of links)."""
    if j < 0 or j >= len(page.lines) or not page.keep[j]:
        return False
    s = page.lines[j].strip()
    return bool(s) and bool(rule.options["part"].fullmatch(s))


def _near(page: _Page, j: int, step: int, gap: int) -> int:
    """The first kept, non-blank line from j on in direction `step` (+1 down, -1 up), past at
    most `gap` blank or removed lines; -1 when there is none."""
    passed = 0
    while 0 <= j < len(page.lines):
        if page.keep[j] and page.lines[j].strip():
            return j
        passed += 1
        if passed > gap:
            return -1
        j += step
    return -1


def _tweet_text(rule: Rule, page: _Page, j: int, marked: bool) -> bool:
    """True when line j is the text of the embedded post above its signature: kept, not blank,
    at most `max_chars` without its links, and marked as the post's (it holds the post's link,
    or a link line, label or embed markup stands next to it)."""
    if j < 0 or not page.keep[j] or not (s := page.lines[j].strip()):
        return False
    link = rule.options["link"]
    if len(link.sub("", s).strip()) > rule.options["max_chars"]:
        return False
    above = _near(page, j - 1, -1, rule.options.get("max_gap", 0))
    return marked or bool(link.search(s)) or _embed_part(rule, page, above)


def _embed_block(rule: Rule, page: _Page, i: int, text: str) -> list[int]:
    """The lines of the embed whose signature is line i: markup and link lines above and below
    it, and the post's text line above when marked as the post's."""
    gap = rule.options.get("max_gap", 0)
    block, j = [i], _near(page, i - 1, -1, gap)
    while _embed_part(rule, page, j):
        block.append(j)
        j = _near(page, j - 1, -1, gap)
    if not text and _tweet_text(rule, page, j, len(block) > 1):
        block.append(j)
        j = _near(page, j - 1, -1, gap)
        while _embed_part(rule, page, j):
            block.append(j)
            j = _near(page, j - 1, -1, gap)
    j = _near(page, i + 1, 1, gap)
    while _embed_part(rule, page, j):
        block.append(j)
        j = _near(page, j + 1, 1, gap)
    return block


def _apply_embed(rule: Rule, page: _Page) -> None:
    """Drop each embedded post: its signature line ("— Name (@handle) date", after the post's
    text when that text holds the post's link), the markup and link lines touching it, and the
    post's text line above (see `embed` in cleaning.yaml)."""
    for i in page.live():
        if not page.keep[i] or not _may_match(rule, page, i):
            continue
        if not (m := rule.pattern.fullmatch(page.lines[i].strip())):
            continue
        text, link = (m.group("text") or "").strip(), rule.options["link"]
        if text and not (
            link.search(text) and len(link.sub("", text)) <= rule.options["max_chars"]
        ):
            continue  # a sentence glued to a signature: the inline rules cut the signature only
        for k in sorted(_embed_block(rule, page, i, text)):
            page.drop(k, rule.name)


def _related_run(rule: Rule, page: _Page, i: int) -> list[int]:
    """The headline lines of a related-stories list below the header on line i: one blank line
    may follow the header; then lines with no blank between, each headline-like (a bullet
    allowed), at most `max_lines`. After a blank line a single unbulleted line is not taken (it
    may be a subheading of the article)."""
    first = _near(page, i + 1, 1, 1)
    run: list[int] = []
    j = first
    max_words, max_lines = rule.options.get("max_words", 20), rule.options.get("max_lines", 8)
    while 0 <= j < len(page.lines) and page.keep[j] and (s := page.lines[j].strip()):
        if len(run) >= max_lines or not is_headline_like(s, max_words=max_words):
            break
        run.append(j)
        j += 1
    bulleted = all(_BULLET.match(page.lines[k]) for k in run)
    if first > i + 1 and len(run) == 1 and not bulleted:
        return []
    return run


def _apply_related_list(rule: Rule, page: _Page) -> None:
    """Drop a related-stories header with the list of headlines directly below it."""
    for i in page.live():
        s = page.lines[i].strip()
        if len(s) > 60 or not page.keep[i] or not rule.pattern.fullmatch(s):
            continue
        if run := _related_run(rule, page, i):
            for k in [i, *run]:
                page.drop(k, rule.name)


def _apply_last_line(rule: Rule, page: _Page) -> None:
    """Drop the last line of the page when it matches (an author's bio below the article), or
    cut its last sentence when that matches (a page scraped as one line)."""
    live = page.live()
    if not live:
        return
    i, most = live[-1], rule.options.get("max_chars", 300)
    s = page.lines[i].strip()
    if len(live) > 1 and len(s) <= most and rule.pattern.fullmatch(s):
        page.drop(i, rule.name)
        return
    start = len(page.lines[i].rstrip()) - most
    for m in _SENTENCE_START.finditer(page.lines[i], max(start, 0)):
        if rule.pattern.fullmatch(page.lines[i].rstrip(), m.end()):
            page.cut(i, m.end(), len(page.lines[i]), rule.name)
            return


def _apply_inline_lead(rule: Rule, page: _Page) -> None:
    """In the first line, an abstract between two headers ("ABSTRACT ... FULL TEXT") goes with
    them when the text after them repeats it; otherwise only the headers go."""
    live = page.live()
    if not live or not (m := rule.pattern.search(page.lines[live[0]])):
        return
    i, abstract = live[0], m.group("abstract")
    after = page.lines[i][m.end() :]
    opts = {k: rule.options.get(k, d) for k, d in (("min_words", 8), ("min_coverage", 0.9))}
    if repeats(abstract, after[: len(abstract) + 200], **opts):
        page.cut(i, m.start(), m.end(), rule.name)
    else:
        page.cut(i, m.start("second"), m.end("second"), rule.name)
        page.cut(i, m.start("first"), m.end("first"), rule.name)


def _apply_trailing(rule: Rule, page: _Page, like: dict[str, Any]) -> None:
    live = page.live()
    run = []
    for i in reversed(live):
        if not is_headline_like(page.lines[i].strip(), **like):
            break
        run.append(i)
    if len(run) >= rule.options.get("min_lines", 3) and len(run) < len(live):
        for i in sorted(run):
            page.drop(i, rule.name)


_KINDS: dict[str, Any] = {  # kind -> how it is applied (rule, page, columns, like)
    "line": lambda r, p, c, k: _apply_line(r, p, c),
    "line_and_next": lambda r, p, c, k: _apply_line_and_next(r, p),
    "inline": lambda r, p, c, k: _apply_inline(r, p, c),
    "lead_span": lambda r, p, c, k: _apply_lead_span(r, p, c),
    "repeated_lead": lambda r, p, c, k: _apply_repeated_lead(r, p),
    "inline_lead": lambda r, p, c, k: _apply_inline_lead(r, p),
    "trailing_headlines": lambda r, p, c, k: _apply_trailing(r, p, k),
    "embed": lambda r, p, c, k: _apply_embed(r, p),
    "related_list": lambda r, p, c, k: _apply_related_list(r, p),
    "last_line": lambda r, p, c, k: _apply_last_line(r, p),
}


def _apply(rule: Rule, page: _Page, columns: dict[str, list[str]], like: dict[str, Any]) -> None:
    """Apply one furniture rule (see the kinds in cleaning.yaml) to a page."""
    if rule.kind in _KINDS:
        _KINDS[rule.kind](rule, page, columns, like)
    elif rule.kind not in {"headline", "repeated_headline"}:
        raise ValueError(f"cleaning rule {rule.name!r} has unknown kind {rule.kind!r}")


def _headline(rule: Rule, page: _Page, skip: list[Rule]) -> tuple[str | None, str, bool, int]:
    """Take the title from the first line that is not a byline: (title, basis, whether the line
    was removed, its index)."""
    live = page.live()[:5]
    while live and any(r.pattern.fullmatch(page.lines[live[0]].strip()) for r in skip):
        live.pop(0)
    if not live:
        return None, "", False, -1
    first = page.lines[live[0]].strip()
    if is_headline_like(first, max_words=rule.options.get("max_words", 25)):
        page.drop(live[0], rule.name)
        return first, "headline line", True, live[0]
    return _first_sentence(first), "first sentence (no headline line)", False, live[0]


def _repeated_headline(rule: Rule, page: _Page, title: str, like: dict[str, Any]) -> None:
    for i in page.live()[: rule.options.get("within_lines", 3)]:
        line = page.lines[i].strip()
        if is_headline_like(line, max_words=like.get("max_words", 25)) and overlap(
            line, title
        ) >= rule.options.get("min_overlap", 0.6):
            page.drop(i, rule.name)


def clean(raw: str, *, title: str | None = None, rules: str = "cleaning.yaml") -> Cleaned:
    """Normalise `raw` (repairing its encoding) and remove site and export furniture; with `title`
    given, no headline is taken."""
    rule_list, like = _rules(rules)
    text, repairs = normalize.text_and_repairs(raw)
    page = _Page(text)
    columns: dict[str, list[str]] = {}
    title_basis = "metadata" if title else ""
    headline_removed, first, first_line = False, -1, ""
    skip = [r for r in rule_list if r.kind == "line" and r.options.get("to_column")]
    for rule in rule_list:
        if rule.kind == "headline" and title is None:
            title, title_basis, headline_removed, first = _headline(rule, page, skip)
            first_line = page.lines[first] if first >= 0 else ""
        elif rule.kind == "repeated_headline" and headline_removed and title:
            _repeated_headline(rule, page, title, like)
    # Furniture rules repeat until nothing changes, so cleaning clean text changes nothing.
    for _ in range(10):
        before = len(page.removed)
        for rule in rule_list:
            _apply(rule, page, columns, like)
        if len(page.removed) == before:
            break
    if not headline_removed and first >= 0 and page.keep[first] and page.lines[first] != first_line:
        title = _first_sentence(page.lines[first].strip())  # without a dateline or credit cut
    page.removed.sort()
    col = {k: " | ".join(dict.fromkeys(v)) for k, v in columns.items()}
    return Cleaned(
        title or "",
        title_basis,
        page.text(),
        col.get("source", ""),
        page.removed,
        byline=col.get("byline", ""),
        dateline=col.get("dateline", ""),
        repairs=repairs,
    )


_EXTRA = ("byline", "dateline", "repairs")


def clean_articles(
    articles: pd.DataFrame, *, rules: str = "cleaning.yaml"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every loaded article: adds title, title_basis, text, source, byline, dateline and
    repairs; returns (articles, removed)."""
    out = articles.copy()
    cols: dict[str, list] = {k: [] for k in ("title", "title_basis", "text", "source", *_EXTRA)}
    removed = []
    for row in out.itertuples(index=False):
        if row.status != "ok":
            res = Cleaned(row.title or "", "", "", "", [])
        else:
            given = row.title if isinstance(row.title, str) and row.title.strip() else None
            res = clean(row.raw, title=given, rules=rules)
            removed.extend((row.article_id, ln, txt, rule) for ln, txt, rule in res.removed)
        for k, v in cols.items():
            v.append(getattr(res, k))
    for k, v in cols.items():
        out[k] = pd.Series(v, index=out.index, dtype="int64" if k == "repairs" else "object")
    return out, pd.DataFrame(removed, columns=REMOVED_COLUMNS).astype({"line": "int64"})
