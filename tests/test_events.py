"""Events from dated expressions: grouping by span and actors, coverage with undated articles
counted."""

import pandas as pd
import pytest

from presslens.measure import events


def _timex(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=[
            "article_id",
            "sent_id",
            "start",
            "end",
            "text",
            "type",
            "value",
            "begin",
            "finish",
            "anchor",
        ],
    )


def _event_inputs() -> tuple[pd.DataFrame, ...]:
    """Four articles: two name the November 2016 election (one with its day), one a bare year that
    dates nothing, one a signing; plus a present reference and a duration (no events)."""
    texts = {
        "a": "Clinton lost the November 8, 2016 election.",
        "b": "Voters head to the polls ahead of the November election.",
        "c": "In 2016 there was more snow.",
        "d": "Trump signed the accord on Tuesday.",
    }
    timex = _timex(
        [
            (
                "a",
                1,
                17,
                33,
                "November 8, 2016",
                "DATE",
                "2016-11-08",
                "2016-11-08",
                "2016-11-08",
                "absolute",
            ),
            (
                "b",
                1,
                42,
                50,
                "November",
                "DATE",
                "2016-11",
                "2016-11-01",
                "2016-11-30",
                "publication",
            ),
            ("c", 1, 3, 7, "2016", "DATE", "2016", "2016-01-01", "2016-12-31", "absolute"),
            (
                "d",
                1,
                27,
                34,
                "Tuesday",
                "DATE",
                "2016-03-08",
                "2016-03-08",
                "2016-03-08",
                "publication",
            ),
            ("a", 2, 50, 53, "now", "DATE", "PRESENT_REF", None, None, "none"),
            ("a", 2, 60, 66, "78-day", "DURATION", "P78D", None, None, "none"),
        ]
    )
    sentences = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c", "d"],
            "sent_id": [1, 2, 1, 1, 1],
            "start": [0, 50, 0, 0, 0],
            "text": [texts["a"], "Now.", texts["b"], texts["c"], texts["d"]],
        }
    )
    for i, r in enumerate(timex.itertuples()):
        if r.sent_id == 1:
            timex.at[i, "start"] = texts[r.article_id].index(r.text)
            timex.at[i, "end"] = timex.at[i, "start"] + len(r.text)
    mentions = pd.DataFrame(
        {"article_id": ["a", "d"], "sent_id": [1, 1], "actor": ["clinton", "trump"]}
    )
    articles = pd.DataFrame(
        {
            "article_id": list("abcd"),
            "outlet": list("WXYZ"),
            "published": ["2016-11-20", "2016-03-01", "2017-01-01", "2016-03-10"],
            "status": "ok",
        }
    )
    return timex, sentences, mentions, articles


def test_events_are_what_happened_grouped_by_key_and_overlapping_date() -> None:
    ev = events.event_table(*_event_inputs())
    # the bare year dates nothing; the present reference and the duration are no events
    assert sorted(ev["article_id"]) == ["a", "b", "d"]
    got = dict(zip(ev["article_id"], zip(ev["what"], ev["who"], ev["key"])))
    assert got["a"] == ("election", "", "election")
    assert got["b"] == ("election", "", "election")
    assert got["d"] == ("signed the accord", "Trump", "sign accord")
    groups = events.group_events(ev)
    assert groups["what"].tolist() == ["signed the accord", "election"]
    assert groups["who"].tolist() == ["Trump", ""]
    election = groups.iloc[1]
    # the month joins the day it contains: one event, dated by its finest date
    assert (election["begin"], election["finish"]) == ("2016-11-08", "2016-11-08")
    assert election["articles"] == "a b" and election["n_articles"] == 2
    assert election["evidence"] == "a#s1 b#s1"
    assert groups.at[0, "label"] == "signed the accord (Trump)"


def test_same_date_different_events_are_apart_and_groups_are_bounded() -> None:
    rows = [
        {
            "article_id": f"x{i}",
            "sent_id": 1,
            "start": 0,
            "end": 4,
            "text": "2016",
            "value": "2016",
            "begin": "2016-01-01",
            "finish": "2016-12-31",
            "anchor": "absolute",
            "what": w,
            "who": "",
            "key": w,
            "event": "",
            "actors": "",
            "outlet": "O",
            "published": None,
        }
        for i, w in enumerate(["election", "election", "accord", "flood"])
    ]
    groups = events.group_events(pd.DataFrame(rows))
    assert sorted(groups["what"]) == ["accord", "election", "flood"]
    assert events.group_events(pd.DataFrame(rows), max_groups=1)["what"].tolist() == ["election"]


def test_coverage_counts_undated_and_fills_empty_periods() -> None:
    articles = pd.DataFrame(
        {
            "article_id": list("abcd"),
            "status": "ok",
            "published": ["2022-01-05", "2022-03-01", None, "2022-03-20"],
        }
    )
    tone = pd.DataFrame({"article_id": list("abcd"), "tone": [0.1, -0.2, 0.5, 0.0]})
    table, left_out, period = events.coverage(articles, tone, freq="M")
    assert left_out == 1 and period == "M"
    assert table["period"].tolist() == ["2022-01", "2022-02", "2022-03"]
    assert table["articles"].tolist() == [1, 0, 2]
    assert abs(table.at[2, "tone"] + 0.1) < 1e-9


