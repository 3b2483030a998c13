"""Small corpora of every shape a user's corpus comes in, built from real news text that is not the
seeds.

Texts come from the narrative-frames climate articles (MIT; 275 full articles from 36 outlets,
2017-2019) and NewsMTSC's political news sentences (MIT), both shipped with presslens for
validation. Each builder writes one corpus into a folder and returns the path `presslens run`
takes, with what must come of it: how many inputs, and how many of them are analysed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from presslens.core import paths


@dataclass(frozen=True)
class Shape:
    """A corpus shape: its builder and what the run must show."""

    build: Callable[[Path], Path]
    inputs: int
    analysed: int


def frames_articles() -> pd.DataFrame:
    """The narrative-frames articles: source (outlet), date, text (first line is the headline)."""
    t = pd.read_csv(
        paths.eval_dir() / "narrative-frames" / "articles_metadata.dev.tsv",
        sep="\t",
        dtype=str,
        keep_default_na=False,
    )
    return t[["ID", "source", "date", "text"]].rename(
        columns={"ID": "id", "source": "outlet", "date": "published"}
    )


def newsmtsc_sentences() -> list[str]:
    """NewsMTSC's devtest sentences (political news, 2015-2020)."""
    lines = (
        (paths.eval_dir() / "newsmtsc" / "devtest_rw.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    return [json.loads(x)["sentence_normalized"] for x in lines if x.strip()]


def _clean(n: int, *, first: int = 0) -> pd.DataFrame:
    """n narrative-frames articles whose text has no site furniture (what a news API returns):
    those presslens's cleaning leaves as they are (some of the real texts keep "(RELATED: ...)"
    links or credits, which cleaning removes)."""
    from presslens.ingest import clean

    arts = frames_articles()
    bare = [not clean.clean(t).removed for t in arts["text"]]
    return arts[bare].iloc[first : first + n].reset_index(drop=True)


def clean_csv(folder: Path) -> Path:
    """Two clean articles in a CSV with every metadata column: nothing for cleaning to remove."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.csv"
    _clean(2).to_csv(path, index=False)
    return path


def one_article(folder: Path) -> Path:
    """A folder with one .txt article and its metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    a = _clean(1, first=5).iloc[0]
    (folder / "only.txt").write_text(a["text"], encoding="utf-8")
    pd.DataFrame([{"file": "only.txt", "outlet": a["outlet"], "published": a["published"]}]).to_csv(
        folder / "metadata.csv", index=False
    )
    return folder


def text_only_jsonl(folder: Path) -> Path:
    """A JSONL of texts alone: no id, title, outlet or date."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "texts.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for text in _clean(3, first=10)["text"]:
            fh.write(json.dumps({"text": text}) + "\n")
    return path


def all_undated(folder: Path) -> Path:
    """A folder of .txt files without metadata: no outlet, no date."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(_clean(3, first=20)["text"]):
        (folder / f"story-{i}.txt").write_text(text, encoding="utf-8")
    return folder


def one_outlet(folder: Path) -> Path:
    """Several articles of one outlet (a parquet table)."""
    folder.mkdir(parents=True, exist_ok=True)
    t = frames_articles()
    t = t[t["outlet"] == t["outlet"].value_counts().index[0]].head(6)
    path = folder / "one-outlet.parquet"
    t.to_parquet(path, index=False)
    return path


def many_outlets(folder: Path) -> Path:
    """300 short articles from 300 outlets (NewsMTSC sentences, three to an article), dated over
    five years."""
    folder.mkdir(parents=True, exist_ok=True)
    sents = newsmtsc_sentences()
    rows = []
    for i in range(300):
        body = " ".join(sents[3 * i + k] for k in range(3))
        rows.append(
            {
                "id": f"n{i:03d}",
                "outlet": f"outlet-{i:03d}.example",
                "published": f"{2015 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "title": f"Story {i}",
                "text": body,
            }
        )
    path = folder / "many-outlets.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def plain_texts(folder: Path) -> Path:
    """Texts with no quotes, no dates and no numbers (their sentences stripped of all three)."""
    folder.mkdir(parents=True, exist_ok=True)
    bare = [
        s
        for s in newsmtsc_sentences()
        if not re.search(
            r"[\"“”‘’'0-9]|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|year|month|week|day|today|yesterday|tomorrow|now|ago|said|says|told)\b",
            s,
            re.I,
        )
    ]
    for i in range(3):
        (folder / f"plain-{i}.txt").write_text(
            "A plain story\n\n" + " ".join(bare[12 * i : 12 * i + 12]), encoding="utf-8"
        )
    return folder


def huge_article(folder: Path) -> Path:
    """One article of about 50,000 words (the narrative-frames articles one after another)."""
    folder.mkdir(parents=True, exist_ok=True)
    paras, words = [], 0
    for text in frames_articles()["text"]:
        paras.append(text)
        words += len(text.split())
        if words >= 50_000:
            break
    (folder / "long-read.txt").write_text(
        "A very long read\n\n" + "\n\n".join(paras), encoding="utf-8"
    )
    return folder


def all_quarantined(folder: Path) -> Path:
    """Nothing analysable: an empty file, white space, a PNG, a German text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    german = (
        "Die Regierung hat am Donnerstag in Berlin neue Regeln für den Klimaschutz beschlossen, "
        "die nach Ansicht der Opposition "
        "nicht weit genug gehen und die Industrie zu wenig in die Pflicht nehmen. "
    ) * 4
    (folder / "deutsch.txt").write_text(german, encoding="utf-8")
    return folder


def page(title: str, text: str) -> str:
    """An HTML news page: navigation, the article, related links and a footer, as sites serve
    them."""
    body = "".join(
        f"<p>{html.escape(p)}</p>" for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if p
    )
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/climate'>Climate</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        "<aside><h3>Related</h3><ul><li><a href='/x'>Other story</a></li></ul></aside>"
        "<footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"
    )


def html_pages(folder: Path) -> Path:
    """Three .html pages only."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(_clean(3, first=30)["text"]):
        head, _, rest = text.partition(" ")
        (folder / f"page-{i}.html").write_text(page(f"Climate story {i}", text), encoding="utf-8")
    return folder


def txt_and_html(folder: Path) -> Path:
    """Two .txt files and two .html pages with a metadata.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    arts = _clean(4, first=40)
    meta = []
    for i, a in enumerate(arts.itertuples()):
        name = f"mixed-{i}.txt" if i % 2 == 0 else f"mixed-{i}.html"
        (folder / name).write_text(
            a.text if name.endswith(".txt") else page(f"Climate story {i}", a.text),
            encoding="utf-8",
        )
        meta.append({"file": name, "outlet": a.outlet, "published": a.published})
    pd.DataFrame(meta).to_csv(folder / "metadata.csv", index=False)
    return folder


SHAPES: dict[str, Shape] = {
    "nothing-to-remove": Shape(clean_csv, 2, 2),
    "one-article": Shape(one_article, 1, 1),
    "text-only": Shape(text_only_jsonl, 3, 3),
    "all-undated": Shape(all_undated, 3, 3),
    "one-outlet": Shape(one_outlet, 6, 6),
    "hundreds-of-outlets": Shape(many_outlets, 300, 300),
    "no-quotes-dates-numbers": Shape(plain_texts, 3, 3),
    "one-50000-word-article": Shape(huge_article, 1, 1),
    "all-quarantined": Shape(all_quarantined, 4, 0),
    "html-only": Shape(html_pages, 3, 3),
    "txt-and-html": Shape(txt_and_html, 4, 4),
}
