"""Sections of the start page (index.html), each built from the chain's tables."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from presslens import figures, report
from presslens.report import esc

MAX_ROWS = 200  # longest table shown on the start page; the full tables are in data/


def corpus_facts(articles: pd.DataFrame) -> dict:
    """Counts behind the corpus summary: inputs, statuses, outlets, date range, undated."""
    ok = articles[articles["status"] == "ok"]
    dated = ok["published"].dropna()
    return {
        "inputs": len(articles),
        "ok": len(ok),
        "duplicate": int((articles["status"] == "duplicate").sum()),
        "quarantined": int((articles["status"] == "quarantined").sum()),
        "outlets": int(ok["outlet"].dropna().nunique()),
        "first": dated.min() if len(dated) else None,
        "last": dated.max() if len(dated) else None,
        "undated": int(ok["published"].isna().sum()),
    }


def warnings(articles: pd.DataFrame, quarantine: pd.DataFrame, *, min_articles: int = 30) -> list[str]:
    """Plain-English warnings a reader must see: small n, undated articles, quarantined inputs."""
    f = corpus_facts(articles)
    out = []
    if f["ok"] < min_articles:
        out.append(f"Only {f['ok']} article(s) were analysed: every comparison between outlets or over time rests on very few texts, so treat differences as descriptions of these articles, not of the outlets.")
    if f["undated"]:
        out.append(f"{f['undated']} analysed article(s) have no publication date: they are kept in every analysis that does not need a date and left out of charts over time.")
    if f["quarantined"]:
        out.append(f"{f['quarantined']} input(s) were quarantined and not analysed (reasons below).")
    meta = quarantine[quarantine.get("kind", pd.Series(dtype=str)) == "metadata"] if "kind" in quarantine else quarantine.iloc[0:0]
    if len(meta):
        out.append(f"{len(meta)} problem(s) with the metadata were found (listed under Quarantine).")
    if f["duplicate"]:
        out.append(f"{f['duplicate']} article(s) repeat another one and are counted once.")
    return out


def corpus_section(articles: pd.DataFrame, sentences: pd.DataFrame) -> str:
    """The corpus summary in words and the table of articles with links to their pages."""
    f = corpus_facts(articles)
    span = f"published {esc(f['first'])} to {esc(f['last'])}" if f["first"] else "with no publication dates"
    undated = f", {f['undated']} undated" if f["undated"] else ""
    words = (
        f"<p>{f['inputs']} input article(s): {f['ok']} analysed, {f['duplicate']} duplicate, {f['quarantined']} quarantined "
        f"(inputs = analysed + duplicate + quarantined). The analysed articles come from {f['outlets']} outlet(s), {span}"
        f"{undated}, and hold {len(sentences)} sentences.</p>"
    )
    n_sent = sentences.groupby("article_id").size()
    view = articles.assign(
        sentences=articles["article_id"].map(n_sent).fillna(0).astype(int),
        href=[report.sentence_href(a) for a in articles["article_id"]],
        title=articles["title"].fillna("").map(lambda t: t if len(t) <= 110 else t[:107] + "…"),
    )[["article_id", "href", "outlet", "published", "title", "status", "reason", "sentences"]]
    note = f'<p class="note">First {MAX_ROWS} of {len(view)} shown; all are in data/articles.csv.</p>' if len(view) > MAX_ROWS else ""
    return words + table_or_none(view.head(MAX_ROWS), links={"article_id": "href"}, numeric=["sentences"]) + note


def table_or_none(df: pd.DataFrame, **kw) -> str:
    """report.table, or 'None.' for an empty table."""
    return report.table(df, **kw) if len(df) else "<p>None.</p>"


def cleaning_section(removed: pd.DataFrame, rules: list) -> str:
    """What cleaning removed, by rule, with every removed line linked to its article."""
    desc = {r.name: r.description for r in rules}
    counts = removed.groupby("rule").agg(lines=("line", "size"), articles=("article_id", "nunique")).reset_index()
    counts["what the rule removes"] = counts["rule"].map(desc).fillna("")
    lines = removed.assign(href=[report.sentence_href(a) for a in removed["article_id"]])[["article_id", "href", "line", "rule", "text"]]
    note = f'<p class="note">First {MAX_ROWS} of {len(lines)} lines shown; all are in data/removed.csv.</p>' if len(lines) > MAX_ROWS else ""
    return (
        f"<p>Cleaning removed {len(removed)} line(s) or bracketed notes from {removed['article_id'].nunique()} article(s). "
        "Every removal is listed with the rule that made it; rules are in <code>presslens/resources/cleaning.yaml</code>.</p>"
        + table_or_none(counts[["rule", "what the rule removes", "lines", "articles"]], numeric=["lines", "articles"])
        + "<details><summary>Every removed line</summary>"
        + table_or_none(lines.head(MAX_ROWS), links={"article_id": "href"}, numeric=["line"]) + note + "</details>"
    )


def quarantine_section(quarantine: pd.DataFrame) -> str:
    """Inputs and metadata rows that could not be analysed, with the reason."""
    return table_or_none(quarantine.head(MAX_ROWS))


def figures_section(out_dir: str | Path) -> str:
    """Every figure of the run with its caption, SVG and CSV."""
    caps = figures.captions(out_dir)
    return "\n".join(report.figure_block(out_dir, n, c) for n, c in caps.items()) or "<p>No figures.</p>"


def notebooks_section(out_dir: str | Path, names: list[str]) -> str:
    """Links to every executed notebook, as HTML and as .ipynb."""
    items = "".join(f'<li><a href="html/{esc(n)}.html">{esc(n)}</a> (<a href="notebooks/{esc(n)}.ipynb">ipynb</a>)</li>' for n in names)
    return f"<ul>{items}</ul>"


def manifest(out_dir: str | Path) -> dict:
    """The run's manifest.json (empty when absent)."""
    path = Path(out_dir) / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def index_page(title: str, question: str, sections: list[tuple[str, str, str]], warns: list[str]) -> str:
    """The start page: question, warnings, then (anchor, heading, html) sections with a contents list."""
    toc = "".join(f'<li><a href="#{esc(a)}">{esc(h)}</a></li>' for a, h, _ in sections)
    warn_html = "".join(f'<div class="warn">{esc(w)}</div>' for w in warns)
    body = [f"<h1>{esc(title)}</h1>", f"<p><strong>Question.</strong> {esc(question)}</p>", warn_html, f"<nav><ol>{toc}</ol></nav>"]
    body += [f'<h2 id="{esc(a)}">{esc(h)}</h2>\n{html}' for a, h, html in sections]
    return report.page(title, "\n".join(body))