def test_actor_portrayal_intervals_and_warnings() -> None:
    from presslens.measure import portrayal

    tone = pd.DataFrame(
        {
            "article_id": ["a"] * 6 + ["b"],
            "actor": ["x"] * 6 + ["y"],
            "score": [0.1, 0.3, -0.2, 0.5, 0.0, 0.2, -0.4],
            "label": ["neutral"] * 7,
        }
    )
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["O", "P"]})
    out = portrayal.actor_tone(tone, arts, by_outlet=False, n_boot=500).set_index("actor")
    assert (
        out.at["x", "ci_low"] <= out.at["x", "tone"] <= out.at["x", "ci_high"]
        and out.at["x", "warning"] == ""
    )
    assert "too few" in out.at["y", "warning"]


def _event_row(article: str, text: str, value: str, basis: str, published: str) -> dict:
    day = len(value) == 10
    begin = value if day else value + "-01"
    finish = value if day else value + "-30"
    return {
        "article_id": article,
        "sent_id": 1,
        "start": 0,
        "end": len(text),
        "text": text,
        "value": value,
        "begin": begin,
        "finish": finish,
        "anchor": "absolute" if basis == "year in the text" else "publication",
        "basis": basis,
        "what": "election",
        "who": "",
        "key": "election",
        "event": "",
        "actors": "",
        "outlet": "O",
        "published": published,
    }


PRESENT = "publication date, present tense"
REDATE = [
    # another article dates the November election 2016: the year-less mention takes 2016
    (
        [
            ("a", "November 8, 2016", "2016-11-08", "year in the text", "2016-12-01"),
            ("b", "November", "2015-11", "publication date, past tense", "2016-02-01"),
        ],
        "b",
        "2016-11",
        "dated elsewhere in the corpus (article a)",
    ),
    # the day is matched too
    (
        [
            ("a", "Nov. 8, 2016", "2016-11-08", "year in the text", "2016-12-01"),
            ("b", "Nov. 8", "2015-11-08", "publication date, past tense", "2016-02-01"),
        ],
        "b",
        "2016-11-08",
        "dated elsewhere in the corpus (article a)",
    ),
    # evidence more than a year from the publication date is not used
    (
        [
            ("a", "November 2008", "2008-11", "year in the text", "2009-01-01"),
            ("b", "November", "2016-11", PRESENT, "2016-02-01"),
        ],
        "b",
        "2016-11",
        PRESENT,
    ),
    # "last November" and a year in the text are never moved
    (
        [
            ("a", "November 2016", "2016-11", "year in the text", "2016-12-01"),
            ("b", "last November", "2015-11", "publication date", "2016-02-01"),
            ("c", "November 2015", "2015-11", "year in the text", "2016-02-01"),
        ],
        "b",
        "2015-11",
        "publication date",
    ),
]


@pytest.mark.parametrize(("rows", "article", "value", "basis"), REDATE)
def test_a_yearless_month_takes_the_year_the_corpus_gives_its_event(
    rows: list[tuple], article: str, value: str, basis: str
) -> None:
    ev = pd.DataFrame([_event_row(*r) for r in rows])
    evidence = events.merge_evidence([events.dated_evidence(ev[:1]), events.dated_evidence(ev[1:])])
    out = events.redate(ev, evidence).set_index("article_id")
    assert (out.at[article, "value"], out.at[article, "basis"]) == (value, basis)
    assert len(evidence) <= 2 * len(ev)  # one row per distinct event date (a day also its month)
    # the stage rewrites its tables only when the evidence can move a mention
    moved = out["basis"].str.startswith("dated elsewhere").any()
    assert events.worth_redating(evidence, events.yearless_keys(ev)) == moved


# (sentence, date in it, what, who, key): what a date dates, and dates that date nothing
HAPPENED = [
    (
        "Voters head to the polls ahead of the November election.",
        "November",
        "election",
        "",
        "election",
    ),
    ("Rallies ahead of Tuesday's primary drew crowds.", "Tuesday", "primary", "", "primary"),
    ("The 2015 Paris agreement holds.", "2015", "Paris agreement", "", "agreement"),
    ("The summit on Tuesday ended early.", "Tuesday", "summit", "", "summit"),
    ("Trump signed the accord on Tuesday.", "Tuesday", "signed the accord", "Trump", "sign accord"),
    ("In 2015, protests erupted in Paris.", "2015", "erupted", "protests", "erupt"),
    (
        "The UN adopted the resolution in 2016.",
        "2016",
        "adopted the resolution",
        "The UN",
        "adopt resolution",
    ),
    (
        "The Trump administration will withdraw from the accord in November 2020.",
        "November 2020",
        "withdraw from the accord",
        "The Trump administration",
        "withdraw accord",
    ),
    (
        "Kosovo declared independence in 2008.",
        "2008",
        "declared independence",
        "Kosovo",
        "declar independenc",
    ),
    # nothing happened: a bare year, a statement's date
    ("In 2016 there was more snow.", "2016", "", "", ""),
    ("Obama said Tuesday that he would veto it.", "Tuesday", "", "", ""),
    # a point of comparison dates no event
    ("Emissions must fall 45 percent below 2010 levels.", "2010", "", "", ""),
    ("The planet has warmed 1C compared to 1850.", "1850", "", "", ""),
    ("Output rose 3% relative to 2005.", "2005", "", "", ""),
]


@pytest.mark.parametrize(("sentence", "date", "what", "who", "key"), HAPPENED)
def test_what_a_date_dates(sentence: str, date: str, what: str, who: str, key: str) -> None:
    from presslens.extract.timeline.happened import what_happened

    start = sentence.index(date)
    assert what_happened(sentence, start, start + len(date)) == (what, who, key)


@pytest.mark.parametrize(
    ("a", "b"),
    [("elections", "election"), ("primaries", "primary"), ("voted", "votes"), ("won", "wins")],
)
def test_stem_groups_forms_of_one_word(a: str, b: str) -> None:
    from presslens.extract.timeline.happened import stem

    assert stem(a) == stem(b)
