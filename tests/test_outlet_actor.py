"""Outlet x actor and the outlet differences that hold (presslens.measure.outlet_actor,
outlet_differences, report.summary.differences).

Real labels: the mentions of Trump in NewsMTSC (political news sentences, each labelled by people
with the sentiment toward him; eval/newsmtsc, MIT licence) are dealt into made-up articles and
outlets, once with one outlet given only the mentions people labelled negative (a planted
difference the test must find) and once dealt at random (no difference: nothing may hold). The
scores are the people's labels (-1, 0, +1), so the statistics are tested on a real label
distribution without the tone model in between. Synthetic arrays check the clustering of mentions
within articles and the thresholds.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pandas as pd
import pytest

from presslens.measure import outlet_actor as oa
from presslens.measure import outlet_differences as od
from presslens.core import paths
from presslens.report.summary import differences

OUTLETS = ["Ledger", "Courier", "Tribune", "Herald", "Sentinel", "Gazette"]


def _trump_labels() -> list[float]:
    """People's labels toward Trump in NewsMTSC train, as -1, 0, +1, in file order."""
    out = []
    path = paths.eval_dir() / "newsmtsc" / "train.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        for t in json.loads(line)["targets"]:
            if "trump" in t["mention"].lower():
                out.append({2.0: -1.0, 4.0: 0.0, 6.0: 1.0}[t["polarity"]])
    return out


def _dealt(planted: bool, *, seed: int = 3) -> tuple[pd.Series, pd.DataFrame]:
    """40 articles per outlet, 1-3 mentions of Trump each, scored with people's labels."""
    rng = random.Random(seed)
    labels = _trump_labels()
    rng.shuffle(labels)
    negative = [v for v in labels if v < 0]
    rows, outlet = [], {}
    for o in OUTLETS:
        for a in range(40):
            aid = f"{o}-{a}"
            outlet[aid] = o
            for k in range(rng.randint(1, 3)):
                pool = negative if planted and o == "Ledger" else labels
                rows.append((aid, k, "donald_trump", pool.pop()))
    tone = pd.DataFrame(rows, columns=["article_id", "sent_id", "actor", "score"])
    return pd.Series(outlet), tone


def _tone_rows(planted: bool) -> pd.DataFrame:
    outlet, tone = _dealt(planted)
    empty_q = pd.DataFrame(
        columns=["article_id", "sent_id", "speaker_actor", "speaker_type", "speaker_gender"]
    )
    empty_f = pd.DataFrame(columns=["article_id", "scheme", "frame", "present"])
    return oa.differences(
        outlet,
        tone=tone,
        quotes=empty_q,
        article_frames=empty_f,
        article_tone=pd.DataFrame(),
        leading=["donald_trump"],
    )


@pytest.mark.skipif(paths.eval_dir() is None, reason="needs ../shared/eval")
def test_a_planted_difference_in_real_labels_is_found_and_only_it():
    d = _tone_rows(planted=True)
    held = d[d["holds"]]
    tone = held[held["measure"] == "tone toward"]
    assert tone["outlet"].tolist() == ["Ledger"]
    r = tone.iloc[0]
    assert r["value"] == -1.0 and r["diff"] < -0.3 and r["q"] < 0.001
    assert r["diff_lo"] <= r["diff"] <= r["diff_hi"] < 0


@pytest.mark.skipif(paths.eval_dir() is None, reason="needs ../shared/eval")
def test_outlets_dealt_at_random_differ_on_nothing():
    for seed in (3, 4, 5):
        outlet, tone = _dealt(planted=False, seed=seed)
        d = oa.differences(
            outlet,
            tone=tone,
            quotes=pd.DataFrame(
                columns=["article_id", "sent_id", "speaker_actor", "speaker_type", "speaker_gender"]
            ),
            article_frames=pd.DataFrame(columns=["article_id", "scheme", "frame", "present"]),
            article_tone=pd.DataFrame(),
            leading=["donald_trump"],
        )
        assert len(d) == len(OUTLETS) * 2  # tone toward and mention share, per outlet
        assert not d["holds"].any(), d[["measure", "outlet", "diff", "p", "q"]]


def test_one_long_article_does_not_make_an_outlet_differ():
    # outlet A: one article naming the actor 40 times at -1, 19 naming it once at +0.1; B: 30
    # articles at 0 or +0.2. Tone is averaged per article first, so the long article counts once.
    rows = [("a0", k, "x", -1.0) for k in range(40)]
    rows += [(f"a{i}", 0, "x", 0.1) for i in range(1, 20)]
    rows += [(f"b{i}", 0, "x", 0.2 * (i % 2)) for i in range(30)]
    tone = pd.DataFrame(rows, columns=["article_id", "sent_id", "actor", "score"])
    outlet = pd.Series({a: a[0].upper() for a in tone["article_id"]})
    d = oa.differences(
        outlet,
        tone=tone,
        quotes=pd.DataFrame(
            columns=["article_id", "sent_id", "speaker_actor", "speaker_type", "speaker_gender"]
        ),
        article_frames=pd.DataFrame(columns=["article_id", "scheme", "frame", "present"]),
        article_tone=pd.DataFrame(),
        leading=["x"],
    )
    r = d[(d["measure"] == "tone toward") & (d["outlet"] == "A")].iloc[0]
    assert r["value"] == pytest.approx((-1 + 1.9) / 20) and r["n"] == 20
    assert r["p"] > 0.05 and not r["holds"]
    # weighting mentions instead, the one article would decide it
    s, n = np.array([-40.0] + [0.1] * 9 + [0.15] * 30), np.array([40.0] + [1.0] * 39)
    by_mention = od.contrast(
        np.array(["A"] * 10 + ["B"] * 30), s, n, compared={"A", "B"}, tone=True
    )
    assert by_mention.set_index("outlet").at["A", "p"] < 0.01


