"""Read and write the chain's tables (parquet for the next notebook, CSV for people).

The column contract of DESIGN.md lives here: `write` refuses a table that lacks a contract column,
so downstream code can rely on it. Rows are written in a stable order so two runs on the same
input give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

CONTRACT: dict[str, list[str]] = {
    "articles": [
        "article_id",
        "file",
        "outlet",
        "url",
        "published",
        "title",
        "text",
        "raw_sha256",
        "status",
        "reason",
    ],
    "removed": ["article_id", "line", "text", "rule"],
    "quarantine": ["source", "reason"],
    "sentences": ["article_id", "sent_id", "start", "end", "text"],
    "sentiment": ["article_id", "sent_id", "method", "compound"],
    "mentions": ["article_id", "sent_id", "actor", "start", "end", "surface"],
    "quotes": ["article_id", "sent_id", "speaker", "cue", "content", "kind", "start", "end"],
    "frames": ["article_id", "sent_id", "scheme", "frame", "cue", "start", "end"],
    "article_frames": ["article_id", "scheme", "frame", "present", "score", "evidence"],
    "terms": ["article_id", "sent_id", "concept", "variant", "start", "end"],
    "timex": [
        "article_id",
        "sent_id",
        "start",
        "end",
        "text",
        "type",
        "value",
        "begin",
        "finish",
        "anchor",
    ],
    "outlet_actor": [
        "outlet",
        "actor",
        "name",
        "mentions",
        "mention_share",
        "quotes",
        "quote_share",
        "tone",
        "tone_lo",
        "tone_hi",
        "n",
    ],
}
# table -> the columns that order its rows, as the stage declarations give them
KEYS: dict[str, list[str]] = {}


def data_dir(out_dir: str | Path) -> Path:
    """The `data/` folder of a run folder."""
    return Path(out_dir) / "data"


def check(df: pd.DataFrame, name: str) -> None:
    """Raise ValueError if `df` lacks a column the contract promises for table `name`."""
    missing = [c for c in CONTRACT.get(name, []) if c not in df.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks contract column(s): {', '.join(missing)}")


def stable(df: pd.DataFrame, name: str, *, order: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows of a keyed table sorted by its keys (other tables keep the order they were made in).

    With `order` (the partition's article ids in input order), articles keep that order and only
    the keys after article_id sort within an article: a table then has the same rows in the same
    order whatever the partition size, even when the input's ids are not sorted.
    """
    keys = [k for k in KEYS.get(name, []) if k in df.columns]
    if not keys:
        return df.reset_index(drop=True)
    if order is not None and keys[0] == "article_id" and len(df):
        rank = {a: i for i, a in enumerate(dict.fromkeys(order))}
        ranked = df.assign(_rank=df["article_id"].map(rank).fillna(len(rank)).astype("int64"))
        return (
            ranked.sort_values(["_rank", *keys[1:]], kind="mergesort")
            .drop(columns="_rank")
            .reset_index(drop=True)
        )
    return df.sort_values(keys, kind="mergesort").reset_index(drop=True)


def _arrow_schema(df: pd.DataFrame) -> pa.Schema:
    """The Arrow schema of a chunk, with all-null columns typed as strings."""
    schema = pa.Schema.from_pandas(df, preserve_index=False)
    fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in schema]
    return pa.schema(fields)


