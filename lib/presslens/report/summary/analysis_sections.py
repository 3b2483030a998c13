"""The start page's sections on the analyses: corpus, tone, voices and frames, timeline, claims,
words that distinguish outlets (bounded tables linking their CSV)."""

from __future__ import annotations

from typing import Any
import pandas as pd

from presslens.extract.actors import display_name
from presslens.core import packs
from presslens.report.parts import block, sentence_href, table
from .reading import UNKNOWN_OUTLET, actor_names, divergent_pairs, evidence_link, p, plural, snippet


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
        title=[
            (s if len(s) <= 100 else s[:99] + "…") or aid
            for s, aid in zip(a["title"].fillna(""), a["article_id"])
        ],
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
                view[["title", "href", "outlet", "published", "status"]],
                links={"title": "href"},
                labels={"title": "article (headline)"},
                csv="data/articles.csv",
                order="in input order",
            ),
        ),
    ]


ARTICLE_TONE_COLUMNS = [
    "n_sentences",
    "tone",
    "ci_low",
    "ci_high",
    "share_negative",
    "share_positive",
]


def sentiment_blocks(t: dict[str, Any], *, method: str = "vader") -> list[dict[str, Any]]:
    """Tone: what the scores mean, the outlets, the extreme articles, where the methods disagree."""
    return [
        p(
            "Scores run from -1 (very negative) to +1 (very positive). An article's tone is the "
            "mean of its sentences' scores (scoring a whole article at once saturates); "
            "the interval is a bootstrap 95% interval over its sentences. An outlet's tone is the "
            "mean of its articles' tones with an interval over articles; "
            "with one article there is no interval and no comparison."
        ),
        *_outlet_tone_blocks(t["outlet_sentiment"], method=method),
        *_article_tone_blocks(t["article_sentiment"], t["articles"], method=method),
        *_disagreement_blocks(t["disagreements"]),
    ]


def _outlet_tone_blocks(outl: pd.DataFrame, *, method: str) -> list[dict[str, Any]]:
    outl = (
        outl[outl["method"] == method].sort_values(
            ["n_articles", "outlet"], ascending=[False, True], kind="mergesort"
        )
        if len(outl)
        else outl
    )
    return [
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
    ]


def _article_tone_blocks(
    art: pd.DataFrame, articles: pd.DataFrame, *, method: str
) -> list[dict[str, Any]]:
    main = art[art["method"] == method].merge(articles[["article_id", "outlet"]], on="article_id")
    main = main.sort_values(["tone", "article_id"], kind="mergesort")
    ends = (
        pd.concat([main.head(10), main.tail(10)]).drop_duplicates("article_id")
        if len(main) > 20
        else main
    )
    ends = ends.assign(href=[sentence_href(x) for x in ends["article_id"]])
    return [
        block("h3", text=f"The most negative and most positive articles ({method})"),
        block(
            "table",
            table=table(
                ends[["article_id", "href", "outlet", *ARTICLE_TONE_COLUMNS]],
                links={"article_id": "href"},
                numeric=ARTICLE_TONE_COLUMNS,
                total=len(main),
                limit=20,
                csv="data/article_sentiment.csv",
                order="the 10 most negative and 10 most positive",
                empty="No article was scored.",
            ),
        ),
    ]


