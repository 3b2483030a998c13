"""Generate a realistic large news corpus for benchmarks (deterministic for a given size and seed).

Sentences are drawn from real news text shipped with the project: the seed articles (after
cleaning) and, where present in eval/, the NYT editorial sentences, the NewsMTSC political news
sentences and the narrative-frames climate articles. Each generated article has an outlet, a
publication date between 2022 and 2025, a headline, 4-40 sentences in paragraphs, and, as scraped
pages do, site furniture: summary boxes, previous/next navigation, source notes, appended headline
lists, repeated subtitles. A share of articles are wire copies (exact or lightly edited) of others.

    python bench/generate.py --articles 10000 --out bench/corpora/news-10k.parquet
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from presslens import clean, sentences

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = [
    "balkaninsight.example", "wire-one.example", "britbrief.co.uk", "ceenews.org", "socialbites.ca", "uslive.com",
    "econotimes.com", "dailyworld.example", "eastnews.example", "westpost.example", "regional-times.example", "agency-feed.example",
]
FURNITURE = {
    "summary": "No time to read?\nGet a summary",
    "source": "[Source: {outlet} wire services]",
    "nav": "Previous Article\n\n{h1}\n\nNext Article\n\n{h2}",
    "share": "Share this article\nAdvertisement",
}


def _seed_sentences() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.extend(sentences.split(clean.clean(path.read_text(encoding="utf-8")).text))
    return out


def _eval_sentences() -> list[str]:
    out: list[str] = []
    nyt = ROOT / "eval" / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt"
    if nyt.exists():
        out += [line.split("\t", 2)[2].strip() for line in nyt.read_text(encoding="utf-8", errors="replace").splitlines() if line.count("\t") >= 2]
    mtsc = ROOT / "eval" / "newsmtsc" / "train.jsonl"
    if mtsc.exists():
        out += [json.loads(line)["sentence_normalized"] for line in mtsc.read_text(encoding="utf-8").splitlines() if line.strip()]
    frames = ROOT / "eval" / "narrative-frames" / "articles_metadata.dev.tsv"
    if frames.exists():
        table = pd.read_csv(frames, sep="\t", usecols=["text"])
        for text in table["text"].astype(str):
            out += sentences.split(text)
    return [s for s in out if 30 <= len(s) <= 400]


def pools() -> tuple[list[str], list[str]]:
    """(body sentences, headline-like lines) drawn from the project's real news text."""
    body = _seed_sentences() + _eval_sentences()
    heads = [s.rstrip(".") for s in body if 6 <= len(s.split()) <= 14]
    return body, heads


def generate(n: int, *, seed: int = 7, wire_share: float = 0.08) -> pd.DataFrame:
    """A table corpus (id, outlet, published, title, text) of `n` articles."""
    rng = np.random.default_rng(seed)
    body, heads = pools()
    start = date(2022, 1, 1)
    rows = []
    for i in range(n):
        if rows and rng.random() < wire_share:  # a wire copy of an earlier article, maybe lightly edited
            src = rows[int(rng.integers(0, len(rows)))]
            text = src["text"] if rng.random() < 0.5 else src["text"].replace(" said", " stated", 1) + "\nReporting by staff."
            rows.append(dict(id=f"a{i:07d}", outlet=OUTLETS[int(rng.integers(0, len(OUTLETS)))], published=src["published"], title=src["title"], text=text))
            continue
        k = int(rng.integers(4, 41))
        picked = [body[j] for j in rng.integers(0, len(body), size=k)]
        paras, pos = [], 0
        while pos < k:
            step = int(rng.integers(1, 5))
            paras.append(" ".join(picked[pos : pos + step]))
            pos += step
        title = heads[int(rng.integers(0, len(heads)))]
        outlet = OUTLETS[int(rng.integers(0, len(OUTLETS)))]
        parts = [title]
        if rng.random() < 0.2:
            parts.append(title.lower())  # repeated headline as subtitle
        if rng.random() < 0.3:
            parts.append(FURNITURE["summary"])
        parts += paras
        if rng.random() < 0.2:
            parts[-1] += " " + FURNITURE["source"].format(outlet=outlet)
        if rng.random() < 0.25:
            parts.append(FURNITURE["nav"].format(h1=heads[int(rng.integers(0, len(heads)))], h2=heads[int(rng.integers(0, len(heads)))]))
        if rng.random() < 0.1:
            parts.append(FURNITURE["share"])
        if rng.random() < 0.15:
            parts.append("\n".join(h.title() for h in (heads[int(j)] for j in rng.integers(0, len(heads), size=int(rng.integers(3, 12))))))
        published = (start + timedelta(days=int(rng.integers(0, 4 * 365)))).isoformat() if rng.random() > 0.03 else ""
        rows.append(dict(id=f"a{i:07d}", outlet=outlet, published=published, title="", text="\n\n".join(parts)))
    return pd.DataFrame(rows)


def main() -> None:
    """Command line: write a generated corpus as parquet (or a folder of .txt with metadata.csv)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True, help=".parquet/.jsonl/.csv file, or a folder for .txt files")
    args = ap.parse_args()
    table = generate(args.articles, seed=args.seed)
    if args.out.suffix in {".parquet", ".jsonl", ".csv"}:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table = table.drop(columns=["title"])
        {".parquet": lambda: table.to_parquet(args.out, index=False), ".jsonl": lambda: table.to_json(args.out, orient="records", lines=True, force_ascii=False), ".csv": lambda: table.to_csv(args.out, index=False)}[args.out.suffix]()
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        for rec in table.itertuples():
            (args.out / f"{rec.id}.txt").write_text(rec.text, encoding="utf-8")
        table[["id", "outlet", "published"]].rename(columns={"id": "file"}).assign(file=lambda d: d["file"] + ".txt").to_csv(args.out / "metadata.csv", index=False)
    print(f"wrote {args.out} ({args.articles} articles)")


if __name__ == "__main__":
    main()
