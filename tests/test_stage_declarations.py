"""A stage is declared once, next to its function (presslens.core.stage), and everything else
derives from that declaration: the registry and DAG, the table keys, the progress weights, which
parameters are paths, the parameter checks of `presslens run`, the preload before forking, and each
notebook's parameters cell, which must match it. A toy stage in a temporary package is added to the
chain by one declaration and one notebook and runs through the runner."""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import papermill
import pytest

from presslens.core import partitions, paths, stage, tables
from presslens.pipeline import eta, notebooks, registry, runner

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def cell_defaults(path: Path) -> dict[str, Any]:
    """The parameters cell of a notebook as name -> default value."""
    spec = papermill.inspect_notebook(str(path))
    return {name: ast.literal_eval(p["default"]) for name, p in spec.items()}


def same(a: Any, b: Any) -> bool:
    """Equal values, a list and a tuple of the same items being the same."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return a == b


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebooks_parameters_cell_is_its_stages_declaration(path: Path) -> None:
    decl = registry.by_notebook(path.stem)
    assert decl is not None
    cell = cell_defaults(path)
    declared = {p.name: p for p in decl.params}
    assert set(cell) == set(declared), (
        f"parameters cell {sorted(set(cell) - set(declared))} "
        f"vs declaration {sorted(set(declared) - set(cell))}"
    )
    source = "".join(
        "".join(c["source"])
        for c in json.loads(path.read_text())["cells"]
        if "parameters" in c["metadata"].get("tags", [])
    )
    for line in source.splitlines():  # short enough to read in JupyterLab's editor
        assert len(line) <= 100, line
    assert not set(cell) & set(stage.RUN_CONTROL), "run settings are set once per run"
    for name, value in cell.items():
        if name in notebooks.RESERVED:  # the runner gives corpus and out_dir
            continue
        assert same(value, declared[name].default), f"{name}: cell {value!r}, function default"
        assert declared[name].accepts(value), f"{name}: {value!r} is not {declared[name].type}"


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [
        ("int", 3, True),
        ("int", True, False),  # a bool is no count
        ("int", "3", False),
        ("float", 3, True),
        ("float", 0.5, True),
        ("str | Path", "x.yaml", True),
        ("str | Path", 3, False),
        ("bool", False, True),
        ("bool", 0, False),
        ("list[str] | tuple[str, ...]", ["vader"], True),
        ("list[str] | tuple[str, ...]", "vader", False),
        ("str | None", None, True),
        ("str", None, False),
    ],
)
def test_a_declared_type_checks_a_value(kind: str, value: Any, ok: bool) -> None:
    assert stage.Param("p", kind, None).accepts(value) is ok


def test_derived_from_the_declarations() -> None:
    decls = {s.name: s for s in registry.stages()}
    # the table keys are the declarations' (the same as before the declarations held them)
    assert tables.KEYS["mentions"] == ["article_id", "start", "end"]
    assert tables.KEYS["sentiment"] == ["article_id", "sent_id", "method"]
    assert "outlet_sentiment" not in tables.KEYS  # a summary keeps the order it was made in
    for s in decls.values():
        for t, k in s.keys.items():
            assert tables.KEYS[t] == list(k)
    # the progress bar's plan, path parameters
    assert eta.cost_of("30-code-framing") == decls["30"].cost
    assert set(eta.phases_of("30-code-framing").spans) == set(decls["30"].phases)
    assert eta.cost_of("77-mine") == eta.UNKNOWN_COST
    for name in ("discovered_actors", "cleaning_rules", "frame_model", "actors_file", "codes"):
        assert name in notebooks.path_params()
    assert "n_boot" not in notebooks.path_params()
    # the report reads everything before it
    assert registry.upstream("99-summarize-findings") == [
        s.notebook for s in registry.stages() if s.name != "99"
    ]


def test_a_relative_path_parameter_is_made_absolute(tmp_path: Path, monkeypatch) -> None:
    """Every declared path parameter, including the ones the old hand-written list missed."""
    monkeypatch.chdir(tmp_path)
    for name in ("discovered_actors.yaml", "rules.yaml", "model.json.gz"):
        (tmp_path / name).write_text("x")
    given = {
        "discovered_actors": "discovered_actors.yaml",
        "cleaning_rules": "rules.yaml",
        "frame_model": "model.json.gz",
        "n_boot": 10,
        "terms_file": "not-here.yaml",  # not a file here: left as given
    }
    out = notebooks.absolute_paths(given)
    assert out["discovered_actors"] == str(tmp_path / "discovered_actors.yaml")
    assert out["cleaning_rules"] == str(tmp_path / "rules.yaml")
    assert out["frame_model"] == str(tmp_path / "model.json.gz")
    assert out["n_boot"] == 10 and out["terms_file"] == "not-here.yaml"


def test_presslens_run_checks_parameters_by_declared_type() -> None:
    chain = notebooks.discover(paths.notebooks_dir())
    notebooks.validate(chain, {"n_boot": 100, "methods": ["vader"], "use_cache": False})
    with pytest.raises(notebooks.ParameterError, match="n_boot must be int"):
        notebooks.validate(chain, {"n_boot": "100"})
    with pytest.raises(notebooks.ParameterError, match="unknown parameter"):
        notebooks.validate(chain, {"n_bootstrap": 100})


def test_a_declaration_that_names_no_parameter_or_table_is_refused() -> None:
    with pytest.raises(TypeError, match="paths= names no parameter"):

        @stage.stage(notebook="98-x", reads=(), paths=("nope",))
        def x(out_dir: str) -> None: ...

    with pytest.raises(TypeError, match="keys= names tables it does not write"):
        stage.stage(notebook="98-x", reads=(), writes=("a",), keys={"b": ("article_id",)})


def test_the_declared_preload_runs_before_forking_with_the_stages_parameters(
    root: Path, tmp_path: Path
) -> None:
    """map_stage calls the running stage's preload with its parameters and the partition
    function's keyword arguments (what the partitions will use) before the workers fork."""
    from presslens import stages

    out = tmp_path / "run"
    stages.clean_corpus(root / "seeds", out, partition_size=2, engine="pandas", progress=False)
    seen: list[dict[str, Any]] = []

    @stage.stage(notebook="97-preload-probe", reads=("articles", "sentences"), preload=seen.append)
    def probe(out_dir: str, *, level: int = 1, engine: str = "processes") -> dict[str, int]:
        return partitions.map_stage(
            _count, out_dir, [], article_columns=["article_id"], engine_name=engine,
            progress=False, word="the",
        )  # fmt: skip

    try:
        probe(out, level=2)
        assert len(seen) == 1 and seen[0]["level"] == 2 and seen[0]["word"] == "the"
        probe(out, engine="pandas")  # in process: nothing is forked, nothing preloaded
        assert len(seen) == 1
    finally:
        stage._REGISTERED.pop("97-preload-probe")


