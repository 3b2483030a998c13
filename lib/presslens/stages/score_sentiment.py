"""Stage 20, score sentiment: per sentence and method, per article with intervals, per outlet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from presslens.core import outlet_scope, tables
from presslens.core.partitions import Partition, map_stage, summed, top_rows
from presslens.core.stage import stage
from presslens.stages import preload


BINS = np.round(np.linspace(-1, 1, 21), 2)  # sentence-score histogram: bins of 0.1


def histogram(scores: pd.DataFrame) -> pd.DataFrame:
    """Sentences per score bin of 0.1 and method (the last bin includes +1)."""
    rows = []
    for m, g in scores.groupby("method", sort=False):
        counts, _ = np.histogram(g["compound"].to_numpy(dtype=float), bins=BINS)
        rows += [(m, i, BINS[i], BINS[i + 1], int(c)) for i, c in enumerate(counts)]
    return pd.DataFrame(rows, columns=["method", "bin", "bin_low", "bin_high", "sentences"])


def sentiment_part(
    part: Partition, *, methods: tuple[str, ...], n_boot: int, seed: int, top: int
) -> dict[str, Any]:
    """Score one partition's sentences with every method, aggregate them per article, and keep the
    partials of the corpus summaries (histogram, paired scores, extreme and disputed sentences)."""
    from presslens.measure import sentiment

    sents = part.sentences
    scored = sentiment.score_sentences(sents, methods=methods)
    tones = [sentiment.article_tone(scored, method=m, n_boot=n_boot, seed=seed) for m in methods]
    out: dict[str, Any] = {
        "sentiment": scored,
        "article_sentiment": pd.concat(tones, ignore_index=True).sort_values(
            ["article_id", "method"], kind="mergesort"
        ),
        "histogram": histogram(scored),
        "extremes": sentiment.extremes(scored, sents, method=methods[0], k=top),
    }
    if len(methods) > 1 and len(scored):
        w = sentiment.wide(scored)
        out["pairs"] = w[[methods[0], methods[1]]].to_numpy(dtype=float)
        out["disagreements"] = sentiment.disagreements(
            scored, sents, a=methods[0], b=methods[1], top=top
        )
    return out


@stage(
    notebook="20-score-sentiment",
    reads=("articles", "sentences", "run_settings"),
    writes=(
        "sentiment",
        "article_sentiment",
        "outlet_sentiment",
        "sentiment_stats",
        "sentiment_histogram",
        "sentiment_extremes",
        "sentiment_disagreements",
    ),
    keys={
        "sentiment": ("article_id", "sent_id", "method"),
        "article_sentiment": ("article_id", "method"),
    },
    figures=("fig20-tone-by-article", "fig21-tone-by-outlet", "fig22-sentence-tone"),
    preload=preload.sentiment,
    cost=(2.0, 0.071),  # bench/progress_fit.py: runs from 5 to 10,000 articles
    phases={"sentiment": (0.04, 0.73)},
)
def score_sentiment(
    out_dir: str | Path,
    *,
    methods: list[str] | tuple[str, ...] = ("vader", "textblob"),
    n_boot: int = 2000,
    seed: int = 0,
    min_articles: int = 5,
    top: int = 10,
    max_articles_per_figure: int = 40,
    engine: str = "",
    scheduler: str = "",
    progress: bool = True,
) -> dict[str, int]:
    """Stage 20: `sentiment` (sentence x method), `article_sentiment` (article x method, with
    intervals), and the corpus summaries `outlet_sentiment`, `sentiment_stats` (per method, and the
    two methods' agreement), `sentiment_histogram`, `sentiment_extremes`,
    `sentiment_disagreements`; and the figures fig20-fig22."""
    from presslens.measure import sentiment

    methods = tuple(methods)
    partials: list[dict[str, Any]] = []
    counts = map_stage(
        sentiment_part,
        out_dir,
        ["sentiment", "article_sentiment"],
        article_columns=["article_id"],
        engine_name=engine,
        scheduler=scheduler,
        desc="sentiment",
        progress=progress,
        collect=partials.append,
        methods=methods,
        n_boot=n_boot,
        seed=seed,
        top=top,
    )
    art = tables.read("article_sentiment", out_dir)
    articles = outlet_scope.articles(out_dir, ["article_id", "outlet", "status"])
    ok = articles[articles["status"] == "ok"]
    tables.write(
        sentiment.outlet_tone(art, ok, n_boot=n_boot, seed=seed, min_articles=min_articles),
        "outlet_sentiment",
        out_dir,
    )
    hist = write_histogram(out_dir, partials, methods)
    write_extremes(out_dir, partials, methods, top=top)
    stats = sentiment_stats(art, methods, [p.get("pairs") for p in partials], n_sentences=hist)
    tables.write(stats, "sentiment_stats", out_dir)
    if len(methods) > 1:
        write_disagreements(out_dir, partials, methods, top=top)
    draw(out_dir, methods=methods, min_articles=min_articles, max_articles=max_articles_per_figure)
    return counts


def write_histogram(
    out_dir: str | Path, partials: list[dict[str, Any]], methods: tuple[str, ...]
) -> pd.DataFrame:
    """`sentiment_histogram`: sentences per score bin and method, summed over the partitions."""
    hist = summed(
        [p["histogram"] for p in partials], ["method", "bin", "bin_low", "bin_high"], ["sentences"]
    )
    hist = hist.sort_values(
        ["method", "bin"],
        key=lambda c: c.map({m: i for i, m in enumerate(methods)}) if c.name == "method" else c,
        kind="mergesort",
    )
    tables.write(hist.reset_index(drop=True), "sentiment_histogram", out_dir)
    return hist


def write_extremes(
    out_dir: str | Path, partials: list[dict[str, Any]], methods: tuple[str, ...], *, top: int
) -> None:
    """`sentiment_extremes`: the `top` most positive and most negative sentences (main method)."""
    ext = [p["extremes"] for p in partials]
    pos = top_rows(
        [e[e["end"] == "most positive"] for e in ext],
        by=["compound", "article_id", "sent_id"],
        ascending=[False, True, True],
        k=top,
    )
    neg = top_rows(
        [e[e["end"] == "most negative"] for e in ext],
        by=["compound", "article_id", "sent_id"],
        ascending=[True, True, True],
        k=top,
    )
    extremes = (
        pd.concat([pos, neg], ignore_index=True)
        if len(pos) or len(neg)
        else pd.DataFrame(columns=["end", "article_id", "sent_id", "compound", "text"])
    )
    tables.write(extremes.assign(method=methods[0]), "sentiment_extremes", out_dir)


def write_disagreements(
    out_dir: str | Path, partials: list[dict[str, Any]], methods: tuple[str, ...], *, top: int
) -> None:
    """`sentiment_disagreements`: the `top` sentences the first two methods score most apart."""
    dis = top_rows(
        [p.get("disagreements") for p in partials],
        by=["difference", "article_id", "sent_id"],
        ascending=[False, True, True],
        k=top,
    )
    if dis.empty:
        dis = pd.DataFrame(
            columns=["article_id", "sent_id", methods[0], methods[1], "difference", "text"]
        )
    tables.write(dis, "sentiment_disagreements", out_dir)


def sentiment_stats(
    article_sentiment: pd.DataFrame,
    methods: tuple[str, ...],
    pairs: list[np.ndarray | None],
    *,
    n_sentences: pd.DataFrame,
) -> pd.DataFrame:
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
            rows += [
                (m, "mean", sentiment.fixed_mean(v)),
                (
                    m,
                    "share_positive",
                    float((v >= sentiment.THRESHOLD).mean()) if len(v) else float("nan"),
                ),
                (
                    m,
                    "share_negative",
                    float((v <= -sentiment.THRESHOLD).mean()) if len(v) else float("nan"),
                ),
            ]
        ag = sentiment.agreement_of(a, b)
        rows += [(f"{methods[0]} vs {methods[1]}", k, float(v)) for k, v in ag.items()]
    out = pd.DataFrame(rows, columns=["method", "metric", "value"])
    return out.assign(value=out["value"].round(6))


def draw(
    out_dir: str | Path, *, methods: tuple[str, ...], min_articles: int = 5, max_articles: int = 40
) -> None:
    """fig20 tone by article, fig21 tone by outlet, fig22 the distribution of sentence tone."""
    from presslens.report import charts, evidence, figures

    main = methods[0]
    art = tables.read("article_sentiment", out_dir)
    outlet_of = outlet_scope.articles(out_dir, ["article_id", "outlet"]).set_index("article_id")[
        "outlet"
    ]
    heads = tables.read("articles", out_dir, columns=["article_id", "published", "title"])
    labels = charts.article_labels(heads.assign(outlet=heads["article_id"].map(outlet_of)))
    chart = charts.tone_by_article(
        art, outlet_of, list(methods), max_articles=max_articles, labels=labels
    )
    figures.save(chart, out_dir, evidence=evidence.article_tone(out_dir, chart.keys, list(methods)))
    chart = charts.tone_by_outlet(
        tables.read("outlet_sentiment", out_dir), main, min_articles=min_articles
    )
    figures.save(chart, out_dir, evidence=evidence.outlet_tone(out_dir, chart.keys, main))
    chart = charts.sentence_tone(tables.read("sentiment_histogram", out_dir))
    figures.save(chart, out_dir, evidence=evidence.tone_bins(out_dir, chart.keys, bins=BINS))
