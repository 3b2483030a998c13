"""Issue 24's targets in one table, from the result files of several bench/chain.py runs (each
written by `python bench/chain.py --name NAME ...`): one row per run and corpus size, with the
chain against VADER alone, notebook 30's share, the peak memory of the process tree, the largest
figure file and the progress bar's worst ratio, each marked met or missed.

    python bench/targets.py chain33 chain33-100k chain33-dask-100k:dask --out targets.md

A name may end in ':LABEL' (the engine, for example), shown beside it. Sizes 5 (the seeds
against papermill's floor) give their own line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from chain import RESULTS, TARGET_MIB, mark, markdown, progress_worst  # noqa: E402

CHAIN, VADER, NB30 = "whole chain (presslens run)", "VADER alone (NLTK)", "notebook 30-code-framing"
SEEDS, FLOOR = "seeds chain (median)", "papermill floor, same number of notebooks (median)"


def rows_of(table: pd.DataFrame, name: str, label: str) -> list[dict]:
    """One row per corpus size of one results file, against the targets."""
    out = []
    for size, g in table[table["size"] > 5].groupby("size"):
        get = {m: r for m, r in zip(g["measure"], g.to_dict("records"))}
        if CHAIN not in get or VADER not in get:
            continue
        whole, vad = get[CHAIN], get[VADER]
        ratio, limit = whole["seconds"] / vad["seconds"], 6 if size <= 1000 else 5
        share = get.get(NB30, {}).get("seconds", float("nan")) / whole["seconds"]
        mib, target_mib = whole["peak_pss_mib"], TARGET_MIB.get(size, float("nan"))
        fig = get.get("largest figure file (MiB)", {}).get("value", float("nan"))
        worst = progress_worst(g)
        out.append(
            {
                "articles": f"{int(size):,}",
                "run": f"{name} ({label})" if label else name,
                "chain s": round(whole["seconds"]),
                "VADER s": round(vad["seconds"], 1),
                "chain / VADER": f"{ratio:.1f}x (<= {limit}x: {mark(ratio <= limit)})",
                "notebook 30": f"{share:.0%} (< 40%: {mark(share < 0.4)})",
                "peak PSS MiB": f"{mib:,.0f} (<= {target_mib:,.0f}: {mark(mib <= target_mib)})",
                "largest figure MiB": f"{fig:.2f} (<= 2: {mark(fig <= 2)})",
                "progress worst": (
                    f"{worst:.2f} (within 2x: {mark(0.5 <= worst <= 2)})" if worst == worst else ""
                ),
            }
        )
    return out


def seeds_line(table: pd.DataFrame, name: str) -> str:
    """The seeds chain against papermill's floor, or '' when the run did not time it."""
    seeds = table[table["size"] == 5].set_index("measure")["seconds"]
    if SEEDS not in seeds or FLOOR not in seeds:
        return ""
    c, f = seeds[SEEDS], seeds[FLOOR]
    return (
        f"- seeds ({name}): chain {c:.1f} s, papermill's floor for as many notebooks {f:.1f} s: "
        f"{c / f:.2f}x (target <= 2x: {mark(c / f <= 2)})"
    )


def main(argv: list[str] | None = None) -> list[str]:
    """Command line: print (and with --out write) the table of the named results."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="+", help="result names (bench/results/NAME.csv), ':LABEL'")
    ap.add_argument("--results", type=Path, default=RESULTS, help="folder of the result files")
    ap.add_argument("--out", type=Path, help="also write the lines to this Markdown file")
    args = ap.parse_args(argv)
    rows, seeds = [], []
    for spec in args.names:
        name, _, label = spec.partition(":")
        table = pd.read_csv(args.results / f"{name}.csv")
        rows += rows_of(table, name, label)
        seeds.append(seeds_line(table, name))
    lines = markdown(pd.DataFrame(rows)) if rows else []
    lines += [s for s in seeds if s]
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


if __name__ == "__main__":
    main()
