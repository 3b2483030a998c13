"""Stage 30, code framing: actors, quotes, naming choices, frames and the tone toward each actor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from presslens.core import outlet_scope, tables
from presslens.core.partitions import Folded, Partition, map_stage, outlet_of, stacked, summed
from presslens.core.stage import stage
from presslens.stages import preload


def _frame_counts(
    frames: pd.DataFrame, article_frames: pd.DataFrame, outlet: pd.Series
) -> dict[str, pd.DataFrame]:
    """A partition's frame counts per outlet: articles using each frame, and cue sentences."""
    shares = article_frames.assign(
        outlet=article_frames["article_id"].map(outlet),
        articles=1,
        present=article_frames["present"].astype("int64"),
    )
    cue_counts = frames.assign(
        outlet=frames["article_id"].map(outlet),
        feature=frames["scheme"] + ":" + frames["frame"],
        n=1,
    )
    by = ["scheme", "frame", "outlet"]
    return {
        "frame_shares": shares.groupby(by, sort=True)[["articles", "present"]].sum().reset_index(),
        "frame_cues": cue_counts.groupby(["outlet", "feature"], sort=True)["n"].sum().reset_index(),
    }


def framing_part(
    part: Partition,
    *,
    actors_file: str,
    terms_file: str,
    issue_file: str = "",
    overlay: str = "",
    frame_model: str = "generic_frames_model.json.gz",
) -> dict[str, Any]:
    """Actors, quotes, naming choices, frames and tone toward each actor mention for one partition,
    with the partition's counts per outlet for the corpus summaries. A file '' is none: no actors
    overlay, no naming choices, no issue frames (generic frames always run)."""
    from presslens.extract import actors, quotes, terms, variants
    from presslens.measure import framing, sentiment, voices

    arts, sents = part.articles, part.sentences
    ok = arts[arts["status"] == "ok"]
    mentions = actors.mention_table(ok, sents, name=actors_file, overlay=overlay)
    quoted = quotes.quote_table(ok, sents, mentions, actors_file=actors_file, overlay=overlay)
    lex = actors.lexicon(actors_file, overlay)
    who = voices.speakers(quoted, lex.types, lex.pronouns)
    quoted = quoted.assign(
        speaker_type=who["speaker_type"].to_numpy(), speaker_gender=who["speaker_gender"].to_numpy()
    )
    named = terms.term_table(ok, sents, name=terms_file)
    ok_sents = sents[sents["article_id"].isin(set(ok["article_id"]))]
    frames = framing.frame_table(ok_sents, issue=issue_file)
    article_frames = framing.article_frame_table(
        frames,
        ok_sents.groupby("article_id").size(),
        texts=framing.article_texts(ok_sents),
        model=frame_model,
        issue=issue_file,
    )
    tone = sentiment.toward_table(sents, mentions)
    outlet = outlet_of(ok)
    with_outlet = ok.assign(outlet=ok["article_id"].map(outlet))
    return {
        "mentions": mentions,
        "quotes": quoted,
        "terms": named,
        "frames": frames,
        "article_frames": article_frames,
        "actor_tone": tone,
        "quoted_mentioned": quotes.quoted_vs_mentioned(quoted, mentions, with_outlet),
        "speakers": who.assign(outlet=who["article_id"].map(outlet)),
        "surfaces": variants.surface_counts(mentions, outlet),
        "rates": voices.rate_counts(with_outlet, ok_sents, quoted),
        "term_counts": terms.counts(named, with_outlet)[["outlet", "concept", "variant", "n"]],
        **_frame_counts(frames, article_frames, outlet),
        "tone": tone.dropna(subset=["score"]).assign(outlet=tone["article_id"].map(outlet))[
            ["actor", "outlet", "article_id", "start", "end", "score", "label"]
        ],
    }


