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


def link(article_id: str, sent_id: int | None = None, text: str | None = None) -> str:
    """An escaped link to an article page (or one sentence on it)."""
    label = text if text is not None else (f"{article_id} #{sent_id}" if sent_id is not None else article_id)
    return f'<a href="{esc(report.sentence_href(article_id, sent_id))}">{esc(label)}</a>'


def snippet(text: str, n: int = 140) -> str:
    """A sentence shortened to n characters, in quotation marks unless it already starts with one."""
    short = text if len(text) <= n else text[: n - 1].rstrip() + "…"
    return short if short[:1] in "\"“„«'‘" else f"“{short}”"


def fmt_ci(tone: float, lo: float, hi: float) -> str:
    """'0.21 (95% CI 0.04 to 0.38)', or the value alone when there is no interval."""
    return f"{tone:+.2f} (95% CI {lo:+.2f} to {hi:+.2f})" if pd.notna(lo) else f"{tone:+.2f} (no interval)"


def sentiment_findings(article_sentiment: pd.DataFrame, sentiment_rows: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, method: str = "vader") -> list[str]:
    """Headline sentiment findings as HTML sentences, each linked to its articles or sentences."""
    from presslens import sentiment as sm

    out = []
    art = article_sentiment[article_sentiment["method"] == method].merge(articles[["article_id", "outlet"]], on="article_id")
    if art.empty:
        return out
    s = sentiment_rows[sentiment_rows["method"] == method]["compound"]
    neg, pos = (s <= -sm.THRESHOLD).mean(), (s >= sm.THRESHOLD).mean()
    out.append(f"Sentences lean {'positive' if pos > neg else 'negative'} by {method.upper() if method == 'vader' else method}: {pos:.0%} of {len(s)} sentences score positive and {neg:.0%} negative (the rest neutral), a mean of {s.mean():+.2f} on a -1 to +1 scale.")
    lo_row, hi_row = art.sort_values("tone").iloc[0], art.sort_values("tone").iloc[-1]
    out.append(
        f"Article tone ranges from {fmt_ci(lo_row.tone, lo_row.ci_low, lo_row.ci_high)} in {link(lo_row.article_id)} ({esc(lo_row.outlet)}) "
        f"to {fmt_ci(hi_row.tone, hi_row.ci_low, hi_row.ci_high)} in {link(hi_row.article_id)} ({esc(hi_row.outlet)})."
        + (" Their intervals overlap, so even these two are not clearly different." if pd.notna(lo_row.ci_high) and pd.notna(hi_row.ci_low) and lo_row.ci_high >= hi_row.ci_low else "")
    )
    ext = sm.extremes(sentiment_rows, sentences, method=method, k=1)
    for rec in ext.itertuples():
        out.append(f"The {esc(rec.end)} sentence ({rec.compound:+.2f}): {link(rec.article_id, rec.sent_id, snippet(rec.text, 160))}")
    methods = sorted(sentiment_rows["method"].unique())
    if len(methods) > 1:
        other = next(m for m in methods if m != method)
        ag = sm.agreement(sentiment_rows, a=method, b=other)
        dis = sm.disagreements(sentiment_rows, sentences, a=method, b=other, top=1)
        if len(dis):
            d = dis.iloc[0]
            out.append(
                f"The two lexicons ({method} and {other}) give the same label to {ag['same_label']:.0%} of sentences (Cohen's kappa {ag['cohen_kappa']:.2f}, Pearson r {ag['pearson_r']:.2f}); "
                f"they differ most on {link(d.article_id, int(d.sent_id), snippet(d.text, 120))} ({d[method]:+.2f} vs {d[other]:+.2f})."
            )
    return out


