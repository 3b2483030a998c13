"""Save every figure as PNG and SVG with the CSV of the data behind it."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

plt.rcParams.update({
    "svg.hashsalt": "presslens",  # stable ids inside SVG files: identical output run to run
    "figure.dpi": 110,
    "savefig.dpi": 110,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
})


def figure_dir(out_dir: str | Path) -> Path:
    """The `figures/` folder of a run folder (created)."""
    folder = Path(out_dir) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def captions(out_dir: str | Path) -> dict[str, str]:
    """Captions of the figures saved so far in a run folder, by figure name."""
    path = Path(out_dir) / "figures" / "captions.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save(fig: plt.Figure, data: pd.DataFrame, name: str, out_dir: str | Path, *, caption: str) -> Path:
    """Write figures/<name>.png, .svg and .csv and record its caption; return the PNG path."""
    folder = figure_dir(out_dir)
    known = captions(out_dir)
    known[name] = caption
    (folder / "captions.json").write_text(json.dumps(dict(sorted(known.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    fig.savefig(folder / f"{name}.png", bbox_inches="tight", metadata={"Software": None})
    fig.savefig(folder / f"{name}.svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    data.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    return folder / f"{name}.png"
