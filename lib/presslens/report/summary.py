"""What the start page says: findings and sections built from a run folder's tables, as data.

Every function returns text parts (``pages.Part``), page tables (``pages.Table``) and blocks
(``pages.block``); the templates turn them into HTML. The page is bounded whatever the corpus
size: findings are a short list of statements naming the top items and the counts behind them,
never one entry per article, event or outlet; tables show at most ``pages.MAX_ROWS`` rows and link
their CSV. Only summary tables and small columns of the large ones are read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.pipeline import tables
from presslens.report import pages
from presslens.report.pages import Part, block, fmt, sentence_href, table

TOP = 5  # items named in one finding
UNKNOWN_OUTLET = "(unknown outlet)"


# ---- reading ---------------------------------------------------------------------------------


def _pairs(action_divergence: pd.DataFrame) -> int:
    """Distinct (subject, action) pairs with different targets."""
    if not len(action_divergence):
        return 0
    return int(action_divergence[["subject", "action"]].drop_duplicates().shape[0])


def load(out_dir: str | Path) -> dict[str, Any]:
    """The tables and facts the start page needs (summaries, and small columns of the large
    tables)."""

    def opt(name: str, columns: list[str] | None = None) -> pd.DataFrame:
        got = tables.read_if(name, out_dir, columns=columns)
        return got if got is not None else pd.DataFrame(columns=columns or [])

    t: dict[str, Any] = {
        "articles": tables.read(
            "articles",
            out_dir,
            columns=[
                "article_id",
                "file",
                "outlet",
                "published",
                "title",
                "status",
                "reason",
                "duplicate_of",
            ],
        ),
        "n_sentences": tables.n_rows("sentences", out_dir)
        if tables.exists("sentences", out_dir)
        else 0,
        "removed": opt("removed", ["article_id", "rule"]),
        "quarantine": opt("quarantine"),
        "article_sentiment": opt("article_sentiment"),
        "outlet_sentiment": opt("outlet_sentiment"),
        "sentiment_stats": opt("sentiment_stats"),
        "extremes": opt("sentiment_extremes"),
        "disagreements": opt("sentiment_disagreements"),
        "quotes": opt("quotes", ["article_id", "sent_id", "speaker_actor", "start"]),
        "quoted_mentioned": opt("quoted_mentioned"),
        "term_counts": opt("term_counts"),
        "frame_shares": opt("frame_shares"),
        "portrayal": opt("actor_portrayal"),
        "event_groups": opt("event_groups"),
        "coverage": opt("coverage"),
        "timex_types": opt("timex", ["type"]),
        "divergence": opt("divergence"),
        "actions": opt("actions", ["subject", "action", "object"]),
        "action_divergence": opt("action_divergence"),
        "contrasts": opt("contrasts"),
        "validation": opt("validation"),
        "timex_gold": opt("timex_gold_scores"),
        "manifest": manifest(out_dir),
    }
    return t


def manifest(out_dir: str | Path) -> dict:
    """The run's manifest.json (empty when absent)."""
    path = Path(out_dir) / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def corpus_facts(articles: pd.DataFrame) -> dict[str, Any]:
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


# ---- small helpers -------------------------------------------------------------------------


def link(article_id: str, sent_id: int | None = None, text: str | None = None) -> Part:
    """A link to an article page (or one sentence on it)."""
    label = (
        text
        if text is not None
        else (f"{article_id} #{sent_id}" if sent_id is not None else article_id)
    )
    return Part(label, sentence_href(article_id, sent_id))


def snippet(text: str, n: int = 140) -> str:
    """A sentence shortened to n characters, in quotation marks unless it already starts with
    one."""
    short = text if len(text) <= n else text[: n - 1].rstrip() + "…"
    return short if short[:1] in "\"“„«'‘" else f"“{short}”"


def fmt_ci(tone: float, lo: float, hi: float) -> str:
    """'+0.21 (95% CI +0.04 to +0.38)', or the value alone when there is no interval."""
    return (
        f"{tone:+.2f} (95% CI {lo:+.2f} to {hi:+.2f})"
        if pd.notna(lo)
        else f"{tone:+.2f} (no interval)"
    )


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def joined(items: list[list[Part]], sep: str = ", ", last: str = " and ") -> list[Part]:
    """Lists of parts joined as an English enumeration."""
    out: list[Part] = []
    for i, item in enumerate(items):
        if i:
            out.append(Part(last if i == len(items) - 1 else sep))
        out += item
    return out


def p(*parts: Part | str, cls: str = "") -> dict[str, Any]:
    """A paragraph block from parts and plain strings."""
    return block("p", parts=[x if isinstance(x, Part) else Part(x) for x in parts], cls=cls)


def _stat(stats: pd.DataFrame, method: str, metric: str) -> float | None:
    row = stats[(stats["method"] == method) & (stats["metric"] == metric)] if len(stats) else stats
    return float(row["value"].iloc[0]) if len(row) and pd.notna(row["value"].iloc[0]) else None


# ---- warnings and findings -----------------------------------------------------------------


def warnings(t: dict[str, Any], *, min_articles: int = 30) -> list[str]:
    """Plain-English warnings a reader must see: small n, undated articles, quarantined inputs."""
    f = corpus_facts(t["articles"])
    q = t["quarantine"]
    out = []
    if f["ok"] == 0:
        out.append(
            f"No article could be analysed: all {f['inputs']:,} input(s) were quarantined or "
            "duplicates (reasons under Quarantine). The sections below say what is absent."
        )
    elif f["ok"] < min_articles:
        out.append(
            f"Only {plural(f['ok'], 'article')} were analysed: every comparison between outlets "
            "or over time rests on very few texts, so treat differences as descriptions of these "
            "articles, not of the outlets."
        )
    if f["undated"]:
        out.append(
            f"{plural(f['undated'], 'analysed article')} have no publication date: they are kept "
            "in every analysis that does not need a date and left out of charts over time."
        )
    if f["quarantined"]:
        out.append(
            f"{plural(f['quarantined'], 'input')} were quarantined and not analysed (reasons "
            "under Quarantine)."
        )
    meta = q[q["kind"] == "metadata"] if "kind" in q else q.iloc[0:0]
    if len(meta):
        out.append(
            f"{plural(len(meta), 'problem')} with the metadata were found (listed under "
            "Quarantine)."
        )
    if f["duplicate"]:
        out.append(f"{plural(f['duplicate'], 'article')} repeat another one and are counted once.")
    return out


