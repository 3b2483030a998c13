"""A plain `pip install .` carries everything the chain reads, and `presslens run` works from any
folder with it: the notebooks, seeds, validation data, templates and resources come from the
package, never from the working directory or the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import links
import shapes

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds (offline: no build isolation, no dependencies), from a copy
    of the project's sources so that nothing stale in a build/ folder gets in."""
    src = tmp_path_factory.mktemp("src") / "presslens"
    keep = (
        "pyproject.toml",
        "setup.py",
        "MANIFEST.in",
        "README.md",
        "lib",
        "notebooks",
        "seeds",
        "eval",
    )
    src.mkdir()
    for name in keep:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(
            ROOT / name,
            src / name,
            **(
                {"ignore": shutil.ignore_patterns("__pycache__", "*.egg-info")}
                if (ROOT / name).is_dir()
                else {}
            ),
        )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(src),
        ],
        check=True,
        timeout=600,
    )
    [found] = out.glob("presslens-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own (its dependencies are this environment's)."""
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    return site


def test_wheel_carries_notebooks_seeds_validation_data_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert (
        sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("presslens/bundled/notebooks/"))
        == notebooks
    )
    for want in (
        "presslens/bundled/seeds/metadata.csv",
        "presslens/bundled/eval/vader-nyt/nytEditorialSnippets_GroundTruth.txt",
        "presslens/bundled/eval/newsmtsc/devtest_rw.jsonl",
        "presslens/bundled/eval/narrative-frames/articles_metadata.dev.tsv",
        "presslens/bundled/eval/narrative-frames/role_and_frame_annotations.dev.tsv",
        "presslens/bundled/eval/narrative-frames/LICENSE",
        "presslens/resources/gold/political.jsonl",
        "presslens/resources/gold/name_types.csv",
        "presslens/resources/name_type_model.json",
        "presslens/resources/aliases.yaml",
        "presslens/bundled/eval/seeds-timex/timex_gold.csv",
        "presslens/report/templates/index.html.j2",
        "presslens/report/templates/report.css",
        "presslens/resources/cleaning.yaml",
        "presslens/resources/generic_frames_model.json.gz",
        "presslens/resources/nbconvert/offline/index.html.j2",
    ):
        assert want in names, want
    assert (
        len([n for n in names if n.startswith("presslens/bundled/seeds/") and n.endswith(".txt")])
        == 5
    )


def test_installed_package_runs_from_another_folder(installed: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(installed),
        "PRESSLENS_REPORTS": str(tmp_path / "home-reports"),
    }
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import presslens, presslens.core.paths as p; print(presslens.__file__); "
            "print(p.project_root()); print(p.notebooks_dir())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert (
        where[0].startswith(str(installed))
        and where[1] == "None"
        and where[2].startswith(str(installed))
    )
    corpus = shapes.txt_and_html(tmp_path / "corpus")
    done = subprocess.run(
        [sys.executable, "-m", "presslens", "run", "--corpus", "corpus", "--out", "out", "--quiet"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = tmp_path / "out"
    assert (out / "index.html").exists() and links.broken(out) == []
    validation = (out / "data" / "validation.csv").read_text()
    assert (
        "vader-nyt" in validation and "newsmtsc" in validation and "narrative-frames" in validation
    )
    assert "timex_gold_scores.csv" in os.listdir(out / "data")
    assert corpus.exists() and not (tmp_path / "reports").exists()


def test_installed_package_defaults_to_the_shipped_seeds(installed: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(installed),
        "PRESSLENS_REPORTS": str(tmp_path / "home-reports"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "presslens", "run", "--quiet"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "home-reports" / "articles" / "004_df3df1981ea36db8.html").exists()
