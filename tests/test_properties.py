"""Property-based tests: no exception on arbitrary Unicode, offsets always valid, cleaning
idempotent."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from presslens.ingest import clean, normalize, sentences

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
NEWSY = st.lists(
    st.sampled_from(
        [
            "NATO said.",
            "Mr. Vučić spoke",
            "“We are ready,” he said.",
            "„Out of control,” he said.",
            "No time to read?",
            "Previous Article",
            "[Source: Agency]",
            "U.S. troops",
            "4,700 troops.",
            "\n",
            "\n\n",
            " ",
            "Kosovo",
            "«Da»",
            "\u00a0",
            "\r\n",
            "Headline Of A Page",
            "Next Article",
            "in 1998-1999.",
            "Get a summary",
        ]
    ),
    max_size=40,
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(TEXT, NEWSY))
def test_sentence_offsets_valid(text: str) -> None:
    prev = 0
    for a, b in sentences.spans(text):
        assert prev <= a < b <= len(text)
        assert text[a:b].strip() == text[a:b]
        prev = b


@SETTINGS
@given(st.one_of(TEXT, NEWSY))
@example("ð\x81\x8a\x86")  # ftfy keeps a C1 control between two mojibake halves; dropping it
# joins them, and a second pass used to repair again ('ðŠ†' then 'ðІ')
def test_normalize_idempotent(text: str) -> None:
    once = normalize.text(text)
    assert normalize.text(once) == once


@SETTINGS
@given(st.one_of(TEXT, NEWSY))
def test_clean_never_raises_and_is_idempotent(text: str) -> None:
    first = clean.clean(text)
    again = clean.clean(first.text, title=first.title or None)
    assert again.text == first.text
    for line, removed, rule in first.removed:
        assert line >= 1 and rule