def _count(part: partitions.Partition, *, word: str) -> dict[str, Any]:
    return {"n": int(part.sentences["text"].str.count(word).sum())}


TOY_MODULE = '''
"""A toy stage: how many words of at least `min_length` letters each article has."""

import pandas as pd

from presslens.core.partitions import Partition, map_stage
from presslens.core.stage import stage


def words_part(part: Partition, *, min_length: int) -> dict:
    words = part.sentences["text"].str.findall(r"[A-Za-z]{%d,}" % min_length).str.len()
    per = words.groupby(part.sentences["article_id"]).sum()
    table = pd.DataFrame({"article_id": per.index.astype(str), "words": per.to_numpy("int64")})
    return {"word_counts": table}


@stage(
    notebook="60-count-words",
    reads=("articles", "sentences"),
    writes=("word_counts",),
    keys={"word_counts": ("article_id",)},
    cost=(1.0, 0.05),
)
def count_words(
    out_dir: str, *, min_length: int = 3, engine: str = "", scheduler: str = "",
    progress: bool = True,
) -> dict:
    return map_stage(
        words_part, out_dir, ["word_counts"], article_columns=["article_id"],
        engine_name=engine, scheduler=scheduler, progress=progress, desc="words",
        min_length=min_length,
    )
'''


def _toy_notebook(path: Path) -> None:
    """The toy stage's notebook: its parameters cell, one call, one display."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(
        'out_dir: str = ""  # run folder\nmin_length: int = 3  # letters a word needs'
    )
    params.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "from presslens.core import paths, tables\n"
        "from toy_presslens_stage.words import count_words\n\n"
        "out_dir = str(paths.notebook_folder(out_dir))\n"
        "counts = count_words.run(globals())\n"
        'tables.head("word_counts", out_dir, 5)'
    )
    nb.cells = [nbformat.v4.new_markdown_cell("# 60: Count words"), params, body]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def test_the_declaring_modules_are_looked_up_once_per_import_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run asks for the stages several times per notebook: the installed distributions' entry
    points are scanned once for an import path, again when the path changes (the toy package
    below joins that way)."""
    from importlib import metadata

    scans = []
    real = metadata.entry_points
    monkeypatch.setattr(
        metadata, "entry_points", lambda **k: (scans.append(k), real(**k))[1] if k else real()
    )
    monkeypatch.syspath_prepend(str(tmp_path))  # an import path this process has not searched
    first = registry.stages()
    assert registry.stages() == first and registry.by_notebook("30-code-framing") is not None
    assert len(scans) == 1
    (tmp_path / "more").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path / "more"))
    assert registry.stages() == first and len(scans) == 2
    (tmp_path / "more" / "installed-0.1.dist-info").mkdir()  # as installing a package does
    assert registry.stages() == first and len(scans) == 3


