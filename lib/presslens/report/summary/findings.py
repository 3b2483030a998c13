"""The findings: a short list of statements about the corpus, each naming its top items and the
counts behind them with links to their sentences; and the warnings a reader must see."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from presslens.extract.actors import display_name
from presslens.report.parts import Part, fmt
from . import differences
from .quality import quality_warnings, scope_sentence
from presslens.measure import outlet_differences as od
from .reading import (
    TOP,
    UNKNOWN_OUTLET,
    actor_names,
    corpus_facts,
    evidence_link,
    fmt_ci,
    joined,
    link,
    agree,
    plural,
    snippet,
    stat_value,
)


# ---- warnings and findings -----------------------------------------------------------------

NEUTRAL_BAND = 0.05  # a mean tone within this of 0 is "about neutral", not a lean
MIN_SENTENCES = 10  # articles shorter than this are not named as the most negative or positive
MIN_ACTOR_ARTICLES = 10  # an actor is named as the most negatively or positively written about
# only when its mentions come from this many articles


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
            f"Only {plural(f['ok'], 'article')} {agree(f['ok'], 'was', 'were')} analysed: every "
            "comparison between outlets "
            "or over time rests on very few texts, so treat differences as descriptions of these "
            "articles, not of the outlets."
        )
    if f["undated"]:
        out.append(
            f"{plural(f['undated'], 'analysed article')} {agree(f['undated'], 'has', 'have')} no "
            "publication date: they are kept "
            "in every analysis that does not need a date and left out of charts over time."
        )
    if f["quarantined"]:
        out.append(
            f"{plural(f['quarantined'], 'input')} {agree(f['quarantined'], 'was', 'were')} "
            "quarantined and not analysed (reasons "
            "under Quarantine)."
        )
    meta = q[q["kind"] == "metadata"] if "kind" in q else q.iloc[0:0]
    if len(meta):
        out.append(
            f"{plural(len(meta), 'problem')} with the metadata {agree(len(meta), 'was', 'were')} "
            "found (listed under "
            "Quarantine)."
        )
    if f["duplicate"]:
        out.append(f"{plural(f['duplicate'], 'article')} repeat another one and are counted once.")
    rates = t.get("quote_rates")
    rates = rates if rates is not None and "warning" in rates.columns else pd.DataFrame()
    for r in rates[rates["warning"].fillna("") != ""].itertuples() if len(rates) else []:
        out.append(
            f"Quotes of {r.outlet}: {r.warning} (data/quote_rates.csv); comparisons of who "
            "speaks in that outlet may be biased."
        )
    return out + quality_warnings(t)


def corpus_finding(t: dict[str, Any]) -> list[list[Part]]:
    f = corpus_facts(t["articles"])
    if f["ok"] == 0:
        return [
            [
                Part(
                    f"{plural(f['inputs'], 'input article')}: none could be analysed "
                    f"({f['duplicate']:,} duplicate, {f['quarantined']:,} quarantined); "
                ),
                Part("the reasons", "#quarantine"),
                Part(" are listed under Quarantine."),
            ]
        ]
    ok = t["articles"][t["articles"]["status"] == "ok"]
    sizes = ok["outlet"].fillna(UNKNOWN_OUTLET).value_counts()
    span = f"published {f['first']} to {f['last']}" if f["first"] else "with no publication dates"
    undated = f" ({f['undated']:,} undated)" if f["undated"] and f["first"] else ""
    outlets = plural(len(sizes), "outlet") + _sizes(sizes)
    return [
        [
            Part(
                f"{plural(f['inputs'], 'input article')}: {f['ok']:,} analysed, {f['duplicate']:,} "
                f"duplicate, {f['quarantined']:,} quarantined. "
                f"The analysed articles come from {outlets}, {span}{undated}, and hold "
                f"{t['n_sentences']:,} sentences. {scope_sentence(t)}"
            )
        ]
    ]


def _sizes(sizes: pd.Series) -> str:
    """How the outlets' sizes compare: ' (12 articles)', ' of 142 to 144 articles each', or ', the
    largest A (300), B (120) and C (80)' when they differ."""
    if len(sizes) == 1:
        return f" ({plural(int(sizes.iloc[0]), 'article')})"
    if len(sizes) and sizes.iloc[0] <= 1.1 * sizes.iloc[-1]:
        lo, hi = int(sizes.iloc[-1]), int(sizes.iloc[0])
        each = "article each" if hi == 1 else "articles each"
        return f" of {hi:,} {each}" if lo == hi else f" of {lo:,} to {hi:,} {each}"
    return ", the largest " + ", ".join(f"{o} ({n:,})" for o, n in sizes.head(3).items())