@stage(
    notebook="30-code-framing",
    reads=("articles", "sentences", "run_settings"),
    writes=(
        "mentions",
        "quotes",
        "terms",
        "frames",
        "article_frames",
        "actor_tone",
        "quoted_mentioned",
        "actors",
        "actor_check",
        "voices",
        "quote_rates",
        "name_variants",
        "term_counts",
        "frame_shares",
        "frame_contrasts",
        "actor_portrayal",
    ),
    keys={
        "mentions": ("article_id", "start", "end"),
        "quotes": ("article_id", "start", "end"),
        "terms": ("article_id", "start", "end"),
        "frames": ("article_id", "sent_id", "scheme", "frame", "start"),
        "article_frames": ("article_id", "scheme", "frame"),
        "actor_tone": ("article_id", "start", "end"),
    },
    figures=(
        "fig30-frames-by-outlet",
        "fig31-quoted-vs-mentioned",
        "fig32-naming-by-outlet",
        "fig33-actor-tone",
    ),
    paths=("actors_file", "discovered_actors", "terms_file", "frame_model"),
    preload=preload.framing,
    cost=(4.1, 0.676),  # bench/progress_fit.py: runs from 5 to 10,000 articles
    phases={"actors": (0.0, 0.08), "framing": (0.15, 0.84)},
)
def code_framing(
    out_dir: str | Path,
    *,
    actors_file: str = "",
    discovered_actors: str = "",
    min_name_mentions: int = 2,
    terms_file: str = "",
    frame_model: str = "generic_frames_model.json.gz",
    n_boot: int = 2000,
    seed: int = 0,
    min_mentions: int = 5,
    top_actors: int = 12,
    engine: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 30: `mentions`, `quotes`, `terms`, `frames`, `article_frames`, `actor_tone`, and the
    corpus summaries `quoted_mentioned`, `term_counts`, `frame_shares`, `frame_contrasts`,
    `actor_portrayal`; and the figures fig30-fig33.

    The run's topic pack (stage 10's `run_settings`) gives the actors overlay, the naming choices
    and the issue frames; `actors_file` and `terms_file`, when given, replace the pack's. Without a
    pack there are no naming choices and no issue frames (their tables are empty)."""
    run = dict(engine_name=engine, scheduler=scheduler, progress=progress)
    files = _resources(
        out_dir,
        actors_file=actors_file,
        terms_file=terms_file,
        discovered_actors=discovered_actors,
        min_name_mentions=min_name_mentions,
        **run,
    )
    from presslens.extract import actors

    actors.compact()  # discovery's garbage freed before the workers fork (see actors.compact)
    partials = Folded(_folds())
    counts = map_stage(
        framing_part,
        out_dir,
        ["mentions", "quotes", "terms", "frames", "article_frames", "actor_tone"],
        article_columns=["article_id", "text", "published", "outlet", "status"],
        desc="framing",
        collect=partials,
        frame_model=frame_model,
        outlets=outlet_scope.mode_of(out_dir),
        **files,
        **run,
    )
    _write_summaries(
        out_dir, partials.partials(), files, n_boot=n_boot, seed=seed, min_mentions=min_mentions
    )
    del partials
    draw(out_dir, top_actors=top_actors, has_terms=bool(files["terms_file"]))
    actors.forget()  # later notebooks in a shared kernel do not use the actors list
    return counts


def _folds() -> dict[str, Any]:
    """How framing_part's partials fold as the partitions arrive (`Folded`): counts added up,
    written forms' first uses kept, tone and speakers stacked (tone's text columns as codes)."""
    from presslens.extract import variants
    from presslens.measure import voices

    def sums(keys: list[str], values: list[str]) -> Any:
        return lambda frames: summed(frames, keys, values)

    return {
        "quoted_mentioned": sums(["outlet", "actor"], ["mentions", "quotes"]),
        "term_counts": sums(["outlet", "concept", "variant"], ["n"]),
        "frame_shares": sums(["scheme", "frame", "outlet"], ["articles", "present"]),
        "frame_cues": sums(["outlet", "feature"], ["n"]),
        "rates": sums(["outlet"], voices.COUNTS[1:]),
        "surfaces": variants.combine,
        "speakers": stacked,
        "tone": lambda frames: stacked(
            frames, categories=("actor", "outlet", "article_id", "label")
        ),
    }


def _write_summaries(
    out_dir: str | Path,
    partials: list[dict[str, Any]],
    files: dict[str, str],
    *,
    n_boot: int,
    seed: int,
    min_mentions: int,
) -> None:
    """The corpus summaries of stage 30 from the partitions' partials."""
    from presslens.measure import voices

    names = _display_names(files["actors_file"], files["overlay"])
    write_voices(out_dir, partials, names=names)
    write_actors(out_dir, partials, actors_file=files["actors_file"], overlay=files["overlay"])
    write_who_speaks(out_dir, partials, n_boot=n_boot, seed=seed)
    tables.write(voices.rate_table([p["rates"] for p in partials]), "quote_rates", out_dir)
    write_variants(out_dir, partials)
    write_frames(out_dir, partials)
    write_portrayal(
        out_dir, partials, n_boot=n_boot, seed=seed, min_mentions=min_mentions, names=names
    )


