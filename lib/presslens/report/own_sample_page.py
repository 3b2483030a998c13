"""The files of a coding sheet (`write_sheet`): codes.csv, its guide, and its page (`sample.html`):
each sampled unit in its context, the words it is about marked, a link to its place on the
article's page, and the questions the sheet asks of it. The sample is drawn by
`presslens.validate.own_sample`.

The page is rendered from `report/templates/sample.html.j2` with autoescape on, so article text
reaches it as text."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.core import tables
from presslens.report import pages
from presslens.validate.own_sample import ITEM, SHEET_COLUMNS, guide_text

MAX_EVIDENCE = 5  # evidence sentences linked per frame question
UNIT_KEYS = ["unit", "article_id", "sent_id", "start", "end"]


def _sentences(out_dir: Path, ids: set[str]) -> dict[str, pd.DataFrame]:
    """The sentences of the articles asked for, by article."""
    if not ids or not tables.exists("sentences", out_dir):
        return {}
    cols = ["article_id", "sent_id", "start", "end", "text"]
    got = [p for p in tables.parts("sentences", out_dir, columns=cols, articles=ids) if len(p)]
    if not got:
        return {}
    s = pd.concat(got, ignore_index=True)
    return {a: g.set_index("sent_id") for a, g in s.groupby("article_id", sort=False)}


def _titles(out_dir: Path, ids: set[str]) -> dict[str, str]:
    """Title of each article asked for."""
    got = [
        p
        for p in tables.parts("articles", out_dir, columns=["article_id", "title"], articles=ids)
        if len(p)
    ]
    if not got:
        return {}
    a = pd.concat(got, ignore_index=True)
    return dict(zip(a["article_id"], a["title"].fillna("").astype(str)))


def _text(sents: pd.DataFrame | None, sid: Any) -> str:
    """A sentence's text, '' when there is none."""
    if sents is None or pd.isna(sid) or int(sid) not in sents.index:
        return ""
    return str(sents.at[int(sid), "text"])


def _marked(sents: pd.DataFrame | None, sid: Any, start: Any, end: Any) -> tuple[str, str, str]:
    """A sentence split around the unit's span (offsets into the article, clipped to the
    sentence): before, marked, after."""
    text = _text(sents, sid)
    if not text or pd.isna(start) or pd.isna(end):
        return text, "", ""
    s0 = int(sents.at[int(sid), "start"])
    a = min(max(int(start) - s0, 0), len(text))
    b = min(max(int(end) - s0, a), len(text))
    return text[:a], text[a:b], text[b:]


def _evidence_links(evidence: str, href: str) -> list[dict[str, str]]:
    """Links to the first evidence sentences of a frame."""
    ids = [e for e in str(evidence or "").split() if e.isdigit()][:MAX_EVIDENCE]
    return [{"href": f"{href}#s{e}", "text": f"s{e}"} for e in ids]


def _entry(
    rows: pd.DataFrame, sents: pd.DataFrame | None, title: str, articles: str
) -> dict[str, Any]:
    """One unit of the page: where it is, its context and its questions."""
    r = rows.iloc[0]
    href = f"{articles}/{r['article_id']}.html"
    sid = r["sent_id"]
    before, mark, after = _marked(sents, sid, r["start"], r["end"])
    if pd.isna(sid) and sents is not None and len(sents):  # a whole article: its opening
        before = " ".join(str(t) for t in sents["text"].head(2))
    questions = [
        {
            "row": int(i) + 2,  # the line of codes.csv (after the header)
            "variable": q["variable"],
            "presslens": q["presslens"],
            "item": q["item"],
            "evidence": _evidence_links(q.get("evidence", ""), href),
        }
        for i, q in rows.iterrows()
    ]
    return {
        "unit": r["unit"],
        "article_id": r["article_id"],
        "outlet": r.get("outlet", ""),
        "title": title,
        "href": href + ("" if pd.isna(sid) else f"#s{int(sid)}"),
        "where": r["article_id"] + ("" if pd.isna(sid) else f" #s{int(sid)}"),
        "previous": "" if pd.isna(sid) else _text(sents, int(sid) - 1),
        "before": before,
        "mark": mark,
        "after": after,
        "next": "" if pd.isna(sid) else _text(sents, int(sid) + 1),
        "questions": questions,
    }


def entries(sample: pd.DataFrame, out_dir: str | Path, *, articles: str) -> list[dict[str, Any]]:
    """The page's units in the sheet's order, each with its rows' questions."""
    if not len(sample):
        return []
    out = Path(out_dir)
    ids = set(sample["article_id"].astype(str))
    sents, titles = _sentences(out, ids), _titles(out, ids)
    key = sample["unit"].astype(str)
    for c in UNIT_KEYS[1:]:
        key = key + "|" + sample[c].astype("string").fillna("")
    return [
        _entry(
            rows,
            sents.get(rows.iloc[0]["article_id"]),
            titles.get(rows.iloc[0]["article_id"], ""),
            articles,
        )  # fmt: skip
        for _, rows in sample.groupby(key, sort=False)
    ]


def render_page(sample: pd.DataFrame, out_dir: str | Path, *, articles: str) -> str:
    """sample.html: every unit of the sheet in its context (`articles` is the relative path from
    the page to the run's article pages)."""
    units = entries(sample, out_dir, articles=articles)
    return pages.render(
        "sample.html.j2",
        title="Coding sample",
        units=units,
        n_rows=len(sample),
        css="report.css",
    )


def write_sheet(sample: pd.DataFrame, out_dir: str | Path, folder: str | Path) -> dict[str, Path]:
    """Write codes.csv, codes_guide.md and sample.html into `folder`; return their paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    sheet = target / "codes.csv"
    sample[[*SHEET_COLUMNS, ITEM]].to_csv(sheet, index=False, lineterminator="\n")
    guide = target / "codes_guide.md"
    guide.write_text(guide_text(sample), encoding="utf-8")
    page = target / "sample.html"
    articles = os.path.relpath(Path(out_dir).resolve() / "articles", target.resolve())
    page.write_text(render_page(sample, out_dir, articles=articles), encoding="utf-8")
    return {"sheet": sheet, "guide": guide, "page": page}
