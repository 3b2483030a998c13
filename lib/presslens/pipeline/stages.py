"""The work of each notebook as one call per stage: tables in, tables out, partition by partition.

Every stage reads its inputs in partitions (parquet row groups), runs the same library functions on
each partition in process (``engine="pandas"``) or on a Dask cluster (``engine="dask"``), and writes
its tables partition by partition, so memory stays bounded and both engines write identical tables.
What a stage summarises over the whole corpus (outlet tone, counts per outlet, event groups,
contrasts) it builds from small per-partition partials, never from a whole table in memory; the
notebooks and the report read those summaries and bounded samples of the large tables.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from presslens.ingest import clean, corpus, dedupe, language, sentences
from presslens.pipeline import engine, tables

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
    engine_name: str = "auto",
    scheduler: str = "",
    partition_size: int = 500,
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
            warm=functools.partial(warm, rules=rules), max_bytes=max_bytes, min_english_share=min_english_share, rules=rules,
        )
        for k, res in enumerate(results):
            res["articles"].to_parquet(work / f"articles-{k:06d}.parquet", index=False)
            res["sentences"].to_parquet(work / f"sentences-{k:06d}.parquet", index=False)
            removed_w.write(res["removed"], order=res["articles"]["article_id"].tolist())
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
            articles_w.write(arts, order=arts["article_id"].tolist())
            sents = pd.read_parquet(work / f"sentences-{k:06d}.parquet")
            sentences_w.write(sents[~sents["article_id"].isin(dup_ids)], order=arts["article_id"].tolist())
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


def partitions(out_dir: str | Path, *, article_columns: list[str], extra: tuple[str, ...] = ()) -> tuple[int, Any]:
    """The partitions of a run folder: stage 10 writes articles and sentences with one row group per partition."""
    n = tables.n_parts("sentences", out_dir)
    if tables.n_parts("articles", out_dir) != n:
        raise ValueError("articles and sentences are not partitioned alike: rerun 10-clean-articles")
    arts = tables.parts("articles", out_dir, columns=article_columns)
    sents = tables.parts("sentences", out_dir)
    iters = {name: _extra_parts(name, out_dir, n) for name in extra}

    def gen():
        for a, s in zip(arts, sents):
            got = {}
            for name, it in iters.items():
                got[name] = next(it) if it is not None else None
                if got[name] is None and tables.exists(name, out_dir):
                    got[name] = tables.read(name, out_dir)[lambda d: d["article_id"].isin(set(a["article_id"]))]
            yield Partition(a, s, got)

    return n, gen()


def _ordered(part: Partition, *, _func: Callable[..., dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
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
    engine_name: str = "auto",
    scheduler: str = "",
    desc: str = "stage",
    progress: bool = True,
    collect: Callable[[dict[str, Any]], None] | None = None,
    warm: Callable[[], None] | None = None,
    **kwargs: Any,
) -> dict[str, int]:
    """Run func(Partition, **kwargs) -> {table: DataFrame, ...} over every partition; write the
    `outputs` tables partition by partition and hand the rest of each result (the partition's
    partials for the corpus summaries) to `collect`, in partition order."""
    n, parts = partitions(out_dir, article_columns=article_columns, extra=extra)
    writers = {name: tables.PartWriter(name, out_dir) for name in outputs}
    try:
        for result in engine.map_partitions(_ordered, parts, engine=engine_name, scheduler=scheduler, total=n, desc=desc, progress=progress, warm=warm, _func=func, **kwargs):
            order = result.pop("_order")
            for name in outputs:
                writers[name].write(result[name], order=order)
            if collect is not None:
                collect({k: v for k, v in result.items() if k not in outputs})
    finally:
        for w in writers.values():
            w.close()
    return {name: w.rows for name, w in writers.items()}


def warm(*, methods: tuple[str, ...] = (), actors_file: str = "", terms_file: str = "", frame_model: str = "", timeline: bool = False,
         claims: bool = False, rules: str = "") -> None:
    """Load the models and word lists a stage will use, before worker processes are forked from this
    one (they then start with them in memory instead of each loading its own)."""
    from presslens.extract import actors, terms
    from presslens.measure import framing, sentiment

    sentences.tokenizer()
    for m in methods:
        sentiment.score("", method=m)
    if rules:
        clean.load_rules(rules)
    if actors_file:
        actors.lexicon(actors_file)
        sentiment.toward_model()
        sentiment.vader()
    if terms_file:
        terms.compiled(terms_file)
    if frame_model is not None and actors_file:
        framing.schemes()
        framing.frame_model(frame_model)
    if timeline:
        from presslens.extract import timeline as tl

        tl.lexicon()
    if claims:
        from presslens.extract import claims as cl

        cl.patterns()


def _outlets(articles: pd.DataFrame) -> pd.Series:
    """article_id -> outlet, with '(unknown outlet)' for articles without one."""
    return articles.set_index("article_id")["outlet"].fillna(UNKNOWN_OUTLET).astype(str)


def _summed(frames: list[pd.DataFrame], keys: list[str], values: list[str]) -> pd.DataFrame:
    """Per-partition counts added up by key (an empty table with those columns if there are none)."""
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return pd.DataFrame({**{k: pd.Series(dtype="str") for k in keys}, **{v: pd.Series(dtype="int64") for v in values}})
    out = pd.concat(frames, ignore_index=True).groupby(keys, sort=True, dropna=False)[values].sum().reset_index()
    return out.astype({v: "int64" for v in values})


def _top_rows(frames: list[pd.DataFrame], *, by: list[str], ascending: list[bool], k: int) -> pd.DataFrame:
    """The first k rows over per-partition candidates (each already its partition's first k)."""
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True).sort_values(by, ascending=ascending, kind="mergesort").head(k).reset_index(drop=True)


