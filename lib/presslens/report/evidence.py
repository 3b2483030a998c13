"""The sentences behind each point of a figure, found in a run folder's tables.

Every function returns the evidence rows of one figure for the points it shows (the keys a chart
lists in `Chart.keys`): one row per point and sentence with the columns of
``figures.EVIDENCE_COLUMNS`` (``point`` the key the figure links with, ``label`` the title of the
point's section on the evidence page, ``article_id``, ``sent_id`` (missing for a whole article),
a short ``note``) and ``n_point``, how many sentences the point has in all. Rows are ordered within
a point by how much the sentence matters to it (strongest first) and at most `per_point` are kept.
Large tables are read partition by partition, keeping only the best rows of each point, so memory
stays bounded whatever the corpus size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from presslens.measure import contrast
from presslens.core import outlet_scope, tables

COLUMNS = ["point", "label", "article_id", "sent_id", "note", "n_point"]
PER_POINT = 40
UNKNOWN_OUTLET = "(unknown outlet)"


def _frame(rows: list[tuple] | pd.DataFrame) -> pd.DataFrame:
    df = (
        pd.DataFrame(rows, columns=COLUMNS) if not isinstance(rows, pd.DataFrame) else rows[COLUMNS]
    )
    df = df.astype({"point": str, "label": str, "article_id": str})
    return df.assign(
        sent_id=pd.to_numeric(df["sent_id"], errors="coerce").astype("Int64"),
        n_point=df["n_point"].astype("int64"),
    ).reset_index(drop=True)


def _in_text_order(
    name: str,
    out_dir: str | Path,
    columns: list[str],
    keep: Callable[[pd.DataFrame], pd.DataFrame],
    *,
    per_point: int,
) -> pd.DataFrame:
    """Each point's first `per_point` rows of a table in text order (article, then sentence)."""
    return _best(
        _scan(name, out_dir, columns, keep),
        order=["article_id", "sent_id"],
        ascending=[True, True],
        per_point=per_point,
    )


def _best(
    chunks: Iterable[pd.DataFrame], *, order: list[str], ascending: list[bool], per_point: int
) -> pd.DataFrame:
    """Merge partition chunks (point + ordering columns), keeping each point's first `per_point`
    rows in `order` and counting every row in `n_point`."""
    kept: pd.DataFrame | None = None
    totals: dict[str, int] = {}
    for chunk in chunks:
        if chunk is None or chunk.empty:
            continue
        for p, n in chunk["point"].value_counts().items():
            totals[p] = totals.get(p, 0) + int(n)
        both = chunk if kept is None else pd.concat([kept, chunk], ignore_index=True)
        kept = (
            both.sort_values(["point", *order], ascending=[True, *ascending], kind="mergesort")
            .groupby("point", sort=False)
            .head(per_point)
        )
    if kept is None:
        return pd.DataFrame()
    return kept.assign(n_point=kept["point"].map(totals)).reset_index(drop=True)


def _outlet_map(out_dir: str | Path) -> pd.Series:
    a = outlet_scope.articles(out_dir, ["article_id", "outlet"])
    return a.set_index("article_id")["outlet"].fillna(UNKNOWN_OUTLET).astype(str)


def _scan(
    name: str, out_dir: str | Path, columns: list[str], keep: Callable[[pd.DataFrame], pd.DataFrame]
) -> Iterable[pd.DataFrame]:
    """Each partition of a table, reduced by `keep` (absent tables give nothing)."""
    if not tables.exists(name, out_dir):
        return
    for part in tables.parts(name, out_dir, columns=columns):
        if len(part):
            yield keep(part)


# ---- 20: tone ------------------------------------------------------------------------------


def _score_notes(scores: pd.DataFrame, methods: list[str]) -> pd.DataFrame:
    """One row per sentence with a note giving every method's score."""
    wide = scores.pivot_table(
        index=["article_id", "sent_id"], columns="method", values="compound"
    ).reset_index()
    present = [m for m in methods if m in wide]
    wide["note"] = (
        [
            " · ".join(f"{m} {v:+.2f}" for m, v in zip(present, vals) if pd.notna(v))
            for vals in wide[present].itertuples(index=False)
        ]
        if present
        else ""
    )
    return wide


