"""The start page's part on the user's own coding sample (stage 90's `own_agreement`): how far
presslens agrees with the people who coded a sample of this corpus, per variable (and per outlet
when asked), with the meaning of the figures; a plain-text line per variable for findings and
notebooks. Bounded: at most `MAX_ROWS` rows whatever the sheet."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from markupsafe import Markup

from presslens.report import pages, parts
from presslens.report.parts import Part, block, table

MAX_ROWS = 20  # rows of the start page's table; every row is in data/own_agreement.csv
ALL_OUTLETS = "(all outlets)"
ALL_FRAMES = "frame:* (all frames)"
PRESSLENS = "presslens"
LABELS = {
    "variable": "variable",
    "outlet": "outlet",
    "raters": "raters",
    "n": "units",
    "accuracy_text": "accuracy (95% CI)",
    "macro_f1_text": "macro-F1 (95% CI)",
    "alpha_text": "Krippendorff's alpha (95% CI)",
    "changed": "changed since drawn",
    "note": "note",
}
MEANING = (
    "Accuracy is the share of the sampled units where presslens gives the coder's answer; "
    "macro-F1 averages, over the answers (yes/no, negative/neutral/positive ...), how well "
    "presslens finds each one, so a rare answer counts as much as a common one; Krippendorff's "
    "alpha discounts the agreement chance alone would give (1 is perfect, 0 is chance, below 0 "
    "worse than chance; about 0.67 is the usual lowest acceptable for tentative conclusions, 0.8 "
    "for firm ones). Intervals are 95% bootstrap intervals over the coded units. The same "
    "figures between two coders say how far people agree on the question: presslens cannot be "
    "held to more than that."
)


def _ci(value: object, lo: object, hi: object) -> str:
    """A figure with its interval: '0.82 (0.74-0.89)', '' when missing."""
    if value is None or pd.isna(value):
        return ""
    if lo is None or pd.isna(lo) or pd.isna(hi):
        return f"{float(value):.2f}"
    return f"{float(value):.2f} ({float(lo):.2f}–{float(hi):.2f})"


def _headline(own: pd.DataFrame) -> pd.DataFrame:
    """The rows a summary shows: every frame pooled in one row (when there is that row) and each
    other variable."""
    frame = own["variable"].astype(str).str.startswith("frame:")
    if not (own["variable"] == ALL_FRAMES).any():
        return own
    return own[~frame | (own["variable"] == ALL_FRAMES)]


def rows(own: pd.DataFrame | None, *, per_outlet: bool = False) -> pd.DataFrame:
    """The table's rows worded for reading (LABELS' columns): all frames pooled, each other
    variable, all outlets unless `per_outlet`."""
    if own is None or not len(own):
        return pd.DataFrame(columns=list(LABELS))
    shown = _headline(own if per_outlet else own[own["outlet"] == ALL_OUTLETS])
    return shown.assign(
        raters=shown["rater_a"].astype(str) + " vs " + shown["rater_b"].astype(str),
        accuracy_text=[_ci(*r) for r in zip(shown.accuracy, shown.accuracy_lo, shown.accuracy_hi)],
        macro_f1_text=[_ci(*r) for r in zip(shown.macro_f1, shown.macro_f1_lo, shown.macro_f1_hi)],
        alpha_text=[_ci(*r) for r in zip(shown.alpha, shown.alpha_lo, shown.alpha_hi)],
        note=shown["note"].fillna(""),
    )[list(LABELS)]


def own_sample_blocks(
    own: pd.DataFrame | None, *, per_outlet: bool = False, limit: int = MAX_ROWS
) -> list[dict[str, Any]]:
    """The start page's blocks on the own coding sample, or [] when the run was given no filled
    coding sheet (the table is absent or empty)."""
    if own is None or not len(own):
        return []
    shown = rows(own, per_outlet=per_outlet)
    changed = int(own.loc[own["rater_a"] == PRESSLENS, "changed"].max() or 0)
    coders = sorted(set(own["rater_b"]) | (set(own["rater_a"]) - {PRESSLENS}))
    out = [
        parts.block(
            "p",
            parts=[
                Part(
                    f"On a sample of this corpus coded by {len(coders)} "
                    f"{'person' if len(coders) == 1 else 'people'} ({', '.join(coders)}), "
                    "beside the benchmark figures above: " + MEANING + " "
                ),
                Part("90-validate-methods", "html/90-validate-methods.html"),
                Part(
                    " has every row: each frame on its own, and each outlet where at least 20 "
                    "units were coded."
                ),
            ],
            cls="",
        )
    ]
    if changed:
        out.append(_changed_block(changed))
    out.append(
        block(
            "table",
            table=table(
                shown,
                numeric=["n", "changed"],
                limit=limit,
                csv="data/own_agreement.csv",
                order="presslens's variables, then the coders' own",
                labels=LABELS,
                empty="No unit of the sheet was coded.",
            ),
        )
    )
    return out


def _changed_block(changed: int) -> dict[str, Any]:
    """A warning that the run's answers differ from those the sheet recorded."""
    return block(
        "p",
        parts=[
            Part(
                f"presslens's answer has changed since the sample was drawn for up to {changed:,} "
                "coded units of a variable (the run's methods or corpus changed): the figures "
                "compare the coders with the answers the sheet records, not the current ones."
            )
        ],
        cls="note",
    )


def own_sample_html(own: pd.DataFrame | None, *, per_outlet: bool = False) -> Markup:
    """The blocks as HTML (for a notebook), '' when there are none."""
    items = own_sample_blocks(own, per_outlet=per_outlet)
    if not items:
        return Markup("")
    return Markup(pages.render("own_sample.html.j2", items=items))


def _num(value: object) -> str:
    """A figure with two decimals, 'n/a' when missing."""
    return "n/a" if value is None or pd.isna(value) or math.isnan(float(value)) else f"{value:.2f}"


def own_sample_lines(own: pd.DataFrame | None) -> list[str]:
    """One plain line per variable and pair of raters (all outlets), at most MAX_ROWS."""
    if own is None or not len(own):
        return []
    shown = _headline(own[own["outlet"] == ALL_OUTLETS]).head(MAX_ROWS)
    return [
        f"{r.variable}: {r.rater_a} vs {r.rater_b} on {int(r.n):,} units, accuracy "
        f"{_num(r.accuracy)} ({_num(r.accuracy_lo)}–{_num(r.accuracy_hi)}), macro-F1 "
        f"{_num(r.macro_f1)}, alpha {_num(r.alpha)} ({_num(r.alpha_lo)}–{_num(r.alpha_hi)})"
        for r in shown.itertuples(index=False)
    ]
