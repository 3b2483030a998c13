"""Spellings of one name that differ across a corpus: Priština / Pristina / Prishtina, Kiev / Kyiv,
Vučić / Vucic, found without a list.

``skeleton`` is a spelling-blind key of a name (folded, lower case, digraphs simplified, vowels
after the first letter dropped). ``variant_table`` lists, per actor, the written forms that share a
key but differ as written (not only in case), per outlet with their count and the first sentence.
"""

from __future__ import annotations

import re

import pandas as pd

_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_SKELETON = [("sch", "s"), ("sh", "s"), ("zh", "z"), ("ch", "c"), ("tch", "c"), ("kh", "h"),
             ("ph", "f"), ("w", "v"), ("ck", "k")]  # fmt: skip


def skeleton(form: str) -> str:
    """A spelling-blind key of a name: folded, lower case, digraphs simplified, vowels after the
    first letter dropped, doubled letters single (Kyiv and Kiev -> "kv")."""
    from presslens.extract.actors import ascii_fold

    s = ascii_fold(form).lower()
    for a, b in _SKELETON:
        s = s.replace(a, b)
    s = _VOWELS.sub("", re.sub(r"[^a-z]", "", s))
    return re.sub(r"(.)\1+", r"\1", s)


VARIANT_COLUMNS = ["actor", "spelling", "variant", "outlet", "n", "article_id", "sent_id", "start",
                   "end"]  # fmt: skip


def surface_counts(mentions: pd.DataFrame, outlet: pd.Series) -> pd.DataFrame:
    """Per actor, written form and outlet: the mentions and the first of them (for the evidence)."""
    m = mentions.assign(outlet=mentions["article_id"].map(outlet).fillna("(unknown outlet)"), n=1)
    return combine([m])


def combine(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Surface counts (or mentions with n=1) of several partitions added up: per actor, written
    form and outlet, the count and the first use in text order."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=["actor", "surface", *VARIANT_COLUMNS[3:]])
    s = pd.concat(parts, ignore_index=True).sort_values(["article_id", "start"], kind="mergesort")
    keys = ["actor", "surface", "outlet"]
    first = s.groupby(keys, sort=True)[["article_id", "sent_id", "start", "end"]].first()
    return first.assign(n=s.groupby(keys, sort=True)["n"].sum()).reset_index()


def variant_table(surfaces: pd.DataFrame) -> pd.DataFrame:
    """`name_variants`: spellings of one name written differently across the corpus (diacritics,
    transliterations: Priština / Pristina / Prishtina, Kiev / Kyiv), found without a list: the
    written forms of one actor that share a spelling key (``skeleton``) but differ in their
    letters (not only in case or punctuation: "U.S." / "US" is no variant) and may name one
    entity (``same_entity``: no number differs, no encoding error, no first names of different
    people), per outlet with their count and first sentence. `spelling` is the key's most written
    form."""
    if surfaces.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    s = surfaces.assign(
        key=surfaces["surface"].map(lambda x: f"{len(x.split())}:{skeleton(x)}")
    )  # spellings of the same words: "Biden" is a short form of "Beau Biden", not a variant
    s = s[s["key"].str.len() >= 5]  # "1:" and a key of three letters or more
    letters = s["surface"].map(lambda x: "".join(c for c in x.casefold() if c.isalpha()))
    forms = s.assign(fold=letters).groupby(["actor", "key"])["fold"].nunique()
    keep = forms[forms > 1].index
    s = s.set_index(["actor", "key"]).loc[keep].reset_index() if len(keep) else s.iloc[0:0]
    if s.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    totals = s.groupby(["actor", "key", "surface"])["n"].sum().reset_index()
    top = totals.sort_values(["n", "surface"], ascending=[False, True], kind="mergesort")
    spelling = top.drop_duplicates(["actor", "key"]).set_index(["actor", "key"])["surface"]
    s = s.assign(spelling=[spelling[(a, k)] for a, k in zip(s["actor"], s["key"])])
    s = s[[same_entity(v, sp) for v, sp in zip(s["surface"], s["spelling"])]]
    fold = s["surface"].map(lambda x: "".join(c for c in x.casefold() if c.isalpha()))
    still = s.assign(fold=fold).groupby(["actor", "key"])["fold"].transform("nunique")
    s = s[still > 1]
    out = s.rename(columns={"surface": "variant"})[VARIANT_COLUMNS]
    return out.sort_values(
        ["actor", "spelling", "variant", "outlet"], kind="mergesort"
    ).reset_index(drop=True)


def letters(name: str) -> str:
    """The letters of a name, folded and in lower case."""
    from presslens.extract.actors import ascii_fold

    return re.sub(r"[^a-z]", "", ascii_fold(name).lower())


def edits(a: str, b: str) -> int:
    """Levenshtein distance of two strings (rapidfuzz)."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


_MOJIBAKE = re.compile(r"[ÃÂ]|â€|Ã")  # UTF-8 read as Latin-1 or cp1252 ("FranÃ§ois")
_INITIALS = re.compile(r"(?<=\s)[A-Z]\.(?=\s)")  # middle initials
_NUMBER = re.compile(r"\b(?:[IVXLC]+|\d+(?:st|nd|rd|th)?)\b")  # "II", "III", "2nd", "1990"


def encoding_error(form: str) -> bool:
    """Whether a written form carries broken encoding ("FranÃ§ois", "PeÃ±a"): ftfy would
    change it, or it holds the characters such breakage leaves."""
    import ftfy

    return bool(_MOJIBAKE.search(form)) or ftfy.fix_text(form) != form


def _single(s: str) -> str:
    """Letters with doubled letters written once."""
    return re.sub(r"(.)\1+", r"\1", s)


def same_entity(a: str, b: str) -> bool:
    """Whether two spellings may name one entity: no number or ordinal differs ("World War II" /
    "World War III"), neither is an encoding error, one-word names differ only in diacritics
    ("Fischer" / "Fisher" are two people), and first names of people that the census
    gives to different genders, or that it does not know, differ ("Eric" / "Erica Garner",
    "Melania" / "Melanie"; but "Emanuel" / "Emmanuel Macron" may be one)."""
    from presslens.extract import names

    if _NUMBER.findall(a) != _NUMBER.findall(b) or encoding_error(a) or encoding_error(b):
        return False
    ia, ib = _INITIALS.findall(a), _INITIALS.findall(b)
    if ia and ib and ia != ib:
        return False  # "George H. W. Bush" / "George W. Bush"
    if len(a.split()) < 2 and len(b.split()) < 2:  # one word: diacritics or a doubled letter
        return _single(letters(a)) == _single(letters(b))  # "Vučić" / "Vucic", "Zelenskyy"
    fa, fb = a.split()[0], b.split()[0]
    if len(a.split()) < 2 or len(b.split()) < 2 or letters(fa) == letters(fb):
        return True
    w = names.words()
    ca, cb = names.first_name(fa, w), names.first_name(fb, w)
    if ca is None and cb is None:
        return True  # no first names: "Vladimir Zelensky" / "Volodymyr Zelensky" spelling
    if ca is None or cb is None:
        return False
    return (ca[0] >= ca[1]) == (cb[0] >= cb[1])
