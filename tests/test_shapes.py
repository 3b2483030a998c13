"""Every corpus shape completes: the whole chain, from a folder outside the checkout, through the
command line, with a report that says what is absent instead of failing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import links
import shapes

pytestmark = pytest.mark.chain
ROOT = Path(__file__).resolve().parents[1]


def notebooks_state() -> dict[str, float]:
    return {p.name: p.stat().st_mtime for p in (ROOT / "notebooks").iterdir()}


@pytest.mark.parametrize("name", list(shapes.SHAPES))
def test_every_corpus_shape_completes(name: str, tmp_path: Path) -> None:
    shape = shapes.SHAPES[name]
    corpus = shape.build(tmp_path / "corpus")
    out = tmp_path / "report"
    before = notebooks_state()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "presslens",
            "run",
            "--corpus",
            str(corpus),
            "--out",
            "report",
            "--quiet",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "without encryption" not in done.stderr
    assert notebooks_state() == before  # nothing is written under notebooks/
    articles = pd.read_parquet(out / "data" / "articles.parquet")
    status = articles["status"].value_counts()
    assert len(articles) == shape.inputs and int(status.get("ok", 0)) == shape.analysed
    assert len(articles) == sum(int(status.get(s, 0)) for s in ("ok", "duplicate", "quarantined"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert len(index) < 2_000_000
    assert links.broken(out) == []
    absent = (
        json.loads((out / "figures" / "absent.json").read_text())
        if (out / "figures" / "absent.json").exists()
        else {}
    )
    for fig, why in absent.items():  # what is absent is said on the start page
        assert f"{fig}: no figure, {why}" in index.replace("&#39;", "'")
    if shape.analysed == 0:
        assert (
            "No article could be analysed" in index
            and (out / "data" / "quarantine.csv").read_text().count("\n") > shape.inputs
        )
    if name == "nothing-to-remove":
        assert "fig01-cleaning" in absent and "Nothing was removed" in index
    if name == "all-undated":
        assert "fig41-coverage" in absent
    if name == "hundreds-of-outlets":
        assert (
            "300 outlets" in index
            and "are pooled in the last column"
            in json.loads((out / "figures" / "captions.json").read_text())["fig30-frames-by-outlet"]
        )
