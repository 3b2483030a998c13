"""Checking presslens on your own sample: the draw (stratified, bounded, deterministic), the coding
sheet and its page, reading a filled sheet back (clear errors), the agreement figures (known
numbers, the krippendorff package), stage 90's own_agreement and the start page's part."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from presslens import stages
from presslens.core import tables
from presslens.pipeline import cli, notebooks
from presslens.report import own_sample_page
from presslens.report.summary import own_sample as summary
from presslens.validate import own_codes, own_sample

OUTLETS = ["big.example"] * 24 + ["mid.example"] * 6 + ["small.example"] * 4
LABELS = ["negative", "neutral", "positive", "neutral"]
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


def _article(i: int, outlet: str) -> tuple[dict, list[dict]]:
    """One article of the small run: three sentences, the second naming Ana Novak."""
    first = f"Story {i} opens here." if i else f"Story 0 opens with {HOSTILE}."
    texts = [first, "Ana Novak said the talks would go on.", "Nothing else happened."]
    starts = [0, len(texts[0]) + 1, len(texts[0]) + len(texts[1]) + 2]
    aid = f"a{i:02d}"
    article = dict(article_id=aid, file=f"{aid}.txt", outlet=outlet, url="", published="",
                   title=f"Title {i}", text=" ".join(texts), raw_sha256="0", status="ok",
                   reason="")  # fmt: skip
    sents = [dict(article_id=aid, sent_id=k + 1, start=s, end=s + len(t), text=t)
             for k, (s, t) in enumerate(zip(starts, texts))]  # fmt: skip
    return article, sents


def _write_run(out: Path) -> Path:
    """A small finished run: 34 articles from three outlets, frames (one rare), a mention, a
    quote and two actors per article."""
    arts, sents = zip(*(_article(i, o) for i, o in enumerate(OUTLETS)))
    ids = [a["article_id"] for a in arts]
    frames = [dict(article_id=a, scheme="generic", frame=f, present=(f == "conflict") == (i > 0)
                   if f != "morality" else i == 3, score=0.5, evidence="2")
              for i, a in enumerate(ids) for f in ("conflict", "morality")]  # fmt: skip
    start = [s[1]["start"] for s in sents]
    mentions = pd.DataFrame(dict(article_id=ids, sent_id=2, actor="ana_novak", start=start,
                                 end=[s + 9 for s in start], surface="Ana Novak"))  # fmt: skip
    tone = mentions.assign(label=[LABELS[i % 4] for i in range(len(ids))], score=0.0)
    quotes = pd.DataFrame(dict(article_id=ids, sent_id=2, speaker="Ana Novak",
                               speaker_actor="ana_novak", cue="said", content="the talks go on",
                               kind="indirect", start=[s + 15 for s in start],
                               end=[s + 36 for s in start]))  # fmt: skip
    actors = pd.DataFrame(dict(actor=["ana_novak", "talks"], name=["Ana Novak", "Talks"],
                               type=["person", "organisation"], source="discovered",
                               mentions=[len(ids), 0], quotes=[len(ids), 0]))  # fmt: skip
    tables.write(pd.DataFrame(arts), "articles", out)
    tables.write(pd.DataFrame([s for a in sents for s in a]), "sentences", out)
    tables.write(pd.DataFrame(frames), "article_frames", out)
    tables.write(mentions, "mentions", out)
    tables.write(tone, "actor_tone", out)
    tables.write(quotes, "quotes", out)
    tables.write(actors, "actors", out)
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_run(tmp_path_factory.mktemp("own") / "run")


@pytest.fixture(scope="module")
def drawn(run: Path) -> pd.DataFrame:
    return own_sample.draw(run)


def _fill(sample: pd.DataFrame, path: Path, *, coder: str = "ann", change=None) -> Path:
    """The sheet filled with presslens's answers, then `change(sheet)` applied; written to path."""
    sheet = sample[[*own_sample.SHEET_COLUMNS, own_sample.ITEM]].astype("string").fillna("")
    sheet["value"], sheet["coder"] = sheet["presslens"], coder
    if change is not None:
        sheet = change(sheet)
    sheet.to_csv(path, index=False)
    return path


# ---- the draw --------------------------------------------------------------------------------


