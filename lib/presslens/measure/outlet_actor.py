"""Outlet x actor: how each outlet mentions, quotes and portrays each actor (`outlet_actor`), and
the differences between outlets that hold (`outlet_differences`: tone toward and shares of the
leading actors, frames, who speaks, article tone; see presslens.measure.outlet_differences)."""

from __future__ import annotations

import pandas as pd

from presslens.core.partitions import stacked

from . import outlet_differences as od

OUTLET_ACTOR = [
    "outlet",
    "actor",
    "name",
    "mentions",
    "mention_share",
    "quotes",
    "quote_share",
    "tone",
    "tone_lo",
    "tone_hi",
    "n",
]
ALL = "(all outlets)"  # the outlet of outlet_actor's rows over every outlet
SPEAKER_TYPES = ("person", "organisation", "group", "place", "other")


def _per_article(units: pd.DataFrame, key: str, value: str | None) -> pd.DataFrame:
    """Per article and `key`: s (sum of `value`, or the count) and n (the count)."""
    g = units.groupby(["article_id", key], sort=True, observed=True)
    out = g.size().rename("n").to_frame()
    out["s"] = g[value].sum() if value else out["n"]
    return out.reset_index()


def _article_means(scored: pd.DataFrame, key: str) -> pd.DataFrame:
    """Per article and `key`: s, the article's mean tone score, and n = 1 (each article counts
    once, however often it names the actor)."""
    per = _per_article(scored, key, "score")
    return per.assign(s=per["s"] / per["n"], n=1.0)


def _cells(per: pd.DataFrame, keys: list[str], *, tone: bool) -> pd.DataFrame:
    """Value and 95% interval of sum(s)/sum(n) per `keys`, articles as clusters."""
    x = per.assign(ss=per["s"] ** 2, sn=per["s"] * per["n"], nn=per["n"] ** 2)
    m = x.groupby(keys, sort=True).agg(
        g=("article_id", "size"),
        s=("s", "sum"),
        n=("n", "sum"),
        ss=("ss", "sum"),
        sn=("sn", "sum"),
        nn=("nn", "sum"),
    )
    value, se = od.ratio_and_se(m.to_numpy(dtype=float), share=not tone)
    lo, hi = od.t_interval(value, se, m["g"].to_numpy() - 1, -1.0 if tone else 0.0, 1.0)
    return pd.DataFrame({"value": value, "lo": lo, "hi": hi, "n": m["n"]}, index=m.index)


def outlet_actor(
    outlet: pd.Series, tone: pd.DataFrame, quotes: pd.DataFrame, names: dict[str, str]
) -> pd.DataFrame:
    """One row per outlet and actor it mentions or quotes: mentions and their share of the outlet's
    mentions, quotes (as speaker) and their share of the outlet's quotes, and the tone toward the
    actor: the mean over the outlet's articles of each article's mean tone toward it (an article
    counts once, however often it names the actor), with a 95% t interval, over n articles.
    `outlet`: article_id -> outlet; `tone`: the actor_tone table; `quotes`: the quotes table."""
    t = tone.assign(outlet=tone["article_id"].map(outlet)).dropna(subset=["outlet"])
    q = quotes.assign(outlet=quotes["article_id"].map(outlet)).dropna(subset=["outlet"])
    mentions = t.groupby(["outlet", "actor"]).size().rename("mentions")
    said = q[q["speaker_actor"].fillna("").astype(str) != ""]
    quoted = said.groupby(["outlet", "speaker_actor"]).size().rename("quotes")
    quoted.index = quoted.index.set_names(["outlet", "actor"])
    out = pd.concat([mentions, quoted], axis=1).fillna(0).astype(int)
    scored = t.dropna(subset=["score"])
    per = _article_means(scored.assign(key=scored["outlet"] + "\x1f" + scored["actor"]), "key")
    cells = _cells(per, ["key"], tone=True)
    key = out.index.get_level_values(0) + "\x1f" + out.index.get_level_values(1)
    cells = cells.reindex(key)
    out = out.reset_index()
    out["mention_share"] = out["mentions"] / out.groupby("outlet")["mentions"].transform("sum")
    all_quotes = q.groupby("outlet").size()
    per_outlet = pd.to_numeric(out["outlet"].map(all_quotes), errors="coerce")
    out["quote_share"] = out["quotes"] / per_outlet.where(per_outlet > 0)
    out["tone"], out["tone_lo"], out["tone_hi"] = (
        cells[c].to_numpy() for c in ("value", "lo", "hi")
    )
    out["n"] = cells["n"].fillna(0).astype(int).to_numpy()
    out["name"] = [names.get(a, str(a)) for a in out["actor"]]
    out = out.sort_values(
        ["outlet", "mentions", "actor"], ascending=[True, False, True], kind="mergesort"
    )
    return (
        out[OUTLET_ACTOR]
        .reset_index(drop=True)
        .round({"mention_share": 6, "quote_share": 6, "tone": 4, "tone_lo": 4, "tone_hi": 4})
    )


