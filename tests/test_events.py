"""Events from dated expressions: grouping by span and actors, coverage with undated articles
counted."""

import pandas as pd

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


def test_events_grouped_by_span_and_shared_actor() -> None:
    timex = _timex(
        [
            ("a", 1, 0, 4, "2008", "DATE", "2008", "2008-01-01", "2008-12-31", "absolute"),
            ("b", 1, 10, 14, "2008", "DATE", "2008", "2008-01-01", "2008-12-31", "absolute"),
            ("c", 1, 0, 4, "2008", "DATE", "2008", "2008-01-01", "2008-12-31", "absolute"),
            ("a", 2, 20, 23, "now", "DATE", "PRESENT_REF", None, None, "none"),
            ("a", 2, 30, 36, "78-day", "DURATION", "P78D", None, None, "none"),
        ]
    )
    sentences = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "sent_id": [1, 2, 1, 1],
            "start": [0, 50, 0, 0],
            "text": [
                "2008 Kosovo declared independence.",
                "Now.",
                "Kosovo declared independence in 2008.",
                "2008 was a leap year.",
            ],
        }
    )
    mentions = pd.DataFrame(
        {"article_id": ["a", "b"], "sent_id": [1, 1], "actor": ["kosovo", "kosovo"]}
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["X", "Y", "Z"],
            "published": ["2023-01-01", None, "2024-01-01"],
            "status": "ok",
        }
    )
    ev = events.event_table(timex, sentences, mentions, articles)
    assert len(ev) == 3  # the present reference and the duration are not events
    groups = events.group_events(ev)
    assert groups["articles"].tolist() == ["a b", "c"]
    assert groups["n_articles"].tolist() == [2, 1]
    assert groups.at[0, "label"] == "2008 (kosovo independence)"
    assert groups.at[0, "evidence"] == "a#s1 b#s1"


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
