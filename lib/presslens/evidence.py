"""The sentences behind each point of a figure.

Every function returns the evidence rows of one figure: one row per point and sentence with the
columns of ``figures.EVIDENCE_COLUMNS`` (``point`` the key the figure links with, ``label`` what the
reader sees as the section title, ``article_id``, ``sent_id`` (missing for a whole article) and a
short ``note``). Rows are ordered within a point by how much the sentence matters to it (strongest
first), since ``figures.save`` keeps only the first rows of each point.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens import contrast

COLUMNS = ["point", "label", "article_id", "sent_id", "note"]


def _frame(rows: list[tuple] | pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS) if not isinstance(rows, pd.DataFrame) else rows[COLUMNS]
    return df.astype({"point": str, "label": str, "article_id": str}).assign(sent_id=lambda d: pd.to_numeric(d["sent_id"], errors="coerce").astype("Int64")).reset_index(drop=True)


def _score_notes(scores: pd.DataFrame, methods: list[str]) -> pd.DataFrame:
    """One row per sentence with a note giving every method's score."""
    wide = scores.pivot_table(index=["article_id", "sent_id"], columns="method", values="compound").reset_index()
    present = [m for m in methods if m in wide]
    wide["note"] = [" · ".join(f"{m} {v:+.2f}" for m, v in zip(present, vals) if pd.notna(v)) for vals in wide[present].itertuples(index=False)] if present else ""
    return wide


def article_tone(scores: pd.DataFrame, article_ids: list[str], methods: list[str]) -> pd.DataFrame:
    """Tone-by-article points (key: article_id): the article's sentences, strongest tone of the main method first."""
    wide = _score_notes(scores[scores["article_id"].isin(article_ids)], methods)
    if wide.empty:
        return _frame([])
    wide["strength"] = wide[methods[0]].abs() if methods[0] in wide else 0.0
    wide = wide.sort_values(["article_id", "strength", "sent_id"], ascending=[True, False, True])
    return _frame(wide.assign(point=wide["article_id"], label="Tone of article " + wide["article_id"] + ": its sentences, strongest first"))


def outlet_tone(scores: pd.DataFrame, articles: pd.DataFrame, method: str) -> pd.DataFrame:
    """Tone-by-outlet points (key: outlet): the outlet's sentences, strongest tone first."""
    s = scores[scores["method"] == method].merge(articles[["article_id", "outlet"]], on="article_id")
    s = s.assign(outlet=s["outlet"].fillna("(unknown outlet)"), strength=s["compound"].abs())
    s = s.sort_values(["outlet", "strength", "article_id", "sent_id"], ascending=[True, False, True, True])
    return _frame(s.assign(point=s["outlet"], label="Tone of " + s["outlet"] + f" ({method}): its sentences, strongest first", note=[f"{method} {v:+.2f}" for v in s["compound"]]))


def tone_bins(scores: pd.DataFrame, bins: np.ndarray) -> pd.DataFrame:
    """Sentence-tone histogram bars (key: 'method|bin index'): the sentences in the bar."""
    s = scores.copy()
    s["bin"] = np.clip(np.searchsorted(bins, s["compound"].to_numpy(), side="right") - 1, 0, len(bins) - 2)
    s = s.sort_values(["method", "bin", "article_id", "sent_id"])
    lo, hi = bins[s["bin"].to_numpy()], bins[s["bin"].to_numpy() + 1]
    return _frame(s.assign(point=s["method"] + "|" + s["bin"].astype(str),
                           label=[f"{m}: sentences scoring {a:+.2f} to {b:+.2f}" for m, a, b in zip(s["method"], lo, hi)],
                           note=[f"{m} {v:+.2f}" for m, v in zip(s["method"], s["compound"])]))


