"""The fast paths of the corpus summaries give what the plain loops they replaced gave: bootstrap
intervals per seeded group, tone toward actors, actions per sentence, actor ids in page text,
names per article, acronyms joining their organisation, and the lines a cleaning rule sees."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd
import pytest

from presslens.extract import actions, discover
from presslens.extract.name_counts import COUNT_COLUMNS, name_counts
from presslens.ingest import clean
from presslens.measure import portrayal
from presslens.measure.sentiment import aggregate
from presslens.report.summary import names


def _values(n: int, seed: int) -> np.ndarray:
    """n scores in -1..1 taken to six decimals."""
    return np.round(np.random.default_rng(seed).uniform(-1, 1, n), 6)


@pytest.mark.parametrize("sizes", [[0], [1], [2], [3, 3, 3], [1, 2, 5, 2, 40, 1], [7] * 30])
def test_seeded_intervals_are_each_groups_own_interval(sizes: list[int]) -> None:
    groups = [_values(n, i) for i, n in enumerate(sizes)]
    seeds = [zlib.crc32(str(i).encode()) for i in range(len(sizes))]
    got = aggregate.seeded_intervals(groups, seeds, n_boot=300)
    for g, s, row in zip(groups, seeds, got):
        alone = np.array(aggregate.bootstrap_ci(g, n_boot=300, seed=s))
        assert row.tobytes() == alone.tobytes()


def test_seeded_intervals_of_large_groups_are_drawn_in_blocks(monkeypatch) -> None:
    groups = [_values(50, 1), _values(3, 2)]
    monkeypatch.setattr(aggregate, "BLOCK", 1000)  # 300 x 50 resamples exceed it
    got = aggregate.seeded_intervals(groups, [11, 12], n_boot=300)
    for g, s, row in zip(groups, [11, 12], got):
        alone = np.array(aggregate.bootstrap_ci(g, n_boot=300, seed=s))
        assert row.tobytes() == alone.tobytes()


@pytest.mark.parametrize(
    "values, starts",
    [
        ([0.5], [0]),
        ([0.1, 0.2, 0.3], [0]),
        ([0.1, 0.2, 0.3], [0, 1, 2]),
        ([0.123456, -0.5, 0.25, 1.0, -1.0], [0, 2, 3]),
        ([], []),
    ],
)
def test_run_means_are_fixed_means(values: list[float], starts: list[int]) -> None:
    v = np.array(values, dtype=float)
    got = aggregate.run_means(v, np.array(starts, dtype=int))
    want = [aggregate.fixed_mean(x) for x in np.split(v, starts[1:])] if len(v) else []
    assert got.tolist() == want


def _loop_actor_tone(tone: pd.DataFrame, *, by_outlet: bool, n_boot: int) -> pd.DataFrame:
    """actor_tone as a loop over groups (the definition the fast path must reproduce)."""
    t = tone.dropna(subset=["score"]).sort_values(["article_id", "start", "end"], kind="mergesort")
    keys = ["actor", "outlet"] if by_outlet else ["actor"]
    rows = []
    for key, g in t.groupby(keys, sort=True):
        v = g["score"].to_numpy(dtype=float)
        seed = zlib.crc32("|".join(map(str, key)).encode())
        lo, hi = aggregate.bootstrap_ci(v, n_boot=n_boot, seed=seed)
        labels = g["label"].value_counts()
        warn = "" if len(v) >= 5 else f"only {len(v)} mention(s): too few to compare"
        counts = [int(labels.get(x, 0)) for x in ("negative", "neutral", "positive")]
        rows.append((*key, len(v), g["article_id"].nunique(), aggregate.fixed_mean(v), lo, hi,
                     *counts, warn))  # fmt: skip
    cols = [*keys, *portrayal.COLUMNS]
    return pd.DataFrame(rows, columns=cols).round({"tone": 4, "ci_low": 4, "ci_high": 4})


def _tone(n: int) -> pd.DataFrame:
    """n scored mentions of a few actors in a few outlets, some unscored, some without outlet."""
    rng = np.random.default_rng(3)
    score = np.round(rng.uniform(-1, 1, n), 6)
    score[::17] = np.nan
    outlet = rng.choice(["Daily", "Post", "Wire"], n).astype(object)
    outlet[::23] = None
    return pd.DataFrame(
        {
            "actor": rng.choice(["eu", "nato", "albin_kurti", "serbia"], n),
            "outlet": outlet,
            "article_id": [f"a{i:03d}" for i in rng.integers(0, 40, n)],
            "start": rng.integers(0, 500, n),
            "end": rng.integers(500, 600, n),
            "score": score,
            "label": rng.choice(["negative", "neutral", "positive"], n),
        }
    )


@pytest.mark.parametrize("by_outlet", [True, False])
@pytest.mark.parametrize("n", [0, 1, 6, 300])
def test_actor_tone_is_the_loop_over_groups(n: int, by_outlet: bool) -> None:
    tone = _tone(n)
    want = _loop_actor_tone(tone, by_outlet=by_outlet, n_boot=200)
    shuffled = tone.sample(frac=1, random_state=5)  # partitions deliver rows in any order
    got = portrayal.actor_tone(shuffled, by_outlet=by_outlet, n_boot=200)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def _sentence(text: str, *ments: tuple[str, str]) -> tuple[dict, list[dict]]:
    """A one-sentence article and its mentions (actor, surface) found by position."""
    rows = []
    for actor, surface in ments:
        start = text.index(surface)
        rows.append({"actor": actor, "start": start, "end": start + len(surface)})
    return {"article_id": "a", "sent_id": 1, "start": 0, "end": len(text), "text": text}, rows


@pytest.mark.parametrize(
    "text, ments, expected",
    [
        (
            "The EU and the US urged Kosovo and Serbia to talk.",
            [("eu", "EU"), ("us", "US"), ("kosovo", "Kosovo"), ("serbia", "Serbia")],
            [("eu", "kosovo"), ("eu", "serbia"), ("us", "kosovo"), ("us", "serbia")],
        ),
        # must not change into an action: a passive, a clause break, one mention only
        ("Pristina said it would favor Serbs, backed by Belgrade.",
         [("kosovo", "Pristina"), ("serbia", "Belgrade")], []),
        ("NATO warned; Serbia left.", [("nato", "NATO"), ("serbia", "Serbia")], []),
        ("NATO warned everyone.", [("nato", "NATO")], []),
    ],
)  # fmt: skip
def test_actions_whatever_the_order_of_the_mentions(
    text: str, ments: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    sent, rows = _sentence(text, *ments)
    m = pd.DataFrame(rows).assign(article_id="a", sent_id=1)
    for order in (m, m.iloc[::-1]):
        got = actions.action_table(pd.DataFrame([sent]), order)
        assert sorted(zip(got["subject"], got["object"])) == expected


def test_action_divergence_keeps_first_sentence_and_missing_dates() -> None:
    acts = pd.DataFrame(
        {
            "article_id": ["b", "a", "a", "c"],
            "sent_id": [4, 2, 1, 9],
            "subject": ["eu"] * 4,
            "action": ["imposed sanctions on"] * 4,
            "object": ["serbia", "kosovo", "serbia", "serbia"],
        }
    )
    arts = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"], "published": ["d1", None, "d3"]}
    )
    div = actions.divergence(acts, arts)
    assert div["article_id"].tolist() == ["a", "b", "c"]
    assert div["targets"].tolist() == ["kosovo serbia", "serbia", "serbia"]
    assert div["sent_id"].tolist() == [2, 4, 9]
    assert div["published"].isna().tolist() == [False, True, False]
    same = acts.assign(object="serbia")  # must not change into a divergence: one target
    assert actions.divergence(same, arts).empty


IDS = ("albin_kurti", "ambiguous:Clinton", "serbian_forces", "eu_2")


@pytest.mark.parametrize(
    "text",
    [
        "albin_kurti met serbian_forces.",
        "(ambiguous:Clinton) and eu_2, albin_kurti",
        # must not change: ids inside longer runs, other words, no id at all
        "albin_kurti2 x:albin_kurti albin_kurti_jr eu_23",
        "Kosovo and the EU",
        "",
    ],
)
def test_ids_in_text_as_the_alternation_finds_them(text: str) -> None:
    ordered = sorted(IDS, key=len, reverse=True)
    regex = re.compile(r"(?<![\w:])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w:])")
    fast = names.IdPattern(frozenset(IDS))
    assert fast.sub(str.upper, text) == regex.sub(lambda m: m.group(0).upper(), text)
    assert fast.findall(text) == regex.findall(text)


def test_ids_with_other_characters_use_the_alternation() -> None:
    known = names.Names(actors={"u.s._army": "US Army", "eu_x": "EU X"})
    pattern = names.id_pattern(known)
    assert pattern is not None and pattern.regex is not None
    assert names.name_text("the u.s._army and eu_x", known, pattern) == "the US Army and EU X"


def test_names_per_article_whatever_the_order_of_the_sentences() -> None:
    text = "Hillary Clinton spoke. Clinton said she would run. The EPA agreed."
    spans = [(0, 22), (23, 50), (51, len(text))]
    sents = pd.DataFrame(
        {
            "article_id": ["a"] * 3,
            "sent_id": [1, 2, 3],
            "start": [a for a, _ in spans],
            "end": [b for _, b in spans],
        }
    )
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": [text, "No sentences here."]})
    arts["status"] = "ok"
    want = name_counts(arts, sents)
    got = name_counts(arts, sents.iloc[[2, 0, 1]])
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert "Clinton" in set(want["form"]) and set(want["full"]) >= {"Hillary Clinton"}


def _counts(rows: list[tuple[str, str, str, int]]) -> pd.DataFrame:
    """Name counts rows (form, full, head, n) with no other evidence."""
    return pd.DataFrame(
        [(f, full, head, n, 3, *[0] * (len(COUNT_COLUMNS) - 5)) for f, full, head, n in rows],
        columns=COUNT_COLUMNS,
    )


@pytest.mark.parametrize(
    "rows, joined",
    [
        ([("Zorvian Quill Board", "Zorvian Quill Board", "organisation", 6),
          ("ZQB", "ZQB", "organisation", 5)], True),
        # must not change: two organisations with the initials, or none
        ([("Zorvian Quill Board", "Zorvian Quill Board", "organisation", 6),
          ("Zenith Quartz Bureau", "Zenith Quartz Bureau", "organisation", 4),
          ("ZQB", "ZQB", "organisation", 5)], False),
        ([("Zorvian Board", "Zorvian Board", "organisation", 6),
          ("ZQB", "ZQB", "organisation", 5)], False),
    ],
)  # fmt: skip
def test_acronym_joins_its_one_organisation(rows: list, joined: bool) -> None:
    spec = discover.actors_spec(_counts(rows))
    with_acronym = [a for a in spec["actors"].values() if "ZQB" in a.get("aliases", [])]
    assert bool(with_acronym) == joined


@pytest.mark.parametrize(
    "raw, live",
    [
        ("one\n\ntwo\nthree", [0, 2, 3]),
        ("one\n  \n", [0]),
        ("", []),
    ],
)
def test_live_lines_follow_drops_and_cuts(raw: str, live: list[int]) -> None:
    page = clean._Page(raw)
    assert page.live() == live
    got = page.live()
    got.append(99)  # a caller's change does not reach the page
    assert page.live() == live
    if live:
        page.drop(live[0], "rule")
        assert page.live() == live[1:]
    if len(live) > 1:
        line = page.lines[live[1]]
        page.cut(live[1], 0, len(line), "rule")  # cut to nothing: the line goes
        assert page.live() == live[2:]


@pytest.mark.parametrize("n", [2, 7, 1_001, 4_003])
def test_resampled_sums_in_blocks_are_the_count_matrix_product(
    n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts per article summed over each resample: drawn in blocks (bounded memory) they are
    exactly the count matrix's product, which the small case still computes."""
    rng = np.random.default_rng(n)
    columns = [rng.integers(0, 5, n).astype(float), rng.integers(0, 40, n).astype(float)]
    matrix = aggregate.resample_counts(n, n_boot=300, seed=3)
    expected = [matrix @ c for c in columns]
    assert all(
        np.array_equal(a, b)
        for a, b in zip(aggregate.resampled_sums(columns, n_boot=300, seed=3), expected)
    )
    monkeypatch.setattr(aggregate, "BLOCK", 2 * n + 1)  # blocks of two resamples
    blocked = aggregate.resampled_sums(columns, n_boot=300, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(blocked, expected))


def test_voice_shares_are_the_same_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The voices table (quote shares per outlet, intervals over articles) does not change when
    its resamples are drawn in blocks: the pooled interval over every article's quotes no longer
    holds a resamples-by-articles matrix (gigabytes at 100,000 articles)."""
    from presslens.measure import voices

    rng = np.random.default_rng(0)
    n = 3_000
    said = pd.DataFrame(
        {
            "article_id": [f"a{i:05d}" for i in rng.integers(0, 900, n)],
            "speaker_type": rng.choice(["person", "organisation", "unknown", "place"], n),
            "speaker_gender": rng.choice(["male", "female", "unknown"], n),
        }
    )
    said.loc[said["speaker_type"] != "person", "speaker_gender"] = ""
    outlet = pd.Series(
        rng.choice(["Daily", "Post", "Wire"], 900), index=[f"a{i:05d}" for i in range(900)]
    )
    whole = voices.voice_shares(said, outlet, n_boot=500)
    monkeypatch.setattr(aggregate, "BLOCK", 1_000)
    pd.testing.assert_frame_equal(voices.voice_shares(said, outlet, n_boot=500), whole)
    assert whole["low"].notna().all()
