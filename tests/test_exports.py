"""News-database exports: format detection, documents and their metadata, the corpus reader on
export files and folders, quarantine of documents without text, and the generated export files
(eval/exports) read back clean."""

import sys
from pathlib import Path

import pandas as pd
import pytest

from presslens.ingest import clean, corpus, exports

ROOT = Path(__file__).resolve().parents[1]

NEXIS_UNI = """The Daily Example (London)
January 22, 2019 Tuesday
Online Edition

Climate Talks Stall In Bonn

Byline: Jane Doe

Section: NEWS; Pg. 5

Length: 42 words

Body

BONN, Germany — Negotiators failed to agree on new targets on Monday.

(Photo by John Roe/Getty Images)

The talks resume in June.

Load-Date: January 23, 2019

Copyright 2019 The Daily Example
All Rights Reserved

End of Document

The Other Paper
22 January 2019

Second Story Headline

Body

Second story text here.

Load-Date: January 23, 2019

End of Document
"""

LEXISNEXIS = """                    1 of 2 DOCUMENTS

                    The Morning Post - Final Edition

                    March 3, 2019 Sunday

Pipeline Ruling Expected

BYLINE: By JANE DOE and JOHN ROE, Associated Press

SECTION: NATIONAL; Pg. A5

LENGTH: 30 words

WASHINGTON (AP) — A federal judge is expected to rule on the pipeline.

LOAD-DATE: March 4, 2019

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

                    2 of 2 DOCUMENTS

                    The Morning Post

                    March 4, 2019 Monday

LOAD-DATE: March 5, 2019
"""

PROQUEST = """____________________________________________________________

Document 1 of 2

Oil Output Hits A Record

Author: Doe, Jane

ABSTRACT
US oil output hit a record of 12 million barrels a day in November, the agency said.

FULL TEXT
US oil output hit a record of 12 million barrels a day in November, the agency said on Monday.

Analysts expect more growth. pic.twitter.com/Ab12Cd34

Subject: Oil production; Energy

Title: Oil Output Hits A Record

Publication title: The Energy Daily; Houston, Tex.

Publication date: Dec 3, 2018

Source type: Newspapers

ProQuest document ID: 2150123456

Document URL: https://www.proquest.com/docview/2150123456

Copyright: Copyright The Energy Daily Dec 3, 2018

Last updated: 2018-12-04

Database: US Newsstream
____________________________________________________________

Document 2 of 2

A Headline Without Text

Full text: Not available.

Publication title: The Energy Daily

Publication date: Dec 4, 2018
"""


FACTIVA = """HD
Climate talks stall in Bonn
BY
Jane Doe
WC
523 words
PD
22 January 2019
SN
The Guardian
SC
GDN
LA
English
CY
(c) 2019 Guardian News & Media Ltd
LP
BONN, Germany — Negotiators failed to agree.

IN THE END, nothing moved.
TD
TD Bank analysts expect talks to resume in June.
NS
gclimt : Climate Change | gcat : Political
AN
Document GDN0000020190122ef1m0005x
HD Second story
PD 23 January 2019
SN The Times
LP The second lead.
TD More text.
NS gclimt : Climate Change
AN Document TIMES0020190123ef1n0001a
HD A headline without text
PD 24 January 2019
AN Document TIMES0020190124ef1n0001b
"""


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (FACTIVA, "factiva"),
        (NEXIS_UNI, "nexis"),
        (LEXISNEXIS, "nexis"),
        (PROQUEST, "proquest"),
        ("A plain article. It mentions the end of document review.", ""),
        ("Document 1 of 3 was leaked, he said.\nNothing else here.", ""),
        ("The 1 of 5 documents that matter.\nMore text.", ""),
    ],
)
def test_detect(text: str, fmt: str) -> None:
    assert exports.detect(text) == fmt


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("January 22, 2019 Tuesday", "2019-01-22"),
        ("22 January 2019", "2019-01-22"),
        ("Dec 3, 2018", "2018-12-03"),
        ("Sept. 9, 2019", "2019-09-09"),
        ("2019-02-07", "2019-02-07"),
        ("February 30, 2019", None),
        ("no date here", None),
    ],
)
def test_iso_date(value: str, iso: str | None) -> None:
    assert exports.iso_date(value) == iso


def test_nexis_uni_documents() -> None:
    docs = exports.documents(NEXIS_UNI)
    assert [d.number for d in docs] == [1, 2]
    first, second = docs
    assert (first.title, first.outlet, first.published) == (
        "Climate Talks Stall In Bonn",
        "The Daily Example (London)",
        "2019-01-22",
    )
    assert (second.title, second.outlet, second.published) == (
        "Second Story Headline",
        "The Other Paper",
        "2019-01-22",
    )
    assert "Climate Talks Stall" not in first.raw and not first.problem


