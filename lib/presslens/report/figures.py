"""Save every figure as PNG and SVG with the CSV of the data behind it, and its points' evidence.

A figure whose points come from sentences links each point to them: the notebook gives each point a
key (``link_points`` / ``link_cells`` put a link on the marker, bar or heatmap cell in the SVG) and
passes ``evidence`` to ``save``, one row per point and sentence (``point``, ``label``,
``article_id``, ``sent_id``, optional ``note``). The summary notebook turns all evidence files
into ``evidence.html``, one anchored section per point listing its sentences, and shows linked
figures as inline SVG on the start page, so a click on a point opens its sentences.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

EVIDENCE_COLUMNS = ["point", "label", "article_id", "sent_id", "note"]
EVIDENCE_PAGE = "evidence.html"
MAX_PIXELS = 4_000_000  # a saved PNG never exceeds this (the chart functions aggregate long before)

plt.rcParams.update(
    {
        "svg.hashsalt": "presslens",  # stable ids inside SVG files: identical output run to run
        "svg.fonttype": "none",  # text as (escaped) text, not glyph paths: SVGs a tenth of the size
        "font.sans-serif": [
            "DejaVu Sans"
        ],  # matplotlib's own font; one name keeps each SVG text element short
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def figure_dir(out_dir: str | Path) -> Path:
    """The `figures/` folder of a run folder (created)."""
    folder = Path(out_dir) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def captions(out_dir: str | Path) -> dict[str, str]:
    """Captions of the figures saved so far in a run folder, by figure name."""
    path = Path(out_dir) / "figures" / "captions.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def point_anchor(name: str, key: object) -> str:
    """The id of a figure point's section on the evidence page (safe whatever the key holds)."""
    digest = hashlib.sha1(f"{name}\x1f{key}".encode("utf-8")).hexdigest()[:12]
    return f"{re.sub(r'[^A-Za-z0-9-]', '-', name)}-{digest}"


def point_href(name: str, key: object, *, prefix: str = "../") -> str:
    """Link from a figure's SVG (in figures/) to its point's sentences on the evidence page."""
    return f"{prefix}{EVIDENCE_PAGE}#{point_anchor(name, key)}"


def link_points(artist: object, name: str, keys: Sequence[object]) -> None:
    """Link each marker of a scatter (a collection) or each bar of a bar container to its point's
    evidence; a key of None leaves its point unlinked (a point with no sentences)."""
    urls = [None if k is None else point_href(name, k) for k in keys]
    if hasattr(artist, "patches"):  # BarContainer
        for patch, url in zip(artist.patches, urls):
            patch.set_url(url)
    elif hasattr(artist, "set_urls"):  # scatter and other collections: one link per marker
        artist.set_urls(urls)
    elif isinstance(artist, Sequence):  # the patches hist() returns
        for patch, url in zip(artist, urls):
            patch.set_url(url)
    else:  # a single artist (one point)
        artist.set_url(urls[0] if urls else None)


def linked_errorbar(
    ax: plt.Axes,
    x: Sequence[float],
    y: Sequence[float],
    lo: Sequence[float],
    hi: Sequence[float],
    name: str,
    keys: Sequence[object],
    *,
    color: str = "C0",
    label: str | None = None,
    hollow: bool = False,
) -> object:
    """Points with interval whiskers (missing bounds draw no whisker), each point linked to its
    evidence."""
    x, y, lo, hi = (np.asarray(v, dtype=float) for v in (x, y, lo, hi))
    err = np.vstack([np.nan_to_num(x - lo), np.nan_to_num(hi - x)])
    ax.errorbar(x, y, xerr=err, fmt="none", capsize=3, ecolor=color, elinewidth=1)
    pts = ax.scatter(
        x, y, s=36, zorder=3, label=label, facecolors="white" if hollow else color, edgecolors=color
    )
    link_points(pts, name, keys)
    return pts


def link_cells(ax: plt.Axes, name: str, keys: Sequence[Sequence[object]]) -> None:
    """Link each cell of a heatmap drawn with imshow (keys[row][col], None for no link) to its
    evidence."""
    for i, row in enumerate(keys):
        for j, key in enumerate(row):
            if key is not None:
                cell = Rectangle(
                    (j - 0.5, i - 0.5), 1, 1, facecolor=(1, 1, 1, 0), edgecolor="none", zorder=5
                )
                cell.set_url(point_href(name, key))
                ax.add_patch(cell)


def _drop_dangling_links(fig: plt.Figure, anchors: set[str]) -> None:
    """Unlink points whose evidence section would be empty (a bar of height 0, a bin with no
    sentence)."""

    def keep(url: str | None) -> str | None:
        return (
            url
            if url is None or f"{EVIDENCE_PAGE}#" not in url or url.split("#", 1)[1] in anchors
            else None
        )

    for artist in fig.findobj():
        if hasattr(artist, "get_urls") and any(artist.get_urls() or []):
            artist.set_urls([keep(u) for u in artist.get_urls()])
        elif artist.get_url():
            artist.set_url(keep(artist.get_url()))


