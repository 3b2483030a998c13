"""The start page's data-quality panel: what the outlet comparisons rest on (stage 10's
`data_quality` table) and which articles they count (own reporting or everything published)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from presslens.core import outlet_scope
from presslens.report.parts import Part, block, table

from .reading import p

MAX_OUTLETS = 15  # rows of the panel on the start page; every outlet is in the CSV
MAX_WARNINGS = 5  # outlet warnings among the start page's warnings
PANEL_COLUMNS = {
    "outlet": "outlet",
    "articles": "articles",
    "wire_text": "wire copy (95% CI)",
    "removed_text": "lines removed (top rules)",
    "repairs_text": "encoding repairs (articles)",
    "undated": "undated",
    "sentences_per_article": "sentences / article",
    "quoted_per_100_sentences": "quoted passages / 100 sentences",
    "warnings": "stands out",
}


def _wire_text(r: pd.Series) -> str:
    if not r["articles"]:
        return ""
    lo, hi = round(100 * r["wire_lo"]), round(100 * r["wire_hi"])
    return f"{r['wire_share']:.0%} ({r['wire']:,} of {r['articles']:,}; {lo}–{hi}%)"


def _one_decimal(v: object) -> str:
    return "" if pd.isna(v) else f"{float(v):.1f}"


def panel(dq: pd.DataFrame) -> pd.DataFrame:
    """The panel's rows: PANEL_COLUMNS, worded for reading."""
    if dq is None or not len(dq):
        return pd.DataFrame(columns=list(PANEL_COLUMNS))
    view = dq.assign(
        wire_text=[_wire_text(r) for _, r in dq.iterrows()],
        removed_text=[
            f"{r.removed_lines:,}" + (f" ({r.removed_rules})" if r.removed_rules else "")
            for r in dq.itertuples()
        ],
        repairs_text=[f"{r.repairs:,} ({r.articles_repaired:,})" for r in dq.itertuples()],
        sentences_per_article=dq["sentences_per_article"].map(_one_decimal),
        quoted_per_100_sentences=dq["quoted_per_100_sentences"].map(_one_decimal),
    )
    return view[list(PANEL_COLUMNS)]


def scope_sentence(t: dict[str, Any]) -> str:
    """Which articles the outlet comparisons count, with the number of wire articles."""
    dq = t.get("data_quality")
    n_wire = None
    if dq is not None and len(dq):
        n_wire = int(dq.loc[dq["outlet"] == "(all outlets)", "wire"].sum())
    return outlet_scope.describe(t.get("outlet_comparisons", "all"), n_wire=n_wire)


def quality_blocks(t: dict[str, Any], *, max_outlets: int = MAX_OUTLETS) -> list[dict[str, Any]]:
    """The panel: which articles comparisons count, and per outlet what its articles are made
    of, with the outlets that stand out."""
    dq = t.get("data_quality")
    if dq is None:
        return [p("This run has no data-quality table (rerun 10-clean-articles).")]
    rows = panel(dq)
    per_outlet = rows[rows["outlet"] != "(all outlets)"]
    shown = pd.concat([per_outlet.head(max_outlets), rows[rows["outlet"] == "(all outlets)"]])
    return [
        p(scope_sentence(t)),
        p(
            "Per outlet: its analysed articles, the share that is wire-agency copy, the lines "
            "cleaning removed (export headers, image credits, sharing prompts ...; every line is "
            "in ",
            Part("data/removed.csv", "data/removed.csv"),
            " with its rule), encoding repairs, undated articles, the passages in quotation "
            "marks per 100 sentences and the sentences per article. An outlet ‘stands out’ when "
            "it has at least 10 articles, differs from the median of the other outlets by enough "
            "to matter (15 points for shares, a factor of 1.5 for rates) and the difference is "
            "unlikely to be chance (Fisher or Mann-Whitney test against the rest of the corpus, "
            "Holm-corrected over the outlets and measures). Read the comparisons below with these "
            "in mind.",
        ),
        block(
            "table",
            table=table(
                shown,
                numeric=["articles", "undated"],
                csv="data/data_quality.csv",
                total=len(per_outlet),
                order="most articles first, all outlets last",
                labels=PANEL_COLUMNS,
                empty="No article was analysed.",
            ),
        ),
    ]


def quality_warnings(t: dict[str, Any], *, limit: int = MAX_WARNINGS) -> list[str]:
    """A warning per outlet that stands out (at most `limit`, the rest counted)."""
    dq = t.get("data_quality")
    if dq is None or not len(dq):
        return []
    flagged = dq[dq["warnings"].fillna("") != ""]
    out = [
        f"{r.outlet} stands out in what its articles are made of: {r.warnings} "
        "(data/data_quality.csv); read its comparisons with this in mind."
        for r in flagged.head(limit).itertuples()
    ]
    if len(flagged) > limit:
        out.append(f"{len(flagged) - limit:,} more outlets stand out (data/data_quality.csv).")
    return out
