"""Run the notebook chain with papermill into a run folder, atomically.

A run is written aside into ``OUT.partial`` and moved into place only when every notebook has
succeeded, so a failed run never damages the previous report; the failed run is kept in
``OUT.failed`` for inspection. Parameters are checked against the notebooks' ``parameters`` cells
before anything runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import papermill
import pyarrow.parquet as pq
from papermill.exceptions import PapermillExecutionError
from tqdm.auto import tqdm

from presslens.pipeline import paths, registry
from presslens.report import htmlexport
from presslens.pipeline import progress as progress_file

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
RESERVED = {"corpus", "out_dir"}
PATH_PARAMS = (
    "corpus",
    "eval_dir",
    "gold",
    "gold_corpus",
    "actors_file",
    "terms_file",
)  # made absolute before a notebook sees them


# Expected share of a run's time per notebook (by its number), measured on generated corpora of
# 1,000-10,000 articles: the progress bar moves by these weights, and inside a notebook by the
# partitions its stage has done.
WEIGHTS = {
    "10": 12,
    "20": 16,
    "30": 37,
    "40": 10,
    "50": 15,
    "90": 1,
    "99": 9,
}  # shares measured at 10,000 articles (bench/chain.py)
# The kernel logs only errors: its warning that it talks to papermill over local TCP without
# encryption is noise on a terminal.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
SHARE_BELOW = 20_000  # articles: below this many the notebooks share one kernel (see _Kernels)


def weight(nb: "Notebook") -> int:
    """The expected share of a run's time of one notebook (5 for a notebook presslens does not
    know)."""
    return WEIGHTS.get(nb.name[:2], 5)


class _Watch:
    """While a notebook runs, move the progress bar by the partitions its stage reports (lines the
    stage appends to the run's progress file, named by PRESSLENS_PROGRESS, which the kernels
    inherit), up to 90% of the notebook's weight."""

    def __init__(self, bar: Any, name: str, path: str, *, start: float, weight: int) -> None:
        self.bar, self.name, self.path, self.start, self.weight = bar, name, path, start, weight
        self.stop = threading.Event()

    def __enter__(self) -> "_Watch":
        self.offset = os.path.getsize(self.path)  # only what this notebook reports counts
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()
        return self

    def _poll(self) -> None:
        while not self.stop.wait(0.3):
            last = progress_file.read(self.path, offset=self.offset)
            if last and last.get("total"):
                frac = min(1.0, last["done"] / last["total"])
                self.bar.set_postfix_str(
                    f"{self.name}: {last['desc']} {last['done']}/{last['total']}"
                )
                target = self.start + 0.9 * self.weight * frac
                if target > self.bar.n:
                    self.bar.update(target - self.bar.n)

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


