"""One actor per real-world entity (issue 19): names that are no names, places and organisations
that are never a person's surname, titles and surnames resolved to their bearer, acronyms merged,
people told apart, the merge check and name variants of one entity only.

The texts are sentences of US political news written for these tests in the style of the NewsMTSC
sentences (eval/newsmtsc), with the names of the public figures they report on."""

from __future__ import annotations

import pandas as pd
import pytest

from test_discover import _tables, discovered

from presslens.extract import actor_list, actors, discover, names, variants


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He was Secretary of State until 2013.", []),  # a title alone
        ("Republican Donald Trump won the primary.", ["Donald Trump"]),  # party: evidence
        ("Team Hillary fired back on Monday.", ["Hillary"]),
        ("Russian President Vladimir Putin said so.", ["Vladimir Putin"]),
        ("He gave the State of the Union address.", []),  # a fixed phrase
        ("A Super PAC backing Cruz spent millions.", ["Cruz"]),
        ("Sen. Rand Paul (R-Ky.) said on Sunday.", ["Rand Paul"]),  # "rand" is a word, too
        ("Voters saw Mitt Romney in Ohio.", ["Mitt Romney", "Ohio"]),
        ("Martin Luther King spoke in 1963.", ["Martin Luther King"]),
        ("Mr. King said no.", ["King"]),
        ("A Democrat said the Department would act.", []),  # no actor at all
        ("the Islamic State (ISIS) claimed the attack.", ["Islamic State", "ISIS"]),
        ("Watch on Telemundo Facebook Live tonight.", ["Telemundo", "Facebook"]),
        ("Fox News and the White House disagreed.", ["Fox News", "White House"]),
        ("the House of Representatives voted.", ["House of Representatives"]),
    ],
)
def test_names_and_what_is_no_name(sentence: str, expected: list[str]) -> None:
    assert [n.text for n in names.find(sentence)] == expected


CORPUS = {
    "a1": "President Donald Trump spoke in Washington. Trump said the deal was good.",
    "a2": "Donald Trump and his daughter Ivanka Trump met voters. Trump said he would win. "
    "Ms. Trump smiled. Mr. Trump left.",
    "a3": "Trump spoke again on Tuesday. Washington is tired of the fight.",
    "a4": "Donald Trump rallied in Iowa. Trump attacked the press.",
    "a5": "Rep. Steve Israel (D-N.Y.) criticized the plan. Israel's government said it would "
    "respond.",
    "a6": "George Washington crossed the Delaware in 1776. Israel and Egypt signed a treaty.",
    "a7": "Hillary Clinton spoke in Ohio. Hillary said she was ready. Clinton smiled.",
    "a8": "Hillary Clinton and Bill Clinton arrived. Hillary waved.",
    "a9": "the Islamic State (ISIS) claimed the attack. Officials blamed ISIL.",
    "a10": "ISIS fighters retreated. The GOP met. The Republican Party lost seats.",
    "a11": "George H. W. Bush and George W. Bush spoke. George Bush laughed.",
    "a12": "Jeb Bush spoke. George W. Bush listened. Bush said nothing.",
    "a13": "Jeb Bush campaigned. Bush smiled.",
    "a14": "Kim Jong Un fired a missile. Kim said it was a test.",
    "a15": "Eric Garner died in 2014. Erica Garner spoke in 2015.",
    "a16": "World War II ended in 1945. Some fear World War III. World War II veterans came.",
    "a17": "Prince Harry visited. Harry Reid spoke. Harry Reid left.",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    found = discovered(CORPUS, tmp_path_factory)
    return {**found, "spec": found["spec"]["actors"], "path": str(found["path"])}


def _of(run: dict, article: str, surface: str) -> list[str]:
    m = run["mentions"]
    return m[(m["article_id"] == article) & (m["surface"] == surface)]["actor"].tolist()


def test_places_are_never_a_persons_surname(run: dict) -> None:
    assert set(_of(run, "a1", "Washington")) == {"washington"}
    assert set(_of(run, "a3", "Washington")) == {"washington"}
    assert run["spec"]["washington"]["type"] == "place"
    assert _of(run, "a5", "Israel") == ["israel"]  # "Israel's government"
    assert _of(run, "a5", "Steve Israel") == ["steve_israel"]
    assert "Israel" not in run["spec"]["steve_israel"].get("surname", [])


def test_a_surname_goes_to_its_dominant_bearer_and_a_title_to_its_gender(run: dict) -> None:
    # "Trump said" beside Ivanka Trump, "Ms. Trump", "Mr. Trump"
    assert _of(run, "a2", "Trump") == ["donald_trump", "ivanka_trump", "donald_trump"]
    assert _of(run, "a3", "Trump") == ["donald_trump"]  # no bearer named in the article


def test_first_names_alone_and_titled_first_names(run: dict) -> None:
    assert _of(run, "a7", "Hillary") == ["hillary_clinton"]
    assert _of(run, "a8", "Hillary") == ["hillary_clinton"]
    harry = _of(run, "a17", "Harry")
    assert harry and "harry_reid" not in harry  # "Prince Harry" is not Harry Reid


def test_acronyms_paired_in_the_text_or_listed_are_one_actor(run: dict) -> None:
    isis = {a for a in run["mentions"]["actor"] if "isis" in a or "islamic" in a}
    assert len(isis) == 1
    assert set(_of(run, "a9", "ISIL")) == isis and set(_of(run, "a10", "ISIS")) == isis
    assert set(_of(run, "a10", "GOP")) == set(_of(run, "a10", "Republican Party"))


def test_middle_initials_and_surname_first_names_tell_people_apart(run: dict) -> None:
    assert _of(run, "a11", "George H. W. Bush") != _of(run, "a11", "George W. Bush")
    assert _of(run, "a14", "Kim") == _of(run, "a14", "Kim Jong Un") == ["kim_jong_un"]


def test_ambiguous_only_where_the_article_names_two_and_neither_dominates(run: dict) -> None:
    assert _of(run, "a12", "Bush") == ["ambiguous:Bush"]
    assert _of(run, "a13", "Bush") == ["jeb_bush"]  # the one bearer the article names


def test_different_people_and_numbers_are_never_spelling_merges(run: dict) -> None:
    assert _of(run, "a15", "Eric Garner") != _of(run, "a15", "Erica Garner")
    m = run["mentions"]
    wars = set(m[m["surface"].str.startswith("World War")]["actor"])
    assert len(wars) != 1 or not wars or len(set(m[m["surface"] == "World War III"]["actor"])) == 0


def test_the_merge_check_lists_forms_evidence_and_lookalikes(run: dict) -> None:
    m = run["mentions"].assign(outlet="one", n=1)
    check = actor_list.check_table(run["path"], "", variants.combine([m]))
    row = check.set_index("actor").loc["donald_trump"]
    assert row["forms"].startswith("Trump ") and "Donald Trump" in row["forms"]
    assert "Ivanka Trump" in row["not_merged"]
    assert "census first name" in row["type_evidence"]
    assert list(check.columns) == actor_list.CHECK_COLUMNS


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Vučić", "Vucic", True),
        ("Paul Manafort", "Paul Manfort", True),
        ("Emanuel Macron", "Emmanuel Macron", True),
        ("Alexandra Ocasio-Cortez", "Alexandria Ocasio-Cortez", True),
        ("Zelensky", "Zelenskyy", True),
        ("Fischer", "Fisher", False),  # one word apart by a letter: two people
        ("Livingston", "Livingstone", False),
        ("World War II", "World War III", False),
        ("Eric Garner", "Erica Garner", False),
        ("Melania Trump", "Melanie Trump", False),
        ("FranÃ§ois", "Franz", False),
        ("Enrique PeÃ±a Nieto", "Enrique Pena Nieto", False),
    ],
)
def test_name_variants_are_forms_of_one_entity(a: str, b: str, same: bool) -> None:
    assert variants.same_entity(a, b) is same


