"""Newspaper house styles for quotation marks, with an offset map from the old text to the new.

The input text uses curly quotes (“ ” outer, ‘ ’ inner, ’ also the apostrophe inside words such as
don’t or Trump’s) or straight quotes (" outer, ' inner or apostrophe). ``render`` rewrites only
the real quotation marks into one of the ``STYLES``; apostrophes are never touched. Straight double
quotes are paired in turn within a paragraph (a line); a single quote opens an inner quotation only
when a closing single quote follows it before the next opening mark or outer quote, otherwise it is
an apostrophe ('90s, 'tis). ``article`` builds a whole article (byline, dateline, paragraphs).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

STYLES = ("curly", "straight", "apostrophes", "british", "guillemets", "lowhigh")

# style -> (outer open, outer close, inner open, inner close)
MARKS: dict[str, tuple[str, str, str, str]] = {
    "curly": ("“", "”", "‘", "’"),
    "straight": ('"', '"', "'", "'"),
    "apostrophes": ("''", "''", "'", "'"),
    "british": ("‘", "’", "“", "”"),
    "guillemets": ("«", "»", "‹", "›"),
    "lowhigh": ("„", "“", "‚", "‘"),
}

_OPEN_BEFORE = " \t([{—–-/“\"‘'"
_OUTER = '“”"'


def _outer_marks(line: str) -> list[tuple[int, int]]:
    """(position, slot) of the outer quotation marks in one line; slot 0 opens, 1 closes."""
    found: list[tuple[int, int]] = []
    is_open = False
    for i, ch in enumerate(line):
        if ch == "“" or (ch == '"' and not is_open):
            found.append((i, 0))
            is_open = True
        elif ch == "”" or (ch == '"' and is_open):
            found.append((i, 1))
            is_open = False
    return found


def _is_inner_open(line: str, i: int) -> bool:
    """Whether the single mark at position i may open an inner quotation."""
    ch = line[i]
    if ch == "‘":
        return True
    if ch != "'" or i + 1 >= len(line) or line[i + 1].isspace():
        return False
    return i == 0 or line[i - 1] in _OPEN_BEFORE


def _is_inner_close(line: str, i: int) -> bool:
    """Whether the single mark at position i may close an inner quotation."""
    if line[i] not in "’'" or i == 0 or line[i - 1].isspace():
        return False
    return i + 1 >= len(line) or not line[i + 1].isalnum()


def _inner_marks(line: str) -> list[tuple[int, int]]:
    """(position, slot) of the inner quotation marks in one line; slot 2 opens, 3 closes."""
    outer = {i for i, _ in _outer_marks(line)}
    openers = [i for i in range(len(line)) if _is_inner_open(line, i)]
    found: list[tuple[int, int]] = []
    for n, start in enumerate(openers):
        if found and start <= found[-1][0]:
            continue
        stop = openers[n + 1] if n + 1 < len(openers) else len(line)
        stop = min([stop] + [j for j in outer if j > start])
        closers = [j for j in range(start + 1, stop) if _is_inner_close(line, j)]
        if closers:
            found += [(start, 2), (closers[-1], 3)]
    return found


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(position, slot) of every quotation mark in text, slots 0-3 as in ``MARKS``."""
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        marks = _outer_marks(line) + _inner_marks(line)
        found += [(offset + i, slot) for i, slot in marks]
        offset += len(line) + 1
    return sorted(found)


def render(text: str, style: str) -> tuple[str, Callable[[int], int]]:
    """The text in a house style and a map from offsets of the old text to the new."""
    if style not in MARKS:
        raise ValueError(f"unknown style {style!r}; expected one of {STYLES}")
    marks = quote_marks(text)
    pieces: list[str] = []
    positions: list[int] = []
    shifts: list[int] = []
    last = 0
    for pos, slot in marks:
        new = MARKS[style][slot]
        pieces += [text[last:pos], new]
        last = pos + 1
        positions.append(pos)
        shifts.append((shifts[-1] if shifts else 0) + len(new) - 1)
    pieces.append(text[last:])

    def mapping(offset: int) -> int:
        """The offset in the new text for an offset of the old text."""
        k = bisect.bisect_left(positions, offset)
        return offset + (shifts[k - 1] if k else 0)

    return "".join(pieces), mapping


def article(
    paragraphs: Sequence[str],
    style: str,
    *,
    outlet: str,
    byline: str = "",
    dateline: str = "",
) -> tuple[str, Callable[[int], int]]:
    """An article text in a house style and a map from offsets of the joined body to it."""
    if not outlet:
        raise ValueError("outlet must be named")
    body = "\n\n".join(paragraphs)
    name = byline if byline.startswith("By ") else f"By {byline}"
    head = f"{name}\n\n" if byline else ""
    prefix = head + dateline
    text, mapping = render(prefix + body, style)
    return text, lambda offset: mapping(offset + len(prefix))
