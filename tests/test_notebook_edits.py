"""Edits never change the committed report by surprise: JupyterLab saves the chain's notebooks
without outputs (a pre-save hook the repository configures), git reads them through nbstripout, a
notebook run by hand with its defaults writes into runs/notebooks/ rather than the committed
reports/, and a stage run again after the report's pages were written marks them out of date until
the report stage rebuilds them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from presslens.core import paths
from presslens.pipeline import jupyter

ROOT = Path(__file__).resolve().parents[1]


def _notebook(outputs: bool) -> dict:
    cell = {
        "cell_type": "code",
        "id": "c01",
        "metadata": {"tags": ["parameters"], "execution": {"iopub.status.busy": "x"}},
        "source": ["n_boot: int = 2000  # resamples"],
        "execution_count": 4 if outputs else None,
        "outputs": [{"output_type": "stream", "name": "stderr", "text": ["warn\n"]}]
        if outputs
        else [],
    }
    return {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


class _Contents:
    def __init__(self, root: Path) -> None:
        self.root_dir = str(root)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A folder laid out as a presslens checkout: lib/presslens and notebooks/."""
    (tmp_path / "lib" / "presslens").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "reports" / "notebooks").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    ("path", "stripped"),
    [
        ("notebooks/20-score-sentiment.ipynb", True),  # a chain notebook of the checkout
        ("/notebooks/20-score-sentiment.ipynb", True),  # the API path as the server gives it
        ("reports/notebooks/20-score-sentiment.ipynb", False),  # an executed notebook keeps them
        ("notebooks/scratch.ipynb", False),  # not a chain notebook
        ("elsewhere/20-score-sentiment.ipynb", False),
    ],
)
def test_jupyterlab_saves_chain_notebooks_without_outputs(
    checkout: Path, path: str, stripped: bool
) -> None:
    model = {"type": "notebook", "content": _notebook(outputs=True)}
    jupyter.strip_outputs(model=model, path=path, contents_manager=_Contents(checkout))
    cell = model["content"]["cells"][0]
    assert (cell["outputs"] == [] and cell["execution_count"] is None) is stripped
    assert ("execution" not in cell["metadata"]) is stripped
    assert cell["source"] == ["n_boot: int = 2000  # resamples"]  # an edited default is kept


def test_a_file_model_is_left_alone(checkout: Path) -> None:
    model = {"type": "file", "content": "text"}
    jupyter.strip_outputs(model=model, path="notebooks/10-x.ipynb", contents_manager=None)
    assert model == {"type": "file", "content": "text"}


def test_the_repository_configures_the_hook_and_the_filter() -> None:
    config = json.loads((ROOT / "jupyter-config" / "jupyter_server_config.json").read_text())
    hook = config["ContentsManager"]["pre_save_hook"]
    module, _, name = hook.rpartition(".")
    assert getattr(__import__(module, fromlist=[name]), name) is jupyter.strip_outputs
    assert "notebooks/*.ipynb filter=nbstripout" in (ROOT / ".gitattributes").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "jupyter_server_config.json" in makefile and "filter.nbstripout.clean" in makefile


def test_git_sees_no_change_when_only_outputs_differ_and_sees_a_changed_default(
    tmp_path: Path,
) -> None:
    """The nbstripout filter as the Makefile installs it, in a repository of one notebook."""
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    nb = repo / "notebooks" / "20-score-sentiment.ipynb"
    nb.write_text(json.dumps(_notebook(outputs=False), indent=1) + "\n")
    (repo / ".gitattributes").write_text((ROOT / ".gitattributes").read_text())

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
        ).stdout

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    git("config", "filter.nbstripout.clean", f'"{sys.executable}" -m nbstripout --keep-id')
    git("config", "filter.nbstripout.smudge", "cat")
    git("add", "-A")
    git("commit", "-qm", "clean")
    nb.write_text(json.dumps(_notebook(outputs=True), indent=2))  # an editor saved outputs
    assert git("diff", "--stat") == ""
    changed = _notebook(outputs=True)
    changed["cells"][0]["source"] = ["n_boot: int = 500  # resamples"]
    nb.write_text(json.dumps(changed, indent=2))
    diff = git("diff")
    assert '-    "n_boot: int = 2000  # resamples"' in diff.replace("'", '"') or "2000" in diff
    assert "500" in diff and "warn" not in diff


def test_a_notebook_run_by_hand_writes_a_copy_not_the_committed_report(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = checkout / "reports"
    (reports / "data").mkdir()
    (reports / "data" / "articles.csv").write_text("article_id\n1\n")
    monkeypatch.delenv(paths.REPORTS_ENV, raising=False)
    monkeypatch.setattr(paths, "project_root", lambda: checkout)
    got = paths.notebook_folder("")
    assert got == (checkout / "runs" / "notebooks").resolve()
    assert (got / "data" / "articles.csv").read_text() == "article_id\n1\n"  # earlier tables
    (got / "data" / "articles.csv").write_text("changed\n")
    assert paths.notebook_folder("") == got  # made once: a rerun keeps working there
    assert (reports / "data" / "articles.csv").read_text() == "article_id\n1\n"
    assert paths.notebook_folder(str(reports)) == reports.resolve()  # told to: it may
    monkeypatch.setenv(paths.REPORTS_ENV, str(checkout / "elsewhere"))
    assert paths.notebook_folder("") == checkout / "elsewhere"


@pytest.mark.chain
def test_a_stage_run_again_marks_the_pages_stale_until_the_report_rebuilds_them(
    seeds_run: Path, tmp_path: Path
) -> None:
    from presslens import stages

    run = tmp_path / "run"
    shutil.copytree(seeds_run, run)
    assert "Out of date" not in (run / "index.html").read_text()
    stages.score_sentiment(run, n_boot=200, engine="pandas", progress=False)
    for page in ("index.html", "evidence.html"):
        text = (run / page).read_text()
        assert "Out of date" in text and "20-score-sentiment" in text, page
    stages.compare_outlets(run, engine="pandas", progress=False)
    text = (run / "index.html").read_text()
    assert "20-score-sentiment" in text and "50-compare-outlets" in text
    assert text.count("Out of date") == 1  # one notice, naming both
    stages.write_report(run, engine="pandas", progress=False)
    assert "Out of date" not in (run / "index.html").read_text()
    assert not (run / "stale.json").exists()