def corpus_finding(t: dict[str, Any]) -> list[list[Part]]:
    f = corpus_facts(t["articles"])
    if f["ok"] == 0:
        return [
            [
                Part(
                    f"{f['inputs']:,} input article(s): none could be analysed "
                    f"({f['duplicate']:,} duplicate, {f['quarantined']:,} quarantined); "
                ),
                Part("the reasons", "#quarantine"),
                Part(" are listed under Quarantine."),
            ]
        ]
    ok = t["articles"][t["articles"]["status"] == "ok"]
    sizes = ok["outlet"].fillna(UNKNOWN_OUTLET).value_counts()
    top = ", ".join(f"{o} ({n:,})" for o, n in sizes.head(3).items())
    span = f"published {f['first']} to {f['last']}" if f["first"] else "with no publication dates"
    undated = f" ({f['undated']:,} undated)" if f["undated"] and f["first"] else ""
    outlets = f"{plural(len(sizes), 'outlet')}" + (
        f", the largest {top}" if len(sizes) > 1 else f" ({top})" if len(sizes) else ""
    )
    return [
        [
            Part(
                f"{f['inputs']:,} input article(s): {f['ok']:,} analysed, {f['duplicate']:,} "
                f"duplicate, {f['quarantined']:,} quarantined. "
                f"The analysed articles come from {outlets}, {span}{undated}, and hold "
                f"{t['n_sentences']:,} sentences."
            )
        ]
    ]


def sentiment_findings(t: dict[str, Any], *, method: str = "vader") -> list[list[Part]]:
    """Tone of the sentences, the range of article tone, outlets that differ, the extreme
    sentences."""
    out: list[list[Part]] = []
    stats, art = t["sentiment_stats"], t["article_sentiment"]
    n = _stat(stats, method, "sentences")
    if not n:
        return out
    mean, pos, neg = (
        _stat(stats, method, "mean"),
        _stat(stats, method, "share_positive"),
        _stat(stats, method, "share_negative"),
    )
    if mean is not None:
        out.append(
            [
                Part(
                    f"Sentences lean {'positive' if pos > neg else 'negative'} by "
                    f"{method.upper() if method == 'vader' else method}: {pos:.0%} of {int(n):,} "
                    f"sentences score positive and {neg:.0%} negative (the rest neutral), a mean "
                    f"of {mean:+.2f} on a -1 to +1 scale."
                )
            ]
        )
    a = art[art["method"] == method].sort_values(["tone", "article_id"], kind="mergesort")
    if len(a) >= 2:
        lo, hi = a.iloc[0], a.iloc[-1]
        overlap = pd.notna(lo.ci_high) and pd.notna(hi.ci_low) and lo.ci_high >= hi.ci_low
        out.append(
            [
                Part(f"Article tone ranges from {fmt_ci(lo.tone, lo.ci_low, lo.ci_high)} in "),
                link(lo.article_id),
                Part(f" to {fmt_ci(hi.tone, hi.ci_low, hi.ci_high)} in "),
                link(hi.article_id),
                Part(
                    f" ({len(a):,} articles)."
                    + (
                        " Their intervals overlap, so even these two are not clearly different."
                        if overlap
                        else ""
                    )
                ),
            ]
        )
    o = t["outlet_sentiment"]
    o = (
        o[(o["method"] == method) & o["ci_low"].notna() & (o["warning"].fillna("") == "")]
        if len(o)
        else o
    )
    if len(o) >= 2:
        o = o.sort_values(["tone", "outlet"], kind="mergesort")
        lo, hi = o.iloc[0], o.iloc[-1]
        apart = lo.ci_high < hi.ci_low
        out.append(
            [
                Part(
                    f"Of {plural(len(o), 'outlet')} with enough articles to compare, {lo.outlet} "
                    f"is the most negative ({fmt_ci(lo.tone, lo.ci_low, lo.ci_high)}, "
                    f"n={int(lo.n_articles):,}) and "
                    f"{hi.outlet} the most positive ({fmt_ci(hi.tone, hi.ci_low, hi.ci_high)}, "
                    f"n={int(hi.n_articles):,}); "
                    + (
                        "their intervals do not overlap."
                        if apart
                        else "their intervals overlap, so the outlets do not clearly differ."
                    )
                )
            ]
        )
    ext = t["extremes"]
    if len(ext):
        parts = []
        for end in ("most negative", "most positive"):
            e = ext[ext["end"] == end]
            if len(e):
                r = e.iloc[0]
                parts.append(
                    [
                        Part(f"the {end} sentence ({r.compound:+.2f}) is "),
                        link(r.article_id, int(r.sent_id), snippet(str(r.text), 140)),
                    ]
                )
        out.append([Part("Of all sentences, ")] + joined(parts, last="; ") + [Part(".")])
    pair = stats[stats["method"].str.contains(" vs ", regex=False)] if len(stats) else stats
    dis = t["disagreements"]
    if len(pair) and len(dis):
        name = pair["method"].iloc[0]
        a_m, b_m = name.split(" vs ")
        same, kappa = _stat(stats, name, "same_label"), _stat(stats, name, "cohen_kappa")
        d = dis.iloc[0]
        if same is not None:
            out.append(
                [
                    Part(
                        f"The two lexicons ({a_m} and {b_m}) give the same label to {same:.0%} of "
                        f"sentences (Cohen's kappa {kappa:.2f}); they differ most on "
                    ),
                    link(d.article_id, int(d.sent_id), snippet(str(d.text), 110)),
                    Part(f" ({d[a_m]:+.2f} vs {d[b_m]:+.2f})."),
                ]
            )
    return out


