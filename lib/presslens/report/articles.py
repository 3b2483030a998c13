"""Article pages: one page per input article with its clean text as anchored sentences, every
highlight (mentions, quotes, frames, names, dates, claims) properly nested, its evidence tables and
the lines cleaning removed. Written partition by partition by the engine."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.report.parts import block, fmt, records_table, safe_href
from presslens.report.pages import environment, render
from presslens.report.summary import names


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of article text."""

    start: int
    end: int
    kind: str  # css class: mention, quote, frame, term, timex, claim
    label: str


HIGHLIGHTS = {
    # table: (css class, columns read, function building the hover label from a row; kept short,
    # since an article page holds hundreds of them)
    "mentions": ("mention", ["actor"], lambda r: r["actor"]),
    "quotes": (
        "quote",
        ["kind", "speaker", "speaker_actor", "cue"],
        lambda r: f"{r['kind']} quote: {r['speaker_actor'] or r['speaker'] or '?'}",
    ),
    "frames": ("frame", ["scheme", "frame"], lambda r: r["frame"]),
    "terms": ("term", ["concept", "variant"], lambda r: f"{r['concept']}: {r['variant']}"),
    "timex": ("timex", ["type", "value", "anchor"], lambda r: str(r["value"])),
    "claims": ("claim", ["quantity", "value"], lambda r: f"{r['quantity']} {fmt(r['value'])}"),
}
EVIDENCE_LISTS = {
    "quotes": ["kind", "speaker", "speaker_actor", "cue"],
    "terms": ["concept", "variant"],
    "timex": ["text", "type", "value", "anchor"],
    "claims": ["text", "quantity", "value", "bound", "refers_to"],
}
ARTICLE_TABLES = tuple(HIGHLIGHTS)


CLOSE = ("close", "", "")


def tokens(text: str, spans: Sequence[Span]) -> list[tuple[str, str, str]]:
    """`text` as a flat list of tokens that render properly nested highlights: ("open", kind,
    label), ("text", text, "") and ("close", "", ""). A highlight that ends while a later one is
    still open closes it first and opens it again after, so overlaps never break the nesting; each
    highlight's tag is written once unless an overlap forces a reopen."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[Span]] = {}
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.kind, s.label)):
        starting.setdefault(s.start, []).append(s)
    out: list[tuple[str, str, str]] = []
    stack: list[Span] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        if any(s.end == a for s in stack):
            deepest = min(i for i, s in enumerate(stack) if s.end == a)
            reopen = [s for s in stack[deepest:] if s.end != a]
            out += [CLOSE] * (len(stack) - deepest)
            stack = stack[:deepest]
            for s in reopen:
                out.append(("open", s.kind, s.label))
                stack.append(s)
        for s in starting.get(a, []):
            out.append(("open", s.kind, s.label))
            stack.append(s)
        if b is not None and a < b:
            out.append(("text", text[a:b], ""))
    out += [CLOSE] * len(stack)
    return out


def paragraphs(
    text: str, sentences: Sequence[tuple[int, int, int]], spans: Sequence[Span]
) -> list[list[dict[str, Any]]]:
    """The clean text as paragraphs of anchored sentences (sent_id, start, end) with their
    highlights."""
    paras: list[list[dict[str, Any]]] = []
    para: list[dict[str, Any]] = []
    pos = 0
    for sid, start, end in sorted(sentences, key=lambda r: r[1]):
        if "\n" in text[pos:start] and para:
            paras.append(para)
            para = []
        inner = [
            Span(max(s.start, start) - start, min(s.end, end) - start, s.kind, s.label)
            for s in spans
            if s.start < end and s.end > start
        ]
        para.append({"id": int(sid), "tokens": tokens(text[start:end], inner)})
        pos = end
    if para:
        paras.append(para)
    return paras


def _by_article(df: pd.DataFrame | None) -> dict[str, list[dict]]:
    """A table's rows as dicts, grouped by article (in one pass)."""
    out: dict[str, list[dict]] = {}
    if df is None or df.empty:
        return out
    names = list(df.columns)
    columns = [
        [_blank(v) for v in df[c].tolist()] for c in names
    ]  # column lists: far faster than to_dict rows
    for values in zip(*columns):
        rec = dict(zip(names, values))
        out.setdefault(rec["article_id"], []).append(rec)
    return out


def _blank(v: Any) -> Any:
    """A missing value (None, NaN, NA) as the empty string; any other value unchanged."""
    return "" if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v


def spans_of(rows: dict[str, dict[str, list[dict]]], article_id: str) -> list[Span]:
    """Highlight spans of one article from the rows of each evidence table (start/end into
    articles.text)."""
    out = []
    for name, (kind, _, describe) in HIGHLIGHTS.items():
        for rec in rows.get(name, {}).get(article_id, ()):
            if rec.get("start") != "" and rec.get("end") != "":
                out.append(Span(int(rec["start"]), int(rec["end"]), kind, describe(rec)))
    return sorted(out, key=lambda s: (s.start, -s.end))


