"""Measure what each stage costs, for the progress bar's plan: from finished runs of one chain at
two or more corpus sizes (their run folders: manifest.json with each notebook's seconds and the
seconds at which each progress loop ran, data/sentences.parquet), fit seconds = fixed + per 1,000
sentences for each notebook, and where its loops start and end in its time (the mean over the
runs). Prints the `cost=` and `phases=` of each stage's declaration, and how far the fitted costs
are from each run's times.

The fit is non-negative least squares on relative errors (each run's error divided by its
seconds): the bar's remaining time is judged by its ratio to the truth, so a small corpus's few
seconds weigh as much as a large one's minutes. Give it small runs as well as large ones (the seeds,
a few hundred real articles, 1,000 and 10,000 generated ones): with two large sizes only, the fixed
part is an extrapolation, and it came out below zero for notebook 99.

    python bench/progress_fit.py reports corpora/climate_out bench/work/chain-1000 \
        bench/work/chain-10000
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq


def _runs(folders: list[Path]) -> list[tuple[int, dict]]:
    """(sentences, manifest) of each run folder."""
    out = []
    for f in folders:
        manifest = json.loads((f / "manifest.json").read_text(encoding="utf-8"))
        n = pq.ParquetFile(f / "data" / "sentences.parquet").metadata.num_rows
        out.append((n, manifest))
    return out


def relative_fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(fixed, per) >= 0 minimising the sum of ((fixed + per * x - y) / y) ** 2 (scipy's NNLS)."""
    from scipy.optimize import nnls

    if len(set(x.tolist())) < 2:
        return float(np.mean(y)), 0.0
    a = np.column_stack([np.ones_like(x), x]) / y[:, None]
    (fixed, per), _ = nnls(a, np.ones_like(y))
    return float(fixed), float(per)


def fit(runs: list[tuple[int, dict]]) -> dict[str, dict]:
    """Per notebook: cost (fixed s, s per 1,000 sentences), phases and the runs' seconds."""
    names = [k for k in runs[0][1]["timings_seconds"] if k != "total"]
    out = {}
    for name in names:
        x = np.array([n / 1000 for n, _ in runs], dtype=float)
        y = np.array([m["timings_seconds"][name] for _, m in runs], dtype=float)
        fixed, per = relative_fit(x, y)
        spans: dict[str, list[tuple[float, float]]] = {}
        weights: dict[str, list[float]] = {}
        for _, m in runs:
            total = m["timings_seconds"][name]
            for desc, (a, b) in (m.get("phases_seconds", {}).get(name) or {}).items():
                spans.setdefault(desc, []).append((a / total, b / total))
                weights.setdefault(desc, []).append(total)
        # weighted by the notebook's seconds: where a loop sits matters while the bar is watched
        mean = {d: np.average(v, axis=0, weights=weights[d]) for d, v in spans.items()}
        phases = {d: (round(float(a), 2), round(float(b), 2)) for d, (a, b) in mean.items()}
        out[name] = {"cost": (round(fixed, 1), round(per, 3)), "phases": phases, "seconds": y}
    return out


def replay(sentences: int, manifest: dict) -> list[tuple[float, float, float]]:
    """The remaining time the bar would have shown in a finished run under the stages' declared
    costs and phases (this code's), from what the run recorded (each notebook's seconds, when its
    loops ran): (tenth, predicted, actual remaining seconds) at each tenth of the run. Inside a loop
    the bar is taken to move evenly from the loop's declared start to its end, as its partitions
    report; between loops it holds; at the end of a notebook it is at 1."""
    from presslens.pipeline import eta

    times = {k: v for k, v in manifest["timings_seconds"].items() if k != "total"}
    names = list(times)
    # the run's plan knew whether notebook 90's validation was in the user cache (about 20 s more
    # when not); the replay tells it from the notebook's time
    cold = times.get("90-validate-methods", 0.0) > 10
    plan = eta.Plan(names, sentences, {"use_cache": False} if cold else {})
    for name in manifest.get("cached", []):
        plan.skip(name)
    marks: list[tuple[float, float]] = []  # (seconds since the run began, fraction of the plan)
    t0 = 0.0
    for name in names:
        declared = eta.phases_of(name)
        within = 0.0
        marks.append((t0, plan.fraction(name, 0.0)))
        for desc, (a, b) in sorted(
            (manifest.get("phases_seconds", {}).get(name) or {}).items(), key=lambda x: x[1][0]
        ):
            start, end = declared.span(desc)
            marks += [(t0 + a, plan.fraction(name, max(within, start)))]
            within = max(within, end)
            marks += [(t0 + b, plan.fraction(name, within))]
        t0 += times[name]
        marks.append((t0, plan.fraction(name, 1.0)))
    total = t0
    out = []
    for k in range(1, 10):
        tenth = k / 10
        # the first moment the bar reaches the tenth (linear between marks)
        for (ta, fa), (tb, fb) in zip(marks, marks[1:]):
            if fb >= tenth > fa or (fa >= tenth and ta == tb):
                t = ta + (tb - ta) * (tenth - fa) / (fb - fa) if fb > fa else ta
                out.append((tenth, t * (1 - tenth) / tenth, total - t))
                break
    return out


def main() -> None:
    """Command line: print the fitted declarations (or, with --replay, what the bar would have shown
    in finished runs under the declared ones)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", type=Path, help="finished run folders (two sizes or more)")
    ap.add_argument(
        "--replay",
        action="store_true",
        help="replay the runs' progress under the stages' declared costs instead of fitting",
    )
    args = ap.parse_args()
    runs = _runs(args.runs)
    if args.replay:
        for folder, (n, m) in zip(args.runs, runs):
            checks = replay(n, m)
            worst = max(max(p / a, a / p) for _, p, a in checks if p > 0 and a > 0)
            shown = "; ".join(f"{f:.0%} {p:.0f}/{a:.0f} s" for f, p, a in checks)
            print(f"{folder} ({n:,} sentences): predicted/actual remaining {shown}; ", end="")
            print(f"worst {worst:.2f}")
        return
    sizes = ", ".join(f"{n:,}" for n, _ in runs)
    print(f"runs with {sizes} sentences")
    for name, f in fit(runs).items():
        fixed, per = f["cost"]
        predicted = [fixed + per * n / 1000 for n, _ in runs]
        err = ", ".join(f"{p:.1f}/{a:.1f}" for p, a in zip(predicted, f["seconds"]))
        worst = max(max(p / a, a / p) for p, a in zip(predicted, f["seconds"]) if p > 0 and a > 0)
        print(
            f"{name}: cost=({fixed}, {per}), phases={f['phases']}  # fitted/actual s: {err}; "
            f"worst ratio {worst:.2f}"
        )


if __name__ == "__main__":
    main()
