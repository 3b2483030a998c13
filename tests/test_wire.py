"""Wire copy: agency datelines, bylines and credits found; agencies cited in the body left alone.

The stories are generated: real sentences from climate news (narrative-frames development
articles) rendered as AP, Reuters, AFP, UPI and other agency copy in several house styles, own
reporting that quotes or cites agencies in its body, and one AP story republished by three
outlets with different headers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from presslens import stages
from presslens.ingest import dedupe, wire
from presslens.core import tables

SENTENCES = [
    "Concentrations of CO2 in the Earth's atmosphere surged to a record high in 2016.",
    "Last year's increase was 50% higher than the average of the past 10 years.",
    "Months of drenching storms and melting snowpack have replenished reservoirs, which began "
    "drying up in late 2011.",
    "Powerful swells averaging 5m washed across the capital of the Marshall Islands, Majuro, last "
    "week.",
    "Political leaders and climate diplomats are meeting in Madrid for two weeks of talks amid a "
    "growing sense of crisis.",
    "Top officials from the Group of Seven industrial nations gathered in Rome amid growing "
    "concerns over the US administration's moves.",
    "The 2015 Paris agreement's ambitious goal of limiting global warming to 1.5C remains within "
    "reach, a study suggests.",
    "Research stations dotted around the globe measure concentrations of warming gases including "
    "carbon dioxide, methane and nitrous oxide.",
]


def body(k: int = 0, n: int = 6) -> str:
    """n real sentences, starting at the k-th, as paragraphs."""
    return "\n\n".join(SENTENCES[(k + i) % len(SENTENCES)] for i in range(n))


HEAD = "Record surge in atmospheric CO2 seen in 2016\n"

WIRE = [
    # Associated Press
    (HEAD + "WASHINGTON (AP) — " + body(), "Associated Press", 'dateline "WASHINGTON (AP) —"'),
    (HEAD + "By JANE DOE, Associated Press\nNEW YORK (AP) _ " + body(1), "Associated Press", ""),
    (HEAD + "BISMARCK, N.D. (AP) — " + body(2), "Associated Press", 'dateline "BISMARCK, N.D.'),
    (HEAD + "By Jane Doe and John Roe\nThe Associated Press\n\n" + body(3), "Associated Press", ""),
    (
        body(4) + "\n\nCopyright 2019 The Associated Press. All rights reserved. This material "
        "may not be published, broadcast, rewritten or redistributed.",
        "Associated Press",
        'copyright "Copyright 2019 The Associated Press"',
    ),
    (
        body(5) + "\n\nAssociated Press writer Jane Doe in Denver contributed to this report.",
        "Associated Press",
        "closing credit",
    ),
    (body(6) + " The Associated Press contributed to this report.", "Associated Press", ""),
    # Reuters
    (HEAD + "LONDON (Reuters) - " + body(), "Reuters", 'dateline "LONDON (Reuters) -"'),
    (HEAD + "WASHINGTON, March 3 (Reuters) - " + body(1), "Reuters", "March 3"),
    ("Pope criticizes U.S. over climate accord ROME (Reuters) – " + body(2), "Reuters", "ROME"),
    (HEAD + "By Reuters Staff\n\n" + body(3), "Reuters", 'byline "By Reuters Staff"'),
    (
        body(4) + "\n\n(Reporting by Jane Doe in London; Additional reporting by Li Wei; Editing"
        " by John Roe)",
        "Reuters",
        "sign-off",
    ),
    (body(5) + " -- Reuters", "Reuters", 'closing credit "-- Reuters"'),
    # AFP
    (HEAD + "PARIS (AFP) - " + body(), "AFP", 'dateline "PARIS (AFP) -"'),
    (HEAD + "(AFP Photo/LOIC VENANCE)Paris (AFP) - " + body(1), "AFP", 'dateline "Paris (AFP) -"'),
    (body(2) + "\n\n— Agence France-Presse", "AFP", "closing credit"),
    (body(3) + "\n\n© 2019 AFP", "AFP", 'copyright "© 2019 AFP"'),
    (HEAD + "Jane Doe | AFP\n\n" + body(4), "AFP", "byline"),
    (HEAD + body(5) + "\n\n(Source: AFP)", "AFP", 'source note "Source: AFP)"'),
    (body(6) + "\n\nThis story was originally published by Reuters.", "Reuters", "source note"),
    (body(7) + "\n\nOriginally published by AFP", "AFP", "source note"),
    (body(1) + "\n\nvia AP", "Associated Press", 'source note "via AP"'),
    # UPI and other agencies
    (HEAD + "March 3 (UPI) -- " + body(), "UPI", "(UPI) --"),
    (HEAD + "By Jane Doe, UPI\n" + body(1), "UPI", "byline"),
    (HEAD + "BEIJING, March 3 (Xinhua) -- " + body(2), "Xinhua", "BEIJING, March 3 (Xinhua) --"),
    (HEAD + "MOSCOW, March 3. /TASS/. " + body(3), "TASS", "/TASS/"),
    (HEAD + "Berlin (dpa) - " + body(4), "dpa", "(dpa)"),
    (HEAD + "(Bloomberg) -- " + body(5), "Bloomberg", "(Bloomberg) --"),
    (body(6) + "\n\nTo contact the reporter on this story: Jane Doe in London", "Bloomberg", ""),
    (HEAD + "SYDNEY (AAP) - " + body(7), "AAP", ""),
    (HEAD + "Jane Doe\nThe Canadian Press\n\nOTTAWA — " + body(), "Canadian Press", "credit line"),
    # datelines after a place in capitals, a Title Case place, a date, or a headline on one line
    (HEAD + "KABUL, Afghanistan (AP) — " + body(1), "Associated Press", "KABUL, Afghanistan"),
    (HEAD + "Madrid (EFE) - " + body(2), "EFE", 'dateline "Madrid (EFE) -"'),
    (HEAD + "LONDON, March 3, 2019 (Reuters) - " + body(3), "Reuters", "March 3, 2019"),
    ("UN climate talks unraveling... Madrid (AFP) - " + body(4), "AFP", "Madrid (AFP) -"),
    ("O'Rourke lays out climate plan (Reuters) – " + body(5), "Reuters", "plan (Reuters) –"),
    # bylines with a byline suffix after the agency
    (HEAD + "By Jane Doe, AP Staff Writer\n" + body(6), "Associated Press", "byline"),
    (HEAD + "By Jane Doe, Reuters\nLONDON - " + body(7), "Reuters", "byline"),
]


@pytest.mark.parametrize(("raw", "agency", "evidence"), WIRE)
def test_agency_copy_is_found(raw: str, agency: str, evidence: str) -> None:
    found, why = wire.agency(raw)
    assert found == agency, why
    assert evidence in why


NOT_WIRE = [
    HEAD + body() + " Reuters reported on Monday.",
    HEAD + body(1) + ' "We will not rush," he told The Associated Press.',
    "An AP-NORC poll found most Americans worry about warming. " + body(2),
    "AFP, the French agency, said the talks would resume. " + body(3),
    HEAD + body(4) + " The figures were first reported by Bloomberg News.",
    HEAD + body(5) + ", according to AFP.",
    "A Reuters/Ipsos poll shows support for the accord. " + body(6),
    HEAD + "(AP Photo/Evan Vucci)\n" + body(7),
    HEAD + "(Photo: Kevin Lamarque/Reuters) " + body(),
    HEAD + "An aerial view of the ice shelf. (Photo: John Sonntag/NASA via AP) " + body(1),
    "Op-ed: cities lead on climate By Michael Bloomberg " + body(2),
    HEAD + "Washington (CNN) — " + body(3),
    "PA-Gov: climate activist confronts candidate " + body(4),
    HEAD + body(5) + "\n\nThis material may not be published, broadcast, rewritten, or "
    "redistributed. ©2019 FOX News Network, LLC.",
    HEAD + "Reuters staff were among the reporters at the summit. " + body(6),
    HEAD + body(7) + "\n\nShare this story! Photo: Getty/AFP",
    HEAD + body() + " The Associated Press obtained a copy of the 43-page document.",
    "The Thomson Reuters Foundation reported on the campaign. " + body(1),
    "Details of the letter were first published by Bloomberg\n\n" + body(2),
    HEAD + body(3) + "\n\nThe plan was originally reported by Reuters.",
    # a name and its abbreviation near the start is no dateline
    "NEW DELHI: The Aam Aadmi Party (AAP) - led by Arvind Kejriwal - won the polls. " + body(4),
    "Students who took Advanced Placement (AP) - exams on climate scored higher. " + body(5),
    "The Communist Party (CP) — which has ruled since 1949 — set targets. " + body(6),
    HEAD + "The Communist Party (CP) — The party set new targets. " + body(7),
    HEAD + "Voters backed the Aam Aadmi Party (AAP) - Led by Kejriwal, it won. " + body(),
    # publications whose names hold an agency's name
    HEAD + "By Jane Doe, Bloomberg Businessweek\n\n" + body(1),
    HEAD + "By Jane Doe | Bloomberg Opinion\n\n" + body(2),
    HEAD + "By Jane Doe, Reuters Breakingviews\n\n" + body(3),
    HEAD + "By Jane Doe, AP Stylebook editor\n\n" + body(4),
    "",
]


@pytest.mark.parametrize("raw", NOT_WIRE)
def test_agencies_cited_in_the_body_are_not_wire(raw: str) -> None:
    assert wire.agency(raw) == ("", "")


@pytest.mark.parametrize(
    ("kwargs", "agency"),
    [
        ({"source": "Reuters"}, "Reuters"),
        ({"source": "apnews.com"}, "Associated Press"),
        ({"source": "Climate Desk | AFP"}, "AFP"),
        ({"byline": "By Jane Doe, Associated Press"}, "Associated Press"),
        ({"byline": "Jane Doe | AFP"}, "AFP"),
        ({"dateline": "LONDON (Reuters)"}, "Reuters"),
        ({"text": HEAD + "WASHINGTON (AP) — " + body()}, "Associated Press"),
        ({"source": "APnews-fan blog"}, ""),
        ({"source": "Bloomberg Philanthropies"}, ""),
        ({"byline": "By Michael Bloomberg"}, ""),
        ({"byline": "Jane Doe, The Daily Planet"}, ""),
        ({"dateline": "WASHINGTON"}, ""),
    ],
)
def test_columns_name_the_agency(kwargs: dict[str, str], agency: str) -> None:
    assert wire.agency(body(), **kwargs)[0] == agency


def test_credit_after_site_furniture_is_found_in_the_cleaned_text() -> None:
    furniture = "\n".join(
        f"Related: another headline about the weather number {i}" for i in range(9)
    )
    raw = body() + "\n\n(Reporting by Jane Doe; Editing by John Roe)\n\n" + furniture
    assert wire.agency(raw)[0] == ""
    cleaned = body() + "\n\n(Reporting by Jane Doe; Editing by John Roe)"
    assert wire.agency(raw, text=cleaned)[0] == "Reuters"


def test_mark_adds_the_columns_and_keeps_rows() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "raw": [HEAD + "PARIS (AFP) - " + body(), HEAD + body(1), None],
            "text": ["", "", ""],
            "outlet": ["x", "APnews-fan blog", "z"],
        }
    )
    out = wire.mark(articles)
    assert out["wire"].tolist() == ["AFP", "", ""]
    assert out["wire_evidence"].tolist()[1:] == ["", ""]
    assert out.drop(columns=wire.COLUMNS).equals(articles)


@pytest.mark.parametrize(
    ("outlet", "raw", "wire_"),
    [
        ("Reuters", HEAD + "LONDON (Reuters) - " + body(), ""),
        ("AP News", HEAD + "WASHINGTON (AP) — " + body(1), ""),
        ("apnews.com", HEAD + "WASHINGTON (AP) — " + body(2), ""),
        ("Bloomberg", HEAD + "(Bloomberg) -- " + body(3), ""),
        ("AFP", HEAD + "PARIS (AFP) - " + body(4), ""),
        ("The Canadian Press", HEAD + "OTTAWA (CP) — " + body(5), ""),
        ("Reuters", HEAD + "WASHINGTON (AP) — " + body(6), "Associated Press"),
        ("The Daily Planet", HEAD + "LONDON (Reuters) - " + body(7), "Reuters"),
        ("APnews-fan blog", HEAD + "WASHINGTON (AP) — " + body(), "Associated Press"),
        ("Bloomberg Philanthropies", HEAD + "(Bloomberg) -- " + body(1), "Bloomberg"),
    ],
)
def test_an_agency_outlet_reports_for_itself(outlet: str, raw: str, wire_: str) -> None:
    out = wire.mark(pd.DataFrame({"article_id": ["a"], "raw": [raw], "outlet": [outlet]}))
    assert out.at[0, "wire"] == wire_
    assert out.at[0, "wire_evidence"].startswith(wire.OWN) == (wire_ == "")


HEADERS = {
    "dailyplanet": "Democrats mobilize on climate\nWASHINGTON (AP) — ",
    "gazette": "Climate push gains support in Congress\nBy Staff | March 3, 2019\n\n",
    "ledger": "Lawmakers call for climate action\nPosted by admin\n\nWASHINGTON — ",
}


def three_outlets(story: str) -> pd.DataFrame:
    """One story republished by three outlets with their own headers."""
    return pd.DataFrame(
        {
            "article_id": ["p1", "p2", "p3"],
            "outlet": list(HEADERS),
            "published": ["2019-03-01", "2019-03-02", "2019-03-03"],
            "status": ["ok", "ok", "ok"],
            "raw": [h + story for h in HEADERS.values()],
            "text": [h + story for h in HEADERS.values()],
        }
    )


def copies(articles: pd.DataFrame) -> pd.DataFrame:
    """Mark wire copy per article, then shared copies over the duplicate groups."""
    marked = wire.mark(articles)
    by_id = dict(zip(marked["article_id"], marked["text"]))
    found = dedupe.find_duplicates(
        dedupe.signatures(marked), lambda ids: {i: by_id[i] for i in ids}, threshold=0.8
    )
    return wire.apply_shared(marked, wire.shared_copies(found, marked))


def test_one_ap_story_in_three_outlets_is_ap_copy_in_each() -> None:
    out = copies(three_outlets(body(0, 8)))
    assert out["wire"].tolist() == ["Associated Press"] * 3
    assert out["wire_evidence"].tolist() == [
        'dateline "WASHINGTON (AP) —"',
        "shared copy with p1 (dailyplanet)",
        "shared copy with p1 (dailyplanet)",
    ]


def test_copies_without_an_agency_are_shared_copy() -> None:
    arts = three_outlets(body(0, 8))
    arts["raw"] = arts["text"] = [body(0, 8), "By Staff\n\n" + body(0, 8), body(0, 8) + "\n\nEnd"]
    out = copies(arts)
    assert out["wire"].tolist() == [wire.SHARED] * 3
    assert out["wire_evidence"].tolist()[0] == "shared copy with p2 (gazette)"


def test_an_original_and_one_republication_are_left_alone() -> None:
    arts = three_outlets(body(0, 8)).iloc[:2]
    arts["raw"] = arts["text"] = [body(0, 8), "By Staff\n\n" + body(0, 8)]
    arts["outlet"] = ["The Guardian", "Yahoo News"]
    out = copies(arts)
    assert out["wire"].tolist() == ["", ""]


def test_two_outlets_sharing_an_agency_story_are_its_copy() -> None:
    arts = three_outlets(body(0, 8)).iloc[:2]
    out = copies(arts)
    assert out["wire"].tolist() == ["Associated Press"] * 2


def test_the_agency_outlet_keeps_its_own_story_in_a_copy_group() -> None:
    found = pd.DataFrame({"article_id": ["b", "c"], "duplicate_of": ["a", "a"]})
    members = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["Reuters", "gazette", "ledger"],
            "wire": ["", "Reuters", ""],
            "wire_evidence": ["", 'closing credit "-- Reuters"', ""],
        }
    )
    shared = wire.shared_copies(found, members)
    assert shared.values.tolist() == [["c", "Reuters", "shared copy with b (gazette)"]]


def test_copies_within_one_outlet_are_not_shared_copy() -> None:
    arts = three_outlets(body(0, 8))
    arts["raw"] = arts["text"] = [body(0, 8)] * 3
    arts["outlet"] = ["gazette"] * 3
    out = copies(arts)
    assert out["wire"].tolist() == [""] * 3


def test_stage_writes_wire_columns(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = body(0, 8)
    texts = {
        "a.txt": ("dailyplanet", "Democrats mobilize on climate\n\nWASHINGTON (AP) — " + story),
        "b.txt": ("gazette", "Climate push gains support\n\nBy Staff\n\n" + story),
        "c.txt": ("ledger", "Summit ends\n\n" + body(3, 6) + "\n\n-- Reuters"),
        "d.txt": ("apnews-fan blog", "Our view\n\n" + body(5, 6) + " Reuters reported on Monday."),
    }
    rows = ["file,outlet,published"]
    for k, (name, (outlet, text)) in enumerate(texts.items()):
        (corpus / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{outlet},2019-03-0{k + 1}")
    (corpus / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    stages.clean_corpus(corpus, tmp_path / "out", pack="", progress=False)
    arts = tables.read("articles", tmp_path / "out").set_index("file")
    cols = arts.columns.tolist()
    assert cols[cols.index("source") + 1 : cols.index("source") + 3] == wire.COLUMNS
    assert arts["wire"].to_dict() == {
        "a.txt": "Associated Press",
        "b.txt": "Associated Press",
        "c.txt": "Reuters",
        "d.txt": "",
    }
    assert arts.at["b.txt", "status"] == "duplicate"
    assert arts.at["b.txt", "wire_evidence"].startswith("shared copy with")


def test_chained_copies_form_one_group() -> None:
    found = pd.DataFrame({"article_id": ["b", "c", "e"], "duplicate_of": ["a", "b", "d"]})
    members = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e"],
            "outlet": ["x", "y", "z", "x", "x"],
            "wire": ["", "", "Reuters", "", ""],
            "wire_evidence": ["", "", 'closing credit "-- Reuters"', "", ""],
        }
    )
    shared = wire.shared_copies(found, members)
    assert shared.values.tolist() == [
        ["a", "Reuters", "shared copy with c (z)"],
        ["b", "Reuters", "shared copy with c (z)"],
    ]