@dataclass
class Chart:
    """A figure of the report with the data behind it.

    `fig` is None when there is nothing to draw, and `absent` then says why in a sentence the
    report shows instead (no line removed, no outlet, ...). `keys` are the keys of the points the
    figure links to their sentences, for the evidence functions; `data` is the CSV written beside
    the figure (the whole table behind it, also what the figure aggregated away).
    """

    name: str
    caption: str
    data: pd.DataFrame
    fig: plt.Figure | None = None
    keys: list = field(default_factory=list)
    absent: str = ""


@dataclass
class Saved:
    """What `save` wrote; shown in a notebook as the PNG (or the sentence saying why there is
    none)."""

    name: str
    png: Path | None
    caption: str
    absent: str = ""

    def _repr_png_(self) -> bytes | None:
        return self.png.read_bytes() if self.png is not None else None

    def __repr__(self) -> str:
        """The caption (a notebook's text output: no path of the run folder)."""
        return f"{self.name}: {self.caption or self.absent}"

    def _repr_markdown_(self) -> str | None:
        return None if self.png is not None else f"*{self.name}: no figure, {self.absent}*"


def show(out_dir: str | Path, name: str) -> Saved:
    """A figure a stage saved, for a notebook to display: its PNG, or the sentence saying why it is
    absent."""
    folder = Path(out_dir) / "figures"
    absent = absent_figures(out_dir)
    png = folder / f"{name}.png"
    if name in absent or not png.exists():
        return Saved(name, None, "", absent.get(name, "it was not drawn in this run"))
    return Saved(name, png, captions(out_dir).get(name, ""))


def absent_figures(out_dir: str | Path) -> dict[str, str]:
    """Figures a run could not draw, by name, with the reason."""
    path = Path(out_dir) / "figures" / "absent.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _record(out_dir: str | Path, file: str, name: str, value: str | None) -> None:
    """Set (or with None remove) one entry of figures/captions.json or figures/absent.json."""
    path = figure_dir(out_dir) / file
    known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if value is None:
        known.pop(name, None)
    else:
        known[name] = value
    path.write_text(
        json.dumps(dict(sorted(known.items())), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def _dpi(fig: plt.Figure) -> float:
    """The resolution that keeps the PNG within MAX_PIXELS (the default one for any normal
    chart)."""
    w, h = fig.get_size_inches()
    dpi = plt.rcParams["savefig.dpi"]
    return min(dpi, (MAX_PIXELS / max(w * h, 1e-9)) ** 0.5 * 0.95)


EVIDENCE_BUDGET = 600  # sentences listed per figure on the evidence page, shared among its points


def save(
    chart: Chart,
    out_dir: str | Path,
    *,
    evidence: pd.DataFrame | None = None,
    max_evidence: int | None = None,
) -> Saved:
    """Write figures/<name>.png, .svg and .csv (and <name>.evidence.csv), record its caption, close
    it.

    `evidence` keeps its first `max_evidence` rows per point (order them by relevance): by default
    40, fewer when the figure has many points (EVIDENCE_BUDGET shared among them, at least 5 each);
    `n_point` records how many there were. A chart without a figure writes its CSV and records
    why it is
    absent (figures/absent.json), which the start page says in its place.
    """
    folder = figure_dir(out_dir)
    name = chart.name
    for suffix in (".png", ".svg", ".evidence.csv"):
        (folder / f"{name}{suffix}").unlink(missing_ok=True)
    chart.data.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    if chart.fig is None:
        _record(out_dir, "captions.json", name, None)
        _record(out_dir, "absent.json", name, f"{chart.absent}")
        return Saved(name, None, chart.caption, chart.absent)
    if evidence is not None:
        missing = set(EVIDENCE_COLUMNS) - set(evidence.columns) - {"note"}
        if missing:
            raise ValueError(f"evidence of {name} lacks columns {sorted(missing)}")
        ev = evidence.assign(note=evidence["note"] if "note" in evidence else "")[EVIDENCE_COLUMNS]
        ev = ev.assign(
            point=ev["point"].astype(str),
            sent_id=pd.to_numeric(ev["sent_id"], errors="coerce").astype("Int64"),
        )
        ev = ev.assign(n_point=ev.groupby("point", sort=False)["point"].transform("size"))
        if "n_point" in evidence:
            ev["n_point"] = evidence["n_point"].to_numpy()
        n_points = max(1, ev["point"].nunique())
        per_point = max_evidence or min(40, max(5, EVIDENCE_BUDGET // n_points))
        ev = ev.groupby("point", sort=False).head(per_point)
        ev = ev.assign(anchor=[point_anchor(name, k) for k in ev["point"]])
        ev.to_csv(folder / f"{name}.evidence.csv", index=False, lineterminator="\n")
        _drop_dangling_links(chart.fig, set(ev["anchor"]))
    _record(out_dir, "absent.json", name, None)
    _record(out_dir, "captions.json", name, chart.caption)
    dpi = _dpi(chart.fig)
    chart.fig.savefig(
        folder / f"{name}.png", bbox_inches="tight", dpi=dpi, metadata={"Software": None}
    )
    chart.fig.savefig(
        folder / f"{name}.svg", bbox_inches="tight", metadata={"Date": None, "Creator": None}
    )
    plt.close(chart.fig)
    return Saved(name, folder / f"{name}.png", chart.caption)