def test_lexisnexis_documents_and_broken_one() -> None:
    first, second = exports.documents(LEXISNEXIS)
    assert (first.title, first.outlet, first.published) == (
        "Pipeline Ruling Expected",
        "The Morning Post",
        "2019-03-03",
    )
    assert second.problem == "export document 2 (Nexis) has no text"


def test_factiva_documents() -> None:
    first, second, third = exports.documents(FACTIVA)
    assert (first.title, first.outlet, first.published, first.byline) == (
        "Climate talks stall in Bonn",
        "The Guardian",
        "2019-01-22",
        "Jane Doe",
    )
    assert (second.title, second.outlet, second.published) == (
        "Second story",
        "The Times",
        "2019-01-23",
    )
    assert third.problem == "export document 3 (Factiva) has no text"


def test_proquest_documents() -> None:
    first, second = exports.documents(PROQUEST)
    assert (first.title, first.outlet, first.published, first.url, first.byline) == (
        "Oil Output Hits A Record",
        "The Energy Daily",
        "2018-12-03",
        "https://www.proquest.com/docview/2150123456",
        "Doe, Jane",
    )
    assert second.problem == "export document 2 (ProQuest) has no full text"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            NEXIS_UNI,
            "uni.txt",
            {
                "uni-001": (
                    "Negotiators failed to agree on new targets on Monday.\n\nThe talks resume in "
                    "June.",
                    "Jane Doe",
                    "BONN, Germany",
                ),
                "uni-002": ("Second story text here.", "", ""),
            },
        ),
        (
            LEXISNEXIS,
            "lexis.txt",
            {
                "lexis-001": (
                    "A federal judge is expected to rule on the pipeline.",
                    "By JANE DOE and JOHN ROE, Associated Press",
                    "WASHINGTON (AP)",
                )
            },
        ),
        (
            FACTIVA,
            "fv.txt",
            {
                "fv-001": (
                    "Negotiators failed to agree.\n\nIN THE END, nothing moved.\n\nTD Bank "
                    "analysts expect talks to resume in June.",
                    "By Jane Doe",
                    "BONN, Germany",
                ),
                "fv-002": ("The second lead.\n\nMore text.", "", ""),
            },
        ),
        (
            PROQUEST,
            "pq.txt",
            {
                "pq-001": (
                    "US oil output hit a record of 12 million barrels a day in November, the "
                    "agency said on Monday.\n\nAnalysts expect more growth.",
                    "Doe, Jane",
                    "",
                )
            },
        ),
    ],
)
def test_export_file_is_a_corpus(tmp_path: Path, text: str, name: str, expected: dict) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    raw, quarantine = corpus.read(tmp_path / name)
    arts, _ = clean.clean_articles(raw)
    ok = arts[arts["status"] == "ok"].set_index("article_id")
    assert {aid: (r["text"], r["byline"], r["dateline"]) for aid, r in ok.iterrows()} == expected
    assert len(arts) == len(ok) + len(quarantine)  # in = ok + quarantined
    assert (quarantine["source"].str.startswith(name + "#")).all()


def test_folder_of_exports_and_plain_files(tmp_path: Path) -> None:
    (tmp_path / "pq.txt").write_text(PROQUEST, encoding="utf-8")
    (tmp_path / "nexis.txt").write_text(NEXIS_UNI, encoding="utf-8")
    (tmp_path / "plain.txt").write_text("A plain article about Reuters.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\nplain.txt,Plain News\n", encoding="utf-8")
    raw, quarantine = corpus.read(tmp_path)
    assert list(raw["article_id"]) == ["nexis-001", "nexis-002", "plain", "pq-001", "pq-002"]
    assert list(raw["status"]) == ["ok", "ok", "ok", "ok", "quarantined"]
    outlets = dict(zip(raw["article_id"], raw["outlet"]))
    assert outlets["plain"] == "Plain News" and outlets["pq-001"] == "The Energy Daily"
    assert "no full text" in " ".join(quarantine["reason"])


def test_export_ids_are_safe(tmp_path: Path) -> None:
    (tmp_path / "My Export (2019) ..x.txt").write_text(PROQUEST, encoding="utf-8")
    raw, _ = corpus.read(tmp_path)
    assert all(corpus.safe_id(a) == a for a in raw["article_id"])
    assert raw["article_id"].is_unique