def _resources(
    out_dir: str | Path,
    *,
    actors_file: str,
    terms_file: str,
    discovered_actors: str,
    min_name_mentions: int,
    **run: Any,
) -> dict[str, str]:
    """The files stage 30 uses: the actors list (discovered, or an edited list), the curated
    overlay, naming choices and issue frames (from the run's topic pack unless given)."""
    from presslens.core import packs

    given = packs.files(packs.of_run(out_dir))
    return {
        "actors_file": discover_actors(
            out_dir, listed=discovered_actors, min_mentions=min_name_mentions, **run
        ),
        "overlay": actors_file or given["actors"] or "",
        "terms_file": terms_file or given["terms"] or "",
        "issue_file": given["issue_frames"] or "",
    }


def names_part(part: Partition) -> dict[str, Any]:
    """The proper names of one partition's articles with their evidence (actor discovery)."""
    from presslens.extract import discover

    return {"names": discover.name_counts(part.articles, part.sentences)}


def discover_actors(
    out_dir: str | Path,
    *,
    listed: str = "",
    min_mentions: int = 2,
    engine_name: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> str:
    """The actors list the stage uses: `listed` (an edited list of an earlier run) when given,
    else the actors discovered in the corpus, written to out_dir/actors.yaml for editing."""
    from presslens.extract import discover

    if listed:
        return str(Path(listed).resolve())
    # the partitions' name counts are added up as they arrive: kept apart, 200 partitions of a
    # 100,000-article corpus held millions of rows in the kernel
    parts = Folded({"names": discover.summed_counts})
    map_stage(
        names_part,
        out_dir,
        [],
        article_columns=["article_id", "text", "status"],
        engine_name=engine_name,
        scheduler=scheduler,
        desc="actors",
        progress=progress,
        collect=parts,
    )
    spec = discover.actors_spec(
        discover.summed_counts(p["names"] for p in parts.partials()), min_mentions=min_mentions
    )
    path = Path(out_dir) / "actors.yaml"
    discover.write_yaml(spec, path)
    return str(path)


def write_actors(
    out_dir: str | Path, partials: list[dict[str, Any]], *, actors_file: str, overlay: str
) -> None:
    """`actors`: every actor of the list and the overlay with its type, gender and counts;
    `actor_check`: the most-mentioned actors' written forms, type evidence and look-alikes."""
    from presslens.extract import actor_list, variants

    qm = summed(
        [p["quoted_mentioned"] for p in partials], ["outlet", "actor"], ["mentions", "quotes"]
    )
    tables.write(actor_list.actor_table(actors_file, overlay, qm), "actors", out_dir)
    surfaces = variants.combine([p["surfaces"] for p in partials])
    tables.write(actor_list.check_table(actors_file, overlay, surfaces), "actor_check", out_dir)


def write_who_speaks(
    out_dir: str | Path, partials: list[dict[str, Any]], *, n_boot: int, seed: int
) -> None:
    """`voices`: shares of quotes by speaker type and by people's gender per outlet, with
    intervals."""
    from presslens.measure import voices

    said = (
        pd.concat([p["speakers"] for p in partials], ignore_index=True)
        if partials
        else pd.DataFrame(columns=["article_id", "speaker_type", "speaker_gender", "outlet"])
    )
    outlet = said.drop_duplicates("article_id").set_index("article_id")["outlet"]
    tables.write(voices.voice_shares(said, outlet, n_boot=n_boot, seed=seed), "voices", out_dir)


def write_variants(out_dir: str | Path, partials: list[dict[str, Any]]) -> None:
    """`name_variants`: spellings of one name that differ across the corpus, per outlet."""
    from presslens.extract import variants

    merged = variants.combine([p["surfaces"] for p in partials])
    tables.write(variants.variant_table(merged), "name_variants", out_dir)


def _display_names(actors_file: str, overlay: str) -> dict[str, str]:
    """Actor id -> display name of the run's actors list and overlay."""
    from presslens.extract import actors

    return actors.display_names(actors_file, overlay)


def _named(df: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """A table with an actor column given the actors' display names (`name`) beside it."""
    from presslens.extract import actors

    at = list(df.columns).index("actor") + 1 if "actor" in df.columns else 0
    codes, ids = pd.factorize(df["actor"] if "actor" in df.columns else pd.Series([], dtype=object))
    # one name per distinct actor (the last for a missing one), shared by its rows
    shown = np.array([actors.display_name(str(a), names) for a in [*ids, np.nan]], dtype=object)
    out = df.copy(deep=False)
    out.insert(at, "name", shown[codes])
    return out


def write_voices(
    out_dir: str | Path, partials: list[dict[str, Any]], *, names: dict[str, str] | None = None
) -> None:
    """`quoted_mentioned` (with display names) and `term_counts` from the partitions' counts."""
    qm = summed(
        [p["quoted_mentioned"] for p in partials], ["outlet", "actor"], ["mentions", "quotes"]
    )
    qm = qm.sort_values(
        ["outlet", "quotes", "mentions", "actor"],
        ascending=[True, False, False, True],
        kind="mergesort",
    ).reset_index(drop=True)
    tables.write(_named(qm, names or {}), "quoted_mentioned", out_dir)
    tc = summed([p["term_counts"] for p in partials], ["outlet", "concept", "variant"], ["n"])
    tc["share"] = (
        (tc["n"] / tc.groupby(["outlet", "concept"])["n"].transform("sum")).round(6)
        if len(tc)
        else pd.Series(dtype="float64")
    )
    tables.write(
        tc.sort_values(
            ["outlet", "concept", "n", "variant"],
            ascending=[True, True, False, True],
            kind="mergesort",
        ).reset_index(drop=True),
        "term_counts",
        out_dir,
    )


def write_frames(out_dir: str | Path, partials: list[dict[str, Any]]) -> None:
    """`frame_shares` and `frame_contrasts` from the partitions' counts."""
    from presslens.measure import contrast

    shares = summed(
        [p["frame_shares"] for p in partials],
        ["scheme", "frame", "outlet"],
        ["articles", "present"],
    )
    tables.write(
        shares.assign(share=(shares["present"] / shares["articles"]).round(6)),
        "frame_shares",
        out_dir,
    )
    cues = summed([p["frame_cues"] for p in partials], ["outlet", "feature"], ["n"])
    frame_counts = (
        cues.pivot_table(index="outlet", columns="feature", values="n", aggfunc="sum", fill_value=0)
        if len(cues)
        else pd.DataFrame()
    )
    tables.write(contrast.log_odds(frame_counts).assign(scheme="frame"), "frame_contrasts", out_dir)


def write_portrayal(
    out_dir: str | Path,
    partials: list[dict[str, Any]],
    *,
    n_boot: int,
    seed: int,
    min_mentions: int,
    names: dict[str, str] | None = None,
) -> None:
    """`actor_portrayal`: tone toward each actor (with its display name), per outlet and over
    all outlets."""
    from presslens.measure import portrayal

    tone = (
        pd.concat([p["tone"] for p in partials], ignore_index=True)
        if partials
        else pd.DataFrame(
            columns=["actor", "outlet", "article_id", "start", "end", "score", "label"]
        )
    )
    by_outlet = portrayal.actor_tone(
        tone, by_outlet=True, n_boot=n_boot, seed=seed, min_mentions=min_mentions
    )
    overall = portrayal.actor_tone(
        tone, by_outlet=False, n_boot=n_boot, seed=seed, min_mentions=min_mentions
    )
    both = pd.concat([by_outlet, overall.assign(outlet="(all outlets)")], ignore_index=True)
    tables.write(_named(both, names or {}), "actor_portrayal", out_dir)


def draw(out_dir: str | Path, *, top_actors: int = 12, has_terms: bool = True) -> None:
    """fig30 frames by outlet, fig31 quoted versus mentioned, fig32 naming by outlet (`has_terms`:
    whether the run had naming choices to look for), fig33 tone toward actors."""
    from presslens.report import charts, evidence, figures

    chart = charts.quoted_vs_mentioned(tables.read("quoted_mentioned", out_dir), top=top_actors)
    figures.save(chart, out_dir, evidence=evidence.actor_counts(out_dir, chart.keys))
    chart = charts.naming_by_outlet(tables.read("term_counts", out_dir), has_terms=has_terms)
    figures.save(chart, out_dir, evidence=evidence.naming_cells(out_dir, chart.keys))
    chart = charts.frames_by_outlet(tables.read("frame_shares", out_dir))
    figures.save(chart, out_dir, evidence=evidence.frame_cells(out_dir, chart.keys))
    chart = charts.actor_tone(tables.read("actor_portrayal", out_dir), top=top_actors)
    figures.save(chart, out_dir, evidence=evidence.actor_tone(out_dir, chart.keys))
