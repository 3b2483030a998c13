"""Render real climate articles as news-database export files, and measure how presslens reads them.

The articles are the narrative-frames development set (eval/narrative-frames, MIT licence: 275
climate articles of about 36 outlets, 2017-2019). Each article goes to the development or the
held-out part by the sha256 of its ID (held out when the first hex digit is 0-3, about a quarter),
and is written into a Nexis Uni / LexisNexis plain-text export and a ProQuest plain-text export,
with the debris real exports and scraped pages carry: document separators, export headers and
fields, an abstract repeating the lead, bylines, datelines, image credits and captions, embedded
tweets' markup, sharing and newsletter prompts, links to other stories, feed footers, broken
encodings (UTF-8 read as Windows-1252) and HTML entities. Which debris an article gets is drawn
from its ID, so the files are the same on every run. eval/exports/README.md is the guide.

    python bench/export_corpus.py              # write eval/exports/*.txt and manifest.csv
    python bench/export_corpus.py --check      # read them through presslens; print the figures

The check reads every export file with presslens's reader (ingest.corpus) and cleaning
(ingest.clean) and counts, per part, the articles whose clean text still holds debris (export
headers or fields, tweet markup, image credits, prompts, mojibake or entities, a lead printed
twice), the sentences of the article (as presslens cleans the plain article) that the export's
clean text lost, and whether title, outlet, date, URL, byline and dateline were read.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from datetime import date
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pandas as pd

from presslens.ingest import clean, corpus, sentences
from presslens.core import paths
from presslens.measure.metrics import wilson

# export files and their articles (per part)
FILES = {"nexis_uni": 12, "lexisnexis": 12, "proquest": 24, "factiva": 16}
NAMES = [
    ("Jane", "Doe"),
    ("John", "Roe"),
    ("Maria", "Alvarez"),
    ("Samuel", "Okafor"),
    ("Priya", "Raman"),
    ("Tomás", "Nuñez"),
    ("Helen", "McCarthy"),
    ("Ken", "Watanabe"),
]
DATELINES = ["WASHINGTON (AP) — ", "LONDON (Reuters) - ", "KABUL, Afghanistan — ", "NEW YORK — "]
TWEETS = ["We cannot wait any longer.", "The science is clear. Act now.", "Big day in the Senate!"]
PROMPTS = [
    "Share this article",
    "Sign up for our daily climate newsletter",
    "Follow us on Twitter",
    "Click here to subscribe",
]
CREDITS = [
    "Photo: {name}/Reuters",
    "Getty Images",
    "AP Photo/{name}",
    "Image copyright AFP",
    "Image caption Protesters gathered outside parliament",
]


def held_out(article_id: str) -> bool:
    """True for the held-out part: the sha256 of the ID starts with 0, 1, 2 or 3."""
    return hashlib.sha256(article_id.encode("utf-8")).hexdigest()[0] in "0123"


def load() -> pd.DataFrame:
    """The climate articles: ID, source, date, text, held_out, paragraphs."""
    tsv = paths.eval_dir() / "narrative-frames" / "articles_metadata.dev.tsv"
    df = pd.read_csv(tsv, sep="\t", dtype=str, keep_default_na=False)[
        ["ID", "source", "date", "text"]
    ]
    df["held_out"] = df["ID"].map(held_out)
    df["paragraphs"] = df["text"].map(paragraphs)
    return df


def paragraphs(text: str, per: int = 3) -> list[str]:
    """The text cut into paragraphs of `per` sentences (at presslens's sentence boundaries)."""
    spans = list(sentences.spans(text))
    if not spans:
        return [text.strip()]
    cuts = [spans[i][0] for i in range(0, len(spans), per)][1:] + [len(text)]
    starts = [0] + cuts[:-1]
    return [text[a:b].strip() for a, b in zip(starts, cuts) if text[a:b].strip()]


def _rng(article_id: str, fmt: str) -> random.Random:
    return random.Random(hashlib.sha256(f"{fmt}:{article_id}".encode()).hexdigest())


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(NAMES)


def _byline(rng: random.Random, fmt: str) -> tuple[str, str]:
    """(line as printed, style) of a byline, or ('', '') for none."""
    first, last = _person(rng)
    style = rng.choice(["none", "by", "by_agency", "field"])
    if style == "by":
        return f"By {first} {last}", style
    if style == "by_agency":
        other = _person(rng)
        names = f"{first.upper()} {last.upper()} and {other[0].upper()} {other[1].upper()}"
        return f"By {names}, Associated Press", style
    if style == "field":
        field = {"proquest": f"Author: {last}, {first}", "factiva": f"{first} {last}"}
        return field.get(fmt, f"Byline: {first} {last}"), style
    return "", ""


def _near_copy(par: str, rng: random.Random) -> str:
    """The paragraph as an abstract: exact, one word dropped, or its first sentence(s)."""
    kind = rng.choice(["exact", "drop", "cut"])
    words = par.split(" ")
    if kind == "drop" and len(words) > 12:
        del words[rng.randrange(3, len(words) - 3)]
        return " ".join(words)
    if kind == "cut":
        spans = list(sentences.spans(par))
        if len(spans) > 1:
            return par[: spans[-2][1]].strip()
    return par


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;")


def decorate(pars: list[str], rng: random.Random, plan: dict) -> list[str]:
    """Page debris among the paragraphs (tweet markup, credits, prompts, related links, feed
    footers, broken encodings); `plan` records what was added."""
    out = list(pars)
    if rng.random() < 0.3 and len(out) > 2:
        first, last = _person(rng)
        at = rng.randrange(1, len(out))
        tweet = f"{rng.choice(TWEETS)} pic.twitter.com/{rng.randrange(16**8):08x}"
        footer = f"— {first} {last} (@{first.lower()}{last[:3].lower()}) March {at}, 2019"
        out[at:at] = [f"tweet-id: {rng.randrange(10**17, 10**18)}", tweet, footer]
        plan["tweet"] = True
    if rng.random() < 0.4:
        at = rng.randrange(1, len(out) + 1)
        name = " ".join(_person(rng))
        out.insert(at, rng.choice(CREDITS).format(name=name))
        plan["credit"] = True
    if rng.random() < 0.3:
        out[0] = out[0] + f" (Photo by {' '.join(_person(rng))}/Getty Images)"
        plan["credit"] = True
    if rng.random() < 0.4:
        out.insert(rng.randrange(1, len(out) + 1), rng.choice(PROMPTS))
        plan["prompt"] = True
    if rng.random() < 0.25 and len(out) > 1:
        out.insert(1, "READ MORE: Climate talks stall as nations argue over targets")
        plan["related"] = True
    wide = [k for k, p in enumerate(out) if re.search(r"[^\x00-\x7f]", p)]
    if rng.random() < 0.35 and wide:
        for k in wide:
            out[k] = _mojibake(out[k])
        plan["mojibake"] = True
    if rng.random() < 0.15:
        out = [_entities(p) for p in out]
        plan["entities"] = True
    return out


def _body(row: pd.Series, rng: random.Random, plan: dict, direct: clean.Cleaned) -> list[str]:
    """The paragraphs of the body with a dateline (when the plain article has none) and debris."""
    pars = list(row["paragraphs"])
    if not direct.dateline and rng.random() < 0.4:
        plan["dateline"] = rng.choice(DATELINES)
        pars[0] = plan["dateline"] + pars[0]
    return decorate(pars, rng, plan)


def _long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year} {d:%A}"


