"""Which articles an outlet comparison counts: everything an outlet published, or only its own
reporting.

An outlet that runs agency copy (Associated Press, Reuters, AFP ...) under its name publishes
writing that is not its own; counted as the outlet's, it pulls the outlet's tone, frames, voices and
words towards the agency's. Stage 10 detects wire copy (`articles.wire`, see
presslens.ingest.wire) and records the run's choice, the `outlet_comparisons` parameter, in
`run_settings`:

- ``own`` (the default): every outlet comparison counts the outlet's own reporting only; wire copy
  is compared as one group of its own, ``(wire copy)``, so it is neither lost nor credited to the
  outlet that reprinted it;
- ``all``: every article counts for the outlet that published it, wire copy included.

Corpus-wide counts (actors, quotes, the timeline, claims) always use every analysed article.
"""

from __future__ import annotations

import os

import pandas as pd

MODES = ("own", "all")
DEFAULT = "own"
SETTING = "outlet_comparisons"
WIRE_GROUP = "(wire copy)"
UNKNOWN_OUTLET = "(unknown outlet)"


def check(mode: str) -> str:
    """`mode` if it is one of MODES, else a ValueError that names them."""
    if mode not in MODES:
        raise ValueError(
            f"outlet_comparisons must be one of {', '.join(MODES)} (got {mode!r}): 'own' compares "
            "each outlet's own reporting, 'all' everything it published, wire copy included"
        )
    return mode


def is_wire(articles: pd.DataFrame) -> pd.Series:
    """Per row of `articles`, whether it is wire copy (False where the table has no `wire`)."""
    if "wire" not in articles.columns:
        return pd.Series(False, index=articles.index)
    return articles["wire"].fillna("").astype(str).str.strip() != ""


def comparison_outlets(articles: pd.DataFrame, mode: str = DEFAULT) -> pd.Series:
    """article_id -> the group an outlet comparison counts the article in: its outlet, or
    WIRE_GROUP for wire copy when `mode` is ``own``; UNKNOWN_OUTLET for articles without one."""
    outlet = articles["outlet"].fillna(UNKNOWN_OUTLET).astype(str)
    if check(mode) == "own":
        outlet = outlet.where(~is_wire(articles), WIRE_GROUP)
    return pd.Series(outlet.to_numpy(), index=articles["article_id"].to_numpy(), name="outlet")


def with_comparison_outlet(articles: pd.DataFrame, mode: str = DEFAULT) -> pd.DataFrame:
    """`articles` with its `outlet` column replaced by the comparison group (see
    comparison_outlets)."""
    return articles.assign(outlet=comparison_outlets(articles, mode).to_numpy())


def articles(
    out_dir: str | os.PathLike, columns: list[str], *, mode: str | None = None
) -> pd.DataFrame:
    """The run's `articles` (these columns) with `outlet` the comparison group of the run's mode
    (or `mode`)."""
    from presslens.core import tables

    have = tables.columns("articles", out_dir)
    wanted = list(dict.fromkeys([*columns, "article_id", "outlet"]))
    got = tables.read("articles", out_dir, columns=wanted + (["wire"] if "wire" in have else []))
    scoped = with_comparison_outlet(got, mode or mode_of(out_dir))
    return scoped[list(dict.fromkeys([*columns]))] if columns else scoped


def mode_of(out_dir: str | os.PathLike) -> str:
    """The run's choice, from `run_settings` (runs made before the setting existed: ``all``, what
    they measured)."""
    from presslens.core import packs

    return packs.setting(out_dir, SETTING, default="all")


def describe(mode: str, *, n_wire: int | None = None) -> str:
    """One sentence for the report: what the outlet comparisons count."""
    if check(mode) == "all":
        return (
            "Outlet comparisons count everything each outlet published, wire-agency copy "
            "included (run with -p outlet_comparisons own to compare outlets' own reporting)."
        )
    if n_wire == 0:
        return (
            "Outlet comparisons count each outlet's own reporting; no article was found to be "
            "wire-agency copy, so every article counts for the outlet that published it."
        )
    wire = "" if n_wire is None else f" ({n_wire:,} articles)"
    return (
        "Outlet comparisons count each outlet's own reporting: wire-agency copy"
        f"{wire} is compared as one group, ‘{WIRE_GROUP}’ (run with -p outlet_comparisons all to "
        "count it for the outlet that published it)."
    )
