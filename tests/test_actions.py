"""Who did what to whom: subject-verb-object between actor mentions, and differing targets."""

import pandas as pd

from presslens.core import packs
from presslens.extract import actions, actors

ACTORS = packs.files("kosovo")["actors"] or ""  # the seeds' pack, given: no default reaches it


def run(texts: dict[str, str]) -> pd.DataFrame:
    rows, ments = [], []
    for aid, text in texts.items():
        rows.append({"article_id": aid, "sent_id": 1, "start": 0, "end": len(text), "text": text})
        m = actors.find_mentions(text, published="2023-06-01", spans=[(0, len(text))], name=ACTORS)
        ments.append(m.assign(article_id=aid))
    return actions.action_table(pd.DataFrame(rows), pd.concat(ments, ignore_index=True))


def test_subjects_and_objects_are_coordinated_and_passives_skipped() -> None:
    t = run(
        {
            "a": "The EU and the United States urged Kosovo and Serbia to talk.",
            "b": "Pristina said it would favor Serbs, backed by Belgrade.",
        }
    )
    assert sorted(zip(t["subject"], t["object"])) == [
        ("eu", "kosovo"),
        ("eu", "serbia"),
        ("us", "kosovo"),
        ("us", "serbia"),
    ]


def test_divergence_lists_different_targets() -> None:
    t = run(
        {
            "a": "The EU imposed sanctions on Belgrade.",
            "b": "The EU imposed sanctions on Pristina.",
            "c": "The EU imposed sanctions on Belgrade.",
        }
    )
    arts = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["X", "Y", "Z"],
            "published": ["2023-01-01", "2023-01-02", None],
        }
    )
    div = actions.divergence(t, arts)
    assert div["targets"].tolist() == ["serbia", "kosovo", "serbia"]
    assert set(div["action"]) == {"imposed sanctions on"}