def render_nexis(
    n: int, total: int, row: pd.Series, title: str, plan: dict, body: list[str]
) -> str:
    """One Nexis document: the old LexisNexis layout or the Nexis Uni one, by the plan."""
    old = plan["format"] == "lexisnexis"
    words = sum(len(p.split()) for p in body)
    head = (
        [f"{n} of {total} DOCUMENTS", "", row["source"], _long_date(row["date"]), ""]
        if old
        else [
            row["source"],
            _long_date(row["date"]),
            "Online Edition",
            "",
        ]
    )
    lines = head + [title, ""]
    if plan.get("byline"):
        lines += [plan["byline"], ""]
    lines += ["Section: NEWS; Pg. 5", "", f"Length: {words} words", ""]
    if plan.get("url"):
        lines += [f"URL: {plan['url']}", ""]
    lines += ([] if old else ["Body", ""]) + [x for p in body for x in (p, "")]
    lines += [f"Load-Date: {_long_date(row['date'])}", "", "Language: ENGLISH", ""]
    lines += [f"Copyright {row['date'][:4]} {row['source']}", "All Rights Reserved", ""]
    lines += ["Publication-Type: Newspaper", ""] if old else ["End of Document", "", ""]
    return "\n".join(lines)


def render_proquest(
    n: int, total: int, row: pd.Series, title: str, plan: dict, body: list[str]
) -> str:
    """One ProQuest document: headline, abstract, full text and fields, between underscores."""
    rng = _rng(row["ID"], "proquest-layout")
    labels = rng.random() < 0.5
    d = date.fromisoformat(row["date"])
    lines = ["_" * 60, "", f"Document {n} of {total}", "", title, ""]
    if plan.get("byline"):
        lines += [plan["byline"], ""]
    abstract = plan.get("abstract", "")
    lines += (
        [f"Abstract: {abstract or 'None available.'}", ""]
        if labels
        else (["ABSTRACT", abstract, ""] if abstract else [])
    )
    lines += [f"Full text: {body[0]}"] if labels else ["FULL TEXT", body[0]]
    lines += [x for p in body[1:] for x in ("", p)] + [""]
    fields = [
        ("Subject", "Climate change; Emissions; Politics"),
        ("Location", "United States--US"),
        ("Title", title),
        ("Publication title", f"{row['source']}; New York, N.Y."),
        ("Publication date", f"{d:%b} {d.day}, {d.year}"),
        ("Source type", "Newspapers"),
        ("Language of publication", "English"),
        ("Document type", "News"),
        ("ProQuest document ID", plan["pqid"]),
        ("Document URL", plan["url"]),
        ("Copyright", f"Copyright {row['source']} {d:%b} {d.day}, {d.year}"),
        ("Last updated", row["date"]),
        ("Database", "US Newsstream"),
    ]
    return "\n".join(lines + [x for k, v in fields for x in (f"{k}: {v}", "")])


