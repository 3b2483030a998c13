"""The stages of the analysis as data: the function each notebook calls, the tables it reads and
the tables and figures it writes. The chain is the DAG these declarations draw; the runner keys its
cache on it (a notebook reruns when a stage whose tables it reads reran) and ``presslens stages``
prints it. A test runs every stage and checks that it reads and writes what it declares.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CORPUS = "corpus"  # what stage 10 reads: the input folder or table, not a table of the run
EVAL_DATA = "validation data"  # what stage 90 reads: the human-labelled data sets


@dataclass(frozen=True)
class Stage:
    """One stage: the notebook that runs it, its function (``module:name``), what it reads and
    writes."""

    notebook: str
    function: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    figures: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The stage's number, the notebook's prefix (10, 20, ...)."""
        return self.notebook[:2]

    def load(self) -> Callable[..., Any]:
        """The stage function."""
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(module), name)


STAGES: tuple[Stage, ...] = (
    Stage(
        "10-clean-articles",
        "presslens.stages.clean_articles:clean_corpus",
        reads=(CORPUS,),
        writes=("articles", "removed", "quarantine", "sentences", "run_settings", "data_quality"),
        figures=("fig01-cleaning",),
    ),
    Stage(
        "20-score-sentiment",
        "presslens.stages.score_sentiment:score_sentiment",
        reads=("articles", "sentences", "run_settings"),
        writes=(
            "sentiment",
            "article_sentiment",
            "outlet_sentiment",
            "sentiment_stats",
            "sentiment_histogram",
            "sentiment_extremes",
            "sentiment_disagreements",
        ),
        figures=("fig20-tone-by-article", "fig21-tone-by-outlet", "fig22-sentence-tone"),
    ),
    Stage(
        "30-code-framing",
        "presslens.stages.code_framing:code_framing",
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
        figures=(
            "fig30-frames-by-outlet",
            "fig31-quoted-vs-mentioned",
            "fig32-naming-by-outlet",
            "fig33-actor-tone",
        ),
    ),
    Stage(
        "40-build-timeline",
        "presslens.stages.build_timeline:build_timeline",
        reads=(
            "articles",
            "sentences",
            "mentions",
            "article_sentiment",
            "actor_tone",
            "actors",
            "run_settings",
        ),
        writes=(
            "timex",
            "events",
            "event_groups",
            "coverage",
            "timex_gold_scores",
            "actor_periods",
        ),
        figures=("fig40-event-timeline", "fig41-coverage", "fig42-actors-over-time"),
    ),
    Stage(
        "50-compare-outlets",
        "presslens.stages.compare_outlets:compare_outlets",
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
        figures=("fig50-word-contrasts", "fig51-outlet-actor"),
    ),
    Stage(
        "90-validate-methods",
        "presslens.stages.validate_methods:validate_methods",
        # the run's tables: what presslens says now of the units of a filled coding sheet
        reads=(
            EVAL_DATA,
            "articles",
            "article_frames",
            "actor_tone",
            "quotes",
            "mentions",
            "actors",
        ),
        writes=("validation", "own_agreement"),
    ),
    Stage(
        "99-summarize-findings",
        "presslens.stages.summarize_findings:write_report",
        reads=(
            "run_settings",
            "articles",
            "data_quality",
            "removed",
            "quarantine",
            "sentences",
            "sentiment",
            "article_sentiment",
            "outlet_sentiment",
            "sentiment_stats",
            "sentiment_histogram",
            "sentiment_extremes",
            "sentiment_disagreements",
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
            "actor_portrayal",
            "outlet_actor",
            "outlet_differences",
            "actor_periods",
            "timex",
            "events",
            "event_groups",
            "coverage",
            "timex_gold_scores",
            "claims",
            "actions",
            "divergence",
            "action_divergence",
            "contrasts",
            "validation",
            "own_agreement",
            "figures",
        ),
        writes=(),
        pages=("index.html", "evidence.html", "articles/*.html"),
    ),
)


def by_notebook(name: str) -> Stage | None:
    """The stage a notebook (file name without .ipynb) runs, or None for a notebook presslens does
    not know."""
    return next((s for s in STAGES if s.notebook == name), None)


def producers() -> dict[str, str]:
    """Which notebook writes each table (and 'figures' for the figures every drawing stage
    writes)."""
    out = {t: s.notebook for s in STAGES for t in s.writes}
    return out


def upstream(name: str) -> list[str]:
    """The notebooks whose tables or figures the notebook `name` reads, in chain order."""
    stage = by_notebook(name)
    if stage is None:
        return []
    made = producers()
    found = {made[t] for t in stage.reads if t in made}
    if "figures" in stage.reads:
        found |= {s.notebook for s in STAGES if s.figures}
    return [s.notebook for s in STAGES if s.notebook in found]


def describe() -> str:
    """The DAG as text: each stage with its function, what it reads, what it writes."""
    lines = []
    for s in STAGES:
        after = upstream(s.notebook)
        lines.append(f"{s.notebook}  ({s.function})")
        lines.append(f"    after:   {', '.join(after) if after else '-'}")
        lines.append(f"    reads:   {', '.join(s.reads)}")
        written = [*s.writes, *s.figures, *s.pages]
        lines.append(f"    writes:  {', '.join(written) if written else '-'}")
    return "\n".join(lines)
