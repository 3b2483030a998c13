"""The seeds chain's wall time against its floor: papermill running as many trivial notebooks.

Each notebook of the chain starts its own kernel, so kernel start-up is a floor no analysis can go
under. This script times, in one run and alternating to spread the machine's noise evenly:

- the floor: papermill executing N trivial notebooks (a parameters cell and ``x = 1``), N being the
  number of notebooks in notebooks/, one after the other, as the runner does;
- the chain: ``presslens run --force`` on seeds/ (every notebook executed, no cache), into a
  temporary folder.

It prints the median of each and their ratio (the target is <= 2), and writes
bench/results/chain_overhead.csv.

    python bench/chain_overhead.py --repeat 3
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pandas as pd
import papermill

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def trivial_notebooks(folder: Path, n: int) -> list[Path]:
    """N notebooks with a tagged parameters cell and one trivial cell."""
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        params = nbformat.v4.new_code_cell('out_dir: str = "reports"')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell("x = 1")]
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        path = folder / f"{i:02d}-trivial.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def time_floor(paths: list[Path], out: Path) -> float:
    """Seconds papermill takes to execute the trivial notebooks in order."""
    t0 = time.perf_counter()
    for p in paths:
        papermill.execute_notebook(
            str(p),
            str(out / p.name),
            parameters={"out_dir": str(out)},
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
        )
    return time.perf_counter() - t0


def time_chain(out: Path) -> float:
    """Seconds `presslens run --force` takes on seeds/."""
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "presslens",
            "run",
            "--corpus",
            str(ROOT / "seeds"),
            "--out",
            str(out),
            "--force",
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def main() -> None:
    """Time both, alternating, and report the ratio of medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n = len(sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "nb").mkdir()
        paths = trivial_notebooks(tmp / "nb", n)
        for r in range(args.repeat):
            floor_out = tmp / f"floor{r}"
            floor_out.mkdir()
            rows.append(
                dict(
                    repeat=r,
                    what=f"papermill, {n} trivial notebooks",
                    seconds=time_floor(paths, floor_out),
                )
            )
            rows.append(
                dict(
                    repeat=r,
                    what=f"presslens run --force on seeds/ ({n} notebooks)",
                    seconds=time_chain(tmp / f"chain{r}"),
                )
            )
            print(rows[-2], rows[-1], file=sys.stderr, flush=True)
    table = pd.DataFrame(rows)
    med = table.groupby("what")["seconds"].median()
    floor = med[[w for w in med.index if w.startswith("papermill")][0]]
    chain = med[[w for w in med.index if w.startswith("presslens")][0]]
    (HERE / "results").mkdir(exist_ok=True)
    table.assign(median_ratio=round(chain / floor, 3)).to_csv(
        HERE / "results" / "chain_overhead.csv", index=False
    )
    print(
        f"floor (trivial notebooks): {floor:.1f} s; seeds chain: {chain:.1f} s; ratio "
        f"{chain / floor:.2f} (target <= 2)"
    )


if __name__ == "__main__":
    main()
