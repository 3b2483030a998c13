"""A researcher in JupyterLab, driven in headless Chromium (playwright with the system chromium):
open a notebook of the chain, run all its cells, let JupyterLab save it, change a parameter and run
it again. Checked: no error or warning output, no actor id where the run has a display name, the
saved notebook has no outputs (git status clean), a changed default shows in git diff, the run goes
to runs/notebooks/ and the committed reports/ stays as it was, and the report's start page there
says it is out of date.

The server runs on a copy of the checkout's notebooks/ in a git repository of their own (laid out
as a checkout, so the repository's pre-save hook applies), with the repository's Jupyter
configuration (jupyter-config/) and no token, on a free local port."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.chain]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
NOTEBOOK = "20-score-sentiment.ipynb"


def _digest(folder: Path) -> dict[str, str]:
    """sha256 of every file of a folder (what must not change)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A JupyterLab server on a git repository holding a copy of notebooks/."""
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium")
    repo = tmp_path_factory.mktemp("checkout")
    shutil.copytree(ROOT / "notebooks", repo / "notebooks")
    (repo / "lib" / "presslens").mkdir(parents=True)  # laid out as a checkout
    shutil.copy2(ROOT / ".gitignore", repo / ".gitignore")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "notebooks")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "JUPYTER_CONFIG_PATH": str(ROOT / "jupyter-config")}
    env.pop("PRESSLENS_REPORTS", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
         "--ServerApp.password=", f"--ServerApp.root_dir={repo}",
         "--ServerApp.disable_check_xsrf=True", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    try:
        yield url, repo
    finally:
        server.terminate()
        server.wait(timeout=30)


def _run_all(page) -> None:
    """Run > Run All Cells, then wait until no cell is running or queued."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_timeout(1500)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.jp-InputArea-prompt')]"
        ".some(p => p.textContent.includes('*'))",
        timeout=240_000,
    )


def _save(page) -> None:
    page.keyboard.press("Control+s")
    page.wait_for_timeout(2500)


def _set_parameters(page, old: str, new: str) -> None:
    """Replace text in the parameters cell (the first code cell) as a user types it."""
    editor = page.locator(".jp-CodeCell .cm-content").first
    editor.click()
    page.keyboard.press("Control+a")
    source = editor.inner_text()
    assert old in source, source
    page.keyboard.insert_text(source.replace(old, new))
    page.keyboard.press("Escape")


def test_a_researcher_runs_edits_and_saves_a_notebook_in_jupyterlab(
    lab: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    url, repo = lab
    committed = _digest(ROOT / "reports")
    scratch = ROOT / "runs" / "notebooks"
    actors = pd.read_csv(ROOT / "reports" / "data" / "actors.csv")
    renamed = [a for a, n in zip(actors["actor"], actors["name"]) if "_" in str(a) and a != n]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/lab/tree/notebooks/{NOTEBOOK}", timeout=120_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        page.wait_for_timeout(3000)
        _run_all(page)
        page.screenshot(path=str(tmp_path / "ran.png"), full_page=True)
        outputs = page.locator(".jp-Notebook .jp-OutputArea").all_inner_texts()
        text = "\n".join(outputs)
        assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        for bad in ("Traceback", "Error:", "TqdmWarning", "ERROR!", "UserWarning"):
            assert bad not in text, bad
        shown = [a for a in renamed if re.search(rf"\b{re.escape(a)}\b", text)]
        assert not shown, f"actor ids shown where names exist: {shown}"
        _save(page)
        on_disk = json.loads((repo / "notebooks" / NOTEBOOK).read_text())
        assert not any(c.get("outputs") for c in on_disk["cells"] if c["cell_type"] == "code")
        assert _git(repo, "status", "--porcelain") == "", _git(repo, "diff")

        _set_parameters(page, "top: int = 10", "top: int = 3")
        _run_all(page)  # a rerun leaves no stderr box either (the progress bar is a widget)
        assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        _save(page)
        extremes = pd.read_csv(scratch / "data" / "sentiment_extremes.csv")
        assert extremes.groupby("end").size().max() == 3  # the parameter took effect
        diff = _git(repo, "diff")
        assert '+    "top: int = 3' in diff.replace("'", '"') or "top: int = 3" in diff
        assert '"outputs": [\n' not in diff and 'execution_count": 1' not in diff
        assert "Out of date" in (scratch / "index.html").read_text()  # stage 20 ran again
        _set_parameters(page, "top: int = 3", "top: int = 10")
        _save(page)
        assert _git(repo, "status", "--porcelain") == ""
        browser.close()
    assert _digest(ROOT / "reports") == committed  # the committed report is untouched
