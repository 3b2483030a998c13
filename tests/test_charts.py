"""Every figure of the report on zero, one and thousands of items: it draws (or says why not),
stays within its size limits, and says in its caption what it aggregated."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from presslens import stages
from presslens.report import charts, figures

MAX_FILE = 2_000_000
MAX_PIXELS = 4_000_000


def outlets(n: int) -> list[str]:
    return [f"outlet{i:04d}.example" for i in range(n)]


def removed(n: int) -> tuple[pd.DataFrame, list[str]]:
    ids = [f"a{i:06d}" for i in range(n)]
    rows = pd.DataFrame(
        {
            "article_id": ids,
            "rule": [["headline", "summary_box", "copyright"][i % 3] for i in range(n)],
            "lines": 1 + np.arange(n) % 4,
        }
    )
    return rows, ids


def article_tone(n: int) -> tuple[pd.DataFrame, pd.Series]:
    ids = [f"a{i:06d}" for i in range(n)]
    rng = np.random.default_rng(1)
    t = pd.concat(
        [
            pd.DataFrame(
                {
                    "article_id": ids,
                    "method": m,
                    "tone": rng.uniform(-0.5, 0.5, n),
                    "ci_low": -0.6,
                    "ci_high": 0.6,
                }
            )
            for m in ("vader", "textblob")
        ]
    )
    return t, pd.Series(outlets(n), index=ids)


def outlet_tone(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": outlets(n),
            "method": "vader",
            "n_articles": 1 + np.arange(n) % 50,
            "tone": np.linspace(-0.3, 0.3, n),
            "ci_low": [np.nan if i % 50 == 0 else -0.4 for i in range(n)],
            "ci_high": [np.nan if i % 50 == 0 else 0.4 for i in range(n)],
            "warning": "",
        }
    )


def histogram(n: int) -> pd.DataFrame:
    rows = [
        (m, i, stages.BINS[i], stages.BINS[i + 1], n * (i % 5))
        for m in ("vader", "textblob")
        for i in range(20)
    ]
    return pd.DataFrame(rows, columns=["method", "bin", "bin_low", "bin_high", "sentences"])


def shares(n: int) -> pd.DataFrame:
    frames = [("generic", f) for f in ("conflict", "economic", "morality")] + [
        ("issue", "security")
    ]
    return pd.DataFrame(
        [(s, f, o, 10 + i, i % 7) for s, f in frames for i, o in enumerate(outlets(n))],
        columns=["scheme", "frame", "outlet", "articles", "present"],
    )


def quoted(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": [outlets(7)[i % 7] for i in range(n)],
            "actor": [f"person_{i:05d}" for i in range(n)],
            "mentions": 1 + np.arange(n) % 30,
            "quotes": np.arange(n) % 4,
        }
    )


def term_counts(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": [outlets(max(1, n // 3))[i % max(1, n // 3)] for i in range(n)],
            "concept": [f"concept_{i % 40}" for i in range(n)],
            "variant": [f"variant {i % 90}" for i in range(n)],
            "n": 1 + np.arange(n) % 9,
        }
    )


def portrayal(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "actor": [f"person_{i:05d}" for i in range(n)],
            "outlet": "(all outlets)",
            "n_mentions": 1 + np.arange(n) % 60,
            "n_articles": 1,
            "tone": np.linspace(-0.5, 0.5, n),
            "ci_low": -0.6,
            "ci_high": 0.6,
        }
    )


def event_groups(n: int) -> pd.DataFrame:
    start = pd.Timestamp("1990-01-01")
    days = (np.arange(n) * 37) % (35 * 365)
    begins = [(start + pd.Timedelta(days=int(d))).date().isoformat() for d in days]
    return pd.DataFrame(
        {
            "event_id": [f"E{i + 1:05d}" for i in range(n)],
            "begin": begins,
            "finish": begins,
            "value": begins,
            "label": [f"event number {i}" for i in range(n)],
            "actors": ["nato serbia" if i % 3 else "" for i in range(n)],
            "n_articles": 1 + np.arange(n) % 9,
            "n_mentions": 2 + np.arange(n) % 9,
            "articles": "a b",
            "outlets": "",
            "evidence": [f"a{i}#s1" for i in range(n)],
        }
    )


def coverage(n: int) -> tuple[pd.DataFrame, str]:
    if n == 0:
        return pd.DataFrame(columns=["period", "articles", "tone", "tone_min", "tone_max"]), ""
    dates = pd.date_range("2019-01-01", periods=n, freq="D")
    from presslens.measure import events

    art = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "status": "ok",
            "published": [d.date().isoformat() for d in dates],
        }
    )
    tone = pd.DataFrame({"article_id": art["article_id"], "tone": np.linspace(-0.2, 0.2, n)})
    cov, _, period = events.coverage(art, tone)
    return cov, period


def contrasts(n: int) -> tuple[pd.DataFrame, pd.Series]:
    groups = outlets(n)
    best = pd.DataFrame(
        [(g, f"word{k}", 3.0 - k * 0.3) for g in groups for k in range(8)],
        columns=["group", "feature", "z"],
    )
    return best, pd.Series(np.arange(n, 0, -1), index=groups)


def build(kind: str, n: int) -> figures.Chart:
    if kind == "cleaning":
        return charts.cleaning(*removed(n))
    if kind == "tone_by_article":
        t, o = article_tone(n)
        return charts.tone_by_article(t, o, ["vader", "textblob"])
    if kind == "tone_by_outlet":
        return charts.tone_by_outlet(outlet_tone(n), "vader")
    if kind == "sentence_tone":
        return charts.sentence_tone(histogram(n))
    if kind == "frames_by_outlet":
        return charts.frames_by_outlet(shares(n))
    if kind == "quoted_vs_mentioned":
        return charts.quoted_vs_mentioned(quoted(n))
    if kind == "naming_by_outlet":
        return charts.naming_by_outlet(term_counts(n))
    if kind == "actor_tone":
        return charts.actor_tone(portrayal(n))
    if kind == "event_timeline":
        return charts.event_timeline(event_groups(n))
    if kind == "coverage":
        cov, period = coverage(n)
        return charts.coverage(cov, period, left_out=3, tone_method="vader")
    if kind == "word_contrasts":
        return charts.word_contrasts(*contrasts(n))
    raise ValueError(kind)


KINDS = [
    "cleaning",
    "tone_by_article",
    "tone_by_outlet",
    "sentence_tone",
    "frames_by_outlet",
    "quoted_vs_mentioned",
    "naming_by_outlet",
    "actor_tone",
    "event_timeline",
    "coverage",
    "word_contrasts",
]


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_to_draw_is_said_not_drawn(kind: str, tmp_path: Path) -> None:
    chart = build(kind, 0)
    assert chart.fig is None and len(chart.absent) > 10
    saved = figures.save(chart, tmp_path)
    assert saved.png is None and chart.absent in figures.absent_figures(tmp_path)[chart.name]


@pytest.mark.parametrize("kind", KINDS)
def test_one_item_draws(kind: str, tmp_path: Path) -> None:
    chart = build(kind, 1)
    assert chart.fig is not None and chart.caption
    saved = figures.save(chart, tmp_path)
    assert saved.png.stat().st_size > 2_000


@pytest.mark.parametrize("kind", KINDS)
def test_thousands_of_items_stay_readable_and_bounded(kind: str, tmp_path: Path) -> None:
    chart = build(kind, 3000)
    assert chart.fig is not None
    saved = figures.save(chart, tmp_path)
    png, svg = saved.png, saved.png.with_suffix(".svg")
    with Image.open(png) as im:
        assert im.size[0] * im.size[1] <= MAX_PIXELS, im.size
    assert png.stat().st_size <= MAX_FILE and svg.stat().st_size <= MAX_FILE
    assert len(chart.data) <= 25_000  # the CSV beside it too: what is drawn, or a bounded summary
    assert len(chart.keys) <= 1000  # points linked to their sentences: bounded too
    if kind not in ("sentence_tone", "coverage", "cleaning"):
        assert "CSV" in chart.caption or "csv" in chart.caption or "binned" in chart.caption, (
            chart.caption
        )  # says what it aggregated
    if kind == "event_timeline":
        assert "binned" in chart.caption and len(chart.data) < 500
    if kind == "coverage":
        assert len(chart.data) <= 60


def test_coverage_period_follows_the_span() -> None:
    from presslens.measure import events

    day = pd.Timestamp("2020-01-01")
    assert events.period_for(day, day + pd.Timedelta(days=20)) == "D"
    assert events.period_for(day, day + pd.Timedelta(days=200)) == "W"
    assert events.period_for(day, day + pd.Timedelta(days=3 * 365)) == "M"
    assert events.period_for(day, day + pd.Timedelta(days=12 * 365)) == "Q"
    assert events.period_for(day, day + pd.Timedelta(days=40 * 365)) == "Y"


def test_the_quoted_and_mentioned_csv_holds_the_actors_drawn() -> None:
    """Every actor of a large corpus in every outlet was megabytes beside a 12-bar figure (13.6 MiB
    at 10,000 generated articles): the CSV holds the actors drawn, per outlet; the whole table is
    data/quoted_mentioned.csv, which the caption names."""
    qm = pd.DataFrame(
        [(o, f"person_{i:05d}", 1 + (i * 7 + j) % 30, i % 4) for i in range(3000)
         for j, o in enumerate(outlets(40))],
        columns=["outlet", "actor", "mentions", "quotes"],
    )  # fmt: skip
    chart = charts.quoted_vs_mentioned(qm, top=12)
    assert chart.data["actor"].nunique() == 12 and len(chart.data) == 12 * 40
    assert "data/quoted_mentioned.csv" in chart.caption
    small = qm[qm["actor"].isin(["person_00001", "person_00002"])]
    assert len(charts.quoted_vs_mentioned(small, top=12).data) == len(small)  # all drawn: all kept
