"""Actors, quotes, naming choices and frames: parametrized in/out pairs, seeds, and properties."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.extract import actors, quotes, terms
from presslens.ingest import clean
from presslens.measure import framing, textvec

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def who(text: str, published: str | None = None) -> list[tuple[str, str]]:
    m = actors.find_mentions(text, published=published)
    return list(zip(m["surface"], m["actor"]))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "NATO's secretary general visited Pristina.",
            "2022-08-18",
            [("NATO's secretary general", "jens_stoltenberg"), ("Pristina", "kosovo")],
        ),
        (
            "NATO's secretary general visited Pristina.",
            "2025-03-11",
            [("NATO's secretary general", "mark_rutte"), ("Pristina", "kosovo")],
        ),
        (
            "NATO's secretary general visited Pristina.",
            None,
            [("NATO's secretary general", "office:nato_secretary_general"), ("Pristina", "kosovo")],
        ),
        (
            "The NATO chief met Vučić and Vucic's allies.",
            "2023-01-01",
            [
                ("The NATO chief", "jens_stoltenberg"),
                ("Vučić", "aleksandar_vucic"),
                ("Vucic", "aleksandar_vucic"),
            ],
        ),
        (
            "NATO Secretary-General Jens Stoltenberg spoke.",
            "2022-08-18",
            [("NATO", "nato"), ("Jens Stoltenberg", "jens_stoltenberg")],
        ),  # the title yields to the name
        ("Europe and the European Union welcomed it.", None, [("European Union", "eu")]),
        ("Let us go to the US embassy.", None, [("US", "us")]),
        ("Kosovo and Metohija is the Serbian name.", None, [("Kosovo", "kosovo")]),
    ],
)
def test_mentions(text: str, published: str | None, expected: list[tuple[str, str]]) -> None:
    assert who(text, published) == expected


def test_surname_and_pronoun_resolve_to_the_person() -> None:
    text = "Albin Kurti met reporters. Later Kurti spoke again. He said the talks failed."
    m = actors.find_mentions(text, published="2023-05-01")
    assert m["actor"].tolist() == ["albin_kurti", "albin_kurti", "albin_kurti"]
    assert m["resolution"].tolist() == ["name", "surname", "pronoun"]


@pytest.mark.parametrize(
    ("text", "speaker", "content", "kind"),
    [
        ("“We are ready,” said Stoltenberg.", "Stoltenberg", "We are ready", "direct"),
        (
            '"We will never recognise Kosovo," Vucic told reporters.',
            "Vucic",
            "We will never recognise Kosovo",
            "direct",
        ),
        (
            "Kurti told reporters, „The threats are felt by our country as well.“",
            "Kurti",
            "The threats are felt by our country as well",
            "direct",
        ),
        (
            "«The border is out of control and must be secured now,» Rama warned.",
            "Rama",
            "The border is out of control and must be secured now",
            "direct",
        ),
        (
            "“KFOR stands ready to respond,” the NATO chief remarked.",
            "the NATO chief",
            "KFOR stands ready to respond",
            "direct",
        ),
        (
            "Borrell added that there is still time before the deadline.",
            "Borrell",
            "there is still time before the deadline",
            "indirect",
        ),
        (
            "The talks are vital, according to NATO's head.",
            "NATO's head",
            "The talks are vital",
            "indirect",
        ),
    ],
)
def test_quotes(text: str, speaker: str, content: str, kind: str) -> None:
    q = quotes.extract(text)
    assert len(q) == 1
    r = q.iloc[0]
    assert (r.speaker, r.content, r.kind) == (speaker, content, kind)
    assert text[r.start : r.end] == r.content


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace plan” failed.",
        "He walked home. It rained.",
        "The “frozen conflict” persists in the north.",
    ],
)
def test_scare_quotes_and_plain_text_are_not_quotes(text: str) -> None:
    assert quotes.extract(text).empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relations between Kosovo and Metohija and Belgrade.",
            [("kosovo_name", "Kosovo and Metohija")],
        ),
        (
            "Police in Prishtina and Mitrovicë.",
            [("pristina", "Prishtina"), ("mitrovica", "Mitrovicë")],
        ),
        (
            "Rioters clashed with police in northern Kosovo.",
            [
                ("protesters", "rioters"),
                ("north_kosovo", "northern Kosovo"),
                ("kosovo_name", "Kosovo"),
            ],
        ),
        (
            "Kosovo unilaterally declared independence in 2008.",
            [("kosovo_name", "Kosovo"), ("independence_2008", "unilateral declaration")],
        ),
    ],
)
def test_terms(text: str, expected: list[tuple[str, str]]) -> None:
    t = terms.find_terms(text)
    assert list(zip(t["concept"], t["variant"])) == expected


@pytest.mark.parametrize(
    ("sentence", "frame", "question"),
    [
        ("Both sides accused each other of intransigence.", "conflict", "CO2"),
        ("The government must act urgently to tackle the crisis.", "responsibility", "RE5"),
        ("The sanctions will cost the economy billions.", "economic", "EC3"),
        ("It is our moral duty to help.", "morality", "MO1"),
        ("Peacekeeping troops were deployed to the north.", "security_defence", ""),
        ("Normalization talks facilitated by the EU have stalled.", "diplomacy_negotiation", ""),
    ],
)
def test_frame_cues(sentence: str, frame: str, question: str) -> None:
    f = framing.code_sentences(sentence)
    hit = f[(f["frame"] == frame) & (f["question"] == question)]
    assert len(hit) == 1
    assert sentence[hit.iloc[0].start : hit.iloc[0].end] == hit.iloc[0].cue


@pytest.mark.parametrize("sentence", ["The weather was mild on Tuesday.", "He walked to the shop."])
def test_no_frame_cues(sentence: str) -> None:
    assert framing.code_sentences(sentence).empty


def test_code_articles_positional_ids_and_evidence() -> None:
    out = framing.code_articles(
        ["Both sides accused each other. The dispute deepened.", "It rained."]
    )
    assert sorted(out["article_id"].unique()) == [0, 1]
    assert out.groupby("article_id").size().nunique() == 1  # every article gets every frame
    assert (out.loc[out["present"], "evidence"] != "").all()
    assert out[(out.article_id == 0) & (out.frame == "conflict")]["present"].item()


def test_frames_validation_against_human_coders() -> None:
    result = framing.validate(ROOT / "eval" / "narrative-frames", repeats=5)
    assert result["every_positive_has_evidence"]
    assert result["macro_f1"] > result["majority_macro_f1"] + 0.3
    assert result["macro_f1"] >= 0.60
    assert result["macro_f1"] > result["dictionary_only"]["f1"].mean()
    spread = result["split_spread"]
    assert spread["repeats"] == 5 and spread["min"] <= spread["mean"] <= spread["max"]
    assert spread["min"] >= 0.58 and spread["max"] - spread["min"] < 0.1


def test_model_vectors_are_scikit_learns() -> None:
    """The shipped models' TF-IDF, rebuilt without scikit-learn, equals TfidfVectorizer's."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = (
        framing.load_narrative_frames(ROOT / "eval" / "narrative-frames")["text"].head(40).tolist()
    )
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english").fit(texts)
    X = vec.transform(texts + ["Pristina's café: naïve “quotes”, 2008 — and Vučić."]).toarray()
    for row, text in zip(X, texts + ["Pristina's café: naïve “quotes”, 2008 — and Vučić."]):
        cols, w = textvec.tfidf(textvec.words(text), vec.vocabulary_, vec.idf_)
        mine = np.zeros(len(row))
        mine[cols] = w
        assert np.allclose(mine, row)


