"""The seeds report in a real browser: figures load, links resolve, nothing leaves the machine, no
script errors."""

from pathlib import Path

import pytest

from browser import broken_links, click_first_svg_link, outside_requests, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "articles/004_df3df1981ea36db8.html",
        "html/10-clean-articles.html",
        "evidence.html",
    ],
)
def test_page_in_chromium(seeds_run: Path, page: str, tmp_path: Path) -> None:
    v = visit(seeds_run / page, screenshot=tmp_path / "shot.png")
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    assert v.errors == []
    assert outside_requests(v.requests) == []
    assert all(width > 0 for _, width in v.images), v.images
    assert broken_links(v.links) == []
    assert broken_links(v.svg_links) == []
    if page == "index.html":
        assert len(v.images) >= 1
        # figure points are clickable: inline SVG figures whose points link to
        # evidence.html sections
        assert v.svgs >= 5 and len([link for link in v.svg_links if "evidence.html#" in link]) >= 20
        assert any(link.endswith("#s3") or "#s" in link for link in v.links) or any(
            "articles/" in link for link in v.links
        )


def test_clicking_a_figure_point_opens_its_sentences(seeds_run: Path) -> None:
    landed = click_first_svg_link(seeds_run / "index.html")
    assert "evidence.html#" in landed
    assert broken_links([landed]) == []
