"""Run the notebook chain with papermill into a run folder, atomically.

A run is written aside into ``OUT.partial`` and moved into place only when every notebook has
succeeded, so a failed run never damages the previous report; the failed run is kept in
``OUT.failed`` for inspection. Parameters are checked against the notebooks' ``parameters`` cells
before anything runs. One run at a time writes a folder (the lock ``OUT.lock``); Ctrl-C and SIGTERM
stop a run, its kernel and its worker processes within seconds and remove ``OUT.partial``
(`kernels.Stopper`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslens.pipeline import startup  # noqa: F401 - before papermill (see startup)
import papermill
from papermill.exceptions import PapermillExecutionError
from tqdm.auto import tqdm

from presslens.core import packs, paths
from presslens.report import htmlexport
from presslens.core import engine, lifeline
from presslens.core import progress as progress_file
from presslens.core.hashing import code_hash
from presslens.pipeline.cache import (
    place,
    prune,
    restore,
    snapshot,
    store,
    depends_key,
    input_hashes,
    resource_hashes,
    stage_key,
    versions,
)
from presslens.pipeline.kernels import (
    KERNEL_ARGUMENTS,
    Interrupted,
    Kernels,
    Stopper,
)
from presslens.pipeline import eta
from presslens.pipeline.notebooks import (
    Notebook,
    ParameterError,
    absolute_paths,
    default_notebooks_dir,
    discover,
    validate,
)


class RunFailed(RuntimeError):
    """A notebook failed; the message names the notebook, the cell and the error."""


class RunLocked(RuntimeError):
    """Another live run is writing the output folder; the message names it, its pid and start."""


class RunInterrupted(RuntimeError):
    """A signal stopped the run; the message names the notebook it stopped and what a rerun
    reuses. `signum` is the signal's number (the command exits with 128 + it)."""

    def __init__(self, message: str, signum: int) -> None:
        super().__init__(message)
        self.signum = signum


def _export(notebook: Path, html: Path, entry: Path) -> None:
    """The executed notebook as self-contained HTML, in the run folder and in its cache entry."""
    htmlexport.to_html(notebook, html)
    place(html, entry / "html" / html.name)


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
    settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Execute the chain on `corpus` into `out`; return the manifest. Raises RunFailed on failure,
    RunLocked when another run is writing `out`, RunInterrupted when SIGINT or SIGTERM stopped it.

    `settings`: how the run executes, once for every notebook (see `run_settings`).

    `share_kernel`: None shares one kernel among the notebooks while the corpus is small (see
    `kernels.Kernels`), True always, False never.

    An empty `corpus` is the seeds shipped with presslens, an empty `out` the project's reports/.
    Relative paths are taken from the caller's working directory and made absolute here; the
    notebooks run with the run folder as their working directory.

    A notebook whose inputs, parameters, code and the notebooks whose tables it reads are unchanged
    since a cached run is not executed again: its outputs are copied from the cache (``OUT.cache``
    unless `cache` is given), unless `force`.
    """
    params = dict(params or {})
    settings = run_settings(params, settings)
    chain, params = _prepare(corpus, params, notebooks)
    out = paths.run_folder(out)
    cache_dir = Path(cache) if cache else out.with_name(out.name + ".cache")
    kernels, trace = Kernels(out.with_name(out.name + ".partial"), share=share_kernel), _Trace()
    abandon = functools.partial(
        _abandon, trace=trace, out=out, stage=kernels.stage, cache=cache_dir
    )
    # the handlers first, so that no signal is missed once the lock is held
    with Stopper(kernels, abandon=abandon) as stopper, _locked(out):
        trace.locked = True
        try:
            job = _begin(chain, params, settings, out, cache_dir, force, (trace, stopper))
            used = _execute(job, kernels, settings, progress)
            stopper.finishing()  # from here on the run completes
        except Interrupted as exc:
            raise RunInterrupted(abandon(exc.signum), exc.signum) from None
        job.manifest["resources"] = job.hashed.result()
        prune(cache_dir, keep={f"{nb.name}-{k[:24]}" for nb, k in used})
        _write_json(job.stage / "manifest.json", job.manifest)
        _swap(job.stage, out)
        shutil.rmtree(job.aside, ignore_errors=True)
    return job.manifest


def _begin(
    chain: list[Notebook],
    params: dict[str, Any],
    settings: dict[str, Any],
    out: Path,
    cache_dir: Path,
    force: bool,
    watch: tuple["_Trace", Stopper],
) -> "_Run":
    """A run's fresh ``OUT.partial`` with its first manifest, and what executing it needs."""
    stage, aside = _fresh_stage(out)
    params["out_dir"] = str(stage)
    manifest = {**_new_manifest(params, chain), "settings": settings}
    key = json.dumps([manifest["versions"], code_hash()], sort_keys=True)
    key = hashlib.sha256(key.encode()).hexdigest()
    _write_json(stage / "manifest.json", manifest)
    exporter = ThreadPoolExecutor(max_workers=1)
    # resource hashes import NLTK (seconds): computed while the first kernel starts
    hashed = exporter.submit(resource_hashes, manifest["pack"]["files"])
    return _Run(
        chain, params, manifest, stage, aside, cache_dir, key, force, exporter, hashed, *watch
    )


