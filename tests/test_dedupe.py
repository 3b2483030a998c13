"""Exact and near duplicates are marked, originals kept, unrelated texts untouched."""

import pandas as pd

from presslens.ingest import dedupe

STORY = (
    "NATO Secretary-General Jens Stoltenberg said the alliance is prepared to step up its "
    "peacekeeping "
    "forces in Kosovo, noting that there are nearly 4,000 peacekeeping troops in the country. "
    "Tensions between Serbia and Kosovo escalated this month when Pristina said it would require "
    "Serbs "
    "living in the north to use license plates issued in Pristina. The situation eased when "
    "Kosovo Prime "
    "Minister Albin Kurti agreed to postpone the move to September 1."
)


def frame(texts: list[str], dates: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(texts))],
            "text": texts,
            "published": dates,
            "status": "ok",
            "reason": "",
        }
    )


def test_exact_and_near_duplicates() -> None:
    near = STORY.replace("nearly 4,000", "almost 4,000") + " Reporting by a wire service."
    other = (
        "Albania has been a member of NATO since 2009 and takes part in its missions and "
        "exercises. " * 3
    )
    out = dedupe.mark_duplicates(
        frame([STORY, STORY.upper(), near, other], ["2022-08-18", "2022-08-19", "2022-08-20", None])
    )
    assert out["status"].tolist() == ["ok", "duplicate", "duplicate", "ok"]
    assert out["duplicate_of"].tolist()[:3] == [None, "a0", "a0"]
    assert out.at[1, "similarity"] == 1.0
    assert 0.8 <= out.at[2, "similarity"] < 1.0
    assert "near duplicate of a0" in out.at[2, "reason"]


def test_earliest_published_is_the_original() -> None:
    out = dedupe.mark_duplicates(frame([STORY, STORY], ["2023-01-02", "2022-01-01"]))
    assert out["status"].tolist() == ["duplicate", "ok"]
    assert out.at[0, "duplicate_of"] == "a1"


def test_different_stories_are_not_duplicates() -> None:
    texts = [
        STORY,
        "Kosovo declared independence from Serbia in 2008, a move Belgrade still rejects, while "
        "most EU members recognise it.",
    ]
    out = dedupe.mark_duplicates(frame(texts, [None, None]))
    assert out["status"].tolist() == ["ok", "ok"]
