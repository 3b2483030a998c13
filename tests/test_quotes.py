"""Quotes: every quotation style, speakers before and after, indirect speech, scare quotes; seeds;
properties."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.extract import actors, quotes
from presslens.ingest import clean, sentences

ROOT = Path(__file__).resolve().parents[1]


def one(text: str) -> pd.Series:
    """The single quote of `text`, checked for valid offsets."""
    q = quotes.extract(text)
    assert len(q) == 1, q
    r = q.iloc[0]
    assert text[r.start : r.end] == r.content
    assert (
        text[r.speaker_start : r.speaker_end] == r.speaker
        if r.speaker_start >= 0
        else r.speaker == ""
    )
    return r


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("“We are ready,” said Stoltenberg.", "Stoltenberg", "said", "We are ready"),
        (
            '"We will never recognise Kosovo," Vucic told reporters.',
            "Vucic",
            "told reporters",
            "We will never recognise Kosovo",
        ),
        (
            "Kurti told reporters, „The threats are felt by our country as well.“",
            "Kurti",
            "told reporters",
            "The threats are felt by our country as well",
        ),
        (
            "„The border is not under control,” Rama warned.",
            "Rama",
            "warned",
            "The border is not under control",
        ),
        (
            "«The border is out of control and must be secured now,» Rama warned.",
            "Rama",
            "warned",
            "The border is out of control and must be secured now",
        ),
        (
            "»We are ready to do more«, the alliance said.",
            "the alliance",
            "said",
            "We are ready to do more",
        ),
        (
            "‘We don’t want a war in the north,’ Kurti said.",
            "Kurti",
            "said",
            "We don’t want a war in the north",
        ),
        (
            "‹Peace is the only way forward›, Borrell remarked.",
            "Borrell",
            "remarked",
            "Peace is the only way forward",
        ),
        (
            "“KFOR stands ready to respond,” the NATO chief remarked.",
            "the NATO chief",
            "remarked",
            "KFOR stands ready to respond",
        ),
        (
            "“A secure region means a secure Europe,” he stated.",
            "he",
            "stated",
            "A secure region means a secure Europe",
        ),
        (
            "“We feel that our place is in NATO,” Kurti stated emphatically during an interview.",
            "Kurti",
            "stated",
            "We feel that our place is in NATO",
        ),
        (
            "Valtonen met Vucic, stating unequivocally that “progress requires Serbia to "
            "normalise relations.”",
            "Valtonen",
            "stating",
            "progress requires Serbia to normalise relations",
        ),
        (
            "“Unhappily, we did not yet agree,” the EU’s foreign policy chief Josep Borrell told "
            "reporters Thursday.",
            "the EU’s foreign policy chief Josep Borrell",
            "told reporters",
            "Unhappily, we did not yet agree",
        ),
        (
            "Kosovo’s border is „out of control,” and arms are smuggled, he said.",
            "he",
            "said",
            "out of control",
        ),  # short, but attributed
        (
            "“Is this really the peace we were promised?” Vucic asked.",
            "Vucic",
            "asked",
            "Is this really the peace we were promised?",
        ),
    ],
)
def test_direct_quotes_in_every_style(text: str, speaker: str, cue: str, content: str) -> None:
    r = one(text)
    assert (r.speaker, r.cue, r.content, r.kind) == (speaker, cue, content, "direct")


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Borrell added that there is still time before the deadline.",
            "Borrell",
            "added",
            "there is still time before the deadline",
        ),
        (
            "Stoltenberg said the alliance is prepared to step up its forces.",
            "Stoltenberg",
            "said",
            "the alliance is prepared to step up its forces",
        ),
        (
            "Vucic said during the news conference that both sides disagree on nearly everything.",
            "Vucic",
            "said",
            "both sides disagree on nearly everything",
        ),
        (
            "Kurti told reporters the north would stay calm.",
            "Kurti",
            "told reporters",
            "the north would stay calm",
        ),
        (
            "Rama warned that the violence could trigger a wider conflict.",
            "Rama",
            "warned",
            "the violence could trigger a wider conflict",
        ),
        (
            "Elina Valtonen stated unequivocally that progress requires reforms.",
            "Elina Valtonen",
            "stated",
            "progress requires reforms",
        ),
        (
            "He cautioned that decades of peace must not be put at risk.",
            "He",
            "cautioned",
            "decades of peace must not be put at risk",
        ),
        (
            "Albanian Prime Minister Edi Rama has urged NATO to increase its presence.",
            "Albanian Prime Minister Edi Rama",
            "urged",
            "NATO to increase its presence",
        ),
        (
            "The talks are vital, according to NATO's head.",
            "NATO's head",
            "according to",
            "The talks are vital",
        ),
        (
            "According to the Kosovo leader, a larger NATO footprint would bolster security.",
            "the Kosovo leader",
            "According to",
            "a larger NATO footprint would bolster security",
        ),
        (
            "The north is calm and the roads are open, Kurti said.",
            "Kurti",
            "said",
            "The north is calm and the roads are open",
        ),
        (
            "The talks will resume in September, said Borrell.",
            "Borrell",
            "said",
            "The talks will resume in September",
        ),
    ],
)
def test_indirect_quotes(text: str, speaker: str, cue: str, content: str) -> None:
    r = one(text)
    assert (r.speaker, r.cue, r.content, r.kind) == (speaker, cue, content, "indirect")


def test_quote_split_across_two_sentences_keeps_its_speaker() -> None:
    text = (
        "“To advance, both sides need flexibility,” he asserted. "
        "“Normalization will bring stability to everyone.”"
    )
    q = quotes.extract(text)
    assert q["speaker"].tolist() == ["he", "he"]
    assert q["sent_id"].tolist() == [1, 2]
    assert q["content"].tolist() == [
        "To advance, both sides need flexibility",
        "Normalization will bring stability to everyone",
    ]


def test_quote_interrupted_by_its_attribution() -> None:
    q = quotes.extract("“We will move forces,” Stoltenberg said, “and deploy them where needed.”")
    assert q["speaker"].tolist() == ["Stoltenberg", "Stoltenberg"]
    assert q["kind"].tolist() == ["direct", "direct"]


def test_quote_across_sentences_inside_the_marks() -> None:
    text = "“If needed, we will move forces. We are ready to do more,” said Stoltenberg."
    r = one(text)
    assert r.content == "If needed, we will move forces. We are ready to do more"
    assert r.speaker == "Stoltenberg"


def test_unattributed_long_quote_is_kept_without_speaker() -> None:
    r = one("“We said no to the plan, and we say it again now.” The crowd cheered.")
    assert (r.speaker, r.cue, r.kind, r.speaker_start) == ("", "", "direct", -1)


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace plan” failed.",
        "The “frozen conflict” persists in the north.",
        "Kosovo’s border with Serbia’s police was closed at Jarinje.",  # apostrophes are not quotes
        # a plain object, not a statement
        "He emphasized the critical nature of peace in the region.",
        "Albania’s role could be said to be intertwined with its support for Kosovo.",
        "The “they said so” label stuck.",  # "said" inside quotation marks is no cue
        "That said, the mission continues in the north.",  # idioms
        "Needless to say, the talks failed again on Monday.",
        "Truth be told, nobody expected the barricades.",
        "It is said that the talks failed.",
        "He walked home. It rained.",
        "",
    ],
)
def test_texts_without_quotes(text: str) -> None:
    assert quotes.extract(text).empty


def test_scare_quotes_can_be_kept_on_request() -> None:
    q = quotes.extract("The so-called “peace plan” failed.", scare=True)
    assert q[["content", "kind", "speaker"]].values.tolist() == [["peace plan", "scare", ""]]


def test_output_is_sorted_and_typed() -> None:
    q = quotes.extract(
        "Kurti said the talks failed. “We are ready to talk again,” Vucic said. “Never,” he added."
    )
    assert list(q.columns) == quotes.COLUMNS
    assert q["start"].is_monotonic_increasing
    assert {
        str(q[c].dtype) for c in ["sent_id", "start", "end", "speaker_start", "speaker_end"]
    } == {"int64"}


# --- the seeds -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_run() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    meta = pd.read_csv(ROOT / "seeds" / "metadata.csv", dtype=str, keep_default_na=False)
    arts = pd.DataFrame(
        {
            "article_id": meta["file"].str[:3],
            "outlet": meta["outlet"],
            "text": [
                clean.clean((ROOT / "seeds" / f).read_text(encoding="utf-8")).text
                for f in meta["file"]
            ],
            "published": [p or None for p in meta["published"]],
            "status": "ok",
        }
    )
    sents = sentences.sentence_table(arts)
    m = actors.mention_table(arts, sents)
    return arts, m, quotes.quote_table(arts, sents, m)


def _quote(q: pd.DataFrame, article: str, begins: str) -> pd.Series:
    hit = q[(q["article_id"] == article) & q["content"].str.startswith(begins)]
    assert len(hit) == 1, (article, begins)
    return hit.iloc[0]


def test_seed_quote_offsets_are_valid(seed_run: tuple) -> None:
    arts, _, q = seed_run
    texts = dict(zip(arts["article_id"], arts["text"]))
    assert list(q.columns) == quotes.TABLE_COLUMNS
    for r in q.itertuples():
        assert texts[r.article_id][r.start : r.end] == r.content
        assert (
            r.speaker_start < 0 or texts[r.article_id][r.speaker_start : r.speaker_end] == r.speaker
        )


@pytest.mark.parametrize(
    ("article", "begins", "speaker", "actor", "kind"),
    [
        ("000", "We feel that our place is in NATO", "Kurti", "albin_kurti", "direct"),
        (
            "000",
            "We are a security provider",
            "Kurti",
            "albin_kurti",
            "direct",
        ),  # the next sentence goes on
        (
            "000",
            "progress in the EU accession",
            "Finnish Foreign Minister Elina Valtonen",
            "elina_valtonen",
            "direct",
        ),
        (
            "001",
            "NATO to increase its military presence",
            "Albanian Prime Minister Edi Rama",
            "edi_rama",
            "indirect",
        ),
        ("001", "out of control", "he", "edi_rama", "direct"),
        (
            "001",
            "NATO does not see any military threat",
            "NATO Secretary-General Jens Stoltenberg",
            "jens_stoltenberg",
            "indirect",
        ),
        (
            "002",
            "there is a belief that a larger NATO footprint",
            "the Kosovo leader",
            "albin_kurti",
            "indirect",
        ),
        ("003", "A secure Western Balkans region", "he", "mark_rutte", "direct"),
        ("003", "KFOR stands ready", "the NATO chief", "mark_rutte", "direct"),
        (
            "003",
            "The ongoing dialogues between Kosovo and Serbia are vital",
            "NATO’s head",
            "mark_rutte",
            "indirect",
        ),
        (
            "003",
            "To advance these discussions",
            "he",
            "mark_rutte",
            "direct",
        ),  # five sentences after the last title
        ("003", "Normalization will bring", "he", "mark_rutte", "direct"),
        ("004", "If needed, we will move forces", "Stoltenberg", "jens_stoltenberg", "direct"),
        (
            "004",
            "the alliance is prepared to step up",
            "NATO Secretary-General Jens Stoltenberg",
            "jens_stoltenberg",
            "indirect",
        ),
        ("004", "The threats, risks, and challenges", "Kurti", "albin_kurti", "direct"),
        (
            "004",
            "Unhappily, we did not yet come to an agreement today",
            "the EU’s foreign policy chief Josep Borrell",
            "josep_borrell",
            "direct",
        ),
        ("004", "there is still time before the deadline", "Borrell", "josep_borrell", "indirect"),
        ("004", "the upcoming discussions with Kurti", "Vucic", "aleksandar_vucic", "indirect"),
        ("004", "it would favor Serbs", "Pristina", "kosovo", "indirect"),
    ],
)
def test_seed_quotes_as_a_careful_reader_finds_them(
    seed_run: tuple, article: str, begins: str, speaker: str, actor: str, kind: str
) -> None:
    r = _quote(seed_run[2], article, begins)
    assert (r.speaker, r.speaker_actor, r.kind) == (speaker, actor, kind)


def test_seed_2025_nato_chief_is_rutte_throughout(seed_run: tuple) -> None:
    q = seed_run[2]
    direct = q[(q["article_id"] == "003") & (q["kind"] == "direct")]
    assert len(direct) == 4 and set(direct["speaker_actor"]) == {"mark_rutte"}
    assert "jens_stoltenberg" not in set(q[q["article_id"] == "003"]["speaker_actor"])


def test_seed_scare_quote_of_000_is_attributed_partial_quote(seed_run: tuple) -> None:
    r = _quote(seed_run[2], "000", "yesterday rather than tomorrow")
    assert (r.speaker_actor, r.cue) == ("albin_kurti", "declared")


def test_quoted_vs_mentioned(seed_run: tuple) -> None:
    arts, m, q = seed_run
    qm = quotes.quoted_vs_mentioned(q, m, arts)
    assert list(qm.columns) == ["outlet", "actor", "mentions", "quotes"]
    row = qm[(qm["outlet"] == "econotimes.com") & (qm["actor"] == "jens_stoltenberg")].iloc[0]
    assert (row.mentions, row.quotes) == (5, 2)
    assert qm["quotes"].sum() == (q["speaker_actor"] != "").sum()
    assert qm["mentions"].sum() == len(m)


# --- properties ------------------------------------------------------------------------------

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NEWSY = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            "„",
            "“",
            "«",
            "»",
            "‹",
            "›",
            "‘",
            "’",
            '"',
            "Kurti",
            " said",
            " he",
            " told reporters",
            ". ",
            ", ",
            "according to ",
            "the NATO chief",
            "We are ready",
            " that ",
            "\n",
            "—",
            "s",
            " ",
        ]
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(st.one_of(TEXT, NEWSY), st.booleans())
def test_extract_never_raises_and_offsets_are_valid(text: str, scare: bool) -> None:
    q = quotes.extract(text, scare=scare)
    for r in q.itertuples():
        assert text[r.start : r.end] == r.content and r.content
        assert r.kind in {"direct", "indirect", "scare"}
        if r.speaker_start >= 0:
            assert text[r.speaker_start : r.speaker_end] == r.speaker
        else:
            assert r.speaker == ""
    assert q["start"].is_monotonic_increasing
