"""Reading a run folder for the start page (summary tables and small columns of the large ones),
and the small helpers every statement uses: links to sentences, plurals, intervals, snippets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
import pandas as pd
from presslens.core import outlet_scope, packs, tables
from presslens.report.parts import Part, block, sentence_href


TOP = 5  # items named in one finding
UNKNOWN_OUTLET = "(unknown outlet)"


# ---- reading ---------------------------------------------------------------------------------


def divergent_pairs(action_divergence: pd.DataFrame) -> int:
    """Distinct (subject, action) pairs with different targets."""
    if not len(action_divergence):
        return 0
    return int(action_divergence[["subject", "action"]].drop_duplicates().shape[0])


ARTICLE_COLUMNS = [
    "article_id",
    "file",
    "outlet",
    "published",
    "title",
    "status",
    "reason",
    "duplicate_of",
]


def load(out_dir: str | Path) -> dict[str, Any]:
    """The tables and facts the start page needs (summaries, and small columns of the large
    tables)."""

    def opt(name: str, columns: list[str] | None = None) -> pd.DataFrame:
        return tables.read_or_empty(name, out_dir, columns)

    t: dict[str, Any] = {
        "articles": tables.read("articles", out_dir, columns=ARTICLE_COLUMNS),
        "n_sentences": _n_rows("sentences", out_dir),
        "removed": opt("removed", ["article_id", "rule"]),
        "data_quality": opt("data_quality"),
        "outlet_comparisons": outlet_scope.mode_of(out_dir),
        "quarantine": opt("quarantine"),
        "article_sentiment": opt("article_sentiment"),
        "outlet_sentiment": opt("outlet_sentiment"),
        "sentiment_stats": opt("sentiment_stats"),
        "extremes": opt("sentiment_extremes"),
        "disagreements": opt("sentiment_disagreements"),
        "quotes": opt("quotes", ["article_id", "sent_id", "speaker_actor", "start"]),
        "quoted_mentioned": opt("quoted_mentioned"),
        "actors": opt("actors", ["actor", "name", "type", "source", "mentions"]),
        "actor_check": opt("actor_check"),
        "voices": opt("voices"),
        "quote_rates": opt("quote_rates"),
        "name_variants": opt(
            "name_variants", ["actor", "variant", "outlet", "n", "article_id", "sent_id"]
        ),
        "term_counts": opt("term_counts"),
        "frame_shares": opt("frame_shares"),
        "portrayal": opt("actor_portrayal"),
        "outlet_differences": opt("outlet_differences"),
        "actor_tone_all": _pooled_actors(out_dir),
        "event_groups": opt("event_groups"),
        "coverage": opt("coverage"),
        "timex_types": opt("timex", ["type"]),
        "divergence": opt("divergence"),
        "actions": opt("actions", ["subject", "action", "object"]),
        "action_divergence": opt("action_divergence"),
        "contrasts": opt("contrasts"),
        "validation": opt("validation"),
        "own_agreement": opt("own_agreement"),
        "timex_gold": opt("timex_gold_scores"),
        "manifest": manifest(out_dir),
        "pack": run_pack(out_dir),
    }
    return t


def _n_rows(name: str, out_dir: str | Path) -> int:
    """Rows of a table of the run (0 when it was not written)."""
    return tables.n_rows(name, out_dir) if tables.exists(name, out_dir) else 0


def _pooled_actors(out_dir: str | Path) -> pd.DataFrame:
    """The rows of `outlet_actor` over all outlets (tone toward each actor, articles as units)."""
    cols = ["outlet", "actor", "name", "mentions", "tone", "tone_lo", "tone_hi", "n"]
    oa = tables.read_or_empty("outlet_actor", out_dir, cols)
    return oa[oa["outlet"] == "(all outlets)"].reset_index(drop=True)


def run_pack(out_dir: str | Path) -> str:
    """The name of the run's topic pack ('' for none), from stage 10's `run_settings`."""
    return packs.setting(out_dir, "pack")


def manifest(out_dir: str | Path) -> dict:
    """The run's manifest.json (empty when absent)."""
    path = Path(out_dir) / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def corpus_facts(articles: pd.DataFrame) -> dict[str, Any]:
    """Counts behind the corpus summary: inputs, statuses, outlets, date range, undated."""
    ok = articles[articles["status"] == "ok"]
    dated = ok["published"].dropna()
    return {
        "inputs": len(articles),
        "ok": len(ok),
        "duplicate": int((articles["status"] == "duplicate").sum()),
        "quarantined": int((articles["status"] == "quarantined").sum()),
        "outlets": int(ok["outlet"].dropna().nunique()),
        "first": dated.min() if len(dated) else None,
        "last": dated.max() if len(dated) else None,
        "undated": int(ok["published"].isna().sum()),
    }


# ---- small helpers -------------------------------------------------------------------------


def link(article_id: str, sent_id: int | None = None, text: str | None = None) -> Part:
    """A link to an article page (or one sentence on it)."""
    label = (
        text
        if text is not None
        else (f"{article_id} #{sent_id}" if sent_id is not None else article_id)
    )
    return Part(label, sentence_href(article_id, sent_id))


def snippet(text: str, n: int = 140) -> str:
    """A sentence shortened to n characters, in quotation marks unless it already starts with
    one."""
    short = text if len(text) <= n else text[: n - 1].rstrip() + "…"
    return short if short[:1] in "\"“„«'‘" else f"“{short}”"


def fmt_ci(tone: float, lo: float, hi: float) -> str:
    """'+0.21 (95% CI +0.04 to +0.38)', or the value alone when there is no interval."""
    return (
        f"{tone:+.2f} (95% CI {lo:+.2f} to {hi:+.2f})"
        if pd.notna(lo)
        else f"{tone:+.2f} (no interval)"
    )


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def agree(n: int, one: str, many: str) -> str:
    """The verb that agrees with a count: `one` for 1, else `many` ('was'/'were')."""
    return one if n == 1 else many


def joined(items: list[list[Part]], sep: str = ", ", last: str = " and ") -> list[Part]:
    """Lists of parts joined as an English enumeration."""
    out: list[Part] = []
    for i, item in enumerate(items):
        if i:
            out.append(Part(last if i == len(items) - 1 else sep))
        out += item
    return out


def p(*parts: Part | str, cls: str = "") -> dict[str, Any]:
    """A paragraph block from parts and plain strings."""
    return block("p", parts=[x if isinstance(x, Part) else Part(x) for x in parts], cls=cls)


def stat_value(stats: pd.DataFrame, method: str, metric: str) -> float | None:
    """One method's value of one metric in a stats table, or None when absent or missing."""
    row = stats[(stats["method"] == method) & (stats["metric"] == metric)] if len(stats) else stats
    return float(row["value"].iloc[0]) if len(row) and pd.notna(row["value"].iloc[0]) else None


def actor_names(t: dict[str, Any]) -> dict[str, str]:
    """Actor id -> display name, from the `actors` table."""
    actors = t.get("actors")
    if actors is None or actors.empty:
        return {}
    return dict(zip(actors["actor"], actors["name"]))


def evidence_link(evidence: str) -> Part | None:
    """An "e.g." link to the first sentence of `evidence` ("article#s3 ..."), or None."""
    first = str(evidence or "").split()[:1]
    if not first:
        return None
    aid, _, sid = first[0].partition("#s")
    return link(aid, int(sid) if sid.isdigit() else None, "e.g.")
