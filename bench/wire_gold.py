"""Wire-copy detection against the hand-labelled narrative-frames articles (dev and held out).

The gold set is lib/presslens/resources/gold/wire.csv (guide: wire_guide.md beside it): 275 real
climate articles, each labelled with the agency whose copy it is, or empty for own reporting. Each
article's text (headline and body on one line, as the data set gives it) goes through the stage's
cleaning and `presslens.ingest.wire.agency`, from the raw and the cleaned text, as stage 10 does.
Prints, for the development and the held-out split apart: agency items, recall (agency items found
as wire), the share found with the right agency, false alarms (own reporting called wire, per own
item) and precision, each with a 95% Wilson interval; then the same without the `contributed`
rows (the guide's strict set), and the articles the detector got wrong.

    .venv/bin/python bench/wire_gold.py
    .venv/bin/python bench/wire_gold.py --articles PATH/articles_metadata.dev.tsv --gold PATH.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from presslens.ingest import clean, wire
from presslens.measure.metrics import wilson

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "eval" / "narrative-frames" / "articles_metadata.dev.tsv"
GOLD = ROOT / "lib" / "presslens" / "resources" / "gold" / "wire.csv"


def detect(texts: pd.Series) -> pd.DataFrame:
    """The detector's agency and evidence for each text, from the raw and the cleaned text."""
    rows = [wire.agency(t, text=clean.clean(t).text) for t in texts]
    return pd.DataFrame(rows, columns=wire.COLUMNS, index=texts.index)


def proportion(name: str, k: int, n: int) -> str:
    """One figure as 'name k/n = 0.xxx [lo, hi]'."""
    lo, hi = wilson(k, n)
    value = f"{k / n:.3f}" if n else "n/a"
    return f"  {name:<22} {k:>3}/{n:<3} = {value}  [{lo:.3f}, {hi:.3f}]"


def scores(rows: pd.DataFrame) -> list[str]:
    """Recall, right agency, false-alarm rate and precision of one split, as printable lines."""
    gold, pred = rows["gold"] != "", rows["wire"] != ""
    tp = int((gold & pred).sum())
    right = int((gold & (rows["wire"] == rows["gold"])).sum())
    return [
        f"  agency items: {int(gold.sum())} of {len(rows)} articles",
        proportion("recall", tp, int(gold.sum())),
        proportion("right agency", right, int(gold.sum())),
        proportion("false-alarm rate", int((pred & ~gold).sum()), int((~gold).sum())),
        proportion("precision", tp, int(pred.sum())),
    ]


def errors(rows: pd.DataFrame) -> list[str]:
    """The articles whose label the detector missed or got wrong."""
    wrong = rows[rows["gold"] != rows["wire"]]
    return [
        f"  ID {i} ({r.source}): gold {r.gold or '-'!r}, found {r.wire or '-'!r} {r.wire_evidence}"
        for i, r in wrong.iterrows()
    ]


def main() -> None:
    """Print the figures for the dev and held-out splits."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()
    arts = pd.read_csv(args.articles, sep="\t", dtype={"ID": str}).set_index("ID")
    gold = pd.read_csv(args.gold, dtype=str, keep_default_na=False).set_index("ID")
    rows = gold.rename(columns={"wire": "gold"}).join(detect(arts.loc[gold.index, "text"]))
    for split in ("dev", "heldout"):
        part = rows[rows["split"] == split]
        print(f"{split}: all labels")
        print("\n".join(scores(part)))
        print(f"{split}: strict (the gold's 'contributed' rows left out)")
        print("\n".join(scores(part[~part["note"].str.startswith("contributed")])))
        print(f"{split}: articles the detector got wrong")
        print("\n".join(errors(part)) or "  none")


if __name__ == "__main__":
    main()
