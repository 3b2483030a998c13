"""Events: things that happened, each a dated expression with what it dates, placed on the
calendar with its sentence, actors, article and outlet, and grouped across articles.

An event row is a DATE expression of the `timex` table that has a calendar span (``begin`` and
``finish``: an absolute date or a relative one resolved against the publication date) and dates
something (`presslens.extract.timeline.happened`): ``what`` is the noun phrase it modifies ("the
November election", "Tuesday's primary") or the nearest main verb of its clause with its object
("signed the accord"), ``who`` that verb's subject ("Trump"), ``key`` the lemma events are grouped
by. A date that dates nothing ("in 2016" alone) and present references ("now") are no events. Rows
are one event when they share the key and their spans overlap (at the granularity of each date: a
day falls inside its month and year); a group lists every article that refers to it.
"""

from __future__ import annotations

import pandas as pd

import re

from presslens.extract import claims
from presslens.extract.timeline.happened import what_happened
from presslens.extract.timeline.lexicon import BASIS_OF, MONTH_ABBREVIATIONS
from presslens.extract.timeline.tense import BASIS

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
    "basis",
    "what",
    "who",
    "key",
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
    claims_file: str = claims.GENERIC,
) -> pd.DataFrame:
    """One row per dated expression with a calendar span: its sentence, the actors in it, article
    and outlet, and the event of `claims_file` its sentence names nearest to it."""
    t = timex[(timex["type"] == "DATE") & timex["begin"].notna() & timex["finish"].notna()]
    t = t[~t["value"].astype(str).str.endswith("_REF")]
    if "basis" not in t.columns:  # a timex table of before the basis column
        t = t.assign(basis=t["anchor"].map(BASIS_OF).fillna(""))
    out = t.assign(actors=_actors_of_sentences(t, mentions))
    out = out.merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left")
    out = out.merge(
        sentences[["article_id", "sent_id", "start", "text"]].rename(
            columns={"text": "sentence", "start": "s_start"}
        ),
        on=["article_id", "sent_id"],
        how="left",
    )
    sents, starts, ends, bases = (
        out[c].tolist() for c in ("sentence", "start", "end", "s_start")
    )  # lists: iterating Arrow-backed columns row by row is slow
    named = [
        claims.event_of(s, a - b, name=claims_file).replace("_", " ") if isinstance(s, str) else ""
        for s, a, b in zip(sents, starts, bases)
    ]
    out["event"] = named
    found = [
        what_happened(s, a - b, e - b) if isinstance(s, str) else ("", "", "")
        for s, a, e, b in zip(sents, starts, ends, bases)
    ]
    out["what"] = [f[0] or ev for f, ev in zip(found, named)]
    out["who"] = [f[1] for f in found]
    out["key"] = [f[2] or ev for f, ev in zip(found, named)]
    out = out[out["key"] != ""]
    return (
        out[EVENT_COLUMNS]
        .sort_values(["begin", "finish", "article_id", "start"], kind="mergesort")
        .reset_index(drop=True)
    )


def _actors_of_sentences(t: pd.DataFrame, mentions: pd.DataFrame | None) -> list[str]:
    """The actors mentioned in the sentence of each row of `t` (space-separated, sorted); only
    the sentences of `t` are looked at."""
    if mentions is None or not len(mentions) or not len(t):
        return [""] * len(t)
    keys = list(zip(t["article_id"].tolist(), t["sent_id"].tolist()))
    found: dict[tuple, set[str]] = {k: set() for k in keys}
    mkeys = zip(mentions["article_id"].tolist(), mentions["sent_id"].tolist())
    for k, actor in zip(mkeys, mentions["actor"].tolist()):
        if k in found:
            found[k].add(actor)
    return [" ".join(sorted(found[k])) for k in keys]


GROUP_COLUMNS = [
    "event_id",
    "begin",
    "finish",
    "value",
    "label",
    "what",
    "who",
    "actors",
    "n_articles",
    "n_mentions",
    "articles",
    "outlets",
    "evidence",
]
MAX_LISTED = 40  # articles, outlets and sentences listed per event group (all rows are in `events`)
MAX_GROUPS = 2000  # event groups kept (most articles first); every row is in `events`
MAX_SPANS = 2000  # distinct dates of one key past which coarse dates are not merged into fine ones


def _mode(values: list[str]) -> str:
    """The most frequent non-empty value; ties go to the one seen first."""
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else ""


# the columns of the event rows a group is built from
GROUPED = ("value", "text", "what", "who", "event", "actors", "article_id", "sent_id", "outlet")

Span = tuple[str, str]


