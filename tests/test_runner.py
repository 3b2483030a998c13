"""The runner: parameter checks before anything runs, failures that name notebook and cell, atomic
output."""

import time
from pathlib import Path

import nbformat
import pytest

from presslens.pipeline import cache, cli, notebooks, runner
from presslens.report import htmlexport


def notebook(path: Path, params: str, *cells: str) -> None:
    p = nbformat.v4.new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# test"), p, *map(nbformat.v4.new_code_cell, cells)]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


@pytest.fixture()
def chain(tmp_path: Path) -> Path:
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = (
        'corpus: str = "seeds"  # corpus\n'
        'out_dir: str = "reports"  # run folder\n'
        "limit: int = 3  # a number"
    )
    notebook(
        folder / "10-first.ipynb",
        params,
        "from pathlib import Path\nPath(out_dir, 'first.txt').write_text(str(limit))",
    )
    notebook(
        folder / "20-second.ipynb",
        params + "\nfail: bool = False  # make this notebook fail",
        "x = 1",
        "if fail:\n    raise ValueError('stage exploded')",
    )
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Some text.")
    return folder


def test_a_good_run_writes_the_folder(chain: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = runner.run(tmp_path / "corpus", out, {"limit": 7}, notebooks=chain, progress=False)
    assert (out / "first.txt").read_text() == "7"
    assert (out / "notebooks" / "20-second.ipynb").exists()
    html = (out / "html" / "10-first.html").read_text()
    assert not htmlexport.remote_references(html)
    assert set(manifest["timings_seconds"]) == {"10-first", "20-second", "total"}
    assert manifest["inputs"] == {"a.txt": cache.sha256_file(tmp_path / "corpus" / "a.txt")}
    assert manifest["parameters"]["limit"] == 7
    assert "pandas" in manifest["versions"]
    assert not out.with_name("out.partial").exists()


def test_failure_names_notebook_and_cell_and_keeps_previous_report(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "out"
    runner.run(tmp_path / "corpus", out, {"limit": 1}, notebooks=chain, progress=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    code = cli.main(
        [
            "run",
            "--corpus",
            str(tmp_path / "corpus"),
            "--out",
            str(out),
            "--notebooks",
            str(chain),
            "-p",
            "fail",
            "true",
            "-p",
            "limit",
            "2",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "20-second.ipynb" in err and "cell" in err and "ValueError: stage exploded" in err
    assert (out / "first.txt").read_text() == "1"  # previous report untouched
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    aside = out.with_name("out.failed")
    assert (
        aside / "notebooks" / "20-second.ipynb"
    ).exists()  # the failed run is kept for inspection
    assert (aside / "first.txt").read_text() == "2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "no_such_thing", "1"], "unknown parameter(s): no_such_thing"),
        (["-p", "limit", "many"], "parameter limit must be int"),
        (["--corpus", "/nonexistent/corpus"], "does not exist"),
    ],
)
def test_bad_parameters_fail_before_anything_runs(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str
) -> None:
    out = tmp_path / "out"
    base = ["run", "--out", str(out), "--notebooks", str(chain), "--quiet"]
    if "--corpus" not in args:
        base += ["--corpus", str(tmp_path / "corpus")]
    assert cli.main(base + args) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() and not out.with_name("out.partial").exists()


def test_params_file(chain: Path, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("limit: 11\n")
    out = tmp_path / "out"
    assert (
        cli.main(
            [
                "run",
                "--corpus",
                str(tmp_path / "corpus"),
                "--out",
                str(out),
                "--notebooks",
                str(chain),
                "--params",
                str(tmp_path / "p.yaml"),
                "--quiet",
            ]
        )
        == 0
    )
    assert (out / "first.txt").read_text() == "11"


def test_project_notebooks_follow_the_conventions(root: Path) -> None:
    chain = notebooks.discover(root / "notebooks")
    for nb in chain:
        node = nbformat.read(nb.path, as_version=4)
        tagged = [c for c in node.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, nb.name
        assert node.cells[0].cell_type == "markdown" and node.cells[1] is tagged[0], (
            f"{nb.name}: parameters cell right after the title"
        )
        assert not any(c.get("outputs") for c in node.cells if c.cell_type == "code"), (
            f"{nb.name} has outputs committed"
        )
        declared = [
            line
            for line in tagged[0].source.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
        assert len(declared) == len(nb.params), (
            f"{nb.name}: papermill could not parse every parameter line"
        )
        for name, spec in nb.params.items():
            assert spec["inferred_type_name"] != "None", f"{nb.name}: {name} is untyped"
            assert spec["help"], f"{nb.name}: {name} has no comment"
        assert "out_dir" in nb.params


def test_rerun_reuses_cached_stages_unless_forced(chain: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = runner.run(tmp_path / "corpus", out, {"limit": 5}, notebooks=chain, progress=False)
    assert first["cached"] == []
    again = runner.run(tmp_path / "corpus", out, {"limit": 5}, notebooks=chain, progress=False)
    assert again["cached"] == ["10-first", "20-second"]
    assert (out / "first.txt").read_text() == "5" and (out / "html" / "20-second.html").exists()
    changed = runner.run(tmp_path / "corpus", out, {"limit": 6}, notebooks=chain, progress=False)
    assert changed["cached"] == []  # a parameter both notebooks read: both run again
    assert (out / "first.txt").read_text() == "6"
    (tmp_path / "corpus" / "a.txt").write_text("Other text.")
    assert (
        runner.run(tmp_path / "corpus", out, {"limit": 6}, notebooks=chain, progress=False)[
            "cached"
        ]
        == []
    )  # new input
    forced = runner.run(
        tmp_path / "corpus", out, {"limit": 6}, notebooks=chain, progress=False, force=True
    )
    assert forced["cached"] == []


def test_shared_kernel_is_emptied_between_notebooks(tmp_path: Path) -> None:
    """Notebooks sharing a kernel see none of each other's variables, and each starts counting its
    cells at 1."""
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = 'corpus: str = ""  # corpus\nout_dir: str = ""  # run folder'
    notebook(folder / "10-set.ipynb", params, "secret = 42")
    notebook(
        folder / "20-look.ipynb",
        params,
        "from pathlib import Path\nPath(out_dir, 'seen.txt').write_text(str('secret' in "
        "globals()))",
    )
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Some text.")
    runner.run(
        tmp_path / "corpus", tmp_path / "out", notebooks=folder, progress=False, share_kernel=True
    )
    assert (tmp_path / "out" / "seen.txt").read_text() == "False"
    counts = [
        c.get("execution_count")
        for c in nbformat.read(tmp_path / "out" / "notebooks" / "20-look.ipynb", as_version=4).cells
        if c.cell_type == "code"
    ]
    assert counts[0] == 1


def test_a_shared_kernel_is_reused_and_replaced_when_it_ended(tmp_path: Path) -> None:
    """The shared kernel is started once and emptied for each notebook without waiting for it again
    (it is ready); one that ended between notebooks (killed from outside) is replaced by a new
    kernel rather than waited for."""
    from presslens.pipeline.kernels import Kernels

    kernels = Kernels(tmp_path, share=True)
    try:
        first = kernels.kwargs()["km"]
        assert kernels.kwargs()["km"] is first and first.is_alive()
        kernels.kill()
        deadline = time.monotonic() + 10
        while first.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        again = kernels.kwargs()["km"]
        assert again is not first and again.is_alive()
        assert again.client() is not first.client() and again.client().answered
    finally:
        kernels.close()


def test_the_notebooks_of_a_kernel_share_one_client_and_each_gets_its_own_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """papermill runs every notebook of a kernel on the kernel's one client, waited for once (a new
    client per notebook cost 0.2 s of waiting each); the messages a notebook or the emptying left
    unread do not reach the next notebook's outputs."""
    import papermill
    from jupyter_client.blocking import BlockingKernelClient

    from presslens.pipeline.kernels import Kernels

    waits = []
    real_wait = BlockingKernelClient.wait_for_ready
    monkeypatch.setattr(
        BlockingKernelClient,
        "wait_for_ready",
        lambda self, *a, **k: (waits.append(self), real_wait(self, *a, **k))[1],
    )
    kernels = Kernels(tmp_path, share=True)
    try:
        km = kernels.kwargs()["km"]
        kc = km.client()
        for i in range(3):
            path = tmp_path / f"{i}.ipynb"
            notebook(path, 'out_dir: str = ""  # run folder', f"print('notebook {i}')", f"{i} * 7")
            if i == 2:  # requests whose replies and outputs nobody reads before the notebook
                kc.execute("print('stray')\n'stray'")
                kc.kernel_info()
                given = {"km": km}
            else:
                given = kernels.kwargs()  # emptied first, as the runner does
            papermill.execute_notebook(
                str(path), str(path), progress_bar=False, kernel_name="python3", **given
            )
            cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
            printed = cells[-2].outputs  # one stream, perhaps in several messages
            assert {o.output_type for o in printed} == {"stream"}
            assert "".join(o["text"] for o in printed) == f"notebook {i}\n"
            assert [o["data"]["text/plain"] for o in cells[-1].outputs] == [str(i * 7)]
        assert kernels.kwargs()["km"].client() is kc and waits == [kc]
    finally:
        kernels.close()
    assert not kc.channels_running


def test_the_runner_starts_without_the_iri_grammar_and_leaves_it_importable() -> None:
    """papermill's jsonschema is imported with the optional rfc3987_syntax hidden (its grammar cost
    0.7 s of every run's start); the package stays importable afterwards, when installed."""
    import subprocess
    import sys

    code = (
        "import sys\nimport presslens.pipeline.runner\n"
        "print('jsonschema' in sys.modules, 'rfc3987_syntax' in sys.modules)\n"
        "try:\n    import rfc3987_syntax\n    print('importable')\n"
        "except ImportError:\n    print('not installed')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    first, second = done.stdout.split("\n")[:2]
    assert first == "True False"
    assert second in ("importable", "not installed")
