"""Figure points link to the sentences behind them: evidence rows read from a run folder, SVG links,
the evidence page."""

import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from presslens import stages
from presslens.core import tables
from presslens.report import evidence, figures, pages

HOSTILE = '<script>document.title="pwned"</script>'


def scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "a", "a", "b"],
            "sent_id": [1, 2, 1, 1, 2, 1],
            "method": ["vader", "vader", "vader", "textblob", "textblob", "textblob"],
            "compound": [0.1, -0.9, 0.5, 0.0, -0.2, 0.3],
        }
    )


def contract(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """`df` with the contract columns it lacks, empty."""
    return df.assign(**{c: "" for c in tables.CONTRACT[name] if c not in df.columns})


@pytest.fixture()
def run(tmp_path: Path) -> Path:
    """A run folder holding the tables the evidence functions read, in two partitions."""
    out = tmp_path / "run"
    arts = contract(
        pd.DataFrame(
            {
                "article_id": ["a", "b"],
                "outlet": ["x.com", None],
                "published": ["2023-01-05", "2023-04-02"],
                "status": ["ok", "ok"],
                "title": [HOSTILE, "B"],
            }
        ),
        "articles",
    )
    sents = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "sent_id": [1, 2, 1],
            "start": [0, 17, 0],
            "end": [16, 40, 14],
            "text": ["Calm words here.", f"Troops clashed {HOSTILE}.", "Troops talked."],
        }
    )
    s = scores()
    with tables.PartWriter("articles", out) as w:
        w.write(arts[arts.article_id == "a"])
        w.write(arts[arts.article_id == "b"])
    with tables.PartWriter("sentences", out) as w:
        w.write(sents[sents.article_id == "a"])
        w.write(sents[sents.article_id == "b"])
    with tables.PartWriter("sentiment", out) as w:
        w.write(s[s.article_id == "a"])
        w.write(s[s.article_id == "b"])
    tables.write(
        pd.DataFrame(
            {
                "article_id": ["a", "b"],
                "scheme": ["generic", "generic"],
                "frame": ["conflict", "conflict"],
                "present": [True, False],
                "score": 1.0,
                "evidence": ["1 2", ""],
            }
        ),
        "article_frames",
        out,
    )
    tables.write(
        pd.DataFrame(
            {
                "article_id": ["a", "a"],
                "sent_id": [1, 2],
                "scheme": ["generic"] * 2,
                "frame": ["conflict"] * 2,
                "cue": ["clash", "rift"],
                "start": [0, 17],
                "end": [4, 20],
            }
        ),
        "frames",
        out,
    )
    assert tables.n_parts("sentiment", out) == 2
    tables.write(
        pd.DataFrame(
            {
                "article_id": ["a", "b"],
                "sent_id": [2, 1],
                "begin": ["1999-01-01", "1999-06-01"],
                "finish": ["1999-12-31", "1999-06-30"],
                "text": ["1999", "June 1999"],
            }
        ),
        "events",
        out,
    )
    return out


def test_article_tone_lists_strongest_sentences_first_with_every_method(run: Path) -> None:
    ev = evidence.article_tone(run, ["a"], ["vader", "textblob"])
    assert list(ev.columns) == evidence.COLUMNS
    assert ev["sent_id"].tolist() == [2, 1] and set(ev["point"]) == {"a"}
    assert ev["note"].iloc[0] == "vader -0.90 · textblob -0.20" and (ev["n_point"] == 2).all()


def test_outlet_and_bins_read_partition_by_partition(run: Path) -> None:
    out = evidence.outlet_tone(run, ["x.com", "(unknown outlet)"], "vader")
    assert len(out) == 3 and set(out["point"]) == {"x.com", "(unknown outlet)"}
    assert out[out["point"] == "x.com"]["sent_id"].tolist() == [
        2,
        1,
    ]  # strongest first, across partitions
    keys = [f"{m}|{b}" for m in ("vader", "textblob") for b in range(20)]
    hist = evidence.tone_bins(run, keys, bins=stages.BINS)
    assert len(hist) == len(scores())
    for m in ("vader", "textblob"):  # each sentence sits in the bar numpy.histogram puts it in
        counts = np.histogram(scores().query("method == @m")["compound"], bins=stages.BINS)[0]
        got = (
            hist[hist["point"].str.startswith(m + "|")]["point"]
            .str.split("|")
            .str[1]
            .astype(int)
            .value_counts()
        )
        assert all(counts[i] == got.get(i, 0) for i in range(20))


def test_a_point_keeps_its_best_rows_and_counts_them_all(run: Path) -> None:
    one = evidence.outlet_tone(run, ["x.com"], "vader", per_point=1)
    assert one["sent_id"].tolist() == [2] and one["n_point"].tolist() == [2]


def test_frames_events_coverage_words(run: Path) -> None:
    cells = evidence.frame_cells(run, ["generic|conflict|x.com"])
    assert cells["point"].unique().tolist() == ["generic|conflict|x.com"] and cells[
        "note"
    ].tolist() == ["cue: clash", "cue: rift"]
    groups = pd.DataFrame(
        {
            "event_id": ["E001"],
            "label": ["1999"],
            "begin": ["1999-01-01"],
            "finish": ["1999-12-31"],
            "evidence": ["a#s2 b#s1"],
            "n_mentions": [2],
        }
    )
    ev = evidence.event_points(groups, ["E001"])
    assert ev[["article_id", "sent_id"]].astype(str).values.tolist() == [["a", "2"], ["b", "1"]]
    periods = evidence.event_periods(run, ["1999"], freq="Y")
    assert periods["point"].tolist() == ["1999", "1999"] and periods["n_point"].tolist() == [2, 2]
    cov = evidence.coverage_periods(run, ["2023Q1", "2023Q2"], "Q")
    assert cov["point"].tolist() == ["2023Q1", "2023Q2"] and cov["sent_id"].isna().all()
    words = evidence.word_contrasts(run, ["x.com|troops"])
    assert words[["article_id", "sent_id"]].astype(str).values.tolist() == [["a", "2"]]