@pytest.fixture
def toy_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A package outside presslens that declares one stage, found through its entry point."""
    site = tmp_path / "site"
    (site / "toy_presslens_stage").mkdir(parents=True)
    (site / "toy_presslens_stage" / "__init__.py").write_text("")
    (site / "toy_presslens_stage" / "words.py").write_text(textwrap.dedent(TOY_MODULE))
    info = site / "toy_presslens_stage-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: toy-presslens-stage\nVersion: 0.1\n"
    )
    (info / "entry_points.txt").write_text(
        "[presslens.stages]\ncount_words = toy_presslens_stage.words\n"
    )
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", str(site))  # the kernels import it too
    yield site
    stage._REGISTERED.pop("60-count-words", None)
    import sys

    for name in [m for m in sys.modules if m.startswith("toy_presslens_stage")]:
        del sys.modules[name]


@pytest.mark.chain
def test_a_toy_stage_joins_the_chain_by_one_declaration_and_one_notebook(
    toy_package: Path, tmp_path: Path, root: Path
) -> None:
    chain_dir = tmp_path / "notebooks"
    chain_dir.mkdir()
    (chain_dir / "10-clean-articles.ipynb").write_bytes(
        (root / "notebooks" / "10-clean-articles.ipynb").read_bytes()
    )
    _toy_notebook(chain_dir / "60-count-words.ipynb")

    toy = registry.by_notebook("60-count-words")
    assert toy is not None and toy.writes == ("word_counts",)
    assert registry.upstream("60-count-words") == ["10-clean-articles"]
    assert "60-count-words  (toy_presslens_stage.words:count_words)" in registry.describe()
    with pytest.raises(notebooks.ParameterError, match="min_length must be int"):
        runner.run(root / "seeds", tmp_path / "run", {"min_length": "4"}, notebooks=chain_dir)

    out = tmp_path / "run"
    runner.run(root / "seeds", out, {"min_length": 4}, notebooks=chain_dir, progress=False)
    counts = pd.read_csv(out / "data" / "word_counts.csv", dtype={"article_id": str})
    articles = pd.read_csv(out / "data" / "articles.csv", dtype={"article_id": str})
    assert len(counts) == (articles["status"] == "ok").sum() and (counts["words"] > 0).all()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["notebooks"] == ["10-clean-articles.ipynb", "60-count-words.ipynb"]

    again = runner.run(root / "seeds", out, {"min_length": 6}, notebooks=chain_dir, progress=False)
    assert again["cached"] == ["10-clean-articles"]  # the toy's parameter reran the toy alone
    fewer = pd.read_csv(out / "data" / "word_counts.csv", dtype={"article_id": str})
    assert (fewer["words"] <= counts["words"]).all() and fewer["words"].sum() < counts[
        "words"
    ].sum()