def test_shipped_frame_model_is_the_training_scripts() -> None:
    """bench/train_frames.py on the eval articles gives the shipped model (same presence
    decisions)."""
    _, texts, density, gold = framing.coded_eval_articles(ROOT / "eval" / "narrative-frames")
    refit = framing._loaded(framing.fit_frame_model(texts, density, gold))
    shipped = framing.frame_model()
    assert sorted(refit["frames"]) == sorted(shipped["frames"]) == sorted(framing.CODES.values())
    agree = total = 0
    for text, (_, d) in zip(texts, density.iterrows()):
        a, b = (
            framing.frame_probabilities(text, d.to_dict(), refit),
            framing.frame_probabilities(text, d.to_dict(), shipped),
        )
        for f in a:
            agree += (a[f] >= refit["frames"][f][2]) == (b[f] >= shipped["frames"][f][2])
            total += 1
    assert agree / total >= 0.99


def test_dictionary_only_rule_without_model() -> None:
    text = "Both sides accused each other. The dispute deepened."
    with_model, without = framing.code_articles([text]), framing.code_articles([text], model=None)
    assert without["probability"].isna().all()
    assert with_model.loc[with_model.scheme == "generic", "probability"].between(0, 1).all()
    assert (with_model["score"] == without["score"]).all()


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, str | None]]:
    meta = pd.read_csv(ROOT / "seeds" / "metadata.csv", dtype=str, keep_default_na=False).set_index(
        "file"
    )
    return {
        f[:3]: (
            clean.clean((ROOT / "seeds" / f).read_text(encoding="utf-8")).text,
            meta.at[f, "published"] or None,
        )
        for f in meta.index
    }


