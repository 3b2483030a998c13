"""The fast paths of quote extraction (issue 24) against the old behaviour: necessary-condition
prefilters before the expensive patterns (quotes._INDIRECT, attribution_cues.NOUN_CUE,
quote_marks._SINGLE_LEAD, quotes._BEFORE_END/_ANYWHERE) never turn down a text the pattern would
match, and quotes.extract gives what it gave before them (the expected rows were made with the code
before them) on real news sentences of several house styles, including sentences with no quote;
the frames of an article grouped without pandas (measure.framing._groups) are what groupby gave."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from presslens.extract import attribution_cues as cues
from presslens.extract import quote_marks as marks
from presslens.extract import quotes
from presslens.measure import framing

# (text, [(speaker, cue, kind, start, end), ...]) from narrative-frames (climate, 2017-2019) and
# NewsMTSC (political news); straight, curly and British single quotes, and no quotes at all
CASES = [
    (
        "She falsely paints his\xa0repeated denunciation, in the days after the"
        " interview, as backtracking.",
        [],
    ),
    (
        "He asked Trump to call on Republicans to repeal Obamacare in early July if"
        " they cannot reach an agreement on a comprehensive plan by then.",
        [("He", "asked", "indirect", 9, 137)],
    ),
    (
        "It is to end the injustice,' \" Page told WCCO-TV in January.",
        [],
    ),
    (
        "Trump Blames 'LameStream Media' for Forcing Out John Ratcliffe",
        [],
    ),
    (
        'Chuang ruled he "should not, and will not, second-guess the conclusion that'
        ' national security interests would be served by the travel ban."',
        [("", "", "direct", 17, 137)],
    ),
    (
        'She noted that "going on the Sunday shows is not my favorite thing," a'
        " possible reference to claims that she declined to go on television Sept."
        " 16.",
        [("She", "noted", "direct", 16, 66)],
    ),
    (
        "Senate Majority Leader Mitch McConnell said Monday that he doesn't believe"
        ' that most news is "fake news," a view that President Trump often tweets'
        " about.",
        [("Senate Majority Leader Mitch McConnell", "said", "mixed", 56, 152)],
    ),
    (
        "“It is my opinion that you are a key conspirator in this scheme to defraud"
        " the United States,” Cox told Schmidt in court.",
        [("Cox", "told Schmidt", "direct", 1, 92)],
    ),
    (
        "“She said the inspector had decided it was not ‘cost effective’ to"
        " investigate it in terms of the cost and manpower hours.",
        [("", "", "direct", 1, 121)],
    ),
    (
        'He\'s expected to later have a "working lunch" with newly elected French'
        " President Emmanuel Macron, McMaster said.",
        [("McMaster", "said", "direct", 31, 44)],
    ),
    (
        "Unlike Trump, Obama never invited Sisi to the White House.",
        [],
    ),
    (
        "He was then denied unemployment compensation because he had been terminated"
        ' for employee-related "misconduct."',
        [],
    ),
    (
        "Mike Lee, Utah Republican, agreed, though he was unsure whether Mr. Comey’s"
        " leak of the memos was a crime.",
        [],
    ),
    (
        "A constant target for DDoS attacks, his blog has been censored in Venezuela,"
        " where Maduro’s henchmen have blocked access to websites, shut down certain"
        " newspapers and closed TV stations.",
        [],
    ),
    (
        "Leeds Crown Court heard Mr Burling's estranged father had sent texts urging"
        " her to take their son to the GP.",
        [],
    ),
    (
        'I indicated to him that if he did not resign, I would seek to replace him."',
        [],
    ),
    (
        "In February, he attacked Trump for ignoring climate change in his State of"
        " the Union address.",
        [("he", "attacked", "indirect", 25, 92)],
    ),
    (
        "Mayor Luigi Brugnaro has estimated the damage to Venice at hundreds of millions of euros.",
        [],
    ),
    (
        "Trump, who has called climate change a hoax, argued in June that withdrawing"
        " from the Paris Agreement would benefit the U.S.",
        [("Trump", "argued", "indirect", 65, 123)],
    ),
    (
        "It's going to be something, to quote another movie, from the movie The Fly,"
        " 'Be afraid, be very afraid.'",
        [("", "", "direct", 77, 102)],
    ),
    (
        "The young-activist attracted international attention after holding a sign"
        " that said 'skolstrejk för klimatet' or 'School strike for the climate' in"
        " Swedish parliament last year.",
        [],
    ),
    (
        "We can't be satisfied by saying 'someone else will do it,'\" the pope said.",
        [("", "", "direct", 33, 56)],
    ),
    (
        "Keith also dismissed the view that climate engineers like himself were on a"
        " mission to prove that climate engineering worked at all costs, or else see"
        " the importance of decades of their life's work evaporate.\"",
        [("", "view that", "indirect", 35, 209)],
    ),
    (
        "And there are fears that the eventual death toll will rise much higher, with"
        " almost 1,300 people still unaccounted for.",
        [("", "fears that", "indirect", 25, 118)],
    ),
    (
        "Etc. Often, when I stupidly engage people who sincerely claim that"
        ' Republicans or conservatives don\'t "believe in science," I like to point'
        " out that many liberals and leftists have problems with science, too.",
        [],
    ),
    (
        "A recent avalanche of evidence that the climate is already changing"
        ' radically has hardened the case for immediate action."',
        [],
    ),
    (
        "I think that's going to be determined by the president as we move forward.\"",
        [],
    ),
    (
        'EPA maintains that Superfund is a "top priority" and that it "is making'
        " great strides in accelerating sites through remediation and back to"
        ' productive use."',
        [("EPA", "maintains", "mixed", 19, 156)],
    ),
    (
        "But the Trump administration on Tuesday announced plans to repeal the United"
        " States' only major policy to combat climate change.",
        [],
    ),
    (
        "While the previous administration let science and data drive its climate"
        " agenda, the Trump administration has had one goal in mind: destroying"
        " former President Obama's environmental legacy.",
        [],
    ),
    (
        "associated with such disasters aremounting.",
        [],
    ),
    (
        "Nonetheless, China is expected to be one of the countries to announce"
        " theirintention to set more drastic emissions targets at today's summit.",
        [],
    ),
    (
        "If that holds true, the new court will likely be harder to convince of the"
        " importance of environmental laws.",
        [],
    ),
    (
        'And many of those papers showed different results."',
        [],
    ),
]
TEXTS = [t for t, _ in CASES]
# hand-made texts: one reporting verb at the very end, a cue inside a word, masked quotes
EXTRA = [
    "The reforms were necessary, Jesse Kanu warned.",
    "\x00\x00\x00\x00\x00\x00\x00\x00 Roland Bolling added.",
    "Officials said: \x00\x00\x00\x00\x00\x00",
    "The prime minister told reporters on Monday that the talks had failed.",
    "Her claim that the data were faked drew a rebuke.",
    "Their worries\tthat\tthe plan fails are old.",
    "The saying goes that nothing is certain.",
    "Unsaid things stay unsaid.",
    "He said: 'We will win.' Then he left.",
    "She told the BBC, 'It is over,' and went home.",
    "Rock 'n' roll in the '90s, don't you think, Jones' house",
    "",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extract_as_before(text: str, expected: list[tuple[str, str, str, int, int]]) -> None:
    """quotes.extract gives the rows it gave before the prefilters (none where there were none)."""
    got = quotes.extract(text)[["speaker", "cue", "kind", "start", "end"]]
    assert [tuple(r) for r in got.itertuples(index=False)] == expected


def _masked(text: str) -> str:
    """A text with its quotations blanked, as quotes._found searches it."""
    return marks.mask_quotes(text, marks.quote_spans(text))


def _starts(text: str) -> list[int]:
    """Every offset of a text and its end."""
    return list(range(len(text) + 1))


@pytest.mark.parametrize("text", TEXTS + EXTRA)
def test_report_verb_is_necessary(text: str) -> None:
    """Wherever quotes._INDIRECT matches from a position, cues.REPORT_VERB matches from it too."""
    for s in (text, _masked(text)):
        for pos in _starts(s):
            m = quotes._INDIRECT.search(s, pos)
            if m is not None:
                assert cues.REPORT_VERB.search(s, pos) is not None, (s, pos)


@pytest.mark.parametrize("text", TEXTS + EXTRA)
def test_noun_that_is_necessary(text: str) -> None:
    """Wherever cues.NOUN_CUE matches, cues.NOUN_THAT does."""
    for s in (text, _masked(text)):
        if cues.NOUN_CUE.search(s) is not None:
            assert cues.NOUN_THAT.search(s) is not None


@pytest.mark.parametrize("text", TEXTS + EXTRA)
def test_may_lead_is_necessary(text: str) -> None:
    """Before every possible opening straight single quote, _may_lead holds where _SINGLE_LEAD
    matches; and on every prefix of the text."""
    leads = [text[max(0, i - marks._LEAD_REACH) : i] for i in _starts(text)]
    for lead in leads:
        if marks._SINGLE_LEAD.search(lead):
            assert marks._may_lead(lead), lead


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("He said: ", True),
        ("She told reporters ", True),
        ("in a statement,", True),
        ("he said\t", True),
        ("Trump", False),
        ("don", False),
        ("the '", False),
        ("", False),
    ],
)
def test_may_lead_pairs(lead: str, expected: bool) -> None:
    """_may_lead: true only when the window ends with ":", "," or a blank."""
    assert marks._may_lead(lead) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her claim that the data were faked drew a rebuke.", True),
        ("Their worries\tthat\tthe plan fails are old.", True),
        ("The claim was old.", False),
        ("A view thatched with reeds.", False),
    ],
)
def test_noun_that_pairs(text: str, expected: bool) -> None:
    """NOUN_THAT: a claim noun, then "that" and a blank."""
    assert (cues.NOUN_THAT.search(text) is not None) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prime minister told reporters on Monday that the talks had failed.", "told"),
        ("Scientists found the ice is melting.", "found"),
        ("The reforms were necessary, Jesse Kanu warned.", None),
        ("Officials said: the talks failed.", None),
        ("Unsaid things stay unsaid.", None),
    ],
)
def test_report_verb_pairs(text: str, expected: str | None) -> None:
    """REPORT_VERB: a verb of _INDIRECT's cue groups between blanks."""
    m = cues.REPORT_VERB.search(text)
    assert (re.split(r"\s", m.group())[0] if m else None) == expected


