"""The README is a front door and the docs hold together: every relative link resolves, every
notebook has its methods page, and the README links each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAX_README_LINES = 220

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def doc_files() -> list[Path]:
    """The Markdown files whose links must resolve: README, docs/**, bench/README."""
    docs = sorted((ROOT / "docs").rglob("*.md"))
    return [README, *docs, ROOT / "bench" / "README.md"]


def prose(text: str) -> str:
    """Markdown without fenced blocks and inline code, where `](` is not a link."""
    return _CODE.sub("", _FENCE.sub("", text))


def links(text: str) -> list[str]:
    """The relative link targets of a Markdown text (external and mail links left out)."""
    return [t for t in _LINK.findall(prose(text)) if not _EXTERNAL.match(t)]


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: markup dropped, lower case, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every heading anchor of a Markdown text, repeats numbered as GitHub numbers them."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    for heading in _HEADING.findall(prose_keep_headings(text)):
        base = slug(heading)
        n = seen.get(base, 0)
        out.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return out


def prose_keep_headings(text: str) -> str:
    """Markdown without fenced blocks (a `#` line in a code block is no heading)."""
    return _FENCE.sub("", text)


def broken(source: Path, target: str) -> str | None:
    """Why a link from `source` to `target` does not resolve, or None when it does."""
    path_part, _, anchor = target.partition("#")
    dest = (source.parent / path_part).resolve() if path_part else source
    if not dest.exists():
        return f"{source.relative_to(ROOT)}: {target} (no such file)"
    if anchor and dest.suffix == ".md" and anchor not in anchors(dest.read_text("utf-8")):
        return f"{source.relative_to(ROOT)}: {target} (no heading #{anchor})"
    return None


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("The table contract", "the-table-contract"),
        ("10-clean-articles: clean the articles", "10-clean-articles-clean-the-articles"),
        ("How a run is executed", "how-a-run-is-executed"),
        ("`presslens run` options", "presslens-run-options"),
        ("Check presslens on your own corpus", "check-presslens-on-your-own-corpus"),
        ("already-a-slug", "already-a-slug"),
        ("snake_case_name", "snake_case_name"),
    ],
)
def test_slug(heading: str, expected: str) -> None:
    assert slug(heading) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see [tables](docs/tables.md) and [x](a.md#b)", ["docs/tables.md", "a.md#b"]),
        ("[site](https://example.org) and [mail](mailto:a@b.c)", []),
        ("```\n[not](a-link.md)\n```\n[yes](b.md)", ["b.md"]),
        ("code `f[0](x)` is not a link", []),
        ("plain text with (parentheses) and [brackets] stays", []),
        ("[same page](#the-chain)", ["#the-chain"]),
    ],
)
def test_links(text: str, expected: list[str]) -> None:
    assert links(text) == expected


def test_anchors_number_repeats_and_skip_code() -> None:
    text = "# A\n## Notes\n```\n# not a heading\n```\n## Notes\n"
    assert anchors(text) == {"a", "notes", "notes-1"}


def test_readme_is_a_front_door() -> None:
    lines = README.read_text("utf-8").splitlines()
    assert len(lines) < MAX_README_LINES, f"README.md has {len(lines)} lines"


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path: Path) -> None:
    assert path.is_file(), f"{path} is missing"
    problems = [broken(path, t) for t in links(path.read_text("utf-8"))]
    assert [p for p in problems if p] == []


NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_notebook_has_a_methods_page_the_readme_links(notebook: str) -> None:
    page = ROOT / "docs" / "methods" / f"{notebook}.md"
    assert page.is_file(), f"no methods page for {notebook}: {page.relative_to(ROOT)}"
    assert page.read_text("utf-8").startswith(f"# {notebook}")
    targets = {t.partition("#")[0] for t in links(README.read_text("utf-8"))}
    assert f"docs/methods/{notebook}.md" in targets, f"README.md does not link {page.name}"


def test_bench_readme_names_every_script() -> None:
    text = (ROOT / "bench" / "README.md").read_text("utf-8")
    scripts = sorted(p.name for p in (ROOT / "bench").iterdir() if p.suffix in {".py", ".sh"})
    assert [s for s in scripts if f"`{s}`" not in text] == []
