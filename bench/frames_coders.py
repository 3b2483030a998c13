"""How far two people agree on the generic frames of the narrative-frames articles: the ceiling
for any frame coder measured against them.

Each question's gold answer is the majority of the article's coders (a tie is no); the corpus's
frame labels are rebuilt from the questions by the rule below, which reproduces all 275 labels.
The same rule applied to the first and to the second coder's own answers gives two codings of each
article; their F1 (one coder as reference) is printed per frame, with the macro average.

    python bench/frames_coders.py
"""

from __future__ import annotations

import json

import pandas as pd
from sklearn.metrics import f1_score

from presslens.core import paths

RULES = {
    "RE": (("re2", "re6"), 2),
    "HI": (("hi1", "hi2", "hi5"), 2),
    "CO": (("co1", "co2", "co3"), 2),
    "MO": (("mo1", "mo2"), 1),
    "EC": (("ec1", "ec2", "ec3"), 2),
}


def _yes(answers: list) -> bool:
    given = [a for a in answers if a != -1]
    return sum(a == "yes" for a in given) * 2 > len(given)


def main() -> None:
    folder = paths.eval_dir() / "narrative-frames"
    coded = json.loads((folder / "full_annotations.dev.json").read_text(encoding="utf-8"))
    meta = pd.read_csv(
        folder / "articles_metadata.dev.tsv", sep="\t", dtype=str, keep_default_na=False
    )
    f1s = []
    for code, (questions, k) in RULES.items():
        gold = meta[code].str.strip(" )").str.lower() == "true"
        rebuilt = [sum(_yes(coded[i][q][1]) for q in questions) >= k for i in meta["ID"]]
        first, second = [], []
        for i in meta["ID"]:
            a = [coded[i][q][1][0] for q in questions]
            b = [coded[i][q][1][1] for q in questions]
            if -1 not in a and -1 not in b:
                first.append(sum(x == "yes" for x in a) >= k)
                second.append(sum(x == "yes" for x in b) >= k)
        f1s.append(f1_score(first, second))
        print(
            f"{code}: rule rebuilds {(pd.Series(rebuilt) == gold.to_numpy()).mean():.0%} of the "
            f"labels; coder 1 against coder 2 F1 {f1s[-1]:.2f} over {len(first)} articles"
        )
    print(f"macro F1 between two coders: {sum(f1s) / len(f1s):.2f}")


if __name__ == "__main__":
    main()