def framing_findings(t: dict[str, Any], *, min_mentions: int = 5) -> list[list[Part]]:
    """Who speaks and who is only talked about, naming choices, frames, portrayal."""
    out: list[list[Part]] = []
    quotes, qm = t["quotes"], t["quoted_mentioned"]
    spoken = quotes[quotes["speaker_actor"].fillna("") != ""] if len(quotes) else quotes
    if len(quotes):
        by = (
            spoken.groupby("speaker_actor")
            .agg(n=("article_id", "size"), articles=("article_id", "nunique"))
            .sort_values(["n", "articles"], ascending=False, kind="mergesort")
        )
        first = (
            spoken.sort_values(["article_id", "start"], kind="mergesort")
            .drop_duplicates("speaker_actor")
            .set_index("speaker_actor")
        )
        items = [
            [
                Part(f"{a} ({plural(int(r.n), 'quote')}, e.g. "),
                link(first.at[a, "article_id"], int(first.at[a, "sent_id"])),
                Part(")"),
            ]
            for a, r in by.head(TOP).iterrows()
        ]
        more = f"; {len(by) - TOP:,} more speakers in data/quotes.csv" if len(by) > TOP else ""
        unresolved = len(quotes) - len(spoken)
        lead = [
            Part(f"{plural(len(quotes), 'quote')} found, {unresolved:,} without a known speaker. ")
        ]
        out.append(
            lead
            + (
                [Part("Who speaks most: ")] + joined(items) + [Part(f"{more}.")]
                if items
                else [Part("No quote was attributed to a known actor.")]
            )
        )
    if len(qm):
        talked = qm.groupby("actor")[["mentions", "quotes"]].sum()
        silent = (
            talked[(talked["quotes"] == 0)]
            .sort_values("mentions", ascending=False, kind="mergesort")
            .head(TOP)
        )
        if len(silent):
            out.append(
                [
                    Part(
                        "Often talked about but never quoted: "
                        + ", ".join(
                            f"{a} ({plural(int(r.mentions), 'mention')})"
                            for a, r in silent.iterrows()
                        )
                        + "."
                    )
                ]
            )
    tc = t["term_counts"]
    if len(tc):
        variants = tc.groupby("concept").agg(k=("variant", "nunique"), n=("n", "sum"))
        contested = (
            variants[variants["k"] > 1].sort_values("n", ascending=False, kind="mergesort").head(3)
        )
        for concept in contested.index:
            sub = (
                tc[tc["concept"] == concept]
                .groupby("variant")
                .agg(n=("n", "sum"), outlets=("outlet", "nunique"))
                .sort_values("n", ascending=False, kind="mergesort")
            )
            names = "; ".join(
                f"“{v}” ×{int(r.n):,} in {plural(int(r.outlets), 'outlet')}"
                for v, r in sub.head(TOP).iterrows()
            )
            out.append(
                [
                    Part(
                        f"Naming ({concept.replace('_', ' ')}): {names}"
                        + (
                            f"; {len(sub) - TOP} more variants in data/term_counts.csv"
                            if len(sub) > TOP
                            else ""
                        )
                        + "."
                    )
                ]
            )
    fs = t["frame_shares"]
    if len(fs) and fs["articles"].sum():
        gen = fs[fs["scheme"] == "generic"].groupby("frame")[["present", "articles"]].sum()
        share = (gen["present"] / gen["articles"]).sort_values(ascending=False, kind="mergesort")
        out.append(
            [
                Part(
                    "Generic frames, share of articles using them: "
                    + ", ".join(f"{f} {s:.0%}" for f, s in share.items())
                    + " (frame coding agrees only moderately with human coders; see the "
                    "validation section)."
                )
            ]
        )
    port = t["portrayal"]
    if len(port):
        allp = port[
            (port["outlet"] == "(all outlets)") & (port["n_mentions"] >= min_mentions)
        ].sort_values(["tone", "actor"], kind="mergesort")
        if len(allp) >= 2:
            lo, hi = allp.iloc[0], allp.iloc[-1]
            out.append(
                [
                    Part(
                        f"Portrayal: of {plural(len(allp), 'actor')} with {min_mentions}+ "
                        f"mentions, the most negatively framed is {lo.actor} "
                        f"({fmt_ci(lo.tone, lo.ci_low, lo.ci_high)}, n={int(lo.n_mentions):,}), "
                        f"the most positively framed {hi.actor} "
                        f"({fmt_ci(hi.tone, hi.ci_low, hi.ci_high)}, n={int(hi.n_mentions):,})."
                    )
                ]
            )
    return out


def _evidence_link(evidence: str) -> Part | None:
    first = str(evidence or "").split()[:1]
    if not first:
        return None
    aid, _, sid = first[0].partition("#s")
    return link(aid, int(sid) if sid.isdigit() else None, "e.g.")


