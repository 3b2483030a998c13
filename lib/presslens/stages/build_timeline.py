"""Stage 40, build the timeline: temporal expressions, dated events, coverage over time, the gold
set's score."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from presslens.core import tables
from presslens.core.partitions import Partition, map_stage
from presslens.core.stage import stage
from presslens.stages import preload


def timeline_part(part: Partition, *, claims_file: str = "claims_generic.yaml") -> dict[str, Any]:
    """Tag the temporal expressions of one partition's sentences, resolved against publication
    dates, and place the dated ones on the calendar as events with their sentence and actors (and
    the event of `claims_file` a date names, if any)."""
    from presslens.extract import timeline
    from presslens.measure import events

    arts, sents = part.articles, part.sentences
    refs = {
        a: (p if isinstance(p, str) else None)
        for a, p in zip(arts["article_id"], arts["published"])
    }
    timex = timeline.tag_sentences(sents, refs)
    ok = arts[arts["status"] == "ok"]
    ev = events.event_table(timex, sents, part.extra.get("mentions"), ok, claims_file=claims_file)
    return {
        "timex": timex,
        "events": ev,
        "evidence": events.dated_evidence(ev),
        "yearless": events.yearless_keys(ev),
    }


@stage(
    notebook="40-build-timeline",
    reads=(
        "articles",
        "sentences",
        "mentions",
        "article_sentiment",
        "actor_tone",
        "actors",
        "run_settings",
    ),
    writes=("timex", "events", "event_groups", "coverage", "timex_gold_scores", "actor_periods"),
    keys={"timex": ("article_id", "start", "end"), "events": ("article_id", "start")},
    figures=("fig40-event-timeline", "fig41-coverage", "fig42-actors-over-time"),
    paths=("gold", "gold_corpus"),
    preload=preload.timeline,
    cost=(1.8, 0.051),  # bench/progress_fit.py: runs from 5 to 10,000 articles
    phases={"timex": (0.04, 0.54)},
)
def build_timeline(
    out_dir: str | Path,
    *,
    coverage_period: str = "auto",
    tone_method: str = "vader",
    gold: str | Path = "",
    gold_corpus: str | Path = "",
    engine: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 40: `timex` and `events` (partitioned; a month without a year that other articles date
    with a year takes that year in a corpus pass, `redate_corpus`), then `event_groups` (events
    grouped by what happened and when) and `coverage` (articles and mean tone per publication
    period; `period` says which: D, W, M, Q or Y) and `actor_periods` (the leading actors per
    period). Dates are also tied to the events of the run's
    topic pack (stage 10's `run_settings`), none without a pack."""
    from presslens.measure import events
    from presslens.core import packs

    claims_file = packs.claims_file(packs.of_run(out_dir))
    counts = tag_corpus(
        out_dir, claims_file, engine_name=engine, scheduler=scheduler, progress=progress
    )
    ev = tables.read(
        "events", out_dir, columns=[c for c in events.EVENT_COLUMNS if c != "sentence"]
    )
    tables.write(events.group_events(ev), "event_groups", out_dir)
    articles = tables.read(
        "articles", out_dir, columns=["article_id", "outlet", "published", "status"]
    )
    tone = tables.read_if("article_sentiment", out_dir, columns=["article_id", "method", "tone"])
    tone = tone[tone["method"] == tone_method] if tone is not None else None
    cov, _, period = events.coverage(articles, tone, freq=coverage_period)
    tables.write(cov.assign(period_kind=period), "coverage", out_dir)
    write_actor_periods(out_dir, articles, period)
    draw(out_dir, tone_method=tone_method)
    gold, gold_corpus = gold_paths(gold, gold_corpus)
    scores = score_timex_gold(out_dir, gold, gold_corpus)
    return {
        **counts,
        "gold": str(gold),
        "gold_corpus": str(gold_corpus),
        "gold_scored": scores is not None,
    }


def write_actor_periods(out_dir: str | Path, articles: pd.DataFrame, period: str) -> None:
    """`actor_periods`: mentions of the leading actors and the tone toward them per publication
    period (the period of `coverage`)."""
    from presslens.measure import outlet_actor, outlet_differences

    tone = tables.read_if("actor_tone", out_dir, columns=["article_id", "actor", "score"])
    actors = tables.read_if("actors", out_dir, columns=["actor", "name", "type", "mentions"])
    if tone is None or actors is None:  # 30-code-framing has not run: no actors to follow
        tables.write(pd.DataFrame(columns=outlet_actor.PERIODS), "actor_periods", out_dir)
        return
    dated = articles[(articles["status"] == "ok") & articles["published"].notna()]
    when = pd.Series(dtype=str)
    if period and len(dated):
        stamps = pd.to_datetime(dated["published"]).dt.to_period(period).astype(str)
        when = pd.Series(stamps.to_numpy(), index=dated["article_id"].to_numpy())
    leading = outlet_differences.leading_actors(actors)
    names = dict(zip(actors["actor"].astype(str), actors["name"].astype(str)))
    table = outlet_actor.actor_periods(tone, when, leading, names)
    tables.write(table, "actor_periods", out_dir)


