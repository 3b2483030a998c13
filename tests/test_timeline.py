"""Tests of presslens.extract.timeline, the TIMEX3 temporal expression tagger.

Gold set (eval/seeds-timex/timex_gold.csv)
------------------------------------
Every temporal expression in the five seed articles, annotated by hand, one row each: file,
expression (exact text), occurrence (n-th match of that text in the file, not counting matches
inside a longer word), type, value, note. Conventions, following TimeML's TIMEX3 guidelines where
they decide and the module docstring of presslens.extract.timeline where they leave a choice:

* Extent: the smallest phrase that names the time, with its approximation modifier ("about a
  decade") and "since" ("since 2009", which changes what it bounds) but without plain prepositions
  ("in 2008", "on Thursday") or the noun it modifies ("the 1998-1999 war" -> "1998-1999").
* Values are resolved against the publication date in seeds/metadata.csv (004: Thursday
  2022-08-18, so "Wednesday" is 2022-08-17 and "Thursday" the publication day itself); 000 is
  undated, so its relative expressions keep vague values (PAST_REF, PRESENT_REF).
* Year ranges are ISO 8601 intervals ("1998/1999"); decades are unit DE ("decades" -> PXDE,
  "about a decade" -> P1DE); times of day PT ("hours-long" -> PTXH).
* recent/recently are PAST_REF, now/currently PRESENT_REF. Not annotated: adjectives that locate
  nothing in time ("current crisis", "ongoing", "upcoming", "former", "future integration", "a
  stable
  future", "long-term"), "early election" (a snap election), "Morning Recipes", "No time to read?",
  and the idiom "yesterday rather than tomorrow" (000: join NATO at once; it names no day).
* The list of unrelated headlines appended to 004 when it was captured (late 2025) is annotated too
  ("2026 Budget", "Since 2023", "January Hearing"); "January" there is January 2026 in truth, which
  no tagger can know from the 2022 publication date: an expected value miss.

Run ``pytest tests/test_timeline.py -k gold -s`` to print precision, recall, F1 and value accuracy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presslens.extract import timeline
from presslens.validate import timex_gold

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds-timex" / "timex_gold.csv"


def found(text: str, reference: object = None) -> list[tuple[str, str, str]]:
    """(text, type, value) of each expression tagged in `text`."""
    df = timeline.tag(text, reference)
    return list(zip(df["text"], df["type"], df["value"]))


def row(text: str, expression: str, reference: object = None) -> pd.Series:
    """The tagged row whose text is `expression` (fails if there is none)."""
    df = timeline.tag(text, reference)
    hits = df[df["text"] == expression]
    assert len(hits) == 1, (
        f"{expression!r} not tagged once in {text!r}: {df[['text', 'value']].values.tolist()}"
    )
    return hits.iloc[0]


def missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


# ------------------------------------------------------------------------------------------------
# The interface


def test_columns_and_empty_result() -> None:
    empty = timeline.tag("Nothing temporal here, just 4,700 troops.")
    assert list(empty.columns) == timeline.COLUMNS
    assert empty.empty
    full = timeline.tag("In 2008 Kosovo declared independence.")
    assert list(full.columns) == timeline.COLUMNS
    assert full["start"].dtype == "int64" and full["end"].dtype == "int64"


def test_rows_sorted_and_offsets_match() -> None:
    text = (
        "Speaking Wednesday, Stoltenberg said talks resume September 1; Kosovo declared "
        "independence in "
        "2008, about a decade after the 1998-1999 conflict and its 78-day bombing, two years ago."
    )
    df = timeline.tag(text, "2022-08-18")
    assert list(df["start"]) == sorted(df["start"])
    for start, end, expr in zip(df["start"], df["end"], df["text"]):
        assert text[start:end] == expr
    assert set(df["type"]) <= set(timeline.TYPES)
    assert set(df["anchor"]) <= set(timeline.ANCHORS)


@pytest.mark.parametrize(
    "reference",
    [
        "2022-08-18",
        dt.date(2022, 8, 18),
        dt.datetime(2022, 8, 18, 15, 30),
        pd.Timestamp("2022-08-18"),
    ],
)
def test_reference_forms(reference: object) -> None:
    assert found("They met Wednesday.", reference) == [("Wednesday", "DATE", "2022-08-17")]


@pytest.mark.parametrize("reference", [None, "", float("nan"), pd.NaT])
def test_missing_reference_leaves_relative_unresolved(reference: object) -> None:
    r = row("They met Wednesday.", "Wednesday", reference)
    assert (r["value"], r["anchor"]) == ("XXXX-WXX-3", "none")
    assert missing(r["begin"]) and missing(r["finish"])


def test_never_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    class Frozen(dt.date):
        @classmethod
        def today(cls):  # type: ignore[override]
            raise AssertionError("tag must not read the clock")

    monkeypatch.setattr(dt, "date", Frozen)  # the datetime module every part of the tagger uses
    assert found("It happened yesterday.") == [("yesterday", "DATE", "XXXX-XX-XX")]


# ------------------------------------------------------------------------------------------------
# Rules: (text, reference, expected [(expression, type, value)] in order)

CASES = [
    # years, and numbers that are not years
    ("Kosovo declared independence in 2008.", None, [("2008", "DATE", "2008")]),
    ("NATO's campaign launched in 1999 ended the war.", None, [("1999", "DATE", "1999")]),
    ("1999 was a turning point.", None, [("1999", "DATE", "1999")]),
    (
        "The 1999 NATO bombing, the 2008 declaration.",
        None,
        [("1999", "DATE", "1999"), ("2008", "DATE", "2008")],
    ),
    ("Argentina Congress Approves 2026 Budget Under Milei", None, [("2026", "DATE", "2026")]),
    (
        "Talks were held in 2008 and 2009.",
        None,
        [("2008", "DATE", "2008"), ("2009", "DATE", "2009")],
    ),
    ("KFOR comprises around 4,700 troops from 29 nations.", None, []),
    ("Over 30 NATO peacekeeping soldiers were injured.", None, []),
    ("Canada Announces $2.5 Billion Economic Aid Package", None, []),
    ("NATO sent 2000 troops and 1500 police officers.", None, []),
    ("See page 2010 of the report, and the $2008 fee.", None, []),
    ("A 2000-strong force was deployed.", None, []),
    # year ranges
    ("the 1998-1999 war", None, [("1998-1999", "DATE", "1998/1999")]),
    ("the 1998\u201399 war", None, [("1998\u201399", "DATE", "1998/1999")]),
    ("fighting from 1998 to 1999", None, [("from 1998 to 1999", "DATE", "1998/1999")]),
    ("fighting between 1998 and 1999", None, [("between 1998 and 1999", "DATE", "1998/1999")]),
    ("part no. 2019-2018 is backwards", None, []),
    # since
    ("As a member since 2009, Albania takes part.", "2023-11-22", [("since 2009", "DATE", "2009")]),
    (
        "Since September 2021 nothing moved.",
        "2022-08-18",
        [("Since September 2021", "DATE", "2021-09")],
    ),
    # full dates and month-year
    ("It happened on August 18, 2022.", None, [("August 18, 2022", "DATE", "2022-08-18")]),
    ("It happened on 18 August 2022.", None, [("18 August 2022", "DATE", "2022-08-18")]),
    ("It happened on 2022-08-18.", None, [("2022-08-18", "DATE", "2022-08-18")]),
    ("It happened on Aug. 18, 2022.", None, [("Aug. 18, 2022", "DATE", "2022-08-18")]),
    ("It happened on Sept. 3, 2021.", None, [("Sept. 3, 2021", "DATE", "2021-09-03")]),
    (
        "It happened on the 4th of July 2020.",
        None,
        [("the 4th of July 2020", "DATE", "2020-07-04")],
    ),
    (
        "Wednesday, August 17, 2022, was hot.",
        None,
        [("Wednesday, August 17, 2022", "DATE", "2022-08-17")],
    ),
    ("Inflation peaked in August 2022.", None, [("August 2022", "DATE", "2022-08")]),
    ("It was February 30, 2022.", None, [("2022", "DATE", "2022")]),  # no such day: only the year
    # month and day resolved against the reference
    ("the September 1 deadline", "2022-08-18", [("September 1", "DATE", "2022-09-01")]),
    ("postponed until Dec. 10", "2022-08-18", [("Dec. 10", "DATE", "2022-12-10")]),
    ("the vote on 1 September", "2022-08-18", [("1 September", "DATE", "2022-09-01")]),
    ("the March 5 attack", "2022-08-18", [("March 5", "DATE", "2022-03-05")]),
    ("the January 5 talks", "2022-08-18", [("January 5", "DATE", "2023-01-05")]),
    ("the December 20 vote", "2023-01-02", [("December 20", "DATE", "2022-12-20")]),
    ("the September 1 deadline", None, [("September 1", "DATE", "XXXX-09-01")]),
    # bare months
    ("Talks resumed in May.", "2023-06-10", [("May", "DATE", "2023-05")]),
    ("In March, they met.", "2023-06-10", [("March", "DATE", "2023-03")]),
    (
        "White House Ballroom Plans Face Scrutiny Ahead of January Hearing",
        "2025-12-20",
        [("January", "DATE", "2026-01")],
    ),
    (
        "The talks are expected in early October.",
        "2023-06-10",
        [("early October", "DATE", "2023-10")],
    ),
    ("Talks resumed in May.", None, [("May", "DATE", "XXXX-05")]),
    # may / march as words
    (
        "The September 1 deadline, which may fuel further unrest.",
        "2022-08-18",
        [("September 1", "DATE", "2022-09-01")],
    ),
    ("May I ask a question?", "2023-06-10", []),
    ("Theresa May said the talks failed.", "2023-06-10", []),
    ("Protesters march on Pristina; they will march again.", "2023-06-10", []),
    ("March on, they said.", "2023-06-10", []),
    ("Jan Kubis, the UN envoy, spoke.", "2023-06-10", []),
    (
        "May 2023 was calm, and so was March 2023.",
        None,
        [("May 2023", "DATE", "2023-05"), ("March 2023", "DATE", "2023-03")],
    ),
    # weekdays
    (
        "Speaking at a press conference with Vucic Wednesday, Stoltenberg said.",
        "2022-08-18",
        [("Wednesday", "DATE", "2022-08-17")],
    ),
    ("Borrell told reporters Thursday.", "2022-08-18", [("Thursday", "DATE", "2022-08-18")]),
    ("The talks on Friday failed.", "2022-08-18", [("Friday", "DATE", "2022-08-12")]),
    ("The leaders will meet Friday.", "2022-08-18", [("Friday", "DATE", "2022-08-19")]),
    ("On Friday they will sign the deal.", "2022-08-18", [("Friday", "DATE", "2022-08-19")]),
    (
        "the upcoming discussions with Kurti Thursday",
        "2022-08-18",
        [("Thursday", "DATE", "2022-08-18")],
    ),
    (
        "He met them Wednesday and will meet Kurti later.",
        "2022-08-18",
        [("Wednesday", "DATE", "2022-08-17")],
    ),
    ("They meet again next Monday.", "2022-08-18", [("next Monday", "DATE", "2022-08-22")]),
    ("They met last Monday.", "2022-08-18", [("last Monday", "DATE", "2022-08-15")]),
    ("They met last Thursday.", "2022-08-18", [("last Thursday", "DATE", "2022-08-11")]),
    (
        "Clashes broke out on Sunday night.",
        "2022-08-18",
        [("Sunday night", "TIME", "2022-08-14TNI")],
    ),
    ("They met Wednesday.", None, [("Wednesday", "DATE", "XXXX-WXX-3")]),
    ("The Sunday Times and the Good Friday Agreement.", "2022-08-18", []),
    # relative to the publication date
    ("agreements made two years ago", "2025-03-11", [("two years ago", "DATE", "2023")]),
    ("agreements made two years ago", None, [("two years ago", "DATE", "XXXX")]),
    ("a year ago", "2025-03-11", [("a year ago", "DATE", "2024")]),
    ("three months ago", "2022-08-18", [("three months ago", "DATE", "2022-05")]),
    ("five days ago", "2022-08-18", [("five days ago", "DATE", "2022-08-13")]),
    ("decades ago", "2022-08-18", [("decades ago", "DATE", "PAST_REF")]),
    ("a few years ago", "2022-08-18", [("a few years ago", "DATE", "PAST_REF")]),
    ("They met last week.", "2022-08-18", [("last week", "DATE", "2022-W32")]),
    ("They meet this week.", "2022-08-18", [("this week", "DATE", "2022-W33")]),
    ("They meet next week.", "2022-08-18", [("next week", "DATE", "2022-W34")]),
    ("They met last week.", None, [("last week", "DATE", "XXXX-WXX")]),
    ("Tensions escalated this month.", "2022-08-18", [("this month", "DATE", "2022-08")]),
    (
        "Tensions escalated earlier this month.",
        "2022-08-18",
        [("earlier this month", "DATE", "2022-08")],
    ),
    ("Tensions escalated last month.", "2022-08-18", [("last month", "DATE", "2022-07")]),
    ("Tensions escalated last month.", "2022-01-18", [("last month", "DATE", "2021-12")]),
    ("They met yesterday.", "2022-08-18", [("yesterday", "DATE", "2022-08-17")]),
    ("We did not agree today.", "2022-08-18", [("today", "DATE", "2022-08-18")]),
    ("They meet tomorrow.", "2022-08-18", [("tomorrow", "DATE", "2022-08-19")]),
    ("They meet tomorrow.", None, [("tomorrow", "DATE", "XXXX-XX-XX")]),
    ("Elections are due this year.", "2022-08-18", [("this year", "DATE", "2022")]),
    ("Elections were held last year.", "2022-08-18", [("last year", "DATE", "2021")]),
    ("Elections are due next year.", "2022-08-18", [("next year", "DATE", "2023")]),
    ("Elections are due next year.", None, [("next year", "DATE", "XXXX")]),
    ("Kosovo now faces a choice.", "2022-08-18", [("now", "DATE", "PRESENT_REF")]),
    ("The talks are currently stalled.", None, [("currently", "DATE", "PRESENT_REF")]),
    ("after recent violent incidents", "2022-08-18", [("recent", "DATE", "PAST_REF")]),
    ("He recently said so.", None, [("recently", "DATE", "PAST_REF")]),
    ("Prices rose in recent years.", None, [("recent years", "DATE", "PAST_REF")]),
    ("Talks may resume in the future.", None, [("the future", "DATE", "FUTURE_REF")]),
    ("They met last night.", "2022-08-18", [("last night", "TIME", "2022-08-17TNI")]),
    ("It rained this morning.", "2022-08-18", [("this morning", "TIME", "2022-08-18TMO")]),
    # durations
    ("a 78-day NATO bombardment", None, [("78-day", "DURATION", "P78D")]),
    ("within 24 hours", "2022-08-18", [("24 hours", "DURATION", "PT24H")]),
    ("for twenty-four hours", None, [("twenty-four hours", "DURATION", "PT24H")]),
    ("two decades of war", None, [("two decades", "DURATION", "P2DE")]),
    ("It took a decade.", None, [("a decade", "DURATION", "P1DE")]),
    (
        "about a decade after the 1998-1999 conflict",
        None,
        [("about a decade", "DURATION", "P1DE"), ("1998-1999", "DATE", "1998/1999")],
    ),
    ("after the hours-long discussions", None, [("hours-long", "DURATION", "PTXH")]),
    ("He served for three years.", None, [("three years", "DURATION", "P3Y")]),
    ("decades of peace", None, [("decades", "DURATION", "PXDE")]),
    ("a decades-long dispute", None, [("decades-long", "DURATION", "PXDE")]),
    ("It lasted for years.", None, [("years", "DURATION", "PXY")]),
    ("a few weeks", None, [("a few weeks", "DURATION", "PXW")]),
    ("over the past two years", "2022-08-18", [("the past two years", "DURATION", "P2Y")]),
    ("a two-week visit", None, [("two-week", "DURATION", "P2W")]),
    ("a 20-year-old man", None, []),
    ("The years were hard.", None, []),
    # sets
    ("They meet every year.", None, [("every year", "SET", "P1Y")]),
    ("It is reviewed annually.", None, [("annually", "SET", "P1Y")]),
    ("weekly meetings", None, [("weekly", "SET", "P1W")]),
    ("Reports come each month.", None, [("each month", "SET", "P1M")]),
    ("Elections every four years.", None, [("every four years", "SET", "P4Y")]),
    ("They meet twice a year.", None, [("twice a year", "SET", "P1Y")]),
    ("Aid of 2.5 billion euros a year.", None, [("a year", "SET", "P1Y")]),
    ("They meet on Mondays.", None, [("Mondays", "SET", "XXXX-WXX-1")]),
    ("the Belgrade daily Politika reported", None, []),
    # idioms
    ('Kurti wants to join NATO "yesterday rather than tomorrow".', "2023-06-01", []),
    ("One day we will join the EU.", "2023-06-01", []),
    ("Sooner or later, talks will resume.", "2023-06-01", []),
    # decades, centuries, parts of years, clock times
    ("the 1990s", None, [("1990s", "DATE", "199")]),
    ("in the early 2000s", None, [("early 2000s", "DATE", "200")]),
    ("the 20th century", None, [("20th century", "DATE", "19")]),
    ("late 2022", None, [("late 2022", "DATE", "2022")]),
    ("mid-2021", None, [("mid-2021", "DATE", "2021")]),
    ("in summer 2022", None, [("summer 2022", "DATE", "2022-SU")]),
    ("at 10 a.m.", None, [("10 a.m.", "TIME", "XXXX-XX-XXT10:00")]),
    ("at 14:30 GMT", None, [("14:30 GMT", "TIME", "XXXX-XX-XXT14:30")]),
    # quarters and halves of a year (business news)
    (
        "Sales fell in the fourth quarter of 1997.",
        None,
        [("the fourth quarter of 1997", "DATE", "1997-Q4")],
    ),
    (
        "Profits rose in Q3 2023 and H1 2024.",
        None,
        [("Q3 2023", "DATE", "2023-Q3"), ("H1 2024", "DATE", "2024-H1")],
    ),
    (
        "Growth slowed in the second half of 2022.",
        None,
        [("the second half of 2022", "DATE", "2022-H2")],
    ),
    (
        "Earnings for the third quarter were flat.",
        "1998-02-27",
        [("the third quarter", "DATE", "1997-Q3")],
    ),
    (
        "Earnings for the first quarter were flat.",
        "1998-02-27",
        [("the first quarter", "DATE", "1998-Q1")],
    ),
    (
        "Sales will rise in the fourth quarter.",
        "2023-05-10",
        [("the fourth quarter", "DATE", "2023-Q4")],
    ),
    ("Earnings for the third quarter were flat.", None, [("the third quarter", "DATE", "XXXX-Q3")]),
    ("In the second half, the team scored twice.", "2023-05-10", []),
    ("Third-quarter profit fell.", "2023-05-10", []),
    ("A quarter of the voters stayed home.", "2023-05-10", []),
]


@pytest.mark.parametrize(
    ("text", "reference", "expected"), CASES, ids=[f"{i}:{c[0][:40]}" for i, c in enumerate(CASES)]
)
def test_rules(text: str, reference: str | None, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, reference) == expected


# (text, reference, expression, begin, finish, anchor)
BOUNDS = [
    ("in 1998", None, "1998", "1998-01-01", "1998-12-31", "absolute"),
    ("the 1998-1999 war", None, "1998-1999", "1998-01-01", "1999-12-31", "absolute"),
    ("since 2009", "2023-11-22", "since 2009", "2009-01-01", "2023-11-22", "absolute"),
    ("since 2009", None, "since 2009", "2009-01-01", None, "absolute"),
    ("Since 2023", "2022-08-18", "Since 2023", "2023-01-01", None, "absolute"),
    ("last week", "2022-08-18", "last week", "2022-08-08", "2022-08-14", "publication"),
    (
        "earlier this month",
        "2022-08-18",
        "earlier this month",
        "2022-08-01",
        "2022-08-18",
        "publication",
    ),
    ("this month", "2022-08-18", "this month", "2022-08-01", "2022-08-31", "publication"),
    ("two years ago", "2025-03-11", "two years ago", "2023-01-01", "2023-12-31", "publication"),
    (
        "the September 1 deadline",
        "2022-08-18",
        "September 1",
        "2022-09-01",
        "2022-09-01",
        "publication",
    ),
    ("in August 2022", None, "August 2022", "2022-08-01", "2022-08-31", "absolute"),
    ("late 2022", None, "late 2022", "2022-09-01", "2022-12-31", "absolute"),
    ("a 78-day campaign", "2022-08-18", "78-day", None, None, "none"),
    ("every year", "2022-08-18", "every year", None, None, "none"),
    ("now", "2022-08-18", "now", "2022-08-18", "2022-08-18", "publication"),
    ("recently", "2022-08-18", "recently", None, "2022-08-18", "publication"),
    ("yesterday", None, "yesterday", None, None, "none"),
    (
        "in the third quarter of 2024",
        None,
        "the third quarter of 2024",
        "2024-07-01",
        "2024-09-30",
        "absolute",
    ),
    (
        "the second half of 2022",
        None,
        "the second half of 2022",
        "2022-07-01",
        "2022-12-31",
        "absolute",
    ),
    (
        "in the third quarter",
        "1998-02-27",
        "the third quarter",
        "1997-07-01",
        "1997-09-30",
        "publication",
    ),
]


@pytest.mark.parametrize(("text", "reference", "expression", "begin", "finish", "anchor"), BOUNDS)
def test_bounds_and_anchor(
    text: str,
    reference: str | None,
    expression: str,
    begin: str | None,
    finish: str | None,
    anchor: str,
) -> None:
    r = row(text, expression, reference)
    assert (None if missing(r["begin"]) else r["begin"]) == begin
    assert (None if missing(r["finish"]) else r["finish"]) == finish
    assert r["anchor"] == anchor


def test_iso_week_bounds() -> None:
    r = row("They met this week.", "this week", "2022-08-18")
    assert (r["value"], r["begin"], r["finish"]) == ("2022-W33", "2022-08-15", "2022-08-21")


def test_24_hours_is_never_a_date() -> None:
    df = timeline.tag("Within 24 hours NATO said it would act.", "2022-08-18")
    assert list(df["type"]) == ["DURATION"]


# ------------------------------------------------------------------------------------------------
# Sentence tables


def test_tag_sentences_offsets_into_article() -> None:
    article = "NATO met on Wednesday. Talks resume September 1.\nNo date here."
    from presslens.ingest import sentences

    spans = list(sentences.spans(article))
    table = pd.DataFrame(
        {
            "article_id": ["a"] * len(spans) + ["b"],
            "sent_id": list(range(1, len(spans) + 1)) + [1],
            "start": [s for s, _ in spans] + [0],
            "end": [e for _, e in spans] + [9],
            "text": [article[s:e] for s, e in spans] + ["Yesterday"],
        }
    )
    out = timeline.tag_sentences(table, {"a": dt.date(2022, 8, 18), "b": None})
    assert list(out.columns) == timeline.TIMEX_COLUMNS
    a = out[out["article_id"] == "a"]
    for start, end, expr in zip(a["start"], a["end"], a["text"]):
        assert article[start:end] == expr
    assert list(a["value"]) == ["2022-08-17", "2022-09-01"]
    b = out[out["article_id"] == "b"]
    assert list(b["value"]) == ["XXXX-XX-XX"] and list(b["anchor"]) == ["none"]


def test_tag_sentences_empty() -> None:
    table = pd.DataFrame(
        {"article_id": ["a"], "sent_id": [1], "start": [0], "end": [5], "text": ["Hello"]}
    )
    out = timeline.tag_sentences(table, {})
    assert out.empty and list(out.columns) == timeline.TIMEX_COLUMNS


# ------------------------------------------------------------------------------------------------
# Scoring


def test_score_strict_relaxed_and_value() -> None:
    gold = pd.DataFrame(
        {
            "file": ["f", "f", "f"],
            "start": [0, 10, 30],
            "end": [4, 20, 35],
            "type": ["DATE"] * 3,
            "value": ["2008", "P1DE", "2011"],
        }
    )
    pred = pd.DataFrame(
        {
            "file": ["f", "f", "f"],
            "start": [0, 12, 50],
            "end": [4, 20, 55],
            "type": ["DATE"] * 3,
            "value": ["2008", "P2DE", "X"],
        }
    )
    s = timex_gold.score(gold, pred)
    assert s["n_strict"] == 1 and s["n_relaxed"] == 2
    assert s["strict_precision"] == pytest.approx(1 / 3) and s["strict_recall"] == pytest.approx(
        1 / 3
    )
    assert s["relaxed_f1"] == pytest.approx(2 / 3)
    assert s["value_accuracy"] == pytest.approx(0.5)


def test_locate_counts_whole_words_only() -> None:
    texts = {"f": "recently, recent events; recent talks"}
    gold = pd.DataFrame({"file": ["f"], "expression": ["recent"], "occurrence": [2]})
    assert timex_gold.locate(gold, texts)["start"].tolist() == [25]
    with pytest.raises(ValueError):
        timex_gold.locate(
            pd.DataFrame({"file": ["f"], "expression": ["recent"], "occurrence": [3]}), texts
        )


# ------------------------------------------------------------------------------------------------
# The gold set


def _seed_run() -> tuple[pd.DataFrame, pd.DataFrame]:
    meta = pd.read_csv(SEEDS / "metadata.csv", dtype=str, keep_default_na=False)
    texts = {f: (SEEDS / f).read_text(encoding="utf-8") for f in meta["file"]}
    gold = timex_gold.locate(
        pd.read_csv(GOLD, dtype={"occurrence": int}, keep_default_na=False), texts
    )
    predicted = []
    for f, published in zip(meta["file"], meta["published"]):
        df = timeline.tag(texts[f], published or None)
        df.insert(0, "file", f)
        predicted.append(df)
    return gold, pd.concat(predicted, ignore_index=True)


def test_gold_is_well_formed() -> None:
    gold = pd.read_csv(GOLD, dtype={"occurrence": int}, keep_default_na=False)
    assert list(gold.columns) == ["file", "expression", "occurrence", "type", "value", "note"]
    assert set(gold["type"]) <= set(timeline.TYPES)
    assert set(gold["file"]) == {p.name for p in SEEDS.glob("*.txt")}
    located, _ = _seed_run()
    assert not located.duplicated(["file", "start", "end"]).any()


def test_gold_scores() -> None:
    gold, predicted = _seed_run()
    s = timex_gold.score(gold, predicted)
    print()
    print(f"timex gold: {s['n_gold']} expressions, {s['n_predicted']} predicted")
    print(
        f"strict  P={s['strict_precision']:.3f} R={s['strict_recall']:.3f} F1={s['strict_f1']:.3f}"
    )
    print(
        f"relaxed P={s['relaxed_precision']:.3f} R={s['relaxed_recall']:.3f} "
        f"F1={s['relaxed_f1']:.3f}"
    )
    print(f"value accuracy={s['value_accuracy']:.3f} type accuracy={s['type_accuracy']:.3f}")
    for f, g in gold.groupby("file"):
        p = predicted[predicted["file"] == f]
        fs = timex_gold.score(g, p)
        print(
            f"  {f}: gold {fs['n_gold']}, predicted {fs['n_predicted']}, strict F1 "
            f"{fs['strict_f1']:.3f}, "
            f"value accuracy {fs['value_accuracy']:.3f}"
        )
    assert s["strict_f1"] >= 0.85
    assert s["value_accuracy"] >= 0.85


# ------------------------------------------------------------------------------------------------
# Properties

REFERENCES = st.one_of(
    st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
)
TIME_WORDS = [
    "in",
    "since",
    "2008",
    "1998-1999",
    "1998\u201399",
    "May",
    "March",
    "September",
    "1",
    "31",
    "Feb.",
    "Sept.",
    "Monday",
    "next",
    "last",
    "this",
    "week",
    "month",
    "year",
    "years",
    "decade",
    "decades",
    "ago",
    "two",
    "a",
    "few",
    "78-day",
    "24",
    "hours",
    "hours-long",
    "every",
    "annually",
    "daily",
    "the",
    "past",
    "future",
    "recent",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "morning",
    "night",
    "summer",
    "early",
    "mid-",
    "1990s",
    "'90s",
    "20th",
    "century",
    "10",
    "a.m.",
    "14:30",
    "GMT",
    "noon",
    "from",
    "to",
    "between",
    "and",
    "$",
    ",",
    ".",
    "-",
    "\u2014",
    "(",
    ")",
    "9999",
    "2100",
    "1900",
    "of",
    "half",
    "twice",
    "per",
    "Mondays",
    "one",
    "day",
    "days",
    "about",
    "\n",
    "\u017fince",
    "\u212a",
    "\u0130",
    "\u0662\u0660\u0660\u0668",
]


def _check_offsets(text: str, df: pd.DataFrame) -> None:
    assert list(df.columns) == timeline.COLUMNS
    previous = -1
    for start, end, expr, typ in zip(df["start"], df["end"], df["text"], df["type"]):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == expr
        assert start >= previous
        assert typ in timeline.TYPES
        previous = start


@settings(max_examples=300, deadline=None)
@given(st.text(), REFERENCES)
def test_tag_never_raises_on_any_text(text: str, reference: dt.date | None) -> None:
    _check_offsets(text, timeline.tag(text, reference))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(TIME_WORDS), max_size=14), st.sampled_from([" ", "", "  "]), REFERENCES
)
def test_tag_never_raises_on_time_words(
    words: list[str], sep: str, reference: dt.date | None
) -> None:
    text = sep.join(words)
    df = timeline.tag(text, reference)
    _check_offsets(text, df)
    spans = sorted(zip(df["start"], df["end"]))
    assert all(
        a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])
    )  # no overlaps


# ------------------------------------------------------------------------------------------------
# Dates without a year: the tense of the clause decides the year (issue 20, point 4)

# (text, reference, expression, value, basis)
YEARLESS = [
    # future cues point forward
    ("Clinton said she will win in November.", "2016-02-10", "November", "2016-11", "future"),
    ("Voters will choose in January.", "2016-11-20", "January", "2017-01", "future"),
    ("The summit is set to open in March.", "2016-09-01", "March", "2017-03", "future"),
    (
        "Rallies ahead of Tuesday's primary drew crowds.",
        "2016-03-10",
        "Tuesday",
        "2016-03-15",
        "future",
    ),
    ("The upcoming vote on June 23 decides it.", "2016-02-01", "June 23", "2016-06-23", "future"),
    ("The vote will be held in November.", "2016-02-10", "November", "2016-11", "future"),
    ("The ruling was postponed until Dec. 10.", "2016-08-18", "Dec. 10", "2016-12-10", "future"),
    # past cues point back
    ("Trump won in November.", "2017-02-10", "November", "2016-11", "past"),
    ("The vote was held in November.", "2016-02-10", "November", "2015-11", "past"),
    ("Senators voted in March to repeal it.", "2016-02-10", "March", "2015-03", "past"),
    ("Trump, who won in November, will take office.", "2017-01-05", "November", "2016-11", "past"),
    ("Obama said Tuesday that he would veto it.", "2016-03-10", "Tuesday", "2016-03-08", "past"),
    ("Protests erupted on December 12.", "2016-12-20", "December 12", "2016-12-12", "past"),
    # present tense: the publication year, unless the other year's is within two months
    ("The November election is close.", "2016-02-10", "November", "2016-11", "present"),
    (
        "Polls show the race is tight before November.",
        "2016-03-01",
        "November",
        "2016-11",
        "present",
    ),
    ("The deadline in January is near.", "2016-12-01", "January", "2017-01", "present"),
    # no cue at all: the nearest such date (ties go to the past)
    ("the September 1 deadline", "2022-08-18", "September 1", "2022-09-01", "no tense cue"),
    ("the January 5 talks", "2022-08-18", "January 5", "2023-01-05", "no tense cue"),
    ("They met Wednesday.", "2022-08-18", "Wednesday", "2022-08-17", "past"),
]


@pytest.mark.parametrize(("text", "reference", "expression", "value", "basis"), YEARLESS)
def test_yearless_dates_follow_the_tense(
    text: str, reference: str, expression: str, value: str, basis: str
) -> None:
    r = row(text, expression, reference)
    assert r["value"] == value
    assert r["anchor"] == "publication"
    assert basis in r["basis"]


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("In August 2022 they met.", "year in the text"),
        ("They met last week.", "publication date"),
        ("a 78-day campaign", ""),
    ],
)
def test_basis_of_other_expressions(text: str, basis: str) -> None:
    assert timeline.tag(text, "2022-08-18")["basis"].tolist() == [basis]


# A four-digit number before a counted noun is a count; with a determiner, a preposition or a
# possessive before it, or a year noun after it, it stays a year. (text, years tagged)
COUNTED = [
    ("There are 2047 registered voters in the county.", []),
    ("He sent 1,500 troops.", []),
    ("Some 2016 voters chose Trump.", []),
    ("2020 candidates filed papers.", []),
    ("Officials said 1999 people died.", []),
    ("a force of 2000 troops", []),
    ("more than 2000 people", []),
    ("In 2016 voters chose Trump.", ["2016"]),
    # in a sentence about the 2016 vote, "2016 voters" are the voters of that vote
    ("Many 2016 voters regret how they cast ballots in the 2016 vote.", ["2016", "2016"]),
    ("The 2016 election left 2016 voters divided.", ["2016", "2016"]),
    ("The 2020 candidates met.", ["2020"]),
    ("the 2016 vote", ["2016"]),
    ("2016's election was bitter.", ["2016"]),
    ("The 1999 protests grew.", ["1999"]),
    ("since 2016 voters have changed", ["since 2016"]),
    ("The 2015 Paris agreement holds.", ["2015"]),
    ("2016 marks the end of an era.", ["2016"]),
]


@pytest.mark.parametrize(("text", "years"), COUNTED)
def test_a_number_before_a_counted_noun_is_no_year(text: str, years: list[str]) -> None:
    df = timeline.tag(text, "2016-06-01")
    assert df[df["type"] == "DATE"]["text"].tolist() == years


# A season without a year: the one the tense of the clause points to. (text, reference, found)
SEASONS = [
    (
        "They plan to keep up the pressure throughout the summer.",
        "2019-07-03",
        [("the summer", "DATE", "2019-SU")],
    ),
    (
        "Congress passed a resolution over the summer.",
        "2018-12-08",
        [("the summer", "DATE", "2018-SU")],
    ),
    ("The vote is expected in the fall.", "2018-08-16", [("the fall", "DATE", "2018-FA")]),
    ("In the spring, prices fell.", "2018-08-16", [("the spring", "DATE", "2018-SP")]),
    ("In the spring, prices fell.", None, [("the spring", "DATE", "XXXX-SP")]),
    # no time: a season word before "of" or as a modifier, a verb, a name
    ("the fall of the Soviet Union", "2018-08-16", []),
    ("Summer heat and spring water.", "2018-08-16", []),
    ("Prices fall in value.", "2018-08-16", []),
    ("the winter storms", "2018-08-16", []),
    ("the fall in emissions was steep", "2018-08-16", []),
]


@pytest.mark.parametrize(("text", "reference", "expected"), SEASONS)
def test_a_season_without_a_year_follows_the_tense(
    text: str, reference: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text, reference) == expected


# A month that modifies a noun is a date; a month that is also a word needs a noun after it.
MODIFIERS = [
    ("The November election is close.", [("November", "DATE", "2016-11")]),
    ("It was voted on at the party's August meeting.", [("August", "DATE", "2015-08")]),
    ("The May election will decide.", [("May", "DATE", "2016-05")]),
    ("The March for Science drew crowds.", []),
    ("Theresa May's plan failed.", []),
    ("It will extend into the month of May.", [("May", "DATE", "2016-05")]),
]


@pytest.mark.parametrize(("text", "expected"), MODIFIERS)
def test_a_month_before_a_noun_is_a_date(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, "2016-02-10") == expected
