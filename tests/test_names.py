"""Names, not ids, on the pages: article ids become outlet, date and headline (linking the page),
actor ids display names; numbers read as numbers; the detector of ids a reader would see."""

import re
from pathlib import Path

import pandas as pd
import pytest

from presslens.report import pages, parts
from presslens.report.parts import Cell, Part, Table
from presslens.report.summary import names

ARTICLES = pd.DataFrame(
    {
        "article_id": ["003_e6e0", "x1", "nodate"],
        "outlet": ["uslive.com", "eu", None],
        "published": ["2025-03-11", "2019-01-02T10:00:00", None],
        "title": ["NATO chief visits Kosovo", "A " + "very " * 30 + "long headline", ""],
    }
)
ACTORS = pd.DataFrame(
    {
        "actor": ["albin_kurti", "ambiguous:Clinton", "eu", "kosovo", "serbian_forces"],
        "name": ["Albin Kurti", "Clinton (ambiguous)", "European Union", "Kosovo", ""],
    }
)
NAMES = names.from_tables(ARTICLES, ACTORS)
PATTERN = names.id_pattern(NAMES)


def test_labels_and_actor_names() -> None:
    assert NAMES.short["003_e6e0"] == "uslive.com, 2025-03-11"
    assert NAMES.long["003_e6e0"] == "NATO chief visits Kosovo (uslive.com, 2025-03-11)"
    assert NAMES.short["x1"] == "eu, 2019-01-02"
    assert NAMES.long["x1"].endswith("… (eu, 2019-01-02)") and len(NAMES.long["x1"]) < 120
    assert NAMES.long["nodate"] == "unknown outlet"
    # a name equal to its id, or missing, is no name
    assert NAMES.actors == {
        "albin_kurti": "Albin Kurti",
        "ambiguous:Clinton": "Clinton (ambiguous)",
        "eu": "European Union",
        "kosovo": "Kosovo",
    }


@pytest.mark.parametrize(
    ("text", "href", "expected"),
    [
        ("003_e6e0 #3", "articles/003_e6e0.html#s3", "uslive.com, 2025-03-11, sentence 3"),
        ("003_e6e0 #s12", "articles/003_e6e0.html#s12", "uslive.com, 2025-03-11, sentence 12"),
        ("003_e6e0", "articles/003_e6e0.html", "NATO chief visits Kosovo (uslive.com, 2025-03-11)"),
        # must not change: other link texts, other targets, unknown ids
        ("e.g.", "articles/003_e6e0.html#s3", "e.g."),
        ("“NATO chief said”", "articles/003_e6e0.html#s1", "“NATO chief said”"),
        ("003_e6e0", "data/articles.csv", "003_e6e0"),
        ("999_unknown #3", "articles/999_unknown.html#s3", "999_unknown #3"),
    ],
)
def test_article_link_text(text: str, href: str, expected: str) -> None:
    assert names.article_text(text, href, NAMES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("albin_kurti met eu officials", "Albin Kurti met eu officials"),
        ("speaker: ambiguous:Clinton.", "speaker: Clinton (ambiguous)."),
        (
            "Tone of article 003_e6e0: its sentences",
            "Tone of article NATO chief visits Kosovo (uslive.com, 2025-03-11): its sentences",
        ),
        # must not change: plain words that are ids too, longer ids, file names, names themselves
        ("told us about the eu summit", "told us about the eu summit"),
        ("albin_kurti_party grew", "albin_kurti_party grew"),
        ("003_e6e0.txt", "003_e6e0.txt"),
        ("serbian_forces withdrew", "serbian_forces withdrew"),
        ("Albin Kurti said", "Albin Kurti said"),
        ("", ""),
    ],
)
def test_name_text(text: str, expected: str) -> None:
    assert names.name_text(text, NAMES, PATTERN) == expected


def _t(columns: list[str], rows: list[list[Cell]]) -> Table:
    return Table(columns, rows, len(rows))


