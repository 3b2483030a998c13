"""Read and write the chain's tables (parquet for the next notebook, CSV for people).

The column contract of DESIGN.md lives here: `write` refuses a table that lacks a contract column,
so downstream code can rely on it. Rows are written in a stable order so two runs on the same
input give byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

CONTRACT: dict[str, list[str]] = {
    "articles": ["article_id", "file", "outlet", "url", "published", "title", "text", "raw_sha256", "status", "reason"],
    "removed": ["article_id", "line", "text", "rule"],
    "quarantine": ["source", "reason"],
    "sentences": ["article_id", "sent_id", "start", "end", "text"],
    "sentiment": ["article_id", "sent_id", "method", "compound"],
    "mentions": ["article_id", "sent_id", "actor", "start", "end", "surface"],
    "quotes": ["article_id", "sent_id", "speaker", "cue", "content", "kind", "start", "end"],
    "frames": ["article_id", "sent_id", "scheme", "frame", "cue", "start", "end"],
    "article_frames": ["article_id", "scheme", "frame", "present", "score", "evidence"],
    "terms": ["article_id", "sent_id", "concept", "variant", "start", "end"],
    "timex": ["article_id", "sent_id", "start", "end", "text", "type", "value", "begin", "finish", "anchor"],
}
SORT_KEYS = ["article_id", "sent_id", "start", "method", "scheme", "frame", "line", "source"]


def data_dir(out_dir: str | Path) -> Path:
    """The `data/` folder of a run folder."""
    return Path(out_dir) / "data"


def check(df: pd.DataFrame, name: str) -> None:
    """Raise ValueError if `df` lacks a column the contract promises for table `name`."""
    missing = [c for c in CONTRACT.get(name, []) if c not in df.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks contract column(s): {', '.join(missing)}")


def stable(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in a stable order (by the key columns present) with a fresh index."""
    keys = [k for k in SORT_KEYS if k in df.columns]
    return df.sort_values(keys, kind="mergesort").reset_index(drop=True) if keys else df.reset_index(drop=True)


def write(df: pd.DataFrame, name: str, out_dir: str | Path) -> Path:
    """Write `df` as data/<name>.parquet and data/<name>.csv after checking the contract."""
    check(df, name)
    folder = data_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    table = stable(df)
    table.to_parquet(folder / f"{name}.parquet", index=False)
    table.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    return folder / f"{name}.parquet"


def read(name: str, out_dir: str | Path) -> pd.DataFrame:
    """Read table `name` from a run folder; a clear error names the notebook that makes it."""
    path = data_dir(out_dir) / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(f"table {name!r} not found at {path}: run the notebook that writes it first")
    return pd.read_parquet(path)
