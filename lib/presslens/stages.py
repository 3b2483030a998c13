"""The work of each notebook as one call per stage: tables in, tables out, partition by partition.

Every stage reads its inputs in partitions (parquet row groups), runs the same library functions on
each partition in process (``engine="pandas"``) or on a Dask cluster (``engine="dask"``), and writes
its tables partition by partition, so memory stays bounded and both engines write identical tables.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from presslens import clean, corpus, dedupe, engine, language, sentences, tables

ARTICLE_ORDER = [
    "article_id", "file", "outlet", "url", "published", "title", "title_basis", "text", "source",
    "raw_sha256", "encoding", "status", "reason", "duplicate_of", "similarity",
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
            out.at[idx, "reason"] = f"not English: only {share:.0%} of its words are common English words (needs {min_english_share:.0%})"
    return out


def clean_part(part: corpus.Part, *, max_bytes: int, min_english_share: float, rules: str) -> dict[str, pd.DataFrame]:
    """Read, clean, quarantine and split one partition; duplicates are decided later, globally."""
    raw, quarantine = corpus.read_part(part, max_bytes=max_bytes)
    cleaned, removed = clean.clean_articles(raw, rules=rules)
    checked = quarantine_unusable(cleaned, min_english_share=min_english_share)
    late = checked[(checked["status"] == "quarantined") & (raw["status"] == "ok")]
    quarantine = pd.concat([quarantine, pd.DataFrame({"source": late["file"], "kind": "article", "reason": late["reason"]})], ignore_index=True)
    position = {f: i for i, f in enumerate(raw["file"])}  # input order, whatever the partition size
    quarantine = quarantine.assign(_o=quarantine["source"].map(position)).sort_values("_o", kind="mergesort").drop(columns="_o")
    checked["duplicate_of"] = pd.Series([None] * len(checked), index=checked.index, dtype="object")
    checked["similarity"] = float("nan")
    checked["reason"] = checked["reason"].fillna("")
    extra = [c for c in checked.columns if c not in ARTICLE_ORDER and c != "raw"]
    articles = checked[ARTICLE_ORDER + extra]
    return {
        "articles": articles,
        "removed": removed,
        "quarantine": quarantine,
        "sentences": sentences.sentence_table(articles),
        "signatures": dedupe.signatures(articles),
    }


def clean_corpus(
    path: str | Path,
    out_dir: str | Path,
    *,
    max_bytes: int = 5_000_000,
    near_duplicate: float = 0.8,
    min_english_share: float = 0.15,
    rules: str = "cleaning.yaml",
    engine_name: str = "pandas",
    scheduler: str = "",
    partition_size: int = 2000,
    progress: bool = True,
) -> dict[str, int]:
    """Stage 10: write articles, removed, quarantine and sentences for a corpus; return the counts."""
    plan = corpus.plan(path, partition_size=partition_size)
    work = Path(out_dir) / ".work-clean"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    sigs = []
    with tables.PartWriter("removed", out_dir, columns=clean.REMOVED_COLUMNS) as removed_w, tables.PartWriter("quarantine", out_dir, columns=corpus.QUARANTINE_COLUMNS) as quarantine_w:
        quarantine_w.write(plan.problems)
        results = engine.map_partitions(
            clean_part, plan.parts, engine=engine_name, scheduler=scheduler, total=plan.n_parts, desc="cleaning", progress=progress,
            max_bytes=max_bytes, min_english_share=min_english_share, rules=rules,
        )
        for k, res in enumerate(results):
            res["articles"].to_parquet(work / f"articles-{k:06d}.parquet", index=False)
            res["sentences"].to_parquet(work / f"sentences-{k:06d}.parquet", index=False)
            removed_w.write(res["removed"])
            quarantine_w.write(res["quarantine"])
            sigs.append(res["signatures"])
    n_parts = len(sigs)
    all_sigs = pd.concat(sigs, ignore_index=True) if sigs else pd.DataFrame(columns=dedupe.SIGNATURE_COLUMNS)

    def texts(ids: list[str]) -> dict[str, str]:
        wanted, out = set(ids), {}
        for k in range(n_parts):
            part = pd.read_parquet(work / f"articles-{k:06d}.parquet", columns=["article_id", "text"])
            part = part[part["article_id"].isin(wanted)]
            out.update(zip(part["article_id"], part["text"]))
        return out

    found = dedupe.find_duplicates(all_sigs, texts, threshold=near_duplicate)
    dup_ids = set(found["article_id"])
    counts = {"inputs": 0, "ok": 0, "duplicate": 0, "quarantined": 0}
    with tables.PartWriter("articles", out_dir) as articles_w, tables.PartWriter("sentences", out_dir, columns=sentences.COLUMNS) as sentences_w:
        for k in range(n_parts):
            arts = dedupe.apply(pd.read_parquet(work / f"articles-{k:06d}.parquet"), found)
            articles_w.write(arts)
            sents = pd.read_parquet(work / f"sentences-{k:06d}.parquet")
            sentences_w.write(sents[~sents["article_id"].isin(dup_ids)])
            for status, n in reconcile(arts).items():
                counts[status] += n
    shutil.rmtree(work, ignore_errors=True)
    return counts


def reconcile(articles: pd.DataFrame) -> dict[str, int]:
    """Counts by status; raises if inputs != ok + duplicate + quarantined."""
    counts = articles["status"].value_counts().to_dict()
    out = {"inputs": len(articles), **{k: int(counts.get(k, 0)) for k in ("ok", "duplicate", "quarantined")}}
    if out["inputs"] != out["ok"] + out["duplicate"] + out["quarantined"]:
        raise AssertionError(f"counts do not reconcile: {out}")
    return out


def _aligned_parts(out_dir: str | Path, *, article_columns: list[str]) -> tuple[int, object]:
    """Partitions of (articles, sentences): stage 10 writes both with one row group per partition."""
    n = tables.n_parts("sentences", out_dir)
    if tables.n_parts("articles", out_dir) != n:
        raise ValueError("articles and sentences are not partitioned alike: rerun 10-clean-articles")
    pairs = zip(tables.parts("articles", out_dir, columns=article_columns), tables.parts("sentences", out_dir))
    return n, pairs


def map_stage(
    func,
    out_dir: str | Path,
    outputs: list[str],
    *,
    article_columns: list[str],
    engine_name: str = "pandas",
    scheduler: str = "",
    desc: str = "stage",
    progress: bool = True,
    **kwargs,
) -> dict[str, int]:
    """Run func((articles, sentences), **kwargs) -> {table: DataFrame} over every partition; write the tables."""
    n, pairs = _aligned_parts(out_dir, article_columns=article_columns)
    writers = {name: tables.PartWriter(name, out_dir) for name in outputs}
    try:
        for result in engine.map_partitions(func, pairs, engine=engine_name, scheduler=scheduler, total=n, desc=desc, progress=progress, **kwargs):
            for name in outputs:
                writers[name].write(result[name])
    finally:
        for w in writers.values():
            w.close()
    return {name: w.rows for name, w in writers.items()}


def sentiment_part(pair: tuple[pd.DataFrame, pd.DataFrame], *, methods: tuple[str, ...], n_boot: int, seed: int) -> dict[str, pd.DataFrame]:
    """Score one partition's sentences with every method and aggregate them per article."""
    from presslens import sentiment

    _, sents = pair
    scored = sentiment.score_sentences(sents, methods=methods)
    tones = [sentiment.article_tone(scored, method=m, n_boot=n_boot, seed=seed) for m in methods]
    return {"sentiment": scored, "article_sentiment": pd.concat(tones, ignore_index=True).sort_values(["article_id", "method"], kind="mergesort")}


