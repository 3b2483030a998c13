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
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

EVIDENCE_COLUMNS = ["point", "label", "article_id", "sent_id", "note"]
EVIDENCE_PAGE = "evidence.html"

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


def linked_errorbar(ax: plt.Axes, x: Sequence[float], y: Sequence[float], lo: Sequence[float], hi: Sequence[float], name: str, keys: Sequence[object], *, color: str = "C0", label: str | None = None, hollow: bool = False) -> object:
    """Points with interval whiskers (missing bounds draw no whisker), each point linked to its evidence."""
    x, y, lo, hi = (np.asarray(v, dtype=float) for v in (x, y, lo, hi))
    err = np.vstack([np.nan_to_num(x - lo), np.nan_to_num(hi - x)])
    ax.errorbar(x, y, xerr=err, fmt="none", capsize=3, ecolor=color, elinewidth=1)
    pts = ax.scatter(x, y, s=36, zorder=3, label=label, facecolors="white" if hollow else color, edgecolors=color)
    link_points(pts, name, keys)
    return pts


def link_cells(ax: plt.Axes, name: str, keys: Sequence[Sequence[object]]) -> None:
    """Link each cell of a heatmap drawn with imshow (keys[row][col], None for no link) to its evidence."""
    for i, row in enumerate(keys):
        for j, key in enumerate(row):
            if key is not None:
                cell = Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=(1, 1, 1, 0), edgecolor="none", zorder=5)
                cell.set_url(point_href(name, key))
                ax.add_patch(cell)


def _drop_dangling_links(fig: plt.Figure, anchors: set[str]) -> None:
    """Unlink points whose evidence section would be empty (a bar of height 0, a bin with no sentence)."""
    def keep(url: str | None) -> str | None:
        return url if url is None or f"{EVIDENCE_PAGE}#" not in url or url.split("#", 1)[1] in anchors else None

    for artist in fig.findobj():
        if hasattr(artist, "get_urls") and any(artist.get_urls() or []):
            artist.set_urls([keep(u) for u in artist.get_urls()])
        elif artist.get_url():
            artist.set_url(keep(artist.get_url()))


def save(fig: plt.Figure, data: pd.DataFrame, name: str, out_dir: str | Path, *, caption: str, evidence: pd.DataFrame | None = None, max_evidence: int = 40) -> Path:
    """Write figures/<name>.png, .svg and .csv (and <name>.evidence.csv) and record its caption; return the PNG path.

    `evidence` keeps its first `max_evidence` rows per point (order them by relevance); `n_point`
    records how many there were.
    """
    folder = figure_dir(out_dir)
    if evidence is not None:
        missing = set(EVIDENCE_COLUMNS) - set(evidence.columns) - {"note"}
        if missing:
            raise ValueError(f"evidence of {name} lacks columns {sorted(missing)}")
        ev = evidence.assign(note=evidence["note"] if "note" in evidence else "")[EVIDENCE_COLUMNS]
        ev = ev.assign(point=ev["point"].astype(str))
        ev = ev.assign(n_point=ev.groupby("point", sort=False)["point"].transform("size"))
        ev = ev.groupby("point", sort=False).head(max_evidence)
        ev = ev.assign(anchor=[point_anchor(name, k) for k in ev["point"]])
        ev.to_csv(folder / f"{name}.evidence.csv", index=False, lineterminator="\n")
        _drop_dangling_links(fig, set(ev["anchor"]))
    known = captions(out_dir)
    known[name] = caption
    (folder / "captions.json").write_text(json.dumps(dict(sorted(known.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    fig.savefig(folder / f"{name}.png", bbox_inches="tight", metadata={"Software": None})
    fig.savefig(folder / f"{name}.svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    data.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    return folder / f"{name}.png"
