"""Topic packs: chosen, never assumed. The seeds get the pack `kosovo`; any other corpus gets none
unless a presslens.yaml beside it or the run names one; without a pack the report has no Kosovo in
it and says that naming choices and issue frames need a pack."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from presslens import stages
from presslens.extract import terms
from presslens.core import packs, paths, tables
from presslens.pipeline import cli
from tests.shapes import frames_articles

KOSOVO_QUESTION = "How did the press cover the Kosovo-Serbia-NATO tensions of 2022-2025?"


def climate_corpus(folder: Path, n: int = 6) -> Path:
    """A few narrative-frames climate articles as one CSV in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.csv"
    frames_articles().head(n).to_csv(path, index=False)
    return path


def user_pack(folder: Path) -> Path:
    """A pack of one's own: a question and one naming choice of climate coverage."""
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "name: climate\ndescription: climate coverage\n"
        "question: How did the press cover the climate?\nfiles:\n  terms: terms.yaml\n",
        encoding="utf-8",
    )
    (folder / "terms.yaml").write_text(
        "concepts:\n  warming:\n    variants:\n"
        "      - {label: climate change, patterns: ['(?i)climate change']}\n"
        "      - {label: global warming, patterns: ['(?i)global warming']}\n",
        encoding="utf-8",
    )
    return folder


def run_stages(corpus: Path, out: Path, **clean: object) -> Path:
    """Every stage but validation, in process."""
    stages.clean_corpus(corpus, out, engine="pandas", progress=False, **clean)
    for stage in (
        stages.score_sentiment,
        stages.code_framing,
        stages.build_timeline,
        stages.compare_outlets,
    ):
        stage(out, engine="pandas", progress=False)
    stages.write_report(out, engine="pandas", progress=False)
    return out


# ---- choosing a pack ---------------------------------------------------------------------------


def test_the_seeds_get_the_kosovo_pack_and_nothing_else_does(tmp_path: Path) -> None:
    assert "kosovo" in packs.available()
    assert packs.resolve("auto", "") == "kosovo"
    assert packs.resolve("auto", paths.seeds_dir()) == "kosovo"
    other = tmp_path / "corpus"
    other.mkdir()
    (other / "a.txt").write_text("Some article text.", encoding="utf-8")
    assert packs.resolve("auto", other) == ""
    assert packs.resolve("auto", climate_corpus(tmp_path / "csv")) == ""


@pytest.mark.parametrize("value", ["", "none", "None"])
def test_no_pack_is_said_with_an_empty_name_or_none(value: str) -> None:
    assert packs.resolve(value, "") == ""
    assert packs.files("") == {k: None for k in packs.KINDS}
    assert packs.question("") == packs.GENERIC_QUESTION
    assert packs.claims_file("") == packs.GENERIC_CLAIMS


def test_a_presslens_yaml_beside_the_corpus_chooses_its_pack(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "presslens.yaml").write_text("pack: kosovo\n", encoding="utf-8")
    assert packs.resolve("auto", folder) == "kosovo"
    beside = climate_corpus(tmp_path / "csv")
    (beside.parent / "presslens.yaml").write_text("pack: mine\n", encoding="utf-8")
    user_pack(beside.parent / "mine")  # a folder named relative to the presslens.yaml
    assert packs.resolve("auto", beside) == str((beside.parent / "mine").resolve())
    (beside.parent / "presslens.yaml").write_text("pack: none\n", encoding="utf-8")
    assert packs.resolve("auto", beside) == ""
    assert packs.resolve("kosovo", beside) == "kosovo"  # a pack the run names wins


def test_an_unknown_pack_is_refused_naming_the_available_ones() -> None:
    with pytest.raises(packs.PackError, match="kosovo") as err:
        packs.resolve("no_such_pack", "")
    assert "pack.yaml" in str(err.value)


def test_an_unknown_pack_fails_the_run_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "out"
    argv = ["run", "--out", str(out), "--pack", "no_such_pack", "--quiet"]
    assert cli.main(argv) == 2
    assert "unknown topic pack 'no_such_pack'" in capsys.readouterr().err
    assert not out.exists() and not out.with_name("out.partial").exists()


def test_a_folder_with_a_pack_yaml_is_a_pack(tmp_path: Path) -> None:
    folder = user_pack(tmp_path / "climate-pack")
    chosen = packs.resolve(str(folder), "")
    assert chosen == str(folder.resolve())
    assert packs.name(chosen) == "climate"
    assert packs.files(chosen) == {
        "actors": None,
        "terms": str(folder.resolve() / "terms.yaml"),
        "issue_frames": None,
        "claims": None,
    }
    assert packs.question(chosen) == "How did the press cover the climate?"
    assert packs.claims_file(chosen) == packs.GENERIC_CLAIMS


def test_the_kosovo_pack_has_the_seeds_files_and_question() -> None:
    found = packs.files("kosovo")
    assert all(found[k] and Path(found[k]).is_file() for k in packs.KINDS)
    assert packs.question("kosovo") == KOSOVO_QUESTION


