"""The stages of the analysis, one module per notebook: each reads tables of the run folder and
writes its own (and its figures), and declares itself once with `presslens.core.stage.stage` (its
notebook, reads, writes, keys, figures, path parameters, preload and weight)."""

from presslens.core import stage as declaration
from presslens.report import stale
from presslens.stages.build_timeline import build_timeline, score_timex_gold
from presslens.stages.clean_articles import clean_corpus
from presslens.stages.code_framing import code_framing
from presslens.stages.compare_outlets import compare_outlets
from presslens.stages.score_sentiment import BINS, score_sentiment
from presslens.stages.summarize_findings import write_report
from presslens.stages.validate_methods import validate_methods

declaration.after_run(stale.mark)  # a stage run again by hand marks the report's pages stale

__all__ = [
    "BINS",
    "build_timeline",
    "clean_corpus",
    "code_framing",
    "compare_outlets",
    "score_sentiment",
    "score_timex_gold",
    "validate_methods",
    "write_report",
]
