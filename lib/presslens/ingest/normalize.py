"""Unicode and white-space normalisation of article text (str -> str).

Quotes of every style (straight, curly, „low-high", «guillemets») are kept exactly as they are:
they carry meaning for quote extraction. What changes: Unicode is composed (NFC), line ends
become ``\\n``, invisible characters (NUL and other control characters, zero-width spaces, soft
hyphens, byte-order marks) are dropped, exotic spaces become plain spaces, runs of spaces shrink
to one and lines lose trailing spaces.

Broken encodings are repaired with ftfy (``repair``): mojibake such as "FranÃ§ois" or "itâ€™s",
text encoded twice, and HTML entities left in text ("&amp;", "&#8217;"). ftfy runs only on text
where a quick check finds something suspicious, with its quote-uncurling, line-break and
character-width fixes turned off, so house styles of quotes and the line structure stay as written.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe]"
)
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_END = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_TRAILING = re.compile(" +\n")
_ENTITY = re.compile(r"&(?:#[0-9]{2,6}|#x[0-9a-f]{2,5}|[a-z][a-z0-9]{1,7});", re.IGNORECASE)
# A UTF-8 lead byte read as Windows-1252/Latin-1 (Ã, Â, â, Ð ...) followed by a continuation byte
# read the same way (€, ™, ©, ’, a C1 control ...): the mark of mojibake.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_line_breaks=False, fix_character_width=False, explain=False
)


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


def suspicious(text: str) -> bool:
    """True when text may hold mojibake or HTML entities (a cheap check before ftfy)."""
    return bool(_MOJIBAKE.search(text) or _ENTITY.search(text))


def changed_spans(before: str, after: str) -> int:
    """Number of separate runs of words in which `after` differs from `before`."""
    if before == after:
        return 0
    a, b = before.split(" "), after.split(" ")
    if len(a) != len(b):
        ops = difflib.SequenceMatcher(None, a, b).get_opcodes()
        return sum(tag != "equal" for tag, *_ in ops)
    runs, inside = 0, False
    for x, y in zip(a, b):
        runs += x != y and not inside
        inside = x != y
    return runs


def repair(text: str) -> tuple[str, int]:
    """Repair mojibake and HTML entities with ftfy (quotes and line breaks kept); return the text
    and the number of spans repaired."""
    if not suspicious(text):
        return text, 0
    lines = text.split("\n")
    fixed = [ftfy.fix_text(line, _FTFY) if suspicious(line) else line for line in lines]
    return "\n".join(fixed), sum(changed_spans(a, b) for a, b in zip(lines, fixed))


def _normalise_once(raw: str) -> tuple[str, int]:
    fixed, repairs = repair(raw)  # first: a C1 control may be half of a broken character
    return spaces(invisible(unicodedata.normalize("NFC", line_ends(fixed)))), repairs


def text_and_repairs(raw: str) -> tuple[str, int]:
    """Normalise scraped text (see `text`) after repairing its encoding; return the repair count.

    Dropping invisibles can bring two halves of a broken character together (a C1 control that
    ftfy kept between them), so the result is normalised again while it still looks suspicious
    and changes (at most three more passes): normalising the output again leaves it as it is."""
    out, repairs = _normalise_once(raw)
    for _ in range(3):
        if not suspicious(out):
            break
        again, more = _normalise_once(out)
        if again == out:
            break
        out, repairs = again, repairs + more
    return out, repairs


def text(raw: str) -> str:
    """Normalise scraped text: encoding repaired, NFC, unified line ends, no invisibles, single
    spaces."""
    return text_and_repairs(raw)[0]
