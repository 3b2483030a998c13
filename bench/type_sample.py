"""Draw the names whose type people label, to train and check presslens's type classifier.

Names that the rules of presslens.extract.names cannot type from their words (no organisation,
place or other head word, not in the gazetteer), drawn at random (seed 19) from two corpora that
are not the seeds: NewsMTSC train's sentences grouped into their source articles (US political
news) and the 275 narrative-frames climate articles; 200 and 100 names with 2+ uses, each with up
to three snippets of its uses. The labelled result is
lib/presslens/resources/gold/name_types.csv (rules in name_types_guide.md).

    python bench/type_sample.py --out name_types_unlabelled.csv
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import pandas as pd

from presslens.extract import discover, names
from presslens.ingest import sentences as splitter
from presslens.core import paths
from presslens.validate import actors as va

SIZES = {"newsmtsc": 200, "climate": 100}
SEED = 19


def corpora() -> dict[str, tuple[dict[str, str], dict]]:
    """The two corpora: name -> (article id -> text, article id -> sentence spans)."""
    root = paths.eval_dir()
    texts, spans, _ = va._mtsc_articles(root / "newsmtsc" / "train.jsonl")
    frames = pd.read_csv(root / "narrative-frames" / "articles_metadata.dev.tsv", sep="\t",
                         dtype=str, keep_default_na=False)  # fmt: skip
    climate = dict(zip(frames["ID"], frames["text"]))
    return {
        "newsmtsc": (texts, spans),
        "climate": (climate, {k: list(splitter.spans(t)) for k, t in climate.items()}),
    }


def sample(texts: dict[str, str], spans: dict, corpus: str, size: int) -> list[dict]:
    """`size` random untyped names of one corpus with snippets of their uses."""
    arts = pd.DataFrame({"article_id": list(texts), "text": list(texts.values()), "status": "ok"})
    sents = pd.DataFrame(
        [(k, i + 1, a, b) for k, sp in spans.items() for i, (a, b) in enumerate(sp)],
        columns=["article_id", "sent_id", "start", "end"],
    )
    counts = discover.name_counts(arts, sents)
    w = names.words()
    own = counts[(counts["form"] == counts["full"]) & (counts["head"] == "")]
    own = own.groupby("full")["n"].sum()
    pool = sorted(f for f, n in own.items() if n >= 2 and f not in w.places)
    picked = random.Random(SEED).sample(pool, min(size, len(pool)))
    rows = []
    for full in picked:
        pat = re.compile(r"(?<!\w)" + re.escape(full) + r"(?!\w)")
        snippets = []
        for aid, text in texts.items():
            for m in pat.finditer(text):
                snippets.append(text[max(0, m.start() - 120) : m.end() + 120].replace("\n", " "))
                break
            if len(snippets) == 3:
                break
        rows.append({"corpus": corpus, "name": full, "uses": int(own[full]),
                     "examples": " ||| ".join(snippets)})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("name_types_unlabelled.csv"))
    args = ap.parse_args()
    rows = [
        r
        for name, (texts, spans) in corpora().items()
        for r in sample(texts, spans, name, SIZES[name])
    ]
    pd.DataFrame(rows).to_csv(args.out, index=False)
    print(f"wrote {len(rows)} names to {args.out}")


if __name__ == "__main__":
    main()