class PartWriter:
    """Write a table chunk by chunk: one parquet row group and one CSV block per chunk, bounded
    memory.

    Each chunk is put in stable order; chunks keep the order they are written in. The first chunk
    fixes the schema (later chunks are cast to it), and the contract is checked on it.
    """

    def __init__(self, name: str, out_dir: str | Path, *, columns: list[str] | None = None) -> None:
        self.name, self.columns = name, columns
        folder = data_dir(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        self.parquet_path, self.csv_path = folder / f"{name}.parquet", folder / f"{name}.csv"
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._csv = open(self.csv_path, "w", encoding="utf-8", newline="")
        self.rows = 0

    def write(self, df: pd.DataFrame, *, order: Sequence[str] | None = None) -> None:
        """Append one chunk (possibly empty) as its own row group (`order`: see `stable`)."""
        if self.columns is not None:
            df = df.reindex(columns=self.columns)
        if self._schema is None:
            check(df, self.name)
            self._schema = _arrow_schema(df)
            self._writer = pq.ParquetWriter(self.parquet_path, self._schema)
            self._columns = list(df.columns)
            df.iloc[0:0].to_csv(self._csv, index=False, lineterminator="\n")
        chunk = stable(df[self._columns], self.name, order=order)
        table = pa.Table.from_pandas(chunk, preserve_index=False).cast(self._schema)
        self._writer.write_table(table, row_group_size=max(1, len(chunk)))
        chunk.to_csv(self._csv, index=False, header=False, lineterminator="\n")
        self.rows += len(chunk)

    def close(self) -> Path:
        """Finish both files (an empty table still gets its header and schema)."""
        if self._schema is None:
            self.write(pd.DataFrame(columns=self.columns or CONTRACT.get(self.name, [])))
        self._writer.close()
        self._csv.close()
        return self.parquet_path

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write(df: pd.DataFrame, name: str, out_dir: str | Path) -> Path:
    """Write `df` as data/<name>.parquet and data/<name>.csv after checking the contract."""
    with PartWriter(name, out_dir) as w:
        w.write(df)
    return w.parquet_path


def path(name: str, out_dir: str | Path) -> Path:
    """Path of a table's parquet file; a clear error names what is missing."""
    p = data_dir(out_dir) / f"{name}.parquet"
    if not p.exists():
        raise FileNotFoundError(
            f"table {name!r} not found at {p}: run the notebook that writes it first"
        )
    return p


def read(name: str, out_dir: str | Path, *, columns: list[str] | None = None) -> pd.DataFrame:
    """Read table `name` (optionally some columns) from a run folder."""
    return pd.read_parquet(path(name, out_dir), columns=columns)


def parts(
    name: str,
    out_dir: str | Path,
    *,
    columns: list[str] | None = None,
    articles: Collection[str] | None = None,
) -> Iterator[pd.DataFrame]:
    """Read a table one partition (row group) at a time; with `articles`, only those articles' rows
    (filtered in Arrow before they become pandas rows, so memory stays bounded)."""
    f = pq.ParquetFile(path(name, out_dir))
    wanted = pa.array(sorted(set(articles)), type=pa.string()) if articles is not None else None
    for i in range(f.num_row_groups):
        group = f.read_row_group(i, columns=columns)
        if wanted is not None:
            group = group.filter(
                pc.is_in(group.column("article_id").cast(pa.string()), value_set=wanted)
            )
        yield group.to_pandas()


def exists(name: str, out_dir: str | Path) -> bool:
    """Whether a run folder holds table `name`."""
    return (data_dir(out_dir) / f"{name}.parquet").exists()


def read_if(
    name: str, out_dir: str | Path, *, columns: list[str] | None = None
) -> pd.DataFrame | None:
    """Table `name` if the run folder holds it, else None (for tables an earlier notebook may not
    have written)."""
    return read(name, out_dir, columns=columns) if exists(name, out_dir) else None


def read_or_empty(name: str, out_dir: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Table `name` (these columns) if the run folder holds it, else an empty one with them (for
    tables an earlier notebook may not have written)."""
    got = read_if(name, out_dir, columns=columns)
    return got if got is not None else pd.DataFrame(columns=columns or [])


def n_rows(name: str, out_dir: str | Path) -> int:
    """Number of rows of a table, from its parquet metadata (nothing is read)."""
    return pq.ParquetFile(path(name, out_dir)).metadata.num_rows


def head(
    name: str, out_dir: str | Path, n: int = 25, *, columns: list[str] | None = None
) -> pd.DataFrame:
    """The first n rows of a table, reading no more row groups than needed."""
    got: list[pd.DataFrame] = []
    have = 0
    for part in parts(name, out_dir, columns=columns):
        got.append(part.head(n - have))
        have += len(got[-1])
        if have >= n:
            break
    return (
        pd.concat(got, ignore_index=True) if got else read(name, out_dir, columns=columns).head(0)
    )


def n_parts(name: str, out_dir: str | Path) -> int:
    """Number of partitions (row groups) of a table."""
    return pq.ParquetFile(path(name, out_dir)).num_row_groups


def columns(name: str, out_dir: str | Path) -> list[str]:
    """The column names of a table (from its schema; nothing is read)."""
    return list(pq.ParquetFile(path(name, out_dir)).schema_arrow.names)
