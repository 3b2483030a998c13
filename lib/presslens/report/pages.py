"""Write the HTML report: the start page, the evidence page and one page per article.

Pages are rendered from the Jinja2 templates in ``presslens/report/templates`` with autoescape on:
every string that comes from an article, its metadata or a table reaches a page as text and is
escaped there; URLs become links only when they are http(s). The figures' SVG, drawn by
matplotlib, is the one piece of markup passed through as it is. Pages load nothing from the
network. The start page runs one script, from files written next to it (assets/: DataTables as
itables ships it offline), which makes its tables of more than `parts.INTERACTIVE_ROWS` rows
sortable and filterable; its content security policy allows no other script. Page sizes are
bounded: tables show at most `parts.MAX_ROWS` rows and link their full CSV (`report.parts`). Ids
become names (`summary.names`) before a page is rendered.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from presslens.report.parts import Part, block, sentence_href


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
    from presslens.report.summary import names

    texts, titles = _evidence_texts(out_dir, [ev for _, ev in loaded])
    known = names.load(out_dir)
    figs = [
        {"name": name, "caption": caps[name], "points": _evidence_points(ev, texts, titles, known)}
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
    ev: pd.DataFrame, texts: dict[tuple[str, int], str], titles: dict[str, str], known: Any
) -> list[dict[str, Any]]:
    """One figure's points, each with its label (names for actor ids), how many sentences it has
    and those listed, each linked by its article's outlet and date (its headline on hover)."""
    from presslens.report.summary import names

    pattern = names.id_pattern(known)
    points = []
    for anchor, g in ev.groupby("anchor", sort=False):
        items, seen = [], set()
        for r in g.itertuples(index=False):
            sid = pd.to_numeric(r.sent_id, errors="coerce")
            where = known.short.get(r.article_id, r.article_id)
            if pd.isna(sid):
                href = sentence_href(r.article_id)
                text = titles.get(r.article_id, "") or "(whole article)"
            else:
                where, href = f"{where}, sentence {int(sid)}", sentence_href(r.article_id, int(sid))
                text = texts.get((r.article_id, int(sid)), "")
            # the headline on hover, once per article of a point (a page lists thousands)
            headline = "" if r.article_id in seen else known.long.get(r.article_id, "")
            seen.add(r.article_id)
            items.append(
                {"href": href, "where": where, "headline": headline, "text": text, "note": r.note}
            )
        first = g.iloc[0]
        points.append(
            {
                "anchor": anchor,
                "label": names.name_text(str(first["label"]), known, pattern),
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
    """Write index.html from its sections, names for ids, and the scripts that make its larger
    tables sortable and filterable (in assets/, next to the page)."""
    from presslens.report.summary import names

    known = names.load(out_dir)
    named = [Section(s.id, s.heading, names.name_blocks(s.blocks, known)) for s in sections]
    target = Path(out_dir) / "index.html"
    target.write_text(
        render(
            "index.html.j2",
            title=title,
            question=question,
            warnings=warnings,
            sections=named,
            assets=write_assets(out_dir),
        ),
        encoding="utf-8",
    )
    return target


# ---- interactive tables --------------------------------------------------------------------

ASSETS = "assets"  # folder next to the start page holding its scripts and styles
BUNDLE_GLOBAL = "PresslensDataTables"  # the name the DataTables bundle's exports get
_EXPORT = re.compile(r"(?<![\w$.])export\s*\{([^}]*)\}\s*;?")


def classic_script(module: str, *, name: str = BUNDLE_GLOBAL) -> str:
    """An ES module with one `export {a as b, ...}` list and no imports rewritten as a classic
    script that puts its exports on `window[name]` (a page opened from the file system cannot
    import a module)."""
    found = list(_EXPORT.finditer(module))
    if len(found) != 1:
        raise ValueError("the module has not exactly one export list")
    m = found[0]
    pairs = [x.strip().partition(" as ") for x in m.group(1).split(",") if x.strip()]
    exports = ",".join(f"{(alias or local).strip()}:{local.strip()}" for local, _, alias in pairs)
    body = module[: m.start()] + module[m.end() :]
    return f'(function(){{"use strict";\n{body}\nwindow.{name}={{{exports}}};\n}})();\n'


def write_assets(out_dir: str | Path) -> bool:
    """Write assets/: DataTables as shipped by itables (offline bundle), its CSS and the script
    that enhances the start page's interactive tables; False (and nothing written) without
    itables."""
    from importlib import resources as importlib_resources

    try:
        bundle = importlib_resources.files("itables") / "html"
        js, css = (bundle / "dt_bundle.js").read_text("utf-8"), (bundle / "dt_bundle.css")
        script = classic_script(js)
    except (ModuleNotFoundError, FileNotFoundError, ValueError):
        return False
    folder = Path(out_dir) / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    own = importlib_resources.files("presslens.report") / "templates" / "tables.js"
    for target, text in (
        ("datatables.js", script),
        ("datatables.css", css.read_text("utf-8")),
        ("tables.js", own.read_text("utf-8")),
    ):
        (folder / target).write_text(text, encoding="utf-8")
    return True


def findings_html(items: list[list[Part]], *, prefix: str = "../") -> Markup:
    """The findings as an HTML list for a notebook, whose links must lead `prefix` up to the run
    folder."""
    return Markup(render("findings.html.j2", items=items, prefix=prefix))
