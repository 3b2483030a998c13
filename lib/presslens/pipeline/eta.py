"""How far a run is and how long the rest will take.

Each stage declares its cost as measured by bench/chain.py on the reference machine: seconds fixed
plus seconds per 1,000 sentences (`cost=`), and where its progress loops fall in its time
(`phases=`: a loop's `desc` -> the fractions of the stage's time at which it starts and ends).
The run's plan gives each notebook the share of the run its cost predicts for this corpus (the
sentences are estimated from the corpus's bytes until notebook 10 has counted them); a notebook
restored from the cache costs nothing. Inside a notebook the bar moves with the partitions its
loops report. The remaining time shown is the time so far scaled by what is left of the plan, so
a machine twice as fast or slow as the reference changes nothing in the shares.

The run records what it showed (`Checks`): at every tenth of the run, the time so far and the
remaining time it predicted, which bench/chain.py sets beside the time the rest really took.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from presslens.core import progress as progress_file

BYTES_PER_SENTENCE = 150  # of a corpus file, before notebook 10 has counted its sentences
UNKNOWN_COST = (2.0, 0.2)  # a notebook presslens does not know: seconds fixed, per 1,000 sentences


def estimated_sentences(corpus: str | Path) -> int:
    """The number of sentences a corpus file or folder will give, from its size in bytes."""
    p = Path(corpus) if corpus else None
    if p is None or not p.exists():
        return 100  # the seeds: a few articles
    files: Iterable[Path] = [p] if p.is_file() else (f for f in p.rglob("*") if f.is_file())
    return max(1, sum(f.stat().st_size for f in files) // BYTES_PER_SENTENCE)


def counted_sentences(run_dir: str | Path) -> int | None:
    """The sentences notebook 10 wrote into a run folder, or None before it has."""
    found = Path(run_dir) / "data" / "sentences.parquet"
    return pq.ParquetFile(found).metadata.num_rows if found.exists() else None


def seconds(cost: tuple[float, float], sentences: int) -> float:
    """Expected seconds of a stage of `cost` (fixed, per 1,000 sentences) on `sentences`."""
    fixed, per_1000 = cost
    return fixed + per_1000 * sentences / 1000


@dataclass
class Phases:
    """Where a stage's progress loops fall in its time: desc -> (start, end) fractions."""

    spans: dict[str, tuple[float, float]] = field(default_factory=dict)

    def at(self, desc: str, done: float, total: int) -> float:
        """The fraction of the stage done when loop `desc` has done `done` of `total` steps (a loop
        not declared runs from 0 to 0.9)."""
        start, end = self.span(desc)
        return start + (end - start) * min(1.0, done / total) if total else start

    def span(self, desc: str) -> tuple[float, float]:
        """Where loop `desc` starts and ends in the stage's time."""
        return self.spans.get(desc, (0.0, 0.9))


@dataclass
class Checks:
    """The remaining time the run showed at each tenth of it: (fraction, elapsed s, remaining s)."""

    start: float = field(default_factory=time.perf_counter)
    rows: list[list[float]] = field(default_factory=list)

    def see(self, fraction: float) -> None:
        """Record the prediction at each tenth of the run passed since the last call."""
        elapsed = time.perf_counter() - self.start
        while len(self.rows) < 9 and fraction >= (len(self.rows) + 1) / 10:
            tenth = (len(self.rows) + 1) / 10
            remaining = elapsed * (1 - fraction) / fraction if fraction > 0 else float("nan")
            self.rows.append([tenth, round(elapsed, 2), round(remaining, 2)])

    def table(self, total: float) -> list[dict[str, float]]:
        """The checks with the time the rest really took, once the run is over (`total` s)."""
        return [
            {
                "fraction": f,
                "elapsed_s": e,
                "predicted_remaining_s": r,
                "actual_remaining_s": round(total - e, 2),
            }
            for f, e, r in self.rows
        ]


def cost_of(name: str, params: Mapping[str, Any] | None = None) -> tuple[float, float]:
    """The declared cost of a notebook's stage for a run's parameters (UNKNOWN_COST for a notebook
    presslens does not know)."""
    from presslens.pipeline import registry

    stage = registry.by_notebook(name)
    return stage.cost_for(params or {}) if stage is not None else UNKNOWN_COST


def phases_of(name: str) -> Phases:
    """Where the progress loops of a notebook's stage fall in its time."""
    from presslens.pipeline import registry

    stage = registry.by_notebook(name)
    return Phases(dict(stage.phases) if stage is not None else {})


