"""Generate a realistic large news corpus for benchmarks (deterministic for a given size and seed).

Real corpora are varied in the ways that make an analysis chain grow: many outlets of very
different sizes, publication dates over several years, thousands of distinct people, and many
distinct dated events that several articles refer to. This generator reproduces that variety:

- body sentences are drawn from real news text shipped with the project (the seed articles after
  cleaning, and where present in eval/ the NYT editorial sentences, NewsMTSC political news and the
  narrative-frames climate articles);
- about a quarter of the sentences are written from templates that carry what real reporting
  carries: a person (first and last names recombined from the NewsMTSC person mentions, so
  thousands of distinct names), a reporting verb and a quote, an exact date ("on March 3, 2019")
  drawn from a pool of events over 2005-2025 that articles share, relative dates ("last Tuesday",
  "two years ago"), and counts (troops, people killed, money, percentages);
- outlets follow a Zipf law over `outlets` names (default: between 2 and 400 by corpus size);
- each article has 20-60 sentences in paragraphs, a publication date over 2019-2025 (3% undated),
  a headline, and, as scraped pages do, site furniture (summary boxes, navigation, source notes,
  appended headline lists, repeated subtitles); a share are wire copies of others.

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

from presslens.ingest import clean, sentences
from presslens.core import paths

ROOT = Path(__file__).resolve().parents[1]
FURNITURE = {
    "summary": "No time to read?\nGet a summary",
    "source": "[Source: {outlet} wire services]",
    "nav": "Previous Article\n\n{h1}\n\nNext Article\n\n{h2}",
    "share": "Share this article\nAdvertisement",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TITLES = {
    "President",
    "Mr",
    "Mrs",
    "Ms",
    "Sen",
    "Senator",
    "Rep",
    "Gov",
    "Governor",
    "Dr",
    "Judge",
    "General",
    "Gen",
    "Secretary",
    "Speaker",
    "Former",
    "Vice",
    "The",
    "First",
    "Attorney",
    "Chief",
}
ROLES = [
    "spokesperson",
    "minister",
    "senator",
    "mayor",
    "chairman",
    "director",
    "ambassador",
    "adviser",
    "governor",
    "analyst",
    "commander",
    "lawyer",
]
ORGS = [
    "the ministry",
    "the party",
    "the council",
    "the campaign",
    "the agency",
    "the committee",
    "the union",
    "the alliance",
    "the court",
    "the coalition",
]
VERBS = [
    "criticised",
    "praised",
    "met",
    "accused",
    "warned",
    "urged",
    "backed",
    "called on",
    "thanked",
    "challenged",
]
CUES = ["said", "told reporters", "argued", "added", "warned", "insisted", "claimed", "noted"]
CLAUSES = [
    "the talks would continue",
    "the decision was a mistake",
    "more needed to be done",
    "the vote was fair",
    "the plan would cost too much",
    "the government had failed",
    "the agreement should be respected",
    "the deadline was unrealistic",
]
QUOTES = [
    "We will not accept this",
    "This is a turning point",
    "Nobody wants another crisis",
    "The numbers speak for themselves",
    "We have done everything we could",
    "It is time to move on",
    "This is not over",
    "They have broken their promise",
]
COUNTS = [
    "{n} people were killed in the attack",
    "{n} troops were deployed to the region",
    "the programme will cost ${n} million",
    "{n} percent of voters backed the measure",
    "{n} people were injured in the clashes",
    "about {n} protesters gathered outside",
]
PLACES = [
    "the capital",
    "the north",
    "the border region",
    "the port city",
    "the province",
    "the valley",
]


def _seed_sentences() -> list[str]:
    out = []
    for path in sorted(paths.seeds_dir().glob("*.txt")):
        out.extend(sentences.split(clean.clean(path.read_text(encoding="utf-8")).text))
    return out


def _eval_sentences() -> list[str]:
    out: list[str] = []
    ev = ROOT / "eval"
    nyt = ev / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt"
    if nyt.exists():
        out += [
            line.split("\t", 2)[2].strip()
            for line in nyt.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.count("\t") >= 2
        ]
    mtsc = ev / "newsmtsc" / "train.jsonl"
    if mtsc.exists():
        out += [
            json.loads(line)["sentence_normalized"]
            for line in mtsc.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    frames = ev / "narrative-frames" / "articles_metadata.dev.tsv"
    if frames.exists():
        table = pd.read_csv(frames, sep="\t", usecols=["text"])
        for text in table["text"].astype(str):
            out += sentences.split(text)
    return [s for s in out if 30 <= len(s) <= 400]


def name_parts() -> tuple[list[str], list[str]]:
    """First names and surnames from the person mentions of NewsMTSC (recombined: thousands of
    names)."""
    firsts, lasts = set(), set()
    mtsc = ROOT / "eval" / "newsmtsc" / "train.jsonl"
    if mtsc.exists():
        for line in mtsc.read_text(encoding="utf-8").splitlines():
            for t in json.loads(line).get("targets", []):
                m = t.get("mention", "")
                if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", m) and m.split()[0] not in TITLES:
                    a, b = m.split()
                    firsts.add(a)
                    lasts.add(b)
    if len(firsts) < 20:  # without NewsMTSC: a small built-in pool
        firsts |= {
            "Anna",
            "Marko",
            "Li",
            "Amina",
            "Pedro",
            "Sara",
            "Tomas",
            "Yusuf",
            "Elena",
            "David",
            "Nadia",
            "Ivan",
        }
        lasts |= {
            "Petrovic",
            "Okafor",
            "Nguyen",
            "Garcia",
            "Haddad",
            "Kowalski",
            "Silva",
            "Berg",
            "Rossi",
            "Novak",
            "Ali",
            "Chen",
        }
    return sorted(firsts), sorted(lasts)


def pools() -> tuple[list[str], list[str]]:
    """(body sentences, headline-like lines) drawn from the project's real news text."""
    body = _seed_sentences() + _eval_sentences()
    heads = [s.rstrip(".") for s in body if 6 <= len(s.split()) <= 14]
    return body, heads