def timeline_findings(t: dict[str, Any]) -> list[list[Part]]:
    """What the articles reach back to and the events most articles refer to."""
    g = t["event_groups"]
    out: list[list[Part]] = []
    if len(g):
        first, last = (
            g.sort_values(["begin", "event_id"]).iloc[0],
            g.sort_values(["begin", "event_id"]).iloc[-1],
        )
        a, b = _evidence_link(first.evidence), _evidence_link(last.evidence)
        out.append(
            [
                Part(
                    f"The articles refer to {plural(len(g), 'dated event')} "
                    f"({int(g['n_mentions'].sum()):,} mentions); they reach back to "
                    f"{first.label}, {first.begin}"
                ),
                *([Part(" ("), a, Part(")")] if a else []),
                Part(f", and forward to {last.label}, {last.begin}"),
                *([Part(" ("), b, Part(")")] if b else []),
                Part("."),
            ]
        )
        shared = g[g["n_articles"] > 1].sort_values(
            ["n_articles", "n_mentions", "event_id"],
            ascending=[False, False, True],
            kind="mergesort",
        )
        if len(shared):
            items = []
            for r in shared.head(TOP).itertuples():
                e = _evidence_link(r.evidence)
                items.append(
                    [
                        Part(f"{r.label} ({r.begin}, {plural(int(r.n_articles), 'article')}"),
                        *([Part(", "), e] if e else []),
                        Part(")"),
                    ]
                )
            out.append(
                [Part("Events most articles refer to: ")]
                + joined(items, sep="; ", last="; ")
                + [
                    Part(
                        (
                            f"; {len(shared) - TOP:,} more in data/event_groups.csv"
                            if len(shared) > TOP
                            else ""
                        )
                        + "."
                    )
                ]
            )
    return out


def claim_findings(t: dict[str, Any]) -> list[list[Part]]:
    """Quantities articles state differently, the ones most articles state first."""
    div = t["divergence"]
    if div.empty:
        return []
    differ = div[div["verdict"] != "agree"]
    if differ.empty:
        return [
            [
                Part(
                    f"{plural(div['quantity'].nunique(), 'quantity', 'quantities')} stated by "
                    "several articles agree across them."
                )
            ]
        ]
    sizes = (
        differ.groupby("quantity")["article_id"]
        .nunique()
        .sort_values(ascending=False, kind="mergesort")
    )
    items = []
    for q in sizes.head(3).index:
        g = differ[differ["quantity"] == q]
        vals = g["value"].dropna()
        ex = g.iloc[0]
        items.append(
            [
                Part(
                    f"{q} ({g['verdict'].iloc[0]}: {plural(len(g), 'article')}, values "
                    f"{fmt(vals.min())} to {fmt(vals.max())}, e.g. "
                ),
                link(ex.article_id, int(ex.sent_id), snippet(str(ex.claim), 60)),
                Part(")"),
            ]
        )
    more = f"; {len(sizes) - 3:,} more in data/divergence.csv" if len(sizes) > 3 else ""
    return [
        [Part("Articles state different numbers for ")]
        + joined(items, sep="; ", last="; ")
        + [
            Part(
                f"{more}. ‘Change over time’ means the articles were published on different "
                "dates, so the number may have changed; ‘disagree’, same date or undated."
            )
        ]
    ]


def findings(
    t: dict[str, Any], *, method: str = "vader", min_mentions: int = 5
) -> list[list[Part]]:
    """The findings list: a few statements, each naming its top items and counts, linked to
    sentences."""
    return (
        corpus_finding(t)
        + sentiment_findings(t, method=method)
        + framing_findings(t, min_mentions=min_mentions)
        + timeline_findings(t)
        + claim_findings(t)
    )


# ---- sections ------------------------------------------------------------------------------


def corpus_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    a = t["articles"]
    ok = a[a["status"] == "ok"]
    outlets = (
        ok.assign(outlet=ok["outlet"].fillna(UNKNOWN_OUTLET))
        .groupby("outlet")
        .agg(articles=("article_id", "size"), first=("published", "min"), last=("published", "max"))
    )
    outlets = outlets.sort_values("articles", ascending=False, kind="mergesort").reset_index()
    view = a.assign(
        href=[sentence_href(x) for x in a["article_id"]],
        title=a["title"].fillna("").map(lambda s: s if len(s) <= 100 else s[:99] + "…"),
    )
    return [
        block("h3", text="Outlets"),
        block(
            "table",
            table=table(
                outlets,
                numeric=["articles"],
                order="most articles first",
                empty="No article was analysed.",
            ),
        ),
        block("h3", text="Articles"),
        block(
            "table",
            table=table(
                view[["article_id", "href", "outlet", "published", "title", "status"]],
                links={"article_id": "href"},
                csv="data/articles.csv",
                order="in input order",
            ),
        ),
    ]


