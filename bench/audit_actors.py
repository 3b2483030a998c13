"""Draw the actors of a run that people check by hand: the 60 most mentioned and 30 drawn at
random (seed 19) from the others with 5+ mentions, each with its type, written forms and counts,
the look-alikes presslens did not merge with it, and one snippet per written form (up to five).

    python bench/audit_actors.py RUN_FOLDER --out audit_unlabelled.csv
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pandas as pd

from presslens.extract import actor_list, actors
from presslens.core import tables

TOP, RANDOM, MIN_MENTIONS, SEED = 60, 30, 5, 19


def snippets(m: pd.DataFrame, texts: dict[str, str], k: int = 5) -> str:
    """One snippet per written form of an actor's mentions, the mention in [[ ]]."""
    out = []
    for _, r in m.drop_duplicates("surface").head(k).iterrows():
        t = texts[r["article_id"]]
        a, b = int(r["start"]), int(r["end"])
        out.append(
            (t[max(0, a - 110) : a] + "[[" + t[a:b] + "]]" + t[b : b + 110]).replace("\n", " ")
        )
    return " ||| ".join(out)


def sheet(run: Path) -> pd.DataFrame:
    """The audit rows of a run folder."""
    spec = actors.merged_spec(str(run / "actors.yaml")).get("actors") or {}
    mentions = tables.read("mentions", run)
    arts = tables.read("articles", run)
    texts = dict(zip(arts["article_id"], arts["text"]))
    totals = mentions.groupby("actor").size().sort_values(ascending=False, kind="mergesort")
    ranked = [a for a in totals.index if a in spec]
    top = ranked[:TOP]
    pool = sorted(a for a in ranked[TOP:] if totals[a] >= MIN_MENTIONS)
    drawn = random.Random(SEED).sample(pool, min(RANDOM, len(pool)))
    idx = actor_list._index(spec)
    names = {k: str(v.get("name", k)) for k, v in spec.items()}
    rows = []
    for part, ids in (("top60", top), ("random", drawn)):
        for aid in ids:
            m = mentions[mentions["actor"] == aid]
            forms = m["surface"].value_counts()
            like = actor_list._lookalikes(aid, spec, idx, totals.to_dict())
            rows.append({"part": part, "actor": aid, "name": names[aid],
                         "type": spec[aid].get("type", ""), "mentions": int(totals[aid]),
                         "forms": "; ".join(f"{f} {n}" for f, n in forms.items()),
                         "lookalikes": "; ".join(f"{actors.display_name(x, names)} "
                                                 f"({int(totals.get(x, 0))})" for x in like),
                         "examples": snippets(m, texts)})  # fmt: skip
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--out", type=Path, default=Path("audit_unlabelled.csv"))
    args = ap.parse_args()
    frame = sheet(args.run)
    frame.to_csv(args.out, index=False)
    print(f"{len(frame)} actors -> {args.out}")


if __name__ == "__main__":
    main()