def with_links(df: pd.DataFrame, *, article: str = "article_id", sent: str = "sent_id", prefix: str = "articles/") -> pd.DataFrame:
    """Add an `href` column linking each row to its sentence on the article's evidence page."""
    hrefs = [report.sentence_href(a, s, prefix=prefix) for a, s in zip(df[article], df[sent] if sent in df else [None] * len(df))]
    return df.assign(href=hrefs)


def claims_section(divergence: pd.DataFrame, claims: pd.DataFrame) -> str:
    """The divergence table (claims side by side, each linked to its sentence) and the count of all claims."""
    if divergence.empty:
        lead = "<p>No quantity is claimed by more than one article.</p>"
    else:
        verdicts = divergence.drop_duplicates("quantity")["verdict"].value_counts()
        lead = (
            f"<p>{divergence['quantity'].nunique()} quantities are stated by more than one article: "
            + ", ".join(f"{n} {esc(v)}" for v, n in verdicts.items())
            + ". <em>Change over time</em>: the numbers differ but the articles were published on different dates; "
            "<em>disagree</em>: they differ for the same date or without dates; <em>agree</em>: the same value "
            "(approximate claims within 10%). Click a claim to see its sentence.</p>"
        )
    view = with_links(divergence)[["quantity", "verdict", "claim", "href", "article_id", "outlet", "published", "refers_to"]] if len(divergence) else divergence
    all_claims = with_links(claims)[["article_id", "sent_id", "href", "text", "quantity", "counts", "value", "bound", "refers_to", "refers_basis"]] if len(claims) else claims
    return (
        lead + (report.table(view, links={"claim": "href"}) if len(view) else "")
        + f"<details><summary>All {len(claims)} numeric and year claims</summary>"
        + (report.table(all_claims.head(MAX_ROWS), links={"text": "href"}, numeric=["value", "sent_id"]) if len(claims) else "<p>None.</p>")
        + "</details>"
    )


def contrasts_section(contrasts: pd.DataFrame, *, k: int = 8) -> str:
    """The most distinctive words per outlet with z-scores."""
    if contrasts.empty:
        return "<p>Fewer than two outlets: no contrasts.</p>"
    best = contrasts.sort_values(["group", "z"], ascending=[True, False]).groupby("group").head(k)
    best = best.assign(z=best["z"].round(2), delta=best["delta"].round(3))[["group", "feature", "count", "count_rest", "delta", "z"]]
    return (
        "<p>Words each outlet uses more than the others: log-odds ratios with an informative Dirichlet prior "
        "(Monroe, Colaresi &amp; Quinn 2008), the prior being the whole corpus's word counts. |z| &gt; 1.96 is the "
        "conventional threshold; with one or two articles per outlet these describe articles, not editorial lines.</p>"
        + report.table(best.rename(columns={"group": "outlet", "feature": "word"}), numeric=["count", "count_rest", "delta", "z"])
    )
