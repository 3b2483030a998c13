"""Check presslens on your own corpus: draw a stratified sample of a run's units and write a coding
sheet for a person to fill (`codes.csv`, its guide and a page showing each unit in its context).

The units are articles (is a frame present), actor mentions (tone toward the actor), quotes (who
speaks) and discovered actors (is it real, what type). Each kind is sampled by strata of outlet and
presslens's answer, so rare answers are sampled as often as common ones; a unit's place in its
stratum is a seeded hash of its keys, so a draw is the same on every machine and partition size,
and tables are read partition by partition. The sheet has a bounded number of rows whatever the
corpus size. `presslens.report.own_sample_page.write_sheet` writes the sheet, its guide and its
page; `presslens.validate.own_codes` reads the filled sheet back and measures agreement.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.core import resources, tables

SHEET_COLUMNS = [
    "unit",
    "article_id",
    "sent_id",
    "start",
    "end",
    "variable",
    "presslens",
    "value",
    "coder",
]
ITEM = "item"  # an extra column: what the row asks about, for reading the sheet in a spreadsheet
FAMILIES = ("frame", "tone_toward", "speaker", "actor")  # share the sheet's rows equally
NO_OUTLET = "(unknown outlet)"
MAX_ROWS = 300  # rows of a sheet by default, whatever the corpus size
PER_STRATUM = 3  # units per stratum (outlet x presslens's answer) before the bound applies
SEED = 21
Prepare = Callable[[pd.DataFrame], pd.DataFrame]  # a table's partition -> units with strata
MAX_QUOTE = 160  # characters of a quote shown in the sheet's item column


def variables() -> dict[str, dict[str, Any]]:
    """The sheet's variables (resources/own_sample.yaml): question, unit, answers, synonyms."""
    return resources.load("own_sample.yaml")["variables"]


def family(variable: str) -> str:
    """The presslens variable a sheet variable is one of ('frame' for frame:scheme.name), or ''
    for a variable of the user's own."""
    v = str(variable).strip().lower()
    if v.startswith("frame:"):
        return "frame"
    return v if v in variables() else ""


# ---- sampling --------------------------------------------------------------------------------


def _keyed(df: pd.DataFrame, keys: list[str], seed: int) -> pd.DataFrame:
    """`df` with `_key`, a seeded hash of its key columns (a unit's place in its stratum)."""
    hash_key = f"{seed % 10**16:016d}"
    h = pd.util.hash_pandas_object(df[keys].astype(str), index=False, hash_key=hash_key)
    return df.assign(_key=h.to_numpy())


def _first(df: pd.DataFrame, strata: list[str], n: int) -> pd.DataFrame:
    """The `n` units of each stratum with the smallest keys."""
    if not len(df):
        return df
    ordered = df.sort_values([*strata, "_key"], kind="mergesort")
    return ordered[ordered.groupby(strata, sort=False).cumcount() < n]