class _Kernels:
    """The kernels the notebooks run in. While the corpus is small (fewer than SHARE_BELOW articles)
    the notebooks share one kernel, emptied before each notebook (its variables deleted, its cell
    counter reset), so imports and models load once instead of once per notebook: for a small corpus
    that start-up is most of a run. For a larger corpus each notebook gets a fresh kernel, whose
    memory is returned when it ends. Every notebook also runs on its own (papermill, JupyterLab),
    which the tests check."""

    def __init__(self, stage: Path, *, share: bool | None) -> None:
        self.stage, self.share, self.km = stage, share, None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for papermill: a shared, emptied kernel, or none (papermill starts
        one)."""
        if self.share is None:
            articles = self.stage / "data" / "articles.parquet"
            if articles.exists() and pq.ParquetFile(articles).metadata.num_rows >= SHARE_BELOW:
                self.share = False
                self.close()
        if self.share is False:
            return {}
        if self.km is None:
            from jupyter_client.manager import KernelManager

            self.km = KernelManager(kernel_name="python3")
            self.km.start_kernel(cwd=str(self.stage), extra_arguments=KERNEL_ARGUMENTS)
        else:
            kc = self.km.client()
            kc.start_channels()
            try:
                kc.execute_interactive(
                    "%reset -f\nget_ipython().execution_count = 1",
                    silent=True,
                    store_history=False,
                    timeout=60,
                )
            finally:
                kc.stop_channels()
        return {"km": self.km}

    def close(self) -> None:
        if self.km is not None:
            self.km.shutdown_kernel(now=True)
            self.km = None


class ParameterError(ValueError):
    """A parameter name, type or path is wrong; raised before anything runs."""


class RunFailed(RuntimeError):
    """A notebook failed; the message names the notebook, the cell and the error."""


@dataclass
class Notebook:
    """A notebook of the chain and the parameters its `parameters` cell declares."""

    path: Path
    params: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """File name without the .ipynb suffix."""
        return self.path.stem


def default_notebooks_dir() -> Path:
    """The chain's notebooks: the checkout's notebooks/, or the copy bundled in the installed
    package."""
    return paths.notebooks_dir()


def discover(folder: Path) -> list[Notebook]:
    """The chain: notebooks named NN-*.ipynb in order, with their declared parameters."""
    paths = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        raise ParameterError(f"no notebooks named NN-*.ipynb in {folder}")
    return [Notebook(p, papermill.inspect_notebook(str(p))) for p in paths]


def _type_ok(value: Any, declared: str) -> bool:
    kind = (declared or "").replace("None", "").strip()
    if kind in ("", "Any"):
        return True
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "str":
        return isinstance(value, str)
    if kind.startswith(("list", "dict")):
        return isinstance(value, list if kind.startswith("list") else dict)
    return True


def validate(chain: list[Notebook], params: dict[str, Any]) -> None:
    """Refuse unknown names, wrong types and missing corpus paths before anything runs."""
    declared: dict[str, dict[str, Any]] = {}
    for nb in chain:
        for name, spec in nb.params.items():
            declared.setdefault(name, spec)
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s): {', '.join(unknown)}. Known: {', '.join(sorted(declared))}"
        )
    for name, value in params.items():
        kind = declared[name].get("inferred_type_name", "")
        if not _type_ok(value, kind):
            raise ParameterError(
                f"parameter {name} must be {kind}, got {type(value).__name__} {value!r}"
            )
    corpus = params.get("corpus")
    if corpus and not Path(corpus).expanduser().exists():
        raise ParameterError(f"corpus {corpus} does not exist")


def absolute_paths(params: dict[str, Any]) -> dict[str, Any]:
    """Path parameters made absolute, so no notebook depends on its working directory.

    The corpus ('' is the seeds shipped with presslens) always; the other path parameters when they
    name an existing file or folder (a bare resource name such as ``actors.yaml`` stays as it is,
    for the notebook to find in the package).
    """
    out = dict(params)
    out["corpus"] = str(paths.corpus(out.get("corpus")))
    for name in PATH_PARAMS[1:]:
        value = out.get(name)
        if isinstance(value, str) and value and Path(value).expanduser().exists():
            out[name] = str(Path(value).expanduser().resolve())
    return out


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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


def resource_hashes() -> dict[str, str]:
    """sha256 of the editable resources and lexicons the analyses use."""
    from presslens.pipeline import resources_io

    folder = resources_io.path("")
    out = {
        f"presslens/resources/{p.relative_to(folder)}": sha256_file(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
    try:
        from presslens.measure import sentiment

        out.update({f"lexicon:{k}": v for k, v in sentiment.lexicon_info().items()})
    except (ImportError, AttributeError):
        pass
    return out


def code_hash() -> str:
    """sha256 over the presslens package's source and resources (a change invalidates the cache)."""
    pkg = Path(__file__).resolve().parents[1]  # the presslens package, all its subpackages
    h = hashlib.sha256()
    for p in sorted(pkg.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(pkg)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


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
    return h.hexdigest()


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and p.parts[-2:-1] != ("html",)
    }


def _place(src: Path, dest: Path) -> None:
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


def _store(stage: Path, before: dict[str, tuple[int, int]], target: Path) -> None:
    """Keep what a notebook wrote into the run folder in a cache entry (its HTML export is added by
    the export when it is done)."""
    after = _snapshot(stage)
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, sig in after.items():
        if before.get(rel) != sig and rel != "manifest.json":
            _place(stage / rel, tmp / rel)
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)


def _export(notebook: Path, html: Path, entry: Path) -> None:
    """The executed notebook as self-contained HTML, in the run folder and in its cache entry."""
    htmlexport.to_html(notebook, html)
    _place(html, entry / "html" / html.name)