class Plan:
    """The run's expected seconds per notebook for a number of sentences; a notebook restored
    from the cache costs nothing."""

    def __init__(
        self, names: list[str], sentences: int, params: Mapping[str, Any] | None = None
    ) -> None:
        self.names, self.costs = list(names), {n: cost_of(n, params) for n in names}
        self.cached: set[str] = set()
        self.recount(sentences)

    def recount(self, sentences: int) -> None:
        """Plan again for `sentences` sentences."""
        self.sentences = sentences
        self.expected = {n: seconds(c, sentences) for n, c in self.costs.items()}

    def skip(self, name: str) -> None:
        """A notebook restored from the cache: no time of the run."""
        self.cached.add(name)

    def planned(self) -> dict[str, float]:
        """Expected seconds of each notebook in this run (0 for one restored from the cache)."""
        return {n: 0.0 if n in self.cached else s for n, s in self.expected.items()}

    def fraction(self, name: str, within: float) -> float:
        """The fraction of the run done when notebook `name` is `within` (0-1) done."""
        cost = self.planned()
        before = sum(cost[n] for n in self.names[: self.names.index(name)])
        total = sum(cost.values())
        return (before + cost[name] * within) / total if total else 1.0


class Progress:
    """The run's bar (percent of the plan, the remaining time from the time so far) and the
    checks of what it showed."""

    def __init__(self, bar: Any, plan: Plan) -> None:
        self.bar, self.plan, self.checks = bar, plan, Checks()
        self.lock, self.fraction = threading.Lock(), 0.0

    def pace(self) -> float:
        """How much slower (>1) or faster this run goes than its plan, so far (1 at first)."""
        planned = self.fraction * sum(self.plan.planned().values())
        if self.fraction < 0.02 or planned <= 0:
            return 1.0
        return min(4.0, max(0.25, (time.perf_counter() - self.checks.start) / planned))

    def at(self, name: str, within: float, note: str = "") -> None:
        """Show notebook `name` `within` (0-1) done."""
        fraction = self.plan.fraction(name, within)
        with self.lock:
            self.fraction = fraction
            self.bar.n = round(100 * fraction, 1)
            self.bar.set_postfix_str(note or name, refresh=False)
            self.bar.refresh()
            self.checks.see(fraction)


class Watch:
    """While a notebook runs, move the bar by the partitions its stage's loops report (lines
    appended to the run's progress file, named by PRESSLENS_PROGRESS, which the kernels
    inherit), placed by the stage's declared phases; and note when each loop ran (`spans`: desc ->
    [first, last] seconds since the notebook started)."""

    def __init__(self, progress: Progress, name: str, path: str) -> None:
        self.progress, self.name, self.path = progress, name, path
        self.phases, self.spans = phases_of(name), {}
        self.stop = threading.Event()

    def __enter__(self) -> "Watch":
        self.offset = os.path.getsize(self.path)  # only what this notebook reports counts
        self.t0 = time.time()
        self.progress.at(self.name, 0.0)
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()
        return self

    def _poll(self) -> None:
        while not self.stop.wait(0.3):
            self._read()

    def _read(self) -> None:
        lines = progress_file.lines(self.path, offset=self.offset)
        for line in lines:
            t = round(float(line.get("t", self.t0)) - self.t0, 2)
            self.spans.setdefault(line["desc"], [t, t])[1] = t
        last = lines[-1] if lines else None
        if last and last.get("total"):
            done = max(last["done"], self._by_time(last))
            within = self.phases.at(last["desc"], done, last["total"])
            note = f"{self.name}: {last['desc']} {last['done']}/{last['total']}"
            self.progress.at(self.name, within, note)

    def _by_time(self, last: dict) -> float:
        """Steps a loop has done by the time it has run, against its planned time at the run's
        pace, short of its next step: partitions run side by side and end late and together, and
        the bar should not stand still meanwhile."""
        start, end = self.phases.span(last["desc"])
        planned = (end - start) * self.progress.plan.expected.get(self.name, 0.0)
        if planned <= 0 or last["done"] >= last["total"]:
            return 0.0
        ran = time.time() - self.t0 - self.spans[last["desc"]][0]
        steps = last["total"] * ran / (planned * self.progress.pace())
        return min(steps, last["done"] + 0.9)

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        self._read()
