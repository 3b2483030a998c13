"""Write multi-outlet corpora of real news sentences with a known outlet difference, to check the
outlet comparisons (`outlet_actor`, `outlet_differences`) end to end.

The sentences are NewsMTSC's (political news 2015-2020, MIT licence, eval/newsmtsc), each labelled
by people with the sentiment toward the persons it names. Articles are 12 sentences drawn without
replacement; six made-up outlets get 40 articles each, dated over 2016-2017.

- planted.csv: the outlet "Ledger" gets, for its mentions of Trump, only sentences people labelled
  negative toward him; every other outlet draws Trump sentences at random (mostly neutral). Its
  Clinton sentences go to articles of 2016 rather than 2017, so her mentions fall after 2016. A run
  should find Ledger more negative toward Trump and no other tone difference toward him.
- null.csv: the same sentences with the outlets shuffled: no outlet difference was planted, so a
  run should find (almost) none hold.

    python bench/outlet_corpus.py --out corpora/
    presslens run --corpus corpora/planted.csv --out planted-report
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import pandas as pd

from presslens.core import paths

OUTLETS = ["Ledger", "Courier", "Tribune", "Herald", "Sentinel", "Gazette"]
PER_OUTLET, PER_ARTICLE = 40, 12


def sentences() -> pd.DataFrame:
    """NewsMTSC sentences: text, and the people's label toward Trump and Clinton (or '')."""
    rows = []
    for name in ("train.jsonl", "devtest_rw.jsonl"):
        for line in (paths.eval_dir() / "newsmtsc" / name).read_text("utf-8").splitlines():
            d = json.loads(line)
            toward = {"trump": "", "clinton": ""}
            for t in d["targets"]:
                for who in toward:
                    if who in t["mention"].lower():
                        toward[who] = {2.0: "neg", 4.0: "neu", 6.0: "pos"}[t["polarity"]]
            rows.append((d["sentence_normalized"], toward["trump"], toward["clinton"]))
    s = pd.DataFrame(rows, columns=["text", "trump", "clinton"]).drop_duplicates("text")
    return s.sort_values("text", kind="mergesort").reset_index(drop=True)


def articles(s: pd.DataFrame, *, seed: int = 7) -> pd.DataFrame:
    """The planted corpus: id, outlet, published, text."""
    rng = random.Random(seed)
    pool = list(s.index)
    rng.shuffle(pool)
    negative = [i for i in pool if s.at[i, "trump"] == "neg"]
    other_trump = [i for i in pool if s.at[i, "trump"] in ("neu", "pos")]
    clinton = [i for i in pool if s.at[i, "clinton"] and not s.at[i, "trump"]]
    plain = [i for i in pool if not s.at[i, "trump"] and not s.at[i, "clinton"]]
    rows = []
    for o, outlet in enumerate(OUTLETS):
        for a in range(PER_OUTLET):
            day = pd.Timestamp("2016-01-01") + pd.Timedelta(days=(a * 731) // PER_OUTLET + o)
            picked = [
                (
                    negative
                    if outlet == "Ledger"
                    else rng.choice([negative, other_trump, other_trump])
                ).pop()
            ]
            if day.year == 2016 and clinton:
                picked.append(clinton.pop())
            picked += [plain.pop() for _ in range(PER_ARTICLE - len(picked))]
            rng.shuffle(picked)
            text = " ".join(s.at[i, "text"] for i in picked)
            rows.append((f"{outlet.lower()}-{a:03d}", outlet, day.date().isoformat(), text))
    return pd.DataFrame(rows, columns=["id", "outlet", "published", "text"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="corpora")
    out = Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    planted = articles(sentences())
    planted.to_csv(out / "planted.csv", index=False)
    shuffled = planted["outlet"].sample(frac=1, random_state=11).to_numpy()
    planted.assign(outlet=shuffled).to_csv(out / "null.csv", index=False)
    print(f"wrote {out / 'planted.csv'} and {out / 'null.csv'} ({len(planted)} articles each)")


if __name__ == "__main__":
    main()
