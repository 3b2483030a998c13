"""Naming choices: which variant of a contested name a text uses ("Kosovo" or "Kosovo and Metohija",
Pristina or Prishtina, protesters or rioters, NATO intervention or aggression), from the editable
``terms.yaml`` of a topic pack, given by its path (a run passes its pack's: the seeds' is
``resources/packs/kosovo/terms.yaml``); by default none, so no naming choice is found unasked.

Each concept compiles to one regular expression whose alternatives are its variants in the order
listed, so at any position the first listed (longer, more specific) variant wins and no text is
counted twice for one concept: "Kosovo" inside "Kosovo and Metohija" counts only as the long
variant. Different concepts may overlap ("ethnic Serb protesters" names the protesters and the
Kosovo Serbs). Patterns match whole words; they are case-sensitive unless they start with (?i).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from presslens.core import resources

COLUMNS = ["article_id", "sent_id", "concept", "variant", "start", "end", "surface"]
FIND_COLUMNS = ["concept", "variant", "start", "end", "surface"]


@dataclass(frozen=True)
class Concept:
    """One contested concept: its combined pattern and the variant label of each named group."""

    id: str
    description: str
    pattern: re.Pattern[str]
    labels: dict[str, str]  # group name -> variant label
    stances: dict[str, str]  # variant label -> stance note


def variant_regex(pattern: str) -> str:
    """One resource pattern ending on a word boundary, with (?i) scoped to it and ' matching ’
    too."""
    flags = ""
    if pattern.startswith("(?i)"):
        flags, pattern = "i", pattern[4:]
    body = pattern.replace("'", "['’]")
    body = f"(?{flags}:{body})" if flags else f"(?:{body})"
    return rf"{body}(?!\w)"


@functools.lru_cache(maxsize=16)
def compiled(name: str = "") -> tuple[Concept, ...]:
    """The concepts of the resource, each compiled to one pattern (once per process)."""
    out = []
    for cid, c in (resources.load(name).get("concepts") or {}).items():
        alts, labels, stances = [], {}, {}
        for i, v in enumerate(c.get("variants") or []):
            pats = [variant_regex(str(p)) for p in (v.get("patterns") or [])]
            if not pats:
                continue
            alts.append(f"(?P<v{i}>{'|'.join(pats)})")
            labels[f"v{i}"] = str(v["label"])
            stances[str(v["label"])] = str(v.get("stance") or v.get("note") or "")
        if alts:
            pattern = re.compile(
                r"(?<!\w)(?:" + "|".join(alts) + ")"
            )  # the start boundary first: most positions fail at once
            out.append(Concept(str(cid), str(c.get("description", "")), pattern, labels, stances))
    return tuple(out)


def _find(text: str, concepts: Sequence[Concept]) -> list[tuple[int, str, str, int, int]]:
    """(start, concept, variant, start, end) of every naming variant in `text`."""
    hits = []
    for c in concepts:
        for m in c.pattern.finditer(text):
            if m.end() > m.start():
                hits.append((m.start(), c.id, c.labels[m.lastgroup or ""], m.start(), m.end()))
    hits.sort(key=lambda h: (h[0], h[4], h[1]))
    return hits


def find_terms(text: str, *, name: str = "") -> pd.DataFrame:
    """Naming variants in any text: concept, variant, start, end, surface (sorted by offsets)."""
    text = text if isinstance(text, str) else ""
    rows = [(cid, label, a, b, text[a:b]) for _, cid, label, a, b in _find(text, compiled(name))]
    return pd.DataFrame(rows, columns=FIND_COLUMNS).astype({"start": "int64", "end": "int64"})


def term_table(articles: pd.DataFrame, sentences: pd.DataFrame, *, name: str = "") -> pd.DataFrame:
    """The `terms` table of the articles with status ok (offsets into articles.text)."""
    concepts = compiled(name)
    ok = articles[articles["status"] == "ok"] if "status" in articles.columns else articles
    by_article = (
        {k: g.sort_values("start") for k, g in sentences.groupby("article_id", sort=False)}
        if len(sentences)
        else {}
    )
    rows = []
    for aid, text in zip(ok["article_id"], ok["text"]):
        sents = by_article.get(aid)
        if sents is None or not isinstance(text, str):
            continue
        starts, ends, ids = (
            sents["start"].astype(int).tolist(),
            sents["end"].astype(int).tolist(),
            sents["sent_id"].astype(int).tolist(),
        )
        for _, cid, label, a, b in _find(text, concepts):
            k = bisect.bisect_right(starts, a) - 1
            if k >= 0 and b <= ends[k]:
                rows.append((aid, ids[k], cid, label, a, b, text[a:b]))
    out = pd.DataFrame(rows, columns=COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"}
    )
    return out.sort_values(["article_id", "start", "end", "concept"], kind="mergesort").reset_index(
        drop=True
    )


def counts(terms: pd.DataFrame, articles: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Uses of each variant per outlet (or per article with by="article_id"): n and share within the
    concept."""
    t = terms
    if by != "article_id" and by not in t.columns:
        t = t.merge(
            articles[["article_id", by]].drop_duplicates("article_id"), on="article_id", how="left"
        )
    keys = [by, "concept", "variant"]
    if t.empty:
        return pd.DataFrame(
            {k: pd.Series(dtype="str") for k in keys}
            | {"n": pd.Series(dtype="int64"), "share": pd.Series(dtype="float64")}
        )
    table = t.groupby(keys, dropna=False).size().rename("n").reset_index()
    table["share"] = table["n"] / table.groupby([by, "concept"], dropna=False)["n"].transform("sum")
    return table.sort_values(
        [by, "concept", "n", "variant"], ascending=[True, True, False, True], kind="mergesort"
    ).reset_index(drop=True)


def notes(name: str = "") -> dict[tuple[str, str], str]:
    """(concept, variant) -> stance note: who tends to use the variant."""
    return {(c.id, label): s for c in compiled(name) for label, s in c.stances.items() if s}