class _Writer:
    """Template sentences with names, dates, quotes and counts."""

    def __init__(self, rng: np.random.Generator, n_events: int) -> None:
        self.rng = rng
        self.firsts, self.lasts = name_parts()
        start = date(2005, 1, 1)
        self.events = [
            start + timedelta(days=int(d)) for d in rng.integers(0, 21 * 365, size=n_events)
        ]

    def pick(self, seq: list) -> object:
        return seq[int(self.rng.integers(0, len(seq)))]

    def name(self) -> str:
        return f"{self.pick(self.firsts)} {self.pick(self.lasts)}"

    def when(self) -> str:
        r = self.rng.random()
        if r < 0.55:  # a shared event date
            d = self.pick(self.events)
            return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
        if r < 0.7:
            d = self.pick(self.events)
            return f"in {MONTHS[d.month - 1]} {d.year}"
        if r < 0.8:
            return f"in {int(self.rng.integers(1990, 2026))}"
        if r < 0.9:
            return f"last {self.pick(WEEKDAYS)}"
        return self.pick(
            ["two years ago", "earlier this month", "last year", "three weeks ago", "on Monday"]
        )

    def sentence(self) -> str:
        kind = int(self.rng.integers(0, 5))
        if kind == 0:
            return (
                f"{self.name()}, a {self.pick(ROLES)} at {self.pick(ORGS)}, "
                f"{self.pick(CUES)} {self.when()} that {self.pick(CLAUSES)}."
            )
        if kind == 1:
            return f"“{self.pick(QUOTES)},” {self.name()} {self.pick(CUES)}."
        if kind == 2:
            who, verb, whom = self.name(), self.pick(VERBS), self.name()
            return f"{self.when().capitalize()}, {who} {verb} {whom} over the dispute."
        if kind == 3:
            n = int(self.rng.choice([3, 12, 40, 150, 700, 2500, 4700]))
            when, count, place = (
                self.when().capitalize(),
                self.pick(COUNTS).format(n=n),
                self.pick(PLACES),
            )
            return f"{when}, {count} in {place}, according to {self.name()}."
        return f"According to {self.name()}, {self.pick(CLAUSES)}."


def outlet_names(n: int) -> list[str]:
    """n outlet names (hosts), deterministic."""
    return [f"outlet{i:03d}.example" for i in range(n)]