def lock_path(out: Path) -> Path:
    """The lock file of a run folder: ``OUT.lock`` beside it."""
    return out.with_name(out.name + ".lock")


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold the run folder's lock while the run writes it, or raise RunLocked at once."""
    try:
        with lifeline.hold(lock_path(out)):
            yield
    except lifeline.Locked as exc:
        raise RunLocked(
            f"another run is writing {out} (pid {exc.pid or 'unknown'}, started "
            f"{exc.started or 'at an unknown time'}); nothing was changed. Wait for it to end, "
            f"or stop it, then run again (its lock is {exc.path})."
        ) from None


@dataclass
class _Trace:
    """Where a run is: the notebook executing, and those completed (in the cache)."""

    current: str = ""
    done: list[str] = field(default_factory=list)
    locked: bool = False  # the run holds its folder's lock


def _abandon(signum: int, *, trace: _Trace, out: Path, stage: Path, cache: Path) -> str:
    """Remove the unfinished run a signal stopped (if this run holds the folder's lock, it is this
    run's); return what to say about it."""
    if trace.locked:
        shutil.rmtree(stage, ignore_errors=True)
    return _interrupted_message(signum, trace, out, stage, cache)


def _interrupted_message(signum: int, trace: _Trace, out: Path, stage: Path, cache: Path) -> str:
    """What a signal stopped, what is left as it was, and what a rerun reuses."""
    name = signal.Signals(signum).name
    if trace.current:
        where = (
            f"while notebook {trace.current}.ipynb was running; its kernel and worker processes "
            "were stopped"
        )
    elif trace.done:
        where = f"after notebook {trace.done[-1]}.ipynb completed"
    else:
        where = "before its first notebook"
    reuse = (
        f"a rerun reuses the {len(trace.done)} notebook(s) that completed ({', '.join(trace.done)}"
        f"), kept in {cache}"
        if trace.done
        else "no notebook had completed"
    )
    removed = f" and the unfinished run ({stage}) was removed" if trace.locked else ""
    return (
        f"run stopped by {name} {where}.\nThe previous report in {out} is untouched{removed}; "
        f"{reuse}."
    )


def _execute(
    job: "_Run", kernels: Kernels, settings: dict[str, Any], progress: bool
) -> list[tuple[Notebook, str]]:
    """Run the chain's notebooks with the run's settings, its progress file and bar."""
    with _dask_scratch(settings.get("engine") == "dask"):
        try:
            with (
                _settings_env(settings),
                _progress_file() as progress_path,
                _bar(progress) as bar,
            ):
                return job.execute(bar, kernels, progress_path)
        finally:
            kernels.close()
            job.exporter.shutdown()