def _bounded(
    df: pd.DataFrame, fine: list[str], coarse: list[str], n: int, budget: int
) -> pd.DataFrame:
    """At most `budget` units, taken in turns over the coarse strata (each variable x answer),
    and within those in turns over the outlets. A fine stratum gives at most `n` units (or its
    share of the budget when the strata are few) before the rest fill what the budget leaves."""
    if not len(df) or budget <= 0:
        return df.head(0)
    cap = max(n, -(-budget // len(df[fine].drop_duplicates())))
    ranked = df.sort_values([*fine, "_key"], kind="mergesort")
    ranked = ranked.assign(_r1=ranked.groupby(fine, sort=False).cumcount())
    ranked = ranked.sort_values([*coarse, "_r1", "_key"], kind="mergesort")
    ranked = ranked.assign(
        _r2=ranked.groupby(coarse, sort=False).cumcount(), _over=ranked["_r1"] >= cap
    )
    ranked = ranked.sort_values(["_over", "_r2", *coarse, "_key"], kind="mergesort")
    return ranked.head(budget).drop(columns=["_r1", "_r2", "_over"])


def _outlets(out_dir: Path) -> dict[str, str]:
    """Outlet of each article of the run."""
    a = tables.read("articles", out_dir, columns=["article_id", "outlet"])
    return dict(zip(a["article_id"], a["outlet"].fillna("").replace("", NO_OUTLET)))


def _scan(
    name: str, out_dir: Path, columns: list[str], prepare: Prepare, fine: list[str], n: int
) -> pd.DataFrame:
    """The first `n` units of each stratum of a table, read partition by partition (memory
    bounded by the strata): `prepare` turns a partition into units with their strata."""
    if not tables.exists(name, out_dir):
        return pd.DataFrame()
    kept = pd.DataFrame()
    for part in tables.parts(name, out_dir, columns=columns):
        if len(part):
            units = _first(prepare(part), fine, n)
            kept = (
                _first(pd.concat([kept, units], ignore_index=True), fine, n) if len(kept) else units
            )
    return kept.reset_index(drop=True)


def _frame_units(out_dir: Path, outlets: dict[str, str], n: int, seed: int) -> pd.DataFrame:
    """Article x frame units: is the frame present."""

    def prepare(part: pd.DataFrame) -> pd.DataFrame:
        u = part.assign(
            unit="article",
            variable="frame:" + part["scheme"].astype(str) + "." + part["frame"].astype(str),
            presslens=part["present"].map(lambda v: "yes" if bool(v) else "no"),
            outlet=part["article_id"].map(outlets).fillna(NO_OUTLET),
            sent_id=pd.NA,
            start=pd.NA,
            end=pd.NA,
        )
        u[ITEM] = u["variable"].str.slice(len("frame:"))
        return _keyed(u, ["article_id", "variable"], seed)

    cols = ["article_id", "scheme", "frame", "present", "evidence"]
    return _scan("article_frames", out_dir, cols, prepare, ["variable", "presslens", "outlet"], n)


def _tone_units(out_dir: Path, outlets: dict[str, str], n: int, seed: int) -> pd.DataFrame:
    """Mention units: the tone toward the actor named."""

    def prepare(part: pd.DataFrame) -> pd.DataFrame:
        u = part.assign(
            unit="mention",
            variable="tone_toward",
            presslens=part["label"].astype(str),
            outlet=part["article_id"].map(outlets).fillna(NO_OUTLET),
        )
        u[ITEM] = "tone toward " + part["surface"].astype(str) + " (" + part["actor"] + ")"
        return _keyed(u, ["article_id", "start", "end"], seed)

    cols = ["article_id", "sent_id", "actor", "start", "end", "surface", "label"]
    return _scan("actor_tone", out_dir, cols, prepare, ["presslens", "outlet"], n)


def speaker_answer(speaker: object, speaker_actor: object, names: dict[str, str]) -> str:
    """presslens's speaker of a quote: the name of the actor it resolved to, else the words that
    name the speaker, else 'none'."""
    actor = "" if pd.isna(speaker_actor) else str(speaker_actor)
    if actor and names.get(actor):
        return names[actor]
    said = "" if pd.isna(speaker) else " ".join(str(speaker).split())
    return said or "none"


def actor_names(out_dir: Path) -> dict[str, str]:
    """Name of each actor of the run."""
    a = tables.read_if("actors", out_dir, columns=["actor", "name"])
    return {} if a is None else dict(zip(a["actor"], a["name"].fillna("")))


def _quote_units(out_dir: Path, outlets: dict[str, str], n: int, seed: int) -> pd.DataFrame:
    """Quote units: who speaks."""
    names = actor_names(out_dir)

    def prepare(part: pd.DataFrame) -> pd.DataFrame:
        has = part.get("speaker_actor", pd.Series("", index=part.index)).fillna("")
        u = part.assign(
            unit="quote",
            variable="speaker",
            presslens=[speaker_answer(s, a, names) for s, a in zip(part["speaker"], has)],
            outlet=part["article_id"].map(outlets).fillna(NO_OUTLET),
            resolved=[
                "actor" if a else ("words" if str(s or "").strip() else "none")
                for s, a in zip(part["speaker"].fillna(""), has)
            ],
        )
        content = part["content"].fillna("").astype(str).str.slice(0, MAX_QUOTE)
        u[ITEM] = part["kind"].astype(str) + " quote: " + content
        return _keyed(u, ["article_id", "start", "end"], seed)

    cols = tables.columns("quotes", out_dir) if tables.exists("quotes", out_dir) else []
    cols = [c for c in ["article_id", "sent_id", "speaker", "speaker_actor", "content", "kind",
                        "start", "end"] if c in cols]  # fmt: skip
    return _scan("quotes", out_dir, cols, prepare, ["kind", "resolved", "outlet"], n)


def _actor_units(
    out_dir: Path, outlets: dict[str, str], n: int, budget: int, seed: int
) -> pd.DataFrame:
    """Actor units (two rows each: is it real, its type), each shown at its first mention."""
    actors = tables.read_if("actors", out_dir)
    if actors is None or not len(actors) or not tables.exists("mentions", out_dir):
        return pd.DataFrame()
    if "mentions" in actors:
        actors = actors[actors["mentions"].fillna(0) > 0]
    actors = actors.assign(
        source=lambda d: d["source"].fillna("") if "source" in d else "",
        type=lambda d: d["type"].fillna("").astype(str),
    )
    keyed = _keyed(actors, ["actor"], seed)
    picked = _bounded(keyed, ["source", "type"], ["source", "type"], n, budget)
    first = _first_mentions(out_dir, set(picked["actor"]))
    picked = picked.merge(first, on="actor", how="inner")
    base = picked.assign(unit="actor", outlet=picked["article_id"].map(outlets).fillna(NO_OUTLET))
    base[ITEM] = "actor " + base["name"].astype(str) + " (" + base["actor"].astype(str) + ")"
    real = base.assign(variable="actor_is_real", presslens="yes")
    kind = base.assign(variable="actor_type", presslens=base["type"].replace("", "other"))
    return pd.concat([real, kind], ignore_index=True)


def _first_mentions(out_dir: Path, wanted: set[str]) -> pd.DataFrame:
    """The first mention (in the run's order) of each actor asked for."""
    found: dict[str, tuple] = {}
    cols = ["article_id", "sent_id", "actor", "start", "end"]
    for part in tables.parts("mentions", out_dir, columns=cols):
        for r in part[part["actor"].isin(wanted - set(found))].itertuples(index=False):
            found.setdefault(r.actor, (r.article_id, r.sent_id, r.start, r.end))
        if len(found) == len(wanted):
            break
    rows = [(a, *v) for a, v in found.items()]
    return pd.DataFrame(rows, columns=cols[2:3] + cols[:2] + cols[3:])


def draw(
    out_dir: str | Path,
    *,
    n_per_stratum: int = PER_STRATUM,
    seed: int = SEED,
    max_rows: int = MAX_ROWS,
) -> pd.DataFrame:
    """A stratified sample of a run's units as coding-sheet rows (SHEET_COLUMNS, `item`, and the
    outlet and frame evidence for the page), at most `max_rows` rows, the same for the same run."""
    out = Path(out_dir)
    if not tables.exists("articles", out):
        raise FileNotFoundError(f"{out} has no tables (data/articles.parquet): run presslens first")
    outlets = _outlets(out)
    share = max(1, max_rows // len(FAMILIES))
    keep = max(n_per_stratum, share)  # per stratum while reading: enough for any share of it
    fine = {"frame": ["variable", "presslens", "outlet"], "tone_toward": ["presslens", "outlet"],
            "speaker": ["kind", "resolved", "outlet"]}  # fmt: skip
    coarse = {"frame": ["variable", "presslens"], "tone_toward": ["presslens"],
              "speaker": ["kind", "resolved"]}  # fmt: skip
    found = {
        "frame": _frame_units(out, outlets, keep, seed),
        "tone_toward": _tone_units(out, outlets, keep, seed),
        "speaker": _quote_units(out, outlets, keep, seed),
    }
    parts = [
        _bounded(units, fine[name], coarse[name], n_per_stratum, share).assign(_family=i)
        for i, (name, units) in enumerate(found.items())
        if len(units)
    ]
    actors = _actor_units(out, outlets, n_per_stratum, share // 2, seed)
    if len(actors):
        parts.append(actors.assign(_family=len(FAMILIES) - 1))
    return _as_sheet(parts, outlets)


def _as_sheet(parts: list[pd.DataFrame], outlets: dict[str, str]) -> pd.DataFrame:
    """The sampled units as sheet rows in a stable order (kind, then the run's article order)."""
    columns = [*SHEET_COLUMNS, ITEM, "outlet", "evidence"]
    if not parts:
        return pd.DataFrame(columns=columns)
    rows = pd.concat(parts, ignore_index=True)
    rank = {a: i for i, a in enumerate(outlets)}
    rows = rows.assign(
        _rank=rows["article_id"].map(rank).fillna(len(rank)),
        value="",
        coder="",
        evidence=rows["evidence"].fillna("") if "evidence" in rows else "",
    )
    for c in ("sent_id", "start", "end"):
        rows[c] = pd.to_numeric(rows[c], errors="coerce").astype("Int64")
    rows = rows.sort_values(
        ["_family", "_rank", "sent_id", "start", "variable"], kind="mergesort", na_position="first"
    )
    return rows[columns].reset_index(drop=True)


# ---- the sheet and its guide --------------------------------------------------------------


def sheet_folder(out_dir: str | Path) -> Path:
    """Where `presslens sample` writes by default: RUN.sample beside the run folder (a rerun
    replaces the run folder, and with it anything a person saved inside it)."""
    out = Path(out_dir).resolve()
    return out.with_name(out.name + ".sample")


def guide_text(sample: pd.DataFrame) -> str:
    """The coding guide: how to fill the sheet, and each variable's question and answers."""
    counts = sample["variable"].map(family).value_counts() if len(sample) else pd.Series()
    lines = [
        "# Coding guide",
        "",
        "Each row of `codes.csv` asks one question (`variable`) about one unit of the corpus: an",
        "article, an actor's mention, a quote or an actor. `sample.html` shows each unit in its",
        "context with a link to its place in the article. Read the unit, then write your answer",
        "in `value` and your name or initials in `coder`. Decide from the text, not from",
        "presslens's answer (the `presslens` column): cover that column if you can. Leave `value`",
        "empty when you cannot tell; empty values are left out of the figures.",
        "",
        "A second coder copies the unfilled sheet, fills it alone and puts their rows under the",
        "first coder's (or in a file of their own, joined before it is read). You may add rows",
        "or columns for variables of your own: any `variable` name, `presslens` empty.",
        "",
        "Feed the filled sheet back with `presslens run --out RUN -p codes PATH/codes.csv`",
        "(the command `presslens sample` printed); notebook 90 and the start page then show",
        "how far presslens agrees with you. Keep the sheet outside the run folder: a run",
        "replaces that folder.",
        "",
        "## Variables",
    ]
    for name, spec in variables().items():
        values = ", ".join(f"`{v}`" for v in spec["values"])
        extra = ", or a name" if spec.get("open") else ""
        lines += [
            "",
            f"### {name}{':<scheme>.<frame>' if name == 'frame' else ''} "
            f"({int(counts.get(name, 0))} rows; unit: {spec['unit']})",
            "",
            " ".join(str(spec["question"]).split()),
            "",
            f"Answers: {values}{extra}.",
        ]
    return "\n".join(lines) + "\n"
