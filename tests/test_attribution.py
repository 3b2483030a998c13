"""The attribution scorer on small hand-made gold examples: overlap and exact matching, one to one,
kinds, speaker accuracy, and evaluate() on a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from presslens.validate import attribution

TEXT = (
    "“We are ready,” said Stoltenberg. Kurti said the north would stay calm. "
    "Rama warned that the border is “out of control” now."
)


def span(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def gold() -> list[dict]:
    rows = [
        ("direct", "We are ready", "Jens Stoltenberg", "Stoltenberg"),
        ("indirect", "the north would stay calm", "Albin Kurti", "Kurti"),
        ("mixed", "the border is “out of control” now", "Edi Rama", "Rama"),
    ]
    return [
        {
            "article_id": "a",
            "kind": k,
            "start": span(c)[0],
            "end": span(c)[1],
            "speaker": s,
            "source_text": src,
        }
        for k, c, s, src in rows
    ]


def row(table: pd.DataFrame, kind: str) -> pd.Series:
    return table.set_index("kind").loc[kind]


def test_perfect_prediction() -> None:
    t = attribution.score(gold(), gold(), texts={"a": TEXT})
    assert list(t.columns) == attribution.COLUMNS
    assert t["kind"].tolist() == ["direct", "indirect", "mixed", "all"]
    assert t[["precision", "recall", "f1", "exact_f1", "speaker_accuracy"]].eq(1.0).all().all()
    assert row(t, "all")[["gold", "predicted", "matched"]].tolist() == [3, 3, 3]


def test_overlap_exact_and_speakers() -> None:
    a, b = span("the north would stay calm")
    pred = [
        # the quote with its marks: overlaps, and is exact after stripping the marks
        {
            "article_id": "a",
            "kind": "direct",
            "start": 0,
            "end": span("We are ready")[1] + 2,
            "speaker": "Stoltenberg",
        },
        # a shorter span: overlap only; wrong speaker
        {"article_id": "a", "kind": "indirect", "start": a, "end": b - 5, "speaker": "Rama"},
        # the partial quote found as a direct quote: matches the mixed gold only in "all"
        {
            "article_id": "a",
            "kind": "direct",
            "start": span("out of control")[0],
            "end": span("out of control")[1],
            "speaker": "Rama",
        },
    ]
    t = attribution.score(gold(), pred, texts={"a": TEXT})
    d, i, m, al = (row(t, k) for k in ["direct", "indirect", "mixed", "all"])
    assert (d.gold, d.predicted, d.matched, d.exact_matched) == (1, 2, 1, 1)
    assert d.precision == 0.5 and d.recall == 1.0
    assert (i.matched, i.exact_matched, i.speaker_accuracy) == (1, 0, 0.0)
    assert (m.gold, m.predicted, m.matched, m.recall) == (1, 0, 0, 0.0)
    assert (al.matched, al.speaker_correct) == (3, 2)
    assert al.precision == pytest.approx(1.0) and al.recall == pytest.approx(1.0)


def test_one_to_one_largest_overlap_first() -> None:
    a, b = span("the north would stay calm")
    pred = [
        {"article_id": "a", "kind": "indirect", "start": a, "end": a + 3, "speaker": "Kurti"},
        {"article_id": "a", "kind": "indirect", "start": a, "end": b, "speaker": "Kurti"},
    ]
    i = row(attribution.score(gold(), pred), "indirect")
    assert (i.predicted, i.matched, i.precision, i.exact_matched) == (2, 1, 0.5, 1)


def test_no_prediction_and_other_article() -> None:
    t = attribution.score(gold(), [])
    assert t[["precision", "recall", "f1"]].eq(0.0).all().all()
    moved = [dict(g, article_id="b") for g in gold()]
    assert row(attribution.score(gold(), moved), "all").matched == 0


@pytest.mark.parametrize(
    ("gold_speaker", "source", "speaker", "actor", "right"),
    [
        ("Jens Stoltenberg", "Stoltenberg", "NATO chief Jens Stoltenberg", "", True),
        ("Jens Stoltenberg", "he", "he", "", True),  # the same pronoun
        ("Jens Stoltenberg", "he", "he", "jens_stoltenberg", True),  # the actor
        ("Jens Stoltenberg", "he", "she", "", False),
        ("Intergovernmental Panel on Climate Change (IPCC)", "The IPCC", "The IPCC", "", True),
        ("Edi Rama", "Rama", "Kurti", "", False),
        ("", "", "", "", True),
        ("", "", "Trump", "", False),
    ],
)
def test_speaker_rule(
    gold_speaker: str, source: str, speaker: str, actor: str, right: bool
) -> None:
    g = pd.Series({"speaker": gold_speaker, "source_text": source})
    p = pd.Series({"speaker": speaker, "speaker_actor": actor})
    assert attribution.speaker_correct(g, p) is right


def test_evaluate_runs_the_extractor_on_a_gold_file(tmp_path: Path) -> None:
    def at(s: str) -> list[int]:
        return list(span(s))

    record = {
        "ID": "1",
        "text": TEXT,
        "attributions": [
            {
                "kind": "direct",
                "content": at("We are ready"),
                "speaker": "Jens Stoltenberg",
                "source_text": "Stoltenberg",
            },
            {
                "kind": "indirect",
                "content": at("the north would stay calm"),
                "speaker": "Albin Kurti",
                "source_text": "Kurti",
            },
            {
                "kind": "mixed",
                "content": at("the border is “out of control” now"),
                "speaker": "Edi Rama",
                "source_text": "Rama",
            },
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    t = attribution.evaluate(path)
    assert row(t, "all")[["gold", "predicted", "matched", "speaker_accuracy"]].tolist() == [
        3,
        3,
        3,
        1.0,
    ]
    assert row(t, "mixed").exact_f1 == 1.0
