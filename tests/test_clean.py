"""Cleaning: every rule by in/out pairs, texts that must not change, and the seeds audited line by
line."""

from pathlib import Path

import pytest

from presslens.ingest import clean

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def cleaned(raw: str, title: str | None = "Given title") -> clean.Cleaned:
    return clean.clean(raw, title=title)


@pytest.mark.parametrize(
    ("raw", "text", "rules"),
    [
        (
            "Body one.\nNo time to read?\nGet a summary\nBody two.",
            "Body one.\nBody two.",
            ["summary_box", "summary_box"],
        ),
        (
            "Body.\nPrevious Article\n\nSome Other Headline\n\nNext Article\n\nAnother Headline",
            "Body.",
            ["article_navigation"] * 4,
        ),
        ("Body ends here. [Source: Agency briefings]", "Body ends here.", ["source_note"]),
        (
            "Body.\nShare this article\nAdvertisement\nMore body.",
            "Body.\nMore body.",
            ["share_and_subscribe", "share_and_subscribe"],
        ),
        ("Body.\n© 2025 Some Media Group. All rights reserved.", "Body.", ["copyright"]),
        (
            "A real article body ends with a sentence.\n\nFirst Unrelated Headline About "
            "Markets\nSecond Unrelated Headline On Sports\nThird Unrelated Headline Of Weather",
            "A real article body ends with a sentence.",
            ["trailing_headlines"] * 3,
        ),
    ],
)
def test_rules_remove(raw: str, text: str, rules: list[str]) -> None:
    res = cleaned(raw)
    assert res.text == text
    assert [r[2] for r in res.removed] == rules


@pytest.mark.parametrize(
    "raw",
    [
        "A sentence that mentions the previous article in passing.",
        "Kurti said: “No time to read the report was given.”",
        "The summary box was criticised. Get a summary of the talks, he said.",
        # a subheading stays
        "Violent Clashes Spark Urgent Security Concerns\n\nThe push came after clashes.",
        # fewer than 3 headline lines: kept
        "One body line.\nTwo Short Title Case Lines\nAt The End",
        "„Out of control,” he said. «Guillemets» stay.",
        "The [bracketed aside] is not a source note.",
    ],
)
def test_must_not_change(raw: str) -> None:
    res = cleaned(raw)
    assert res.text == raw
    assert res.removed == []


def test_headline_moves_to_title_and_repeated_subtitle_goes() -> None:
    res = clean.clean(
        "Kosovo Seeks Swift NATO Membership Amid Tensions\nKosovo seeks fast-track NATO "
        "membership amid tensions\n\nBody sentence."
    )
    assert res.title == "Kosovo Seeks Swift NATO Membership Amid Tensions"
    assert res.title_basis == "headline line"
    assert res.text == "Body sentence."
    assert [r[2] for r in res.removed] == ["headline", "repeated_headline"]


def test_lede_first_line_stays_in_body() -> None:
    raw = "The alliance said it is ready. It will act.\nSecond paragraph."
    res = clean.clean(raw)
    assert res.text == raw
    assert res.title == "The alliance said it is ready."
    assert res.title_basis.startswith("first sentence")


def test_source_note_goes_to_column() -> None:
    res = cleaned("Paragraph text. [Source: International security briefings]")
    assert res.source == "International security briefings"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_cleaning_idempotent_on_seeds(name: str) -> None:
    first = clean.clean((SEEDS / name).read_text(encoding="utf-8"))
    again = clean.clean(first.text, title=first.title)
    assert again.text == first.text
    assert again.removed == []


# What cleaning must remove from the seeds, line by line, and nothing else.
EXPECTED_REMOVALS = {
    "000_d650c0096b15231c.txt": {1: "headline", 2: "repeated_headline"},
    "001_bf5fc222d0da8d07.txt": {},
    "002_8a3fadcf62c2e463.txt": {
        1: "headline",
        3: "summary_box",
        4: "summary_box",
        14: "source_note",
        16: "summary_box",
        17: "summary_box",
        18: "article_navigation",
        20: "article_navigation",
        22: "article_navigation",
        24: "article_navigation",
    },
    "003_e6e0045aead664b8.txt": {},
    "004_df3df1981ea36db8.txt": {n: "trailing_headlines" for n in range(13, 30)},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVALS))
def test_seed_removals_exact(name: str) -> None:
    res = clean.clean((SEEDS / name).read_text(encoding="utf-8"))
    assert {line: rule for line, _, rule in res.removed} == EXPECTED_REMOVALS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVALS))
def test_every_body_sentence_survives(name: str) -> None:
    """Every line of the raw file that cleaning did not log as removed is in the clean text
    whole."""
    raw = (SEEDS / name).read_text(encoding="utf-8")
    res = clean.clean(raw)
    removed_lines = {line for line, _, rule in res.removed if rule != "source_note"}
    for n, line in enumerate(raw.split("\n"), start=1):
        if n in removed_lines or not line.strip():
            continue
        body = line.replace("[Source: International security briefings]", "").strip()
        assert body in res.text, f"{name}:{n} lost"
