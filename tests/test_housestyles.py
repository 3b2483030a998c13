"""Tests for presslens.validate.housestyles: quotation marks per house style, offset maps."""

from __future__ import annotations

import pytest

from presslens.validate.housestyles import MARKS, STYLES, article, quote_marks, render

CURLY = "He said “I don’t think ‘so’ at all,” and left."
EXPECTED = {
    "curly": CURLY,
    "straight": "He said \"I don’t think 'so' at all,\" and left.",
    "apostrophes": "He said ''I don’t think 'so' at all,'' and left.",
    "british": "He said ‘I don’t think “so” at all,’ and left.",
    "guillemets": "He said «I don’t think ‹so› at all,» and left.",
    "lowhigh": "He said „I don’t think ‚so‘ at all,“ and left.",
}


@pytest.mark.parametrize("style", STYLES)
def test_curly_input(style: str) -> None:
    assert render(CURLY, style)[0] == EXPECTED[style]


@pytest.mark.parametrize("style", STYLES)
def test_straight_input(style: str) -> None:
    straight = "He said \"I don't think 'so' at all,\" and left."
    want = EXPECTED[style].replace("don’t", "don't")
    assert render(straight, style)[0] == want


@pytest.mark.parametrize(
    ("text", "style", "want"),
    [
        ('"A," she said. "B."', "guillemets", "«A,» she said. «B.»"),
        ('"A" and\n"B"', "lowhigh", "„A“ and\n„B“"),
        ("“Trump’s plan,” he said", "apostrophes", "''Trump’s plan,'' he said"),
        ("“the ’90s were ‘fun’ then”", "british", "‘the ’90s were “fun” then’"),
        (
            "“the voters’ ‘fair share’ of taxes”",
            "guillemets",
            "«the voters’ ‹fair share› of taxes»",
        ),
        ("“‘the states’ rights’ issue”", "lowhigh", "„‚the states’ rights‘ issue“"),
        ("He called it 'fake news' again.", "curly", "He called it ‘fake news’ again."),
        ("Back in the '90s it wasn't so.", "guillemets", "Back in the '90s it wasn't so."),
    ],
)
def test_pairs(text: str, style: str, want: str) -> None:
    assert render(text, style)[0] == want


@pytest.mark.parametrize("style", STYLES)
def test_apostrophes_kept(style: str) -> None:
    text = "Trump’s aides don’t agree; the ’90s are over and it isn't Biden's call."
    new, mapping = render(text, style)
    assert new == text
    assert mapping(len(text)) == len(text)


@pytest.mark.parametrize("style", STYLES)
def test_text_without_quotes_unchanged(style: str) -> None:
    text = "The Senate voted 51 to 49 on Tuesday.\n\nNothing else happened."
    new, mapping = render(text, style)
    assert new == text
    assert [mapping(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


@pytest.mark.parametrize("style", STYLES)
def test_offsets_of_quoted_spans(style: str) -> None:
    text = "“We won,” Smith said. Jones said it was “a ‘big’ day” for “us.”\n\n“He’s right.”"
    new, mapping = render(text, style)
    for piece in ("We won,", "big", "us.", "He’s right.", "Smith said", "Jones said it was"):
        a = text.index(piece)
        b = a + len(piece)
        assert new[mapping(a) : mapping(b)] == piece
    a = text.index("a ‘big’ day")
    b = a + len("a ‘big’ day")
    _, _, inner_open, inner_close = MARKS[style]
    assert new[mapping(a) : mapping(b)] == f"a {inner_open}big{inner_close} day"


@pytest.mark.parametrize("style", STYLES)
def test_offsets_map_unquoted_words_exactly(style: str) -> None:
    text = "“Yes,” said “Ann” to ‘Bo’ and ‘Cy’ while Dee’s dog barked."
    new, mapping = render(text, style)
    for word in ("Yes,", "said", "Ann", "Bo", "Cy", "Dee’s dog barked."):
        a = text.index(word)
        b = a + len(word)
        assert new[mapping(a) : mapping(b)] == word
    assert [mapping(i) for i in range(len(text))] == sorted(mapping(i) for i in range(len(text)))


def test_quote_marks_slots() -> None:
    assert quote_marks("“a ‘b’ c”") == [(0, 0), (3, 2), (5, 3), (8, 1)]


def test_unpaired_straight_quote_pairs_within_paragraph() -> None:
    text = '"Open quote runs on\n\n"and a new paragraph," he said.'
    new, _ = render(text, "guillemets")
    assert new == "«Open quote runs on\n\n«and a new paragraph,» he said."


@pytest.mark.parametrize("style", STYLES)
def test_article_offsets_cover_body(style: str) -> None:
    paragraphs = ["“It’s over,” Ms. Roe said.", "Nobody “agreed.”"]
    body = "\n\n".join(paragraphs)
    text, mapping = article(
        paragraphs, style, outlet="x", byline="Jane Roe", dateline="WASHINGTON — "
    )
    assert text.startswith("By Jane Roe\n\nWASHINGTON — ")
    for word in ("It’s over,", "Ms. Roe said.", "Nobody", "agreed."):
        a = body.index(word)
        assert text[mapping(a) : mapping(a + len(word))] == word
    assert mapping(len(body)) == len(text)


def test_article_plain() -> None:
    text, mapping = article(["One.", "Two."], "curly", outlet="x")
    assert text == "One.\n\nTwo."
    assert mapping(6) == 6
