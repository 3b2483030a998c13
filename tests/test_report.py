"""HTML pages escape article text and metadata and never link javascript: URLs."""

import pandas as pd
import pytest

from presslens import report

HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="alert(1)">'


@pytest.mark.parametrize("value", [HOSTILE, "a & b", '"quoted"', "<b>bold</b>"])
def test_escape(value: str) -> None:
    out = report.esc(value)
    assert "<" not in out and '"' not in out


@pytest.mark.parametrize(("url", "href"), [("javascript:alert(1)", ""), ("data:text/html,hi", ""), ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2")])
def test_safe_href(url: str, href: str) -> None:
    assert report.safe_href(url) == href


def test_article_page_escapes_everything() -> None:
    text = f"First {HOSTILE} sentence. Second one."
    sents = pd.DataFrame({"article_id": ["a", "a"], "sent_id": [1, 2], "start": [0, len(text) - 11], "end": [len(text) - 12, len(text)], "text": ["", ""]})
    article = {"article_id": "a", "title": HOSTILE, "text": text, "url": "javascript:alert(1)", "outlet": HOSTILE}
    removed = pd.DataFrame({"article_id": ["a"], "line": [1], "text": [HOSTILE], "rule": ["x"]})
    html = report.article_page(article, sents, removed, [report.Span(0, 5, "mention", HOSTILE)])
    assert "<script>" not in html and "onerror=\"" not in html and 'href="javascript' not in html
    assert '<span class="sent" id="s2">' in html


def test_highlight_overlaps() -> None:
    out = report.highlight("Jens Stoltenberg said", [report.Span(0, 16, "mention", "Stoltenberg"), report.Span(5, 21, "quote", "q")])
    assert out.count("<mark") == 4 and out.startswith('<mark class="mention"')