def _test(
    outlet: pd.Series,
    per: pd.DataFrame,
    measure: str,
    subject: str,
    compared: set[str],
    *,
    tone: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The contrasts (each outlet against the others) and the pairs of outlets of one measure and
    subject, from per-article s and n."""
    o = per["article_id"].map(outlet)
    keep = o.notna()
    args = (o[keep].to_numpy(), per.loc[keep, "s"].to_numpy(), per.loc[keep, "n"].to_numpy())
    return (
        od.contrast(*args, compared=compared, tone=tone).assign(measure=measure, subject=subject),
        od.pairs(*args, compared=compared, tone=tone).assign(measure=measure, subject=subject),
    )


def _share_tests(
    outlet: pd.Series,
    units: pd.DataFrame,
    key: str,
    subjects: list[str],
    measure: str,
    compared: set[str],
) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """Share of an article's units (mentions, quotes) that belong to each subject, by outlet."""
    if units.empty:
        return []
    total = units.groupby("article_id").size().rename("n")
    out = []
    for subject in subjects:
        own = units[units[key] == subject].groupby("article_id").size().rename("s")
        per = pd.concat([total, own], axis=1).fillna(0).reset_index()
        out.append(_test(outlet, per, measure, subject, compared, tone=False))
    return out


def differences(
    outlet: pd.Series,
    *,
    tone: pd.DataFrame,
    quotes: pd.DataFrame,
    article_frames: pd.DataFrame,
    article_tone: pd.DataFrame,
    leading: list[str],
) -> pd.DataFrame:
    """Every outlet against the others on every measure, Benjamini-Hochberg corrected together
    (see presslens.measure.outlet_differences). `outlet`: article_id -> outlet of the analysed
    articles; `article_tone`: article_id, tone (one method)."""
    compared = od.compared_outlets(outlet)
    if len(set(outlet.dropna())) < 2 or not compared:
        return od.corrected(pd.DataFrame())
    parts: list[tuple[pd.DataFrame, pd.DataFrame]] = []
    scored = tone.dropna(subset=["score"])
    for actor in leading:
        per = _article_means(scored[scored["actor"] == actor], "actor")
        parts.append(_test(outlet, per, "tone toward", actor, compared, tone=True))
    said = quotes.assign(actor=quotes["speaker_actor"].fillna("").astype(str))
    parts += _share_tests(outlet, said, "actor", leading, "quote share", compared)
    parts += _share_tests(outlet, tone, "actor", leading, "mention share", compared)
    typed = quotes[quotes["speaker_type"].isin(SPEAKER_TYPES)]
    kinds = sorted(set(typed["speaker_type"]))
    parts += _share_tests(outlet, quotes, "speaker_type", kinds, "speaker share", compared)
    gendered = quotes[quotes["speaker_gender"].isin(["female", "male"])]
    parts += _share_tests(outlet, gendered, "speaker_gender", ["female"], "women's share", compared)
    af = article_frames.assign(subject=article_frames["scheme"] + ": " + article_frames["frame"])
    for subject, g in af.groupby("subject", sort=True):
        per = pd.DataFrame(
            {"article_id": g["article_id"], "s": g["present"].astype(float), "n": 1.0}
        )
        parts.append(_test(outlet, per, "frame", str(subject), compared, tone=False))
    if len(article_tone):
        per = pd.DataFrame(
            {
                "article_id": article_tone["article_id"],
                "s": article_tone["tone"].astype(float),
                "n": 1.0,
            }
        )
        parts.append(_test(outlet, per.dropna(), "article tone", "articles", compared, tone=True))
    rows = [r for r, _ in parts if len(r)]
    pair_rows = [q for _, q in parts if len(q)]
    return od.corrected(
        pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(),
        # millions of pairs with hundreds of outlets: their text columns stacked as codes
        stacked(pair_rows, categories=("outlet", "other", "measure", "subject"))
        if pair_rows
        else pd.DataFrame(),
    )


def subject_names(diffs: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """What each difference is about, for a reader: an actor's display name, "economic frame
    (generic)", "organisation speakers", "women", "articles"."""
    out = []
    for measure, subject in zip(diffs["measure"], diffs["subject"].astype(str)):
        if measure == "frame":
            scheme, _, frame = subject.partition(": ")
            out.append(f"{frame.replace('_', ' ')} frame ({scheme})")
        elif measure == "speaker share":
            out.append(f"{subject} speakers")
        elif measure == "women's share":
            out.append("women")
        elif measure == "article tone":
            out.append("articles")
        else:
            out.append(names.get(subject, subject))
    return out


def evidence(
    diffs: pd.DataFrame, outlet: pd.Series, tone: pd.DataFrame, quotes: pd.DataFrame
) -> pd.Series:
    """Per difference that holds, one sentence behind it ("article_id#sN"): for tone toward, the
    outlet's mention of the actor scored furthest in the difference's direction; for a quote share,
    the outlet's first quote of the actor; "" otherwise."""
    out = pd.Series("", index=diffs.index, dtype=object)
    t = tone.dropna(subset=["score"]).assign(outlet=tone["article_id"].map(outlet))
    q = quotes.assign(outlet=quotes["article_id"].map(outlet))
    for i, r in diffs[diffs["holds"]].iterrows():
        if r.measure == "tone toward":
            g = t[(t["outlet"] == r.outlet) & (t["actor"] == r.subject)]
            g = g.sort_values(
                ["score", "article_id", "sent_id"],
                ascending=[r["diff"] < 0, True, True],
                kind="mergesort",
            )
        elif r.measure == "quote share":
            g = q[(q["outlet"] == r.outlet) & (q["speaker_actor"] == r.subject)]
            g = g.sort_values(["article_id", "sent_id"], kind="mergesort")
        else:
            continue
        if len(g):
            out[i] = f"{g.iloc[0]['article_id']}#s{int(g.iloc[0]['sent_id'])}"
    return out


PERIODS = ["actor", "name", "period", "mentions", "articles", "tone", "tone_lo", "tone_hi", "n"]


def actor_periods(
    tone: pd.DataFrame, period: pd.Series, leading: list[str], names: dict[str, str]
) -> pd.DataFrame:
    """Mentions of each leading actor per publication period, and the tone toward it (the mean of
    its articles' mean tone) with a 95% interval over the n articles. `period`: article_id ->
    period label of the dated articles."""
    t = tone[tone["actor"].isin(set(leading))]
    t = t.assign(period=t["article_id"].map(period)).dropna(subset=["period"])
    if t.empty:
        return pd.DataFrame(columns=PERIODS)
    counts = t.groupby(["actor", "period"]).agg(
        mentions=("article_id", "size"), articles=("article_id", "nunique")
    )
    scored = t.dropna(subset=["score"])
    per = _article_means(scored.assign(key=scored["actor"] + "\x1f" + scored["period"]), "key")
    cells = _cells(per, ["key"], tone=True)
    out = counts.reset_index()
    cells = cells.reindex(out["actor"] + "\x1f" + out["period"])
    out["tone"], out["tone_lo"], out["tone_hi"] = (
        cells[c].to_numpy() for c in ("value", "lo", "hi")
    )
    out["n"] = cells["n"].fillna(0).astype(int).to_numpy()
    out["name"] = [names.get(a, str(a)) for a in out["actor"]]
    out = out.sort_values(["actor", "period"], kind="mergesort")
    return out[PERIODS].reset_index(drop=True).round({"tone": 4, "tone_lo": 4, "tone_hi": 4})
