"""Where presslens finds its notebooks, seeds, validation data and caches: never the working
directory.

Two layouts are supported. In a checkout of the project (an editable install, or the tests) the
notebooks, seeds and validation data are the project's own folders beside ``lib/``. In an
installed wheel they are the copies the build bundled into the package (``presslens/bundled``),
made from the same folders, so ``notebooks/`` stays their one source. Everything a notebook or the
command line uses as a default comes from here, so a notebook opened in JupyterLab, ``presslens
run`` started from any folder, and the tests all find the same files.
"""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

BUNDLED = "bundled"  # the package folder the wheel build fills with notebooks/, seeds/ and eval/
REPORTS_ENV = "PRESSLENS_REPORTS"  # where runs go by default outside a checkout
CACHE_ENV = "PRESSLENS_CACHE"  # where the user cache lives (validation results)


def package_dir() -> Path:
    """The installed ``presslens`` package folder."""
    return Path(str(resources.files("presslens")))


def project_root() -> Path | None:
    """The project checkout this package is imported from, or None for an installed wheel."""
    root = package_dir().resolve().parents[1]
    if (
        (root / "pyproject.toml").is_file()
        and (root / "notebooks").is_dir()
        and (root / "lib" / "presslens").is_dir()
    ):
        return root
    return None


def _shipped(name: str) -> Path | None:
    """A project folder (notebooks, seeds, eval): the checkout's own, else the wheel's bundled
    copy."""
    root = project_root()
    if root is not None and (root / name).is_dir():
        return root / name
    bundled = package_dir() / BUNDLED / name
    return bundled if bundled.is_dir() else None


def notebooks_dir() -> Path:
    """The notebooks of the chain (``notebooks/`` of the checkout, or the wheel's copy)."""
    found = _shipped("notebooks")
    if found is None:
        raise FileNotFoundError(
            "presslens was installed without its notebooks: reinstall it with pip install ."
        )
    return found


def seeds_dir() -> Path:
    """The demonstration corpus, ``seeds/`` (five Kosovo-Serbia-NATO articles)."""
    found = _shipped("seeds")
    if found is None:
        raise FileNotFoundError(
            "presslens was installed without its seed corpus: reinstall it with pip install ."
        )
    return found


def eval_dir() -> Path | None:
    """The human-labelled validation data (``eval/``), or None when it was not installed."""
    return _shipped("eval")


def default_reports() -> Path:
    """Where a run goes when no folder is given: $PRESSLENS_REPORTS if set, else the checkout's
    ``reports/``, else ``~/presslens-reports``."""
    if os.environ.get(REPORTS_ENV):
        return Path(os.environ[REPORTS_ENV])
    root = project_root()
    return root / "reports" if root is not None else Path.home() / "presslens-reports"


def cache_dir() -> Path:
    """The user cache: $PRESSLENS_CACHE, else $XDG_CACHE_HOME/presslens, else ~/.cache/presslens."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "presslens"


def corpus(value: str | os.PathLike | None) -> Path:
    """A corpus parameter as an absolute path: '' (the default) is the seeds."""
    return seeds_dir() if not value else Path(value).expanduser().resolve()


def run_folder(value: str | os.PathLike | None) -> Path:
    """An out_dir parameter as an absolute path: '' (the default) is the project's reports/."""
    return default_reports().resolve() if not value else Path(value).expanduser().resolve()


SCRATCH = ("runs", "notebooks")  # in a checkout: where notebooks run by hand write by default


def notebook_folder(value: str | os.PathLike | None) -> Path:
    """The out_dir of a notebook run by hand (JupyterLab, papermill) as an absolute path.

    A given folder is used as it is. '' is the project's run folder (`default_reports`), except in
    a checkout, whose ``reports/`` is the committed report: a notebook run by hand then writes
    into ``runs/notebooks/`` (ignored by git), made as a copy of ``reports/`` the first time so
    that every notebook finds the tables of the notebooks before it. Only ``presslens run``
    (``make reports``) writes ``reports/``; give ``out_dir`` to write anywhere else.
    """
    if value:
        return Path(value).expanduser().resolve()
    target = default_reports().resolve()
    root = project_root()
    if root is None or os.environ.get(REPORTS_ENV) or target != (root / "reports").resolve():
        return target
    scratch = root.joinpath(*SCRATCH)
    if not (scratch / "data").is_dir() and (target / "data").is_dir():
        shutil.copytree(target, scratch, dirs_exist_ok=True)
    scratch.mkdir(parents=True, exist_ok=True)
    return scratch.resolve()


def eval_data(value: str | os.PathLike | None) -> Path | None:
    """An eval_dir parameter as a path: '' (the default) is the installed validation data (None if
    absent)."""
    return eval_dir() if not value else Path(value).expanduser().resolve()
