"""Convert executed notebooks to self-contained HTML that reads offline (no CDN links)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from presslens.core import resources

REMOTE = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I
)


def exporter() -> HTMLExporter:
    """An HTML exporter with images embedded and no CDN scripts."""
    return HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(resources.path("nbconvert"))],
        embed_images=True,
    )


def remote_references(html: str) -> list[str]:
    """Tags in `html` that would load something from the network."""
    return [m.group(0) for m in REMOTE.finditer(html)]


def to_html(notebook: Path, target: Path) -> Path:
    """Write `notebook` as self-contained HTML at `target`; refuse output that loads remote
    resources."""
    body, _ = exporter().from_notebook_node(nbformat.read(notebook, as_version=4))
    remote = remote_references(body)
    if remote:
        raise RuntimeError(f"{notebook.name}: HTML would load remote resources: {remote[:3]}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target
