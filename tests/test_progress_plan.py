"""The progress bar's plan (`presslens.pipeline.eta`): each notebook's share from its stage's
measured cost and the corpus size, progress inside a stage placed by its declared phases, the
remaining time it shows, and the record of predicted against actual remaining time a run keeps
in its manifest (which bench/chain.py reports)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from presslens.pipeline import eta, registry, runner

NAMES = [s.notebook for s in registry.stages()]


class _Bar:
    """What eta.Progress uses of a tqdm bar."""

    def __init__(self) -> None:
        self.n, self.note, self.shown = 0.0, "", []

    def set_postfix_str(self, s: str, refresh: bool = True) -> None:
        self.note = s

    def refresh(self) -> None:
        self.shown.append(self.n)


def test_a_notebooks_share_grows_with_the_corpus_as_its_cost_says() -> None:
    small, large = eta.Plan(NAMES, 1_000), eta.Plan(NAMES, 4_000_000)

    # stage 30 costs most per sentence: its share grows with the corpus; 90 (validation, read
    # from the user cache) costs about the same whatever the corpus: its share shrinks
    def share(plan: eta.Plan, name: str) -> float:
        return plan.fraction(name, 1.0) - plan.fraction(name, 0.0)

    assert share(large, "30-code-framing") > share(small, "30-code-framing")
    assert share(large, "90-validate-methods") < share(small, "90-validate-methods")
    assert large.fraction(NAMES[0], 0.0) == 0.0 and large.fraction(NAMES[-1], 1.0) == 1.0


def test_cached_notebooks_cost_nothing_and_recounting_replans() -> None:
    plan = eta.Plan(NAMES, 40_000)
    before = plan.fraction("30-code-framing", 0.0)
    plan.skip("10-clean-articles")
    plan.skip("20-score-sentiment")
    assert plan.fraction("30-code-framing", 0.0) == 0.0 < before
    plan.recount(400_000)
    assert plan.sentences == 400_000
    assert plan.expected["30-code-framing"] == pytest.approx(
        eta.seconds(eta.cost_of("30-code-framing"), 400_000)
    )


@pytest.mark.parametrize(
    ("desc", "done", "total", "expected"),
    [
        ("framing", 0, 4, 0.35),  # the declared start of the loop
        ("framing", 2, 4, 0.35 + (0.8 - 0.35) / 2),
        ("framing", 4, 4, 0.8),
        ("actors", 1, 1, 0.25),
        ("unknown loop", 1, 2, 0.45),  # a loop not declared: 0 to 0.9
        ("framing", 3, 0, 0.35),  # no total: stays at its start
    ],
)
def test_a_loop_moves_the_bar_inside_its_phase(
    desc: str, done: int, total: int, expected: float
) -> None:
    phases = eta.Phases({"actors": (0.05, 0.25), "framing": (0.35, 0.8)})
    assert phases.at(desc, done, total) == pytest.approx(expected)


def test_checks_record_the_remaining_time_shown_at_each_tenth() -> None:
    checks = eta.Checks(start=time.perf_counter() - 10.0)  # 10 s into the run
    checks.see(0.05)
    assert checks.rows == []  # before 10%: nothing
    checks.see(0.25)  # passes 10% and 20% at once
    assert [r[0] for r in checks.rows] == [0.1, 0.2]
    assert checks.rows[0][2] == pytest.approx(10.0 * 0.75 / 0.25, rel=0.01)
    table = checks.table(total=40.0)
    assert table[0]["actual_remaining_s"] == pytest.approx(30.0, rel=0.01)
    for _ in range(20):
        checks.see(1.0)
    assert len(checks.rows) == 9  # 10% ... 90%, each once


def test_the_watch_places_each_loop_and_notes_when_it_ran(tmp_path: Path) -> None:
    progress_path = tmp_path / "progress.jsonl"
    progress_path.write_text('{"desc": "earlier notebook", "done": 1, "total": 1, "t": 0}\n')
    bar = _Bar()
    shown = eta.Progress(bar, eta.Plan(NAMES, 40_000))
    watch = eta.Watch(shown, "30-code-framing", str(progress_path))
    with watch:
        t = time.time()
        with open(progress_path, "a", encoding="utf-8") as fh:
            for desc, done, total in [("actors", 0, 2), ("actors", 2, 2), ("framing", 1, 2)]:
                fh.write(json.dumps({"desc": desc, "done": done, "total": total, "t": t}) + "\n")
    plan = shown.plan
    a, b = eta.phases_of("30-code-framing").span("framing")
    assert bar.n == pytest.approx(100 * plan.fraction("30-code-framing", a + (b - a) / 2), abs=0.1)
    assert set(watch.spans) == {"actors", "framing"}  # not the earlier notebook's line
    assert "framing 1/2" in bar.note


def test_a_run_records_its_plan_and_what_its_bar_predicted(tmp_path: Path) -> None:
    """The seeds, notebooks 10 and 20: the manifest holds the plan, each loop's seconds and the
    remaining time shown at each tenth beside the time the rest took."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    for p in sorted(runner.default_notebooks_dir().glob("[12]0-*.ipynb")):
        (nbs / p.name).write_bytes(p.read_bytes())
    manifest = runner.run(out=tmp_path / "out", notebooks=nbs, progress=False)
    assert set(manifest["plan_seconds"]) == {"10-clean-articles", "20-score-sentiment"}
    assert "cleaning" in manifest["phases_seconds"]["10-clean-articles"]
    checks = manifest["progress_checks"]
    assert [c["fraction"] for c in checks] == [round(0.1 * i, 1) for i in range(1, 10)]
    assert all(c["actual_remaining_s"] >= 0 and c["predicted_remaining_s"] >= 0 for c in checks)
    again = runner.run(out=tmp_path / "out", notebooks=nbs, progress=False)
    assert again["cached"] == ["10-clean-articles", "20-score-sentiment"]
    assert again["plan_seconds"] == {}  # nothing left to run: nothing planned


