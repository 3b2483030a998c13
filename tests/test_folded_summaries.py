"""Stage 30 folds its partitions' partials as they arrive (`partitions.Folded`) so the corpus
summaries' inputs stay near the size of their result: the summaries written from folded partials
are byte for byte those written from every partial at once, and the compact forms (categorical
tone, runs of scores) give what the plain ones gave."""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from presslens.core import tables
from presslens.core.partitions import Folded, Partition, stacked
from presslens.measure import portrayal
from presslens.measure.sentiment import aggregate

from test_fast_summaries import _tone

code_framing = importlib.import_module("presslens.stages.code_framing")


def _by_article(out_dir: Path) -> list[Partition]:
    """The run's analysed corpus cut into one partition per article (many small partitions: the
    same actors, forms and outlets recur across them, which is what a fold must add up)."""
    arts = tables.read("articles", out_dir)
    sents = tables.read("sentences", out_dir)
    return [
        Partition(articles=arts[arts["article_id"] == a], sentences=sents[sents["article_id"] == a])
        for a in sorted(arts["article_id"])
    ]


def _files(run: Path) -> dict[str, str]:
    """Stage 30's files for a finished run: its discovered actors list (not discovered again),
    the topic pack's overlay, naming choices and issue frames."""
    return code_framing._resources(
        run,
        actors_file="",
        terms_file="",
        discovered_actors=str(run / "actors.yaml"),
        min_name_mentions=2,
        progress=False,
    )


@pytest.mark.parametrize("every", [1, 2, 3])
def test_folded_partials_write_the_same_summaries(
    seeds_run: Path, tmp_path: Path, every: int
) -> None:
    files = _files(seeds_run)
    outputs = {"mentions", "quotes", "terms", "frames", "article_frames", "actor_tone"}
    raw = []
    for part in _by_article(seeds_run):
        result = code_framing.framing_part(part, **files)
        raw.append({k: v for k, v in result.items() if k not in outputs})
    assert len(raw) >= 5
    folded = Folded(code_framing._folds(), every=every)
    for p in raw:
        folded(p)
    assert len(folded.partials()) == 1
    args = dict(n_boot=200, seed=0, min_mentions=2)
    code_framing._write_summaries(tmp_path / "all", raw, files, **args)
    code_framing._write_summaries(tmp_path / "folded", folded.partials(), files, **args)
    written = sorted(p.name for p in (tmp_path / "all" / "data").iterdir())
    assert {"actor_portrayal.parquet", "voices.csv", "quoted_mentioned.csv"} <= set(written)
    for name in written:
        a = (tmp_path / "all" / "data" / name).read_bytes()
        b = (tmp_path / "folded" / "data" / name).read_bytes()
        assert a == b, name
    portrayed = tables.read("actor_portrayal", tmp_path / "folded")
    assert portrayed["n_mentions"].sum() > 0


def test_folded_keeps_partition_order_and_refuses_unknown_keys() -> None:
    folded = Folded({"n": sum, "rows": lambda xs: [y for x in xs for y in x]}, every=2)
    assert folded.partials() == []
    for i in range(7):
        folded({"n": i, "rows": [i]})
    assert folded.partials() == [{"n": 21, "rows": list(range(7))}]
    with pytest.raises(ValueError, match="without a fold"):
        folded({"n": 1, "rows": [], "extra": 0})
        folded.partials()


def test_folded_waits_for_a_share_of_what_it_folded() -> None:
    calls = []

    def count(xs: list[int]) -> int:
        calls.append(len(xs))
        return sum(xs)

    folded = Folded({"n": count}, every=4, share=0.5)
    for _ in range(40):
        folded({"n": 1})
    assert folded.partials() == [{"n": 40}]
    # folds at 4, 8, 12, 18, 27, 40 partials: each waits for half of what it folded already
    assert len(calls) < 40 / 4
    assert sum(calls) == 40 + len(calls) - 1