@pytest.mark.parametrize(
    ("measure", "diff", "ratio", "expected"),
    [
        ("tone toward", -0.12, np.nan, True),
        ("tone toward", 0.05, np.nan, False),  # too small to matter on -1..+1
        ("article tone", -0.10, np.nan, True),
        ("quote share", 0.06, 2.0, True),
        ("quote share", 0.02, 3.0, False),  # under 3 points
        ("frame", 0.04, 1.1, False),  # 45% against 41%: not 1.25 times
        ("frame", -0.15, 0.6, True),
    ],
)
def test_only_differences_large_enough_to_matter_are_reported(measure, diff, ratio, expected):
    assert od.matters(measure, diff, ratio) is expected


def test_small_outlets_and_cells_are_not_tested():
    outlet = np.array(["A"] * 4 + ["B"] * 30 + ["C"] * 30)
    s = np.r_[np.full(4, -1.0), np.full(30, 0.2), np.full(30, 0.1)]
    d = od.contrast(outlet, s, np.ones(64), compared={"B", "C"}, tone=True)
    assert set(d["outlet"]) == {"B", "C"}  # A is in "the others" but never tested itself
    sizes = pd.Series(["A"] * 19 + ["B"] * 20)
    assert od.compared_outlets(sizes) == {"B"}


def test_leading_actors_are_people_organisations_and_groups_with_30_mentions():
    actors = pd.DataFrame(
        {
            "actor": ["china", "trump", "epa", "ruth", "ambiguous:Bush", "democrats"],
            "name": ["China", "Trump", "EPA", "Ruth", "Bush (unresolved)", "Democrats"],
            "type": ["place", "person", "organisation", "person", "person", "group"],
            "mentions": [500, 400, 90, 5, 80, 30],
        }
    )
    assert od.leading_actors(actors) == ["trump", "epa", "democrats"]


def test_outlet_actor_table_has_the_contract_columns_and_shares_that_add_up():
    outlet = pd.Series({"a1": "X", "a2": "X", "b1": "Y"})
    tone = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "b1", "b1"],
            "sent_id": [0, 1, 0, 0, 1],
            "actor": ["p", "q", "p", "p", "q"],
            "score": [0.5, -0.5, 0.1, np.nan, -0.2],
        }
    )
    quotes = pd.DataFrame(
        {"article_id": ["a1", "a2", "b1"], "sent_id": [0, 0, 1], "speaker_actor": ["p", "", "q"]}
    )
    t = oa.outlet_actor(outlet, tone, quotes, {"p": "Person P"})
    assert list(t.columns) == oa.OUTLET_ACTOR
    x = t.set_index(["outlet", "actor"])
    assert x.loc[("X", "p"), "mentions"] == 2 and x.loc[("X", "p"), "quotes"] == 1
    assert x.loc[("X", "p"), "quote_share"] == 0.5  # one of X's two quotes
    assert x.loc[("X", "p"), "tone"] == pytest.approx(0.3)
    assert x.loc[("Y", "p"), "n"] == 0 and pd.isna(x.loc[("Y", "p"), "tone"])  # no scored mention
    assert t.groupby("outlet")["mention_share"].sum().round(6).eq(1).all()
    assert x.loc[("X", "p"), "name"] == "Person P" and x.loc[("X", "q"), "name"] == "q"


@pytest.mark.parametrize(
    ("ratio", "words"),
    [
        (2.0, "twice as often"),
        (3.04, "3.0 times as often"),
        (1.3, "30% more often"),
        (0.5, "about half as often"),
        (0.7, "30% less often"),
    ],
)
def test_ratios_in_words(ratio, words):
    assert differences.times(ratio) == words


@pytest.mark.skipif(paths.eval_dir() is None, reason="needs ../shared/eval")
def test_a_difference_that_holds_reads_as_a_sentence_with_n_and_intervals():
    d = _tone_rows(planted=True)
    held = d[d["holds"] & (d["measure"] == "tone toward")].assign(name="Donald Trump")
    text = differences.sentence(next(held.itertuples()))
    assert text.startswith("Ledger is more negative toward Donald Trump than the other outlets: ")
    assert "95% CI" in text and "40 articles naming Donald Trump" in text and "q < 0.001" in text


