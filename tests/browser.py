"""Open report pages in headless Chromium (Debian's, driven by Playwright) and record what
happens."""

from __future__ import annotations

import html
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    """Path of Debian's chromium; skip the test where it is missing (fail in CI, which installs
    it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


@dataclass
class Visit:
    """What a page did when it was opened."""

    title: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    images: list[tuple[str, int]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    svg_links: list[str] = field(default_factory=list)
    svgs: int = 0
    dialogs: list[str] = field(default_factory=list)


def visit(page_path: Path, *, screenshot: Path | None = None) -> Visit:
    """Open a local page, wait for it to load, and collect requests, errors, images and links."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1600})
            v = Visit(title="")
            page.on("request", lambda r: v.requests.append(r.url))
            page.on("pageerror", lambda e: v.errors.append(f"pageerror: {e}"))
            page.on(
                "console",
                lambda m: (
                    v.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None
                ),
            )
            page.on("dialog", lambda d: (v.dialogs.append(d.message), d.dismiss()))
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            v.title = page.title()
            v.images = page.evaluate(
                "Array.from(document.images).map(i => [i.src, i.naturalWidth])"
            )
            v.links = page.evaluate(
                "Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
            )
            v.svg_links = page.evaluate(
                "Array.from(document.querySelectorAll('svg a')).map(a => new "
                "URL(a.getAttribute('xlink:href') || a.getAttribute('href'), "
                "document.baseURI).href)"
            )
            v.svgs = page.evaluate(
                "Array.from(document.querySelectorAll('svg')).filter(s => "
                "s.getBoundingClientRect().width > 100).length"
            )
            if screenshot:
                page.screenshot(path=str(screenshot), full_page=True)
            return v
        finally:
            browser.close()


def click_first_svg_link(page_path: Path) -> str:
    """Click the first linked point of an inline SVG figure; return the URL the browser lands on."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1600})
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            point = page.locator("svg a").first
            point.scroll_into_view_if_needed()
            with page.expect_navigation(wait_until="load"):
                point.click()
            return page.url
        finally:
            browser.close()


def broken_links(links: list[str]) -> list[str]:
    """Local links whose file is missing or whose #fragment names no element id in that file."""
    bad = []
    for href in links:
        url = urlparse(href)
        if url.scheme != "file":
            continue
        target = Path(unquote(url.path))
        if not target.exists():
            bad.append(href)
        elif url.fragment and target.suffix == ".html":
            if not re.search(
                rf'id="{re.escape(unquote(url.fragment))}"',
                html.unescape(target.read_text(encoding="utf-8")),
            ):
                bad.append(href)
    return bad


def outside_requests(requests: list[str]) -> list[str]:
    """Requests that would leave the machine (anything but file:, data:, about: and blob:, the
    last an object of the page's own memory)."""
    return [r for r in requests if not r.startswith(("file://", "data:", "about:", "blob:"))]
