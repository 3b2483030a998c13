"""Where the analysis spends its time: every stage timed on a sample of a generated corpus, one of
them under a profiler, its call tree (pyinstrument, a sampling profiler, the `bench` extra) or its
heaviest functions (cProfile, the standard library's) printed and written to
bench/results/profile-STAGE.txt.

    python bench/profile_stages.py                          # 300 articles of the 1k corpus,
    profile the framing stage
    python bench/profile_stages.py --stage score_sentiment --articles 1000
    python bench/profile_stages.py --profiler cprofile --top 40

The corpus comes from bench/generate.py (made here when missing).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
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
    have_pyinstrument = importlib.util.find_spec("pyinstrument") is not None
    ap.add_argument(
        "--profiler",
        choices=["pyinstrument", "cprofile"],
        default="pyinstrument" if have_pyinstrument else "cprofile",
    )
    ap.add_argument("--top", type=int, default=30, help="cProfile: functions listed, by own time")
    ap.add_argument(
        "--out", type=Path, default=HERE / "results", help="folder for profile-STAGE.txt"
    )
    args = ap.parse_args()
    from presslens import stages

    source = HERE / "corpora" / "news-1000.parquet"
    if not source.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--articles", "1000", "--out", str(source)],
            check=True,
        )
    with tempfile.TemporaryDirectory() as tmp:
        sample, out = Path(tmp) / "sample.parquet", Path(tmp) / "run"
        pd.read_parquet(source).head(args.articles).to_parquet(sample)
        out.mkdir()
        if args.profiler == "pyinstrument":
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001)
            start, stop = profiler.start, profiler.stop
        else:
            profiler = cProfile.Profile()
            start, stop = profiler.enable, profiler.disable
        seconds = {}
        for name in STAGES:
            t0 = time.perf_counter()
            if name == args.stage:
                start()
            if name == "clean_corpus":
                stages.clean_corpus(sample, out, pack="kosovo", progress=False)
            else:
                getattr(stages, name)(out, progress=False)
            if name == args.stage:
                stop()
            seconds[name] = round(time.perf_counter() - t0, 2)
        shutil.rmtree(out, ignore_errors=True)
    if args.profiler == "pyinstrument":
        report = profiler.output_text(unicode=False, color=False)
    else:
        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(args.top)
        report = buf.getvalue()
    head = (
        f"seconds per stage for {args.articles} articles "
        f"({args.stage} under {args.profiler}, so slower): {seconds}\n"
    )
    print(head + report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"profile-{args.stage}.txt").write_text(
        f"Command: python bench/profile_stages.py --stage {args.stage} --articles {args.articles} "
        f"--profiler {args.profiler}\n" + head + report,
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