def render_factiva(
    n: int, total: int, row: pd.Series, title: str, plan: dict, body: list[str]
) -> str:
    """One Factiva document with field codes, each code alone on its line above its value (an
    .rtf export saved as text)."""
    d = date.fromisoformat(row["date"])
    code = re.sub(r"[^A-Z]", "", row["source"].upper())[:6] or "SRC"
    fields = [("HD", [title])]
    if plan.get("byline"):
        fields.append(("BY", [plan["byline"]]))
    fields += [
        ("WC", [f"{sum(len(p.split()) for p in body)} words"]),
        ("PD", [f"{d.day} {d:%B} {d.year}"]),
        ("SN", [row["source"]]),
        ("SC", [code]),
        ("LA", ["English"]),
        ("CY", [f"(c) {d.year} {row['source']}. All rights reserved."]),
        ("LP", body[:1]),
        ("TD", body[1:]),
        ("NS", ["gclimt : Climate Change | gcat : Political/General News"]),
        ("RE", ["usa : United States | namz : North America"]),
        ("AN", [f"Document {code}{d:%Y%m%d}ef{n:03d}{row['ID'][:6]:0>6}"]),
    ]
    return "\n".join(x for c, values in fields for x in [c] + [v for p in values for v in (p, "")])


RENDER = {"proquest": render_proquest, "factiva": render_factiva}


def _plan(row: pd.Series, fmt: str, direct: clean.Cleaned) -> tuple[dict, list[str]]:
    rng = _rng(row["ID"], fmt)
    plan: dict = {"id": row["ID"], "format": fmt}
    plan["byline"], plan["byline_style"] = _byline(rng, fmt)
    pqid = str(2_000_000_000 + int(hashlib.sha256(row["ID"].encode()).hexdigest()[:8], 16) % 10**8)
    plan["pqid"] = pqid
    plan["url"] = (
        f"https://www.proquest.com/docview/{pqid}"
        if fmt == "proquest"
        else (
            f"https://news.example.org/{row['ID']}"
            if rng.random() < 0.5 and fmt != "factiva"
            else ""
        )
    )
    body = _body(row, rng, plan, direct)
    if fmt == "proquest" and rng.random() < 0.7:
        plan["abstract"] = _near_copy(body[0], rng)
    return plan, body


