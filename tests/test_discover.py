"""Actors discovered from the corpus: proper names, their types, merging, the editable list, the
overlay, who speaks and spelling variants."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from presslens.extract import actors, discover, names, variants
from presslens.ingest import sentences as splitter
from presslens.measure import voices


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Democratic New York Rep. Alexandria Ocasio-Cortez spoke, according to the Washington "
            "Post.",
            [("Alexandria Ocasio-Cortez", ""), ("Washington Post", "organisation")],
        ),
        (
            "The U.N. Security Council met Marine Le Pen and Ursula von der Leyen at the Bank of "
            "England.",
            [
                ("U.N. Security Council", "organisation"),
                ("Marine Le Pen", ""),
                ("Ursula von der Leyen", ""),
                ("Bank of England", "organisation"),
            ],
        ),
        (
            "Climate change is real, said NASA's Gavin Schmidt in New York.",
            [("NASA", "organisation"), ("Gavin Schmidt", ""), ("New York", "place")],
        ),
        ("The judges of the Obama-era court met on Monday in March.", []),
        ("The bill was backed by Sen. Ed Markey (D-Mass.) and others.", [("Ed Markey", "")]),
        (
            "President Donald Trump told the Justice Department to act.",
            [("Donald Trump", ""), ("Justice Department", "organisation")],
        ),
        ("Scientists say the ice is melting faster than expected.", []),
        (
            "Hurricane Irma hit Port Arthur.",
            [("Hurricane Irma", "other"), ("Port Arthur", "place")],
        ),
    ],  # fmt: skip
)
def test_names_in_a_sentence(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.text, n.head) for n in names.find(sentence)] == expected


def test_titles_and_honorifics_are_evidence_not_name() -> None:
    mrs, pres = names.find("Mrs. Clinton met President Obama.")
    assert (mrs.text, mrs.person, mrs.gender) == ("Clinton", True, "female")
    assert (pres.text, pres.person, pres.gender) == ("Obama", True, "")
    assert names.find("Mr. King said no.")[0].text == "King"
    assert names.find("Clinton said the plan would fail.")[0].speaker


def test_headline_pieces_are_not_names() -> None:
    found = [n.text for n in names.find("Giuliani Now Denies Trump Ever Discussed Michael Cohen")]
    assert "Now Denies" not in " ".join(found) and "Michael Cohen" in found


CORPUS = {
    "a1": "Hillary Rodham Clinton spoke in Paris. Clinton said the deal was good. She smiled. "
    "Mrs. Clinton left for the Washington Post offices.",
    "a2": "Bill Clinton and Hillary Clinton visited Ohio. Clinton said nothing. Bill Clinton "
    "waved. He said he was tired.",
    "a3": "Clinton spoke again in Paris on Tuesday. The Washington Post reported it. Hillary "
    "Clinton "
    "agreed.",
    "a4": "Hillary Clinton said the Washington Post was wrong. Aleksandar Vučić disagreed.",
    "a5": "Aleksandar Vucic spoke in Belgrade. Vucic said the talks failed.",
}


def _tables(texts: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    arts = pd.DataFrame({"article_id": list(texts), "text": list(texts.values()), "status": "ok"})
    sents = pd.DataFrame(
        [(k, i + 1, a, b) for k, t in texts.items() for i, (a, b) in enumerate(splitter.spans(t))],
        columns=["article_id", "sent_id", "start", "end"],
    )
    return arts, sents


def discovered(texts: dict[str, str], tmp: pytest.TempPathFactory) -> dict:
    """Actors discovered in `texts`, written as actors.yaml, and their mentions, as a run does."""
    arts, sents = _tables(texts)
    spec = discover.actors_spec(discover.name_counts(arts, sents))
    path = tmp.mktemp("actors") / "actors.yaml"
    discover.write_yaml(spec, path)
    mentions = actors.mention_table(arts, sents, name=str(path))
    return {"spec": spec, "path": path, "mentions": mentions, "arts": arts, "sents": sents}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return discovered(CORPUS, tmp_path_factory)


def test_people_merge_by_first_name_and_surname(found: dict) -> None:
    spec = found["spec"]["actors"]
    assert spec["hillary_clinton"]["type"] == "person"
    assert "Hillary Rodham Clinton" in spec["hillary_clinton"]["aliases"]
    assert spec["bill_clinton"]["type"] == "person"
    assert spec["hillary_clinton"]["pronoun"] == "she"  # Mrs., "She smiled"
    assert spec["washington_post"]["type"] == "organisation"
    assert spec["paris"]["type"] == "place"


def test_a_surname_two_people_share_goes_to_the_one_it_usually_means(found: dict) -> None:
    m = found["mentions"]
    a2 = m[(m["article_id"] == "a2") & (m["surface"] == "Clinton")]
    assert a2["actor"].tolist() == ["hillary_clinton"]  # most of the corpus's "Clinton" is hers
    a1 = m[(m["article_id"] == "a1") & (m["surface"] == "Clinton")]
    assert set(a1["actor"]) == {"hillary_clinton"}  # incl. "Mrs. Clinton"
    a3 = m[(m["article_id"] == "a3") & (m["surface"] == "Clinton")]
    assert a3["actor"].tolist() == ["hillary_clinton"]  # named in full later in the article


def test_the_washington_post_is_not_the_us_government(found: dict) -> None:
    m = found["mentions"]
    post = m[m["surface"].str.contains("Washington")]
    assert set(post["actor"]) == {"washington_post"}


def test_spellings_without_diacritics_are_one_actor_and_a_variant(found: dict) -> None:
    m = found["mentions"]
    vucic = m[m["surface"].str.contains("Vu")]
    assert set(vucic["actor"]) == {"aleksandar_vucic"}
    outlet = pd.Series({"a4": "one", "a5": "two"})
    table = variants.variant_table(variants.surface_counts(m, outlet))
    assert {"Aleksandar Vučić", "Aleksandar Vucic"} <= set(table["variant"])
    assert set(table["outlet"]) >= {"one", "two"}


def test_the_written_list_is_editable_and_read_back(found: dict, tmp_path: Path) -> None:
    listed = yaml.safe_load(found["path"].read_text(encoding="utf-8"))
    assert listed["discover"] is False and "hillary_clinton" in listed["actors"]
    del listed["actors"]["washington_post"]
    listed["actors"]["hillary_clinton"]["name"] = "Hillary R. Clinton"
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(listed, allow_unicode=True), encoding="utf-8")
    m = actors.mention_table(found["arts"], found["sents"], name=str(edited))
    assert "washington_post" not in set(m["actor"])
    assert "hillary_clinton" in set(m["actor"])


def test_a_curated_overlay_takes_the_names_it_lists(found: dict, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "actors:\n  us_press: {name: Washington Post, type: organisation, aliases: [the Post]}\n",
        encoding="utf-8",
    )
    m = actors.mention_table(
        found["arts"], found["sents"], name=str(found["path"]), overlay=str(overlay)
    )
    assert "us_press" in set(m["actor"]) and "washington_post" not in set(m["actor"])


def test_who_speaks_shares_have_intervals_and_warnings() -> None:
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c", "c", "d"],
            "speaker_actor": ["x", "y", "x", "", "", "z"],
            "speaker": ["X", "Y", "X", "he", "officials", "Z"],
        }
    )
    said = voices.speakers(quotes, {"x": "person", "y": "organisation", "z": "person"},
                           {"x": "she"})  # fmt: skip
    assert said["speaker_type"].tolist() == ["person", "organisation", "person", "person",
                                             "unknown", "person"]  # fmt: skip
    assert said["speaker_gender"].tolist() == ["female", "", "female", "male", "", "unknown"]
    outlet = pd.Series({"a": "o1", "b": "o1", "c": "o2", "d": "o2"})
    table = voices.voice_shares(said, outlet, n_boot=200, seed=0, min_quotes=3)
    again = voices.voice_shares(said, outlet, n_boot=200, seed=0, min_quotes=3)
    pd.testing.assert_frame_equal(table, again)
    pooled = table[(table["outlet"] == voices.ALL) & (table["dimension"] == "speaker type")]
    assert pooled.set_index("category")["quotes"].to_dict() == {
        "organisation": 1, "person": 4, "unknown": 1}  # fmt: skip
    assert (pooled["low"] <= pooled["share"]).all() and (pooled["share"] <= pooled["high"]).all()
    o1 = table[table["outlet"] == "o1"].set_index("dimension")["warning"]
    assert (o1["speaker type"] == "").all() and (o1["gender (people)"] == "only 2 quotes").all()


def _climate_texts(n: int) -> dict[str, str]:
    """The first `n` real climate articles of ../shared/eval (narrative-frames, MIT licence)."""
    src = Path(__file__).resolve().parents[2] / "shared/eval/narrative-frames"
    src = src / "articles_metadata.dev.tsv"
    if not src.is_file():
        pytest.skip("../shared/eval is not beside the checkout")
    rows = pd.read_csv(src, sep="\t").head(n)
    return dict(zip(rows["ID"].astype(str), rows["text"].astype(str)))


@pytest.mark.parametrize("corpus", ["fixture", "climate"])
def test_the_list_written_is_what_reading_it_gives(
    corpus: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The run keeps the list it wrote instead of parsing megabytes of YAML again: what `load`
    gives without parsing equals what parsing the file gives (tuples, numbers, dates, quotes)."""
    from presslens.core import resources

    got = discovered(CORPUS if corpus == "fixture" else _climate_texts(60), tmp_path_factory)
    kept = resources.load(str(got["path"]))
    parsed = yaml.safe_load(got["path"].read_text(encoding="utf-8"))
    assert kept == parsed and len(parsed["actors"]) > (3 if corpus == "fixture" else 100)
    got["path"].write_text(got["path"].read_text(encoding="utf-8") + "\n# edited\n")
    assert resources.load(str(got["path"])) is not kept  # an edited file is parsed again