def _page(diffs: pd.DataFrame, outlets: list[str]) -> dict:
    arts = pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(outlets))], "outlet": outlets, "status": "ok"}
    )
    return {"outlet_differences": diffs, "articles": arts}


def test_findings_say_when_no_outlet_differs_and_why_outlets_were_not_compared():
    d = _tone_rows(planted=False).assign(name="Donald Trump", evidence="")
    out = differences.findings(_page(d, ["A", "B"]))
    assert len(out) == 1 and out[0][0].text.startswith("No outlet differs from the others")
    small = differences.findings(_page(d.iloc[0:0], ["A"] * 19 + ["B"] * 3))
    assert small[0][0].text.startswith("Outlets are not compared: 0 outlets of 2 have 20 or more")
    assert differences.findings(_page(d.iloc[0:0], ["A"] * 30)) == []  # one outlet: nothing to say


@pytest.mark.skipif(paths.eval_dir() is None, reason="needs ../shared/eval")
def test_findings_state_one_difference_in_the_singular_with_its_example():
    d = _tone_rows(planted=True).assign(name="Donald Trump", evidence="")
    d.loc[d["holds"], "evidence"] = "Ledger-3#s0"
    out = differences.findings(_page(d, [o for o in OUTLETS for _ in range(40)]))
    assert out[0][0].text.startswith(
        "1 outlet difference holds, below. Tested: the 6 outlets of 6 with 20+ articles, 240 of "
        "the 240 articles, each against all the others;"
    )
    assert "most of the other compared outlets one by one" in out[0][0].text
    assert out[1][0].text.startswith("Ledger is more negative toward Donald Trump")
    assert "a large gap of" in out[1][0].text or "a clear gap of" in out[1][0].text
    assert [x.href for x in out[1] if x.href] == ["articles/Ledger-3.html#s0"]


def _beaten_by_merge(rows: pd.DataFrame, pairs: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """The pairwise counts as first written (a merge on the text keys, `matters` row by row):
    the reference the index-based `_beaten` must equal."""
    key = ["measure", "subject", "outlet"]
    pr = pairs.assign(q=od._bh(pairs["p"]))
    pr["big"] = [od.matters(m, d, r) for m, d, r in zip(pr["measure"], pr["diff"], pr["ratio"])]
    pr["sign"] = np.sign(pr["diff"])
    merged = pr.merge(rows[[*key, "diff"]].rename(columns={"diff": "row_diff"}), on=key)
    merged["differs"] = (
        (merged["q"] < alpha) & merged["big"] & (merged["sign"] == np.sign(merged["row_diff"]))
    )
    counts = merged.groupby(key).agg(others_differ=("differs", "sum"), others=("other", "size"))
    out = rows.merge(counts.reset_index(), on=key, how="left")
    return out.fillna({"others_differ": 0, "others": 0}).astype(
        {"others_differ": int, "others": int}
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pairwise_counts_by_index_equal_the_merge(seed: int) -> None:
    """Millions of outlet pairs are counted per row by index (codes, no text merge): random
    rows and pairs, with NaN differences, p values and ratios, pairs of no row and rows of no
    pair, give the counts the merge gave."""
    from presslens.core.partitions import stacked

    rng = np.random.default_rng(seed)
    outlets = [f"outlet {i}" for i in range(12)]
    subjects = [
        ("tone toward", "a"),
        ("mention share", "a"),
        ("frame", "x: y"),
        ("quote share", "b"),
    ]
    rows = pd.DataFrame(
        [(m, s, o, rng.normal(0, 0.2)) for m, s in subjects for o in outlets[:10]],
        columns=["measure", "subject", "outlet", "diff"],
    )
    rows.loc[rng.choice(len(rows), 4, replace=False), "diff"] = np.nan
    frames = []
    for m, s in subjects:
        i, j = np.meshgrid(np.arange(12), np.arange(12), indexing="ij")
        i, j = i[i != j], j[i != j]
        n = len(i)
        p = rng.choice([1e-6, 1e-3, 0.3], n)
        p[rng.choice(n, 5, replace=False)] = np.nan
        diff = rng.normal(0, 0.15, n)
        diff[rng.choice(n, 3, replace=False)] = np.nan
        ratio = rng.uniform(0.5, 2.0, n)
        ratio[rng.choice(n, 6, replace=False)] = np.nan
        names = np.array(outlets, dtype=object)
        frames.append(
            pd.DataFrame(
                {
                    "outlet": pd.Categorical.from_codes(i, categories=names),
                    "other": pd.Categorical.from_codes(j, categories=names),
                    "diff": diff,
                    "ratio": ratio,
                    "p": p,
                }
            ).assign(measure=m, subject=s)
        )
    pairs = stacked(frames, categories=("outlet", "other", "measure", "subject"))
    plain = pd.concat(frames, ignore_index=True).astype(
        {c: object for c in ("outlet", "other", "measure", "subject")}
    )
    want = _beaten_by_merge(rows, plain, 0.05)
    got = od._beaten(rows, pairs, 0.05)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert (got["others_differ"] > 0).any() and (got["others"] > 0).all()
