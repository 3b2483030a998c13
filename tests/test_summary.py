"""The start page's method notes and limitations quote the measured figures from the tables."""

import pandas as pd

from presslens import summary


def validation() -> pd.DataFrame:
    rows = [
        ("sentence sentiment", "vader", "pearson_r", 0.4903), ("sentence sentiment", "vader", "f1", 0.5437), ("sentence sentiment", "textblob", "pearson_r", 0.2985),
        ("tone toward a target", "toward", "f1 (macro)", 0.6631),
        ("generic frames", "presslens.framing", "f1 (conflict)", 0.778), ("generic frames", "presslens.framing", "f1 (human_interest)", 0.3),
        ("generic frames", "presslens.framing", "f1 (macro)", 0.5684), ("generic frames", "majority baseline", "f1 (macro)", 0.155),
    ]
    return pd.DataFrame(rows, columns=["task", "method", "metric", "value"])


def articles() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a", "b"], "status": ["ok", "ok"], "outlet": ["x", "<b>y</b>"], "published": ["2023-01-01", None]})


def test_limitations_quote_the_validated_figures() -> None:
    gold = pd.DataFrame({"metric": ["n_gold", "strict_f1", "value_accuracy"], "value": [29, 1.0, 0.9655]})
    html = summary.methods_section(articles(), validation(), gold, min_articles=30)
    for text in ("r = 0.49", "F1 0.54", "r = 0.30", "macro-F1 0.66", "macro-F1 0.57", "baseline 0.15", "human interest (F1 0.30)", "29 expressions", "value accuracy 0.97", "2 analysed article(s) from 2 outlet(s)"):
        assert text in html, text
    assert "<b>y</b>" not in html


def test_limitations_say_what_was_not_measured() -> None:
    html = summary.methods_section(articles(), pd.DataFrame(columns=["task", "method", "metric", "value"]), None)
    assert "not measured in this run" in html and "not validated in this run" in html and "not scored in this run" in html