def test_a_loop_whose_partitions_end_late_still_moves_by_its_time(tmp_path: Path) -> None:
    """Two partitions on two workers end together: until then the bar moves by the loop's planned
    time (at the run's pace), never past the next partition's end."""
    progress_path = tmp_path / "progress.jsonl"
    progress_path.write_text("")
    bar = _Bar()
    shown = eta.Progress(bar, eta.Plan(NAMES, 40_000))
    watch = eta.Watch(shown, "30-code-framing", str(progress_path))
    a, b = eta.phases_of("30-code-framing").span("framing")  # as declared
    planned = shown.plan.expected["30-code-framing"] * (b - a)  # the framing loop's time
    with watch:
        shown_at = []
        for ago in (0.0, planned / 4, planned * 10):  # the loop started this long ago
            start = time.time() - ago
            line = {"desc": "framing", "done": 0, "total": 2, "t": start}
            progress_path.write_text(json.dumps(line) + "\n")
            watch.t0, watch.spans = start, {}
            watch._read()
            shown_at.append(bar.n)
    early, quarter, held = shown_at
    fraction = shown.plan.fraction
    assert early == pytest.approx(100 * fraction("30-code-framing", a), abs=0.2)
    assert quarter > early
    assert held == pytest.approx(100 * fraction("30-code-framing", a + (b - a) * 0.45), abs=0.2)


def test_the_validation_costs_more_when_it_is_not_in_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Notebook 90 reads its validation from the user cache, or computes it (about 20 s) once per
    version of the data and code: the plan asks which, in milliseconds."""
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "empty-cache"))
    cold = eta.cost_of("90-validate-methods", {})
    assert cold[0] > 10
    assert eta.cost_of("90-validate-methods", {"use_cache": False}) == cold
    monkeypatch.delenv("PRESSLENS_CACHE")
    from presslens.core import paths
    from presslens.validate import validation

    if validation.is_cached(paths.eval_data("")):  # a warm user cache (the suite's chain runs)
        assert eta.cost_of("90-validate-methods", {})[0] < 5