def _restore(entry: Path, stage: Path) -> None:
    """Put a cache entry's files into the run folder."""
    for p in sorted(entry.rglob("*")):
        if p.is_file():
            _place(p, stage / p.relative_to(entry))


def _prune(cache_dir: Path, *, keep: set[str]) -> None:
    """Remove cache entries this run did not use, so the cache holds one run's stages."""
    if cache_dir.is_dir():
        for entry in cache_dir.iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(
        json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _failure_message(nb: Notebook, exc: Exception, aside: Path) -> str:
    if isinstance(exc, PapermillExecutionError):
        where = f"cell {exc.cell_index} (execution count {exc.exec_count})"
        what = f"{exc.ename}: {exc.evalue}"
    else:
        where, what = "before its first cell", f"{type(exc).__name__}: {exc}"
    return (
        f"notebook {nb.path.name} failed in {where}: {what}\n"
        f"The failed run is kept in {aside} for inspection; the previous report is untouched."
    )


def run(
    corpus: str | Path = "",
    out: str | Path = "",
    params: dict[str, Any] | None = None,
    *,
    notebooks: str | Path | None = None,
    progress: bool = True,
    force: bool = False,
    cache: str | Path | None = None,
    share_kernel: bool | None = None,
) -> dict[str, Any]:
    """Execute the chain on `corpus` into `out`; return the manifest. Raises RunFailed on failure.

    `share_kernel`: None shares one kernel among the notebooks while the corpus is small (see
    `_Kernels`), True always, False never.

    An empty `corpus` is the seeds shipped with presslens, an empty `out` the project's reports/
    (``paths.default_reports``). Relative paths are taken from the caller's working directory and
    made absolute here; the notebooks run with the run folder as their working directory.

    A notebook whose inputs, parameters, code and predecessors are unchanged since a cached run is
    not executed again: its outputs are copied from the cache (``OUT.cache`` unless `cache` is
    given), unless `force`.
    """
    params = dict(params or {})
    params.setdefault("corpus", str(corpus) if corpus else "")
    chain = discover(Path(notebooks) if notebooks else default_notebooks_dir())
    validate(chain, params)
    params = absolute_paths(params)
    out = paths.run_folder(out)
    stage, aside = out.with_name(out.name + ".partial"), out.with_name(out.name + ".failed")
    shutil.rmtree(stage, ignore_errors=True)
    (stage / "notebooks").mkdir(parents=True)
    params["out_dir"] = str(stage)
    manifest: dict[str, Any] = {
        "corpus": str(params["corpus"]),
        "inputs": input_hashes(Path(params["corpus"])),
        "parameters": {k: v for k, v in params.items() if k != "out_dir"},
        "notebooks": [nb.path.name for nb in chain],
        "versions": versions(),
        "resources": {},
        "timings_seconds": {},
        "cached": [],
    }
    cache_dir = Path(cache) if cache else out.with_name(out.name + ".cache")
    key = hashlib.sha256(
        json.dumps([manifest["versions"], code_hash()], sort_keys=True).encode()
    ).hexdigest()
    _write_json(stage / "manifest.json", manifest)
    fd, progress_path = tempfile.mkstemp(prefix="presslens-progress-", suffix=".jsonl")
    os.close(fd)
    saved_env = os.environ.get(progress_file.ENV)
    os.environ[progress_file.ENV] = progress_path  # the kernels inherit it
    kernels = _Kernels(stage, share=share_kernel)
    exporter = ThreadPoolExecutor(max_workers=1)
    hashed = exporter.submit(
        resource_hashes
    )  # imports NLTK (seconds): done while the first kernel starts
    bar = tqdm(
        total=sum(weight(nb) for nb in chain),
        desc="presslens",
        unit="%",
        disable=not progress,
        file=sys.stderr,
        bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining} {postfix}",
    )
    try:
        used = _execute(
            chain,
            params,
            manifest,
            stage=stage,
            aside=aside,
            cache_dir=cache_dir,
            key=key,
            force=force,
            bar=bar,
            exporter=exporter,
            kernels=kernels,
            progress_path=progress_path,
            hashed=hashed,
        )
    finally:
        bar.close()
        kernels.close()
        exporter.shutdown()
        os.unlink(progress_path)
        if saved_env is None:
            os.environ.pop(progress_file.ENV, None)
        else:
            os.environ[progress_file.ENV] = saved_env
    manifest["resources"] = hashed.result()
    _prune(cache_dir, keep={f"{nb.name}-{k[:24]}" for nb, k in used})
    _write_json(stage / "manifest.json", manifest)
    _swap(stage, out)
    shutil.rmtree(aside, ignore_errors=True)
    return manifest


