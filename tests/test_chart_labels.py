"""Figures name articles by outlet, date and headline, and keep legends off the data rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from presslens.report import charts

ARTICLES = pd.DataFrame(
    {
        "article_id": ["003_e6e0045aead664b8", "000_d650c0096b15231c", "x1", "x2"],
        "outlet": ["uslive.com", "britbrief.co.uk", "", None],
        "published": ["2025-03-11T09:00:00", None, "2024-01-02", None],
        "title": [
            "NATO chief visits the Western Balkans and urges flexibility in the talks",
            "Kosovo Seeks Swift NATO Membership",
            "",
            None,
        ],
    }
)


@pytest.mark.parametrize(
    "article_id, label",
    [
        (
            "003_e6e0045aead664b8",
            "uslive.com, 2025-03-11: NATO chief visits the Western Balkans a…",
        ),
        ("000_d650c0096b15231c", "britbrief.co.uk: Kosovo Seeks Swift NATO Membership"),
        ("x1", "2024-01-02: x1"),  # no outlet, no headline: the date and the id
        ("x2", "x2"),  # nothing known: the id, unchanged
    ],
)
def test_article_labels(article_id: str, label: str) -> None:
    assert charts.article_labels(ARTICLES)[article_id] == label


def tick_labels(chart) -> list[str]:
    """The y tick labels of a chart's first axes."""
    return [t.get_text() for t in chart.fig.axes[0].get_yticklabels()]


def test_tone_by_article_names_articles_and_keeps_ids_in_its_data() -> None:
    ids = ARTICLES["article_id"].tolist()[:2]
    tone = pd.DataFrame(
        {"article_id": ids * 2, "method": ["vader"] * 2 + ["textblob"] * 2, "tone": [0.1, -0.1] * 2}
    ).assign(ci_low=-0.5, ci_high=0.5)
    outlets = ARTICLES.set_index("article_id")["outlet"]
    chart = charts.tone_by_article(
        tone, outlets, ["vader", "textblob"], labels=charts.article_labels(ARTICLES)
    )
    assert tick_labels(chart)[0].startswith("britbrief.co.uk: Kosovo")
    assert not any("_" in t for t in tick_labels(chart))
    assert set(chart.data["article_id"]) == set(ids)  # the CSV keeps the ids
    unlabelled = charts.tone_by_article(tone, outlets, ["vader", "textblob"])
    assert tick_labels(unlabelled)[0] == "000_d650c0096b15231c (britbrief.co.uk)"  # as before


def test_cleaning_names_articles() -> None:
    removed = pd.DataFrame(
        {"article_id": ["000_d650c0096b15231c"], "rule": ["headline"], "lines": [1]}
    )
    chart = charts.cleaning(
        removed, ["000_d650c0096b15231c"], labels=charts.article_labels(ARTICLES)
    )
    assert tick_labels(chart) == ["britbrief.co.uk: Kosovo Seeks Swift NATO Membership"]
    assert chart.data["article_id"].tolist() == ["000_d650c0096b15231c"]


@pytest.mark.parametrize("with_interval", [0, 1, 3])
def test_tone_by_outlet_legend_sits_outside_the_data_area(with_interval: int) -> None:
    n = 4
    tone = pd.DataFrame(
        {
            "outlet": [f"outlet{i}.com" for i in range(n)],
            "method": "vader",
            "n_articles": [5 if i < with_interval else 1 for i in range(n)],
            "tone": np.linspace(-0.2, 0.3, n),
            "ci_low": [-0.4 if i < with_interval else np.nan for i in range(n)],
            "ci_high": [0.4 if i < with_interval else np.nan for i in range(n)],
            "warning": "",
        }
    )
    chart = charts.tone_by_outlet(tone, "vader")
    fig = chart.fig
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    plot = ax.get_window_extent()
    assert legend.x0 >= plot.x1 or legend.y1 <= plot.y0, (legend, plot)
