"""Stage 50, compare outlets: numeric claims, actions, where outlets diverge, and the words that set
each apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from presslens.core import outlet_scope, tables
from presslens.core.partitions import Partition, map_stage, outlet_of
from presslens.core.stage import stage
from presslens.stages import preload


def compare_part(part: Partition, *, claims_file: str = "claims_generic.yaml") -> dict[str, Any]:
    """Numeric claims (patterns of `claims_file`) and actions of one partition, and its word counts
    per outlet."""
    from presslens.extract import actions, claims
    from presslens.measure import contrast

    arts, sents = part.articles, part.sentences
    ok = arts[arts["status"] == "ok"]
    ok_sents = sents[sents["article_id"].isin(set(ok["article_id"]))]
    mentions = part.extra.get("mentions")
    acts = actions.action_table(ok_sents, mentions) if mentions is not None else actions.empty()
    return {
        "claims": claims.claim_table(ok, ok_sents, name=claims_file),
        "actions": acts,
        "words": contrast.word_table(ok["text"], ok["article_id"].map(outlet_of(ok))),
    }


@stage(
    notebook="50-compare-outlets",
    reads=(
        "articles",
        "sentences",
        "mentions",
        "run_settings",
        "actor_tone",
        "quotes",
        "actors",
        "article_frames",
        "article_sentiment",
    ),
    writes=(
        "claims",
        "actions",
        "divergence",
        "action_divergence",
        "contrasts",
        "outlet_actor",
        "outlet_differences",
    ),
    keys={
        "claims": ("article_id", "sent_id", "start"),
        "actions": ("article_id", "sent_id", "start", "end", "subject", "object"),
    },
    figures=("fig50-word-contrasts", "fig51-outlet-actor"),
    preload=preload.claims,
    cost=(1.9, 0.097),  # bench/progress_fit.py: runs from 5 to 10,000 articles
    phases={"claims": (0.02, 0.45)},
)
def compare_outlets(
    out_dir: str | Path,
    *,
    divergence_tolerance: float = 0.1,
    contrast_min_count: int = 2,
    contrast_prior_scale: float = 1.0,
    contrast_keep: int = 100,
    contrast_top: int = 8,
    tone_method: str = "vader",
    engine: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 50: `claims` and `actions` (partitioned), then `divergence`, `action_divergence` and
    `contrasts` (each outlet's `contrast_keep` most distinctive words against all others). Claims
    use the run's topic pack's claims.yaml (stage 10's `run_settings`), else the generic quantities
    of claims_generic.yaml (troops, people killed or injured, money, percentages). `divergence`
    compares only claims about the same thing (unit, counted noun, qualifiers, place, sentences
    about the same thing; presslens.extract.claim_compare), ranked for the reader."""
    from presslens.extract import actions, claims
    from presslens.measure import contrast
    from presslens.core import packs

    claims_file = packs.claims_file(packs.of_run(out_dir))
    words = contrast.CountMatrix()
    counts = map_stage(
        compare_part,
        out_dir,
        ["claims", "actions"],
        article_columns=["article_id", "text", "published", "outlet", "status"],
        extra=("mentions",),
        engine_name=engine,
        scheduler=scheduler,
        desc="claims",
        progress=progress,
        collect=lambda partial: words.add(partial["words"]),
        outlets=outlet_scope.mode_of(out_dir),
        claims_file=claims_file,
    )
    articles = tables.read(
        "articles", out_dir, columns=["article_id", "outlet", "published", "status"]
    )
    ok = articles[articles["status"] == "ok"]
    tables.write(
        claims.divergence(tables.read("claims", out_dir), ok, tolerance=divergence_tolerance),
        "divergence",
        out_dir,
    )
    tables.write(
        actions.divergence(tables.read("actions", out_dir), ok), "action_divergence", out_dir
    )
    groups, vocab, matrix = words.table(min_count=contrast_min_count)
    top = contrast.log_odds_top(
        groups, vocab, matrix, prior_scale=contrast_prior_scale, keep=contrast_keep
    )
    tables.write(top.assign(scheme="word"), "contrasts", out_dir)
    write_outlet_actor(out_dir, tone_method=tone_method)
    draw(out_dir, top=contrast_top)
    return counts


