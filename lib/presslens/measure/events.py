"""Events: dated expressions placed on the calendar with their sentence, actors, article and outlet,
and grouped when several articles refer to the same event.

An event row is a DATE expression of the `timex` table that has a calendar span (``begin`` and
``finish``), i.e. an absolute date or a relative one resolved against the publication date.
Present references ("now") are left out. Two event rows are the same event when their spans are
equal and they share at least one actor mentioned in their sentences (or neither sentence names an
actor); a group lists every article that refers to it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.extract import claims

EVENT_COLUMNS = [
    "article_id",
    "sent_id",
    "start",
    "end",
    "text",
    "value",
    "begin",
    "finish",
    "anchor",
    "event",
    "actors",
    "outlet",
    "published",
    "sentence",
]


def event_table(
    timex: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame | None,
    articles: pd.DataFrame,
    *,
    claims_file: str = "claims.yaml",
) -> pd.DataFrame:
    """One row per dated expression with a calendar span: its sentence, the actors in it, article
    and outlet, and the event of `claims_file` its sentence names nearest to it."""
    t = timex[(timex["type"] == "DATE") & timex["begin"].notna() & timex["finish"].notna()]
    t = t[~t["value"].astype(str).str.endswith("_REF")]
    if mentions is not None and len(mentions):
        actors = (
            mentions.groupby(["article_id", "sent_id"])["actor"]
            .agg(lambda a: " ".join(sorted(set(a))))
            .rename("actors")
            .reset_index()
        )
        out = t.merge(actors, on=["article_id", "sent_id"], how="left")
        out["actors"] = out["actors"].fillna("")
    else:
        out = t.assign(actors="")
    out = out.merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left")
    out = out.merge(
        sentences[["article_id", "sent_id", "start", "text"]].rename(
            columns={"text": "sentence", "start": "s_start"}
        ),
        on=["article_id", "sent_id"],
        how="left",
    )
    out["event"] = [
        claims.event_of(s, a - b, name=claims_file).replace("_", " ") if isinstance(s, str) else ""
        for s, a, b in zip(out["sentence"], out["start"], out["s_start"])
    ]
    return (
        out[EVENT_COLUMNS]
        .sort_values(["begin", "finish", "article_id", "start"], kind="mergesort")
        .reset_index(drop=True)
    )


GROUP_COLUMNS = [
    "event_id",
    "begin",
    "finish",
    "value",
    "label",
    "actors",
    "n_articles",
    "n_mentions",
    "articles",
    "outlets",
    "evidence",
]
MAX_LISTED = 40  # articles, outlets and sentences listed per event group (all rows are in `events`)


def _components(actor_lists: list[list[str]]) -> list[int]:
    """Connected components of rows that share an actor (rows without actors form one component);
    each row's component is named by its first row."""
    parent = list(range(len(actor_lists)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first: dict[str, int] = {}
    bare = -1
    for i, acts in enumerate(actor_lists):
        if not acts:
            bare = i if bare < 0 else (union(i, bare) or bare)
        for a in acts:
            if a in first:
                union(i, first[a])
            else:
                first[a] = i
    return [find(i) for i in range(len(actor_lists))]


def _mode(values: list[str]) -> str:
    """The most frequent value; ties go to the one seen first."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else ""


# the columns of the event rows a group is built from
GROUPED = ("begin", "finish", "value", "text", "event", "actors", "article_id", "sent_id", "outlet")


def _group(cols: dict[str, list], a: int, b: int, *, max_listed: int) -> dict[str, object]:
    """One event group from rows a..b (sorted by group): its span, label, actors and sources."""
    texts = cols["text"][a:b]
    named = [e for e in cols["event"][a:b] if e]
    arts = sorted(set(cols["article_id"][a:b]))
    outs = sorted({o for o in cols["outlet"][a:b] if isinstance(o, str)})
    refs = sorted(set(zip(cols["article_id"][a:b], cols["sent_id"][a:b])))
    acts = sorted({x for i in range(a, b) for x in actors_of(cols["actors"][i])})
    return {
        "begin": cols["begin"][a],
        "finish": cols["finish"][a],
        "value": cols["value"][a],
        "label": _mode(texts) + (f" ({_mode(named)})" if named else ""),
        "actors": " ".join(acts),
        "n_articles": len(arts),
        "n_mentions": b - a,
        "articles": " ".join(arts[:max_listed]),
        "outlets": " ".join(outs[:max_listed]),
        "evidence": " ".join(f"{x}#s{int(y)}" for x, y in refs[:max_listed]),
    }


def group_events(events: pd.DataFrame, *, max_listed: int = MAX_LISTED) -> pd.DataFrame:
    """Group event rows that share a span and an actor; one row per group with its sources.

    Rows with the same calendar span are one event when they are connected through shared actors
    of their sentences (rows whose sentences name no actor form one event per span). `n_articles`
    and `n_mentions` count every row; `articles`, `outlets` and `evidence` list at most `max_listed`
    (every row is in the `events` table).
    """
    if events.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    ev = events.sort_values(
        ["begin", "finish", "article_id", "start"], kind="mergesort"
    ).reset_index(drop=True)
    spans = list(zip(ev["begin"], ev["finish"]))
    actors = [actors_of(a) for a in ev["actors"]]
    component = np.empty(len(ev), dtype=np.int64)
    bounds = [0] + [i for i in range(1, len(ev)) if spans[i] != spans[i - 1]] + [len(ev)]
    for a, b in zip(bounds, bounds[1:]):
        component[a:b] = np.asarray(_components(actors[a:b]), dtype=np.int64) + a
    ev["_g"] = component
    ev = ev.sort_values(["_g", "article_id", "sent_id", "start"], kind="mergesort")
    cols = {c: ev[c].tolist() for c in ("_g", *GROUPED)}
    starts = [0] + [i for i in range(1, len(ev)) if cols["_g"][i] != cols["_g"][i - 1]] + [len(ev)]
    order = sorted(
        range(len(starts) - 1),
        key=lambda k: (cols["begin"][starts[k]], cols["finish"][starts[k]], cols["_g"][starts[k]]),
    )
    groups = [_group(cols, starts[k], starts[k + 1], max_listed=max_listed) for k in order]
    out = pd.DataFrame(groups, columns=GROUP_COLUMNS[1:])
    out.insert(0, "event_id", [f"E{i + 1:03d}" for i in range(len(out))])
    return out


def actors_of(value: object) -> list[str]:
    """The actor ids of an `actors` cell ('' or space-separated)."""
    return value.split() if isinstance(value, str) and value else []


def period_for(first: pd.Timestamp, last: pd.Timestamp, *, max_periods: int = 60) -> str:
    """The finest of day, week, month, quarter and year that spans first..last in at most
    `max_periods` periods."""
    for freq in ("D", "W", "M", "Q", "Y"):
        if len(pd.period_range(first, last, freq=freq)) <= max_periods:
            return freq
    return "Y"


def bin_period(begins: pd.Series) -> str:
    """The period the event timeline bins events by when they are too many to draw one per row:
    month when their dates span at most six years, else year."""
    b = pd.to_datetime(begins)
    return "M" if period_for(b.min(), b.max(), max_periods=72) in ("D", "W", "M") else "Y"


def coverage(
    articles: pd.DataFrame, tone: pd.DataFrame | None = None, *, freq: str = "auto"
) -> tuple[pd.DataFrame, int, str]:
    """Articles per publication period and their mean tone; also how many undated articles were left
    out, and the period used."""
    ok = articles[articles["status"] == "ok"].copy()
    dated = ok[ok["published"].notna()].copy()
    left_out = len(ok) - len(dated)
    if dated.empty:
        return (
            pd.DataFrame(columns=["period", "articles", "tone", "tone_min", "tone_max"]),
            left_out,
            "",
        )
    dated["date"] = pd.to_datetime(dated["published"])
    if freq == "auto":
        freq = period_for(dated["date"].min(), dated["date"].max())
    dated["period"] = dated["date"].dt.to_period(freq).astype(str)
    if tone is not None and len(tone):
        dated = dated.merge(tone[["article_id", "tone"]], on="article_id", how="left")
    else:
        dated["tone"] = float("nan")
    table = dated.groupby("period").agg(
        articles=("article_id", "size"),
        tone=("tone", "mean"),
        tone_min=("tone", "min"),
        tone_max=("tone", "max"),
    )
    periods = pd.period_range(dated["date"].min(), dated["date"].max(), freq=freq).astype(str)
    table = table.reindex(periods).rename_axis("period").reset_index()
    table["articles"] = table["articles"].fillna(0).astype(int)
    return table, left_out, freq