def sentiment_findings(t: dict[str, Any], *, method: str = "vader") -> list[list[Part]]:
    """Tone of the sentences, the range of article tone, outlets that differ, the extreme
    sentences."""
    stats = t["sentiment_stats"]
    n = stat_value(stats, method, "sentences")
    if not n:
        return []
    return [
        *_lean_findings(stats, n, method=method),
        *_article_range_findings(t["article_sentiment"], method=method),
        *_outlet_findings(t, method=method),
        *_extreme_findings(t["extremes"]),
        *_agreement_findings(stats, t["disagreements"]),
    ]


def _lean_findings(stats: pd.DataFrame, n: float, *, method: str) -> list[list[Part]]:
    """Which way the sentences lean, by the main method."""
    out: list[list[Part]] = []
    mean, pos, neg = (
        stat_value(stats, method, "mean"),
        stat_value(stats, method, "share_positive"),
        stat_value(stats, method, "share_negative"),
    )
    if mean is not None:
        lean = (
            "are about neutral on balance"
            if abs(mean) < NEUTRAL_BAND
            else f"lean {'positive' if mean > 0 else 'negative'}"
        )
        out.append(
            [
                Part(
                    f"Sentences {lean} by "
                    f"{method.upper() if method == 'vader' else method}: {pos:.0%} of {int(n):,} "
                    f"sentences score positive and {neg:.0%} negative (the rest neutral), a mean "
                    f"of {mean:+.2f} on a -1 to +1 scale."
                )
            ]
        )
    return out


def _article_range_findings(art: pd.DataFrame, *, method: str) -> list[list[Part]]:
    """The most negative and most positive articles, with their intervals."""
    out: list[list[Part]] = []
    a = art[(art["method"] == method) & (art["n_sentences"] >= MIN_SENTENCES)]
    a = a.sort_values(["tone", "article_id"], kind="mergesort")
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
                    f" (of {len(a):,} articles with {MIN_SENTENCES}+ sentences; shorter ones "
                    "are left out of this range)."
                    + (
                        " Their intervals overlap, so even these two are not clearly different."
                        if overlap
                        else ""
                    )
                ),
            ]
        )
    return out


def _outlet_findings(t: dict[str, Any], *, method: str) -> list[list[Part]]:
    """The range of outlet tone over outlets with enough articles; whether any outlet differs from
    the others is a tested finding of its own (outlet differences)."""
    out: list[list[Part]] = []
    o = t["outlet_sentiment"]
    if len(o):
        o = o[(o["method"] == method) & o["ci_low"].notna()]
        o = o[o["n_articles"] >= od.MIN_OUTLET_ARTICLES]
    if len(o) >= 2:
        o = o.sort_values(["tone", "outlet"], kind="mergesort")
        lo, hi = o.iloc[0], o.iloc[-1]
        out.append(
            [
                Part(
                    f"Mean article tone of the {plural(len(o), 'outlet')} with "
                    f"{od.MIN_OUTLET_ARTICLES}+ articles runs from "
                    f"{fmt_ci(lo.tone, lo.ci_low, lo.ci_high)} ({lo.outlet}, "
                    f"{plural(int(lo.n_articles), 'article')}) to "
                    f"{fmt_ci(hi.tone, hi.ci_low, hi.ci_high)} ({hi.outlet}, "
                    f"{plural(int(hi.n_articles), 'article')}), a spread of "
                    f"{hi.tone - lo.tone:.2f} on a -1 to +1 scale."
                    + differences.verdict(t, "article tone", "article tone")
                )
            ]
        )
    return out


def _extreme_findings(ext: pd.DataFrame) -> list[list[Part]]:
    """The most negative and most positive sentences."""
    out: list[list[Part]] = []
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
    return out


def _agreement_findings(stats: pd.DataFrame, dis: pd.DataFrame) -> list[list[Part]]:
    """How often the two lexicons agree, and where they differ most."""
    out: list[list[Part]] = []
    pair = stats[stats["method"].str.contains(" vs ", regex=False)] if len(stats) else stats
    if len(pair) and len(dis):
        name = pair["method"].iloc[0]
        a_m, b_m = name.split(" vs ")
        same, kappa = stat_value(stats, name, "same_label"), stat_value(stats, name, "cohen_kappa")
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