def sentiment_section(article_sentiment: pd.DataFrame, outlet_sentiment: pd.DataFrame, disagreements: pd.DataFrame, articles: pd.DataFrame) -> str:
    """Article and outlet tone tables with intervals and n, and the method disagreement table."""
    art = article_sentiment.merge(articles[["article_id", "outlet", "published"]], on="article_id")
    art = art.assign(href=[report.sentence_href(a) for a in art["article_id"]]).round(3)
    art = art[["article_id", "href", "outlet", "published", "method", "n_sentences", "tone", "ci_low", "ci_high", "share_negative", "share_positive"]]
    outl = outlet_sentiment.round(3)
    dis = with_links(disagreements).round(3) if len(disagreements) else disagreements
    return (
        "<p>Scores run from -1 (very negative) to +1 (very positive). An article's tone is the mean of its sentences' scores "
        "(scoring a whole article at once saturates); the interval is a bootstrap 95% interval over its sentences. An outlet's tone is "
        "the mean of its articles' tones with an interval over articles; with one article there is no interval and no comparison.</p>"
        "<h3>Articles</h3>" + report.table(art.head(MAX_ROWS), links={"article_id": "href"}, numeric=["n_sentences", "tone", "ci_low", "ci_high", "share_negative", "share_positive"])
        + "<h3>Outlets</h3>" + report.table(outl, numeric=["n_articles", "tone", "ci_low", "ci_high"])
        + "<h3>Sentences the two methods disagree on most</h3>"
        + (report.table(dis, links={"text": "href"}, numeric=[c for c in dis.columns if c not in {"article_id", "text", "href"}]) if len(dis) else "<p>None.</p>")
    )


def validation_section(validation: pd.DataFrame) -> str:
    """The validation table: each method against human labels, beside the published reference."""
    if validation.empty:
        return "<p>No validation was run.</p>"
    v = validation.copy()
    v["value"] = v["value"].round(3)
    return (
        "<p>How far the methods agree with people, on human-labelled data made by other researchers (details and licences in "
        "<code>eval/</code>; the notebook <a href=\"html/90-validate-methods.html\">90-validate-methods</a> shows the confusion matrices).</p>"
        + report.table(v, numeric=["value", "n", "reference"])
    )


def claim_findings(divergence: pd.DataFrame) -> list[str]:
    """One finding per quantity that articles state differently, with links to the claims."""
    out = []
    for quantity, g in divergence.groupby("quantity", sort=True):
        if g["verdict"].iloc[0] == "agree":
            continue
        parts = [f"{link(r.article_id, int(r.sent_id), r.claim)} ({esc(r.outlet)}, {esc(r.published) if isinstance(r.published, str) else 'undated'})" for r in g.itertuples()]
        verdict = g["verdict"].iloc[0]
        why = "the articles were published on different dates, so the number may have changed in between" if verdict == "change over time" else "for the same date or without dates: the articles disagree"
        out.append(f"Articles state different numbers for {esc(quantity)}: " + " vs ".join(parts) + f"; {why}.")
    return out


def findings_section(findings: list[str]) -> str:
    """The findings as a list (each item is already escaped HTML with links)."""
    return "<ul>" + "".join(f'<li class="finding">{f}</li>' for f in findings) + "</ul>" if findings else "<p>No findings.</p>"


def evidence_links(evidence: str) -> str:
    """'a#s3 b#s5' as links to those sentences."""
    out = []
    for item in str(evidence or "").split():
        aid, _, sid = item.partition("#s")
        out.append(link(aid, int(sid)) if sid.isdigit() else link(aid))
    return ", ".join(out)


def timeline_findings(groups: pd.DataFrame, coverage_left_out: int) -> list[str]:
    """Findings on what the articles reach back to, and which events several articles share."""
    if groups.empty:
        return []
    first, last = groups.iloc[0], groups.iloc[-1]
    out = [f"The articles reach back to {esc(first.label)} ({evidence_links(first.evidence)}); the latest dated event is {esc(last.label)}, {esc(last.begin)} ({evidence_links(last.evidence)})."]
    shared = groups[groups["n_articles"] > 1]
    if len(shared):
        items = "; ".join(f"{esc(r.label)} in {r.n_articles} articles ({evidence_links(r.evidence)})" for r in shared.itertuples())
        out.append(f"Events several articles refer to: {items}.")
    if coverage_left_out:
        out.append(f"{coverage_left_out} article(s) have no publication date: their relative expressions (\u201crecent\u201d, \u201cnow\u201d) stay unresolved and they are left out of the coverage chart.")
    return out