def _fail(stage: Path, aside: Path, message: str) -> RunFailed:
    """Move the failed run aside and describe it."""
    shutil.rmtree(aside, ignore_errors=True)
    stage.rename(aside)
    return RunFailed(message)


def _execute(
    chain: list[Notebook],
    params: dict[str, Any],
    manifest: dict[str, Any],
    *,
    stage: Path,
    aside: Path,
    cache_dir: Path,
    key: str,
    force: bool,
    bar: Any,
    exporter: ThreadPoolExecutor,
    kernels: _Kernels,
    progress_path: str,
    hashed: Future,
) -> list[tuple[Notebook, str]]:
    """Run (or restore from the cache) the notebooks of the chain in order; returns the cache keys
    used."""
    used: list[tuple[Notebook, str]] = []
    keys: dict[str, str] = {}
    exports: list[Future] = []
    t_run, done = time.perf_counter(), 0.0
    for nb in chain:
        if (
            nb is not chain[0] and not manifest["resources"]
        ):  # in the manifest before the report reads it
            manifest["resources"] = hashed.result()
            _write_json(stage / "manifest.json", manifest)
        w = weight(nb)
        bar.set_postfix_str(nb.name)
        target = stage / "notebooks" / nb.path.name
        given = {k: v for k, v in params.items() if k in nb.params}
        nb_key = stage_key(
            depends_key(nb, chain[: chain.index(nb)], keys, base=key, inputs=manifest["inputs"]),
            nb,
            given,
        )
        keys[nb.name] = nb_key
        entry = cache_dir / f"{nb.name}-{nb_key[:24]}"
        used.append((nb, nb_key))
        t0 = time.perf_counter()
        if entry.is_dir() and not force:
            _restore(entry, stage)
            manifest["cached"].append(nb.name)
        else:
            before = _snapshot(stage)
            try:
                with _Watch(bar, nb.name, progress_path, start=done, weight=w):
                    papermill.execute_notebook(
                        str(nb.path),
                        str(target),
                        parameters=given,
                        kernel_name="python3",
                        progress_bar=False,
                        log_output=False,
                        cwd=str(stage),
                        extra_arguments=KERNEL_ARGUMENTS,
                        **kernels.kwargs(),
                    )
                _store(stage, before, entry)
                # the HTML export runs beside the next notebook (it reads only this one's .ipynb)
                exports.append(
                    exporter.submit(_export, target, stage / "html" / f"{nb.name}.html", entry)
                )
            except Exception as exc:  # noqa: BLE001 - any failure stops the run with a clear message
                _finish(exports)
                raise _fail(stage, aside, _failure_message(nb, exc, aside)) from exc
        manifest["timings_seconds"][nb.name] = round(time.perf_counter() - t0, 2)
        _write_json(stage / "manifest.json", manifest)
        done += w
        bar.update(done - bar.n)
    try:
        _finish(exports, strict=True)
    except Exception as exc:  # noqa: BLE001 - an export failure fails the run like a notebook's
        raise _fail(
            stage,
            aside,
            f"exporting a notebook to HTML failed: {type(exc).__name__}: {exc}\nThe failed run is "
            f"kept in {aside} for inspection; the previous report is untouched.",
        ) from exc
    bar.set_postfix_str("done")
    manifest["timings_seconds"]["total"] = round(time.perf_counter() - t_run, 2)
    return used


def _finish(exports: list[Future], *, strict: bool = False) -> None:
    """Wait for the HTML exports; with `strict`, raise the first failure."""
    for f in exports:
        exc = f.exception()
        if exc is not None and strict:
            raise exc


def _swap(stage: Path, out: Path) -> None:
    """Move the finished run into place, replacing the previous one."""
    old = out.with_name(out.name + f".old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    stage.rename(out)
    shutil.rmtree(old, ignore_errors=True)