def sentiment_blocks(t: dict[str, Any], *, method: str = "vader") -> list[dict[str, Any]]:
    art = t["article_sentiment"]
    main = art[art["method"] == method].merge(
        t["articles"][["article_id", "outlet"]], on="article_id"
    )
    main = main.sort_values(["tone", "article_id"], kind="mergesort")
    ends = (
        pd.concat([main.head(10), main.tail(10)]).drop_duplicates("article_id")
        if len(main) > 20
        else main
    )
    ends = ends.assign(href=[sentence_href(x) for x in ends["article_id"]])
    outl = t["outlet_sentiment"]
    outl = (
        outl[outl["method"] == method].sort_values(
            ["n_articles", "outlet"], ascending=[False, True], kind="mergesort"
        )
        if len(outl)
        else outl
    )
    dis = t["disagreements"]
    dis = (
        dis.assign(href=[sentence_href(a, s) for a, s in zip(dis["article_id"], dis["sent_id"])])
        if len(dis)
        else dis
    )
    return [
        p(
            "Scores run from -1 (very negative) to +1 (very positive). An article's tone is the "
            "mean of its sentences' scores (scoring a whole article at once saturates); "
            "the interval is a bootstrap 95% interval over its sentences. An outlet's tone is the "
            "mean of its articles' tones with an interval over articles; "
            "with one article there is no interval and no comparison."
        ),
        block("h3", text=f"Outlets ({method})"),
        block(
            "table",
            table=table(
                outl.drop(columns=["method"], errors="ignore"),
                numeric=["n_articles", "tone", "ci_low", "ci_high"],
                csv="data/outlet_sentiment.csv",
                order="most articles first",
                empty="No outlet has a tone.",
            ),
        ),
        block("h3", text=f"The most negative and most positive articles ({method})"),
        block(
            "table",
            table=table(
                ends[
                    [
                        "article_id",
                        "href",
                        "outlet",
                        "n_sentences",
                        "tone",
                        "ci_low",
                        "ci_high",
                        "share_negative",
                        "share_positive",
                    ]
                ],
                links={"article_id": "href"},
                numeric=[
                    "n_sentences",
                    "tone",
                    "ci_low",
                    "ci_high",
                    "share_negative",
                    "share_positive",
                ],
                total=len(main),
                limit=20,
                csv="data/article_sentiment.csv",
                order="the 10 most negative and 10 most positive",
                empty="No article was scored.",
            ),
        ),
        block("h3", text="Sentences the two methods disagree on most"),
        block(
            "table",
            table=table(
                dis,
                links={"text": "href"},
                numeric=[c for c in dis.columns if c not in {"article_id", "text", "href"}],
                csv="data/sentiment_disagreements.csv",
            ),
        ),
    ]


def framing_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    quotes, qm = t["quotes"], t["quoted_mentioned"]
    spoken = quotes[quotes["speaker_actor"].fillna("") != ""] if len(quotes) else quotes
    speakers = (
        spoken.groupby("speaker_actor")
        .agg(quotes=("article_id", "size"), articles=("article_id", "nunique"))
        .sort_values(["quotes", "articles"], ascending=False, kind="mergesort")
        .reset_index()
        if len(spoken)
        else pd.DataFrame(columns=["speaker_actor", "quotes", "articles"])
    )
    overall = (
        qm.groupby("actor")[["mentions", "quotes"]]
        .sum()
        .sort_values(["mentions", "quotes"], ascending=False, kind="mergesort")
        .reset_index()
        if len(qm)
        else pd.DataFrame(columns=["actor", "mentions", "quotes"])
    )
    tc = t["term_counts"]
    naming = (
        tc.groupby(["concept", "variant"])
        .agg(uses=("n", "sum"), outlets=("outlet", "nunique"))
        .sort_values("uses", ascending=False, kind="mergesort")
        .reset_index()
        if len(tc)
        else pd.DataFrame(columns=["concept", "variant", "uses", "outlets"])
    )
    fs = t["frame_shares"]
    frames = (
        fs.groupby(["scheme", "frame"])[["present", "articles"]].sum().reset_index()
        if len(fs)
        else pd.DataFrame(columns=["scheme", "frame", "present", "articles"])
    )
    frames = frames.assign(
        share=frames["present"] / frames["articles"].where(frames["articles"] > 0)
    ).sort_values(["scheme", "share"], ascending=[True, False], kind="mergesort")
    port = t["portrayal"]
    allp = (
        port[port["outlet"] == "(all outlets)"]
        .sort_values(["n_mentions", "actor"], ascending=[False, True], kind="mergesort")
        .drop(columns=["outlet"])
        if len(port)
        else port
    )
    return [
        block("h3", text="Who speaks"),
        p(
            "Direct quotes (any quotation style) and indirect ones (“X said that”, “according to "
            "X”); the speaker is resolved to an actor through names, titles valid on the "
            "publication date, surnames and “he said”. Every quote is in data/quotes.csv and "
            "highlighted on its article page."
        ),
        block(
            "table",
            table=table(
                speakers.rename(columns={"speaker_actor": "speaker"}),
                numeric=["quotes", "articles"],
                csv="data/quotes.csv",
                order="most quoted first",
                empty="No quote was attributed to a known actor.",
            ),
        ),
        block("h3", text="Quoted versus talked about"),
        block(
            "table",
            table=table(
                overall,
                numeric=["mentions", "quotes"],
                csv="data/quoted_mentioned.csv",
                order="most mentioned first; per outlet in the CSV",
                empty="No actor was mentioned.",
            ),
        ),
        block("h3", text="Naming choices"),
        p(
            "Variants of contested names from the terms resource; every use is highlighted on the "
            "article pages."
        ),
        block(
            "table",
            table=table(
                naming,
                numeric=["uses", "outlets"],
                csv="data/term_counts.csv",
                order="most used first; per outlet in the CSV",
                empty="No naming choice of the terms resource occurs in these articles.",
            ),
        ),
        block("h3", text="Frames"),
        p(
            "Generic frames (Semetko & Valkenburg) coded through yes/no indicator questions; "
            "issue frames from cue words. Each article's frames and their evidence sentences are "
            "in data/article_frames.csv and on its page."
        ),
        block(
            "table",
            table=table(
                frames,
                numeric=["present", "articles", "share"],
                csv="data/frame_shares.csv",
                labels={"present": "articles using it", "articles": "articles coded"},
                empty="No article was coded.",
            ),
        ),
        block("h3", text="Tone toward each actor"),
        block(
            "table",
            table=table(
                allp,
                numeric=[
                    "n_mentions",
                    "n_articles",
                    "tone",
                    "ci_low",
                    "ci_high",
                    "negative",
                    "neutral",
                    "positive",
                ],
                csv="data/actor_portrayal.csv",
                order="most mentioned first; per outlet in the CSV",
                empty="No actor was mentioned.",
            ),
        ),
    ]