def timeline_section(groups: pd.DataFrame, timex: pd.DataFrame) -> str:
    """The grouped events with their evidence, and every tagged expression linked to its sentence."""
    g = groups.copy()
    g["evidence"] = [evidence_links(e) for e in g["evidence"]]
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(r[c])}</td>" for c in ("event_id", "begin", "finish", "value", "label", "actors", "n_articles", "outlets")) + f"<td>{r['evidence']}</td></tr>"
        for r in g.to_dict("records")
    )
    head = "".join(f"<th>{c}</th>" for c in ("event", "begin", "finish", "value", "label", "actors", "articles", "outlets", "sentences"))
    t = with_links(timex)[["article_id", "sent_id", "href", "text", "type", "value", "begin", "finish", "anchor"]] if len(timex) else timex
    return (
        "<p>Every temporal expression is normalised in TimeML's TIMEX3 convention; relative ones (\u201cWednesday\u201d, \u201ctwo years ago\u201d) "
        "are resolved against the article's publication date (anchor <em>publication</em>), explicit years are <em>absolute</em>, and "
        "expressions in undated articles stay unresolved (<em>none</em>). Dated expressions are grouped into events when they share a span "
        "and the actors of their sentences.</p>"
        + (f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" if len(g) else "<p>No dated events.</p>")
        + f"<details><summary>All {len(timex)} temporal expressions</summary>"
        + (report.table(t.head(MAX_ROWS), links={"text": "href"}, numeric=["sent_id"]) if len(t) else "<p>None.</p>")
        + "</details>"
    )


def framing_findings(quotes: pd.DataFrame, mentions: pd.DataFrame, term_counts: pd.DataFrame, article_frames: pd.DataFrame, portrayal: pd.DataFrame) -> list[str]:
    """Findings on who speaks, which names outlets choose, which frames dominate and how actors are portrayed."""
    out = []
    if len(quotes):
        spk = quotes[quotes["speaker_actor"] != ""].groupby("speaker_actor")["article_id"].agg(["size", "nunique"]).sort_values("size", ascending=False)
        talked = mentions.groupby("actor").size()
        silent = [a for a in talked.sort_values(ascending=False).index[:8] if a not in spk.index]
        first = quotes[quotes["speaker_actor"] != ""].sort_values(["article_id", "start"]).groupby("speaker_actor").head(1).set_index("speaker_actor")
        items = ", ".join(f"{esc(a)} ({r['size']} quote{'s' if r['size'] > 1 else ''}, e.g. {link(first.at[a, 'article_id'], int(first.at[a, 'sent_id']))})" for a, r in spk.head(6).iterrows())
        out.append(f"Who speaks: {items}. Often talked about but never quoted: {esc(', '.join(silent)) or 'none'}.")
    if len(term_counts):
        variants = term_counts.groupby("concept")["variant"].nunique()
        for concept in variants[variants > 1].index:
            sub = term_counts[term_counts["concept"] == concept]
            parts = "; ".join(f"{esc(o)}: " + ", ".join(f"{esc(v)} ×{n}" for v, n in zip(g["variant"], g["n"])) for o, g in sub.groupby("outlet"))
            out.append(f"Naming ({esc(concept.replace('_', ' '))}): {parts}.")
    if len(article_frames):
        gen = article_frames[(article_frames["scheme"] == "generic")]
        share = gen.groupby("frame")["present"].mean().sort_values(ascending=False)
        out.append("Generic frames, share of articles using them: " + ", ".join(f"{esc(f)} {s:.0%}" for f, s in share.items()) + " (frame coding agrees only moderately with human coders; see validation).")
    if len(portrayal):
        allp = portrayal[(portrayal["outlet"] == "(all outlets)") & (portrayal["n_mentions"] >= 5)].sort_values("tone")
        if len(allp) >= 2:
            lo, hi = allp.iloc[0], allp.iloc[-1]
            out.append(f"Portrayal: the most negatively framed actor with 5+ mentions is {esc(lo.actor)} ({fmt_ci(lo.tone, lo.ci_low, lo.ci_high)}, n={lo.n_mentions}), the most positively framed {esc(hi.actor)} ({fmt_ci(hi.tone, hi.ci_low, hi.ci_high)}, n={hi.n_mentions}).")
    return out


def framing_section(quotes: pd.DataFrame, quoted_mentioned: pd.DataFrame, term_counts: pd.DataFrame, article_frames: pd.DataFrame, portrayal: pd.DataFrame) -> str:
    """Who is quoted in each article, naming by outlet, frames per article with evidence, and actor tone."""
    q = with_links(quotes)[["article_id", "sent_id", "href", "kind", "speaker", "speaker_actor", "cue", "content"]] if len(quotes) else quotes
    q = q.assign(content=q["content"].map(lambda c: c if len(c) <= 160 else c[:159] + "…")) if len(q) else q
    af = article_frames[article_frames["present"]].copy()
    af["evidence_links"] = [", ".join(link(a, int(s), f"#{s}") for s in str(e).split()) for a, e in zip(af["article_id"], af["evidence"])]
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(r[c])}</td>" for c in ("article_id", "scheme", "frame", "answers", "score")) + f"<td>{r['evidence_links']}</td></tr>"
        for r in af.round({"score": 3}).to_dict("records")
    )
    frames_html = f"<table><thead><tr><th>article</th><th>scheme</th><th>frame</th><th>questions answered yes</th><th>score</th><th>evidence sentences</th></tr></thead><tbody>{rows}</tbody></table>" if len(af) else "<p>None.</p>"
    port = portrayal.sort_values(["outlet", "n_mentions"], ascending=[True, False])
    return (
        "<h3>Who is quoted in each article</h3><p>Direct quotes (any quotation style) and indirect ones (\u201cX said that\u201d, \u201caccording to X\u201d); "
        "the speaker is resolved to an actor through names, titles valid on the publication date, surnames and \u201che said\u201d.</p>"
        + (report.table(q.head(MAX_ROWS), links={"content": "href"}, numeric=["sent_id"]) if len(q) else "<p>None.</p>")
        + "<h3>Quoted versus talked about, per outlet</h3>" + report.table(quoted_mentioned.head(MAX_ROWS), numeric=["mentions", "quotes"])
        + "<h3>Naming choices by outlet</h3><p>Every use is highlighted on the article pages; the variants and their notes are in <code>presslens/resources/terms.yaml</code>.</p>"
        + report.table(term_counts.head(MAX_ROWS), numeric=["n"])
        + "<h3>Frames in each article, with the sentences that show them</h3><p>Generic frames (Semetko &amp; Valkenburg) are coded through yes/no indicator questions "
        "(CO conflict, RE responsibility, HI human interest, MO morality, EC economic); issue frames from cue words. Click a sentence number to read it.</p>" + frames_html
        + "<h3>Tone toward each actor</h3><p>Target-dependent tone of every mention (-1 negative to +1 positive), mean with a bootstrap 95% interval over mentions.</p>"
        + report.table(port.head(MAX_ROWS), numeric=["n_mentions", "n_articles", "tone", "ci_low", "ci_high", "negative", "neutral", "positive"])
    )