def _outlets(out_dir: str | Path) -> pd.Series:
    """article_id -> comparison outlet of the analysed articles (the run's outlet scope)."""
    arts = outlet_scope.articles(out_dir, ["article_id", "outlet", "status"])
    ok = arts[arts["status"] == "ok"]
    return pd.Series(
        ok["outlet"].fillna(outlet_scope.UNKNOWN_OUTLET).astype(str).to_numpy(),
        index=ok["article_id"].to_numpy(),
    )


def write_outlet_actor(out_dir: str | Path, *, tone_method: str = "vader") -> None:
    """`outlet_actor` (each outlet's mentions, quotes and tone toward each actor, and the same over
    all outlets, outlet "(all outlets)") and
    `outlet_differences` (each outlet against the others on the leading actors, frames, who
    speaks and article tone, Benjamini-Hochberg corrected; presslens.measure.outlet_actor)."""
    from presslens.measure import outlet_actor as oa
    from presslens.measure import outlet_differences as od

    outlet = _outlets(out_dir)
    tone = tables.read_or_empty("actor_tone", out_dir, ["article_id", "sent_id", "actor", "score"])
    tone["score"] = pd.to_numeric(tone["score"], errors="coerce")  # typed even when empty
    quotes = tables.read_or_empty(
        "quotes",
        out_dir,
        ["article_id", "sent_id", "speaker_actor", "speaker_type", "speaker_gender"],
    )
    actors = tables.read_or_empty("actors", out_dir, ["actor", "name", "type", "mentions"])
    names = dict(zip(actors["actor"].astype(str), actors["name"].astype(str)))
    pooled = oa.outlet_actor(pd.Series(oa.ALL, index=outlet.index), tone, quotes, names)
    table = pd.concat([oa.outlet_actor(outlet, tone, quotes, names), pooled], ignore_index=True)
    tables.write(table, "outlet_actor", out_dir)
    frames = tables.read_or_empty(
        "article_frames", out_dir, ["article_id", "scheme", "frame", "present"]
    )
    art_tone = tables.read_or_empty("article_sentiment", out_dir, ["article_id", "method", "tone"])
    art_tone["tone"] = pd.to_numeric(art_tone["tone"], errors="coerce")
    diffs = oa.differences(
        outlet,
        tone=tone,
        quotes=quotes,
        article_frames=frames,
        article_tone=art_tone[art_tone["method"] == tone_method],
        leading=od.leading_actors(actors),
    )
    diffs.insert(2, "name", pd.Series(oa.subject_names(diffs, names), dtype=object))
    diffs["evidence"] = oa.evidence(diffs, outlet, tone, quotes).astype(object)
    tables.write(diffs, "outlet_differences", out_dir)


def draw(out_dir: str | Path, *, top: int = 8) -> None:
    """fig50: the words that set each outlet apart (the `top` per outlet); fig51: the leading
    actors by outlet."""
    from presslens.measure import contrast
    from presslens.core.partitions import UNKNOWN_OUTLET
    from presslens.report import charts, evidence, figures

    best = contrast.top(tables.read("contrasts", out_dir), k=top)
    arts = outlet_scope.articles(out_dir, ["outlet", "status"])
    sizes = arts.loc[arts["status"] == "ok", "outlet"].fillna(UNKNOWN_OUTLET).value_counts()
    chart = charts.word_contrasts(best, sizes)
    figures.save(chart, out_dir, evidence=evidence.word_contrasts(out_dir, chart.keys))
    from presslens.measure import outlet_differences as od

    actors = tables.read_or_empty("actors", out_dir, ["actor", "name", "type", "mentions"])
    compared = od.compared_outlets(
        arts.loc[arts["status"] == "ok", "outlet"].fillna(UNKNOWN_OUTLET)
    )
    outlets = [o for o in sizes.index if o in compared]
    chart = charts.outlet_actor(
        tables.read("outlet_actor", out_dir),
        tables.read("outlet_differences", out_dir),
        od.leading_actors(actors),
        outlets,
    )
    figures.save(chart, out_dir, evidence=evidence.outlet_actor_cells(out_dir, chart.keys))
