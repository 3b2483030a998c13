"""Stage 99, summarize the findings: article pages, the evidence page and the start page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presslens.core.stage import EVERY_TABLE, stage
from presslens.ingest import clean


@stage(
    notebook="99-summarize-findings",
    reads=(EVERY_TABLE,),
    pages=("index.html", "evidence.html", "articles/*.html", "assets/*"),
    paths=("cleaning_rules",),
    cost=(1.6, 0.063),  # bench/progress_fit.py: runs from 5 to 10,000 articles
    phases={"pages": (0.03, 0.67)},
)
def write_report(
    out_dir: str | Path,
    *,
    title: str = "presslens report",
    question: str = "",
    min_articles: int = 30,
    cleaning_rules: str = "cleaning.yaml",
    engine: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, Any]:
    """Stage 99: one page per article, evidence.html (the sentences behind every figure point) and
    the start page index.html; returns what the notebook shows (warnings, findings, counts).
    `question` '' is the research question of the run's topic pack, else a generic one."""
    from presslens.core import packs
    from presslens.report import articles, pages, summary

    question = question or packs.question(packs.of_run(out_dir))
    n_pages = articles.write_article_pages(
        out_dir, engine_name=engine, scheduler=scheduler, progress=progress
    )
    evidence_page = pages.write_evidence_page(out_dir)
    t = summary.load(out_dir)
    rules, _ = clean.load_rules(cleaning_rules)
    warns = summary.warnings(t, min_articles=min_articles)
    sections = summary.sections(out_dir, t, rules=rules, min_articles=min_articles)
    index = pages.write_index(
        out_dir, title=title, question=question, warnings=warns, sections=sections
    )
    return {
        "pages": n_pages,
        "evidence": evidence_page,
        "index": index,
        "warnings": warns,
        "findings": sections[0].blocks,
        "tables": t,
    }