def actions_section(acts: pd.DataFrame, action_divergence: pd.DataFrame) -> str:
    """Who did what to whom, each action linked to its sentence, and where articles name different targets."""
    lead = (
        "<h3>Who did what to whom</h3><p>Actions between two actors in one clause (subject, one of a short list of verbs, object). "
        + (f"{len(action_divergence.drop_duplicates(['subject', 'action']))} subject-action pair(s) have different targets in different articles (table below)."
           if len(action_divergence) else "No article reports the same subject and action with a different target than another article does.")
        + "</p>"
    )
    view = with_links(acts)[["article_id", "sent_id", "href", "subject", "action", "object"]] if len(acts) else acts
    div = with_links(action_divergence)[["subject", "action", "targets", "href", "article_id", "outlet", "published"]] if len(action_divergence) else action_divergence
    return (
        lead + (report.table(div, links={"targets": "href"}) if len(div) else "")
        + (report.table(view.head(MAX_ROWS), links={"action": "href"}, numeric=["sent_id"]) if len(view) else "<p>No actions found.</p>")
    )


def _metric(validation: pd.DataFrame, method: str, metric: str) -> float | None:
    """One value of the validation table, or None when that row is missing."""
    if validation.empty:
        return None
    row = validation[(validation["method"] == method) & (validation["metric"] == metric)]
    return float(row["value"].iloc[0]) if len(row) and pd.notna(row["value"].iloc[0]) else None


def _num(value: float | None, fmt: str = "{:.2f}") -> str:
    return fmt.format(value) if value is not None else "(not measured in this run)"


