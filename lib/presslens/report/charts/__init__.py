"""The report's figures: one function per figure, each returning a `figures.Chart` (figure and
data).

Every chart stays readable whatever the corpus size: past a limit it aggregates (the top outlets,
actors or names, with "n more in the CSV"; events binned by month or year; coverage per day,
week, month, quarter or year chosen from the span) and its caption says what it aggregated. The
CSV written beside a figure is the whole table behind it. With nothing to draw a chart has no
figure and says why (`Chart.absent`), so every corpus shape gets a report. The functions take
tables (pandas DataFrames) and read nothing themselves; `evidence` finds the sentences behind the
points a chart lists in `Chart.keys`."""

from __future__ import annotations

from .actors import actors_over_time, outlet_actor
from .common import (
    MAX_BARS,
    MAX_COLUMNS,
    MAX_EVENTS,
    MAX_PANELS,
    MAX_ROWS,
    PERIOD_NAMES,
    article_labels,
)
from .framing import actor_tone, frames_by_outlet, naming_by_outlet, quoted_vs_mentioned
from .outlets import word_contrasts
from .time import coverage, event_timeline
from .tone import cleaning, sentence_tone, tone_by_article, tone_by_outlet

__all__ = [
    "MAX_BARS",
    "MAX_COLUMNS",
    "MAX_EVENTS",
    "MAX_PANELS",
    "MAX_ROWS",
    "PERIOD_NAMES",
    "actor_tone",
    "article_labels",
    "actors_over_time",
    "cleaning",
    "coverage",
    "event_timeline",
    "frames_by_outlet",
    "naming_by_outlet",
    "outlet_actor",
    "quoted_vs_mentioned",
    "sentence_tone",
    "tone_by_article",
    "tone_by_outlet",
    "word_contrasts",
]
