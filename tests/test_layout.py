"""The codebase's shape: small modules and functions, no HTML outside the templates, thin notebooks,
one convention for precision and recall, and the stage registry's DAG."""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pytest

from presslens.pipeline import cli, registry
from presslens.measure import metrics

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib" / "presslens"
SOURCES = sorted(LIB.rglob("*.py"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
MAX_MODULE, MAX_FUNCTION = 600, 60
# an HTML tag (not the name of a regular-expression group, "(?P<a>")
TAG = re.compile(
    r"(?<!\?P)</?(?:a|p|div|span|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|br|strong|em|code|section|"
    r"svg|html|head|body|style|script|img|figure|figcaption|details|summary|nav|small|sup|mark)"
    r"(?:[\s/>]|$)"
)


def test_the_library_has_its_subpackages() -> None:
    subpackages = {p.parent.name for p in LIB.glob("*/__init__.py")}
    assert {
        "ingest",
        "extract",
        "measure",
        "validate",
        "report",
        "pipeline",
        "stages",
    } <= subpackages
    assert sorted(p.name for p in LIB.glob("*.py")) == ["__init__.py", "__main__.py"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(LIB)))
def test_modules_and_functions_are_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION, f"{node.name} has {length} lines"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(LIB)))
def test_no_html_tag_in_python(path: Path) -> None:
    """Pages come from the Jinja2 templates only: no string in the library holds an HTML tag."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    found = [t.string for t in tokens if t.type == tokenize.STRING and TAG.search(t.string)]
    assert not found, found


def test_pages_come_from_templates() -> None:
    templates = {p.name for p in (LIB / "report" / "templates").glob("*.j2")}
    assert {"index.html.j2", "article.html.j2", "evidence.html.j2"} <= templates


def code_cells(path: Path) -> list[tuple[bool, str]]:
    """(is the parameters cell, source) of each code cell of a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        ("parameters" in c.get("metadata", {}).get("tags", []), "".join(c["source"]))
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_is_parameters_one_stage_call_reads_and_displays(path: Path) -> None:
    cells = code_cells(path)
    assert sum(params for params, _ in cells) == 1
    body = "\n".join(src for params, src in cells if not params)
    stage = registry.by_notebook(path.stem)
    assert stage is not None, f"{path.stem} is not in the stage registry"
    called = re.findall(r"\bstages\.(\w+)\.run\(globals\(\)\)", body)
    assert called == [stage.function.split(":")[1]], called
    for params, src in cells:
        assert params or len(src.strip().splitlines()) <= 15, src
    for writing in ("figures.save(", "tables.write(", ".to_csv(", ".to_parquet(", "PartWriter("):
        assert writing not in body, f"{path.stem} writes ({writing})"


def test_the_registry_names_every_notebook_and_a_table_has_one_writer() -> None:
    assert [s.notebook for s in registry.STAGES] == [p.stem for p in NOTEBOOKS]
    writers: dict[str, str] = {}
    for s in registry.STAGES:
        for t in s.writes:
            assert t not in writers, f"{t} is written by {writers[t]} and {s.notebook}"
            writers[t] = s.notebook
        s.load()  # the function exists
    produced = set(writers) | {registry.CORPUS, registry.EVAL_DATA, registry.EVERY_TABLE}
    for s in registry.STAGES:  # everything a stage reads is made by a stage before it
        assert set(s.reads) <= produced, set(s.reads) - produced
        for before in registry.upstream(s.notebook):
            assert [x.notebook for x in registry.STAGES].index(before) < registry.STAGES.index(s)


def test_presslens_stages_prints_the_dag() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["stages"]) == 0
    text = out.getvalue()
    for s in registry.STAGES:
        assert s.notebook in text and s.function in text
    assert "reads:   articles, sentences, mentions, article_sentiment" in text


@pytest.mark.parametrize(
    ("tp", "n_predicted", "n_gold", "expected"),
    [
        (0, 0, 0, (0.0, 0.0, 0.0)),  # nothing predicted, nothing to find: no credit
        (0, 0, 4, (0.0, 0.0, 0.0)),
        (0, 3, 0, (0.0, 0.0, 0.0)),
        (2, 4, 2, (0.5, 1.0, 2 / 3)),
    ],
)
def test_one_precision_recall_convention(tp: int, n_predicted: int, n_gold: int, expected) -> None:
    assert metrics.precision_recall_f1(tp, n_predicted, n_gold) == pytest.approx(expected)


def test_every_validation_uses_the_metrics_convention() -> None:
    from presslens.validate import timex_gold as gold
    from presslens.validate import sentiment as validation

    empty = np.zeros(3, dtype=bool)
    assert metrics.binary(np.array([True, False, True]), empty) == (0.0, 0.0, 0.0)
    table = validation.prf(["positive", "negative"], ["neutral", "neutral"]).set_index("class")
    assert table.at["positive", "precision"] == 0.0
    assert gold.precision_recall_f1 is metrics.precision_recall_f1
