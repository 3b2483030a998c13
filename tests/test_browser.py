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


# ---- the start page's interactive tables ---------------------------------------------------

FIRST_NUMERIC = """() => {
  const tables = Array.from(document.querySelectorAll('table.interactive.dataTable'));
  for (const [t, table] of tables.entries()) {
    const cells = Array.from(table.querySelectorAll('tbody tr:first-child td'));
    const col = cells.findIndex(td => td.hasAttribute('data-order'));
    if (col >= 0) {
      return [t, col];
    }
  }
  return null;
}"""
COLUMN = """([t, col]) => Array.from(
  document.querySelectorAll('table.interactive.dataTable')[t].querySelectorAll('tbody tr')
).map(tr => [tr.cells[col].getAttribute('data-order'), tr.cells[0].innerText])"""


def offline_page(browser, url: str, blocked: list[str], errors: list[str]):  # type: ignore[no-untyped-def]
    """A page of `browser` at `url` whose every request other than file: is aborted (and listed in
    `blocked`), console errors and script errors listed in `errors`."""
    page = browser.new_page(viewport={"width": 1200, "height": 1600})

    def route(r) -> None:  # type: ignore[no-untyped-def]
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    page.wait_for_function("document.querySelectorAll('table.interactive.dataTable').length > 0")
    return page


def first_value(page, where: list[int], expected: float) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The column once its first row holds `expected` (DataTables redraws after the click)."""
    page.wait_for_function(
        f"([t, col, v]) => {{ const rows = ({COLUMN})([t, col]); "
        "return rows.length && parseFloat(rows[0][0]) === v; }",
        arg=[*where, expected],
        timeout=5000,
    )
    return page.evaluate(COLUMN, where)


def test_start_page_tables_sort_and_filter_offline(seeds_run: Path) -> None:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, chromium_path

    blocked: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = offline_page(browser, (seeds_run / "index.html").as_uri(), blocked, errors)
            where = page.evaluate(FIRST_NUMERIC)
            assert where is not None, "no interactive table with a numeric column"
            before = page.evaluate(COLUMN, where)
            values = [float(v) for v, _ in before]
            assert values != sorted(values)  # the page shows it largest first
            container = page.locator(".dt-container").nth(where[0])
            header = container.locator("thead th").nth(where[1])
            header.click()  # ascending
            ascending = first_value(page, where, min(values))
            assert [float(v) for v, _ in ascending] == sorted(values)
            assert ascending[0] != before[0]
            header.click()  # descending
            descending = first_value(page, where, max(values))
            assert [float(v) for v, _ in descending] == sorted(values, reverse=True)
            # filter by the longest word of one row's first cell: fewer rows, that row among them
            row = ascending[0]
            box = container.locator(".dt-search input")
            box.fill(max(row[1].split(), key=len))
            page.wait_for_function(
                f"([t, col, n]) => ({COLUMN})([t, col]).length < n", arg=[*where, len(before)]
            )
            shown = page.evaluate(COLUMN, where)
            assert 0 < len(shown) < len(before) and row in shown
            box.fill("")
            page.wait_for_function(
                f"([t, col, n]) => ({COLUMN})([t, col]).length === n", arg=[*where, len(before)]
            )
            # the tables of at most a screen stay plain tables
            assert page.evaluate("document.querySelectorAll('table:not(.dataTable)').length") > 0
        finally:
            browser.close()
    assert blocked == []
    assert errors == []
