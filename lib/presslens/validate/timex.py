"""The temporal tagger against the TimeML gold on real climate news (eval/climate-timex: 30
articles annotated blind to the tagger, and every month, weekday or season named without its year
in the 275 articles with the year a reader gives it), development and held-out halves apart.

`climate` tags each article against its publication date, runs stage 40's corpus pass (a month
without a year takes the year other articles give the same event), and returns per split the
TempEval-3 value F1 (a predicted timex counts when its span overlaps a gold span and its value
equals the gold value; bootstrap 95% interval over articles), the relaxed and strict span F1, and
the share of year-less mentions given the reader's year (Wilson interval). Used by stage 90 and
``bench/timex_gold.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from presslens.extract import timeline
from presslens.measure import events
from presslens.measure.metrics import precision_recall_f1
from presslens.validate import timex_gold

N_BOOT = 2000


def predict(texts: dict[str, str], dates: dict[str, str | None], corpus_pass: bool) -> pd.DataFrame:
    """The tagger's timexes of every text (key `file`), with the corpus pass of stage 40."""
    tagged = [timeline.tag(t, dates.get(f)).assign(file=f) for f, t in texts.items()]
    pred = pd.concat(tagged, ignore_index=True)
    if not corpus_pass or pred.empty:
        return pred
    tx = pred.rename(columns={"file": "article_id"}).assign(sent_id=0)
    sents = pd.DataFrame(
        {"article_id": list(texts), "sent_id": 0, "start": 0, "text": list(texts.values())}
    )
    arts = pd.DataFrame(
        {"article_id": list(texts), "outlet": "", "published": [dates.get(f) for f in texts]}
    )
    ev = events.event_table(tx, sents, None, arts)
    moved = events.redate(ev, events.dated_evidence(ev))
    moved = moved[moved["basis"] != ev["basis"]].set_index(["article_id", "start"])
    for col in ("value", "begin", "finish", "basis"):
        keyed = pd.Series(moved[col].to_dict())
        idx = list(zip(pred["file"], pred["start"]))
        pred[col] = [keyed.get(k, v) for k, v in zip(idx, pred[col])]
    return pred


def counts(gold: pd.DataFrame, pred: pd.DataFrame) -> pd.DataFrame:
    """Per article: gold, predicted, strict and relaxed span matches, value matches."""
    rows = []
    for f in sorted(set(gold["file"]) | set(pred["file"])):
        g, p = gold[gold["file"] == f], pred[pred["file"] == f]
        s = timex_gold.score(g, p)
        rows.append(
            (
                f,
                s["n_gold"],
                s["n_predicted"],
                s["n_strict"],
                s["n_relaxed"],
                round(s["value_accuracy"] * s["n_relaxed"]),
            )
        )
    return pd.DataFrame(rows, columns=["file", "gold", "pred", "strict", "relaxed", "value"])


def f1(c: pd.DataFrame, col: str) -> float:
    """F1 of the matches in column `col` over gold and predicted."""
    return precision_recall_f1(int(c[col].sum()), int(c["pred"].sum()), int(c["gold"].sum()))[2]


def bootstrap(c: pd.DataFrame, col: str, n: int = N_BOOT) -> tuple[float, float]:
    """95% percentile interval of the F1 of `col`, articles resampled (fixed seed)."""
    rng = np.random.default_rng(20)
    arr = c[["gold", "pred", col]].to_numpy(dtype=np.int64)
    picks = rng.integers(0, len(arr), size=(n, len(arr)))
    sums = arr[picks].sum(axis=1)
    tp, npred, ngold = sums[:, 2], sums[:, 1], sums[:, 0]
    denom = npred + ngold
    stats = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    return float(np.quantile(stats, 0.025)), float(np.quantile(stats, 0.975))


_SEASON = r"(?i)spring|summer|autumn|fall|winter"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?s?$"


def yearless(
    rows: pd.DataFrame, texts: dict[str, str], pred: pd.DataFrame
) -> dict[str, tuple[int, int]]:
    """(right, all) year-less mentions whose predicted value has the reader's year, in all and by
    kind (month, weekday, season); a mention the tagger misses counts as wrong, `unclear` rows are
    left out."""
    rows = rows[rows["year"] != "unclear"]
    located = timex_gold.locate(rows, texts)
    kind = pd.Series("month", index=located.index)
    kind[located["expression"].str.contains(_SEASON)] = "season"
    kind[located["expression"].str.split().str[-1].str.match(_WEEKDAY)] = "weekday"
    out: dict[str, list[int]] = {k: [0, 0] for k in ("all", "month", "weekday", "season")}
    for f, s, e, year, k in zip(
        located["file"], located["start"], located["end"], located["year"], kind
    ):
        p = pred[(pred["file"] == f) & (pred["start"] < e) & (pred["end"] > s)]
        ok = any(str(v).startswith(year) for v in p["value"])
        for key in ("all", k):
            out[key][0] += ok
            out[key][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def climate(eval_dir: Path, *, corpus_pass: bool = True) -> dict[str, Any]:
    """Scores per split ('dev', 'heldout'): {'gold', 'pred', 'counts', 'yearless'} and the
    figures; `eval_dir` holds narrative-frames/ and climate-timex/."""
    arts = pd.read_csv(
        eval_dir / "narrative-frames" / "articles_metadata.dev.tsv",
        sep="\t",
        dtype=str,
        keep_default_na=False,
    )
    texts = dict(zip(arts["ID"], arts["text"]))
    dates = {a: (d[:10] or None) for a, d in zip(arts["ID"], arts["date"])}
    pred = predict(texts, dates, corpus_pass)
    folder = eval_dir / "climate-timex"
    gold_all = pd.read_csv(folder / "timex_gold.csv", dtype=str, keep_default_na=False)
    yl_all = pd.read_csv(folder / "yearless_months.csv", dtype=str, keep_default_na=False)
    out: dict[str, Any] = {"texts": texts, "pred": pred}
    for split in ("dev", "heldout"):
        g = gold_all[gold_all["split"] == split].astype({"occurrence": int})
        sub = {f: texts[f] for f in g["file"].unique()}
        gold = timex_gold.locate(g, sub)
        p = pred[pred["file"].isin(set(sub))]
        y = yl_all[yl_all["split"] == split].astype({"occurrence": int})
        c = counts(gold, p)
        out[split] = {
            "gold": gold,
            "pred": p,
            "counts": c,
            "yearless_rows": y,
            "yearless": yearless(y, texts, pred),
            "value_f1": f1(c, "value"),
            "value_ci": bootstrap(c, "value"),
            "relaxed_f1": f1(c, "relaxed"),
            "strict_f1": f1(c, "strict"),
        }
    return out