def test_stacked_holds_the_values_of_concat() -> None:
    frames = [_tone(n) for n in (0, 7, 30, 1)]
    frames[2]["actor"] = pd.Categorical(frames[2]["actor"])  # a folded part, already coded
    cats = ("actor", "outlet", "article_id", "label")
    got = stacked(frames, categories=cats)
    want = pd.concat(frames, ignore_index=True)
    assert list(got.columns) == list(want.columns)
    for c in want.columns:
        g = got[c].astype(object) if c in cats else got[c]
        w = want[c].astype(object)
        assert [x if x == x else None for x in g] == [x if x == x else None for x in w], c
    assert all(isinstance(got[c].dtype, pd.CategoricalDtype) for c in cats)
    assert stacked([frames[0]]).equals(frames[0])


@pytest.mark.parametrize("by_outlet", [True, False])
def test_actor_tone_of_categorical_columns(by_outlet: bool) -> None:
    tone = _tone(300)
    want = portrayal.actor_tone(tone, by_outlet=by_outlet, n_boot=200)
    coded = tone.copy()
    for c in ("actor", "outlet", "article_id", "label"):
        values = sorted(set(tone[c].dropna()))
        # categories in reverse order, one never used: ranks follow the values, not the codes
        coded[c] = pd.Categorical(tone[c], categories=[*reversed(values), "zz-unused"])
    got = portrayal.actor_tone(coded, by_outlet=by_outlet, n_boot=200)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


@pytest.mark.parametrize("sizes", [[1], [3, 1, 2], [2] * 5, [40, 1, 7]])
def test_runs_are_the_split_groups(sizes: list[int]) -> None:
    values = np.round(np.random.default_rng(1).uniform(-1, 1, sum(sizes)), 6)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    runs = aggregate.Runs(values, starts)
    split = np.split(values, starts[1:])
    assert len(runs) == len(split)
    assert all(np.array_equal(runs[i], split[i]) for i in range(len(split)))
    seeds = list(range(len(sizes)))
    a = aggregate.seeded_intervals(runs, seeds, n_boot=100)
    b = aggregate.seeded_intervals(split, seeds, n_boot=100)
    assert a.tobytes() == b.tobytes()
    assert len(aggregate.Runs(np.empty(0), np.empty(0, dtype=int))) == 0


def test_framing_preload_compiles_the_lexicon_the_partitions_use(seeds_run: Path) -> None:
    """Forked workers inherit the actors lexicon only if the parent compiled the one they ask for
    (the list with the pack's overlay); else each compiles its own, hundreds of MB for the
    discovered list of a large corpus."""
    from presslens.extract import actors
    from presslens.stages import preload

    files = _files(seeds_run)
    assert files["overlay"]  # the seeds run has its topic pack's actors as overlay
    actors.forget()
    preload.framing({**files, "frame_model": "generic_frames_model.json.gz"})
    before = actors._lexicon.cache_info()
    actors.lexicon(files["actors_file"], files["overlay"])
    after = actors._lexicon.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)


@pytest.mark.parametrize("every", [1, 3])
def test_discovery_name_counts_fold_to_the_same_actors_list(every: int) -> None:
    """Actor discovery adds up the partitions' name counts as they arrive: on 80 real climate
    articles of many outlets (../shared/eval narrative-frames) cut into partitions of 5 articles,
    the folded counts and the list they give are exactly those of all partitions at once."""
    from presslens.extract import discover

    from test_discover import _climate_texts, _tables

    arts, sents = _tables(_climate_texts(80))
    ids = list(arts["article_id"])
    parts = [
        discover.name_counts(
            arts[arts["article_id"].isin(ids[i : i + 5])],
            sents[sents["article_id"].isin(ids[i : i + 5])],
        )
        for i in range(0, len(ids), 5)
    ]
    folded = Folded({"names": discover.summed_counts}, every=every)
    for p in parts:
        folded({"names": p})
    got = discover.summed_counts(p["names"] for p in folded.partials())
    want = discover.summed_counts(parts)
    assert len(want) > 500 and sum(len(p) for p in parts) > len(want)  # forms recur across parts
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert discover.actors_spec(got) == discover.actors_spec(want)
