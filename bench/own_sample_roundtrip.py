"""The own-sample loop end to end on real labels: NewsMTSC devtest_rw (held out from the `toward`
model's training) as a corpus, one article per sentence; presslens runs stages 10 and 30, draws a
coding sheet, and the sheet's tone_toward rows are filled with the NewsMTSC annotators' polarity
where the sampled mention is the labelled target (others left empty, as a coder who cannot tell).
Prints the own_agreement rows for tone_toward. Nothing here is tuned.

    python bench/own_sample_roundtrip.py [WORKDIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from presslens import stages
from presslens.core import paths, tables
from presslens.validate import own_codes, own_sample

EVAL = paths.eval_dir() / "newsmtsc" / "devtest_rw.jsonl"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def corpus(work: Path) -> tuple[Path, dict[str, tuple[str, int, int, str]]]:
    """The sentences as a jsonl corpus and each one's labelled target (surface, from, to, label)."""
    rows, gold = [], {}
    for i, line in enumerate(EVAL.read_text(encoding="utf-8").splitlines()):
        r = json.loads(line)
        t = r["targets"][0]
        aid = f"s{i:04d}"
        rows.append(
            {
                "id": aid,
                "text": r["sentence_normalized"],
                "outlet": r["primary_gid"].split("_")[0],
                "title": "",
            }
        )
        gold[aid] = (t["mention"], int(t["from"]), int(t["to"]), POLARITY[float(t["polarity"])])
    path = work / "newsmtsc.jsonl"
    pd.DataFrame(rows).to_json(path, orient="records", lines=True, force_ascii=False)
    return path, gold


def main(work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    path, gold = corpus(work)
    run = work / "run"
    if not tables.exists("actor_tone", run):
        stages.clean_corpus(path, run, pack="", engine="pandas", progress=False)
        stages.code_framing(run, engine="pandas", progress=False)
    arts = tables.read("articles", run, columns=["article_id", "text", "status"])
    sample = own_sample.draw(run, n_per_stratum=400, max_rows=2400)
    sheet = sample[[*own_sample.SHEET_COLUMNS, own_sample.ITEM]].astype("string").fillna("")
    text = dict(zip(arts["article_id"], arts["text"]))
    filled = 0
    for i, r in sheet.iterrows():
        if r["variable"] != "tone_toward":
            continue
        g = gold.get(r["article_id"])
        if g is None:
            continue
        surface, start, end, label = g
        s, e = int(r["start"]), int(r["end"])
        body = text[r["article_id"]]
        if body[start:end] != surface:  # cleaning moved the text: the target's first occurrence
            start = body.find(surface)
            end = start + len(surface)
        same = start >= 0 and s < end and start < e  # the sampled mention is the target
        if same:
            sheet.loc[i, ["value", "coder"]] = [label, "newsmtsc"]
            filled += 1
    sheet.to_csv(work / "codes.csv", index=False)
    own = own_codes.own_agreement(run, work / "codes.csv")
    t = own["table"]
    print(
        f"articles {len(arts)}, sheet rows {own['rows']}, tone rows coded {filled}, "
        f"left empty {own['empty']}"
    )
    cols = [
        "variable",
        "outlet",
        "n",
        "accuracy",
        "accuracy_lo",
        "accuracy_hi",
        "macro_f1",
        "macro_f1_lo",
        "macro_f1_hi",
        "alpha",
        "alpha_lo",
        "alpha_hi",
    ]
    print(t.loc[t["variable"] == "tone_toward", cols].round(3).to_string(index=False))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/own-demo"))