def frame_cells(article_frames: pd.DataFrame, frames: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Frames-by-outlet cells (key: 'scheme|frame|outlet'): the evidence sentences of the articles where the frame is present."""
    present = article_frames[article_frames["present"]].merge(articles[["article_id", "outlet"]], on="article_id")
    rows = []
    cue = {(a, int(s), sc, f): c for a, s, sc, f, c in frames[["article_id", "sent_id", "scheme", "frame", "cue"]].itertuples(index=False)}
    for r in present.sort_values(["scheme", "frame", "outlet", "article_id"]).itertuples(index=False):
        outlet = r.outlet if pd.notna(r.outlet) else "(unknown outlet)"
        for sid in str(r.evidence).split():
            rows.append((f"{r.scheme}|{r.frame}|{outlet}", f"{r.scheme} frame '{r.frame}' in {outlet}", r.article_id, int(sid), f"cue: {cue.get((r.article_id, int(sid), r.scheme, r.frame), '')}"))
    return _frame(rows)


def actor_counts(mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Quoted-versus-mentioned bars (keys: 'mentioned|actor', 'quoted|actor'): the mention and quote sentences."""
    m = mentions.sort_values(["actor", "article_id", "sent_id"])
    q = quotes[quotes["speaker_actor"].fillna("") != ""].sort_values(["speaker_actor", "article_id", "sent_id"])
    a = m.assign(point="mentioned|" + m["actor"], label="Mentions of " + m["actor"], note="as: " + m["surface"].astype(str))
    b = q.assign(point="quoted|" + q["speaker_actor"], label="Quotes spoken by " + q["speaker_actor"], note=q["kind"].astype(str) + " quote, cue: " + q["cue"].astype(str))
    return pd.concat([_frame(a), _frame(b)], ignore_index=True)


def naming_cells(terms: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Naming-by-outlet cells (key: 'concept: variant|outlet'): the sentences using that name."""
    t = terms.merge(articles[["article_id", "outlet"]], on="article_id")
    t = t.assign(outlet=t["outlet"].fillna("(unknown outlet)"), name=t["concept"] + ": " + t["variant"]).sort_values(["name", "outlet", "article_id", "sent_id"])
    return _frame(t.assign(point=t["name"] + "|" + t["outlet"], label="'" + t["variant"] + "' (" + t["concept"] + ") in " + t["outlet"], note="as: " + t["surface"].astype(str)))


def actor_tone(tone: pd.DataFrame) -> pd.DataFrame:
    """Actor-tone points (key: actor): every mention with the tone toward the actor, strongest first."""
    t = tone.assign(strength=tone["score"].abs()).sort_values(["actor", "strength", "article_id", "sent_id"], ascending=[True, False, True, True])
    return _frame(t.assign(point=t["actor"], label="Tone toward " + t["actor"], note=[f"{lab} ({s:+.2f}), as: {sur}" for lab, s, sur in zip(t["label"], t["score"], t["surface"])]))


def event_points(groups: pd.DataFrame) -> pd.DataFrame:
    """Event-timeline points (key: event_id): the sentences with the dated expressions of the event."""
    rows = []
    for g in groups.itertuples(index=False):
        for ref in str(g.evidence).split():
            aid, _, sid = ref.partition("#s")
            rows.append((g.event_id, f"{g.event_id}: {g.label}", aid, int(sid) if sid.isdigit() else None, f"{g.begin} to {g.finish}"))
    return _frame(rows)


def coverage_periods(articles: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Coverage bars (key: period): the articles published in the period (whole articles, no sentence)."""
    ok = articles[(articles["status"] == "ok") & articles["published"].notna()]
    if ok.empty or not freq:
        return _frame([])
    period = pd.to_datetime(ok["published"]).dt.to_period(freq).astype(str)
    d = ok.assign(period=period).sort_values(["period", "published", "article_id"])
    return _frame(d.assign(point=d["period"], label="Articles published in " + d["period"], sent_id=None, note=d["outlet"].fillna("(unknown outlet)").astype(str)))


def word_contrasts(best: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Word-contrast bars (key: 'group|word'): the group's sentences holding the word (as the contrast tokenises it)."""
    s = sentences.merge(articles[["article_id", "outlet"]], on="article_id")
    s = s.assign(outlet=s["outlet"].fillna("(unknown outlet)"))
    rows = []
    for group, words in best.groupby("group", sort=True)["feature"]:
        sub = s[s["outlet"] == group]
        wanted = set(words)
        found = {w: [] for w in wanted}
        for aid, sid, text in sub[["article_id", "sent_id", "text"]].itertuples(index=False):
            for w in wanted.intersection(contrast.tokens(text)):
                found[w].append((aid, int(sid)))
        for w in sorted(wanted):
            rows += [(f"{group}|{w}", f"'{w}' in {group}", aid, sid, "") for aid, sid in found[w]]
    return _frame(rows)