def default_outlets(n_articles: int) -> int:
    """Outlets for a corpus size: a few for a small corpus, several hundred for a large one."""
    return int(min(400, max(2, n_articles // 25)))


def generate(
    n: int,
    *,
    seed: int = 7,
    wire_share: float = 0.08,
    outlets: int | None = None,
    min_sentences: int = 20,
    max_sentences: int = 60,
) -> pd.DataFrame:
    """A table corpus (id, outlet, published, title, text) of `n` articles."""
    rng = np.random.default_rng(seed)
    body, heads = pools()
    writer = _Writer(rng, n_events=max(50, n // 5))
    names = outlet_names(outlets or default_outlets(n))
    weights = 1.0 / np.arange(1, len(names) + 1)  # Zipf: a few large outlets, a long tail
    weights /= weights.sum()
    start = date(2019, 1, 1)
    rows: list[dict] = []
    for i in range(n):
        outlet = names[int(rng.choice(len(names), p=weights))]
        if (
            rows and rng.random() < wire_share
        ):  # a wire copy of an earlier article, maybe lightly edited
            src = rows[int(rng.integers(0, len(rows)))]
            text = (
                src["text"]
                if rng.random() < 0.5
                else src["text"].replace(" said", " stated", 1) + "\nReporting by staff."
            )
            rows.append(
                dict(
                    id=f"a{i:07d}",
                    outlet=outlet,
                    published=src["published"],
                    title=src["title"],
                    text=text,
                )
            )
            continue
        k = int(rng.integers(min_sentences, max_sentences + 1))
        picked = [
            writer.sentence() if rng.random() < 0.25 else body[int(j)]
            for j in rng.integers(0, len(body), size=k)
        ]
        paras, pos = [], 0
        while pos < k:
            step = int(rng.integers(1, 5))
            paras.append(" ".join(picked[pos : pos + step]))
            pos += step
        title = heads[int(rng.integers(0, len(heads)))]
        parts = [title]
        if rng.random() < 0.2:
            parts.append(title.lower())  # repeated headline as subtitle
        if rng.random() < 0.3:
            parts.append(FURNITURE["summary"])
        parts += paras
        if rng.random() < 0.2:
            parts[-1] += " " + FURNITURE["source"].format(outlet=outlet)
        if rng.random() < 0.25:
            parts.append(
                FURNITURE["nav"].format(
                    h1=heads[int(rng.integers(0, len(heads)))],
                    h2=heads[int(rng.integers(0, len(heads)))],
                )
            )
        if rng.random() < 0.1:
            parts.append(FURNITURE["share"])
        if rng.random() < 0.15:
            parts.append(
                "\n".join(
                    h.title()
                    for h in (
                        heads[int(j)]
                        for j in rng.integers(0, len(heads), size=int(rng.integers(3, 12)))
                    )
                )
            )
        published = (
            (start + timedelta(days=int(rng.integers(0, 7 * 365)))).isoformat()
            if rng.random() > 0.03
            else ""
        )
        rows.append(
            dict(
                id=f"a{i:07d}",
                outlet=outlet,
                published=published,
                title="",
                text="\n\n".join(parts),
            )
        )
    return pd.DataFrame(rows)


def write(table: pd.DataFrame, out: Path) -> Path:
    """Write a generated corpus as .parquet/.jsonl/.csv, or as a folder of .txt files with
    metadata.csv."""
    if out.suffix in {".parquet", ".jsonl", ".csv"}:
        out.parent.mkdir(parents=True, exist_ok=True)
        table = table.drop(columns=["title"])
        {
            ".parquet": lambda: table.to_parquet(out, index=False),
            ".jsonl": lambda: table.to_json(out, orient="records", lines=True, force_ascii=False),
            ".csv": lambda: table.to_csv(out, index=False),
        }[out.suffix]()
    else:
        out.mkdir(parents=True, exist_ok=True)
        for rec in table.itertuples():
            (out / f"{rec.id}.txt").write_text(rec.text, encoding="utf-8")
        table[["id", "outlet", "published"]].rename(columns={"id": "file"}).assign(
            file=lambda d: d["file"] + ".txt"
        ).to_csv(out / "metadata.csv", index=False)
    return out


def main() -> None:
    """Command line: write a generated corpus as parquet (or a folder of .txt with metadata.csv)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--outlets", type=int, default=None, help="number of outlets (default: 2 to 400 by size)"
    )
    ap.add_argument(
        "--out",
        type=Path,
        required=True,
        help=".parquet/.jsonl/.csv file, or a folder for .txt files",
    )
    args = ap.parse_args()
    write(generate(args.articles, seed=args.seed, outlets=args.outlets), args.out)
    print(f"wrote {args.out} ({args.articles} articles)")


if __name__ == "__main__":
    main()