def _roots(spans: dict[Span, int]) -> dict[Span, Span]:
    """Each date of one key -> the date of the event it belongs to: a date lying inside finer
    dates of the key ("2016" around "2016-11-08") joins the most mentioned of them (ties: the
    earliest), finest dates first, so every event keeps the finest date it is named with."""
    order = sorted(spans, key=lambda sp: (_days(sp), sp))
    root: dict[Span, Span] = {}
    size = dict(spans)
    for i, sp in enumerate(order):
        inside = (
            []
            if len(order) > MAX_SPANS
            else [root[t] for t in order[:i] if sp[0] <= t[0] and t[1] <= sp[1] and t != sp]
        )
        if inside:
            best = min(set(inside), key=lambda r: (-size[r], r))
            root[sp] = best
            size[best] += spans[sp]
        else:
            root[sp] = sp
    return root


def _days(span: Span) -> int:
    """The length of a span in days."""
    return (pd.Timestamp(span[1]) - pd.Timestamp(span[0])).days


def _group(cols: dict[str, list], rows: list[int], span: Span, max_listed: int) -> dict:
    """One event group from `rows`: its date, what happened, who, actors and sources."""

    def col(name: str) -> list:
        return [cols[name][i] for i in rows]

    arts = sorted(set(col("article_id")))
    outs = sorted({o for o in col("outlet") if isinstance(o, str)})
    refs = sorted(set(zip(col("article_id"), col("sent_id"))))
    acts = sorted({x for a in col("actors") for x in actors_of(a)})
    what, who = _mode(col("what")), _mode(col("who"))
    value = _mode(
        [v for v, b, f in zip(col("value"), col("begin"), col("finish")) if (b, f) == span]
    )
    return {
        "begin": span[0],
        "finish": span[1],
        "value": value,
        "label": f"{what} ({who})" if who else what,
        "what": what,
        "who": who,
        "actors": " ".join(acts),
        "n_articles": len(arts),
        "n_mentions": len(rows),
        "articles": " ".join(arts[:max_listed]),
        "outlets": " ".join(outs[:max_listed]),
        "evidence": " ".join(f"{x}#s{int(y)}" for x, y in refs[:max_listed]),
    }


def group_events(
    events: pd.DataFrame, *, max_listed: int = MAX_LISTED, max_groups: int = MAX_GROUPS
) -> pd.DataFrame:
    """Group event rows by what happened and when: the same key (lemma of the head noun or verb)
    and overlapping dates, a coarser date joining the finer one it contains; one row per group.

    `n_articles` and `n_mentions` count every row; `articles`, `outlets` and `evidence` list at most
    `max_listed`; at most `max_groups` groups are kept (most articles first, every row is in the
    `events` table). Groups are in date order.
    """
    if events.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    ev = events.sort_values(["key", "begin", "finish", "article_id", "start"], kind="mergesort")
    cols = {c: ev[c].tolist() for c in ("key", "begin", "finish", *GROUPED)}
    members: dict[tuple[str, Span], list[int]] = {}
    for i, (k, b, f) in enumerate(zip(cols["key"], cols["begin"], cols["finish"])):
        members.setdefault((k, (b, f)), []).append(i)
    by_key: dict[str, dict[Span, int]] = {}
    for (k, sp), rows in members.items():
        by_key.setdefault(k, {})[sp] = len(rows)
    merged: dict[tuple[str, Span], list[int]] = {}
    for k, spans in by_key.items():
        for sp, r in _roots(spans).items():
            merged.setdefault((k, r), []).extend(members[(k, sp)])
    groups = [
        (k, sp, _group(cols, sorted(rows), sp, max_listed)) for (k, sp), rows in merged.items()
    ]
    groups.sort(key=lambda g: (-g[2]["n_articles"], -g[2]["n_mentions"], g[1], g[0]))
    groups = sorted(groups[:max_groups], key=lambda g: (g[1], g[0]))
    out = pd.DataFrame([g[2] for g in groups], columns=GROUP_COLUMNS[1:])
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


# ---------------------------------------------------------------------------------------------
# Dated elsewhere in the corpus: a month (and day) without a year takes the year other articles
# give the same event ("the November election" where others write "the November 8, 2016 election")

EVIDENCE_COLUMNS = ["key", "month", "day", "year", "n", "article_id"]
_YMD = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")
_MONTH_WORD = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(MONTH_ABBREVIATIONS) + r")[a-z]*\.?", re.IGNORECASE
)
_YEAR_DIGITS = re.compile(r"[0-9]{4}")
_TENSE_BASES = frozenset(BASIS.values())  # a month (and day) placed by the tense of its clause


