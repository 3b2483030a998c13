"""Figure points link to the sentences behind them: evidence rows, SVG links, the evidence page."""

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from presslens import evidence, figures, report

HOSTILE = '<script>document.title="pwned"</script>'


def scores() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "a", "b", "a", "a", "b"],
        "sent_id": [1, 2, 1, 1, 2, 1],
        "method": ["vader", "vader", "vader", "textblob", "textblob", "textblob"],
        "compound": [0.1, -0.9, 0.5, 0.0, -0.2, 0.3],
    })


def articles() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a", "b"], "outlet": ["x.com", None], "published": ["2023-01-05", "2023-04-02"], "status": ["ok", "ok"], "title": [HOSTILE, "B"]})


def sentences() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a", "a", "b"], "sent_id": [1, 2, 1], "text": ["Calm words here.", f"Troops clashed {HOSTILE}.", "Troops talked."]})


def test_article_tone_lists_strongest_sentences_first_with_every_method() -> None:
    ev = evidence.article_tone(scores(), ["a"], ["vader", "textblob"])
    assert list(ev.columns) == evidence.COLUMNS
    assert ev["sent_id"].tolist() == [2, 1] and set(ev["point"]) == {"a"}
    assert ev["note"].iloc[0] == "vader -0.90 · textblob -0.20"


def test_outlet_and_bins_cover_every_sentence_once_per_method() -> None:
    out = evidence.outlet_tone(scores(), articles(), "vader")
    assert len(out) == 3 and set(out["point"]) == {"x.com", "(unknown outlet)"}
    bins = np.linspace(-1, 1, 21)
    hist = evidence.tone_bins(scores(), bins)
    assert len(hist) == len(scores())
    # each sentence sits in the bar numpy.histogram puts it in
    for m in ("vader", "textblob"):
        counts = np.histogram(scores().query("method == @m")["compound"], bins=bins)[0]
        got = hist[hist["point"].str.startswith(m + "|")]["point"].str.split("|").str[1].astype(int).value_counts()
        assert all(counts[i] == got.get(i, 0) for i in range(20))


def test_frames_events_coverage_words() -> None:
    af = pd.DataFrame({"article_id": ["a", "b"], "scheme": ["generic", "generic"], "frame": ["conflict", "conflict"], "present": [True, False], "evidence": ["1 2", ""]})
    fr = pd.DataFrame({"article_id": ["a", "a"], "sent_id": [1, 2], "scheme": ["generic"] * 2, "frame": ["conflict"] * 2, "cue": ["clash", "rift"]})
    cells = evidence.frame_cells(af, fr, articles())
    assert cells["point"].unique().tolist() == ["generic|conflict|x.com"] and cells["note"].tolist() == ["cue: clash", "cue: rift"]
    groups = pd.DataFrame({"event_id": ["E001"], "label": ["1999"], "begin": ["1999-01-01"], "finish": ["1999-12-31"], "evidence": ["a#s2 b#s1"]})
    ev = evidence.event_points(groups)
    assert ev[["article_id", "sent_id"]].astype(str).values.tolist() == [["a", "2"], ["b", "1"]]
    cov = evidence.coverage_periods(articles(), "Q")
    assert cov["point"].tolist() == ["2023Q1", "2023Q2"] and cov["sent_id"].isna().all()
    best = pd.DataFrame({"group": ["x.com"], "feature": ["troops"]})
    words = evidence.word_contrasts(best, sentences(), articles())
    assert words[["article_id", "sent_id"]].astype(str).values.tolist() == [["a", "2"]]


def test_svg_points_link_to_evidence_anchors_and_page_escapes(tmp_path) -> None:
    fig, ax = plt.subplots()
    figures.linked_errorbar(ax, [0.1, -0.2], [0, 1], [0.0, np.nan], [0.2, np.nan], "fig-t", ["a", HOSTILE])
    bars = ax.bar([2, 3], [1, 2])
    figures.link_points(bars, "fig-t", ["b", "c"])
    ev = pd.DataFrame({"point": ["a", HOSTILE], "label": ["A", HOSTILE], "article_id": ["a", "a"], "sent_id": [2, None]})
    figures.save(fig, pd.DataFrame({"x": [1]}), "fig-t", tmp_path, caption=HOSTILE, evidence=ev)
    plt.close(fig)
    svg = (tmp_path / "figures" / "fig-t.svg").read_text()
    hrefs = re.findall(r'xlink:href="(\.\./evidence\.html#[^"]+)"', svg)
    assert len(hrefs) == 2 and figures.point_href("fig-t", HOSTILE) in hrefs  # bars b, c: no evidence, no link
    block = report.figure_block(tmp_path, "fig-t", HOSTILE)
    assert "<svg" in block and 'xlink:href="evidence.html#' in block and "../evidence" not in block and "<script>" not in block
    page = report.evidence_page(tmp_path, sentences(), articles())
    for key in ("a", HOSTILE):  # the two points with evidence: their links land on their sections
        href = figures.point_href("fig-t", key)
        assert href in hrefs and f'id="{href.split("#")[1]}"' in page
    assert "<script>" not in page and "Troops clashed &lt;script&gt;" in page
    assert 'href="articles/a.html#s2"' in page and 'href="articles/a.html"' in page


def test_evidence_is_capped_per_point_with_the_total_kept(tmp_path) -> None:
    fig, _ = plt.subplots()
    ev = pd.DataFrame({"point": ["p"] * 50, "label": "P", "article_id": "a", "sent_id": range(1, 51)})
    figures.save(fig, pd.DataFrame({"x": [1]}), "fig-cap", tmp_path, caption="c", evidence=ev, max_evidence=10)
    plt.close(fig)
    saved = pd.read_csv(tmp_path / "figures" / "fig-cap.evidence.csv")
    assert len(saved) == 10 and (saved["n_point"] == 50).all()
    assert "the first 10 of 50" in report.evidence_page(tmp_path, sentences(), articles())


def test_no_evidence_keeps_the_png() -> None:
    assert report.evidence_page("/nonexistent", sentences()) is None


def test_points_without_evidence_are_not_linked(tmp_path) -> None:
    fig, ax = plt.subplots()
    figures.link_points(ax.bar([1, 2], [3, 0]), "fig-d", ["has", "empty"])
    figures.link_points(ax.scatter([1, 2], [1, 2]), "fig-d", ["has", "empty"])
    ev = pd.DataFrame({"point": ["has"], "label": "H", "article_id": "a", "sent_id": [1]})
    figures.save(fig, pd.DataFrame({"x": [1]}), "fig-d", tmp_path, caption="c", evidence=ev)
    plt.close(fig)
    svg = (tmp_path / "figures" / "fig-d.svg").read_text()
    assert svg.count(figures.point_href("fig-d", "has")) == 2 and figures.point_href("fig-d", "empty") not in svg