def tag_corpus(
    out_dir: str | Path,
    claims_file: str,
    *,
    engine_name: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """`timex` and `events`, partition by partition, then the corpus pass when other articles
    date an event that some mention without a year (`redated`: the mentions it moved)."""
    from presslens.measure import events

    evidence: list[pd.DataFrame] = []
    yearless: set[tuple[str, int, int, int]] = set()

    def collect(partial: dict[str, Any]) -> None:
        evidence.append(partial["evidence"])
        yearless.update(partial["yearless"])

    counts = map_stage(
        timeline_part,
        out_dir,
        ["timex", "events"],
        article_columns=["article_id", "published", "outlet", "status"],
        extra=("mentions",),
        engine_name=engine_name,
        scheduler=scheduler,
        desc="timex",
        progress=progress,
        claims_file=claims_file,
        collect=collect,
    )
    found = events.merge_evidence(evidence)
    useful = events.worth_redating(found, yearless)
    counts["redated"] = redate_corpus(out_dir, found) if useful else 0
    return counts


def redate_corpus(out_dir: str | Path, evidence: pd.DataFrame) -> int:
    """The corpus pass: months (and days) without a year that other articles date with a year
    take that year, in `events` and `timex`, partition by partition (bounded memory: the evidence
    has one row per distinct event date). Returns how many mentions moved or were confirmed."""
    from presslens.measure import events

    if evidence.empty:
        return 0
    folder = tables.data_dir(out_dir)
    old = {n: folder / f"{n}.pass1.parquet" for n in ("timex", "events")}
    for name, path in old.items():
        os.replace(tables.path(name, out_dir), path)
    files = {n: pq.ParquetFile(p) for n, p in old.items()}
    changed = 0
    try:
        with (
            tables.PartWriter("events", out_dir) as ev_out,
            tables.PartWriter("timex", out_dir) as tx_out,
        ):
            for i in range(files["events"].num_row_groups):
                ev = files["events"].read_row_group(i).to_pandas()
                tx = files["timex"].read_row_group(i).to_pandas()
                new = events.redate(ev, evidence)
                moved = new[new["basis"] != ev["basis"]]
                changed += len(moved)
                order = list(dict.fromkeys(tx["article_id"].tolist() + ev["article_id"].tolist()))
                ev_out.write(new, order=order)
                tx_out.write(_apply(tx, moved), order=order)
    finally:
        for path in old.values():
            path.unlink(missing_ok=True)
    return changed


def _apply(timex: pd.DataFrame, moved: pd.DataFrame) -> pd.DataFrame:
    """`timex` with the value, begin, finish and basis of the `moved` event rows."""
    if moved.empty:
        return timex
    cols = ["value", "begin", "finish", "basis"]
    new = moved.set_index(["article_id", "start"])[cols]
    idx = pd.MultiIndex.from_arrays([timex["article_id"], timex["start"]])
    hit = idx.isin(new.index)
    out = timex.copy()
    out.loc[hit, cols] = new.loc[idx[hit], cols].to_numpy()
    return out


def score_timex_gold(
    out_dir: str | Path, gold: str | Path, corpus_dir: str | Path
) -> pd.DataFrame | None:
    """Score the tagger on a hand-annotated gold set of raw corpus files (file, expression,
    occurrence, type, value), each tagged with its metadata publication date; writes and returns
    `timex_gold_scores`, or None when the gold set or its corpus is absent."""
    from presslens.extract import timeline
    from presslens.validate import timex_gold

    gold, corpus_dir = Path(gold), Path(corpus_dir)
    if not gold.is_file() or not corpus_dir.is_dir():
        return None
    g = pd.read_csv(gold)
    meta = (
        pd.read_csv(corpus_dir / "metadata.csv", dtype=str, keep_default_na=False).set_index("file")
        if (corpus_dir / "metadata.csv").exists()
        else pd.DataFrame()
    )
    texts = {
        f: (corpus_dir / f).read_text(encoding="utf-8")
        for f in g["file"].unique()
        if (corpus_dir / f).is_file()
    }
    if len(texts) < g["file"].nunique():
        return None
    located = timex_gold.locate(g, texts)
    refs = {f: (meta.at[f, "published"] or None) if f in meta.index else None for f in texts}
    predicted = pd.concat(
        [timeline.tag(texts[f], refs[f]).assign(file=f) for f in texts], ignore_index=True
    )
    scores = timex_gold.score(located, predicted)
    table = pd.DataFrame([{"metric": k, "value": v} for k, v in scores.items()])
    tables.write(table, "timex_gold_scores", out_dir)
    return table


def gold_paths(gold: str | Path = "", gold_corpus: str | Path = "") -> tuple[Path, Path]:
    """The gold set of temporal expressions and the corpus it annotates: '' for the seeds' own."""
    from presslens.core import paths

    gold = (
        Path(gold)
        if gold
        else (paths.eval_dir() or paths.package_dir()) / "seeds-timex" / "timex_gold.csv"
    )
    return gold, paths.corpus(gold_corpus)


def draw(out_dir: str | Path, *, tone_method: str = "vader") -> None:
    """fig40 the timeline of referenced events (binned by period past a limit), fig41 coverage over
    time, fig42 the leading actors over time."""
    from presslens.measure import events
    from presslens.report import charts, evidence, figures

    groups = tables.read("event_groups", out_dir)
    chart = charts.event_timeline(groups)
    if len(groups) and len(groups) <= charts.MAX_EVENTS:
        found = evidence.event_points(groups, chart.keys)
    else:
        found = (
            evidence.event_periods(out_dir, chart.keys, freq=events.bin_period(groups["begin"]))
            if len(groups)
            else None
        )
    figures.save(chart, out_dir, evidence=found)
    cov = tables.read("coverage", out_dir)
    period = cov["period_kind"].iloc[0] if len(cov) else ""
    arts = tables.read("articles", out_dir, columns=["status", "published"])
    left_out = int(((arts["status"] == "ok") & arts["published"].isna()).sum())
    chart = charts.coverage(
        cov.drop(columns=["period_kind"]), period, left_out=left_out, tone_method=tone_method
    )
    figures.save(chart, out_dir, evidence=evidence.coverage_periods(out_dir, chart.keys, period))
    periods = tables.read("actor_periods", out_dir)
    figures.save(charts.actors_over_time(periods, period), out_dir)
