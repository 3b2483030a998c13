"""Run every analysis stage once on a corpus (called by bench/run.py and bench/chain.py in a fresh
process).

    python bench/stages_once.py CORPUS OUT_DIR ENGINE WORKERS

Prints one JSON line: seconds per stage, the whole analysis, the part of it the stages spent
drawing their figures, and the number of sentences.
"""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import time
from pathlib import Path

from presslens import stages
from presslens.core import engine, tables

STAGES = [
    ("10 cleaning + sentences", "clean_corpus"),
    ("20 sentiment", "score_sentiment"),
    ("30 actors, quotes, names, frames", "code_framing"),
    ("40 timex, events, coverage", "build_timeline"),
    ("50 claims, actions, contrasts", "compare_outlets"),
    ("90 validation (user cache)", "validate_methods"),
]


DRAWING = [0.0]  # seconds the stages spent in their `draw` functions (figures and their evidence)


def _timed(draw):
    """A stage's `draw` function that adds the time it takes to DRAWING."""

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return draw(*args, **kwargs)
        finally:
            DRAWING[0] += time.perf_counter() - t0

    return timed


def main() -> None:
    """Run the stages and print their timings as JSON."""
    corpus, out, eng, workers = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for module in (
        "clean_articles",
        "score_sentiment",
        "code_framing",
        "build_timeline",
        "compare_outlets",
    ):
        stage = importlib.import_module(f"presslens.stages.{module}")
        stage.draw = _timed(stage.draw)
    seconds = {}
    ctx = engine.client("", workers=workers) if eng == "dask" else None
    scheduler = ""
    with ctx if ctx is not None else _null():
        if ctx is not None:
            from dask.distributed import get_client

            scheduler = get_client().scheduler.address
        for label, name in STAGES:
            func = getattr(stages, name)
            t0 = time.perf_counter()
            if name == "clean_corpus":
                func(  # the corpora are built from the seeds' text: measured with their pack
                    corpus, out, engine=eng, scheduler=scheduler, pack="kosovo", progress=False
                )
            elif name == "validate_methods":
                from presslens.core import paths

                func(out, eval_dir=paths.eval_dir())
            else:
                func(out, engine=eng, scheduler=scheduler, progress=False)
            seconds[label] = time.perf_counter() - t0
    seconds["analysis"] = sum(seconds.values())
    seconds["figures drawn by the stages"] = DRAWING[0]
    n = tables.n_rows("sentences", out)
    print(json.dumps({"seconds": seconds, "sentences": n}))


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    main()