def score_sentiment(
    out_dir: str | Path,
    *,
    methods: tuple[str, ...] = ("vader", "textblob"),
    n_boot: int = 2000,
    seed: int = 0,
    engine_name: str = "pandas",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 20: write `sentiment` (sentence x method) and `article_sentiment` (article x method, with intervals)."""
    return map_stage(
        sentiment_part, out_dir, ["sentiment", "article_sentiment"], article_columns=["article_id"],
        engine_name=engine_name, scheduler=scheduler, desc="sentiment", progress=progress,
        methods=tuple(methods), n_boot=n_boot, seed=seed,
    )


def timeline_part(pair: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Tag the temporal expressions of one partition's sentences, resolved against publication dates."""
    from presslens import timeline

    arts, sents = pair
    refs = {a: (p if isinstance(p, str) else None) for a, p in zip(arts["article_id"], arts["published"])}
    return {"timex": timeline.tag_sentences(sents, refs)}


def build_timeline(out_dir: str | Path, *, engine_name: str = "pandas", scheduler: str = "", progress: bool = True) -> dict[str, int]:
    """Stage 40: write the `timex` table."""
    return map_stage(timeline_part, out_dir, ["timex"], article_columns=["article_id", "published"], engine_name=engine_name, scheduler=scheduler, desc="timex", progress=progress)


def framing_part(pair: tuple[pd.DataFrame, pd.DataFrame], *, actors_file: str, terms_file: str, frame_model: str = "generic_frames_model.json.gz") -> dict[str, pd.DataFrame]:
    """Actors, quotes, naming choices, frames and tone toward each actor mention for one partition."""
    from presslens import actors, framing, quotes, sentiment, terms

    arts, sents = pair
    ok = arts[arts["status"] == "ok"]
    mentions = actors.mention_table(ok, sents, name=actors_file)
    quoted = quotes.quote_table(ok, sents, mentions)
    named = terms.term_table(ok, sents, name=terms_file)
    ok_sents = sents[sents["article_id"].isin(set(ok["article_id"]))]
    frames = framing.frame_table(ok_sents)
    article_frames = framing.article_frame_table(frames, ok_sents.groupby("article_id").size(), texts=framing.article_texts(ok_sents), model=frame_model)
    tone = sentiment.toward_table(sents, mentions)
    return {"mentions": mentions, "quotes": quoted, "terms": named, "frames": frames, "article_frames": article_frames, "actor_tone": tone}


def code_framing(
    out_dir: str | Path,
    *,
    actors_file: str = "actors.yaml",
    terms_file: str = "terms.yaml",
    frame_model: str = "generic_frames_model.json.gz",
    engine_name: str = "pandas",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 30: write mentions, quotes, terms, frames, article_frames and actor_tone."""
    return map_stage(
        framing_part, out_dir, ["mentions", "quotes", "terms", "frames", "article_frames", "actor_tone"],
        article_columns=["article_id", "text", "published", "outlet", "status"], engine_name=engine_name, scheduler=scheduler,
        desc="framing", progress=progress, actors_file=actors_file, terms_file=terms_file, frame_model=frame_model,
    )