DASK_SCRATCH_ENV = "DASK_TEMPORARY_DIRECTORY"  # Dask's own setting (temporary-directory)


@contextlib.contextmanager
def _dask_scratch(needed: bool) -> Iterator[None]:
    """A temporary folder for the scratch space of the Dask workers a kernel starts (a
    LocalCluster), named in Dask's own environment variable, which the kernels inherit; removed
    once the kernels are closed. A kernel is shut down at once, before its cluster could remove
    its own folders, which were otherwise left in the system's temporary folder after every run.
    A folder the user chose (the variable set) is left to them."""
    if not needed or os.environ.get(DASK_SCRATCH_ENV):  # a run on Dask needs it
        yield
        return
    scratch = tempfile.mkdtemp(prefix="presslens-dask-")
    with _named_in_env(
        DASK_SCRATCH_ENV, scratch, functools.partial(shutil.rmtree, ignore_errors=True)
    ):
        yield


@contextlib.contextmanager
def _named_in_env(env: str, path: str, remove: Callable[[str], Any]) -> Iterator[str]:
    """`path` named by the environment variable `env`, which the kernels inherit, while the block
    runs; then `path` removed and the variable restored."""
    saved = os.environ.get(env)
    os.environ[env] = path
    try:
        yield path
    finally:
        remove(path)
        if saved is None:
            os.environ.pop(env, None)
        else:
            os.environ[env] = saved


SETTINGS = {
    "engine": engine.ENGINE_ENV,
    "scheduler": engine.SCHEDULER_ENV,
    "partition_size": engine.PARTITION_ENV,
}


def run_settings(params: dict[str, Any], given: dict[str, Any] | None) -> dict[str, Any]:
    """The run's settings (`engine`, `scheduler`, `partition_size`), taken out of `params` where
    given there, checked; those not given are left to their defaults."""
    out = {k: params.pop(k) for k in list(params) if k in SETTINGS}
    out.update({k: v for k, v in (given or {}).items() if v is not None})
    unknown = sorted(set(out) - set(SETTINGS))
    if unknown:
        raise ParameterError(f"unknown run setting(s): {', '.join(unknown)}")
    if "engine" in out and out["engine"] not in engine.ENGINES:
        known = ", ".join(engine.ENGINES)
        raise ParameterError(f"engine must be one of {known}, got {out['engine']!r}")
    size = out.get("partition_size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 1):
        raise ParameterError(f"partition_size must be a positive integer, got {size!r}")
    if not isinstance(out.get("scheduler", ""), str):
        raise ParameterError(f"scheduler must be an address or '', got {out['scheduler']!r}")
    return out


@contextlib.contextmanager
def _settings_env(settings: dict[str, Any]) -> Iterator[None]:
    """The run's settings in the environment the kernels inherit, restored afterwards."""
    saved = {env: os.environ.get(env) for env in SETTINGS.values()}
    for name, env in SETTINGS.items():
        os.environ.pop(env, None)
        if name in settings:
            os.environ[env] = str(settings[name])
    try:
        yield
    finally:
        for env, value in saved.items():
            if value is None:
                os.environ.pop(env, None)
            else:
                os.environ[env] = value


def _prepare(
    corpus: str | Path, params: dict[str, Any] | None, notebooks: str | Path | None
) -> tuple[list[Notebook], dict[str, Any]]:
    """The chain's notebooks and the run's parameters, checked, with absolute paths."""
    params = dict(params or {})
    params.setdefault("corpus", str(corpus) if corpus else "")
    chain = discover(Path(notebooks) if notebooks else default_notebooks_dir())
    validate(chain, params)
    params = absolute_paths(params)
    try:
        packs.resolve(str(params.get("pack", packs.AUTO)), params["corpus"])
    except packs.PackError as exc:
        raise ParameterError(str(exc)) from exc
    return chain, params


def _fresh_stage(out: Path) -> tuple[Path, Path]:
    """The folder a run writes into (``OUT.partial``, emptied) and where a failed run is kept."""
    stage, aside = out.with_name(out.name + ".partial"), out.with_name(out.name + ".failed")
    shutil.rmtree(stage, ignore_errors=True)
    (stage / "notebooks").mkdir(parents=True)
    return stage, aside


def _new_manifest(params: dict[str, Any], chain: list[Notebook]) -> dict[str, Any]:
    """A run's manifest before it runs: corpus, input hashes, topic pack, parameters, notebooks,
    versions."""
    pack = packs.resolve(str(params.get("pack", packs.AUTO)), params["corpus"])
    return {
        "corpus": str(params["corpus"]),
        "inputs": input_hashes(Path(params["corpus"])),
        "pack": {
            "name": packs.name(pack),
            "folder": "" if not pack or pack in packs.available() else pack,
            "files": packs.file_hashes(pack),
        },
        "parameters": {k: v for k, v in params.items() if k != "out_dir"},
        "notebooks": [nb.path.name for nb in chain],
        "versions": versions(),
        "resources": {},
        "timings_seconds": {},
        "cached": [],
    }


@contextlib.contextmanager
def _progress_file() -> Iterator[str]:
    """A file the stages append their partitions to, named by an environment variable the kernels
    inherit; removed (and the variable restored) afterwards."""
    fd, path = tempfile.mkstemp(prefix="presslens-progress-", suffix=".jsonl")
    os.close(fd)
    with _named_in_env(progress_file.ENV, path, os.unlink):
        yield path


@contextlib.contextmanager
def _bar(progress: bool) -> Iterator[Any]:
    """The run's progress bar, in percent of the run's plan (see `eta`); the remaining time is the
    time so far scaled by what is left (no smoothing)."""
    bar = tqdm(
        total=100,
        desc="presslens",
        unit="%",
        smoothing=0,
        disable=not progress,
        file=sys.stderr,
        bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining} {postfix}",
    )
    try:
        yield bar
    finally:
        bar.close()