def test_compacting_keeps_the_list_written_and_its_mentions(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Stage 30 rebuilds the list it wrote in fresh memory before forking its workers
    (`actors.compact`): the same data, still without parsing the file, and the same mentions."""
    from presslens.core import resources

    got = discovered(_climate_texts(40), tmp_path_factory)
    before = resources.load(str(got["path"]))
    actors.compact()
    after = resources.load(str(got["path"]))
    assert after == before and after is not before
    assert resources._WRITTEN  # kept: not parsed again
    again = actors.mention_table(got["arts"], got["sents"], name=str(got["path"]))
    pd.testing.assert_frame_equal(again, got["mentions"])


def test_worker_pools_leave_the_collector_as_they_found_it() -> None:
    """The process engine freezes what its forked workers inherit (so that their collections do
    not copy those pages) and gives it back to the collector afterwards."""
    import gc

    from presslens.core import engine

    got = list(engine.map_partitions(abs, [-1, -2, -3], engine="processes", workers=2, total=3))
    assert got == [1, 2, 3]
    assert gc.get_freeze_count() == 0


def test_a_large_list_read_back_is_the_file(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large YAML file (a discovered list of a big corpus) is copied into fresh memory once
    parsed (`resources._fresh`); what `load` gives is still what parsing the file gives."""
    from presslens.core import resources

    got = discovered(_climate_texts(40), tmp_path_factory)
    resources.forget_written()  # read as another process would: parsed
    monkeypatch.setattr(resources, "_LARGE", 0)
    assert resources.load(str(got["path"])) == yaml.safe_load(got["path"].read_text("utf-8"))