UNKNOWN_OUTLET = "(unknown outlet)"


# ---- 20: sentiment ---------------------------------------------------------------------------

BINS = np.round(np.linspace(-1, 1, 21), 2)  # sentence-score histogram: bins of 0.1


def histogram(scores: pd.DataFrame) -> pd.DataFrame:
    """Sentences per score bin of 0.1 and method (the last bin includes +1)."""
    rows = []
    for m, g in scores.groupby("method", sort=False):
        counts, _ = np.histogram(g["compound"].to_numpy(dtype=float), bins=BINS)
        rows += [(m, i, BINS[i], BINS[i + 1], int(c)) for i, c in enumerate(counts)]
    return pd.DataFrame(rows, columns=["method", "bin", "bin_low", "bin_high", "sentences"])


def sentiment_part(part: Partition, *, methods: tuple[str, ...], n_boot: int, seed: int, top: int) -> dict[str, Any]:
    """Score one partition's sentences with every method, aggregate them per article, and keep the
    partials of the corpus summaries (histogram, paired scores, extreme and disputed sentences)."""
    from presslens.measure import sentiment

    sents = part.sentences
    scored = sentiment.score_sentences(sents, methods=methods)
    tones = [sentiment.article_tone(scored, method=m, n_boot=n_boot, seed=seed) for m in methods]
    out: dict[str, Any] = {
        "sentiment": scored,
        "article_sentiment": pd.concat(tones, ignore_index=True).sort_values(["article_id", "method"], kind="mergesort"),
        "histogram": histogram(scored),
        "extremes": sentiment.extremes(scored, sents, method=methods[0], k=top),
    }
    if len(methods) > 1 and len(scored):
        w = sentiment.wide(scored)
        out["pairs"] = w[[methods[0], methods[1]]].to_numpy(dtype=float)
        out["disagreements"] = sentiment.disagreements(scored, sents, a=methods[0], b=methods[1], top=top)
    return out