def test_a_draw_is_the_same_every_time_and_has_every_variable(run: Path, drawn) -> None:
    assert drawn.equals(own_sample.draw(run))
    assert set(drawn["variable"]) == {"frame:generic.conflict", "frame:generic.morality",
                                      "tone_toward", "speaker", "actor_is_real",
                                      "actor_type"}  # fmt: skip
    assert set(drawn["value"]) == {""} and set(drawn["coder"]) == {""}
    assert not drawn.duplicated(["unit", "article_id", "start", "end", "variable"]).any()


def test_a_rare_answer_is_sampled(drawn) -> None:
    """One article of 34 has the morality frame: it is drawn whatever the seed."""
    morality = drawn[drawn["variable"] == "frame:generic.morality"]
    assert "a03" in set(morality.loc[morality["presslens"] == "yes", "article_id"])
    tone = drawn[drawn["variable"] == "tone_toward"]
    assert set(tone["presslens"]) == {"negative", "neutral", "positive"}
    assert len(tone) == len(OUTLETS)  # fewer mentions than its share of the sheet: every one


@pytest.mark.parametrize("max_rows", [8, 40, 300])
def test_the_sheet_is_bounded(run: Path, max_rows: int) -> None:
    assert len(own_sample.draw(run, max_rows=max_rows)) <= max_rows


def test_another_seed_draws_other_units_of_every_variable(run: Path, drawn) -> None:
    one, other = own_sample.draw(run, max_rows=40), own_sample.draw(run, max_rows=40, seed=5)
    assert set(other["variable"]) == set(one["variable"]) == set(drawn["variable"])
    assert not other[["article_id", "variable"]].equals(one[["article_id", "variable"]])


def test_a_folder_without_tables_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no tables"):
        own_sample.draw(tmp_path)
    assert cli.main(["sample", "--out", str(tmp_path)]) == 2


# ---- the sheet, its guide and its page -------------------------------------------------------


def test_the_cli_writes_sheet_guide_and_page_beside_the_run(run: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sheet"
    assert cli.main(["sample", "--out", str(run), "--to", str(folder), "--n", "60"]) == 0
    sheet = pd.read_csv(folder / "codes.csv", dtype=str, keep_default_na=False)
    assert list(sheet.columns) == [*own_sample.SHEET_COLUMNS, own_sample.ITEM]
    assert 0 < len(sheet) <= 60
    guide = (folder / "codes_guide.md").read_text(encoding="utf-8")
    for variable in own_sample.variables():
        assert f"### {variable}" in guide
    assert own_sample.sheet_folder(run) == run.with_name("run.sample")


def test_the_page_escapes_article_text_and_links_the_sentences(run: Path, tmp_path: Path) -> None:
    sample = own_sample.draw(run)
    sample = sample[sample["article_id"] == "a00"]
    own_sample_page.write_sheet(sample, run, tmp_path / "sheet")
    page = (tmp_path / "sheet" / "sample.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold" in page
    assert "<script>" not in page and "<b>bold" not in page
    articles = os.path.relpath(run / "articles", tmp_path / "sheet")
    assert f'href="{articles}/a00.html#s2"' in page
    assert '<mark class="quote">Ana Novak</mark>' in page


# ---- reading a filled sheet ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("tone_toward", "  Negative ", "negative"),
        ("tone_toward", "neg", "negative"),
        ("frame:generic.conflict", "Y", "yes"),
        ("frame:generic.conflict", "no", "no"),  # must not change
        ("actor_type", "Organization", "organisation"),
        ("actor_type", "person", "person"),  # must not change
        ("speaker", "Ana   Novak", "ana novak"),
        ("my_own_question", "Maybe  so", "maybe so"),  # a user's variable: no synonyms
        ("my_own_question", "neg", "neg"),  # must not change
        ("tone_toward", "", ""),
    ],
)
def test_answers_compare_after_normalising(variable: str, value: str, expected: str) -> None:
    assert own_codes.answer(variable, value) == expected


def _bad_missing_column(s: pd.DataFrame) -> pd.DataFrame:
    return s.drop(columns=["coder"])


def _bad_value(s: pd.DataFrame) -> pd.DataFrame:
    s.loc[s["variable"] == "tone_toward", "value"] = ["maybe"] + [""] * (
        (s["variable"] == "tone_toward").sum() - 1
    )
    return s


