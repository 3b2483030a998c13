"""Stage 10's data-quality panel: the `data_quality` table (see presslens.measure.data_quality),
from the tables stage 10 has written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens.core import tables

_ARTICLE_COLUMNS = ["article_id", "outlet", "status", "published", "wire", "repairs", "quoted"]


def write_data_quality(out_dir: str | Path, *, min_articles: int = 10) -> pd.DataFrame:
    """Write and return `data_quality`: per outlet, the articles, wire share, lines removed by
    rule, encoding repairs, undated articles, quoted passages and sentences per article, with a
    warning where an outlet stands out (outlets of at least `min_articles` articles)."""
    from presslens.measure import data_quality

    have = set(tables.columns("articles", out_dir))
    wanted = [c for c in _ARTICLE_COLUMNS if c in have]
    if "quoted" not in have:
        wanted.append("text")
    articles = tables.read("articles", out_dir, columns=wanted)
    sentences = tables.read("sentences", out_dir, columns=["article_id"])
    removed = tables.read("removed", out_dir, columns=["article_id", "rule"])
    per = data_quality.per_article(articles, sentences, removed)
    table = data_quality.quality_table(
        per, data_quality.removed_by_rule(removed), min_articles=min_articles
    )
    tables.write(table, "data_quality", out_dir)
    return table
