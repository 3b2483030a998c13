"""Write the two corpora on other topics that issue 14 checks presslens on, as CSV files.

- climate.csv: the 275 narrative-frames climate articles (MIT licensed, eval/narrative-frames):
  id, outlet, published, text;
- newsmtsc.csv: NewsMTSC's sentences (train and devtest_rw, political news 2015-2020) grouped into
  their source articles by `primary_gid` (its first three fields), sentences in file order, each
  once: id, outlet (the source data set: allsides or polusa), text. No dates.
- real1000.csv: 1,000 real articles for timing the chain: the 275 climate articles and the first
  725 NewsMTSC source articles (in key order) with two or more sentences.

    python bench/topic_corpora.py --out corpora/
    presslens run --corpus corpora/climate.csv --out climate-report
    presslens run --corpus corpora/newsmtsc.csv --out newsmtsc-report
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from presslens.core import paths
from presslens.validate import actors as va


def climate() -> pd.DataFrame:
    """The narrative-frames articles: id, outlet, published, text."""
    t = pd.read_csv(paths.eval_dir() / "narrative-frames" / "articles_metadata.dev.tsv", sep="\t",
                    dtype=str, keep_default_na=False)  # fmt: skip
    return t[["ID", "source", "date", "text"]].set_axis(
        ["id", "outlet", "published", "text"], axis=1
    )


def newsmtsc() -> pd.DataFrame:
    """NewsMTSC's sentences grouped into their source articles: id, outlet, text."""
    groups: dict[str, list[str]] = {}
    for name in ("train.jsonl", "devtest_rw.jsonl"):
        for line in (paths.eval_dir() / "newsmtsc" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = va.article_key(row["primary_gid"])
                groups.setdefault(key, []).append(row["sentence_normalized"])
    return pd.DataFrame(
        [
            {"id": k, "outlet": k.split("_")[0], "text": " ".join(dict.fromkeys(sents))}
            for k, sents in groups.items()
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("corpora"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    c, n = climate(), newsmtsc()
    several = n[n["text"].str.count(r"[.!?][\"”’']?\s") >= 2].sort_values("id").head(725)
    real = pd.concat([c, several], ignore_index=True)
    for name, frame in (("climate", c), ("newsmtsc", n), ("real1000", real)):
        frame.to_csv(args.out / f"{name}.csv", index=False)
        print(f"{name}: {len(frame):,} articles -> {args.out / f'{name}.csv'}")


if __name__ == "__main__":
    main()
