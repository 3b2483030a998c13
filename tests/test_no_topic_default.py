"""No topic by default: a library call given no topic pack uses none (no actors overlay, no naming
choices, no issue frames, the generic claims only); the seeds' pack `kosovo` is reached only when it
is given. And every resource file a run lists is read by code, every pack file by the pack
loader."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from presslens.core import packs, resources
from presslens.extract import actors, claims, terms
from presslens.measure import framing

LIB = Path(framing.__file__).resolve().parents[1]  # lib/presslens
RESOURCES = LIB / "resources"
KOSOVO = {kind: f or "" for kind, f in packs.files("kosovo").items()}  # the seeds' pack, given

KOSOVO_SENTENCE = (
    "Kosovo unilaterally declared independence in 2008, and rioters clashed with police in "
    "Prishtina."
)
ACTOR_SENTENCE = (
    "NATO Secretary-General Jens Stoltenberg met Serbian President Aleksandar Vucic in Belgrade."
)


# ---- naming choices ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "with_pack"),
    [
        (
            KOSOVO_SENTENCE,
            [
                ("kosovo_name", "Kosovo"),
                ("independence_2008", "unilateral declaration"),
                ("protesters", "rioters"),
                ("pristina", "Prishtina"),
            ],
        ),
        (
            "Relations between Kosovo and Metohija and Belgrade.",
            [("kosovo_name", "Kosovo and Metohija")],
        ),
        ("The weather was mild on Tuesday.", []),  # no naming choice, pack or not
    ],
)
def test_naming_choices_only_with_the_pack(text: str, with_pack: list[tuple[str, str]]) -> None:
    assert terms.find_terms(text).empty
    assert terms.find_terms(text, name="").empty
    given = terms.find_terms(text, name=KOSOVO["terms"])
    assert list(zip(given["concept"], given["variant"])) == with_pack


def test_no_naming_notes_without_the_pack() -> None:
    assert terms.notes() == {}
    assert terms.notes(KOSOVO["terms"])  # the pack's variants carry stance notes


# ---- actors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "with_pack"),
    [
        (
            ACTOR_SENTENCE,
            "2022-08-18",
            [
                ("NATO", "nato"),
                ("Jens Stoltenberg", "jens_stoltenberg"),
                ("Aleksandar Vucic", "aleksandar_vucic"),
                ("Belgrade", "serbia"),
            ],
        ),
        ("The weather was mild on Tuesday.", None, []),
    ],
)
def test_actors_only_with_the_pack(
    text: str, published: str | None, with_pack: list[tuple[str, str]]
) -> None:
    assert actors.find_mentions(text, published=published).empty
    given = actors.find_mentions(text, published=published, name=KOSOVO["actors"])
    assert list(zip(given["surface"], given["actor"])) == with_pack
    overlay = actors.find_mentions(text, published=published, overlay=KOSOVO["actors"])
    assert list(zip(overlay["surface"], overlay["actor"])) == with_pack  # the pack as an overlay


def test_no_offices_or_actor_types_without_the_pack() -> None:
    assert actors.actor_types() == {}
    assert actors.holder("nato_secretary_general", "2022-08-18") == "office:nato_secretary_general"
    given = actors.holder("nato_secretary_general", "2022-08-18", name=KOSOVO["actors"])
    assert given == "jens_stoltenberg"


# ---- issue frames -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "generic", "issue"),
    [
        ("Peacekeeping troops were deployed to the north.", [], ["security_defence"]),
        ("Both sides accused each other of intransigence.", ["conflict"], []),
        ("The weather was mild on Tuesday.", [], []),
    ],
)
def test_issue_frames_only_with_the_pack(sentence: str, generic: list, issue: list) -> None:
    default = framing.code_sentences(sentence)
    assert set(default["scheme"]) <= {"generic"}
    assert sorted(set(default["frame"])) == generic
    given = framing.code_sentences(sentence, issue=KOSOVO["issue_frames"])
    assert sorted(set(given.loc[given["scheme"] == "issue", "frame"])) == issue
    assert sorted(set(given.loc[given["scheme"] == "generic", "frame"])) == generic


def test_no_issue_frames_in_the_default_schemes() -> None:
    assert framing.schemes()["issue"] == []
    assert framing.schemes(issue=KOSOVO["issue_frames"])["issue"]


# ---- claims -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "default", "with_pack"),
    [
        (  # the event a year dates is the pack's
            "Kosovo gained independence through a NATO military campaign launched in 1999.",
            [("year", 1999.0, "")],
            [("year", 1999.0, "nato_campaign_1999")],
        ),
        (  # a generic quantity is counted with or without the pack
            "There are nearly 4,000 peacekeeping troops in Kosovo.",
            [("troops", 4000.0, "")],
            [("troops", 4000.0, "")],
        ),
        ("The weather was mild on Tuesday.", [], []),
    ],
)
def test_claims_are_generic_without_the_pack(sentence: str, default: list, with_pack: list) -> None:
    def got(found: list[dict]) -> list[tuple]:
        return [(c["quantity"], c["value"], c["event"]) for c in found]

    assert got(claims.find(sentence)) == default
    assert got(claims.find(sentence, name=claims.GENERIC)) == default
    assert got(claims.find(sentence, name=KOSOVO["claims"])) == with_pack


def test_the_generic_claims_date_no_event() -> None:
    assert claims.patterns().events == {}
    assert claims.GENERIC == packs.GENERIC_CLAIMS


# ---- a pack's file by its bare name is no resource --------------------------------------------


@pytest.mark.parametrize("name", ["actors.yaml", "terms.yaml", "issue_frames.yaml", "claims.yaml"])
def test_a_bare_pack_file_name_raises_and_says_where_it_is(name: str) -> None:
    with pytest.raises(resources.ResourceError, match="topic pack.*kosovo"):
        resources.load(name)
    with pytest.raises(FileNotFoundError):  # ResourceError is a FileNotFoundError
        resources.load(name)


@pytest.mark.parametrize(
    ("name", "loaded"),
    [("", {}), ("claims_generic.yaml", "units"), ("numbers.yaml", "words")],
)
def test_shipped_resources_still_load(name: str, loaded: object) -> None:
    got = resources.load(name)
    assert got == loaded if isinstance(loaded, dict) else loaded in got


def test_an_unknown_resource_raises_without_a_pack_hint() -> None:
    with pytest.raises(resources.ResourceError) as err:
        resources.load("no_such_list.yaml")
    assert "topic pack" not in str(err.value)


# ---- every resource a run lists is read by code -----------------------------------------------

NOT_READ_BY_NAME = {
    "gold": "validation data sets, read by validate/ through their folder",
    "nbconvert": "nbconvert templates, found by nbconvert through their folder",
    "packs": "topic packs, read by presslens.core.packs through each pack.yaml",
}


def _code_strings() -> str:
    """Every string constant of the library's code but docstrings, joined by new lines."""
    out = []
    for f in sorted(LIB.rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        docs = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        out += [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
        ]
    return "\n".join(out)


def _listed() -> list[Path]:
    """The resource files a run's manifest lists and code must read (licences aside)."""
    return [
        p
        for p in sorted(RESOURCES.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.relative_to(RESOURCES).parts[0] not in NOT_READ_BY_NAME
        and "LICENSE" not in p.name
    ]


def test_every_listed_resource_is_named_in_code() -> None:
    code = _code_strings()
    assert len(_listed()) >= 15
    unread = [str(p.relative_to(RESOURCES)) for p in _listed() if p.name not in code]
    assert unread == [], f"resource files no code names (read them or remove them): {unread}"


def test_the_number_words_are_read_from_numbers_yaml() -> None:
    from presslens.extract import claim_units

    spec = resources.load("numbers.yaml")
    nums = claim_units.numbers()
    assert set(nums.words) == {str(k).lower() for k in spec["words"]}
    assert nums.months == frozenset(str(m).lower() for m in spec["months"])


@pytest.mark.parametrize("pack", packs.available())
def test_every_pack_file_exists_is_listed_and_loads(pack: str) -> None:
    folder = packs.folder(pack)
    assert folder is not None
    spec = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    assert set(spec["files"]) <= set(packs.KINDS)
    files = packs.files(pack)
    for kind, rel in spec["files"].items():
        assert files[kind] == str(folder / rel) and Path(files[kind]).is_file(), (pack, kind)
    in_folder = {p.name for p in folder.iterdir() if p.is_file()} - {"pack.yaml"}
    assert in_folder == set(spec["files"].values()), "a file of the pack its pack.yaml omits"
    if files["terms"]:
        assert terms.compiled(files["terms"])
    if files["actors"]:
        assert actors.actor_types(name=files["actors"])
    if files["issue_frames"]:
        assert framing.schemes(issue=files["issue_frames"])["issue"]
    if files["claims"]:
        assert claims.patterns(files["claims"]).unit_of
