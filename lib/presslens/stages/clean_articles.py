"""Stage 10, clean articles: read the corpus, clean, quarantine, split into sentences, mark
duplicates and wire copy (`articles.wire`, see presslens.ingest.wire)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from presslens.ingest import clean, dedupe, language, outlets, sentences, wire
from presslens.ingest import corpus as reader
from presslens.measure import data_quality
from presslens.core import outlet_scope, packs, tables
from presslens.core.engine import map_partitions, partition_size_setting
from presslens.core.stage import CORPUS, preloader, stage
from presslens.stages import preload
from presslens.stages.data_quality import write_data_quality


ARTICLE_ORDER = [
    "article_id",
    "file",
    "outlet",
    "url",
    "published",
    "title",
    "title_basis",
    "text",
    "source",
    "wire",
    "wire_evidence",
    "raw_sha256",
    "encoding",
    "status",
    "reason",
    "duplicate_of",
    "similarity",
]


def quarantine_unusable(articles: pd.DataFrame, *, min_english_share: float) -> pd.DataFrame:
    """Quarantine cleaned articles with no text left, or not in English."""
    out = articles.copy()
    ok = out["status"] == "ok"
    empty = ok & (out["text"].str.strip() == "")
    out.loc[empty, "status"] = "quarantined"
    out.loc[empty, "reason"] = "no article text left after cleaning: every line was site furniture"
    for idx in out.index[ok & ~empty]:
        text = out.at[idx, "text"]
        if not language.looks_english(text, min_share=min_english_share):
            out.at[idx, "status"] = "quarantined"
            share = language.english_share(text)
            out.at[idx, "reason"] = (
                f"not English: only {share:.0%} of its words are common English words (needs "
                f"{min_english_share:.0%})"
            )
    return out


def clean_part(
    part: reader.Part, *, max_bytes: int, min_english_share: float, rules: str
) -> dict[str, pd.DataFrame]:
    """Read, clean, quarantine, find wire copy and split one partition; duplicates (and the
    shared copies among them) are decided later, globally."""
    raw, quarantine = reader.read_part(part, max_bytes=max_bytes)
    cleaned, removed = clean.clean_articles(raw, rules=rules)
    checked = wire.mark(quarantine_unusable(cleaned, min_english_share=min_english_share))
    late = checked[(checked["status"] == "quarantined") & (raw["status"] == "ok")]
    quarantine = pd.concat(
        [
            quarantine,
            pd.DataFrame({"source": late["file"], "kind": "article", "reason": late["reason"]}),
        ],
        ignore_index=True,
    )
    position = {f: i for i, f in enumerate(raw["file"])}  # input order, whatever the partition size
    quarantine = (
        quarantine.assign(_o=quarantine["source"].map(position))
        .sort_values("_o", kind="mergesort")
        .drop(columns="_o")
    )
    checked["duplicate_of"] = pd.Series([None] * len(checked), index=checked.index, dtype="object")
    checked["similarity"] = float("nan")
    checked["reason"] = checked["reason"].fillna("")
    checked["quoted"] = [data_quality.quoted_passages(t) for t in checked["text"].fillna("")]
    extra = [c for c in checked.columns if c not in ARTICLE_ORDER and c != "raw"]
    articles = checked[ARTICLE_ORDER + extra]
    return {
        "articles": articles,
        "removed": removed,
        "quarantine": quarantine,
        "sentences": sentences.sentence_table(articles),
        "signatures": dedupe.signatures(articles),
    }


@stage(
    notebook="10-clean-articles",
    reads=(CORPUS,),
    writes=("articles", "removed", "quarantine", "sentences", "run_settings", "data_quality"),
    keys={
        "articles": ("article_id",),
        "removed": ("article_id", "line"),
        "sentences": ("article_id", "sent_id"),
    },
    figures=("fig01-cleaning",),
    paths=("corpus", "cleaning_rules"),
    preload=preload.cleaning,
    cost=(3.4, 0.074),  # bench/progress_fit.py: runs from 5 to 10,000 articles
    phases={"cleaning": (0.14, 0.71)},
)
def clean_corpus(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    max_bytes: int = 5_000_000,
    near_duplicate: float = 0.8,
    min_english_share: float = 0.15,
    cleaning_rules: str = "cleaning.yaml",
    engine: str = "",
    scheduler: str = "",
    partition_size: int = 0,
    max_articles_per_figure: int = 40,
    pack: str = "auto",
    outlet_comparisons: str = outlet_scope.DEFAULT,
    min_articles_quality: int = 10,
    progress: bool = True,
) -> dict[str, int]:
    """Stage 10: write articles, removed, quarantine and sentences for a corpus, the run's settings
    (`run_settings`: the topic pack, see `core.packs`, and `outlet_comparisons`, see
    `core.outlet_scope`), the data-quality panel (`data_quality`) and the cleaning figure;
    return the counts."""
    outlet_scope.check(outlet_comparisons)
    chosen = packs.resolve(pack, corpus)
    plan = reader.plan(corpus, partition_size=partition_size_setting(partition_size))
    work = Path(out_dir) / ".work-clean"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    sigs = _clean_partitions(
        plan,
        out_dir,
        work,
        max_bytes=max_bytes,
        min_english_share=min_english_share,
        rules=cleaning_rules,
        engine_name=engine,
        scheduler=scheduler,
        progress=progress,
    )
    counts = _mark_duplicates(out_dir, work, sigs, near_duplicate=near_duplicate)
    shutil.rmtree(work, ignore_errors=True)
    packs.record(chosen, out_dir, {outlet_scope.SETTING: outlet_comparisons})
    write_data_quality(out_dir, min_articles=min_articles_quality)
    draw(out_dir, max_articles=max_articles_per_figure)
    return counts


def _clean_partitions(
    plan: reader.Plan,
    out_dir: str | Path,
    work: Path,
    *,
    max_bytes: int,
    min_english_share: float,
    rules: str,
    engine_name: str,
    scheduler: str,
    progress: bool,
) -> list[pd.DataFrame]:
    """Pass 1: read, clean and split every partition; write `removed` and `quarantine`, keep each
    partition's articles and sentences in `work`; return the partitions' duplicate signatures."""
    sigs = []
    with (
        tables.PartWriter("removed", out_dir, columns=clean.REMOVED_COLUMNS) as removed_w,
        tables.PartWriter("quarantine", out_dir, columns=reader.QUARANTINE_COLUMNS) as quarantine_w,
    ):
        quarantine_w.write(plan.problems)
        kwargs = dict(max_bytes=max_bytes, min_english_share=min_english_share, rules=rules)
        results = map_partitions(
            clean_part,
            plan.parts,
            engine=engine_name,
            scheduler=scheduler,
            total=plan.n_parts,
            desc="cleaning",
            progress=progress,
            warm=preloader(kwargs),
            **kwargs,
        )
        for k, res in enumerate(results):
            res["articles"].to_parquet(work / f"articles-{k:06d}.parquet", index=False)
            res["sentences"].to_parquet(work / f"sentences-{k:06d}.parquet", index=False)
            removed_w.write(res["removed"], order=res["articles"]["article_id"].tolist())
            quarantine_w.write(res["quarantine"])
            sigs.append(res["signatures"])
    return sigs


def _mark_duplicates(
    out_dir: str | Path, work: Path, sigs: list[pd.DataFrame], *, near_duplicate: float
) -> dict[str, int]:
    """Pass 2: find exact and near duplicates over the whole corpus, then write `articles` and
    `sentences` (duplicates' sentences left out); return the counts by status."""
    n_parts = len(sigs)
    all_sigs = (
        pd.concat(sigs, ignore_index=True)
        if sigs
        else pd.DataFrame(columns=dedupe.SIGNATURE_COLUMNS)
    )

    def texts(ids: list[str]) -> dict[str, str]:
        part = _read_work(work, n_parts, ids, ["article_id", "text"])
        return dict(zip(part["article_id"], part["text"]))

    found = dedupe.find_duplicates(all_sigs, texts, threshold=near_duplicate)
    dup_ids = set(found["article_id"])
    in_groups = sorted(dup_ids | set(found["duplicate_of"]))
    names = _outlet_names(work, n_parts)
    members = _read_work(work, n_parts, in_groups, ["article_id", "outlet", *wire.COLUMNS])
    shared = wire.shared_copies(found, _named(members, names))
    counts = {"inputs": 0, "ok": 0, "duplicate": 0, "quarantined": 0}
    with (
        tables.PartWriter("articles", out_dir) as articles_w,
        tables.PartWriter("sentences", out_dir, columns=sentences.COLUMNS) as sentences_w,
    ):
        for k in range(n_parts):
            arts = dedupe.apply(pd.read_parquet(work / f"articles-{k:06d}.parquet"), found)
            arts = wire.apply_shared(_named(arts, names, keep_given=True), shared)
            articles_w.write(arts, order=arts["article_id"].tolist())
            sents = pd.read_parquet(work / f"sentences-{k:06d}.parquet")
            sentences_w.write(
                sents[~sents["article_id"].isin(dup_ids)], order=arts["article_id"].tolist()
            )
            for status, n in reconcile(arts).items():
                counts[status] += n
    return counts


def _outlet_names(work: Path, n_parts: int) -> dict[str, str]:
    """Outlet names as given -> the one name kept for their outlet (presslens.ingest.outlets),
    from every partition's outlet counts."""
    counts: dict[str, int] = {}
    for k in range(n_parts):
        got = pd.read_parquet(work / f"articles-{k:06d}.parquet", columns=["outlet"])["outlet"]
        for name, n in got.dropna().astype(str).value_counts().items():
            counts[name] = counts.get(name, 0) + int(n)
    return outlets.canonical(counts)


def _named(
    articles: pd.DataFrame, names: dict[str, str], *, keep_given: bool = False
) -> pd.DataFrame:
    """`articles` with each outlet under the one name kept for it; with `keep_given`, the name as
    given, where it changed, in `outlet_as_given` ('' elsewhere)."""
    given = articles["outlet"]
    renamed = given.map(lambda o: names.get(o, o) if isinstance(o, str) else o)
    out = articles.assign(outlet=renamed)
    if keep_given:
        out["outlet_as_given"] = given.where(renamed != given, "").fillna("")
    return out


def _read_work(work: Path, n_parts: int, ids: list[str], columns: list[str]) -> pd.DataFrame:
    """The given columns of the articles `ids` from pass 1's partitions, in partition order."""
    wanted, parts = set(ids), []
    for k in range(n_parts):
        part = pd.read_parquet(work / f"articles-{k:06d}.parquet", columns=columns)
        parts.append(part[part["article_id"].isin(wanted)])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def reconcile(articles: pd.DataFrame) -> dict[str, int]:
    """Counts by status; raises if inputs != ok + duplicate + quarantined."""
    counts = articles["status"].value_counts().to_dict()
    out = {
        "inputs": len(articles),
        **{k: int(counts.get(k, 0)) for k in ("ok", "duplicate", "quarantined")},
    }
    if out["inputs"] != out["ok"] + out["duplicate"] + out["quarantined"]:
        raise AssertionError(f"counts do not reconcile: {out}")
    return out


def draw(out_dir: str | Path, *, max_articles: int = 40) -> None:
    """fig01: the lines cleaning removed, per article and rule (per rule past `max_articles`
    articles)."""
    from presslens.report import charts, figures

    removed = tables.read("removed", out_dir, columns=["article_id", "rule"])
    by_article = removed.groupby(["article_id", "rule"]).size().rename("lines").reset_index()
    heads = tables.read("articles", out_dir, columns=["article_id", "outlet", "published", "title"])
    article_ids, labels = heads["article_id"].tolist(), charts.article_labels(heads)
    chart = charts.cleaning(by_article, article_ids, max_articles=max_articles, labels=labels)
    figures.save(chart, out_dir)
