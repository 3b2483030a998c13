"""Events: dated expressions placed on the calendar with their sentence, actors, article and outlet,
and grouped when several articles refer to the same event.

An event row is a DATE expression of the `timex` table that has a calendar span (``begin`` and
``finish``), i.e. an absolute date or a relative one resolved against the publication date.
Present references ("now") are left out. Two event rows are the same event when their spans are
equal and they share at least one actor mentioned in their sentences (or neither sentence names an
actor); a group lists every article that refers to it.
"""

from __future__ import annotations

import pandas as pd

from presslens import claims

EVENT_COLUMNS = [
    "article_id", "sent_id", "start", "end", "text", "value", "begin", "finish", "anchor", "event", "actors", "outlet", "published", "sentence",
]


def event_table(timex: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame | None, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per dated expression with a calendar span: its sentence, the actors in it, article and outlet."""
    t = timex[(timex["type"] == "DATE") & timex["begin"].notna() & timex["finish"].notna()]
    t = t[~t["value"].astype(str).str.endswith("_REF")]
    if mentions is not None and len(mentions):
        actors = mentions.groupby(["article_id", "sent_id"])["actor"].agg(lambda a: " ".join(sorted(set(a)))).rename("actors").reset_index()
        out = t.merge(actors, on=["article_id", "sent_id"], how="left")
        out["actors"] = out["actors"].fillna("")
    else:
        out = t.assign(actors="")
    out = out.merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left")
    out = out.merge(sentences[["article_id", "sent_id", "start", "text"]].rename(columns={"text": "sentence", "start": "s_start"}), on=["article_id", "sent_id"], how="left")
    out["event"] = [claims.event_of(s, a - b).replace("_", " ") if isinstance(s, str) else "" for s, a, b in zip(out["sentence"], out["start"], out["s_start"])]
    return out[EVENT_COLUMNS].sort_values(["begin", "finish", "article_id", "start"], kind="mergesort").reset_index(drop=True)


def group_events(events: pd.DataFrame) -> pd.DataFrame:
    """Group event rows that share a span and an actor; one row per group with its sources."""
    groups: list[dict] = []
    for (begin, finish), same in events.groupby(["begin", "finish"], sort=True):
        clusters: list[dict] = []
        for rec in same.to_dict("records"):
            acts = set(rec["actors"].split()) if rec["actors"] else set()
            home = next((c for c in clusters if (acts & c["actors"]) or (not acts and not c["actors"])), None)
            if home is None:
                home = {"actors": set(acts), "rows": []}
                clusters.append(home)
            home["actors"] |= acts
            home["rows"].append(rec)
        for c in clusters:
            rows = pd.DataFrame(c["rows"])
            texts = rows["text"].value_counts()
            groups.append({
                "begin": begin, "finish": finish, "value": rows["value"].iloc[0],
                "label": texts.index[0] + (f" ({rows['event'].value_counts().index[0]})" if rows["event"].ne("").any() else ""),
                "actors": " ".join(sorted(c["actors"])),
                "n_articles": rows["article_id"].nunique(), "n_mentions": len(rows),
                "articles": " ".join(sorted(rows["article_id"].unique())),
                "outlets": " ".join(sorted(rows["outlet"].dropna().unique())),
                "evidence": " ".join(f"{a}#s{s}" for a, s in sorted(set(zip(rows["article_id"], rows["sent_id"])))),
            })
    out = pd.DataFrame(groups, columns=["begin", "finish", "value", "label", "actors", "n_articles", "n_mentions", "articles", "outlets", "evidence"])
    out.insert(0, "event_id", [f"E{i + 1:03d}" for i in range(len(out))])
    return out


def coverage(articles: pd.DataFrame, tone: pd.DataFrame | None = None, *, freq: str = "auto") -> tuple[pd.DataFrame, int, str]:
    """Articles per publication period and their mean tone; also how many undated articles were left out, and the period used."""
    ok = articles[articles["status"] == "ok"].copy()
    dated = ok[ok["published"].notna()].copy()
    left_out = len(ok) - len(dated)
    if dated.empty:
        return pd.DataFrame(columns=["period", "articles", "tone", "tone_min", "tone_max"]), left_out, ""
    dated["date"] = pd.to_datetime(dated["published"])
    if freq == "auto":
        span = (dated["date"].max() - dated["date"].min()).days
        freq = "Y" if span > 3 * 365 else "Q" if span > 365 else "M" if span > 60 else "D"
    dated["period"] = dated["date"].dt.to_period(freq).astype(str)
    if tone is not None and len(tone):
        dated = dated.merge(tone[["article_id", "tone"]], on="article_id", how="left")
    else:
        dated["tone"] = float("nan")
    table = dated.groupby("period").agg(articles=("article_id", "size"), tone=("tone", "mean"), tone_min=("tone", "min"), tone_max=("tone", "max"))
    periods = pd.period_range(dated["date"].min(), dated["date"].max(), freq=freq).astype(str)
    table = table.reindex(periods).rename_axis("period").reset_index()
    table["articles"] = table["articles"].fillna(0).astype(int)
    return table, left_out, freq