def article_tone(
    out_dir: str | Path, article_ids: list[str], methods: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Tone-by-article points (key: article_id): the article's sentences, strongest tone of the main
    method first."""
    ids = set(article_ids)
    chunks = (
        [p for p in tables.parts("sentiment", out_dir, articles=ids)]
        if ids and tables.exists("sentiment", out_dir)
        else []
    )
    scores = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
    if scores.empty:
        return _frame([])
    wide = _score_notes(scores, methods)
    wide["strength"] = wide[methods[0]].abs() if methods[0] in wide else 0.0
    wide = wide.assign(point=wide["article_id"])
    best = _best(
        [wide], order=["strength", "sent_id"], ascending=[False, True], per_point=per_point
    )
    return _frame(
        best.assign(
            label="Tone of article " + best["article_id"] + ": its sentences, strongest first"
        )
    )


def outlet_tone(
    out_dir: str | Path, outlets: list[str], method: str, *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Tone-by-outlet points (key: outlet): the outlet's sentences, strongest tone first."""
    outlet = _outlet_map(out_dir)
    wanted = set(outlets)

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        s = part[part["method"] == method]
        s = s.assign(point=s["article_id"].map(outlet).fillna(UNKNOWN_OUTLET))
        s = s[s["point"].isin(wanted)]
        s = s.assign(strength=s["compound"].abs())
        return s.sort_values(
            ["point", "strength", "article_id", "sent_id"],
            ascending=[True, False, True, True],
            kind="mergesort",
        )

    best = _best(
        _scan("sentiment", out_dir, ["article_id", "sent_id", "method", "compound"], keep),
        order=["strength", "article_id", "sent_id"],
        ascending=[False, True, True],
        per_point=per_point,
    )
    if best.empty:
        return _frame([])
    return _frame(
        best.assign(
            label="Tone of " + best["point"] + f" ({method}): its sentences, strongest first",
            note=[f"{method} {v:+.2f}" for v in best["compound"]],
        )
    )


def tone_bins(
    out_dir: str | Path, keys: list[str], *, bins: np.ndarray, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Sentence-tone histogram bars (key: 'method|bin'): sentences in the bar, in article order."""
    wanted = set(keys)

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        b = np.clip(
            np.searchsorted(bins, part["compound"].to_numpy(), side="right") - 1, 0, len(bins) - 2
        )
        s = part.assign(
            bin=b, point=part["method"] + "|" + pd.Series(b, index=part.index).astype(str)
        )
        return s[s["point"].isin(wanted)]

    best = _in_text_order(
        "sentiment",
        out_dir,
        ["article_id", "sent_id", "method", "compound"],
        keep,
        per_point=per_point,
    )
    if best.empty:
        return _frame([])
    lo, hi = bins[best["bin"].to_numpy()], bins[best["bin"].to_numpy() + 1]
    return _frame(
        best.assign(
            label=[
                f"{m}: sentences scoring {a:+.2f} to {b:+.2f}"
                for m, a, b in zip(best["method"], lo, hi)
            ],
            note=[f"{m} {v:+.2f}" for m, v in zip(best["method"], best["compound"])],
        )
    )


# ---- 30: voices, names, frames -------------------------------------------------------------


def frame_cells(
    out_dir: str | Path, keys: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Frames-by-outlet cells (key: 'scheme|frame|outlet'): evidence sentences of the articles where
    the frame is present."""
    outlet = _outlet_map(out_dir)
    wanted = set(keys)

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        p = part[part["present"]]
        p = p.assign(
            point=p["scheme"]
            + "|"
            + p["frame"]
            + "|"
            + p["article_id"].map(outlet).fillna(UNKNOWN_OUTLET)
        )
        p = p[p["point"].isin(wanted)]
        prob = p["probability"] if "probability" in p else pd.Series(float("nan"), index=p.index)
        rows = [
            (pt, a, int(sid), f, pr)
            for pt, a, ev, f, pr in zip(
                p["point"], p["article_id"], p["evidence"], p["frame"], prob
            )
            for sid in str(ev).split()
        ]
        return pd.DataFrame(rows, columns=["point", "article_id", "sent_id", "frame", "p"])

    best = _best(
        _scan(
            "article_frames",
            out_dir,
            ["article_id", "scheme", "frame", "present", "evidence"]
            + (
                ["probability"]
                if tables.exists("article_frames", out_dir)
                and "probability" in tables.columns("article_frames", out_dir)
                else []
            ),
            keep,
        ),
        order=["article_id", "sent_id"],
        ascending=[True, True],
        per_point=per_point,
    )
    if best.empty:
        return _frame([])
    cues = _cues(out_dir, best)
    parts = best["point"].str.split("|", n=2, expand=True)
    return _frame(
        best.assign(
            label=parts[0] + " frame '" + parts[1] + "' in " + parts[2],
            note=[
                "cue: " + cues.get((a, int(s), f), "") + ("" if pd.isna(pr) else f"; p = {pr:.2f}")
                for a, s, f, pr in zip(
                    best["article_id"], best["sent_id"], best["frame"], best["p"]
                )
            ],
        )
    )


def _cues(out_dir: str | Path, rows: pd.DataFrame) -> dict[tuple[str, int, str], str]:
    """The cue word of each (article, sentence, frame) listed in `rows`."""
    ids = set(rows["article_id"])
    out: dict[tuple[str, int, str], str] = {}
    if not ids or not tables.exists("frames", out_dir):
        return out
    for part in tables.parts(
        "frames", out_dir, columns=["article_id", "sent_id", "frame", "cue"], articles=ids
    ):
        for a, s, f, c in part.itertuples(index=False):
            out.setdefault((a, int(s), f), c)
    return out


def actor_counts(
    out_dir: str | Path, actors: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Quoted-versus-mentioned bars (keys: 'mentioned|actor', 'quoted|actor'): the mention and quote
    sentences."""
    wanted = set(actors)

    def mentioned(part: pd.DataFrame) -> pd.DataFrame:
        m = part[part["actor"].isin(wanted)]
        return m.assign(point="mentioned|" + m["actor"], note="as: " + m["surface"].astype(str))

    def quoted(part: pd.DataFrame) -> pd.DataFrame:
        q = part[part["speaker_actor"].fillna("").isin(wanted)]
        return q.assign(
            point="quoted|" + q["speaker_actor"],
            note=q["kind"].astype(str) + " quote, cue: " + q["cue"].astype(str),
        )

    a = _in_text_order(
        "mentions",
        out_dir,
        ["article_id", "sent_id", "actor", "surface"],
        mentioned,
        per_point=per_point,
    )
    b = _in_text_order(
        "quotes",
        out_dir,
        ["article_id", "sent_id", "speaker_actor", "kind", "cue"],
        quoted,
        per_point=per_point,
    )
    out = []
    if not a.empty:
        out.append(_frame(a.assign(label="Mentions of " + a["point"].str.split("|", n=1).str[1])))
    if not b.empty:
        out.append(
            _frame(b.assign(label="Quotes spoken by " + b["point"].str.split("|", n=1).str[1]))
        )
    return pd.concat(out, ignore_index=True) if out else _frame([])


def naming_cells(
    out_dir: str | Path, keys: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Naming-by-outlet cells (key: 'concept: variant|outlet'): the sentences using that name."""
    outlet = _outlet_map(out_dir)
    wanted = set(keys)

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        t = part.assign(outlet=part["article_id"].map(outlet).fillna(UNKNOWN_OUTLET))
        t = t.assign(point=t["concept"] + ": " + t["variant"] + "|" + t["outlet"])
        return t[t["point"].isin(wanted)]

    best = _in_text_order(
        "terms",
        out_dir,
        ["article_id", "sent_id", "concept", "variant", "surface"],
        keep,
        per_point=per_point,
    )
    if best.empty:
        return _frame([])
    return _frame(
        best.assign(
            label="'" + best["variant"] + "' (" + best["concept"] + ") in " + best["outlet"],
            note="as: " + best["surface"].astype(str),
        )
    )


def _strongest_tone(
    out_dir: str | Path, point: Callable[[pd.DataFrame], pd.Series], *, per_point: int
) -> pd.DataFrame:
    """Tone-toward points (key from `point`, "" for none): the strongest-scored mentions first."""

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        t = part[part["score"].notna()]
        t = t.assign(point=point(t), strength=t["score"].abs())
        t = t[t["point"] != ""]
        return t.sort_values(
            ["point", "strength", "article_id", "sent_id"],
            ascending=[True, False, True, True],
            kind="mergesort",
        )

    columns = ["article_id", "sent_id", "actor", "surface", "label", "score"]
    best = _best(
        _scan("actor_tone", out_dir, columns, keep),
        order=["strength", "article_id", "sent_id"],
        ascending=[False, True, True],
        per_point=per_point,
    )
    if best.empty:
        return _frame([])
    return _frame(
        best.assign(
            label="Tone toward " + best["actor"],
            note=[
                f"{lab} ({s:+.2f}), as: {sur}"
                for lab, s, sur in zip(best["label"], best["score"], best["surface"])
            ],
        )
    )


def actor_tone(
    out_dir: str | Path, actors: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Actor-tone points (key: actor): the mentions with the strongest tone toward the actor
    first."""
    wanted = set(actors)
    return _strongest_tone(
        out_dir, lambda t: t["actor"].where(t["actor"].isin(wanted), ""), per_point=per_point
    )


def outlet_actor_cells(
    out_dir: str | Path, keys: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Outlet x actor cells (key: 'actor|outlet'): the outlet's mentions of the actor with the
    strongest tone first."""
    wanted = set(keys)
    outlet = _outlet_map(out_dir)

    def point(t: pd.DataFrame) -> pd.Series:
        key = t["actor"].astype(str) + "|" + t["article_id"].map(outlet).fillna("").astype(str)
        return key.where(key.isin(wanted), "")

    return _strongest_tone(out_dir, point, per_point=per_point)


# ---- 40: time ------------------------------------------------------------------------------


def event_points(groups: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Event-timeline rows (key: event_id): the sentences listed for the event."""
    rows = []
    for g in groups[groups["event_id"].isin(set(keys))].itertuples(index=False):
        refs = str(g.evidence).split()
        for ref in refs:
            aid, _, sid = ref.partition("#s")
            rows.append(
                (
                    g.event_id,
                    f"{g.event_id}: {g.label}",
                    aid,
                    int(sid) if sid.isdigit() else None,
                    f"{g.begin} to {g.finish}",
                    int(g.n_mentions),
                )
            )
    return _frame(rows)


def event_periods(
    out_dir: str | Path, keys: list[str], *, freq: str, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Binned event-timeline bars (key: period): sentences with dated events of that period, in
    article order."""
    wanted = set(keys)

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        p = part.assign(point=pd.to_datetime(part["begin"]).dt.to_period(freq).astype(str))
        return p[p["point"].isin(wanted)]

    best = _in_text_order(
        "events",
        out_dir,
        ["article_id", "sent_id", "begin", "finish", "text"],
        keep,
        per_point=per_point,
    )
    if best.empty:
        return _frame([])
    return _frame(
        best.assign(
            label="Events of " + best["point"],
            note=best["text"].astype(str)
            + " ("
            + best["begin"].astype(str)
            + " to "
            + best["finish"].astype(str)
            + ")",
        )
    )


def coverage_periods(
    out_dir: str | Path, keys: list[str], freq: str, *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Coverage bars (key: period): the articles published in the period (whole articles, no
    sentence)."""
    a = tables.read("articles", out_dir, columns=["article_id", "outlet", "published", "status"])
    ok = a[(a["status"] == "ok") & a["published"].notna()]
    if ok.empty or not freq:
        return _frame([])
    d = ok.assign(point=pd.to_datetime(ok["published"]).dt.to_period(freq).astype(str))
    d = d[d["point"].isin(set(keys))]
    best = _best(
        [d], order=["published", "article_id"], ascending=[True, True], per_point=per_point
    )
    if best.empty:
        return _frame([])
    return _frame(
        best.assign(
            label="Articles published in " + best["point"],
            sent_id=None,
            note=best["outlet"].fillna(UNKNOWN_OUTLET).astype(str),
        )
    )


# ---- 50: outlets ---------------------------------------------------------------------------


def word_contrasts(
    out_dir: str | Path, keys: list[str], *, per_point: int = PER_POINT
) -> pd.DataFrame:
    """Word-contrast bars (key: 'outlet|word'): the outlet's sentences holding the word (as the
    contrast tokenises it)."""
    outlet = _outlet_map(out_dir).to_dict()  # a dict: looked up once per sentence
    wanted: dict[str, set[str]] = {}
    for k in keys:
        g, _, w = k.partition("|")
        wanted.setdefault(g, set()).add(w)

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        rows = []
        for aid, sid, text in zip(
            part["article_id"].tolist(), part["sent_id"].tolist(), part["text"].tolist()
        ):
            g = outlet.get(aid, UNKNOWN_OUTLET)
            if g in wanted:
                low = text.lower().replace("’", "'")
                maybe = {
                    w for w in wanted[g] if w in low
                }  # a cheap test first: most sentences hold none of the words
                for w in maybe.intersection(contrast.tokens(text)) if maybe else ():
                    rows.append((f"{g}|{w}", g, w, aid, int(sid)))
        return pd.DataFrame(rows, columns=["point", "group", "word", "article_id", "sent_id"])

    best = _in_text_order(
        "sentences", out_dir, ["article_id", "sent_id", "text"], keep, per_point=per_point
    )
    if best.empty:
        return _frame([])
    return _frame(best.assign(label="'" + best["word"] + "' in " + best["group"], note=""))