@pytest.mark.parametrize(
    ("columns", "row", "expected_columns", "expected"),
    [
        (
            ["article_id", "tone"],
            [Cell("003_e6e0"), Cell("0.100", "", True)],
            ["article", "tone"],
            [
                Cell("NATO chief visits Kosovo (uslive.com, 2025-03-11)", "articles/003_e6e0.html"),
                Cell("0.100", "", True),
            ],
        ),
        (
            ["subject", "action", "concept"],
            [Cell("albin_kurti"), Cell("met"), Cell("eu")],
            ["subject", "action", "concept"],
            [Cell("Albin Kurti"), Cell("met"), Cell("eu")],
        ),
        (
            ["speaker", "quotes"],
            [Cell("eu"), Cell("3", "", True, "3")],
            ["speaker", "quotes"],
            [Cell("European Union"), Cell("3", "", True, "3")],
        ),
        # must not change: unknown ids, names, numbers, linked text
        (
            ["article_id", "speaker", "text"],
            [Cell("999_unknown"), Cell("Mark Rutte"), Cell("us troops", "articles/x1.html#s2")],
            ["article", "speaker", "text"],
            [Cell("999_unknown"), Cell("Mark Rutte"), Cell("us troops", "articles/x1.html#s2")],
        ),
    ],
)
def test_name_table(
    columns: list[str], row: list[Cell], expected_columns: list[str], expected: list[Cell]
) -> None:
    got = names.name_table(_t(columns, [row]), NAMES, pattern=PATTERN)
    assert got.columns == expected_columns and got.rows == [expected]


def test_name_blocks_reach_lists_details_and_paragraphs() -> None:
    blocks = [
        parts.block(
            "list", entries=[[Part("e.g. "), Part("003_e6e0 #2", "articles/003_e6e0.html#s2")]]
        ),
        parts.block(
            "details", summary="more", blocks=[parts.block("p", parts=[Part("albin_kurti")])]
        ),
        parts.block("h3", text="unchanged"),
    ]
    got = names.name_blocks(blocks, NAMES)
    assert got[0]["entries"][0][1] == Part(
        "uslive.com, 2025-03-11, sentence 2", "articles/003_e6e0.html#s2"
    )
    assert got[1]["blocks"][0]["parts"] == [Part("Albin Kurti")]
    assert got[2] == blocks[2]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<td>kosovo</td><td class="num">3</td>', ["kosovo"]),
        ("<p>Quotes by albin_kurti</p>", ["albin_kurti"]),
        ("<td>kosovo</td>", ["kosovo"]),
        ("<p>see 003_e6e0 #3</p>", ["003_e6e0"]),
        ("<li><a href='x'>ambiguous:Clinton</a></li>", ["ambiguous:Clinton"]),
        # must not be flagged: ids as link targets, file names, words, names, figures, unknown ids
        ('<a href="articles/003_e6e0.html#s3">uslive.com, 2025-03-11, sentence 3</a>', []),
        ("<td>003_e6e0.txt</td><td>presslens/resources/packs/kosovo/actors.yaml</td>", []),
        ("<p>they told us the eu was slow</p><td>the eu</td>", []),
        ("<td>Albin Kurti</td><td>Kosovo</td><td>serbian_forces</td>", []),
        ("<svg><text>albin_kurti</text></svg>", []),
        ("<td>eu</td><td>ap.org</td>", []),  # an outlet named as the actor is
        ('<p title="003_e6e0">NATO chief</p>', []),
    ],
)
def test_shown_ids(page: str, expected: list[str]) -> None:
    assert names.shown_ids(page, NAMES) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([46.0, 26.0, 3.0], ["46", "26", "3"]),  # counts stored as floats
        ([1234.0, 85.0], ["1,234", "85"]),
        ([1.0, 0.8, 0.0], ["1.000", "0.800", "0.000"]),  # one share of 1 among shares
        ([150.5, 3.25], ["150.5", "3.2"]),
        ([12345.6, 2.0], ["12,346", "2"]),
        ([0.5, float("nan"), None], ["0.500", "", ""]),
        ([7, 12000], ["7", "12,000"]),
        # must not change: text and flags in a numeric column
        (["n/a", 2.0], ["n/a", "2"]),
        ([True, 2.0], ["yes", "2"]),
    ],
)
def test_column_format(values: list[object], expected: list[str]) -> None:
    f = parts.column_format(values)
    assert [f(v) for v in values] == expected


