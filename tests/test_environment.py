"""environment.yml and pyproject.toml name the same packages with the same bounds, and every spec
parses."""

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_specs() -> dict[str, SpecifierSet]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"]) + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    out = {}
    for r in reqs:
        req = Requirement(r)
        out[canonical(req.name)] = req.specifier
    return out


def conda_specs() -> dict[str, SpecifierSet]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    out = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict) or dep == "pip":
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", dep)
        assert m, f"cannot parse conda spec {dep!r}"
        out[canonical(m.group(1))] = SpecifierSet(m.group(2))
    return out


def test_every_spec_parses() -> None:
    assert pyproject_specs()
    assert conda_specs()


def test_same_packages_and_bounds() -> None:
    py, conda = pyproject_specs(), conda_specs()
    python = conda.pop("python")
    assert python == SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    )
    assert set(py) == set(conda), (
        f"only in pyproject: {set(py) - set(conda)}; only in environment.yml: "
        f"{set(conda) - set(py)}"
    )
    for name in py:
        assert py[name] == conda[name], (
            f"{name}: pyproject {py[name]} vs environment.yml {conda[name]}"
        )


def test_environment_installs_the_project() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