def evidence_blocks(
    rows: dict[str, dict[str, list[dict]]], article_id: str
) -> list[dict[str, Any]]:
    """Per article, one small table per evidence table (quotes, names, dates, claims), each row
    linked to its sentence."""
    out = []
    for name, cols in EVIDENCE_LISTS.items():
        recs = rows.get(name, {}).get(article_id)
        if not recs:
            continue
        view = [{**r, "href": f"#s{int(r['sent_id'])}"} for r in recs]
        out.append(block("h3", text=name.replace("_", " ").capitalize()))
        out.append(
            block(
                "table",
                table=records_table(
                    view,
                    ["sent_id", "href", *cols],
                    links={"sent_id": "href"},
                    numeric=["sent_id", "value"],
                    limit=200,
                ),
            )
        )
    return out


META = (
    "article_id",
    "file",
    "outlet",
    "published",
    "status",
    "reason",
    "byline",
    "dateline",
    "source",
    "wire",
    "wire_evidence",
    "encoding",
    "repairs",
    "title_basis",
    "raw_sha256",
)


_FIELD = {
    "wire": "wire copy (agency)",
    "wire_evidence": "wire copy found by",
    "repairs": "encoding repairs (ftfy)",
}


def article_page(
    article: dict,
    sentences: Sequence[tuple[int, int, int]],
    removed: Sequence[dict],
    spans: Sequence[Span] = (),
    evidence: list[dict[str, Any]] | None = None,
) -> str:
    """The evidence page of one article: its sentences as (sent_id, start, end), the lines cleaning
    removed from it as dicts (line, rule, text), its highlights and evidence tables."""
    text = article.get("text") or ""
    heading = str(article.get("title") or article["article_id"])
    meta = records_table(
        [{"field": _FIELD.get(k, k), "value": article.get(k)} for k in META if k in article],
        ["field", "value"],
        limit=20,
    )
    return render(
        "article.html.j2",
        title=heading,
        heading=heading,
        url=safe_href(article.get("url")),
        url_text=fmt(article.get("url")),
        meta=meta,
        kinds=sorted({s.kind for s in spans}),
        paragraphs=paragraphs(text, sentences, spans) if text else [],
        evidence=evidence or [],
        removed=records_table(
            list(removed), ["line", "rule", "text"], numeric=["line"], limit=500, empty="None."
        ),
    )


ACTOR_FIELDS = {"mentions": "actor", "quotes": "speaker_actor"}  # evidence columns of actor ids


def _name_actors(rows: dict[str, dict[str, list[dict]]], actors: dict[str, str]) -> None:
    """Replace the actor ids of mentions and quotes by display names, in place (highlights' hover
    labels and evidence tables then name the actor)."""
    for table_name, column in ACTOR_FIELDS.items():
        for recs in rows.get(table_name, {}).values():
            for r in recs:
                if r.get(column) in actors:
                    r[column] = actors[r[column]]


def write_article_part(part: Any, *, out_dir: str) -> int:
    """Write the pages of one partition's articles (a `partitions.Partition` with the evidence
    tables in
    `extra`); return how many were written."""
    folder = Path(out_dir) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    rows = {
        name: _by_article(part.extra.get(name))
        for name in (*HIGHLIGHTS, *EVIDENCE_LISTS, "removed")
    }
    actors = names.load_actors(out_dir)
    _name_actors(rows, actors)
    known = names.Names(actors)
    sents: dict[str, list[tuple[int, int, int]]] = {}
    for aid, sid, a, b in part.sentences[["article_id", "sent_id", "start", "end"]].itertuples(
        index=False
    ):
        sents.setdefault(aid, []).append((int(sid), int(a), int(b)))
    root = folder.resolve()
    n = 0
    for rec in part.articles.to_dict("records"):
        aid = rec["article_id"]
        target = (folder / f"{aid}.html").resolve()
        if target.parent != root:
            raise ValueError(f"article id {aid!r} would write outside {folder}")
        page = article_page(
            rec,
            sents.get(aid, []),
            rows["removed"].get(aid, []),
            spans_of(rows, aid),
            names.name_blocks(evidence_blocks(rows, aid), known),
        )
        target.write_text(page, encoding="utf-8")
        n += 1
    return n


def write_article_pages(
    out_dir: str | Path, *, engine_name: str = "", scheduler: str = "", progress: bool = False
) -> int:
    """Write articles/<article_id>.html for every input article, partition by partition; return how
    many."""
    from presslens.core import engine, partitions, tables

    columns = [
        "article_id",
        "file",
        "outlet",
        "url",
        "published",
        "title",
        "title_basis",
        "text",
        "source",
        "raw_sha256",
        "status",
        "reason",
    ]
    have = tables.columns("articles", out_dir)
    columns += [c for c in META if c not in columns and c in have]
    n, parts = partitions.partitions(
        out_dir, article_columns=columns, extra=("removed", *ARTICLE_TABLES)
    )
    return sum(
        engine.map_partitions(
            write_article_part,
            parts,
            engine=engine_name,
            scheduler=scheduler,
            total=n,
            desc="pages",
            progress=progress,
            warm=environment,
            out_dir=str(out_dir),
        )
    )