def _bad_unit(s: pd.DataFrame) -> pd.DataFrame:
    s.loc[s.index[0], "unit"] = "paragraph"
    return s


def _bad_offset(s: pd.DataFrame) -> pd.DataFrame:
    s.loc[s["unit"] == "mention", "start"] = "x12"
    return s


def _conflict(s: pd.DataFrame) -> pd.DataFrame:
    twice = s[s["variable"] == "tone_toward"].head(1).assign(value="positive")
    once = s[s["variable"] == "tone_toward"].head(1).assign(value="negative")
    return pd.concat([s[s["variable"] != "tone_toward"], once, twice])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_bad_missing_column, r"missing column\(s\) coder"),
        (_bad_value, r"line \d+: value 'maybe' is not an answer to tone_toward \(allowed: "),
        (_bad_unit, r"line 2: unit 'paragraph' is not one of"),
        (_bad_offset, r"line \d+: start 'x12' is not a whole number"),
        (_conflict, r"lines \d+, \d+: coder 'ann' gives tone_toward of one unit different"),
    ],
)
def test_a_bad_sheet_is_refused_with_a_clear_error(drawn, tmp_path: Path, change, message) -> None:
    path = _fill(drawn, tmp_path / "codes.csv", change=change)
    with pytest.raises(ValueError, match=message):
        own_codes.read_codes(path)
    with pytest.raises(notebooks.ParameterError, match=message):
        notebooks._check_codes(str(path))  # before a run starts


def test_a_missing_sheet_is_refused_before_the_run() -> None:
    with pytest.raises(notebooks.ParameterError, match="does not exist"):
        notebooks._check_codes("/no/such/codes.csv")


def test_empty_values_are_left_out_and_counted(drawn, tmp_path: Path) -> None:
    def half(s: pd.DataFrame) -> pd.DataFrame:
        s.loc[s.index[::2], "value"] = ""
        return s

    codes = own_codes.read_codes(_fill(drawn, tmp_path / "codes.csv", change=half))
    assert codes.attrs["empty"] == (len(drawn) + 1) // 2
    assert len(codes) == len(drawn) // 2


def test_a_spreadsheet_s_bom_and_decimals_are_read(drawn, tmp_path: Path) -> None:
    path = _fill(drawn, tmp_path / "codes.csv")
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    sheet["start"] = sheet["start"].map(lambda v: f"{v}.0" if v else v)
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    codes = own_codes.read_codes(path)
    assert len(codes) == len(drawn) and not codes["start"].str.contains(r"\.").any()


# ---- the figures -----------------------------------------------------------------------------