def test_numeric_cells_carry_their_sort_key_and_large_tables_are_interactive() -> None:
    recs = [{"name": f"actor {i}", "mentions": float(i * 1000)} for i in range(12)]
    t = parts.records_table(recs, ["name", "mentions"], numeric=["mentions"])
    assert t.interactive and t.rows[2][1] == Cell("2,000", "", True, "2000.0")
    assert not parts.records_table(
        recs[:10], ["name", "mentions"], numeric=["mentions"]
    ).interactive
    # every cell of a column of numbers has a key (a gap sorts first); a column of text has none
    gaps = [{"v": 2.0, "w": "n/a"}, {"v": None, "w": "n/a"}, {"v": "n/a", "w": "-"}]
    keyed = parts.records_table(gaps, ["v", "w"], numeric=["v", "w"]).rows
    assert [r[0].sort for r in keyed] == ["2.0", "-1e308", "-1e308"]
    assert [r[1].sort for r in keyed] == ["", "", ""]
    # short values without spaces (dates, codes) never break; text does
    dates = parts.records_table([{"d": "2023-11-22", "t": "a long sentence"}], ["d", "t"]).rows[0]
    assert dates[0].tight and not dates[1].tight


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        (
            "var a=1,b=2;export{a as x,b};",
            '(function(){"use strict";\nvar a=1,b=2;\nwindow.T={x:a,b:b};\n})();\n',
        ),
        (
            "var Go=1;export{Go as ITable,vh as default}\n/* licence */",
            '(function(){"use strict";\nvar Go=1;/* licence */\n'
            "window.T={ITable:Go,default:vh};\n})();\n",
        ),
    ],
)
def test_classic_script(module: str, expected: str) -> None:
    assert pages.classic_script(module, name="T") == expected


@pytest.mark.parametrize("module", ["var a=1;", "export{a};export{b};"])
def test_classic_script_refuses_other_modules(module: str) -> None:
    with pytest.raises(ValueError):
        pages.classic_script(module)


# ---- the seeds run -------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.html", "evidence.html"])
def test_seeds_pages_show_names_not_ids(seeds_run: Path, page: str) -> None:
    known = names.load(seeds_run)
    assert len(known.long) == 5 and "albin_kurti" in known.actors
    assert names.shown_ids((seeds_run / page).read_text(encoding="utf-8"), known) == []


def test_seeds_article_pages_name_their_actors(seeds_run: Path) -> None:
    known = names.load(seeds_run)
    for page in sorted((seeds_run / "articles").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert names.shown_ids(text, names.Names(known.actors)) == [], page.name
        hover = set(re.findall(r'title="(?:direct quote: |indirect quote: )?([^"]*)"', text))
        assert not hover & {a for a in known.actors if "_" in a or ":" in a}, page.name


def test_seeds_start_page_loads_its_tables_script_from_its_own_folder(seeds_run: Path) -> None:
    from presslens.report import htmlexport

    index = (seeds_run / "index.html").read_text(encoding="utf-8")
    assert htmlexport.remote_references(index) == []
    assert "script-src 'self'" in index and "'unsafe-eval'" not in index
    assert re.findall(r'<script src="([^"]+)"', index) == [
        "assets/datatables.js",
        "assets/tables.js",
    ]
    assert (seeds_run / "assets" / "datatables.js").stat().st_size > 100_000
    assert index.count('<table class="interactive">') >= 3
    # the evidence and article pages stay without scripts
    for page in [seeds_run / "evidence.html", *sorted((seeds_run / "articles").glob("*.html"))]:
        assert "<script" not in page.read_text(encoding="utf-8"), page.name


def test_hostile_text_in_an_interactive_table_stays_text() -> None:
    hostile = '<script>document.title="pwned"</script><img src=x onerror="alert(1)">'
    recs = [{"article_id": "003_e6e0", "text": hostile, "n": float(i)} for i in range(12)]
    t = parts.records_table(recs, ["article_id", "text", "n"], numeric=["n"])
    section = pages.Section("s", "S", names.name_blocks([parts.block("table", table=t)], NAMES))
    page = pages.render(
        "index.html.j2", title="t", question="q", warnings=[], sections=[section], assets=True
    )
    assert '<table class="interactive">' in page and 'data-order="11.0"' in page
    assert "<script>document" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title=&#34;pwned&#34;" in page
    assert re.findall(r"<script[^>]*>", page) == [
        '<script src="assets/datatables.js" defer>',
        '<script src="assets/tables.js" defer>',
    ]


def test_numeric_article_ids_leave_counts_alone() -> None:
    """A database export's numeric ids (2, 7, 12345): the counts and dates of a finding keep their
    digits (they read as numbers), as the climate corpus's start page showed ('273 analysed,
    <headline of article 2> duplicate'); an id that is no number is still named."""
    known = names.Names(
        long={"2": "Climate alarm (Daily Caller)", "7": "EPA study", "a7": "Kosovo vote"}
    )
    text = "275 input articles: 273 analysed, 2 duplicate, and hold 7,218 sentences; a7 leads"
    assert names.name_text(text, known, None) == (
        "275 input articles: 273 analysed, 2 duplicate, and hold 7,218 sentences; Kosovo vote leads"
    )
