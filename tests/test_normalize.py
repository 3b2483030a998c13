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