def test_known_numbers() -> None:
    got = own_codes.compare(["yes", "yes", "no", "no"], ["yes", "no", "no", "no"])
    assert got["n"] == 4 and got["accuracy"] == 0.75
    assert got["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
    # nominal alpha by hand: 8 values, 2 disagreeing pairs, n_yes = 3, n_no = 5
    assert got["alpha"] == pytest.approx(1 - 7 * 2 / (2 * 3 * 5))
    assert got["accuracy_lo"] <= got["accuracy"] <= got["accuracy_hi"]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_bootstrap_scores_equal_the_krippendorff_package(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
    b[:20] = a[:20]
    _, _, alpha = own_codes.scores(a[None, :], b[None, :], 3)
    assert alpha[0] == pytest.approx(own_codes.kripp_alpha(list(map(str, a)), list(map(str, b))))


def test_presslens_agrees_fully_with_a_coder_who_gives_its_answers(run: Path, drawn, tmp_path):
    own = own_codes.own_agreement(run, _fill(drawn, tmp_path / "codes.csv"))
    table = own["table"]
    assert list(table.columns) == own_codes.COLUMNS
    assert (table["accuracy"] == 1).all() and (table["macro_f1"] == 1).all()
    assert set(table["alpha"].dropna()) == {1.0}  # undefined where one answer only (is_real)
    assert table.loc[table["variable"] == "actor_is_real", "alpha"].isna().all()
    assert own["changed"] == 0 and own["coders"] == ["ann"]


def test_known_disagreements_give_known_numbers(run: Path, drawn, tmp_path: Path) -> None:
    def flip(s: pd.DataFrame) -> pd.DataFrame:
        tone = s.index[s["variable"] == "tone_toward"]
        s.loc[tone[:3], "value"] = "positive"
        return s

    tone = drawn[drawn["variable"] == "tone_toward"]
    wrong = int((tone["presslens"].head(3) != "positive").sum())
    own = own_codes.own_agreement(run, _fill(drawn, tmp_path / "codes.csv", change=flip))
    row = own["table"].set_index(["variable", "outlet"]).loc[("tone_toward", "(all outlets)")]
    assert row["n"] == len(tone)
    assert row["accuracy"] == pytest.approx(1 - wrong / len(tone))
    assert row["alpha"] < 1


def test_two_coders_and_outlets_with_enough_units(run: Path, drawn, tmp_path: Path) -> None:
    def second(s: pd.DataFrame) -> pd.DataFrame:
        bob = s.assign(coder="bob")
        bob.loc[bob["variable"] == "frame:generic.conflict", "value"] = "yes"
        return pd.concat([s, bob])

    big = own_sample.draw(run, n_per_stratum=30, max_rows=300)
    own = own_codes.own_agreement(run, _fill(big, tmp_path / "codes.csv", change=second))
    t = own["table"]
    pairs = set(zip(t["rater_a"], t["rater_b"]))
    assert pairs == {("presslens", "ann"), ("presslens", "bob"), ("ann", "bob")}
    coders = t[(t["rater_a"] == "ann") & (t["outlet"] == "(all outlets)")].set_index("variable")
    assert coders.at["tone_toward", "alpha"] == 1.0
    assert coders.at["frame:generic.conflict", "accuracy"] < 1
    assert "big.example" in set(t["outlet"]) and "small.example" not in set(t["outlet"])
    assert (t.loc[t["outlet"] != "(all outlets)", "n"] >= 20).all()


def test_a_user_s_own_variable_is_compared_between_coders_only(run, drawn, tmp_path) -> None:
    def own_question(s: pd.DataFrame) -> pd.DataFrame:
        articles = s[s["unit"] == "article"].drop_duplicates("article_id").head(12)
        extra = articles.assign(variable="alarmist", presslens="")
        extra["value"] = ["a", "b", "a"] * 4
        other = extra.assign(coder="bob", value=["a", "b", "b"] * 4)
        return pd.concat([s, extra, other])

    own = own_codes.own_agreement(run, _fill(drawn, tmp_path / "codes.csv", change=own_question))
    rows = own["table"][own["table"]["variable"] == "alarmist"]
    assert list(zip(rows["rater_a"], rows["rater_b"])) == [("ann", "bob")]
    assert rows["accuracy"].iloc[0] == pytest.approx(8 / 12)
    assert own["own_variables"] == ["alarmist"]


def test_an_answer_changed_since_the_draw_is_reported(drawn, tmp_path: Path) -> None:
    changed = _write_run(tmp_path / "run")
    tone = tables.read("actor_tone", changed)
    tables.write(tone.assign(label="negative"), "actor_tone", changed)
    own = own_codes.own_agreement(changed, _fill(drawn, tmp_path / "codes.csv"))
    n_tone = int((drawn.loc[drawn["variable"] == "tone_toward", "presslens"] != "negative").sum())
    assert own["changed"] == n_tone
    row = own["table"].set_index(["variable", "outlet"]).loc[("tone_toward", "(all outlets)")]
    assert row["changed"] == n_tone and row["accuracy"] == 1.0  # the sheet's answers count


# ---- stage 90 and the start page -------------------------------------------------------------


def test_stage_90_writes_own_agreement_with_and_without_a_sheet(run, drawn, tmp_path) -> None:
    out = tmp_path / "run"
    shutil.copytree(run, out)
    eval_dir = tmp_path / "no-eval"
    stages.validate_methods(out, eval_dir=eval_dir, frame_split_repeats=0)
    empty = tables.read("own_agreement", out)
    assert list(empty.columns) == own_codes.COLUMNS and not len(empty)
    sheet = _fill(drawn, tmp_path / "codes.csv")
    result = stages.validate_methods(out, eval_dir=eval_dir, frame_split_repeats=0, codes=sheet)
    written = tables.read("own_agreement", out)
    assert len(written) == len(result["own"]["table"]) > 0


def test_the_start_page_part_is_bounded_escaped_and_absent_without_a_sheet(run, drawn, tmp_path):
    assert (
        summary.own_sample_blocks(None) == [] and summary.own_sample_html(own_codes.empty()) == ""
    )
    assert summary.own_sample_lines(own_codes.empty()) == []

    def hostile(s: pd.DataFrame) -> pd.DataFrame:
        return s.assign(coder=HOSTILE)

    own = own_codes.own_agreement(run, _fill(drawn, tmp_path / "codes.csv", change=hostile))
    html = str(summary.own_sample_html(own["table"]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "data/own_agreement.csv" in html
    frames = [v for v in summary.rows(own["table"])["variable"] if v.startswith("frame:")]
    assert frames == ["frame:* (all frames)"]  # one row for all frames; each is in notebook 90
    lines = summary.own_sample_lines(own["table"])
    assert len(lines) == 5 and lines[1].startswith("tone_toward: presslens vs ")
    many = pd.concat([own["table"]] * 10, ignore_index=True)
    table = next(b for b in summary.own_sample_blocks(many) if b["kind"] == "table")["table"]
    assert len(table.rows) <= summary.MAX_ROWS


@pytest.mark.chain
def test_a_seeds_run_checked_on_its_own_sample(seeds_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    shutil.copytree(seeds_run, out)
    sample = own_sample.draw(out)
    assert set(sample["variable"].map(own_sample.family)) >= {"frame", "tone_toward", "speaker"}
    written = own_sample_page.write_sheet(sample, out, own_sample.sheet_folder(out))
    page = written["page"].read_text(encoding="utf-8")
    assert 'href="../reports/articles/' in page
    sheet = _fill(sample, tmp_path / "codes.csv")
    stages.validate_methods(out, eval_dir=tmp_path / "no-eval", frame_split_repeats=0, codes=sheet)
    own = tables.read("own_agreement", out)
    assert len(own) and (own["accuracy"] == 1).all()


def test_presslens_run_refuses_a_bad_sheet_before_running(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "codes.csv"
    bad.write_text("unit,article_id,variable,value\narticle,a,frame:x,yes\n", encoding="utf-8")
    assert cli.main(["run", "--out", str(tmp_path / "run"), "-p", "codes", str(bad)]) == 2
    assert "missing column(s) sent_id" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()


@pytest.mark.chain
def test_presslens_run_with_a_filled_sheet(root: Path, tmp_path: Path, monkeypatch) -> None:
    """Draw from a run, fill, rerun with `-p codes` (a path relative to the caller's folder):
    own_agreement has the rows, the stages before 90 are reused, and an edited sheet reruns 90."""
    from presslens.pipeline import runner

    chain = tmp_path / "notebooks"
    chain.mkdir()
    for name in ("10-clean-articles", "30-code-framing", "90-validate-methods"):
        shutil.copy(root / "notebooks" / f"{name}.ipynb", chain)
    out, params = tmp_path / "run", {"frame_split_repeats": 0}
    runner.run(root / "seeds", out, params, notebooks=chain, progress=False)
    assert not len(tables.read("own_agreement", out))
    sample = own_sample.draw(out)
    folder = own_sample_page.write_sheet(sample, out, own_sample.sheet_folder(out))["sheet"].parent
    _fill(sample, folder / "codes.csv")
    monkeypatch.chdir(folder)
    again = runner.run(root / "seeds", out, {**params, "codes": "codes.csv"}, notebooks=chain,
                       progress=False)  # fmt: skip
    assert again["cached"] == ["10-clean-articles", "30-code-framing"]
    own = tables.read("own_agreement", out)
    assert len(own) and (own["accuracy"] == 1).all() and (own["changed"] == 0).all()

    def frames_absent(s: pd.DataFrame) -> pd.DataFrame:
        s.loc[s["unit"] == "article", "value"] = "no"
        return s

    _fill(sample, folder / "codes.csv", change=frames_absent)
    edited = runner.run(root / "seeds", out, {**params, "codes": "codes.csv"}, notebooks=chain,
                        progress=False)  # fmt: skip
    assert "90-validate-methods" not in edited["cached"]
    assert (tables.read("own_agreement", out)["accuracy"] < 1).any()