def test_generated_exports_read_clean() -> None:
    """The export files of eval/exports (dev and held out) come out without debris, losing no
    sentence, with their metadata (bench/export_corpus.py --check prints the same figures)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import export_corpus as ec

    folder = ROOT / "eval" / "exports"
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    manifest["broken"] = manifest["broken"] == "True"
    manifest["document"] = manifest["document"].astype(int)
    for part in ("dev", "heldout"):
        res = ec.check_part(folder, part, manifest)
        c, judged = res["counts"], res["judged"]
        assert c["inputs"] == c["ok"] + c["quarantined"] and c["quarantined"] == c["broken"]
        assert [x for x in judged if x["leftovers"] or x["lead_twice"]] == []
        assert sum(x["lost"] for x in judged) == 0
        assert all(x["meta_ok"] and x["byline_ok"] and x["dateline_ok"] for x in judged)


# What an export prints around its documents is not an article: the Nexis Uni cover page, the
# ProQuest bibliography and contact block, the Factiva search summary and page footers.
NEXIS_COVER = """User Name: =

Date and Time: = 2026-12-05

Job Number: = 287459173


Documents (2)

1. Harry Defends Private Jets
Client/Matter: -None-
Search Terms: "climate change" OR "global warming"
Search Type: Terms and Connectors
Narrowed by:
Content Type\tNarrowed by
News\tTimeline: Jan 01, 2017 to Dec 31, 2019

2. Energy Companies Sued
Client/Matter: -None-
Search Terms: "climate change"



Harry Defends Private Jets
BBC News
September 3, 2019 Tuesday 8:55 PM GMT


Copyright 2019 British Broadcasting Corporation All Rights Reserved

Section: POLITICS

Byline: Naomi Marsh

Highlight: Prince Harry defends use of private jets

Body


The Duke of Sussex has defended his use of private jets.

Load-Date: September 4, 2019

End of Document



Energy Companies Sued
National Review Online
March 28, 2018 Wednesday 3:51 PM EDT

Length: 767 words
Section: ENVIRONMENT; Version:1
Body

Lawsuits are a poor way to make the tradeoff.

Load-Date: March 29, 2018


End of Document

Printed by a library user on December 5, 2026
"""


def test_nexis_uni_cover_page_dropped_and_title_first() -> None:
    docs = exports.documents(NEXIS_COVER)
    assert [(d.title, d.outlet, d.published) for d in docs] == [
        ("Harry Defends Private Jets", "BBC News", "2019-09-03"),
        ("Energy Companies Sued", "National Review Online", "2018-03-28"),
    ]
    assert not any(w in d.raw for d in docs for w in ("Job Number", "Search Terms", "Printed"))
    texts = [clean.clean(d.raw, title=d.title).text for d in docs]
    assert texts == [
        "The Duke of Sussex has defended his use of private jets.",
        "Lawsuits are a poor way to make the tradeoff.",
    ]


PQ_TRAILER = """____________________________________________________________

Report Information from ProQuest
December 05 2026 07:31
____________________________________________________________

Table of contents

1. Coal Plant Headline

____________________________________________________________

Document 1 of 1

Coal Plant Headline

Abstract: A coal-fired power plant in central Poland.

Full text:

A coal-fired power plant in central Poland. Global emissions rose in 2018.

Publication title: NPR; Washington, D.C.

Publication date: Sep 23, 2019

ProQuest document ID: 1918064864

Database: ProQuest Central
____________________________________________________________

Bibliography
Citation style: APA 6th - American Psychological Association, 6th Edition

Ruiz, C. (2019, Sep 23). Coal Plant Headline. NPR; Washington, D.C. Retrieved from https://x

____________________________________________________________

Contact ProQuest
Copyright © 2026 ProQuest LLC. All rights reserved. - Terms and Conditions
"""


def test_proquest_trailer_dropped_and_short_abstract_kept_once() -> None:
    (doc,) = exports.documents(PQ_TRAILER)
    assert (doc.title, doc.outlet, doc.published) == ("Coal Plant Headline", "NPR", "2019-09-23")
    assert "Bibliography" not in doc.raw and "Citation style" not in doc.raw
    res = clean.clean(doc.raw, title=doc.title)
    assert res.text == "A coal-fired power plant in central Poland. Global emissions rose in 2018."


FV_MORE = """HD Dems want to help Trump cut taxes
BY Tessa Saylor
CR Dow Jones
WC 132 words
PD 1 September 2017
SN CNBC.com
SC CNBCW
SE Politics
CLM Opinion
LA English
CY Copyright 2017 CNBC LLC All Rights Reserved.

LP
Democrats say they can help cut taxes.

TD
Their plans would transfer money from polluters.

Page 2 of 24 © 2026 Factiva, Inc. All rights reserved.

The goal of a carbon tax is to reduce emissions.
IPD Politics
ART Smoke rises from a plant.
PUB CNBC LLC
AN Document CNBCW00020170901ed91000yp Page 3 of 24 © 2026 Factiva, Inc. All rights reserved.



