"""Score the temporal tagger on the two TIMEX3 gold sets, each split apart:

- seeds: eval/seeds-timex/timex_gold.csv on the five seed articles (tuned on);
- climate dev and climate held-out: eval/climate-timex/timex_gold.csv (30 real climate articles,
  2017-2019, labelled blind to the tagger) and eval/climate-timex/yearless_months.csv (every
  month, weekday or season named without its year in the 275 articles, with the reader's year).
  Rules are tuned on dev only; held-out is reported, never looked at row by row.

For each part it prints strict and relaxed span F1, TempEval-3 value F1 (a predicted timex counts
when its span overlaps a gold span and its value equals the gold value; F1 over gold and
predicted) with a bootstrap 95% interval over articles, and the share of year-less months,
weekdays and seasons given the reader's year (Wilson 95% interval; rows the reader marks
`unclear` left out). Each article is tagged against its publication date, then the corpus pass of
stage 40 runs over all articles of the part (a month without a year takes the year other articles
give the same event); ``--no-corpus-pass`` scores the tagger alone. ``--errors dev`` lists the dev
misses (never held-out); ``--agreement`` compares the second annotator with the first
(eval/climate-timex/timex_pass2.csv on 6 articles, yearless_pass2.csv on 11).

    .venv/bin/python bench/timex_gold.py
    .venv/bin/python bench/timex_gold.py --agreement
    .venv/bin/python bench/timex_gold.py --errors dev
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from presslens.core import paths
from presslens.measure.metrics import wilson
from presslens.validate.timex import bootstrap, counts, f1, predict
from presslens.validate.timex import climate as score_climate
from presslens.validate.timex_gold import locate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "eval" / "seeds-timex" / "timex_gold.csv"
CLIMATE = ROOT / "eval" / "climate-timex"
CLIMATE_TSV = paths.eval_dir() / "narrative-frames" / "articles_metadata.dev.tsv"


def report(
    name: str, gold: pd.DataFrame, pred: pd.DataFrame, yl: dict[str, tuple[int, int]] | None
) -> None:
    """Print the figures of one part."""
    c = counts(gold, pred)
    lo, hi = bootstrap(c, "value")
    print(
        f"{name}: {c['file'].nunique()} articles, {int(c['gold'].sum())} gold timexes, "
        f"{int(c['pred'].sum())} predicted"
    )
    print(f"  strict span F1 {f1(c, 'strict'):.3f}   relaxed span F1 {f1(c, 'relaxed'):.3f}")
    print(f"  value F1 (TempEval-3) {f1(c, 'value'):.3f}  [95% bootstrap {lo:.3f}-{hi:.3f}]")
    for kind, (k, n) in (yl or {}).items():
        if n:
            wl, wh = wilson(k, n)
            what = "months/weekdays/seasons" if kind == "all" else f"{kind}s (of them)"
            print(
                f"  year-less {what} in the reader's year: {k}/{n} = {k / n:.3f}  "
                f"[95% Wilson {wl:.3f}-{wh:.3f}]"
            )


def seeds(corpus_pass: bool) -> None:
    """The seeds part."""
    meta = pd.read_csv(SEEDS / "metadata.csv", dtype=str, keep_default_na=False)
    texts = {f: (SEEDS / f).read_text(encoding="utf-8") for f in meta["file"]}
    dates = {f: (p or None) for f, p in zip(meta["file"], meta["published"])}
    gold = locate(pd.read_csv(SEEDS_GOLD, dtype={"occurrence": int}, keep_default_na=False), texts)
    report("seeds", gold, predict(texts, dates, corpus_pass), None)


def climate(corpus_pass: bool, errors: str) -> None:
    """The climate parts, dev and held-out apart; the corpus pass sees all 275 articles."""
    got = score_climate(paths.eval_dir(), corpus_pass=corpus_pass)
    for split in ("dev", "heldout"):
        r = got[split]
        report(f"climate {split}", r["gold"], r["pred"], r["yearless"])
        if errors == split == "dev":
            list_errors(r["gold"], r["pred"], r["yearless_rows"], got["texts"], got["pred"])


def list_errors(
    gold: pd.DataFrame, p: pd.DataFrame, y: pd.DataFrame, texts: dict[str, str], pred: pd.DataFrame
) -> None:
    """The dev misses: gold timexes without an overlapping prediction of the same value,
    predictions without gold, and year-less mentions given another year."""
    for r in gold.itertuples():
        q = p[(p["file"] == r.file) & (p["start"] < r.end) & (p["end"] > r.start)]
        if not (q["value"] == r.value).any():
            got = q[["text", "value"]].values.tolist()
            print(f"  MISS {r.file} {r.expression!r} {r.type} {r.value} got {got}")
    for r in p.itertuples():
        q = gold[(gold["file"] == r.file) & (gold["start"] < r.end) & (gold["end"] > r.start)]
        if q.empty:
            print(f"  EXTRA {r.file} {r.text!r} {r.value}")
    located = locate(y[y["year"] != "unclear"], texts)
    for r in located.itertuples():
        q = pred[(pred["file"] == r.file) & (pred["start"] < r.end) & (pred["end"] > r.start)]
        if not any(str(v).startswith(r.year) for v in q["value"]):
            got = q[["value", "basis"]].values.tolist()
            print(
                f"  YEAR {r.file} {r.date} {r.expression!r} gold {r.month_value} got {got}: "
                f"{r.sentence[:140]}"
            )


def agreement() -> None:
    """The second annotator against the first: on 6 articles, the first's timexes as gold and the
    second's as predicted (span F1, value F1); on 11 articles' year-less mentions, the share both
    give the same year (mentions both listed, matched by overlapping spans)."""
    arts = pd.read_csv(CLIMATE_TSV, sep="\t", dtype=str, keep_default_na=False)
    texts = dict(zip(arts["ID"], arts["text"]))
    first = pd.read_csv(CLIMATE / "timex_gold.csv", dtype=str, keep_default_na=False)
    second = pd.read_csv(CLIMATE / "timex_pass2.csv", dtype=str, keep_default_na=False)
    files = sorted(set(second["file"]))
    one = locate(first[first["file"].isin(files)].astype({"occurrence": int}), texts)
    two = locate(second.astype({"occurrence": int}), texts)
    c = counts(one, two.rename(columns={"expression": "text"}))
    print(
        f"agreement, {len(files)} articles, {int(c['gold'].sum())} and {int(c['pred'].sum())} "
        f"timexes: relaxed span F1 {f1(c, 'relaxed'):.3f}, value F1 {f1(c, 'value'):.3f}"
    )
    y1 = pd.read_csv(CLIMATE / "yearless_months.csv", dtype=str, keep_default_na=False)
    y2 = pd.read_csv(CLIMATE / "yearless_pass2.csv", dtype=str, keep_default_na=False)
    a = locate(y1[y1["file"].isin(set(y2["file"]))].astype({"occurrence": int}), texts)
    b = locate(y2.astype({"occurrence": int}), texts)
    same = both = 0
    for r in a.itertuples():
        q = b[(b["file"] == r.file) & (b["start"] < r.end) & (b["end"] > r.start)]
        if len(q):
            both += 1
            same += str(q["year"].iloc[0]) == str(r.year)
    lo, hi = wilson(same, both)
    print(
        f"agreement, year-less mentions both listed: {same}/{both} the same year "
        f"({lo:.2f}-{hi:.2f}); listed by the first only {len(a) - both}, by the second "
        f"{len(b)}"
    )


def main() -> None:
    """Print the figures of every part."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-corpus-pass", action="store_true", help="score the tagger alone")
    ap.add_argument("--errors", choices=["dev"], default="", help="list the dev misses")
    ap.add_argument("--agreement", action="store_true", help="the two annotators' agreement")
    args = ap.parse_args()
    if args.agreement:
        agreement()
        return
    seeds(not args.no_corpus_pass)
    if (CLIMATE / "timex_gold.csv").exists() and CLIMATE_TSV.exists():
        climate(not args.no_corpus_pass, args.errors)
    else:
        print("climate gold not found: eval/climate-timex/timex_gold.csv")


if __name__ == "__main__":
    main()
