"""One name per outlet: the spellings a corpus gives one outlet that differ only in case, spaces,
punctuation and accents ("The Huffington Post", "thehuffingtonpost") become the most readable one.

Corpora assembled from several sources name one outlet several ways: a display name in one export
("RT", "The Daily Caller"), a slug in another ("rt", "thedailycaller"). Counted apart, every outlet
comparison halves its n and mixes the outlet with the source. Two names are one outlet when they are
equal after case folding, accents removed and everything but letters and digits dropped; the name
kept is the most readable spelling (one with capitals or spaces before a slug, then the most
articles, then alphabetical). Names that differ in words ("Huffington Post" and "HuffPost") stay
apart: an editable merge list belongs to the user, not to a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

_NOT_ALNUM = re.compile(r"[\W_]+")


def key(name: str) -> str:
    """The comparison key of an outlet name: case folded, accents dropped, letters and digits only
    (of any script: "Новая газета" and "новая газета" share a key)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NOT_ALNUM.sub("", plain)


def _readability(name: str) -> int:
    """2 for a display name (capitals and spaces), 1 for one of them, 0 for a slug."""
    return int(any(c.isupper() for c in name)) + int(" " in name.strip())


def canonical(counts: Mapping[str, int]) -> dict[str, str]:
    """name -> the name kept for its outlet, for the names that change (`counts`: articles per
    name as given)."""
    groups: dict[str, list[str]] = {}
    for name in counts:
        if isinstance(name, str) and name.strip() and key(name):
            groups.setdefault(key(name), []).append(name)
    out = {}
    for names in groups.values():
        if len(names) < 2:
            continue
        best = sorted(names, key=lambda n: (-_readability(n), -counts[n], n))[0]
        out.update({n: best for n in names if n != best})
    return out
