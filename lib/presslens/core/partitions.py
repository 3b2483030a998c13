"""Partitions: how every stage reads its inputs and writes its tables, a bounded piece at a time.

Stage 10 writes articles and sentences with one parquet row group per partition; every later stage
reads them (and the same articles' rows of earlier tables) partition by partition, runs the same
library functions on each partition in process or on worker processes (`presslens.core.engine`),
and writes its tables partition by partition, so memory stays bounded and every engine writes the
same bytes. What a stage summarises over the corpus it builds from small per-partition partials.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from presslens.core import engine, outlet_scope, stage, tables


UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass
class Partition:
    """One partition of the analysed corpus: its articles, their sentences, and the same articles'
    rows of earlier partitioned tables (`extra`: mentions, ...; None when a table is absent)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    extra: dict[str, pd.DataFrame | None] = field(default_factory=dict)


def _extra_parts(name: str, out_dir: str | Path, n: int):
    """Row groups of an earlier table when it has one per partition (as every partitioned stage
    writes it), else None (the partition's rows are then filtered from the whole table)."""
    if tables.exists(name, out_dir) and tables.n_parts(name, out_dir) == n:
        return tables.parts(name, out_dir)
    return None


def partitions(
    out_dir: str | Path,
    *,
    article_columns: list[str],
    extra: tuple[str, ...] = (),
    outlets: str = "",
) -> tuple[int, Any]:
    """The partitions of a run folder: stage 10 writes articles and sentences with one row group per
    partition. With `outlets` (``own`` or ``all``, see core.outlet_scope) the articles'
    `outlet` is the group outlet comparisons count them in."""
    n = tables.n_parts("sentences", out_dir)
    if tables.n_parts("articles", out_dir) != n:
        raise ValueError(
            "articles and sentences are not partitioned alike: rerun 10-clean-articles"
        )
    columns = list(article_columns)
    if outlets and "wire" not in columns and "wire" in tables.columns("articles", out_dir):
        columns.append("wire")
    arts = tables.parts("articles", out_dir, columns=columns)
    sents = tables.parts("sentences", out_dir)
    iters = {name: _extra_parts(name, out_dir, n) for name in extra}

    def gen():
        for a, s in zip(arts, sents):
            if outlets:
                a = outlet_scope.with_comparison_outlet(a, outlets)
            got = {}
            for name, it in iters.items():
                got[name] = next(it) if it is not None else None
                if got[name] is None and tables.exists(name, out_dir):
                    got[name] = tables.read(name, out_dir)[
                        lambda d: d["article_id"].isin(set(a["article_id"]))
                    ]
            yield Partition(a, s, got)

    return n, gen()


def _ordered(
    part: Partition, *, _func: Callable[..., dict[str, Any]], **kwargs: Any
) -> dict[str, Any]:
    """func(part) with the partition's article ids in input order, which the writers keep."""
    result = _func(part, **kwargs)
    result["_order"] = part.articles["article_id"].tolist()
    return result


def map_stage(
    func: Callable[..., dict[str, Any]],
    out_dir: str | Path,
    outputs: list[str],
    *,
    article_columns: list[str],
    extra: tuple[str, ...] = (),
    engine_name: str = "",
    scheduler: str = "",
    desc: str = "stage",
    progress: bool = True,
    collect: Callable[[dict[str, Any]], None] | None = None,
    warm: Callable[[], None] | None = None,
    outlets: str = "",
    **kwargs: Any,
) -> dict[str, int]:
    """Run func(Partition, **kwargs) -> {table: DataFrame, ...} over every partition; write the
    `outputs` tables partition by partition and hand the rest of each result (the partition's
    partials for the corpus summaries) to `collect`, in partition order. `outlets`: see
    `partitions`. Before forking, `warm` (by default the running stage's declared preload, given
    its parameters and `kwargs`) loads what the partitions will use."""
    n, parts = partitions(out_dir, article_columns=article_columns, extra=extra, outlets=outlets)
    warm = warm or stage.preloader(kwargs)
    writers = {name: tables.PartWriter(name, out_dir) for name in outputs}
    try:
        for result in engine.map_partitions(
            _ordered,
            parts,
            engine=engine_name,
            scheduler=scheduler,
            total=n,
            desc=desc,
            progress=progress,
            warm=warm,
            _func=func,
            **kwargs,
        ):
            order = result.pop("_order")
            for name in outputs:
                writers[name].write(result[name], order=order)
            if collect is not None:
                collect({k: v for k, v in result.items() if k not in outputs})
    finally:
        for w in writers.values():
            w.close()
    return {name: w.rows for name, w in writers.items()}


