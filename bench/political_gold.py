"""Build the texts of the political attribution/actor gold set from NewsMTSC, in house styles.

Source: NewsMTSC ``train.jsonl`` (MIT licence), one sentence of a real US political news article
a line. The source article of a sentence is the first three ``_``-separated fields of its
``primary_gid`` ("allsides_1000_401"), the sentence index the fourth. Sentences are grouped by
article (a sentence listed twice, once per target, is kept once) and ordered by index; sentences
with index -1 (position unknown, all from POLUSA articles) are left out, as they cannot be ordered.
Articles with at least 4 sentences are kept, their keys sorted by sha256(key), the first 40 taken.

Article i (0-based) gets the house style ``STYLES[i % 6]`` (presslens.validate.housestyles) and
that style's outlet name; every third article (i % 3 == 0) a byline, every fourth (i % 4 == 0) a
dateline; one sentence is one paragraph. Articles 0-19 are the "dev" split, 20-39 "heldout".
Writes lib/presslens/resources/gold/political_texts.jsonl and copies the NewsMTSC licence beside
it as LICENSE.newsmtsc.

    python bench/political_gold.py
    python bench/political_gold.py --source PATH/train.jsonl --out DIR
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from collections import defaultdict
from pathlib import Path

from presslens.validate.housestyles import STYLES, article

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "eval" / "newsmtsc" / "train.jsonl"
OUT = ROOT / "lib" / "presslens" / "resources" / "gold"
N_ARTICLES = 40
MIN_SENTENCES = 4
N_DEV = 20
OUTLETS = {
    "curly": "curly-times",
    "straight": "straight-post",
    "apostrophes": "apostrophe-archive",
    "british": "british-herald",
    "guillemets": "guillemet-review",
    "lowhigh": "lowhigh-daily",
}
BYLINES = ("Jane Roe", "John Doe", "Maria Lopez", "Sam Okafor", "Lee Chen")
DATELINES = ("WASHINGTON — ", "NEW YORK (AP) — ", "LONDON, Reuters - ")


def sha256(text: str) -> str:
    """The hex sha256 of a string's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_articles(source: Path) -> dict[str, list[str]]:
    """Sentences of each source article, in index order, each sentence once."""
    by_key: dict[str, dict[int, str]] = defaultdict(dict)
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            fields = row["primary_gid"].split("_")
            key, index = "_".join(fields[:3]), int(fields[3])
            if index < 0:
                continue
            by_key[key].setdefault(index, row["sentence_normalized"])
    return {k: [v[i] for i in sorted(v)] for k, v in by_key.items()}


def select(articles: dict[str, list[str]]) -> list[str]:
    """Keys of the selected articles: at least MIN_SENTENCES, first N_ARTICLES by sha256(key)."""
    keys = [k for k, v in articles.items() if len(v) >= MIN_SENTENCES]
    return sorted(keys, key=sha256)[:N_ARTICLES]


def build(source: Path) -> list[dict]:
    """One record per selected article, in selection order."""
    articles = read_articles(source)
    records = []
    for i, key in enumerate(select(articles)):
        style = STYLES[i % len(STYLES)]
        byline = BYLINES[(i // 3) % len(BYLINES)] if i % 3 == 0 else ""
        dateline = DATELINES[(i // 4) % len(DATELINES)] if i % 4 == 0 else ""
        text, _ = article(
            articles[key], style, outlet=OUTLETS[style], byline=byline, dateline=dateline
        )
        records.append(
            {
                "ID": key,
                "split": "dev" if i < N_DEV else "heldout",
                "style": style,
                "source_outlet": OUTLETS[style],
                "text": text,
                "text_sha256": sha256(text),
            }
        )
    return records


def main() -> None:
    """Write political_texts.jsonl and LICENSE.newsmtsc."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="NewsMTSC train.jsonl")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory")
    args = parser.parse_args()
    records = build(args.source)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "political_texts.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    shutil.copyfile(args.source.parent / "LICENSE", args.out / "LICENSE.newsmtsc")
    print(f"wrote {len(records)} articles to {path}")


if __name__ == "__main__":
    main()