HD Second story
PD 2 September 2017
SN The Times
TD Its only paragraph.
IPC climate
AN Document TIMES0020170902ed92000ab



Page 5 of 24 © 2026 Factiva, Inc. All rights reserved.


Search Summary
Text\tclimate change or global warming
Date\t01/01/2017 to 31/12/2019
Source\tAll Sources
Results Found\t4,812
Timestamp\t5 December 2026 7:33
"""


def test_factiva_all_codes_footers_and_search_summary() -> None:
    first, second = exports.documents(FV_MORE)
    assert (first.title, first.outlet, first.byline) == (
        "Dems want to help Trump cut taxes",
        "CNBC.com",
        "Tessa Saylor",
    )
    assert (second.title, second.outlet) == ("Second story", "The Times")
    assert "Search Summary" not in second.raw and "Page 5" not in second.raw
    texts = [clean.clean(d.raw, title=d.title) for d in (first, second)]
    assert texts[0].text == (
        "Democrats say they can help cut taxes.\n\nTheir plans would transfer money from "
        "polluters.\n\nThe goal of a carbon tax is to reduce emissions."
    )
    assert texts[0].byline == "By Tessa Saylor"
    assert texts[1].text == "Its only paragraph."


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # Nexis Uni: title, outlet, date
        ("Seas Rise Faster\nThe Paper\nMay 2, 2019 Thursday", ("Seas Rise Faster", "The Paper")),
        # LexisNexis: outlet, date, edition, title
        ("The Paper\nMay 2, 2019 Thursday\nFinal Edition\n\nSeas Rise", ("Seas Rise", "The Paper")),
        # a numbered title without a cover page is a title, not a cover's list
        ("5. Things To Know\nThe Paper\nMay 2, 2019", ("5. Things To Know", "The Paper")),
        # LexisNexis Academic: copyright above the outlet, an edition without the word "edition"
        (
            "Copyright 2019 The Paper\n  All Rights Reserved\n\n  The Paper\n\n"
            "  May 2, 2019 Thursday 10:42 PM EST\n\nSeas Rise",
            ("Seas Rise", "The Paper"),
        ),
        (
            "  The Paper\n\n  May 2, 2019 Thursday\n\n  Final\n\nSeas Rise",
            ("Seas Rise", "The Paper"),
        ),
        ("The Paper\nMay 2, 2019\nLate Edition - Final\nSeas Rise", ("Seas Rise", "The Paper")),
        ("The Paper\nMay 2, 2019\nHOME FINAL\nSeas Rise", ("Seas Rise", "The Paper")),
        ("The Paper\nMay 2, 2019\nCorrection Appended\nSeas Rise", ("Seas Rise", "The Paper")),
        # a headline that starts like an edition word is still the headline
        ("The Paper\nMay 2, 2019\nFinal Talks Collapse", ("Final Talks Collapse", "The Paper")),
    ],
)
def test_nexis_head_orders(head: str, expected: tuple[str, str]) -> None:
    text = f"{head}\n\nLength: 20 words\n\nBody\n\nThe text.\n\nLoad-Date: May 3, 2019\n\n"
    (doc,) = exports.documents(text + "End of Document\n")
    assert (doc.title, doc.outlet, doc.published) == (*expected, "2019-05-02")
    assert clean.clean(doc.raw, title=doc.title).text == "The text."


def test_nexis_uni_cover_with_tabs_turned_to_spaces() -> None:
    docs = exports.documents(NEXIS_COVER.replace("\t", " "))
    assert [d.title for d in docs] == ["Harry Defends Private Jets", "Energy Companies Sued"]


LN_ACADEMIC = """                            1 of 1 DOCUMENTS


                      Copyright 2017 Daily Mail
                          All Rights Reserved


                               Daily Mail


                         April 23, 2017 Sunday

                             Final


Trump doesn't say 'climate change' in Earth Day message

BYLINE: Hannah Brooks

SECTION: WORLD

LENGTH: 301 words


The president's statement did not mention climate.

GRAPHIC: PHOTO: Protesters march near the White House.

LOAD-DATE: April 24, 2017

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

JOURNAL-CODE: WEB

DOCUMENT-TYPE: News
"""


def test_lexisnexis_academic_copyright_on_top_and_all_fields_cleaned() -> None:
    (doc,) = exports.documents(LN_ACADEMIC)
    assert (doc.title, doc.outlet, doc.published) == (
        "Trump doesn't say 'climate change' in Earth Day message",
        "Daily Mail",
        "2017-04-23",
    )
    res = clean.clean(doc.raw, title=doc.title)
    assert res.text == "The president's statement did not mention climate."
    assert res.byline == "Hannah Brooks"