def test_absent_tables_give_no_evidence(tmp_path: Path) -> None:
    tables.write(
        contract(
            pd.DataFrame(
                {"article_id": ["a"], "outlet": ["x"], "published": [None], "status": ["ok"]}
            ),
            "articles",
        ),
        "articles",
        tmp_path,
    )
    assert evidence.actor_counts(tmp_path, ["someone"]).empty
    assert evidence.naming_cells(tmp_path, ["c: v|x"]).empty


def linked_chart(name: str, keys: list, caption: str = "c") -> figures.Chart:
    fig, ax = plt.subplots()
    figures.linked_errorbar(
        ax,
        [0.1, -0.2][: len(keys)],
        [0, 1][: len(keys)],
        [0.0, np.nan][: len(keys)],
        [0.2, np.nan][: len(keys)],
        name,
        keys,
    )
    return figures.Chart(name, caption, pd.DataFrame({"x": [1]}), fig, keys=keys)


def test_svg_points_link_to_evidence_anchors_and_page_escapes(run: Path) -> None:
    chart = linked_chart("fig-t", ["a", HOSTILE], caption=HOSTILE)
    figures.link_points(chart.fig.axes[0].bar([2, 3], [1, 2]), "fig-t", ["b", "c"])
    ev = pd.DataFrame(
        {
            "point": ["a", HOSTILE],
            "label": ["A", HOSTILE],
            "article_id": ["a", "a"],
            "sent_id": [2, None],
        }
    )
    figures.save(chart, run, evidence=ev)
    svg = (run / "figures" / "fig-t.svg").read_text()
    hrefs = re.findall(r'xlink:href="(\.\./evidence\.html#[^"]+)"', svg)
    assert (
        len(hrefs) == 2 and figures.point_href("fig-t", HOSTILE) in hrefs
    )  # bars b, c: no evidence, no link
    html = pages.render(
        "index.html.j2",
        title="t",
        question="q",
        warnings=[],
        sections=[pages.Section("figures", "Figures", pages.figure_blocks(run))],
    )
    assert (
        "<svg" in html
        and 'xlink:href="evidence.html#' in html
        and "../evidence" not in html
        and "<script>" not in html
    )
    page = pages.write_evidence_page(run).read_text()
    for key in ("a", HOSTILE):  # the two points with evidence: their links land on their sections
        href = figures.point_href("fig-t", key)
        assert href in hrefs and f'id="{href.split("#")[1]}"' in page
    assert "<script>" not in page and "Troops clashed &lt;script&gt;" in page
    assert 'href="articles/a.html#s2"' in page and 'href="articles/a.html"' in page


def test_evidence_is_capped_per_point_with_the_total_kept(run: Path) -> None:
    ev = pd.DataFrame(
        {"point": ["a"] * 50, "label": "P", "article_id": "a", "sent_id": [1, 2] * 25}
    )
    figures.save(linked_chart("fig-cap", ["a"]), run, evidence=ev, max_evidence=10)
    saved = pd.read_csv(run / "figures" / "fig-cap.evidence.csv")
    assert len(saved) == 10 and (saved["n_point"] == 50).all()
    assert "50 sentence(s) (the first 10 shown)" in pages.write_evidence_page(run).read_text()


def test_many_points_share_the_figure_budget(run: Path) -> None:
    ev = pd.DataFrame(
        {
            "point": [f"p{i}" for i in range(300) for _ in range(40)],
            "label": "P",
            "article_id": "a",
            "sent_id": 1,
        }
    )
    figures.save(linked_chart("fig-many", ["a"]), run, evidence=ev)
    saved = pd.read_csv(run / "figures" / "fig-many.evidence.csv")
    assert saved.groupby("point").size().max() == 5 and (saved["n_point"] == 40).all()


def test_no_linked_figure_no_evidence_page(tmp_path: Path) -> None:
    assert pages.write_evidence_page(tmp_path) is None


def test_points_without_evidence_are_not_linked(run: Path) -> None:
    fig, ax = plt.subplots()
    figures.link_points(ax.bar([1, 2], [3, 0]), "fig-d", ["has", "empty"])
    figures.link_points(ax.scatter([1, 2], [1, 2]), "fig-d", ["has", "empty"])
    ev = pd.DataFrame({"point": ["has"], "label": "H", "article_id": "a", "sent_id": [1]})
    figures.save(figures.Chart("fig-d", "c", pd.DataFrame({"x": [1]}), fig), run, evidence=ev)
    svg = (run / "figures" / "fig-d.svg").read_text()
    assert (
        svg.count(figures.point_href("fig-d", "has")) == 2
        and figures.point_href("fig-d", "empty") not in svg
    )


def test_an_absent_figure_says_why_and_replaces_an_old_one(run: Path) -> None:
    figures.save(linked_chart("fig-x", ["a"]), run)
    assert (run / "figures" / "fig-x.png").exists()
    saved = figures.save(
        figures.Chart("fig-x", "c", pd.DataFrame({"n": []}), absent="nothing to count"), run
    )
    assert saved._repr_png_() is None and "nothing to count" in saved._repr_markdown_()
    assert not (run / "figures" / "fig-x.png").exists() and (run / "figures" / "fig-x.csv").exists()
    assert figures.absent_figures(run) == {
        "fig-x": "nothing to count"
    } and "fig-x" not in figures.captions(run)