def methods_section(articles: pd.DataFrame, validation: pd.DataFrame, timex_gold: pd.DataFrame | None = None, *, min_articles: int = 30) -> str:
    """Method notes and limitations, each limitation with the measured figure behind it (from the tables)."""
    facts = corpus_facts(articles)
    per_frame = validation[(validation.get("task") == "generic frames") & (validation.get("method") == "presslens.framing")] if not validation.empty else validation
    frame_f1 = {m[4:-1]: v for m, v in zip(per_frame.get("metric", []), per_frame.get("value", [])) if str(m).startswith("f1 (") and not str(m).startswith("f1 (macro")}
    weakest = min(frame_f1, key=frame_f1.get) if frame_f1 else None
    gold = dict(zip(timex_gold["metric"], timex_gold["value"])) if timex_gold is not None and len(timex_gold) else {}
    methods = [
        ("Cleaning", "named rules from an editable file (<code>presslens/resources/cleaning.yaml</code>) remove site furniture line by line; every removed line is listed with its rule (<code>data/removed.csv</code>, and on each article page)."),
        ("Sentences", "NLTK's Punkt with parameters the project builds (abbreviations, initials); each sentence keeps its character offsets into the clean text, so every number below can be traced to a sentence."),
        ("Tone", "two independent lexicons per sentence (VADER, TextBlob); an article's tone is the mean of its sentence scores with a percentile-bootstrap 95% interval over its sentences; an outlet's tone is the mean of its articles' tones with a bootstrap over articles."),
        ("Tone toward an actor", "a logistic-regression model trained on NewsMTSC (political news sentences labelled for the tone toward one person) scores each mention; actor tone is P(positive) - P(negative) averaged over mentions, with bootstrap intervals."),
        ("Frames", "five generic frames (Semetko &amp; Valkenburg) answered through yes/no indicator questions whose answers carry their cue sentences; a frame is present when the article has cue sentences of it and a logistic regression over its words and its cue density, trained on 275 human-coded climate-news articles, reaches a threshold fitted per frame; issue frames of security coverage from an editable cue dictionary."),
        ("Voices and names", "actors from an editable list with aliases and offices resolved by date; direct and indirect quotes with speaker and cue verb; contested names from an editable list of variants."),
        ("Time", "a rule-based TIMEX3 tagger resolves relative dates against each article's publication date; events several articles mention are grouped."),
        ("Outlet contrasts", "log-odds ratios with an informative Dirichlet prior from the whole corpus (Monroe, Colaresi &amp; Quinn 2008), shown as z-scores."),
    ]
    limits = [
        f"Small n: {facts['ok']} analysed article(s) from {facts['outlets']} outlet(s). Below {min_articles} articles, and for any outlet with a handful, differences describe these texts, not the outlets; intervals are wide and a single article per outlet has none.",
        f"Sentence tone is a lexicon's reading, not a person's: on 5,190 NYT editorial sentences VADER correlates with the mean human rating at r = {_num(_metric(validation, 'vader', 'pearson_r'))} "
        f"(3-class F1 {_num(_metric(validation, 'vader', 'f1'))}), TextBlob at r = {_num(_metric(validation, 'textblob', 'pearson_r'))}. Lexicons miss tone carried by events (\"refugees fled burning villages\" scores neutral) and VADER was built for social media.",
        f"Tone toward actors: macro-F1 {_num(_metric(validation, 'toward', 'f1 (macro)'))} on NewsMTSC devtest (three classes), against 0.83 for the best fine-tuned transformers; read actor portrayal as a rough signal with its interval.",
        (f"Generic frames agree only moderately with human coders: macro-F1 {_num(_metric(validation, 'presslens.framing', 'f1 (macro)'))} on 275 annotated climate-news articles (majority baseline "
         f"{_num(_metric(validation, 'majority baseline', 'f1 (macro)'))}); weakest is {weakest.replace('_', ' ')} (F1 {frame_f1[weakest]:.2f}). Check the evidence sentences before citing a frame.") if weakest else
        "Generic frames were not validated in this run.",
        (f"Dates: on the hand-annotated seeds gold set ({int(gold.get('n_gold', 0))} expressions) the tagger reaches F1 {gold.get('strict_f1', float('nan')):.2f} and value accuracy {gold.get('value_accuracy', float('nan')):.2f}; "
         "its rules were written with those articles in view, so expect lower figures on other text.") if gold else "Dates: the temporal tagger was not scored in this run.",
        "The actor, naming and frame resources were written for the Kosovo-Serbia-NATO conflict; another topic needs its own lists (the files are plain YAML).",
    ]
    return (
        "<h3>Method notes</h3><ul>" + "".join(f"<li><strong>{esc(h)}</strong>: {t}</li>" for h, t in methods) + "</ul>"
        "<p class=\"note\">Each notebook's HTML (below) shows its parameters and every step; the README is the full methods page.</p>"
        "<h3>Limitations</h3><ul>" + "".join(f"<li>{esc(t)}</li>" for t in limits) + "</ul>"
    )