def _fail(stage: Path, aside: Path, message: str) -> RunFailed:
    """Move the failed run aside and describe it."""
    shutil.rmtree(aside, ignore_errors=True)
    stage.rename(aside)
    return RunFailed(message)


@dataclass
class _Run:
    """One run of the chain: what every notebook's execution needs, and what it leaves behind."""

    chain: list[Notebook]
    params: dict[str, Any]
    manifest: dict[str, Any]
    stage: Path
    aside: Path
    cache_dir: Path
    key: str
    force: bool
    exporter: ThreadPoolExecutor
    hashed: Future
    trace: _Trace
    stopper: Stopper
    used: list[tuple[Notebook, str]] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    exports: list[Future] = field(default_factory=list)

    def execute(self, bar: Any, kernels: Kernels, progress_path: str) -> list[tuple[Notebook, str]]:
        """Run (or restore from the cache) the notebooks in order; return the cache keys used."""
        t_run = time.perf_counter()
        names = [nb.name for nb in self.chain]
        sentences = eta.estimated_sentences(self.params["corpus"])
        shown = eta.Progress(bar, eta.Plan(names, sentences, self.params))
        for nb in self.chain:
            self.stopper.check()
            if nb is not self.chain[0] and not self.manifest["resources"]:
                # in the manifest before the report reads it
                self.manifest["resources"] = _result(self.hashed, self.stopper)
                _write_json(self.stage / "manifest.json", self.manifest)
            t0 = time.perf_counter()
            self.trace.current = nb.name
            watch = eta.Watch(shown, nb.name, progress_path)
            if self.notebook(nb, kernels, watch):
                shown.plan.skip(nb.name)
            self.trace.done.append(nb.name)
            self.trace.current = ""
            self.manifest["timings_seconds"][nb.name] = round(time.perf_counter() - t0, 2)
            if watch.spans:
                self.manifest.setdefault("phases_seconds", {})[nb.name] = watch.spans
            counted = eta.counted_sentences(self.stage)
            if counted and counted != shown.plan.sentences:
                shown.plan.recount(counted)  # notebook 10 has counted the sentences
            shown.at(nb.name, 1.0)
            _write_json(self.stage / "manifest.json", self.manifest)
        try:
            _finish(self.exports, strict=True, stopper=self.stopper)
        except Exception as exc:  # noqa: BLE001 - an export failure fails the run like a notebook's
            raise _fail(
                self.stage,
                self.aside,
                f"exporting a notebook to HTML failed: {type(exc).__name__}: {exc}\nThe failed "
                f"run is kept in {self.aside} for inspection; the previous report is untouched.",
            ) from exc
        bar.set_postfix_str("done")
        total = time.perf_counter() - t_run
        self.manifest["timings_seconds"]["total"] = round(total, 2)
        self.manifest["progress_checks"] = shown.checks.table(total)
        self.manifest["plan_seconds"] = {
            n: round(shown.plan.expected[n], 1)
            for n in shown.plan.names
            if n not in shown.plan.cached
        }
        return self.used

    def notebook(self, nb: Notebook, kernels: Kernels, watch: eta.Watch) -> bool:
        """Restore one notebook's outputs from the cache (True), or execute it and cache them."""
        given = {k: v for k, v in self.params.items() if k in nb.params}
        before = self.chain[: self.chain.index(nb)]
        inputs = {**self.manifest["inputs"], **self.manifest["pack"]["files"]}  # a pack is an input
        depends = depends_key(nb, before, self.keys, base=self.key, inputs=inputs)
        nb_key = stage_key(depends, nb, given)
        self.keys[nb.name] = nb_key
        entry = self.cache_dir / f"{nb.name}-{nb_key[:24]}"
        self.used.append((nb, nb_key))
        if entry.is_dir() and not self.force:
            restore(entry, self.stage)
            self.manifest["cached"].append(nb.name)
            return True
        target = self.stage / "notebooks" / nb.path.name
        before = snapshot(self.stage)
        try:
            kwargs = kernels.kwargs()
            with watch, self.stopper.executing():
                papermill.execute_notebook(
                    str(nb.path),
                    str(target),
                    parameters=given,
                    kernel_name="python3",
                    progress_bar=False,
                    request_save_on_cell_execute=False,  # written once, when the notebook ends
                    log_output=False,
                    cwd=str(self.stage),
                    extra_arguments=KERNEL_ARGUMENTS,
                    **kwargs,
                )
            kernels.release()
            store(self.stage, before, entry)
            # the HTML export runs beside the next notebook (it reads only this one's .ipynb)
            html = self.stage / "html" / f"{nb.name}.html"
            self.exports.append(self.exporter.submit(_export, target, html, entry))
        except Exception as exc:  # noqa: BLE001 - any failure stops the run with a clear message
            _finish(self.exports)
            raise _fail(self.stage, self.aside, _failure_message(nb, exc, self.aside)) from exc
        return False


def _finish(exports: list[Future], *, strict: bool = False, stopper: Stopper | None = None) -> None:
    """Wait for the HTML exports; with `strict`, raise the first failure."""
    for f in exports:
        exc = _result(f, stopper, exception=True)
        if exc is not None and strict:
            raise exc


def _result(future: Future, stopper: Stopper | None, *, exception: bool = False) -> Any:
    """Wait for `future`'s result (its exception with `exception`), looking for a signal (see
    `Stopper.check`) every fifth of a second."""
    while not future.done():
        if stopper is not None:
            stopper.check()
        wait([future], timeout=0.2)
    return future.exception() if exception else future.result()


def _swap(stage: Path, out: Path) -> None:
    """Move the finished run into place, replacing the previous one."""
    old = out.with_name(out.name + f".old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    stage.rename(out)
    shutil.rmtree(old, ignore_errors=True)