def _broken_doc(fmt: str, n: int, total: int) -> str:
    """A document without article text: it must become a quarantine row."""
    head = "The Daily Example\nMarch 3, 2019 Sunday\n\nA headline without text\n\n"
    if fmt == "lexisnexis":
        return f"{n} of {total} DOCUMENTS\n\n{head}Load-Date: March 4, 2019\n"
    if fmt == "nexis_uni":
        return f"{head}Length: 0 words\n\nLoad-Date: March 4, 2019\n\nEnd of Document\n"
    if fmt == "factiva":
        fields = [("HD", "A headline without text"), ("PD", "3 March 2019"), ("SN", "The Daily")]
        return "\n".join(
            x for c, v in fields + [("AN", "Document DAILY00020190303ef33000001")] for x in (c, v)
        )
    return "\n".join(
        ["_" * 60, "", f"Document {n} of {total}", "", "A headline without text", ""]
        + ["Full text: Not available.", "", "Publication title: The Daily Example", ""]
        + ["Publication date: Mar 3, 2019", "", "Document URL: https://www.proquest.com/docview/1"]
    )


def write(out: Path) -> pd.DataFrame:
    """Write the four export files and manifest.csv into `out`; return the manifest."""
    df = load()
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for part, part_df in (("dev", df[~df["held_out"]]), ("heldout", df[df["held_out"]])):
        start = 0
        for fmt, size in FILES.items():
            chosen = part_df.iloc[start : start + size]
            start += size
            total = len(chosen) + 1
            docs = []
            for n, (_, row) in enumerate(chosen.iterrows(), start=1):
                direct = clean.clean(row["text"], title=title_of(row))
                plan, body = _plan(row, fmt, direct)
                render = RENDER.get(fmt, render_nexis)
                docs.append(render(n, total, row, title_of(row), plan, body))
                rows.append({**plan, "file": f"{fmt}_{part}.txt", "document": n, "part": part})
            docs.append(_broken_doc(fmt, total, total))
            rows.append(
                {
                    "id": "",
                    "format": fmt,
                    "file": f"{fmt}_{part}.txt",
                    "document": total,
                    "part": part,
                    "broken": True,
                }
            )
            (out / f"{fmt}_{part}.txt").write_text("\n".join(docs), encoding="utf-8")
    manifest = pd.DataFrame(rows).drop(columns=["pqid"])
    manifest.to_csv(out / "manifest.csv", index=False)
    return manifest


def title_of(row: pd.Series) -> str:
    """The title given in the export: the article's first sentence (the source glues the headline
    to the text)."""
    first = next(sentences.spans(row["text"]), (0, len(row["text"])))
    return row["text"][first[0] : first[1]].strip()


# --- the check: what presslens makes of the files -------------------------------------------------