def framing_findings(
    t: dict[str, Any], *, min_mentions: int = od.MIN_ACTOR_MENTIONS
) -> list[list[Part]]:
    """Who speaks and who is only talked about, naming choices, frames, portrayal."""
    from .voices import actor_findings, variant_findings, voice_findings

    return [
        *actor_findings(t),
        *_speaker_findings(t["quotes"], actor_names(t)),
        *voice_findings(t),
        *_silent_findings(t["quoted_mentioned"], actor_names(t), _types(t)),
        *variant_findings(t),
        *_naming_findings(t["term_counts"]),
        *_frame_findings(t),
        *_portrayal_findings(
            t.get("actor_tone_all", pd.DataFrame()),
            actor_names(t),
            _types(t),
            min_mentions=min_mentions,
        ),
    ]


def _types(t: dict[str, Any]) -> dict[str, str]:
    """Actor id -> type (person, organisation, place, group, other), from the `actors` table."""
    actors = t.get("actors")
    if actors is None or actors.empty:
        return {}
    return dict(zip(actors["actor"].astype(str), actors["type"].astype(str)))


def _speaker_findings(quotes: pd.DataFrame, names: dict[str, str]) -> list[list[Part]]:
    """The quotes found, and who speaks most."""
    out: list[list[Part]] = []
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
                Part(f"{display_name(a, names)} ({plural(int(r.n), 'quote')}, e.g. "),
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
    return out


def _silent_findings(
    qm: pd.DataFrame, names: dict[str, str], types: dict[str, str]
) -> list[list[Part]]:
    """People often talked about but never quoted (places and things are never quoted)."""
    out: list[list[Part]] = []
    if len(qm):
        talked = qm.groupby("actor")[["mentions", "quotes"]].sum()
        people = np.array([types.get(str(a), "") == "person" for a in talked.index], dtype=bool)
        silent = (
            talked[people & (talked["quotes"] == 0) & (talked["mentions"] >= od.MIN_ACTOR_MENTIONS)]
            .sort_values("mentions", ascending=False, kind="mergesort")
            .head(TOP)
        )
        if len(silent):
            out.append(
                [
                    Part(
                        f"People often talked about ({od.MIN_ACTOR_MENTIONS}+ mentions) but never "
                        "quoted: "
                        + ", ".join(
                            f"{display_name(a, names)} ({plural(int(r.mentions), 'mention')})"
                            for a, r in silent.iterrows()
                        )
                        + "."
                    )
                ]
            )
    return out


def _naming_findings(tc: pd.DataFrame) -> list[list[Part]]:
    """The variants of the most used contested names."""
    out: list[list[Part]] = []
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
    return out


def _frame_findings(t: dict[str, Any]) -> list[list[Part]]:
    """The share of articles using each generic frame, and whether outlets differ in them."""
    out: list[list[Part]] = []
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
                    "validation section)." + differences.verdict(t, "frame", "the frames it uses")
                )
            ]
        )
    return out


def _portrayal_findings(
    pooled: pd.DataFrame, names: dict[str, str], types: dict[str, str], *, min_mentions: int
) -> list[list[Part]]:
    """The people, organisations and groups written about most negatively and most positively
    (tone toward them: each article's mean, averaged over articles, `outlet_actor` over all
    outlets), over actors with `min_mentions` or more mentions in MIN_ACTOR_ARTICLES or more
    articles, each only when its interval excludes 0 (neutral)."""
    if pooled.empty:
        return []
    kinds = [types.get(str(a), "") in od.ACTOR_TYPES for a in pooled["actor"]]
    allp = pooled[
        np.array(kinds, dtype=bool)
        & (pooled["mentions"] >= min_mentions)
        & (pooled["n"] >= MIN_ACTOR_ARTICLES)
        & pooled["tone"].notna()
    ].sort_values(["tone", "actor"], kind="mergesort")
    if len(allp) < 2:
        return []
    lo, hi = allp.iloc[0], allp.iloc[-1]

    def said(r: pd.Series) -> str:
        return (
            f"{display_name(r.actor, names)} ({fmt_ci(r.tone, r.tone_lo, r.tone_hi)}, "
            f"{plural(int(r.mentions), 'mention')} in {plural(int(r.n), 'article')})"
        )

    ends = ([f"the most negatively written about is {said(lo)}"] if lo.tone_hi < 0 else []) + (
        [f"the most positively {said(hi)}"] if hi.tone_lo > 0 else []
    )
    if not ends:
        return []
    return [
        [
            Part(
                f"Tone toward actors (each article's mean, averaged over articles): of "
                f"{plural(len(allp), 'actor')} (people, organisations, groups) with "
                f"{min_mentions}+ mentions in {MIN_ACTOR_ARTICLES}+ articles (the others are left "
                "out), " + "; ".join(ends) + "."
            )
        ]
    ]


