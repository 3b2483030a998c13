"""Write the HTML report: the start page, the evidence page and one page per article.

Pages are rendered from the Jinja2 templates in ``presslens/report/templates`` with autoescape on:
every
string that comes from an article, its metadata or a table reaches a page as text and is escaped
there; URLs become links only when they are http(s). The figures' SVG, drawn by matplotlib, is the
one piece of markup passed through as it is. Pages load nothing from the network and run no
script. Page sizes are bounded: tables show at most `MAX_ROWS` rows and link their full CSV.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import pandas as pd
from markupsafe import Markup

MAX_ROWS = 25  # rows of any table on a page; the full table is linked as CSV


# ---- values and tables ---------------------------------------------------------------------


def fmt(value: object) -> str:
    """A value as a reader wants it: 1,234 for counts, three decimals for scores, '' for missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return ""
        return (
            f"{v:,.0f}"
            if abs(v) >= 1000 or (v.is_integer() and abs(v) >= 1)
            else f"{v:,.1f}"
            if abs(v) >= 100
            else f"{v:.3f}"
        )
    return str(value)


@dataclass(frozen=True)
class Part:
    """A piece of a sentence on a page: text, a link when `href` is set."""

    text: str
    href: str = ""


@dataclass(frozen=True)
class Cell:
    """A table cell: formatted text, an optional link, right-aligned when numeric."""

    text: str
    href: str = ""
    numeric: bool = False


@dataclass
class Table:
    """A table for a page: at most MAX_ROWS rows, the total row count and the CSV with all of
    them."""

    columns: list[str]
    rows: list[list[Cell]]
    total: int
    csv: str = ""
    order: str = ""
    empty: str = "None."


def table(
    df: pd.DataFrame,
    *,
    links: dict[str, str] | None = None,
    numeric: Iterable[str] = (),
    limit: int = MAX_ROWS,
    csv: str = "",
    total: int | None = None,
    order: str = "",
    empty: str = "None.",
    labels: dict[str, str] | None = None,
) -> Table:
    """A page table from a DataFrame: the first `limit` rows, numbers formatted; `links` maps a
    column to the column holding its href (which is not shown); `total` defaults to len(df)."""
    return records_table(
        df.head(limit).to_dict("records"),
        list(df.columns),
        links=links,
        numeric=numeric,
        limit=limit,
        csv=csv,
        total=len(df) if total is None else int(total),
        order=order,
        empty=empty,
        labels=labels,
    )


def records_table(
    records: Sequence[dict],
    columns: list[str],
    *,
    links: dict[str, str] | None = None,
    numeric: Iterable[str] = (),
    limit: int = MAX_ROWS,
    csv: str = "",
    total: int | None = None,
    order: str = "",
    empty: str = "None.",
    labels: dict[str, str] | None = None,
) -> Table:
    """`table` from rows as dicts (no DataFrame: thousands of small tables a second)."""
    links, numeric, labels = links or {}, set(numeric), labels or {}
    shown = [c for c in columns if c not in set(links.values())]
    rows = [
        [
            Cell(
                fmt(rec.get(c)),
                str(rec[links[c]]) if c in links and rec.get(links[c]) else "",
                c in numeric,
            )
            for c in shown
        ]
        for rec in records[:limit]
    ]
    return Table(
        [labels.get(c, c) for c in shown],
        rows,
        len(records) if total is None else int(total),
        csv,
        order,
        empty,
    )


def sentence_href(article_id: str, sent_id: int | None = None, *, prefix: str = "articles/") -> str:
    """Relative link to an article page, or to one sentence on it."""
    anchor = f"#s{int(sent_id)}" if sent_id is not None and not pd.isna(sent_id) else ""
    return f"{prefix}{article_id}.html{anchor}"


def safe_href(url: object) -> str:
    """`url` if it is http(s), else '' (javascript: and data: never link)."""
    s = str(url or "").strip()
    return s if s.lower().startswith(("http://", "https://")) else ""


def block(kind: str, **kw: Any) -> dict[str, Any]:
    """A block of a page section: p (parts), h3 (text), list (entries, each a list of parts), table,
    figure, details (summary, blocks)."""
    return {"kind": kind, "cls": "", **kw}


# ---- templates -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the report templates (autoescape on for every template)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("presslens.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )


def render(template: str, **context: Any) -> str:
    """Render one of the report templates."""
    return environment().get_template(template).render(**context)


# ---- figures and their evidence ------------------------------------------------------------


# what precedes the root element of an SVG file: the XML declaration, the doctype, comments
_PROLOGUE = re.compile(r"\A(?:\s*(?:<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->))*\s*", re.S)


def inline_svg(svg: str) -> str:
    """A figure's SVG file made fit to sit inside a page of the run folder: no XML prologue, links
    relative to the run folder rather than to figures/, opening in the same tab."""
    body = _PROLOGUE.sub("", svg, count=1)
    body = re.sub(r"\n[ \t]+", "\n", body)  # the indentation is a fifth of the file
    return (
        body.replace('xlink:href="../', 'xlink:href="')
        .replace(' href="../', ' href="')
        .replace(' target="_blank"', "")
    )