def timeline_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    g = t["event_groups"]
    top = (
        g.sort_values(
            ["n_articles", "n_mentions", "event_id"],
            ascending=[False, False, True],
            kind="mergesort",
        )
        if len(g)
        else g
    )
    top = (
        top.assign(
            example=[(lk.text if (lk := _evidence_link(e)) else "") for e in top["evidence"]],
            href=[(lk.href if (lk := _evidence_link(e)) else "") for e in top["evidence"]],
        )
        if len(top)
        else top
    )
    types = (
        t["timex_types"]["type"].value_counts() if len(t["timex_types"]) else pd.Series(dtype=int)
    )
    counts = ", ".join(f"{n:,} {k}" for k, n in types.items()) or "none"
    cols = ["event_id", "begin", "finish", "label", "n_articles", "n_mentions", "example", "href"]
    return [
        p(
            f"Temporal expressions tagged: {counts}. Every expression is normalised in TimeML's "
            "TIMEX3 convention; relative ones (“Wednesday”, “two years ago”) are resolved "
            "against the article's publication date "
            "(anchor publication), explicit years are absolute, and expressions in undated "
            "articles stay unresolved. Dated expressions are grouped into events when they share "
            "a span and the actors of their sentences."
        ),
        block(
            "table",
            table=table(
                top[cols] if len(top) else top,
                links={"example": "href"},
                numeric=["n_articles", "n_mentions"],
                csv="data/event_groups.csv",
                order="referred to by most articles first",
                empty="No dated event.",
            ),
        ),
    ]


def claims_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    div = t["divergence"]
    if len(div):
        by = (
            div.groupby("quantity")
            .agg(
                verdict=("verdict", "first"),
                articles=("article_id", "nunique"),
                low=("value", "min"),
                high=("value", "max"),
            )
            .reset_index()
        )
        order = {"disagree": 0, "change over time": 1, "agree": 2}
        by = by.sort_values(
            ["verdict", "articles", "quantity"],
            key=lambda c: c.map(order) if c.name == "verdict" else c,
            ascending=[True, False, True],
            kind="mergesort",
        )
        ex = div.drop_duplicates("quantity").set_index("quantity")
        by = by.assign(
            example=[snippet(str(ex.at[q, "claim"]), 70) for q in by["quantity"]],
            href=[
                sentence_href(ex.at[q, "article_id"], int(ex.at[q, "sent_id"]))
                for q in by["quantity"]
            ],
        )
    else:
        by = pd.DataFrame(
            columns=["quantity", "verdict", "articles", "low", "high", "example", "href"]
        )
    acts = t["actions"]
    pairs = (
        acts.groupby(["subject", "action"])
        .agg(times=("object", "size"), targets=("object", "nunique"))
        .sort_values("times", ascending=False, kind="mergesort")
        .reset_index()
        if len(acts)
        else pd.DataFrame(columns=["subject", "action", "times", "targets"])
    )
    return [
        p(
            "Numbers the articles state, with what they count, side by side when several articles "
            "state the same quantity. ‘Change over time’: the values differ and the articles were "
            "published on different dates; "
            "‘disagree’: they differ for the same date or without dates; ‘agree’: the same value "
            "(approximate claims within 10%)."
        ),
        block(
            "table",
            table=table(
                by,
                links={"example": "href"},
                numeric=["articles", "low", "high"],
                csv="data/divergence.csv",
                order="disagreements first, then by number of articles",
                empty="No quantity is stated by more than one article.",
            ),
        ),
        block("h3", text="Who did what to whom"),
        p(
            "Actions between two actors in one clause (subject, one of a short list of verbs, "
            f"object); {plural(_pairs(t['action_divergence']), 'subject-action pair')} with "
            "different targets in different articles (data/action_divergence.csv)."
        ),
        block(
            "table",
            table=table(
                pairs,
                numeric=["times", "targets"],
                csv="data/actions.csv",
                order="most frequent first",
                empty="No action between two actors was found.",
            ),
        ),
    ]


def contrasts_blocks(t: dict[str, Any], *, k: int = 8) -> list[dict[str, Any]]:
    c = t["contrasts"]
    if c.empty:
        return [p("Fewer than two outlets with words in common: no contrasts.")]
    sizes = (
        t["articles"][t["articles"]["status"] == "ok"]["outlet"]
        .fillna(UNKNOWN_OUTLET)
        .value_counts()
    )
    best = (
        c.sort_values(["group", "z"], ascending=[True, False], kind="mergesort")
        .groupby("group")
        .head(k)
    )
    rows = [
        (
            g,
            int(sizes.get(g, 0)),
            ", ".join(f"{w} ({z:.1f})" for w, z in zip(sub["feature"], sub["z"]) if z > 1.96)
            or "none with z > 1.96",
        )
        for g, sub in best.groupby("group")
    ]
    view = pd.DataFrame(rows, columns=["outlet", "articles", "distinctive words (z)"]).sort_values(
        ["articles", "outlet"], ascending=[False, True], kind="mergesort"
    )
    return [
        p(
            "Words each outlet uses more than the others: log-odds ratios with an informative "
            "Dirichlet prior (Monroe, Colaresi & Quinn 2008), the prior being the whole corpus's "
            "word counts; "
            "|z| > 1.96 is the conventional threshold. With one or two articles per outlet these "
            "describe articles, not editorial lines."
        ),
        block(
            "table",
            table=table(
                view, numeric=["articles"], csv="data/contrasts.csv", order="largest outlets first"
            ),
        ),
    ]