def test_seed_quotes_have_the_right_speakers(seeds: dict) -> None:
    def speakers(key: str) -> set[str]:
        text, pub = seeds[key]
        arts = pd.DataFrame({"article_id": [key], "text": [text], "published": [pub]})
        spans = [
            (a, b)
            for a, b in __import__("presslens.ingest.sentences", fromlist=["spans"]).spans(text)
        ]
        sents = pd.DataFrame(
            {
                "article_id": key,
                "sent_id": range(1, len(spans) + 1),
                "start": [a for a, _ in spans],
                "end": [b for _, b in spans],
                "text": [text[a:b] for a, b in spans],
            }
        )
        m = actors.mention_table(arts, sents)
        return set(quotes.quote_table(arts, sents, m)["speaker_actor"])

    assert {"albin_kurti", "elina_valtonen"} <= speakers("000")
    s003 = speakers("003")
    assert (
        "mark_rutte" in s003 and "jens_stoltenberg" not in s003
    )  # the 2025 NATO chief, never named
    assert {"jens_stoltenberg", "albin_kurti", "josep_borrell", "aleksandar_vucic"} <= speakers(
        "004"
    )


def test_seed_naming_choice(seeds: dict) -> None:
    t = terms.find_terms(seeds["002"][0])
    assert "Kosovo and Metohija" in set(t["variant"])


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NEWSY = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            "„",
            "«",
            "»",
            '"',
            "Kurti",
            " said",
            " he",
            ". ",
            "NATO's secretary general",
            "Kosovo and Metohija",
            " according to ",
            "Vucic",
            "\n",
            "—",
            "'",
        ]
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(st.one_of(TEXT, NEWSY))
def test_extractors_never_raise_and_offsets_are_valid(text: str) -> None:
    for r in quotes.extract(text).itertuples():
        assert text[r.start : r.end] == r.content
    for r in actors.find_mentions(text, published="2024-01-01").itertuples():
        assert text[r.start : r.end] == r.surface
    for r in terms.find_terms(text).itertuples():
        assert text[r.start : r.end] == r.surface
    for r in framing.code_sentences(text).itertuples():
        assert text[r.start : r.end] == r.cue


# ---- the lower-cased fast path finds exactly what the case-insensitive patterns find ---------


def _slow_frames(sentences: pd.DataFrame) -> pd.DataFrame:
    """The frames table computed only with the case-insensitive patterns (the reference)."""
    rows = []
    for s in sentences.itertuples(index=False):
        for scheme in ("generic", "issue"):
            for frame, question, pat, _ in framing.schemes()[scheme]:
                m = pat.search(s.text)
                if m:
                    rows.append(
                        (
                            s.article_id,
                            int(s.sent_id),
                            scheme,
                            frame,
                            question,
                            m.group(),
                            int(s.start) + m.start(),
                            int(s.start) + m.end(),
                        )
                    )
    return pd.DataFrame(rows, columns=framing.FRAME_COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"}
    )


def _sentences(texts: list[str]) -> pd.DataFrame:
    rows = [
        (i, k + 1, a, t[a:b])
        for i, t in enumerate(texts)
        for k, (a, b) in enumerate(framing.splitter.spans(t))
    ]
    return pd.DataFrame(rows, columns=["article_id", "sent_id", "start", "text"])


def test_fast_cue_matching_equals_case_insensitive_on_real_articles() -> None:
    texts = framing.load_narrative_frames(ROOT / "eval" / "narrative-frames")["text"].tolist()
    texts += [
        (ROOT / "seeds" / f).read_text(encoding="utf-8")
        for f in sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    ]
    sents = _sentences(texts)
    fast = framing.frame_table(sents)
    assert len(sents) > 7000 and len(fast) > 5000
    pd.testing.assert_frame_equal(fast, _slow_frames(sents))


CASE_TRAPS = [
    "İ",
    "ı",
    "ſ",
    "\u212a",
    "ß",
    "Σ",
    "ﬁ",
    "É",
    "NATO",
    "EU",
    "Children",
    "KILLED",
    "$5",
    "€ 3",
    " billion",
]


@SETTINGS
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                CASE_TRAPS + ["ſanction", "Kılled", "İnjured", "famİly", "\u212ailled", "crİsis"]
            ),
            st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
        ),
        max_size=25,
    ).map(" ".join)
)
def test_fast_cue_matching_equals_case_insensitive_on_arbitrary_text(text: str) -> None:
    sents = pd.DataFrame({"article_id": [0], "sent_id": [1], "start": [0], "text": [text]})
    pd.testing.assert_frame_equal(framing.frame_table(sents), _slow_frames(sents))
