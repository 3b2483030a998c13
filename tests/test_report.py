"""HTML pages come from templates that escape article text and metadata, never link javascript:
URLs, nest highlights properly and format numbers for reading."""

import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from presslens.report import articles, pages, parts


HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="alert(1)">'


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("javascript:alert(1)", ""),
        ("data:text/html,hi", ""),
        (" https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
        (None, ""),
    ],
)
def test_safe_href(url: str, href: str) -> None:
    assert parts.safe_href(url) == href


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234567, "1,234,567"),
        (np.int64(7), "7"),
        (0.3333333333333333, "0.333"),
        (-0.2149525, "-0.215"),
        (150.25, "150.2"),
        (12345.678, "12,346"),
        (np.float64(5190.0), "5,190"),
        (3.0, "3"),
        (0.0, "0.000"),
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
        (True, "yes"),
        ("x", "x"),
    ],
)
def test_numbers_are_formatted_for_reading(value: object, text: str) -> None:
    assert parts.fmt(value) == text


def page_for(text: str, spans: list, **article) -> str:
    sents = [(1, 0, len(text) - 12), (2, len(text) - 11, len(text))]
    removed = [{"line": 1, "text": HOSTILE, "rule": "x"}]
    return articles.article_page(
        {"article_id": "a", "text": text, **article}, sents, removed, spans
    )


def test_article_page_escapes_everything() -> None:
    text = f"First {HOSTILE} sentence. Second one."
    html = page_for(
        text,
        [articles.Span(0, 5, "mention", HOSTILE)],
        title=HOSTILE,
        url="javascript:alert(1)",
        outlet=HOSTILE,
    )
    assert "<script>" not in html and "<img" not in html and 'href="javascript' not in html
    assert '<span class="sent" id="s2">' in html and "URL (not linked): javascript:alert(1)" in html


class Nesting(HTMLParser):
    """Records whether every closing tag closes the element opened last."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ("meta", "br", "img", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.ok &= bool(self.stack) and self.stack.pop() == tag


@pytest.mark.parametrize(
    "spans",
    [
        [
            articles.Span(0, 16, "mention", "Stoltenberg"),
            articles.Span(5, 21, "quote", "q"),
        ],  # crossing
        [
            articles.Span(0, 21, "quote", "q"),
            articles.Span(5, 16, "mention", "m"),
            articles.Span(5, 9, "term", "t"),
        ],  # nested, same start
        [articles.Span(0, 4, "timex", "d"), articles.Span(4, 8, "claim", "c")],  # adjacent
        [],
    ],
)
def test_highlights_nest_properly_and_keep_the_text(spans: list) -> None:
    text = "Jens Stoltenberg said so."
    toks = articles.tokens(text, spans)
    assert "".join(x for op, x, _ in toks if op == "text") == text
    html = pages.render(
        "article.html.j2",
        title="t",
        heading="h",
        url="",
        url_text="",
        meta=parts.table(pd.DataFrame()),
        kinds=[],
        paragraphs=[[{"id": 1, "tokens": toks}]],
        evidence=[],
        removed=parts.table(pd.DataFrame()),
    )
    parser = Nesting()
    parser.feed(html)
    assert parser.ok and not parser.stack
    assert html.count("<mark") == len(spans) + sum(
        1 for a in spans for b in spans if a.start < b.start < a.end < b.end
    )


def test_page_tables_are_bounded_and_link_their_csv() -> None:
    df = pd.DataFrame({"n": range(1000), "x": [0.123456] * 1000})
    t = parts.table(df, numeric=["n", "x"], csv="data/t.csv")
    assert len(t.rows) == parts.MAX_ROWS and t.total == 1000 and t.rows[0][1].text == "0.123"
    html = pages.render(
        "index.html.j2",
        title="t",
        question="q",
        warnings=[],
        sections=[pages.Section("s", "S", [parts.block("table", table=t)])],
    )
    assert (
        "The first 25 of 1,000 rows" in html
        and 'href="data/t.csv"' in html
        and html.count("<tr>") == 26
    )


def test_start_page_has_no_html_from_python() -> None:
    """Every tag of the pages comes from the templates: the Python modules that build pages hold no
    HTML tag literal."""
    import inspect

    from presslens.report import pages as r
    from presslens.report import summary

    for module in (r, summary):
        source = inspect.getsource(module)
        assert not re.findall(
            r"<(?:p|a|ul|li|table|tr|td|th|h[1-6]|div|span|mark|figure|section)[ >]", source
        ), module.__name__