@pytest.mark.parametrize("text", TEXTS + EXTRA)
def test_direct_verb_is_necessary(text: str) -> None:
    """On every head of a text (the words before a quote), where quotes._BEFORE_END or
    quotes._ANYWHERE matches, cues.DIRECT_VERB does."""
    s = _masked(text)
    for i in _starts(s):
        before = s[:i]
        if quotes._BEFORE_END.search(before) or quotes._ANYWHERE.search(before):
            assert cues.DIRECT_VERB.search(before) is not None, before


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Kurti told reporters, ", True),
        ("Trump called it ", True),
        ("The new rule ", False),
        ("Said ", False),
        ("", False),
    ],
)
def test_direct_verb_pairs(before: str, expected: bool) -> None:
    """DIRECT_VERB: a verb that may introduce a quotation, after a blank."""
    assert (cues.DIRECT_VERB.search(before) is not None) is expected


def _frames_of(texts: list[str]) -> pd.DataFrame:
    """The frames table of some texts (article_id = position)."""
    sents, _ = framing.sentences_of(texts)
    return framing.frame_table(sents)


@pytest.mark.parametrize(
    "texts",
    [
        [" ".join(TEXTS[:12]), " ".join(TEXTS[12:24]), " ".join(TEXTS[24:])],
        ["Officials said the talks went well.", "Unlike Trump, Obama never invited Sisi."],
        ["No frame here at all."],
    ],
)
def test_frame_groups_as_groupby(texts: list[str]) -> None:
    """framing._groups holds what frames.groupby held: the same keys, and per key the sentence
    ids, cues and questions in row order."""
    frames = _frames_of(texts)
    want = {
        k: (list(g["sent_id"]), list(g["cue"]), list(g["question"]))
        for k, g in frames.groupby(["article_id", "scheme", "frame"])
    }
    assert framing._groups(frames) == want


def test_frame_groups_drop_missing_keys() -> None:
    """A row with a missing key is in no group (as groupby drops it); no rows, no groups."""
    frames = pd.DataFrame(
        {
            "article_id": ["a", None, "a"],
            "sent_id": [1, 2, 3],
            "scheme": ["generic", "generic", "generic"],
            "frame": ["conflict", "conflict", float("nan")],
            "question": ["CO1", "CO1", "CO2"],
            "cue": ["clash", "feud", "blame"],
            "start": [0, 5, 9],
            "end": [4, 9, 14],
        }
    )
    assert framing._groups(frames) == {("a", "generic", "conflict"): ([1], ["clash"], ["CO1"])}
    assert framing._groups(frames.astype({"article_id": object})) == framing._groups(frames)
    assert framing._groups(frames.iloc[:0]) == {}
