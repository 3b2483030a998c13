"""Measure what each stage costs, for the progress bar's plan: from finished runs of one chain at
two or more corpus sizes (their run folders: manifest.json with each notebook's seconds and the
seconds at which each progress loop ran, data/sentences.parquet), fit seconds = fixed + per 1,000
sentences by least squares for each notebook, and where its loops start and end in its time (the
mean over the runs). Prints the `cost=` and `phases=` of each stage's declaration, and how far the
fitted costs are from each run's times.

    python bench/progress_fit.py bench/work/chain-1000 bench/work/chain-10000
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


def fit(runs: list[tuple[int, dict]]) -> dict[str, dict]:
    """Per notebook: cost (fixed s, s per 1,000 sentences), phases and the runs' seconds."""
    names = [k for k in runs[0][1]["timings_seconds"] if k != "total"]
    out = {}
    for name in names:
        x = np.array([n / 1000 for n, _ in runs], dtype=float)
        y = np.array([m["timings_seconds"][name] for _, m in runs], dtype=float)
        per = float(np.polyfit(x, y, 1)[0]) if len(set(x)) > 1 else 0.0
        per = max(per, 0.0)
        fixed = max(float(np.mean(y - per * x)), 0.5)
        spans: dict[str, list[tuple[float, float]]] = {}
        for _, m in runs:
            total = m["timings_seconds"][name]
            for desc, (a, b) in (m.get("phases_seconds", {}).get(name) or {}).items():
                spans.setdefault(desc, []).append((a / total, b / total))
        mean = {d: np.mean(v, axis=0) for d, v in spans.items()}
        phases = {d: (round(float(a), 2), round(float(b), 2)) for d, (a, b) in mean.items()}
        out[name] = {"cost": (round(fixed, 1), round(per, 3)), "phases": phases, "seconds": y}
    return out


def main() -> None:
    """Command line: print the fitted declarations."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", type=Path, help="finished run folders (two sizes or more)")
    args = ap.parse_args()
    runs = _runs(args.runs)
    sizes = ", ".join(f"{n:,}" for n, _ in runs)
    print(f"runs with {sizes} sentences")
    for name, f in fit(runs).items():
        fixed, per = f["cost"]
        predicted = [fixed + per * n / 1000 for n, _ in runs]
        err = ", ".join(f"{p:.1f}/{a:.1f}" for p, a in zip(predicted, f["seconds"]))
        print(f"{name}: cost=({fixed}, {per}), phases={f['phases']}  # fitted/actual s: {err}")


if __name__ == "__main__":
    main()
