"""Where the analysis spends its time: every stage timed on a sample of a generated corpus, one of
them under cProfile (the standard library's profiler), the heaviest functions printed.

    python bench/profile_stages.py                          # 300 articles of the 1k corpus, profile the framing stage
    python bench/profile_stages.py --stage score_sentiment --articles 1000 --top 40

The corpus comes from bench/generate.py (made here when missing).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
STAGES = ["clean_corpus", "score_sentiment", "code_framing", "build_timeline"]


def main() -> None:
    """Time each stage once and profile the chosen one."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stage", default="code_framing", choices=STAGES)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--top", type=int, default=30, help="functions listed, by own time")
    args = ap.parse_args()
    from presslens import stages

    source = HERE / "corpora" / "news-1000.parquet"
    if not source.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--articles", "1000", "--out", str(source)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        sample, out = Path(tmp) / "sample.parquet", Path(tmp) / "run"
        pd.read_parquet(source).head(args.articles).to_parquet(sample)
        out.mkdir()
        profiler, seconds = cProfile.Profile(), {}
        for name in STAGES:
            t0 = time.perf_counter()
            if name == args.stage:
                profiler.enable()
            if name == "clean_corpus":
                stages.clean_corpus(sample, out, progress=False)
            else:
                getattr(stages, name)(out, progress=False)
            if name == args.stage:
                profiler.disable()
            seconds[name] = round(time.perf_counter() - t0, 2)
        shutil.rmtree(out, ignore_errors=True)
    print(f"seconds per stage for {args.articles} articles ({args.stage} under the profiler, so slower): {seconds}")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