def score_sentiment(
    out_dir: str | Path,
    *,
    methods: tuple[str, ...] = ("vader", "textblob"),
    n_boot: int = 2000,
    seed: int = 0,
    min_articles: int = 5,
    top: int = 10,
    engine_name: str = "auto",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 20: `sentiment` (sentence x method), `article_sentiment` (article x method, with
    intervals), and the corpus summaries `outlet_sentiment`, `sentiment_stats` (per method, and the
    two methods' agreement), `sentiment_histogram`, `sentiment_extremes`, `sentiment_disagreements`."""
    from presslens.measure import sentiment

    methods = tuple(methods)
    partials: list[dict[str, Any]] = []
    counts = map_stage(
        sentiment_part, out_dir, ["sentiment", "article_sentiment"], article_columns=["article_id"],
        engine_name=engine_name, scheduler=scheduler, desc="sentiment", progress=progress, collect=partials.append,
        warm=functools.partial(warm, methods=methods), methods=methods, n_boot=n_boot, seed=seed, top=top,
    )
    art = tables.read("article_sentiment", out_dir)
    articles = tables.read("articles", out_dir, columns=["article_id", "outlet", "status"])
    ok = articles[articles["status"] == "ok"]
    tables.write(sentiment.outlet_tone(art, ok, n_boot=n_boot, seed=seed, min_articles=min_articles), "outlet_sentiment", out_dir)
    hist = _summed([p["histogram"] for p in partials], ["method", "bin", "bin_low", "bin_high"], ["sentences"])
    hist = hist.sort_values(["method", "bin"], key=lambda c: c.map({m: i for i, m in enumerate(methods)}) if c.name == "method" else c, kind="mergesort")
    tables.write(hist.reset_index(drop=True), "sentiment_histogram", out_dir)
    ext = [p["extremes"] for p in partials]
    pos = _top_rows([e[e["end"] == "most positive"] for e in ext], by=["compound", "article_id", "sent_id"], ascending=[False, True, True], k=top)
    neg = _top_rows([e[e["end"] == "most negative"] for e in ext], by=["compound", "article_id", "sent_id"], ascending=[True, True, True], k=top)
    extremes = pd.concat([pos, neg], ignore_index=True) if len(pos) or len(neg) else pd.DataFrame(columns=["end", "article_id", "sent_id", "compound", "text"])
    tables.write(extremes.assign(method=methods[0]), "sentiment_extremes", out_dir)
    stats = sentiment_stats(art, methods, [p.get("pairs") for p in partials], n_sentences=hist)
    tables.write(stats, "sentiment_stats", out_dir)
    if len(methods) > 1:
        dis = _top_rows([p.get("disagreements") for p in partials], by=["difference", "article_id", "sent_id"], ascending=[False, True, True], k=top)
        if dis.empty:
            dis = pd.DataFrame(columns=["article_id", "sent_id", methods[0], methods[1], "difference", "text"])
        tables.write(dis, "sentiment_disagreements", out_dir)
    return counts


def sentiment_stats(article_sentiment: pd.DataFrame, methods: tuple[str, ...], pairs: list[np.ndarray | None], *, n_sentences: pd.DataFrame) -> pd.DataFrame:
    """Per method: sentences, mean sentence score and shares of positive and negative sentences; for
    the first two methods, their agreement (Pearson r, Spearman rho, Cohen's kappa, same label)."""
    from presslens.measure import sentiment

    rows = []
    for m in methods:
        h = n_sentences[n_sentences["method"] == m]
        n = int(h["sentences"].sum())
        rows.append((m, "sentences", float(n)))
        rows.append((m, "articles", float((article_sentiment["method"] == m).sum())))
    got = [p for p in pairs if p is not None and len(p)]
    if len(methods) > 1:
        both = np.vstack(got) if got else np.empty((0, 2))
        a, b = both[:, 0], both[:, 1]
        for m, v in ((methods[0], a), (methods[1], b)):
            rows += [(m, "mean", sentiment.fixed_mean(v)), (m, "share_positive", float((v >= sentiment.THRESHOLD).mean()) if len(v) else float("nan")),
                     (m, "share_negative", float((v <= -sentiment.THRESHOLD).mean()) if len(v) else float("nan"))]
        ag = sentiment.agreement_of(a, b)
        rows += [(f"{methods[0]} vs {methods[1]}", k, float(v)) for k, v in ag.items()]
    out = pd.DataFrame(rows, columns=["method", "metric", "value"])
    return out.assign(value=out["value"].round(6))


# ---- 30: voices, names, frames ---------------------------------------------------------------

def framing_part(part: Partition, *, actors_file: str, terms_file: str, frame_model: str = "generic_frames_model.json.gz") -> dict[str, Any]:
    """Actors, quotes, naming choices, frames and tone toward each actor mention for one partition,
    with the partition's counts per outlet for the corpus summaries."""
    from presslens.extract import actors, quotes, terms
    from presslens.measure import framing, sentiment

    arts, sents = part.articles, part.sentences
    ok = arts[arts["status"] == "ok"]
    mentions = actors.mention_table(ok, sents, name=actors_file)
    quoted = quotes.quote_table(ok, sents, mentions)
    named = terms.term_table(ok, sents, name=terms_file)
    ok_sents = sents[sents["article_id"].isin(set(ok["article_id"]))]
    frames = framing.frame_table(ok_sents)
    article_frames = framing.article_frame_table(frames, ok_sents.groupby("article_id").size(), texts=framing.article_texts(ok_sents), model=frame_model)
    tone = sentiment.toward_table(sents, mentions)
    outlet = _outlets(ok)
    qm = quotes.quoted_vs_mentioned(quoted, mentions, ok.assign(outlet=ok["article_id"].map(outlet)))
    shares = article_frames.assign(outlet=article_frames["article_id"].map(outlet), articles=1, present=article_frames["present"].astype("int64"))
    cue_counts = frames.assign(outlet=frames["article_id"].map(outlet), feature=frames["scheme"] + ":" + frames["frame"], n=1)
    return {
        "mentions": mentions, "quotes": quoted, "terms": named, "frames": frames, "article_frames": article_frames, "actor_tone": tone,
        "quoted_mentioned": qm,
        "term_counts": terms.counts(named, ok.assign(outlet=ok["article_id"].map(outlet)))[["outlet", "concept", "variant", "n"]],
        "frame_shares": shares.groupby(["scheme", "frame", "outlet"], sort=True)[["articles", "present"]].sum().reset_index(),
        "frame_cues": cue_counts.groupby(["outlet", "feature"], sort=True)["n"].sum().reset_index(),
        "tone": tone.dropna(subset=["score"]).assign(outlet=tone["article_id"].map(outlet))[["actor", "outlet", "article_id", "start", "end", "score", "label"]],
    }


def code_framing(
    out_dir: str | Path,
    *,
    actors_file: str = "actors.yaml",
    terms_file: str = "terms.yaml",
    frame_model: str = "generic_frames_model.json.gz",
    n_boot: int = 2000,
    seed: int = 0,
    min_mentions: int = 5,
    engine_name: str = "auto",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 30: `mentions`, `quotes`, `terms`, `frames`, `article_frames`, `actor_tone`, and the
    corpus summaries `quoted_mentioned`, `term_counts`, `frame_shares`, `frame_contrasts`, `actor_portrayal`."""
    from presslens.measure import contrast, portrayal

    partials: list[dict[str, Any]] = []
    counts = map_stage(
        framing_part, out_dir, ["mentions", "quotes", "terms", "frames", "article_frames", "actor_tone"],
        article_columns=["article_id", "text", "published", "outlet", "status"], engine_name=engine_name, scheduler=scheduler,
        desc="framing", progress=progress, collect=partials.append, actors_file=actors_file, terms_file=terms_file, frame_model=frame_model,
        warm=functools.partial(warm, actors_file=actors_file, terms_file=terms_file, frame_model=frame_model),
    )
    qm = _summed([p["quoted_mentioned"] for p in partials], ["outlet", "actor"], ["mentions", "quotes"])
    qm = qm.sort_values(["outlet", "quotes", "mentions", "actor"], ascending=[True, False, False, True], kind="mergesort").reset_index(drop=True)
    tables.write(qm, "quoted_mentioned", out_dir)
    tc = _summed([p["term_counts"] for p in partials], ["outlet", "concept", "variant"], ["n"])
    tc["share"] = (tc["n"] / tc.groupby(["outlet", "concept"])["n"].transform("sum")).round(6) if len(tc) else pd.Series(dtype="float64")
    tables.write(tc.sort_values(["outlet", "concept", "n", "variant"], ascending=[True, True, False, True], kind="mergesort").reset_index(drop=True), "term_counts", out_dir)
    shares = _summed([p["frame_shares"] for p in partials], ["scheme", "frame", "outlet"], ["articles", "present"])
    tables.write(shares.assign(share=(shares["present"] / shares["articles"]).round(6)), "frame_shares", out_dir)
    cues = _summed([p["frame_cues"] for p in partials], ["outlet", "feature"], ["n"])
    frame_counts = cues.pivot_table(index="outlet", columns="feature", values="n", aggfunc="sum", fill_value=0) if len(cues) else pd.DataFrame()
    tables.write(contrast.log_odds(frame_counts).assign(scheme="frame"), "frame_contrasts", out_dir)
    tone = pd.concat([p["tone"] for p in partials], ignore_index=True) if partials else pd.DataFrame(columns=["actor", "outlet", "article_id", "start", "end", "score", "label"])
    by_outlet = portrayal.actor_tone(tone, by_outlet=True, n_boot=n_boot, seed=seed, min_mentions=min_mentions)
    overall = portrayal.actor_tone(tone, by_outlet=False, n_boot=n_boot, seed=seed, min_mentions=min_mentions)
    tables.write(pd.concat([by_outlet, overall.assign(outlet="(all outlets)")], ignore_index=True), "actor_portrayal", out_dir)
    return counts


# ---- 40: time ----------------------------------------------------------------------------------

def timeline_part(part: Partition) -> dict[str, Any]:
    """Tag the temporal expressions of one partition's sentences, resolved against publication
    dates, and place the dated ones on the calendar as events with their sentence and actors."""
    from presslens.extract import timeline
    from presslens.measure import events

    arts, sents = part.articles, part.sentences
    refs = {a: (p if isinstance(p, str) else None) for a, p in zip(arts["article_id"], arts["published"])}
    timex = timeline.tag_sentences(sents, refs)
    ok = arts[arts["status"] == "ok"]
    return {"timex": timex, "events": events.event_table(timex, sents, part.extra.get("mentions"), ok)}


def build_timeline(
    out_dir: str | Path,
    *,
    coverage_period: str = "auto",
    tone_method: str = "vader",
    engine_name: str = "auto",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 40: `timex` and `events` (partitioned), then `event_groups` and `coverage` (articles
    and mean tone per publication period; `period` says which: D, W, M, Q or Y)."""
    from presslens.measure import events

    counts = map_stage(
        timeline_part, out_dir, ["timex", "events"], article_columns=["article_id", "published", "outlet", "status"], extra=("mentions",),
        engine_name=engine_name, scheduler=scheduler, desc="timex", progress=progress, warm=functools.partial(warm, timeline=True, claims=True),
    )
    ev = tables.read("events", out_dir, columns=[c for c in events.EVENT_COLUMNS if c != "sentence"])
    tables.write(events.group_events(ev), "event_groups", out_dir)
    articles = tables.read("articles", out_dir, columns=["article_id", "outlet", "published", "status"])
    tone = tables.read_if("article_sentiment", out_dir, columns=["article_id", "method", "tone"])
    tone = tone[tone["method"] == tone_method] if tone is not None else None
    cov, _, period = events.coverage(articles, tone, freq=coverage_period)
    tables.write(cov.assign(period_kind=period), "coverage", out_dir)
    return counts


def score_timex_gold(out_dir: str | Path, gold: str | Path, corpus_dir: str | Path) -> pd.DataFrame | None:
    """Score the tagger on a hand-annotated gold set of raw corpus files (file, expression,
    occurrence, type, value), each tagged with its metadata publication date; writes and returns
    `timex_gold_scores`, or None when the gold set or its corpus is absent."""
    from presslens.extract import timeline

    gold, corpus_dir = Path(gold), Path(corpus_dir)
    if not gold.is_file() or not corpus_dir.is_dir():
        return None
    g = pd.read_csv(gold)
    meta = pd.read_csv(corpus_dir / "metadata.csv", dtype=str, keep_default_na=False).set_index("file") if (corpus_dir / "metadata.csv").exists() else pd.DataFrame()
    texts = {f: (corpus_dir / f).read_text(encoding="utf-8") for f in g["file"].unique() if (corpus_dir / f).is_file()}
    if len(texts) < g["file"].nunique():
        return None
    located = timeline.locate(g, texts)
    refs = {f: (meta.at[f, "published"] or None) if f in meta.index else None for f in texts}
    predicted = pd.concat([timeline.tag(texts[f], refs[f]).assign(file=f) for f in texts], ignore_index=True)
    scores = timeline.score(located, predicted)
    table = pd.DataFrame([{"metric": k, "value": v} for k, v in scores.items()])
    tables.write(table, "timex_gold_scores", out_dir)
    return table


# ---- 50: outlets -------------------------------------------------------------------------------

def compare_part(part: Partition) -> dict[str, Any]:
    """Numeric claims and actions of one partition, and its word counts per outlet."""
    from presslens.extract import actions, claims
    from presslens.measure import contrast

    arts, sents = part.articles, part.sentences
    ok = arts[arts["status"] == "ok"]
    ok_sents = sents[sents["article_id"].isin(set(ok["article_id"]))]
    mentions = part.extra.get("mentions")
    acts = actions.action_table(ok_sents, mentions) if mentions is not None else actions.empty()
    return {
        "claims": claims.claim_table(ok, ok_sents),
        "actions": acts,
        "words": contrast.word_table(ok["text"], ok["article_id"].map(_outlets(ok))),
    }


def compare_outlets(
    out_dir: str | Path,
    *,
    divergence_tolerance: float = 0.1,
    contrast_min_count: int = 2,
    contrast_prior_scale: float = 1.0,
    contrast_keep: int = 100,
    engine_name: str = "auto",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 50: `claims` and `actions` (partitioned), then `divergence`, `action_divergence` and
    `contrasts` (each outlet's `contrast_keep` most distinctive words against all others)."""
    from presslens.extract import actions, claims
    from presslens.measure import contrast

    words = contrast.CountMatrix()
    counts = map_stage(
        compare_part, out_dir, ["claims", "actions"], article_columns=["article_id", "text", "published", "outlet", "status"], extra=("mentions",),
        engine_name=engine_name, scheduler=scheduler, desc="claims", progress=progress, collect=lambda partial: words.add(partial["words"]),
        warm=functools.partial(warm, claims=True),
    )
    articles = tables.read("articles", out_dir, columns=["article_id", "outlet", "published", "status"])
    ok = articles[articles["status"] == "ok"]
    tables.write(claims.divergence(tables.read("claims", out_dir), ok, tolerance=divergence_tolerance), "divergence", out_dir)
    tables.write(actions.divergence(tables.read("actions", out_dir), ok), "action_divergence", out_dir)
    groups, vocab, matrix = words.table(min_count=contrast_min_count)
    tables.write(contrast.log_odds_top(groups, vocab, matrix, prior_scale=contrast_prior_scale, keep=contrast_keep).assign(scheme="word"), "contrasts", out_dir)
    return counts


# ---- 90: validation ----------------------------------------------------------------------------

def validate_methods(out_dir: str | Path, *, eval_dir: str | Path | None, frame_split_repeats: int = 5, use_cache: bool = True) -> dict[str, Any]:
    """Stage 90: `validation`, each method against human labels beside the published figures
    (computed once per validation data, method code and parameters; see `presslens.validate.validation`)."""
    from presslens.validate import validation

    result = validation.cached(eval_dir, frame_split_repeats=frame_split_repeats, use_cache=use_cache)
    tables.write(result["table"], "validation", out_dir)
    return result


# ---- 99: the report ----------------------------------------------------------------------------

def write_report(
    out_dir: str | Path,
    *,
    title: str = "presslens report",
    question: str = "",
    min_articles: int = 30,
    cleaning_rules: str = "cleaning.yaml",
    engine_name: str = "auto",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, Any]:
    """Stage 99: one page per article, evidence.html (the sentences behind every figure point) and
    the start page index.html; returns what the notebook shows (warnings, findings, counts)."""
    from presslens.report import pages, summary

    n_pages = pages.write_article_pages(out_dir, engine_name=engine_name, scheduler=scheduler, progress=progress)
    evidence_page = pages.write_evidence_page(out_dir)
    t = summary.load(out_dir)
    rules, _ = clean.load_rules(cleaning_rules)
    warns = summary.warnings(t, min_articles=min_articles)
    sections = summary.sections(out_dir, t, rules=rules, min_articles=min_articles)
    index = pages.write_index(out_dir, title=title, question=question, warnings=warns, sections=sections)
    return {"pages": n_pages, "evidence": evidence_page, "index": index, "warnings": warns, "findings": sections[0].blocks, "tables": t}