def dated_evidence(events: pd.DataFrame) -> pd.DataFrame:
    """The events named with an explicit year and a month (and day): one row per key, month, day
    (0 for the month alone; a day also counts for its month) and year, with the number of mentions
    and the first article naming it. Small: one row per distinct event date."""
    ok = events[(events["anchor"] == "absolute") & (events["key"] != "")]
    rows = []
    for k, v, a in zip(ok["key"].tolist(), ok["value"].tolist(), ok["article_id"].tolist()):
        m = _YMD.match(str(v))
        if m is None:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        rows.append((k, mo, d, y, 1, str(a)))
        if d:
            rows.append((k, mo, 0, y, 1, str(a)))
    return merge_evidence([pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)])


def yearless_keys(events: pd.DataFrame) -> set[tuple[str, int, int, int]]:
    """The (key, month, day, publication year) of the events written without a year and placed by
    tense: what the corpus pass could move (it runs only when the evidence names one of them
    within a year of its publication)."""
    out = set()
    ev = events[events["basis"].isin(_TENSE_BASES) & events["published"].notna()]
    cols = (ev[c].tolist() for c in ("key", "value", "text", "published"))
    for k, v, t, pub in zip(*cols):
        m = _YMD.match(str(v))
        if m and not _YEAR_DIGITS.search(str(t)) and str(pub)[:4].isdigit():
            out.add((k, int(m.group(2)), int(m.group(3) or 0), int(str(pub)[:4])))
    return out


def worth_redating(evidence: pd.DataFrame, yearless: set[tuple[str, int, int, int]]) -> bool:
    """Whether the evidence dates one of the `yearless` events within a year of its publication
    (else the corpus pass would move nothing)."""
    years: dict[tuple[str, int, int], set[int]] = {}
    for k, mo, d, y in zip(*(evidence[c].tolist() for c in ("key", "month", "day", "year"))):
        years.setdefault((k, int(mo), int(d)), set()).add(int(y))
    return any(abs(y - ref) <= 1 for k, mo, d, ref in yearless for y in years.get((k, mo, d), ()))


def merge_evidence(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Evidence of several partitions summed: mentions added, the first article kept."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    ev = pd.concat(frames, ignore_index=True)
    return (
        ev.groupby(["key", "month", "day", "year"], sort=True)
        .agg(n=("n", "sum"), article_id=("article_id", "min"))
        .reset_index()[EVIDENCE_COLUMNS]
    )


def _year_of(options: list[tuple[int, int, str]], ref_year: int) -> tuple[int, str] | None:
    """The year and article of the evidence within a year of the reference: most mentions, then
    nearest the reference, then earliest."""
    near = [o for o in options if abs(o[0] - ref_year) <= 1]
    if not near:
        return None
    y, _, a = min(near, key=lambda o: (-o[1], abs(o[0] - ref_year), o[0]))
    return y, a


def redate(events: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """`events` with each month or month and day written without a year, resolved against the
    publication date, moved to the year other articles of the corpus give the same event (same key,
    month and day) when they name it within a year of the publication date; `basis` then says
    "dated elsewhere in the corpus (article X)"."""
    if events.empty or evidence.empty:
        return events
    table: dict[tuple[str, int, int], list[tuple[int, int, str]]] = {}
    for k, mo, d, y, n, a in evidence[EVIDENCE_COLUMNS].itertuples(index=False):
        table.setdefault((k, int(mo), int(d)), []).append((int(y), int(n), a))
    out = events.copy()
    for i, (k, v, t, basis, pub) in enumerate(
        zip(*(out[c].tolist() for c in ("key", "value", "text", "basis", "published")))
    ):
        m = _YMD.match(str(v))
        if basis not in _TENSE_BASES or m is None or not isinstance(pub, str) or not pub:
            continue
        if _YEAR_DIGITS.search(str(t)) or not _MONTH_WORD.search(str(t)):
            continue
        mo, d = int(m.group(2)), int(m.group(3) or 0)
        found = _year_of(table.get((k, mo, d), []), int(pub[:4]))
        if found is not None:
            _set_year(
                out, i, found[0], mo, d, f"dated elsewhere in the corpus (article {found[1]})"
            )
    return out


def _set_year(out: pd.DataFrame, i: int, year: int, month: int, day: int, basis: str) -> None:
    """Row i of an event table moved to `year` (its month, and day when it has one)."""
    if day:
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        value, begin, finish = iso, iso, iso
    else:
        last = pd.Period(f"{year:04d}-{month:02d}", freq="M").days_in_month
        value = f"{year:04d}-{month:02d}"
        begin, finish = f"{value}-01", f"{value}-{last:02d}"
    for col, val in (("value", value), ("begin", begin), ("finish", finish), ("basis", basis)):
        out.iat[i, out.columns.get_loc(col)] = val