def outlet_of(articles: pd.DataFrame) -> pd.Series:
    """article_id -> outlet, with '(unknown outlet)' for articles without one."""
    return articles.set_index("article_id")["outlet"].fillna(UNKNOWN_OUTLET).astype(str)


def summed(frames: list[pd.DataFrame], keys: list[str], values: list[str]) -> pd.DataFrame:
    """Per-partition counts added up by key (an empty table with those columns if there are
    none)."""
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return pd.DataFrame(
            {
                **{k: pd.Series(dtype="str") for k in keys},
                **{v: pd.Series(dtype="int64") for v in values},
            }
        )
    out = (
        pd.concat(frames, ignore_index=True)
        .groupby(keys, sort=True, dropna=False)[values]
        .sum()
        .reset_index()
    )
    return out.astype({v: "int64" for v in values})


class Folded:
    """A `collect` for map_stage that folds the partitions' partials as they arrive, so the
    summaries' inputs stay near the size of their result rather than growing with the corpus:
    every `every` partials or more (see __call__), each key's values (the folded one first, then
    the new ones in partition order) become one value by `folds[key]`. A fold must give what it
    would give on all the partials at once (counts added up, first uses kept, rows stacked).
    `partials()` is the list the summaries read: one folded partial, or none."""

    def __init__(
        self, folds: dict[str, Callable[[list[Any]], Any]], *, every: int = 8, share: float = 0.25
    ) -> None:
        self.folds, self.every, self.share = folds, max(1, every), share
        self.pending: list[dict[str, Any]] = []
        self.done: dict[str, Any] | None = None
        self.folded = 0

    def __call__(self, partial: dict[str, Any]) -> None:
        self.pending.append(partial)
        # a fold reworks everything folded so far: waiting for a `share` of it to arrive keeps
        # the work near linear in the corpus (about a dozen folds of 200 partitions)
        if len(self.pending) >= max(self.every, self.share * self.folded):
            self._fold()

    def _fold(self) -> None:
        parts = ([self.done] if self.done is not None else []) + self.pending
        unknown = {k for p in self.pending for k in p} - set(self.folds)
        if unknown:
            raise ValueError(f"partials without a fold: {sorted(unknown)}")
        if parts:
            self.done = {k: fold([p[k] for p in parts]) for k, fold in self.folds.items()}
        self.folded += len(self.pending)
        self.pending = []

    def partials(self) -> list[dict[str, Any]]:
        self._fold()
        return [self.done] if self.done is not None else []


def stacked(frames: list[pd.DataFrame], *, categories: tuple[str, ...] = ()) -> pd.DataFrame:
    """Tables of the same columns one under the other, the `categories` columns (repeated text:
    names, outlets, ids) held as categoricals, a code per row, so that millions of rows stay small.
    The values and their order are those of pd.concat; only the columns' dtype differs."""
    from pandas.api.types import union_categoricals

    full = [f for f in frames if len(f)]
    if not full:
        return frames[0] if frames else pd.DataFrame()
    cols = {}
    for c in full[0].columns:
        if c in categories:
            cols[c] = union_categoricals([_coded(f[c]) for f in full])
        else:
            cols[c] = pd.concat([f[c] for f in full], ignore_index=True)
    return pd.DataFrame(cols)


def _coded(column: pd.Series) -> pd.Categorical:
    """A column as a categorical whose categories are plain objects (partitions infer str or
    object for the same text: their categories must share one dtype to be stacked)."""
    c = column.array if isinstance(column.dtype, pd.CategoricalDtype) else pd.Categorical(column)
    cats = pd.Index(np.asarray(c.categories, dtype=object), dtype=object)
    return pd.Categorical.from_codes(c.codes, categories=cats)


def top_rows(
    frames: list[pd.DataFrame], *, by: list[str], ascending: list[bool], k: int
) -> pd.DataFrame:
    """The first k rows over per-partition candidates (each already its partition's first k)."""
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame()
    return (
        pd.concat(frames, ignore_index=True)
        .sort_values(by, ascending=ascending, kind="mergesort")
        .head(k)
        .reset_index(drop=True)
    )
