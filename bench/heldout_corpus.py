"""Write the held-out corpus the issue-19 targets are measured on: political news in six house
styles, from text presslens was not tuned on.

NewsMTSC's devtest_rw sentences (US political news; eval/newsmtsc, MIT licence) grouped into their
source articles by `primary_gid` (first three fields), sentences in file order, each once, one
paragraph each. Each article goes to one of six outlets by the sha256 of its key, and the outlet's
house style writes its quotation marks (presslens.validate.housestyles: curly, straight, two
apostrophes, British single, guillemets, low-high), so the outlets differ in their marks only.
Columns: id, outlet, text. No dates. The rules of this issue were developed on NewsMTSC train and
the climate articles, never on this file.

    python bench/heldout_corpus.py --out corpora/heldout.csv
    presslens run --corpus corpora/heldout.csv --out heldout-report
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pandas as pd

from presslens.core import paths
from presslens.validate import actors as va
from presslens.validate import housestyles

OUTLETS = {style: f"{style}-news" for style in housestyles.STYLES}


def articles() -> pd.DataFrame:
    """The held-out articles: id, outlet, text (rendered in the outlet's house style)."""
    groups: dict[str, list[str]] = {}
    path = paths.eval_dir() / "newsmtsc" / "devtest_rw.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            groups.setdefault(va.article_key(row["primary_gid"]), []).append(
                row["sentence_normalized"]
            )
    rows = []
    for key, sents in groups.items():
        style = housestyles.STYLES[int(hashlib.sha256(key.encode()).hexdigest(), 16) % 6]
        text, _ = housestyles.render("\n\n".join(dict.fromkeys(sents)), style)
        rows.append({"id": key, "outlet": OUTLETS[style], "text": text})
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("corpora/heldout.csv"))
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame = articles()
    frame.to_csv(args.out, index=False)
    print(f"{len(frame):,} articles, {frame['outlet'].nunique()} outlets -> {args.out}")


if __name__ == "__main__":
    main()
