"""Unicode and white-space normalisation of article text (str -> str).

Quotes of every style (straight, curly, „low-high", «guillemets») are kept exactly as they are:
they carry meaning for quote extraction. What changes: Unicode is composed (NFC), line ends
become ``\\n``, invisible characters (NUL and other control characters, zero-width spaces, soft
hyphens, byte-order marks) are dropped, exotic spaces become plain spaces, runs of spaces shrink
to one and lines lose trailing spaces.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe]"
)
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_END = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_TRAILING = re.compile(" +\n")


def line_ends(text: str) -> str:
    """Turn CRLF, CR and Unicode line/paragraph separators into ``\\n``."""
    return _LINE_END.sub("\n", text)


def invisible(text: str) -> str:
    """Drop control characters, zero-width characters, soft hyphens and stray BOMs."""
    return _INVISIBLE.sub("", text)


def spaces(text: str) -> str:
    """Collapse runs of (exotic) spaces and tabs to one space and strip trailing spaces."""
    text = _SPACES.sub(" ", text)
    return _TRAILING.sub("\n", text).rstrip(" ")


def text(raw: str) -> str:
    """Normalise scraped text: NFC, unified line ends, no invisibles, single spaces."""
    return spaces(invisible(unicodedata.normalize("NFC", line_ends(raw))))