def _disagreement_blocks(dis: pd.DataFrame) -> list[dict[str, Any]]:
    dis = (
        dis.assign(href=[sentence_href(a, s) for a, s in zip(dis["article_id"], dis["sent_id"])])
        if len(dis)
        else dis
    )
    return [
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
    """Voices, names and frames: who speaks, quoted versus talked about, naming choices, frames, and
    the tone toward each actor."""
    from .voices import merge_check_blocks, voice_blocks

    return [
        *_speaker_blocks(t["quotes"], actor_names(t)),
        *voice_blocks(t),
        *_quoted_blocks(t["quoted_mentioned"]),
        *merge_check_blocks(t),
        *(_naming_blocks(t["term_counts"]) if t.get("pack") else _no_pack_blocks()),
        *_frame_blocks(t["frame_shares"], has_issue=bool(t.get("pack"))),
        *_portrayal_blocks(t["portrayal"]),
    ]


def _speaker_blocks(quotes: pd.DataFrame, names: dict[str, str]) -> list[dict[str, Any]]:
    spoken = quotes[quotes["speaker_actor"].fillna("") != ""] if len(quotes) else quotes
    speakers = (
        spoken.groupby("speaker_actor")
        .agg(quotes=("article_id", "size"), articles=("article_id", "nunique"))
        .sort_values(["quotes", "articles"], ascending=False, kind="mergesort")
        .reset_index()
        if len(spoken)
        else pd.DataFrame(columns=["speaker_actor", "quotes", "articles"])
    )
    speakers["speaker_actor"] = [display_name(a, names) for a in speakers["speaker_actor"]]
    return [
        block("h3", text="Who speaks"),
        p(
            "Direct quotes (any quotation style) and indirect ones (“X said that”, “according to "
            "X”, “X argued”); the speaker is resolved to an actor discovered in the corpus (or "
            "listed by the topic pack) through names, titles, surnames and “he said”. Every quote "
            "is in data/quotes.csv and highlighted on its article page."
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
    ]


def _quoted_blocks(qm: pd.DataFrame) -> list[dict[str, Any]]:
    by = ["name"] if "name" in qm.columns else ["actor"]
    overall = (
        qm.groupby(["actor", *by] if by == ["name"] else by)[["mentions", "quotes"]]
        .sum()
        .sort_values(["mentions", "quotes"], ascending=False, kind="mergesort")
        .reset_index()
        .drop(columns=["actor"] if by == ["name"] else [])
        if len(qm)
        else pd.DataFrame(columns=[*by, "mentions", "quotes"])
    )
    return [
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
    ]


def _naming_blocks(tc: pd.DataFrame) -> list[dict[str, Any]]:
    naming = (
        tc.groupby(["concept", "variant"])
        .agg(uses=("n", "sum"), outlets=("outlet", "nunique"))
        .sort_values("uses", ascending=False, kind="mergesort")
        .reset_index()
        if len(tc)
        else pd.DataFrame(columns=["concept", "variant", "uses", "outlets"])
    )
    return [
        block("h3", text="Naming choices"),
        p(
            "Variants of contested names from the terms resource; every use is highlighted on the "
            "article pages."
        ),
        block(
            "table",
            table=table(
                naming.assign(concept=naming["concept"].astype(str).str.replace("_", " ")),
                numeric=["uses", "outlets"],
                csv="data/term_counts.csv",
                order="most used first; per outlet in the CSV",
                empty="No naming choice of the terms resource occurs in these articles.",
            ),
        ),
    ]


def _no_pack_blocks() -> list[dict[str, Any]]:
    """What a run without a topic pack does not code, said once, with where to read how to add
    it."""
    return [
        block("h3", text="Naming choices and issue frames: need a topic pack"),
        p(
            "This run has no topic pack, so naming choices (which variant of a contested name each "
            "outlet uses) and issue frames (the frames particular to one story) were not coded: "
            "both need lists written for the story. A topic pack holds them, with an actors "
            "overlay and the claims worth comparing. Choose a pack with presslens run --pack NAME "
            "or a presslens.yaml beside the corpus, or write one: the format is in the "
            f"project's {packs.FORMAT}."
        ),
    ]


def _frame_blocks(fs: pd.DataFrame, *, has_issue: bool = True) -> list[dict[str, Any]]:
    frames = (
        fs.groupby(["scheme", "frame"])[["present", "articles"]].sum().reset_index()
        if len(fs)
        else pd.DataFrame(columns=["scheme", "frame", "present", "articles"])
    )
    frames = frames.assign(
        share=frames["present"] / frames["articles"].where(frames["articles"] > 0)
    ).sort_values(["scheme", "share"], ascending=[True, False], kind="mergesort")
    return [
        block("h3", text="Frames"),
        p(
            "Generic frames (Semetko & Valkenburg) coded through yes/no indicator questions; "
            + (
                "issue frames from cue words. "
                if has_issue
                else "no issue frames (they need a topic pack, see above). "
            )
            + "Each article's frames and their evidence sentences are in data/article_frames.csv "
            "and on its page."
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
    ]


def _portrayal_blocks(port: pd.DataFrame) -> list[dict[str, Any]]:
    allp = (
        port[port["outlet"] == "(all outlets)"]
        .sort_values(["n_mentions", "actor"], ascending=[False, True], kind="mergesort")
        .drop(columns=["outlet", *(["actor"] if "name" in port.columns else [])])
        if len(port)
        else port
    )
    numeric = ["n_mentions", "n_articles", "tone", "ci_low", "ci_high", "negative", "neutral"]
    return [
        block("h3", text="Tone toward each actor"),
        block(
            "table",
            table=table(
                allp,
                numeric=[*numeric, "positive"],
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
            example=[(lk.text if (lk := evidence_link(e)) else "") for e in top["evidence"]],
            href=[(lk.href if (lk := evidence_link(e)) else "") for e in top["evidence"]],
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
            "articles stay unresolved. A month, weekday or season without a year takes the year "
            "the tense of its clause points to, or the year other articles give the same event "
            "(the timex table's basis column says which). An event is a date with what it dates "
            "(the noun phrase it modifies, or the verb of its clause, with its subject); events "
            "are grouped across articles by what happened and an overlapping date."
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


MAX_DISAGREEMENTS = 10  # disagreements the start page lists (all are in data/divergence.csv)


def claims_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    """Claims across outlets: the quantities several articles state, and who did what to whom."""
    by = _divergence_table(t["divergence"])
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
            "Numbers the articles state, side by side only when two articles state the same "
            "quantity of the same thing: the same unit, counted noun, qualifiers (NATO troops are "
            "not US troops) and place, in sentences about the same thing. ‘Disagree’: the values "
            "differ for the same time in at least two outlets; ‘change over time’: they differ "
            "and refer to different years or publication dates; ‘agree’: for the same time, the "
            "values fit each other (approximate claims within 10%)."
        ),
        p(_disagreement_note(t["divergence"])),
        block(
            "table",
            table=table(
                by,
                links={"example": "href"},
                numeric=["articles", "outlets", "low", "high"],
                csv="data/divergence.csv",
                order="disagreements first, then by outlets, articles and size of the difference",
                empty="No two articles state the same quantity of the same thing.",
            ),
        ),
        block("h3", text="Who did what to whom"),
        p(
            "Actions between two actors in one clause (subject, one of a short list of verbs, "
            "object); "
            f"{plural(divergent_pairs(t['action_divergence']), 'subject-action pair')} with "
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


def _disagreement_note(div: pd.DataFrame) -> str:
    """How many disagreements the table lists, or that the corpus has none worth reporting."""
    n = div.loc[div["verdict"] == "disagree", "quantity"].nunique() if len(div) else 0
    if n:
        first = f" (the first {MAX_DISAGREEMENTS})" if n > MAX_DISAGREEMENTS else ""
        return f"{plural(n, 'disagreement')} between outlets, listed first below{first}."
    return (
        "No disagreement worth reporting: no two outlets (or articles, in a corpus of one outlet) "
        "state different values for the same quantity of the same thing at the same time."
    )


def _divergence_table(div: pd.DataFrame) -> pd.DataFrame:
    """One row per quantity stated by several articles: verdict, articles, outlets, range, an
    example; in the divergence's rank (disagreements first), at most MAX_DISAGREEMENTS of them."""
    if len(div):
        by = (
            div.assign(
                rank=div["rank"] if "rank" in div else 0,
                outlet=div["outlet"] if "outlet" in div else "",
            )
            .groupby("quantity")
            .agg(
                verdict=("verdict", "first"),
                articles=("article_id", "nunique"),
                outlets=("outlet", "nunique"),
                low=("value", "min"),
                high=("value", "max"),
                rank=("rank", "min"),
            )
            .reset_index()
        )
        order = {"disagree": 0, "change over time": 1, "differ within an outlet": 2, "agree": 3}
        by = by.sort_values(
            ["verdict", "rank", "articles", "quantity"],
            key=lambda c: c.map(order) if c.name == "verdict" else c,
            ascending=[True, True, False, True],
            kind="mergesort",
        )
        nth = (by["verdict"] == "disagree").cumsum()
        by = by[(by["verdict"] != "disagree") | (nth <= MAX_DISAGREEMENTS)].drop(columns="rank")
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
            columns=["quantity", "verdict", "articles", "outlets", "low", "high", "example", "href"]
        )
    return by


def _few_articles(sizes: pd.Series) -> str:
    """' With few articles per outlet ...' when the median outlet has under 20 articles."""
    if sizes.empty or sizes.median() >= 20:
        return ""
    return (
        f" The median outlet has {plural(int(sizes.median()), 'article')}: with so few, these "
        "words describe those articles, not an editorial line."
    )


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
            "|z| > 1.96 is the conventional threshold, uncorrected for the many words tested."
            + _few_articles(sizes)
        ),
        block(
            "table",
            table=table(
                view, numeric=["articles"], csv="data/contrasts.csv", order="largest outlets first"
            ),
        ),
    ]
