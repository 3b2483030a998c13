"""Naming choices: which variant of a contested name each sentence uses ("Kosovo" or "Kosovo and
Metohija", Pristina or Prishtina, protesters or rioters), from the editable resource
``resources/terms.yaml``. Where variants overlap the longer one wins, so "Kosovo and Metohija" is
not also counted as "Kosovo"; different concepts may overlap ("ethnic Serb protesters" is both a
name for Kosovo Serbs and for the protesters).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd
import yaml

from presslens import resources_io

COLUMNS = ["article_id", "sent_id", "concept", "variant", "start", "end", "surface"]


@functools.lru_cache(maxsize=8)
def compiled(name: str = "terms.yaml") -> list[tuple[str, list[tuple[str, re.Pattern[str], str]]]]:
    """(concept, [(variant, pattern, note)]) from the resource (a file name in presslens/resources or a path)."""
    p = Path(name)
    spec = yaml.safe_load(p.read_text(encoding="utf-8")) if p.is_file() else resources_io.load(name)
    out = []
    for cid, c in spec["concepts"].items():
        variants = []
        for v in c["variants"]:
            pats = [q if q.startswith("(?i)") else rf"(?<![\w-]){q}(?![\w-])" if q[:1].isalnum() else q for q in v["patterns"]]
            flags = [q.startswith("(?i)") for q in pats]
            body = "|".join(q.replace("(?i)", "") if f else q for q, f in zip(pats, flags))
            variants.append((v["label"], re.compile(body, re.IGNORECASE if all(flags) else 0), v.get("note", "")))
        out.append((cid, variants))
    return out


def _find(text: str, name: str) -> list[tuple[str, str, int, int, str]]:
    """(concept, variant, start, end, surface) of every naming variant in a text, longest first per concept."""
    rows = []
    for cid, variants in compiled(name):
        cands = sorted(((m.start(), m.end(), label) for label, pat, _ in variants for m in pat.finditer(text)), key=lambda c: (c[0], -(c[1] - c[0])))
        last = -1
        for a, b, label in cands:
            if a >= last:
                rows.append((cid, label, a, b, text[a:b]))
                last = b
    return sorted(rows, key=lambda r: (r[2], r[0]))


def find_terms(text: str, *, name: str = "terms.yaml") -> pd.DataFrame:
    """Naming variants in a text: concept, variant, start, end, surface (longest variant wins per concept)."""
    return pd.DataFrame(_find(text, name), columns=COLUMNS[2:])


def term_table(articles: pd.DataFrame, sentences: pd.DataFrame, *, name: str = "terms.yaml") -> pd.DataFrame:
    """The `terms` table for the sentences (offsets into articles.text)."""
    rows = []
    for aid, sid, start, text in zip(sentences["article_id"], sentences["sent_id"], sentences["start"], sentences["text"]):
        for concept, variant, a, b, surface in _find(text, name):
            rows.append((aid, int(sid), concept, variant, int(start) + a, int(start) + b, surface))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def counts(terms: pd.DataFrame, articles: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """How often each variant of each concept is used, per outlet (or per article with by='article_id')."""
    t = terms.merge(articles[["article_id", "outlet"]], on="article_id", how="left") if by == "outlet" else terms
    table = t.groupby([by, "concept", "variant"]).size().rename("n").reset_index()
    return table.sort_values([by, "concept", "n", "variant"], ascending=[True, True, False, True], kind="mergesort").reset_index(drop=True)


def notes(name: str = "terms.yaml") -> dict[tuple[str, str], str]:
    """Who tends to use each variant, from the resource's notes."""
    return {(cid, label): note for cid, variants in compiled(name) for label, _, note in variants if note}