def cleaning_blocks(t: dict[str, Any], rules: list) -> list[dict[str, Any]]:
    removed = t["removed"]
    desc = {r.name: r.description for r in rules}
    counts = (
        removed.groupby("rule")
        .agg(lines=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
        if len(removed)
        else pd.DataFrame(columns=["rule", "lines", "articles"])
    )
    counts["what the rule removes"] = counts["rule"].map(desc).fillna("")
    n_art = removed["article_id"].nunique() if len(removed) else 0
    return [
        p(
            f"Cleaning removed {plural(len(removed), 'line')} or bracketed notes from "
            f"{plural(n_art, 'article')}. Every removal is listed with the rule that made it in "
            "data/removed.csv and on each article page; rules are in "
            "presslens/resources/cleaning.yaml."
        ),
        block(
            "table",
            table=table(
                counts[["rule", "what the rule removes", "lines", "articles"]],
                numeric=["lines", "articles"],
                csv="data/removed.csv",
                empty="Nothing was removed: no line matched a cleaning rule.",
            ),
        ),
    ]


def quarantine_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    q = t["quarantine"]
    return [
        block(
            "table",
            table=table(
                q,
                csv="data/quarantine.csv",
                empty="Nothing was quarantined: every input could be read and analysed.",
            ),
        )
    ]


def validation_table(t: dict[str, Any]) -> pd.DataFrame:
    """The validation table with the temporal tagger's gold-set scores appended."""
    v = t["validation"]
    gold = t["timex_gold"]
    if len(gold):
        g = gold.set_index("metric")["value"]
        extra = pd.DataFrame(
            [
                dict(
                    task="temporal tagging",
                    dataset="seeds gold set (hand-annotated)",
                    method="presslens.timeline",
                    metric=m,
                    value=round(float(g[m]), 4),
                    n=int(g["n_gold"]),
                    reference=None,
                    reference_source="",
                )
                for m in ("strict_precision", "strict_recall", "strict_f1", "value_accuracy")
                if m in g
            ]
        )
        v = pd.concat([v, extra], ignore_index=True) if len(v) else extra
    return v


HEADLINE_METRICS = ("pearson_r", "f1", "f1 (macro)", "strict_f1", "value_accuracy")


def validation_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    v = validation_table(t)
    head = v[v["metric"].isin(HEADLINE_METRICS)] if len(v) else v
    return [
        p(
            "How far the methods agree with people, on human-labelled data made by other "
            "researchers (details and licences in eval/); ",
            Part("90-validate-methods", "html/90-validate-methods.html"),
            " shows every metric and the confusion matrices.",
        ),
        block(
            "table",
            table=table(
                head,
                numeric=["value", "n", "reference"],
                total=len(v),
                csv="data/validation.csv",
                order="the headline metrics",
                empty="No validation data was available in this run.",
            ),
        ),
    ]


def _metric(v: pd.DataFrame, method: str, metric: str) -> float | None:
    row = v[(v["method"] == method) & (v["metric"] == metric)] if len(v) else v
    return float(row["value"].iloc[0]) if len(row) and pd.notna(row["value"].iloc[0]) else None


def _num(value: float | None, spec: str = ".2f") -> str:
    return format(value, spec) if value is not None else "(not measured in this run)"


METHODS = [
    (
        "Cleaning",
        "named rules from an editable file (presslens/resources/cleaning.yaml) remove site "
        "furniture line by line; every removed line is listed with its rule (data/removed.csv, "
        "and on each article page).",
    ),
    (
        "Sentences",
        "NLTK's Punkt with parameters the project builds (abbreviations, initials); each sentence "
        "keeps its character offsets into the clean text, so every number below can be traced to "
        "a sentence.",
    ),
    (
        "Tone",
        "two independent lexicons per sentence (VADER, TextBlob); an article's tone is the mean "
        "of its sentence scores with a percentile-bootstrap 95% interval over its sentences; an "
        "outlet's tone is the mean of its articles' tones with a bootstrap over articles.",
    ),
    (
        "Tone toward an actor",
        "a logistic-regression model trained on NewsMTSC (political news sentences labelled for "
        "the tone toward one person) scores each mention; actor tone is P(positive) - P(negative) "
        "averaged over mentions, with bootstrap intervals.",
    ),
    (
        "Frames",
        "five generic frames (Semetko & Valkenburg) answered through yes/no indicator questions "
        "whose answers carry their cue sentences; a frame is present when the article has cue "
        "sentences of it and a logistic regression over its words and its cue density, trained on "
        "275 human-coded climate-news articles, reaches a threshold fitted per frame; issue "
        "frames from an editable cue dictionary.",
    ),
    (
        "Voices and names",
        "actors from an editable list with aliases and offices resolved by date; direct and "
        "indirect quotes with speaker and cue verb; contested names from an editable list of "
        "variants.",
    ),
    (
        "Time",
        "a rule-based TIMEX3 tagger resolves relative dates against each article's publication "
        "date; events several articles mention are grouped.",
    ),
    (
        "Outlet contrasts",
        "log-odds ratios with an informative Dirichlet prior from the whole corpus (Monroe, "
        "Colaresi & Quinn 2008), shown as z-scores.",
    ),
]


def limitations(t: dict[str, Any], *, min_articles: int = 30) -> list[str]:
    """Limitations, each with the measured figure behind it (from the tables)."""
    facts = corpus_facts(t["articles"])
    v = validation_table(t)
    per_frame = (
        v[(v["task"] == "generic frames") & (v["method"] == "presslens.framing")] if len(v) else v
    )
    frame_f1 = {
        m[4:-1]: val
        for m, val in zip(per_frame.get("metric", []), per_frame.get("value", []))
        if str(m).startswith("f1 (") and not str(m).startswith("f1 (macro")
    }
    weakest = min(frame_f1, key=frame_f1.get) if frame_f1 else None
    gold = (
        dict(zip(t["timex_gold"]["metric"], t["timex_gold"]["value"]))
        if len(t["timex_gold"])
        else {}
    )
    return [
        f"Sample size: {facts['ok']:,} analysed article(s) from {facts['outlets']:,} outlet(s). "
        f"Below {min_articles} articles, and for any outlet with a handful, differences describe "
        "these texts, not the outlets; intervals are wide and a single article per outlet has "
        "none.",
        "Sentence tone is a lexicon's reading, not a person's: on 5,190 NYT editorial sentences "
        "VADER correlates with the mean human rating at r = "
        f"{_num(_metric(v, 'vader', 'pearson_r'))} "
        f"(3-class F1 {_num(_metric(v, 'vader', 'f1'))}), TextBlob at r = "
        f"{_num(_metric(v, 'textblob', 'pearson_r'))}. Lexicons miss tone carried by events "
        '("refugees fled burning villages" scores neutral) and VADER was built for social media.',
        f"Tone toward actors: macro-F1 {_num(_metric(v, 'toward', 'f1 (macro)'))} on NewsMTSC "
        "devtest (three classes), against 0.83 for the best fine-tuned transformers; read actor "
        "portrayal as a rough signal with its interval.",
        (
            "Generic frames agree only moderately with human coders: macro-F1 "
            f"{_num(_metric(v, 'presslens.framing', 'f1 (macro)'))} on 275 annotated climate-news "
            "articles (majority baseline "
            f"{_num(_metric(v, 'majority baseline', 'f1 (macro)'))}); weakest is "
            f"{weakest.replace('_', ' ')} (F1 {frame_f1[weakest]:.2f}). Check the evidence "
            "sentences before citing a frame."
        )
        if weakest
        else "Generic frames were not validated in this run.",
        (
            f"Dates: on the hand-annotated seeds gold set ({int(gold.get('n_gold', 0))} "
            f"expressions) the tagger reaches F1 {gold.get('strict_f1', float('nan')):.2f} and "
            f"value accuracy {gold.get('value_accuracy', float('nan')):.2f}; "
            "its rules were written with those articles in view, so expect lower figures on other "
            "text."
        )
        if gold
        else "Dates: the temporal tagger was not scored in this run.",
        "The actor, naming and frame resources were written for the Kosovo-Serbia-NATO conflict; "
        "another topic needs its own lists (the files are plain YAML).",
    ]


def methods_blocks(t: dict[str, Any], *, min_articles: int = 30) -> list[dict[str, Any]]:
    return [
        block("h3", text="Method notes"),
        block("list", entries=[[Part(f"{h}: {text}")] for h, text in METHODS]),
        p(
            "Each notebook's HTML (below) shows its parameters and every step; the README is the "
            "full methods page.",
            cls="note",
        ),
        block("h3", text="Limitations"),
        block("list", entries=[[Part(x)] for x in limitations(t, min_articles=min_articles)]),
    ]


def notebooks_blocks(names: list[str]) -> list[dict[str, Any]]:
    return [
        block(
            "list",
            entries=[
                [
                    Part(n, f"html/{n}.html"),
                    Part(" ("),
                    Part("ipynb", f"notebooks/{n}.ipynb"),
                    Part(")"),
                ]
                for n in names
            ],
        )
    ]


def manifest_blocks(m: dict) -> list[dict[str, Any]]:
    inputs = pd.DataFrame(sorted(m.get("inputs", {}).items()), columns=["input", "sha256"])
    params = pd.DataFrame(
        [(k, json.dumps(v)) for k, v in m.get("parameters", {}).items()],
        columns=["parameter", "value"],
    )
    vers = pd.DataFrame(sorted(m.get("versions", {}).items()), columns=["package", "version"])
    res = pd.DataFrame(
        sorted(m.get("resources", {}).items()), columns=["resource or lexicon", "sha256 / version"]
    )
    return [
        p(
            "From ",
            Part("manifest.json", "manifest.json"),
            ", which also records the time each notebook took.",
            cls="note",
        ),
        block("h3", text="Inputs"),
        block("table", table=table(inputs, csv="manifest.json")),
        block("h3", text="Parameters"),
        block("table", table=table(params, limit=60)),
        block("h3", text="Versions"),
        block("table", table=table(vers, limit=60)),
        block("h3", text="Resources and lexicons"),
        block("table", table=table(res, limit=60)),
    ]


def sections(
    out_dir: str | Path,
    t: dict[str, Any],
    *,
    rules: list,
    min_articles: int = 30,
    method: str = "vader",
) -> list[pages.Section]:
    """Every section of the start page, in order."""
    names = [Path(n).stem for n in t["manifest"].get("notebooks", [])]
    items = findings(t, method=method)
    return [
        pages.Section(
            "findings",
            "Findings",
            [block("list", entries=items, cls="finding")]
            if items
            else [p("No findings: nothing was analysed.")],
        ),
        pages.Section("corpus", "Corpus", corpus_blocks(t)),
        pages.Section("figures", "Figures", pages.figure_blocks(out_dir) or [p("No figures.")]),
        pages.Section("sentiment", "Tone", sentiment_blocks(t, method=method)),
        pages.Section("framing", "Voices, names and frames", framing_blocks(t)),
        pages.Section("timeline", "Timeline of referenced events", timeline_blocks(t)),
        pages.Section("claims", "Claims across outlets", claims_blocks(t)),
        pages.Section("contrasts", "Words that distinguish outlets", contrasts_blocks(t)),
        pages.Section("cleaning", "What cleaning removed", cleaning_blocks(t, rules)),
        pages.Section("quarantine", "Quarantine", quarantine_blocks(t)),
        pages.Section("validation", "How far the methods can be trusted", validation_blocks(t)),
        pages.Section(
            "methods", "Methods and limitations", methods_blocks(t, min_articles=min_articles)
        ),
        pages.Section("notebooks", "Notebooks", notebooks_blocks(names)),
        pages.Section("manifest", "Manifest", manifest_blocks(t["manifest"])),
    ]
