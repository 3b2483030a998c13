"""Every local link and anchor of every page of a run folder, checked without a browser."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

ATTR = re.compile(r"""\b(?:href|src|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
IDS = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        text = path.read_text(encoding="utf-8", errors="replace")
        cache[path] = {html.unescape(a or b) for a, b in IDS.findall(text)}
    return cache[path]


def broken(run: Path) -> list[str]:
    """'page -> link' for every local link of every .html page under `run` whose file is missing
    or whose #fragment names no id in its target page (links to other sites are not followed)."""
    run = run.resolve()
    bad, cache = [], {}
    for page in sorted(run.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for a, b in ATTR.findall(text):
            link = html.unescape(a or b).strip()
            url = urlparse(link)
            if not link or url.scheme or link.startswith("//"):
                continue  # http(s), data:, mailto: ... are not local files
            target = page if not url.path else (page.parent / unquote(url.path)).resolve()
            if not target.exists():
                bad.append(f"{page.relative_to(run)} -> {link}")
            elif (
                url.fragment
                and target.suffix == ".html"
                and unquote(url.fragment) not in _ids(target, cache)
            ):
                bad.append(f"{page.relative_to(run)} -> {link}")
    return bad