def figure_blocks(out_dir: str | Path) -> list[dict[str, Any]]:
    """Every figure of the run, in name order: drawn (with caption, inline SVG when its points link
    to sentences) or absent (with the reason)."""
    from presslens.report import figures

    folder = Path(out_dir) / "figures"
    caps, absent = figures.captions(out_dir), figures.absent_figures(out_dir)
    out = []
    for name in sorted({*caps, *absent}):
        if name in absent:
            out.append(
                block(
                    "figure",
                    figure={"name": name, "absent": absent[name], "caption": "", "svg": ""},
                )
            )
            continue
        svg_path, ev = folder / f"{name}.svg", folder / f"{name}.evidence.csv"
        svg = (
            Markup(inline_svg(svg_path.read_text(encoding="utf-8")))
            if ev.exists() and svg_path.exists()
            else ""
        )
        out.append(
            block("figure", figure={"name": name, "absent": "", "caption": caps[name], "svg": svg})
        )
    return out


def _sentence_texts(out_dir: str | Path, pairs: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The text of each (article_id, sent_id) asked for, read only from those articles' rows."""
    from presslens.core import tables

    ids = {a for a, _ in pairs}
    out: dict[tuple[str, int], str] = {}
    if not ids or not tables.exists("sentences", out_dir):
        return out
    for part in tables.parts(
        "sentences", out_dir, columns=["article_id", "sent_id", "text"], articles=ids
    ):
        for a, s, t in part.itertuples(index=False):
            if (a, int(s)) in pairs:
                out[(a, int(s))] = t
    return out


EVIDENCE_DTYPES = {"point": str, "article_id": str, "label": str, "note": str, "anchor": str}


def write_evidence_page(out_dir: str | Path) -> Path | None:
    """evidence.html: for every linked figure, one anchored section per point listing its sentences
    (at most 40 each, as the figure's evidence CSV); None when no figure links to sentences."""
    from presslens.report import figures

    folder = Path(out_dir) / "figures"
    caps = figures.captions(out_dir)
    loaded = [
        (n, pd.read_csv(folder / f"{n}.evidence.csv", dtype=EVIDENCE_DTYPES, keep_default_na=False))
        for n in sorted(caps)
        if (folder / f"{n}.evidence.csv").exists()
    ]
    if not loaded:
        return None
    texts, titles = _evidence_texts(out_dir, [ev for _, ev in loaded])
    figs = [
        {"name": name, "caption": caps[name], "points": _evidence_points(ev, texts, titles)}
        for name, ev in loaded
    ]
    target = Path(out_dir) / "evidence.html"
    target.write_text(
        render("evidence.html.j2", title="Figure evidence", figures=figs), encoding="utf-8"
    )
    return target


def _evidence_texts(
    out_dir: str | Path, evidence: list[pd.DataFrame]
) -> tuple[dict[tuple[str, int], str], dict[str, str]]:
    """The text of every sentence the evidence lists, and the titles of the articles it lists as
    a whole (no sentence)."""
    from presslens.core import tables

    rows = [(a, str(s).strip()) for ev in evidence for a, s in zip(ev["article_id"], ev["sent_id"])]
    pairs = {(a, int(float(s))) for a, s in rows if s not in ("", "nan")}
    whole = {a for a, s in rows if s in ("", "nan")}
    titles: dict[str, str] = {}
    if whole:
        a = tables.read("articles", out_dir, columns=["article_id", "title"])
        titles = dict(zip(a["article_id"], a["title"].fillna("")))
    return _sentence_texts(out_dir, pairs), titles


def _evidence_points(
    ev: pd.DataFrame, texts: dict[tuple[str, int], str], titles: dict[str, str]
) -> list[dict[str, Any]]:
    """One figure's points, each with its label, how many sentences it has and those listed."""
    points = []
    for anchor, g in ev.groupby("anchor", sort=False):
        items = []
        for r in g.itertuples(index=False):
            sid = pd.to_numeric(r.sent_id, errors="coerce")
            if pd.isna(sid):
                where, href = r.article_id, sentence_href(r.article_id)
                text = titles.get(r.article_id, "") or "(whole article)"
            else:
                where, href = f"{r.article_id} #s{int(sid)}", sentence_href(r.article_id, int(sid))
                text = texts.get((r.article_id, int(sid)), "")
            items.append({"href": href, "where": where, "text": text, "note": r.note})
        first = g.iloc[0]
        points.append(
            {
                "anchor": anchor,
                "label": first["label"],
                "total": int(first["n_point"]),
                "sentences": items,
            }
        )
    return points


# ---- the start page ------------------------------------------------------------------------


@dataclass
class Section:
    """A section of the start page: an anchor, a heading and its blocks."""

    id: str
    heading: str
    blocks: list[dict[str, Any]] = field(default_factory=list)


def write_index(
    out_dir: str | Path, *, title: str, question: str, warnings: list[str], sections: list[Section]
) -> Path:
    """Write index.html from its sections."""
    target = Path(out_dir) / "index.html"
    target.write_text(
        render(
            "index.html.j2", title=title, question=question, warnings=warnings, sections=sections
        ),
        encoding="utf-8",
    )
    return target


def findings_html(items: list[list[Part]], *, prefix: str = "../") -> Markup:
    """The findings as an HTML list for a notebook, whose links must lead `prefix` up to the run
    folder."""
    return Markup(render("findings.html.j2", items=items, prefix=prefix))
