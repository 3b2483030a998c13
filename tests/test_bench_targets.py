"""bench/targets.py: issue 24's targets from bench/chain.py result files, each marked met or
missed. The result file is written here by hand in chain.py's layout (size, measure, seconds,
peak_pss_mib, peak_rss_mib, at_peak, value), with numbers chosen on both sides of each target."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _targets():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_targets", BENCH / "targets.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _write(folder: Path) -> None:
    rows = [
        (5, "seeds chain (median)", 9.0, None, None),
        (5, "papermill floor, same number of notebooks (median)", 5.0, None, None),
        # 1,000: 5.5x VADER (met), notebook 30 50% (missed), 1,600 MiB (missed)
        (1000, "whole chain (presslens run)", 55.0, 1600, None),
        (1000, "notebook 30-code-framing", 27.5, None, None),
        (1000, "VADER alone (NLTK)", 10.0, None, 38000),
        (1000, "largest figure file (MiB)", None, None, 0.5),
        (1000, "remaining at 10% (predicted)", 40.0, None, 100.0),  # 2.5x: missed
        (1000, "remaining at 50% (predicted)", 20.0, None, 22.0),
        # 10,000: 6x VADER (missed against 5x), notebook 30 30% (met), 2,000 MiB (met)
        (10000, "whole chain (presslens run)", 600.0, 2000, None),
        (10000, "notebook 30-code-framing", 180.0, None, None),
        (10000, "VADER alone (NLTK)", 100.0, None, 380000),
        (10000, "largest figure file (MiB)", None, None, 2.5),
    ]
    pd.DataFrame(rows, columns=["size", "measure", "seconds", "peak_pss_mib", "value"]).to_csv(
        folder / "run1.csv", index=False
    )


def test_each_target_marked_met_or_missed(tmp_path, capsys):
    _write(tmp_path)
    out = tmp_path / "targets.md"
    lines = _targets().main(["run1:processes", "--results", str(tmp_path), "--out", str(out)])
    assert out.read_text(encoding="utf-8").splitlines() == lines
    small = next(line for line in lines if line.startswith("| 1,000 "))
    large = next(line for line in lines if line.startswith("| 10,000 "))
    assert "run1 (processes)" in small
    assert "5.5x (<= 6x: met)" in small and "50% (< 40%: missed)" in small
    assert "1,600 (<= 1,536: missed)" in small and "0.50 (<= 2: met)" in small
    assert "2.50 (within 2x: missed)" in small  # 100 s predicted for 40 s that remained
    assert "6.0x (<= 5x: missed)" in large and "30% (< 40%: met)" in large
    assert "2,000 (<= 2,560: met)" in large and "2.50 (<= 2: missed)" in large
    assert large.rstrip().endswith("|  |")  # no progress checks recorded: left empty
    assert lines[-1].endswith("1.80x (target <= 2x: met)")
