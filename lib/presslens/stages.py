"""The work of each notebook as one call per stage, table in, tables out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens import clean, corpus, dedupe, language, sentences

ARTICLE_ORDER = [
    "article_id", "file", "outlet", "url", "published", "title", "title_basis", "text", "source",
    "raw_sha256", "encoding", "status", "reason", "duplicate_of", "similarity",
]


def quarantine_unusable(articles: pd.DataFrame, *, min_english_share: float) -> pd.DataFrame:
    """Quarantine cleaned articles with no text left, or not in English."""
    out = articles.copy()
    ok = out["status"] == "ok"
    empty = ok & (out["text"].str.strip() == "")
    out.loc[empty, "status"] = "quarantined"
    out.loc[empty, "reason"] = "no article text left after cleaning: every line was site furniture"
    for idx in out.index[ok & ~empty]:
        text = out.at[idx, "text"]
        if not language.looks_english(text, min_share=min_english_share):
            out.at[idx, "status"] = "quarantined"
            share = language.english_share(text)
            out.at[idx, "reason"] = f"not English: only {share:.0%} of its words are common English words (needs {min_english_share:.0%})"
    return out


def clean_corpus(
    path: str | Path,
    *,
    max_bytes: int = 5_000_000,
    near_duplicate: float = 0.8,
    min_english_share: float = 0.15,
    rules: str = "cleaning.yaml",
) -> dict[str, pd.DataFrame]:
    """Read, clean, quarantine, de-duplicate and split a corpus: articles, removed, quarantine, sentences."""
    raw, quarantine = corpus.read(path, max_bytes=max_bytes)
    cleaned, removed = clean.clean_articles(raw, rules=rules)
    checked = quarantine_unusable(cleaned, min_english_share=min_english_share)
    late = checked[(checked["status"] == "quarantined") & (raw["status"] == "ok")]
    quarantine = pd.concat(
        [quarantine, pd.DataFrame({"source": late["file"], "kind": "article", "reason": late["reason"]})],
        ignore_index=True,
    )
    articles = dedupe.mark_duplicates(checked, threshold=near_duplicate)
    extra = [c for c in articles.columns if c not in ARTICLE_ORDER and c != "raw"]
    articles = articles[ARTICLE_ORDER + extra]
    articles["reason"] = articles["reason"].fillna("")
    return {
        "articles": articles,
        "removed": removed,
        "quarantine": quarantine,
        "sentences": sentences.sentence_table(articles),
    }


def reconcile(articles: pd.DataFrame) -> dict[str, int]:
    """Counts by status; raises if inputs != ok + duplicate + quarantined."""
    counts = articles["status"].value_counts().to_dict()
    out = {"inputs": len(articles), **{k: int(counts.get(k, 0)) for k in ("ok", "duplicate", "quarantined")}}
    if out["inputs"] != out["ok"] + out["duplicate"] + out["quarantined"]:
        raise AssertionError(f"counts do not reconcile: {out}")
    return out