def test_the_variant_table_leaves_out_other_entities_and_broken_encodings() -> None:
    rows = [("x", "Emmanuel Macron", 5), ("x", "Emanuel Macron", 2), ("y", "Eric Garner", 3),
            ("y", "Erica Garner", 2), ("z", "FranÃ Hollande", 1),
            ("z", "Fran Hollande", 4)]  # fmt: skip
    s = pd.DataFrame(rows, columns=["actor", "surface", "n"]).assign(
        outlet="one", article_id="a", sent_id=1, start=0, end=1
    )
    table = variants.variant_table(s)
    assert set(table["variant"]) == {"Emmanuel Macron", "Emanuel Macron"}


@pytest.mark.parametrize(
    ("actor", "shown"),
    [
        ("donald_trump", "Donald Trump"),
        ("ambiguous:Bush", "Bush (unresolved)"),
        ("office:nato_secretary_general", "nato secretary general (office)"),
    ],  # fmt: skip
)
def test_display_names(actor: str, shown: str) -> None:
    assert actors.display_name(actor, {"donald_trump": "Donald Trump"}) == shown


PRONOUNS = {
    "p1": "Donald Trump spoke in Iowa. Ted Cruz spoke in Ohio. Trump won Iowa.",
    "p2": "A Trump supporter said he was from Ohio.",  # the supporter, not Trump
    "p3": "“I believe Ted Cruz is in the best position,” he said.",  # not the quoted name
    "p4": "Trump spoke. Gurule, a law professor, criticised him. It is wrong, he said.",
    "p5": "Trump, who is 70, said he would win.",
}


@pytest.mark.parametrize(
    ("article", "expected"),
    [("p2", []), ("p3", []), ("p4", []), ("p5", ["donald_trump"])],
)
def test_he_said_goes_only_to_a_person_it_can_mean(
    article: str, expected: list[str], tmp_path
) -> None:
    arts, sents = _tables(PRONOUNS)
    spec = discover.actors_spec(discover.name_counts(arts, sents))
    lex = {"actors": {k: v for k, v in spec["actors"].items() if k != "gurule"}}
    path = str(tmp_path / "actors.yaml")  # Gurule left out: a name presslens does not know
    discover.write_yaml(lex, path)
    m = actors.mention_table(arts, sents, name=path)
    said = m[(m["article_id"] == article) & (m["resolution"] == "pronoun")]
    assert said["actor"].tolist() == expected
