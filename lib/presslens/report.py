"""Write the HTML report: the start page and one evidence page per article.

Every string that comes from an article or its metadata is data, not markup: it passes through
``esc`` (html.escape with quotes) before it reaches a page, and URLs become links only when they
are http(s). Pages load nothing from the network and run no script.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CSS = """
body{font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1.2em;color:#1d1d1f}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em;width:100%}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f4f4f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.warn{background:#fff6e0;border-left:4px solid #e0a100;padding:.5em .9em;margin:.6em 0}
.note{color:#555;font-size:.92em}.finding{margin:.4em 0}
figure{margin:1.2em 0}figure img{max-width:100%;border:1px solid #eee}.svgfig svg{max-width:100%;height:auto;border:1px solid #eee}.svgfig a:hover path{opacity:.7}
section.point:target{background:#fff8d0}figcaption{font-size:.9em;color:#444}
.sent{border-radius:3px}.sent:target{background:#fff3a8;outline:2px solid #e0c000}
.sid{font-size:.7em;color:#888;text-decoration:none;margin-right:.15em;vertical-align:super}
p.para{margin:.7em 0}
mark{background:none;border-bottom:2px solid #999;padding:0 1px}
mark.mention{border-color:#1f77b4}mark.quote{background:#eef6ee;border-color:#2ca02c}
mark.frame{border-color:#d62728}mark.term{border-color:#9467bd;border-bottom-style:dashed}
mark.timex{border-color:#ff7f0e;border-bottom-style:dotted}mark.claim{border-color:#8c564b;border-bottom-style:double}
.legend mark{margin-right:1em}
code{font-size:.88em}
"""


def esc(value: object) -> str:
    """HTML-escape any value (None and NaN become an empty string)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def safe_href(url: object) -> str:
    """An escaped link target if `url` is http(s), else '' (javascript: and data: never link)."""
    s = str(url or "").strip()
    return esc(s) if s.lower().startswith(("http://", "https://")) else ""


def page(title: str, body: str) -> str:
    """A complete offline HTML page (no scripts, no remote resources)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>{CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def table(df: pd.DataFrame, *, links: dict[str, str] | None = None, numeric: Iterable[str] = ()) -> str:
    """An escaped HTML table; `links` maps a column to another column holding its href."""
    links = links or {}
    numeric = set(numeric)
    shown = [c for c in df.columns if c not in set(links.values())]
    head = "".join(f"<th>{esc(c)}</th>" for c in shown)
    rows = []
    for rec in df.to_dict("records"):
        cells = []
        for c in shown:
            text = esc(rec[c])
            if c in links and rec.get(links[c]):
                text = f'<a href="{esc(rec[links[c]])}">{text}</a>'
            cells.append(f'<td class="num">{text}</td>' if c in numeric else f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def sentence_href(article_id: str, sent_id: int | None = None, *, prefix: str = "articles/") -> str:
    """Relative link to an article page, or to one sentence on it."""
    anchor = f"#s{int(sent_id)}" if sent_id is not None and not pd.isna(sent_id) else ""
    return f"{prefix}{article_id}.html{anchor}"


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of article text."""

    start: int
    end: int
    kind: str  # css class: mention, quote, frame, term, timex
    label: str


def highlight(text: str, spans: Sequence[Span]) -> str:
    """Escape `text` and wrap highlighted stretches in <mark> (overlaps become nested segments)."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a < 0 or b > len(text) or a >= b:
            continue
        cover = [s for s in spans if s.start <= a and s.end >= b]
        piece = esc(text[a:b])
        for s in cover:
            piece = f'<mark class="{esc(s.kind)}" title="{esc(s.label)}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def article_body(text: str, sentences: pd.DataFrame, spans: Sequence[Span]) -> str:
    """Clean text as paragraphs, each sentence an anchored span with its highlights."""
    paras, pos = [], 0
    sents = sentences.sort_values("start")
    para: list[str] = []
    for rec in sents.itertuples(index=False):
        gap = text[pos:rec.start]
        if "\n" in gap and para:
            paras.append(para)
            para = []
        inner = [Span(max(s.start, rec.start) - rec.start, min(s.end, rec.end) - rec.start, s.kind, s.label) for s in spans if s.start < rec.end and s.end > rec.start]
        para.append(
            f'<span class="sent" id="s{rec.sent_id}"><a class="sid" href="#s{rec.sent_id}">{rec.sent_id}</a>'
            f"{highlight(text[rec.start:rec.end], inner)}</span>"
        )
        pos = rec.end
    if para:
        paras.append(para)
    return "\n".join(f'<p class="para">{" ".join(p)}</p>' for p in paras)


def article_page(article: dict, sentences: pd.DataFrame, removed: pd.DataFrame, spans: Sequence[Span] = (), extra: str = "") -> str:
    """The evidence page of one article."""
    meta = pd.DataFrame(
        [(k, article.get(k)) for k in ("article_id", "file", "outlet", "published", "status", "reason", "source", "title_basis", "raw_sha256")],
        columns=["field", "value"],
    )
    raw_url = esc(article.get("url"))
    url = safe_href(article.get("url"))
    link = f'<p>Original: <a href="{url}" rel="noreferrer">{raw_url}</a></p>' if url else (f"<p>URL (not linked): {raw_url}</p>" if raw_url else "")
    kinds = sorted({s.kind for s in spans})
    legend = ('<p class="legend note">Highlights: ' + "".join(f'<mark class="{esc(k)}">{esc(k)}</mark>' for k in kinds) + " (hover for details)</p>") if kinds else ""
    body = [
        '<p><a href="../index.html">← report</a></p>',
        f"<h1>{esc(article.get('title') or article['article_id'])}</h1>",
        link,
        table(meta),
        "<h2>Clean text</h2>",
        '<p class="note">Each sentence carries its number (sent_id); link to one with <code>#sN</code>.</p>',
        legend,
        article_body(article.get("text") or "", sentences, spans) or "<p>(no text: see status and reason above)</p>",
        extra,
        "<h2>Lines removed by cleaning</h2>",
        table(removed[["line", "rule", "text"]], numeric=["line"]) if len(removed) else "<p>None.</p>",
    ]
    return page(str(article.get("title") or article["article_id"]), "\n".join(body))


def write_article_pages(out_dir: str | Path, articles: pd.DataFrame, sentences: pd.DataFrame, removed: pd.DataFrame, spans: dict[str, list[Span]] | None = None, extras: dict[str, str] | None = None) -> list[Path]:
    """Write articles/<article_id>.html for every article; return the paths."""
    folder = Path(out_dir) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    by_sent = dict(tuple(sentences.groupby("article_id")))
    by_removed = dict(tuple(removed.groupby("article_id")))
    empty_s, empty_r = sentences.iloc[0:0], removed.iloc[0:0]
    written = []
    for rec in articles.to_dict("records"):
        aid = rec["article_id"]
        target = (folder / f"{aid}.html").resolve()
        if target.parent != folder.resolve():
            raise ValueError(f"article id {aid!r} would write outside {folder}")
        html_text = article_page(rec, by_sent.get(aid, empty_s), by_removed.get(aid, empty_r), (spans or {}).get(aid, []), (extras or {}).get(aid, ""))
        target.write_text(html_text, encoding="utf-8")
        written.append(target)
    return written


def inline_svg(svg: str) -> str:
    """A figure's SVG file made fit to sit inside a page of the run folder: no XML prologue, links
    relative to the run folder rather than to figures/, opening in the same tab."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    return body.replace('xlink:href="../', 'xlink:href="').replace(' href="../', ' href="').replace(' target="_blank"', "")


def figure_block(out_dir: str | Path, name: str, caption: str) -> str:
    """A figure with its caption and links to its SVG and CSV. A figure whose points link to their
    sentences (it has figures/<name>.evidence.csv) is shown as inline SVG, so the points are clickable."""
    folder = Path(out_dir) / "figures"
    svg, evidence = folder / f"{name}.svg", folder / f"{name}.evidence.csv"
    links = f'[<a href="figures/{esc(name)}.svg">SVG</a> · <a href="figures/{esc(name)}.csv">data (CSV)</a>'
    if evidence.exists() and svg.exists():
        graphic = f'<div class="svgfig" role="img" aria-label="{esc(caption)}">{inline_svg(svg.read_text(encoding="utf-8"))}</div>'
        links += f' · <a href="figures/{esc(name)}.evidence.csv">points and their sentences (CSV)</a>]'
        caption_note = " Click a point, bar or cell to see the sentences behind it."
    else:
        graphic = f'<img src="figures/{esc(name)}.png" alt="{esc(caption)}">'
        links += "]"
        caption_note = ""
    return f'<figure id="{esc(name)}">{graphic}<figcaption>{esc(caption)}{caption_note} {links}</figcaption></figure>'


def evidence_page(out_dir: str | Path, sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> str | None:
    """evidence.html: for every linked figure, one anchored section per point listing its sentences.

    Returns the page, or None when no figure has evidence. Sentence text comes from `sentences`
    (article_id, sent_id, text); a row without sent_id stands for the whole article.
    """
    from presslens import figures  # the figure captions and evidence files

    folder = Path(out_dir) / "figures"
    caps = figures.captions(out_dir)
    files = [(n, folder / f"{n}.evidence.csv") for n in caps if (folder / f"{n}.evidence.csv").exists()]
    if not files:
        return None
    texts = {(a, int(s)): t for a, s, t in sentences[["article_id", "sent_id", "text"]].itertuples(index=False)}
    titles = dict(zip(articles["article_id"], articles["title"].fillna(""))) if articles is not None and "title" in articles else {}
    body = ['<p><a href="index.html">← report</a></p>', "<h1>Figure points and the sentences behind them</h1>",
            '<p class="note">Each section is one point, bar or cell of a figure on the start page; a click there leads here. '
            "Sentences link to their place in the article.</p>"]
    for name, path in files:
        ev = pd.read_csv(path, dtype={"point": str, "article_id": str, "label": str, "note": str, "anchor": str}, keep_default_na=False)
        body.append(f'<h2 id="{esc(name)}">{esc(caps[name])}</h2>')
        for anchor, g in ev.groupby("anchor", sort=False):
            first = g.iloc[0]
            shown = f" (the first {len(g)} of {int(first['n_point'])})" if int(first["n_point"]) > len(g) else ""
            items = []
            for r in g.itertuples(index=False):
                sid = pd.to_numeric(r.sent_id, errors="coerce")
                if pd.isna(sid):
                    href, where, text = sentence_href(r.article_id), esc(r.article_id), esc(titles.get(r.article_id, "")) or "(whole article)"
                else:
                    href, where, text = sentence_href(r.article_id, int(sid)), f"{esc(r.article_id)} #s{int(sid)}", esc(texts.get((r.article_id, int(sid)), ""))
                note = f' <span class="note">[{esc(r.note)}]</span>' if r.note else ""
                items.append(f'<li><a href="{href}">{where}</a>: {text}{note}</li>')
            body.append(f'<section class="point" id="{esc(anchor)}"><h3>{esc(first["label"])}</h3>'
                        f'<p class="note">{int(first["n_point"])} sentence(s){shown}</p><ul>{"".join(items)}</ul></section>')
    return page("Figure evidence", "\n".join(body))


def write_evidence_page(out_dir: str | Path, sentences: pd.DataFrame, articles: pd.DataFrame | None = None) -> Path | None:
    """Write evidence.html into the run folder when any figure has evidence; return its path."""
    text = evidence_page(out_dir, sentences, articles)
    if text is None:
        return None
    target = Path(out_dir) / "evidence.html"
    target.write_text(text, encoding="utf-8")
    return target


def manifest_block(manifest: dict) -> str:
    """Inputs with hashes, parameters and versions from manifest.json, as tables."""
    inputs = pd.DataFrame(sorted(manifest.get("inputs", {}).items()), columns=["input", "sha256"])
    params = pd.DataFrame([(k, json.dumps(v)) for k, v in manifest.get("parameters", {}).items()], columns=["parameter", "value"])
    vers = pd.DataFrame(sorted(manifest.get("versions", {}).items()), columns=["package", "version"])
    res = pd.DataFrame(sorted(manifest.get("resources", {}).items()), columns=["resource or lexicon", "sha256 / version"])
    return "\n".join([
        '<p class="note">From <a href="manifest.json">manifest.json</a>, which also records the time each notebook took.</p>',
        "<h3>Inputs</h3>", table(inputs), "<h3>Parameters</h3>", table(params),
        "<h3>Versions</h3>", table(vers), "<h3>Resources and lexicons</h3>", table(res),
    ])


HIGHLIGHTS = {
    # table: (css class, function building the hover label from a row)
    "mentions": ("mention", lambda r: f"actor: {r.get('actor', '')}"),
    "quotes": ("quote", lambda r: f"{r.get('kind', '')} quote, speaker: {r.get('speaker_actor') or r.get('speaker', '')}, cue: {r.get('cue', '')}"),
    "frames": ("frame", lambda r: f"{r.get('scheme', '')} frame: {r.get('frame', '')}"),
    "terms": ("term", lambda r: f"naming: {r.get('concept', '')} = {r.get('variant', '')}"),
    "timex": ("timex", lambda r: f"{r.get('type', '')} {r.get('value', '')} ({r.get('anchor', '')})"),
    "claims": ("claim", lambda r: f"claim: {r.get('quantity', '')} = {r.get('value', '')}"),
}


def spans_by_article(found: dict[str, pd.DataFrame]) -> dict[str, list[Span]]:
    """Highlight spans for every article from whichever evidence tables exist (start/end into articles.text)."""
    out: dict[str, list[Span]] = {}
    for name, df in found.items():
        if name not in HIGHLIGHTS or df is None or df.empty:
            continue
        kind, describe = HIGHLIGHTS[name]
        for rec in df.to_dict("records"):
            if pd.isna(rec.get("start")) or pd.isna(rec.get("end")):
                continue
            out.setdefault(rec["article_id"], []).append(Span(int(rec["start"]), int(rec["end"]), kind, describe(rec)))
    return out


def evidence_lists(found: dict[str, pd.DataFrame], *, columns: dict[str, list[str]]) -> dict[str, str]:
    """Per article, one small table per evidence table (quotes, frames, ...), each row linked to its sentence."""
    out: dict[str, list[str]] = {}
    for name, cols in columns.items():
        df = found.get(name)
        if df is None or df.empty:
            continue
        for aid, g in df.groupby("article_id", sort=True):
            view = g.assign(href=[f"#s{int(s)}" for s in g["sent_id"]])[["sent_id", "href", *[c for c in cols if c in g.columns]]]
            out.setdefault(aid, []).append(f"<h3>{esc(name.replace('_', ' ').capitalize())}</h3>" + table(view, links={"sent_id": "href"}))
    return {aid: "<h2>Evidence found in this article</h2>" + "".join(parts) for aid, parts in out.items()}