def test_the_generic_claims_name_no_event() -> None:
    from presslens.extract import claims
    from presslens.core import resources

    spec = resources.load(packs.GENERIC_CLAIMS)
    assert not spec.get("events")
    got = claims.find(
        "Some 300 soldiers were deployed; 12 people were killed and 40 people injured, costing "
        "2 million dollars, up 5 percent since independence was declared in 2008.",
        name=packs.GENERIC_CLAIMS,
    )
    quantities = [c["quantity"] for c in got]
    assert quantities == [
        "troops",
        "people killed",
        "people injured",
        "money_usd",
        "percent",
        "year",
    ]
    assert {c["event"] for c in got} == {""}


# ---- runs ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def climate_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stages on a few climate articles, with no pack."""
    work = tmp_path_factory.mktemp("climate")
    return run_stages(climate_corpus(work / "corpus"), work / "out")


@pytest.mark.chain
def test_without_a_pack_naming_and_issue_frames_are_empty_and_no_event_is_kosovo(
    climate_run: Path,
) -> None:
    settings = tables.read("run_settings", climate_run)
    assert dict(zip(settings["key"], settings["value"].fillna(""))).get("pack") == ""
    named = tables.read("terms", climate_run)
    assert named.empty and list(named.columns) == terms.COLUMNS
    assert tables.read("term_counts", climate_run).empty
    for name in ("frames", "article_frames", "frame_shares"):
        assert set(tables.read(name, climate_run)["scheme"]) <= {"generic"}, name
    assert len(tables.read("article_frames", climate_run))  # generic frames still coded
    claimed = tables.read("claims", climate_run)
    assert len(claimed) and set(claimed["event"]) <= {""}
    assert set(tables.read("events", climate_run)["event"].fillna("")) <= {""}


@pytest.mark.chain
def test_without_a_pack_the_start_page_says_what_needs_one_and_has_no_kosovo(
    climate_run: Path,
) -> None:
    page = (climate_run / "index.html").read_text(encoding="utf-8")
    assert "kosovo" not in page.lower()
    assert "How did the press cover this story?" in page
    assert "naming choices" in page and "need a topic pack" in page
    assert packs.FORMAT in page


@pytest.mark.chain
def test_without_a_pack_actors_and_speakers_come_from_the_corpus(climate_run: Path) -> None:
    listed = (climate_run / "actors.yaml").read_text(encoding="utf-8")
    assert "discover: false" in listed  # the editable list of the run
    found = tables.read("actors", climate_run)
    assert set(found["source"]) == {"discovered"} and (found["type"] == "person").any()
    assert not found["name"].str.contains("Kosovo|NATO|Stoltenberg|Vučić").any()
    said = tables.read("quotes", climate_run)
    resolved = said[said["speaker_actor"].fillna("") != ""]
    assert len(resolved) and set(resolved["speaker_actor"]) <= set(found["actor"]) | {
        a for a in resolved["speaker_actor"] if a.startswith("ambiguous:")
    }
    assert {"speaker_type", "speaker_gender"} <= set(said.columns)
    assert len(tables.read("voices", climate_run))


@pytest.mark.chain
def test_a_folder_pack_beside_the_corpus_is_used_by_every_stage(tmp_path: Path) -> None:
    corpus = climate_corpus(tmp_path / "corpus")
    user_pack(corpus.parent / "climate-pack")
    (corpus.parent / "presslens.yaml").write_text("pack: climate-pack\n", encoding="utf-8")
    out = run_stages(corpus, tmp_path / "out")
    settings = tables.read("run_settings", out)
    assert dict(zip(settings["key"], settings["value"])) == {
        "pack": "climate",
        "pack_source": "folder",
        "outlet_comparisons": "own",
    }
    assert "/" not in "".join(settings["value"])  # no path in a table
    counts = tables.read("term_counts", out)
    assert set(counts["concept"]) == {"warming"}
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "How did the press cover the climate?" in page and "kosovo" not in page.lower()


@pytest.mark.chain
def test_the_seeds_keep_the_kosovo_question_naming_and_issue_frames(tmp_path: Path) -> None:
    out = run_stages(paths.seeds_dir(), tmp_path / "out")
    settings = tables.read("run_settings", out)
    assert dict(zip(settings["key"], settings["value"]))["pack"] == "kosovo"
    assert len(tables.read("terms", out))
    assert "issue" in set(tables.read("frame_shares", out)["scheme"])
    assert "kosovo_independence" in set(tables.read("claims", out)["event"])
    page = (out / "index.html").read_text(encoding="utf-8")
    assert KOSOVO_QUESTION in page
    assert "Naming choices" in page and "need a topic pack" not in page


def test_run_settings_hold_no_absolute_path(tmp_path: Path) -> None:
    folder = user_pack(tmp_path / "mine")
    table = packs.settings_table(packs.resolve(str(folder), ""))
    assert isinstance(table, pd.DataFrame)
    assert not any(str(tmp_path) in str(v) for v in table["value"])