def _span(begin: object, finish: object) -> str:
    """A dated span in words: a day, a year, or the years it covers ("1900-1999")."""
    b, f = str(begin), str(finish)
    if b == f or not f or f == "nan":
        return b
    if b[:4] == f[:4]:
        return b[:7] if b[:7] == f[:7] else b[:4]
    return f"{b[:4]}-{f[:4]}"


def timeline_findings(t: dict[str, Any]) -> list[list[Part]]:
    """What the articles reach back to and the events most articles refer to."""
    g = t["event_groups"]
    out: list[list[Part]] = []
    if len(g):
        first, last = (
            g.sort_values(["begin", "event_id"]).iloc[0],
            g.sort_values(["begin", "event_id"]).iloc[-1],
        )
        a, b = evidence_link(first.evidence), evidence_link(last.evidence)
        out.append(
            [
                Part(
                    f"The articles refer to {plural(len(g), 'dated event')} "
                    f"({int(g['n_mentions'].sum()):,} mentions); the earliest is ‘{first.label}’ "
                    f"({_span(first.begin, first.finish)}"
                ),
                *([Part(", "), a] if a else []),
                Part(f"), the latest ‘{last.label}’ ({_span(last.begin, last.finish)}"),
                *([Part(", "), b] if b else []),
                Part(")."),
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
                e = evidence_link(r.evidence)
                items.append(
                    [
                        Part(
                            f"‘{r.label}’ ({_span(r.begin, r.finish)}, "
                            f"{plural(int(r.n_articles), 'article')}"
                        ),
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
    """Quantities outlets state differently for the same thing and time, in the divergence's rank
    (outlets, articles, size of the difference); none when no disagreement is worth reporting."""
    div = t["divergence"]
    if div.empty:
        return []
    differ = div[div["verdict"] == "disagree"]
    if differ.empty:
        return []  # the claims section says so; a finding would only pad the list
    ranked = differ.assign(rank=differ["rank"] if "rank" in differ else 0)
    sizes = (
        ranked.groupby("quantity")
        .agg(rank=("rank", "min"), n=("article_id", "nunique"))
        .sort_values(["rank", "n"], ascending=[True, False], kind="mergesort")["n"]
    )
    items = []
    for q in sizes.head(3).index:
        g = differ[differ["quantity"] == q]
        vals = g["value"].dropna()
        ex = g.iloc[0]
        items.append(
            [
                Part(
                    f"{q} ({plural(len(g), 'article')}"
                    + (f" of {plural(g['outlet'].nunique(), 'outlet')}" if "outlet" in g else "")
                    + f", values {fmt(vals.min())} to {fmt(vals.max())}, e.g. "
                ),
                link(ex.article_id, int(ex.sent_id), snippet(str(ex.claim), 60)),
                Part(")"),
            ]
        )
    more = f"; {len(sizes) - 3:,} more in data/divergence.csv" if len(sizes) > 3 else ""
    one_outlet = "outlet" in differ and differ["outlet"].nunique() <= 1
    undated = "published" in differ and differ["published"].isna().any()
    who = "Articles of one outlet state" if one_outlet else "Outlets state"
    when = "at the same time (or undated)" if undated else "at the same time"
    return [
        [Part(f"{who} different numbers for the same thing {when}: ")]
        + joined(items, sep="; ", last="; ")
        + [Part(f"{more}.")]
    ]


def findings(
    t: dict[str, Any], *, method: str = "vader", min_mentions: int = od.MIN_ACTOR_MENTIONS
) -> list[list[Part]]:
    """The findings list: the corpus, then the outlet differences that hold (the central contrast),
    then a few statements per analysis, each naming its top items and counts, linked to
    sentences."""
    return (
        corpus_finding(t)
        + differences.findings(t)
        + sentiment_findings(t, method=method)
        + framing_findings(t, min_mentions=min_mentions)
        + timeline_findings(t)
        + claim_findings(t)
    )
