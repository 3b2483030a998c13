"""Unicode normalisation: parametrized in/out pairs, including texts that must not change."""

import pytest

from presslens.ingest import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("non\u00a0breaking\u2009space", "non breaking space"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("NUL\x00byte", "NULbyte"),
        ("\ufeffBOM at start", "BOM at start"),
        ("trailing   \nspaces  ", "trailing\nspaces"),
        ("cafe\u0301", "caf\u00e9"),  # composed (NFC)
        ("a\u2028b", "a\nb"),
    ],
)
def test_normalises(raw: str, expected: str) -> None:
    assert normalize.text(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "“curly double” and ‘curly single’",
        "„low-high German quotes“ and „Balkan style”",
        "«guillemets» and ‹single›",
        "\"straight\" and 'straight'",
        "Vučić, Priština, Mitrovicë — em dash – en dash",
        "1998–1999 and 4,700 troops",
        "Line one\n\nLine three",
    ],
)
def test_leaves_text_alone(kept: str) -> None:
    assert normalize.text(kept) == kept


# Real sentences as they arrive after a wrong decoding: UTF-8 bytes read as Windows-1252 or
# Latin-1, once or twice.
SENTENCES = [
    "Mexico’s president, Enrique Peña Nieto, met François Hollande in Paris.",
    "The résumé of S.V. Dáte lists “investigative” work — and more.",
    "São Paulo’s mayor said the €2 billion plan was “not enough.”",
    "Zürich and Malmö signed the pact; Łódź and Kraków did not.",
    "He said: „We will not leave,” and the crowd cheered.",
]


def _broken(sentence: str, encoding: str, times: int) -> str:
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    for _ in range(times):
        sentence = sentence.encode("utf-8").decode(encoding)
    return sentence


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ["sloppy-windows-1252", "latin-1"])
@pytest.mark.parametrize("times", [1, 2])
def test_repairs_mojibake(sentence: str, encoding: str, times: int) -> None:
    broken = _broken(sentence, encoding, times)
    assert broken != sentence
    fixed, repairs = normalize.text_and_repairs(broken)
    assert fixed == sentence
    assert repairs >= 1


@pytest.mark.parametrize(
    ("raw", "expected", "repairs"),
    [
        ("rÃ©sumÃ©", "résumé", 1),
        ("Enrique PeÃ±a Nieto and S.V. DÃ¡te", "Enrique Peña Nieto and S.V. Dáte", 2),
        ("itâ€™s “fine”", "it’s “fine”", 1),
        ("Water Lilies &amp; Boiling Water", "Water Lilies & Boiling Water", 1),
        ("the conditions&#8211;drought", "the conditions–drought", 1),
        ("FranÃ§ois\n\nsaid &quot;no&quot;", 'François\n\nsaid "no"', 2),
    ],
)
def test_repairs_counted(raw: str, expected: str, repairs: int) -> None:
    assert normalize.text_and_repairs(raw) == (expected, repairs)


@pytest.mark.parametrize(
    "kept",
    [
        "São Paulo and Brasília",
        "SÃO PAULO E CORAÇÃO",
        "Ó Conchúir’s “plan” and ‘Vučić’",
        '€5 — “q” ‘x’ "y" – «z»',
        "R&D and AT&T; Q&A",
        "café… and naïve",
        "Line one\n\nLine three",
    ],
)
def test_repair_leaves_text_alone(kept: str) -> None:
    assert normalize.text_and_repairs(kept) == (kept, 0)
