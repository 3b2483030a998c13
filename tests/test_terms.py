"""Naming choices: variants of contested names, longest variant wins, seeds, counts, properties."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.extract import terms
from presslens.core import packs, resources
from presslens.ingest import clean, sentences

ROOT = Path(__file__).resolve().parents[1]
TERMS = packs.files("kosovo")["terms"] or ""  # the seeds' pack, given: no default reaches it


def found(text: str) -> list[tuple[str, str, str]]:
    """(concept, variant, surface) of every naming variant, checked for valid offsets."""
    t = terms.find_terms(text, name=TERMS)
    for r in t.itertuples():
        assert text[r.start : r.end] == r.surface
    return list(zip(t["concept"], t["variant"], t["surface"]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relations between Kosovo and Metohija and Belgrade.",
            [("kosovo_name", "Kosovo and Metohija", "Kosovo and Metohija")],
        ),
        (
            "Serbia's province of Kosovo-Metohija.",
            [
                ("kosovo_status", "province", "province of Kosovo"),
                ("kosovo_name", "Kosovo and Metohija", "Kosovo-Metohija"),
            ],
        ),
        ("Belgrade calls it Kosmet.", [("kosovo_name", "Kosmet", "Kosmet")]),
        (
            "Police in Prishtina and Mitrovicë.",
            [("pristina", "Prishtina", "Prishtina"), ("mitrovica", "Mitrovicë", "Mitrovicë")],
        ),
        (
            "From Priština to Kosovska Mitrovica.",
            [
                ("pristina", "Priština", "Priština"),
                ("mitrovica", "Kosovska Mitrovica", "Kosovska Mitrovica"),
            ],
        ),
        (
            "Clashes in Zvečan, Zveçan and Leposavić.",
            [
                ("zvecan", "Zvečan", "Zvečan"),
                ("zvecan", "Zveçan", "Zveçan"),
                ("leposavic", "Leposavić", "Leposavić"),
            ],
        ),
        (
            "Rioters clashed with police in northern Kosovo.",
            [
                ("protesters", "rioters", "Rioters"),
                ("north_kosovo", "northern Kosovo", "northern Kosovo"),
                ("kosovo_name", "Kosovo", "Kosovo"),
            ],
        ),
        (
            "Kosovo unilaterally declared independence in 2008.",
            [
                ("kosovo_name", "Kosovo", "Kosovo"),
                (
                    "independence_2008",
                    "unilateral declaration",
                    "unilaterally declared independence",
                ),
            ],
        ),
        (
            "The unilateral declaration of independence was rejected.",
            [
                (
                    "independence_2008",
                    "unilateral declaration",
                    "unilateral declaration of independence",
                )
            ],
        ),
        (
            "The province seceded in 2008.",
            [
                ("kosovo_status", "province", "The province"),
                ("independence_2008", "seceded / secession", "seceded"),
            ],
        ),
        (
            "It proclaimed independence.",
            [("independence_2008", "proclaimed independence", "proclaimed independence")],
        ),
        (
            "Ethnic Serb protesters and demonstrators met ultra nationalists and militants.",
            [
                ("kosovo_serbs", "ethnic Serbs", "Ethnic Serb"),
                ("protesters", "ethnic Serb protesters", "Ethnic Serb protesters"),
                ("protesters", "protesters", "demonstrators"),
                ("protesters", "extremists / militants", "ultra nationalists"),
                ("protesters", "extremists / militants", "militants"),
            ],
        ),
        (
            "KLA fighters, the Kosovo Liberation Army, were called terrorists and insurgents.",
            [
                ("separatists_1998", "Kosovo Liberation Army / KLA", "KLA"),
                ("separatists_1998", "Kosovo Liberation Army / KLA", "Kosovo Liberation Army"),
                ("separatists_1998", "terrorists", "terrorists"),
                ("separatists_1998", "insurgents / rebels / guerrillas", "insurgents"),
            ],
        ),
        (
            "NATO aggression, the NATO bombing and the air campaign.",
            [
                ("nato_1999", "aggression", "NATO aggression"),
                ("nato_1999", "bombing / bombardment", "NATO bombing"),
                ("nato_1999", "military / air campaign", "air campaign"),
            ],
        ),
        (
            "A 78-day NATO bombardment followed NATO's intervention.",
            [
                ("nato_1999", "bombing / bombardment", "78-day NATO bombardment"),
                ("nato_1999", "intervention", "NATO's intervention"),
            ],
        ),
        (
            "In the Serb-majority north, the Kosovo north and the north of Kosovo.",
            [
                ("north_kosovo", "Serb-majority north", "Serb-majority north"),
                ("kosovo_name", "Kosovo", "Kosovo"),
                ("north_kosovo", "Kosovo north", "Kosovo north"),
                ("north_kosovo", "northern Kosovo", "the north of Kosovo"),
                ("kosovo_name", "Kosovo", "Kosovo"),
            ],
        ),
        (
            "Kosovo Serbs and the Serb community; Serb communities and Serbs.",
            [
                ("kosovo_name", "Kosovo", "Kosovo"),
                ("kosovo_serbs", "Kosovo Serbs", "Kosovo Serbs"),
                ("kosovo_serbs", "Serb community", "Serb community"),
                ("kosovo_serbs", "Serb community", "Serb communities"),
                ("kosovo_serbs", "Serbs", "Serbs"),
            ],
        ),
        (
            "Europe's youngest nation, once a southern province.",
            [
                ("kosovo_status", "youngest nation / state", "Europe's youngest nation"),
                ("kosovo_status", "province", "southern province"),
            ],
        ),
        (
            "Europe’s youngest state.",
            [("kosovo_status", "youngest nation / state", "Europe’s youngest state")],
        ),
    ],
)
def test_terms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kosovska is not a place name here; Kosovoish neither.",  # whole words only
        "The northern border and the Northwest.",
        # not the Serbs of Kosovo, not the KLA
        "Bosnian Serbs and Bosnian Serb separatist actions.",
        "A car bombing in another country.",  # not the 1999 campaign
        "The campaigners protested the price.",
        "The Kosovo Force patrols; a fixed name, not a naming choice.",
        "",
    ],
)
def test_texts_without_naming_variants(text: str) -> None:
    assert found(text) == []


def test_kosovo_inside_the_long_name_counts_once() -> None:
    t = terms.find_terms("Kosovo and Metohija; Kosovo.", name=TERMS)
    assert t[t["concept"] == "kosovo_name"]["variant"].tolist() == ["Kosovo and Metohija", "Kosovo"]


def test_another_resource_file(tmp_path: Path) -> None:
    spec = tmp_path / "mine.yaml"
    spec.write_text(
        "concepts:\n  city:\n    description: the city\n    variants:\n      - {label: Kyiv, "
        "patterns: [Kyiv], stance: Ukrainian spelling}\n      - {label: Kiev, patterns: [Kiev]}\n",
        encoding="utf-8",
    )
    t = terms.find_terms("From Kiev to Kyiv.", name=str(spec))
    assert t["variant"].tolist() == ["Kiev", "Kyiv"]
    assert terms.notes(str(spec)) == {("city", "Kyiv"): "Ukrainian spelling"}


def test_every_variant_has_a_label_and_a_pattern() -> None:
    spec = resources.load(TERMS)
    for cid, c in spec["concepts"].items():
        assert c["description"], cid
        labels = [v["label"] for v in c["variants"]]
        assert len(labels) == len(set(labels)), cid
        assert all(v["patterns"] for v in c["variants"]), cid


# --- the seeds -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_terms() -> tuple[pd.DataFrame, pd.DataFrame]:
    meta = pd.read_csv(ROOT / "seeds" / "metadata.csv", dtype=str, keep_default_na=False)
    arts = pd.DataFrame(
        {
            "article_id": meta["file"].str[:3],
            "outlet": meta["outlet"],
            "text": [
                clean.clean((ROOT / "seeds" / f).read_text(encoding="utf-8")).text
                for f in meta["file"]
            ],
            "published": [p or None for p in meta["published"]],
            "status": "ok",
        }
    )
    t = terms.term_table(arts, sentences.sentence_table(arts), name=TERMS)
    texts = dict(zip(arts["article_id"], arts["text"]))
    for r in t.itertuples():
        assert texts[r.article_id][r.start : r.end] == r.surface
    return arts, t


def _variants(t: pd.DataFrame, article: str, concept: str) -> set[str]:
    return set(t[(t["article_id"] == article) & (t["concept"] == concept)]["variant"])


def test_seed_naming_choices(seed_terms: tuple) -> None:
    _, t = seed_terms
    assert list(t.columns) == terms.COLUMNS
    assert "Kosovo and Metohija" in _variants(t, "002", "kosovo_name")  # the Serbian official name
    assert _variants(t, "002", "north_kosovo") == {"Kosovo north", "northern Kosovo", "the north"}
    assert _variants(t, "000", "kosovo_status") == {
        "youngest nation / state",
        "state / sovereignty",
        "territory / part of Serbia",
    }
    assert _variants(t, "000", "protesters") == {"ethnic Serb protesters"}
    assert _variants(t, "000", "nato_1999") == {"intervention"}
    assert _variants(t, "001", "nato_1999") == {"military / air campaign"}
    assert _variants(t, "003", "nato_1999") == {"bombing / bombardment"}
    assert _variants(t, "001", "protesters") == {"extremists / militants"}  # "ultra nationalists"
    assert _variants(t, "001", "independence_2008") == {"gained independence"}
    assert _variants(t, "003", "independence_2008") == {
        "declared independence"
    }  # "announced its independence"
    assert _variants(t, "004", "pristina") == {"Pristina"}
    assert "Kosovo" not in set(
        t[
            (t["article_id"] == "002")
            & (t["start"] >= t[t["variant"] == "Kosovo and Metohija"]["start"].min())
            & (t["end"] <= t[t["variant"] == "Kosovo and Metohija"]["end"].max())
        ]["variant"]
    )


def test_counts_per_outlet_and_article(seed_terms: tuple) -> None:
    arts, t = seed_terms
    c = terms.counts(t, arts)
    assert list(c.columns) == ["outlet", "concept", "variant", "n", "share"]
    assert c["n"].sum() == len(t)
    row = c[(c["outlet"] == "socialbites.ca") & (c["variant"] == "Kosovo and Metohija")].iloc[0]
    assert row.n == 1 and 0 < row.share < 1
    assert (c.groupby(["outlet", "concept"])["share"].sum().round(9) == 1).all()
    per_article = terms.counts(t, arts, by="article_id")
    assert set(per_article["article_id"]) == set(t["article_id"])


def test_counts_of_nothing() -> None:
    empty = terms.term_table(
        pd.DataFrame(
            {"article_id": ["a"], "text": ["Nothing here."], "status": ["ok"], "outlet": ["x"]}
        ),
        pd.DataFrame(
            {
                "article_id": ["a"],
                "sent_id": [1],
                "start": [0],
                "end": [13],
                "text": ["Nothing here."],
            }
        ),
    )
    assert empty.empty
    assert terms.counts(empty, pd.DataFrame({"article_id": ["a"], "outlet": ["x"]})).empty


# --- properties ------------------------------------------------------------------------------

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NEWSY = st.lists(
    st.sampled_from(
        [
            "Kosovo",
            " and ",
            "Metohija",
            "-",
            "Serb",
            "s",
            " protesters",
            "northern ",
            "north",
            "the ",
            "Pristina",
            "Priština",
            "NATO",
            " bombing",
            "'s",
            "’s",
            " ",
            ".",
            "\n",
            "ethnic ",
        ]
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(st.one_of(TEXT, NEWSY))
def test_find_terms_never_raises_and_offsets_are_valid(text: str) -> None:
    t = terms.find_terms(text, name=TERMS)
    for r in t.itertuples():
        assert text[r.start : r.end] == r.surface and r.surface
    assert t["start"].is_monotonic_increasing
    for _, g in t.groupby("concept"):  # within a concept, no text is counted twice
        assert (g["start"].to_numpy()[1:] >= g["end"].to_numpy()[:-1]).all()
