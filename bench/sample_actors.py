"""Draw the sample of discovered actors that people label for the precision check.

60 actors drawn at random (seed 14) from the actors discovered in each of two corpora that are not
the seeds: NewsMTSC devtest_rw's sentences grouped into their source articles, and the 275
narrative-frames climate articles; each with up to three snippets of its mentions. The labelled
result is lib/presslens/resources/gold/actors_sample.csv (rules in actors_sample_guide.md).

    python bench/sample_actors.py --out actors_sample_unlabelled.csv
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pandas as pd

from presslens.core import paths
from presslens.validate import actors as va

PER_CORPUS = 60
SEED = 14


def corpora() -> dict[str, tuple[dict[str, str], dict | None]]:
    """The two corpora: name -> (article id -> text, sentence spans or None)."""
    root = paths.eval_dir()
    texts, spans, _ = va._mtsc_articles(root / "newsmtsc" / "devtest_rw.jsonl")
    frames = pd.read_csv(root / "narrative-frames" / "articles_metadata.dev.tsv", sep="\t",
                         dtype=str, keep_default_na=False)  # fmt: skip
    return {"newsmtsc": (texts, spans), "climate": (dict(zip(frames["ID"], frames["text"])), None)}


def sample(texts: dict[str, str], spans: dict | None, corpus: str) -> list[dict]:
    """PER_CORPUS random discovered actors of one corpus with snippets of their mentions."""
    spec, mentions = va.corpus_mentions(texts, spans)
    picked = random.Random(SEED).sample(sorted(spec["actors"]), PER_CORPUS)
    rows = []
    for aid in picked:
        e = spec["actors"][aid]
        snippets = [
            texts[r.article_id][max(0, r.start - 120) : r.end + 120].replace("\n", " ")
            for r in mentions[mentions["actor"] == aid].head(3).itertuples()
        ]
        forms = [e["name"], *e.get("aliases", []), *e.get("surname", []),
                 *e.get("shared_surname", [])]  # fmt: skip
        rows.append({"corpus": corpus, "actor": aid, "name": e["name"], "type": e["type"],
                     "forms": "; ".join(forms), "pronoun": e.get("pronoun", ""),
                     "mentions": e["mentions"], "examples": " ||| ".join(snippets)})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("actors_sample_unlabelled.csv"))
    args = ap.parse_args()
    rows = [r for name, (texts, spans) in corpora().items() for r in sample(texts, spans, name)]
    pd.DataFrame(rows).to_csv(args.out, index=False)
    print(f"wrote {len(rows)} actors to {args.out}")


if __name__ == "__main__":
    main()