DEBRIS = {
    "export header or field": re.compile(
        r"^(abstract|full text|body|document \d+ of \d+|\d+ of \d+ documents|end of document|"
        r"load-date|length|section|byline|author|subject|location|title|publication title|"
        r"publication date|source type|language( of publication)?|document type|"
        r"proquest document id|document url|copyright|last updated|database|publication-type|"
        r"url)\b|_{10,}|All Rights Reserved",
        re.IGNORECASE | re.MULTILINE,
    ),
    "factiva field code": re.compile(
        r"^(HD|BY|WC|PD|ET|SN|SC|LA|CY|LP|TD|CO|IN|NS|RE|PUB|AN)( |$)|Document [A-Za-z0-9]{20,}",
        re.MULTILINE,
    ),
    "tweet markup": re.compile(r"tweet-id|pic\.twitter\.com|\(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}"),
    "image credit": re.compile(
        r"Getty Images|AP Photo|Photo:|Image copyright|Image caption|/Reuters"
    ),
    "prompt or link": re.compile(
        r"Share this article|Sign up for|Follow us on|Click here|READ MORE:"
    ),
    "mojibake or entity": re.compile(
        "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
        "\u2013\u2014\u2018\u2019\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac"
        "\u2122]|&(amp|#39|quot|#\\d+);"
    ),
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _leftovers(got: str, direct: str) -> list[str]:
    """Kinds of debris the export's clean text holds beyond the plain article's clean text."""
    return [k for k, p in DEBRIS.items() if len(p.findall(got)) > len(p.findall(direct))]


def _lead_twice(got: str, direct: str) -> bool:
    first = next(sentences.spans(direct), None)
    if first is None:
        return False
    lead = _flat(direct[first[0] : first[1]])
    return _flat(got).count(lead) > _flat(direct).count(lead)


def _lost(got: str, direct: str) -> tuple[int, int]:
    """(sentences of the plain article's clean text missing from the export's, sentences)."""
    flat = _flat(got)
    sents = [_flat(direct[a:b]) for a, b in sentences.spans(direct)]
    return sum(s not in flat for s in sents), len(sents)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _judge(art: pd.Series, plan: pd.Series, row: pd.Series) -> dict:
    """What one export article came out as, against the manifest and the plain article."""
    plain = clean.clean(row["text"], title=title_of(row))
    direct = plain.text
    lost, total = _lost(art["text"], direct)
    want_dateline = plan["dateline"].strip(" —-") or plain.dateline
    byline = _text(plan["byline"])
    return {
        "leftovers": _leftovers(art["text"], direct),
        "lead_twice": _lead_twice(art["text"], direct),
        "lost": lost,
        "sentences": total,
        "meta_ok": (art["title"], art["outlet"], art["published"], _text(art["url"]))
        == (
            title_of(row),
            row["source"],
            row["date"],
            _text(plan["url"]),
        ),
        "byline_ok": (not byline)
        or (bool(art["byline"]) and (art["byline"] in byline or byline in art["byline"])),
        "dateline_ok": art["dateline"] == want_dateline,
    }


def check_part(folder: Path, part: str, manifest: pd.DataFrame) -> dict:
    """Read a part's export files through presslens; the figures of that part."""
    df = load().set_index("ID")
    judged, counts = [], {"inputs": 0, "ok": 0, "quarantined": 0, "broken": 0}
    for fmt in FILES:
        raw, _ = corpus.read(folder / f"{fmt}_{part}.txt")
        arts, _ = clean.clean_articles(raw)
        plans = manifest[manifest["file"] == f"{fmt}_{part}.txt"].set_index("document")
        counts["inputs"] += len(arts)
        counts["broken"] += int(plans["broken"].fillna(False).astype(bool).sum())
        for a in arts.itertuples(index=False):
            counts[a.status] += 1
            n = int(a.file.split("#")[1])
            if a.status == "ok" and not bool(plans.at[n, "broken"] is True):
                judged.append(
                    _judge(pd.Series(a._asdict()), plans.loc[n], df.loc[plans.at[n, "id"]])
                )
    return {"counts": counts, "judged": judged}


def _line(label: str, k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    return f"  {label:<44} {k:>4} / {n:<5} = {k / max(n, 1):.3f}  [{lo:.3f}, {hi:.3f}]"


def report(part: str, res: dict) -> list[str]:
    """The printed figures of one part."""
    j, c = res["judged"], res["counts"]
    n = len(j)
    out = [
        f"{part}: {c['inputs']} documents read: {c['ok']} ok, {c['quarantined']} quarantined "
        f"({c['broken']} built without text)"
    ]
    dirty = sum(bool(x["leftovers"]) or x["lead_twice"] for x in j)
    out.append(_line("articles with any debris left", dirty, n))
    for kind in DEBRIS:
        out.append(_line(f"  ... {kind}", sum(kind in x["leftovers"] for x in j), n))
    out.append(_line("  ... lead printed twice", sum(x["lead_twice"] for x in j), n))
    out.append(
        _line(
            "sentences lost (of the plain article's)",
            sum(x["lost"] for x in j),
            sum(x["sentences"] for x in j),
        )
    )
    out.append(_line("title, outlet, date and url read right", sum(x["meta_ok"] for x in j), n))
    out.append(_line("byline right (or none printed)", sum(x["byline_ok"] for x in j), n))
    out.append(_line("dateline right (or none printed)", sum(x["dateline_ok"] for x in j), n))
    return out


def main() -> None:
    """Write the export files, or with --check read them and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(paths.eval_dir() / "exports"))
    ap.add_argument("--check", action="store_true", help="read the files and print the figures")
    ap.add_argument("--part", choices=["dev", "heldout", "both"], default="both")
    args = ap.parse_args()
    out = Path(args.out)
    if not args.check:
        m = write(out)
        print(f"wrote {m['file'].nunique()} files, {len(m)} documents into {out}")
        return
    manifest = pd.read_csv(out / "manifest.csv", dtype=str, keep_default_na=False)
    manifest["broken"] = manifest["broken"] == "True"
    manifest["document"] = manifest["document"].astype(int)
    for part in ["dev", "heldout"] if args.part == "both" else [args.part]:
        print("\n".join(report(part, check_part(out, part, manifest))))


if __name__ == "__main__":
    main()
