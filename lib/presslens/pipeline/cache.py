"""The runner's cache: hashes of the inputs, code, packages and resources, each notebook's key
from the stage registry's DAG, and cache entries kept as hard links of what a notebook wrote."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
from importlib import metadata
from pathlib import Path
from typing import Any
from presslens.core.hashing import sha256_file
from presslens.pipeline import registry
from presslens.pipeline.notebooks import Notebook


PACKAGES = [
    "presslens",
    "pandas",
    "numpy",
    "pyarrow",
    "matplotlib",
    "nltk",
    "vaderSentiment",
    "papermill",
    "nbconvert",
    "ipykernel",
    "trafilatura",
    "dateparser",
    "scikit-learn",
    "scipy",
    "pyyaml",
    "tqdm",
    "dask",
    "distributed",
]


def input_hashes(corpus: Path) -> dict[str, str]:
    """sha256 of every file of the corpus, keyed by path relative to it."""
    if corpus.is_file():
        return {corpus.name: sha256_file(corpus)}
    return {
        str(p.relative_to(corpus)): sha256_file(p) for p in sorted(corpus.rglob("*")) if p.is_file()
    }


def versions() -> dict[str, str]:
    """Versions of Python and the packages the chain uses."""
    out = {"python": platform.python_version()}
    for pkg in PACKAGES:
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def resource_hashes(pack_files: dict[str, str] | None = None) -> dict[str, str]:
    """sha256 of the editable resources and lexicons the analyses use: the shipped resources but
    the topic packs, and the files of the run's pack (`pack_files`, from `packs.file_hashes`)."""
    from presslens.core import resources

    folder = resources.path("")
    out = {
        f"presslens/resources/{p.relative_to(folder)}": sha256_file(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.relative_to(folder).parts[0] != "packs"
    }
    out.update(pack_files or {})
    out = dict(sorted(out.items()))
    out.update({f"lexicon:{k}": v for k, v in lexicon_info().items()})
    return out


_LEXICON_INFO = (
    "import json, sys\n"
    "from presslens.measure.sentiment import lexicon_info\n"
    "sys.stdout.write(json.dumps(lexicon_info()))\n"
)


def lexicon_info() -> dict[str, str]:
    """The sentiment lexicons' files and sha256 (`sentiment.lexicon_info`), {} without them. Finding
    them imports NLTK, SciPy and scikit-learn (about 70 MiB that the runner would hold for the
    whole run): a process that has not imported them asks a short-lived one."""
    import subprocess
    import sys

    if "presslens.measure.sentiment" not in sys.modules:
        package = Path(__file__).resolve().parents[2]  # the folder that holds presslens
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(package), *filter(None, [os.environ.get("PYTHONPATH")])]
        )}  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-c", _LEXICON_INFO], capture_output=True, text=True, env=env
        )
        if done.returncode == 0:
            return json.loads(done.stdout)
    try:
        from presslens.measure import sentiment

        return sentiment.lexicon_info()
    except (ImportError, AttributeError):
        return {}


def depends_key(
    nb: Notebook, before: list[Notebook], keys: dict[str, str], *, base: str, inputs: dict[str, str]
) -> str:
    """The key of what a notebook depends on: the code, the corpus when its stage reads it, and the
    keys of the notebooks whose tables it reads (the stage registry's DAG). A notebook the registry
    does not know depends on the corpus and on every notebook before it."""
    stage = registry.by_notebook(nb.name)
    if stage is None:
        deps, reads_corpus = [b.name for b in before], True
    else:
        deps, reads_corpus = (
            [n for n in registry.upstream(nb.name) if n in keys],
            registry.CORPUS in stage.reads,
        )
    parts = [base, inputs if reads_corpus else None, [(n, keys[n]) for n in deps]]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def stage_key(previous: str, nb: Notebook, given: dict[str, Any]) -> str:
    """Cache key of one notebook: the key of what it depends on, the notebook's bytes and its
    parameters."""
    h = hashlib.sha256(previous.encode())
    h.update(nb.path.read_bytes())
    h.update(
        json.dumps(
            {k: v for k, v in given.items() if k != "out_dir"}, sort_keys=True, default=str
        ).encode()
    )
    codes = given.get("codes")  # a coding sheet is filled between runs: its bytes, not its path
    if isinstance(codes, str) and codes and Path(codes).is_file():
        h.update(sha256_file(Path(codes)).encode())
    return h.hexdigest()


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and p.parts[-2:-1] != ("html",)
    }


def place(src: Path, dest: Path) -> None:
    """Put a file at dest as a hard link to src (no copy of a run's pages), or a copy when linking
    is
    impossible; JSON files, which several notebooks rewrite in place, are always copied."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.unlink(missing_ok=True)
    if src.suffix != ".json":
        try:
            os.link(src, dest)
            return
        except OSError:
            pass
    shutil.copy2(src, dest)


def store(stage: Path, before: dict[str, tuple[int, int]], target: Path) -> None:
    """Keep what a notebook wrote into the run folder in a cache entry (its HTML export is added by
    the export when it is done)."""
    after = snapshot(stage)
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, sig in after.items():
        if before.get(rel) != sig and rel != "manifest.json":
            place(stage / rel, tmp / rel)
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)


def restore(entry: Path, stage: Path) -> None:
    """Put a cache entry's files into the run folder."""
    for p in sorted(entry.rglob("*")):
        if p.is_file():
            place(p, stage / p.relative_to(entry))


def prune(cache_dir: Path, *, keep: set[str]) -> None:
    """Remove cache entries this run did not use, so the cache holds one run's stages."""
    if cache_dir.is_dir():
        for entry in cache_dir.iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
