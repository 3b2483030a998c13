# ruff: noqa: E501  (written by an independent tester: export field lists and page debris as data)
"""Score presslens's reading + cleaning on eval/exports-heldout3/.

    .venv/bin/python bench/export_heldout3_check.py            # run presslens
    .venv/bin/python bench/export_heldout3_check.py --bodies   # self-check: feed the original bodies

Per format (nexis_uni, ln_academic, proquest, factiva, scraped) it prints:
documents found vs made; articles whose cleaned text still holds inserted debris,
an export field label at a line start, an HTML tag, or mojibake; body sentences
lost; title / outlet / date matches — each with a Wilson 95% interval — and then
every leftover verbatim.  Cleaned articles are matched to the documents made by
body-sentence overlap (restricted to the same file when presslens reports one).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DIR = ROOT / "eval" / "exports-heldout3"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_heldout3 import sentences, mojibake, curl  # noqa: E402

FORMATS = {
    "nexis_uni": lambda f: f.startswith("nexis_uni"),
    "ln_academic": lambda f: f.startswith("lexisnexis_academic"),
    "proquest": lambda f: f.startswith("proquest"),
    "factiva": lambda f: f.startswith("factiva"),
    "scraped": lambda f: f.startswith("scraped/"),
}


def fmt_of(f: str) -> str:
    return next(k for k, t in FORMATS.items() if t(f))


# ---------------------------------------------------------------- normalisation
QMAP = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "…": "...",
    }
)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).translate(QMAP)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def nospace(s: str) -> str:
    """Whitespace-free form (sentence search tolerant to re-spacing around quotes)."""
    return re.sub(r"\s+", "", norm(s))


# Sentences of the dataset's own text that are themselves site debris (kept in the body,
# since they are the source's text, but a cleaner that drops them is not losing body).
SOURCE_DEBRIS = re.compile(
    r"\(RELATED:[^)]*\)?|CLICK HERE TO GET THE FOX NEWS APP"
    r"|^(?:Content created by The Daily Caller News Foundation|For licensing opportunities|Featured image"
    r"|Watch the interview below|Analysis: |Read more: |Sign up for|Follow .* on Twitter).*$"
)


def source_debris_only(s: str, ns: str) -> bool:
    """True when a missing sentence is (or, once its in-source debris is cut, is reduced to text found in) ns."""
    if not SOURCE_DEBRIS.search(s):
        return False
    rest = SOURCE_DEBRIS.sub(" ", s).strip()
    return len(rest) < 25 or nospace(rest) in ns


def wilson(k: int, n: int, z: float = 1.96) -> str:
    if n == 0:
        return f"{k}/{n}  (n/a)"
    p = k / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return f"{k}/{n} = {p:6.1%}  [{max(0, c - h):.1%}, {min(1, c + h):.1%}]"


# ---------------------------------------------------------------- probes
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?\s*>")
URL = re.compile(r"(?:https?://|//|www\.|pic\.twitter\.com/)\S+")
MOJI = ["Ã", "â€", "Â"]

LABELS_COLON = [
    # Nexis Uni
    "Byline",
    "Section",
    "Length",
    "Highlight",
    "Load-Date",
    "Language",
    "Publication-Type",
    "Subject",
    "Geographic",
    "Industry",
    "Dateline",
    "Document-Type",
    "Person",
    "Organization",
    "Ticker",
    "Client/Matter",
    "Search Terms",
    "Search Type",
    "Narrowed by",
    "Job Number",
    "Date and Time",
    "User Name",
    "Graphic",
    "Notes",
    # LexisNexis Academic
    "BYLINE",
    "SECTION",
    "LENGTH",
    "LOAD-DATE",
    "LANGUAGE",
    "PUBLICATION-TYPE",
    "DATELINE",
    "HIGHLIGHT",
    "GRAPHIC",
    "URL",
    "BODY",
    "JOURNAL-CODE",
    "DOCUMENT-TYPE",
    # ProQuest
    "Abstract",
    "ABSTRACT",
    "Full text",
    "Full Text",
    "FULL TEXT",
    "Location",
    "People",
    "Company / organization",
    "Company",
    "Publication title",
    "Pages",
    "Publication year",
    "Publication date",
    "Publisher",
    "Place of publication",
    "Country of publication",
    "Publication subject",
    "ISSN",
    "Source type",
    "Language of publication",
    "Document type",
    "ProQuest document ID",
    "Document URL",
    "Copyright",
    "Last updated",
    "Database",
    "Author",
    "Publication info",
    "Title",
    "Credit",
    "Caption",
    "Illustration",
    "Links",
    "Citation style",
]
LABELS_ALONE = [
    "Body",
    "Classification",
    "End of Document",
    "ABSTRACT",
    "FULL TEXT",
    "Full text",
    "Graphic",
    "Notes",
    "Bibliography",
    "Contents",
    "ProQuest document link",
    "Search Summary",
    "BODY:",
    "Contact ProQuest",
]
FACTIVA = [
    "HD",
    "BY",
    "CR",
    "WC",
    "PD",
    "ET",
    "SN",
    "SC",
    "ED",
    "PG",
    "LA",
    "CY",
    "LP",
    "TD",
    "CO",
    "IN",
    "NS",
    "RE",
    "IPD",
    "IPC",
    "PUB",
    "AN",
]
LABEL_RE = re.compile(
    r"^\s*(?:(?:"
    + "|".join(re.escape(x) for x in sorted(LABELS_COLON, key=len, reverse=True))
    + r")\s*:"
    r"|(?:" + "|".join(re.escape(x) for x in LABELS_ALONE) + r")\s*$"
    r"|(?:" + "|".join(FACTIVA) + r")(?:\s*$|[ \t]{2,}\S|\t)"
    r"|\d+ of \d+ DOCUMENTS\b|Document \d+ of \d+\b|Documents \(\d+\))"
)


def probes(text: str) -> list[str]:
    """Strings whose presence in cleaned text shows a debris piece (or part of it) survived."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        out.append(line)
        if "<" in line or URL.search(line):
            for frag in TAG.split(line):
                for u in URL.findall(frag):
                    out.append(u.rstrip(".,)\"'<"))
                for piece in URL.split(frag):
                    piece = piece.strip(" .,;:|&")
                    if len(piece) >= 12 and piece not in ("mdash;",):
                        out.append(piece)
    seen, res = set(), []
    for p in out:
        if p not in seen:
            seen.add(p)
            res.append(p)
    return res


# ---------------------------------------------------------------- data
def load():
    bodies = json.loads((DIR / "bodies.json").read_text(encoding="utf-8"))
    with open(DIR / "debris.csv", encoding="utf-8") as f:
        debris = list(csv.DictReader(f))
    docs = []
    for fname, dd in bodies.items():
        for k, m in dd.items():
            docs.append({"file": fname, "doc": int(k), "format": fmt_of(fname), **m})
    return docs, debris


def pick(df: pd.DataFrame, names) -> str | None:
    for n in names:
        if n in df.columns:
            return n
    return None


def file_column(df: pd.DataFrame, files) -> str | None:
    """A column whose values name the export file an article came from."""
    bases = [Path(f).name for f in files]
    best, hits = None, 0
    for c in df.columns:
        if pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_datetime64_any_dtype(df[c]):
            continue
        vals = [str(v) for v in df[c].head(200)]
        h = sum(any(b in v for b in bases) for v in vals)
        if h > hits:
            best, hits = c, h
    return best if hits >= max(1, len(df.head(200)) // 2) else None


def to_iso(v) -> str | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    try:
        ts = pd.Timestamp(v)
        if pd.isna(ts):
            return None
        return ts.date().isoformat()
    except Exception:
        pass
    try:
        import dateutil.parser

        return dateutil.parser.parse(str(v), fuzzy=True).date().isoformat()
    except Exception:
        return None


def loose(s) -> str:
    s = norm("" if s is None or (isinstance(s, float) and math.isnan(s)) else s).lower()
    s = re.sub(r"\((?:online|web|blog)\)", "", s)
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s)


# ---------------------------------------------------------------- evaluation
def evaluate(
    cleaned: pd.DataFrame, docs, debris, raw_n=None, quarantine=None, removed=None, out=print
):
    files = sorted({d["file"] for d in docs})
    file_c = file_column(cleaned, files)
    rest = cleaned.drop(columns=[file_c]) if file_c else cleaned
    text_c = pick(cleaned, ["text", "body", "clean_text"])
    title_c = pick(cleaned, ["title", "headline"])
    outlet_c = pick(rest, ["outlet", "source", "publication", "publisher", "source_name"])
    date_c = pick(
        cleaned, ["published", "date", "published_at", "pub_date", "publication_date", "datetime"]
    )

    out(
        f"columns used: text={text_c} title={title_c} outlet={outlet_c} date={date_c} file={file_c}"
    )
    arts = []
    for idx, r in cleaned.reset_index(drop=True).iterrows():
        t = "" if text_c is None or pd.isna(r[text_c]) else str(r[text_c])
        f = None
        if file_c:
            v = str(r[file_c])
            f = next((x for x in sorted(files, key=len, reverse=True) if Path(x).name in v), None)
        arts.append({"i": idx, "text": t, "n": norm(t), "ns": nospace(t), "file": f, "row": r})

    # sentences of every made doc
    for d in docs:
        d["sents"] = [s for p in d["paragraphs"] for s in sentences(p)]
        d["body_n"] = norm(" ".join(d["paragraphs"]))
        d["body_ns"] = nospace(" ".join(d["paragraphs"]))

    # match cleaned articles to docs by sentence overlap (one-to-one, greedy)
    pairs = []
    for a in arts:
        for j, d in enumerate(docs):
            if a["file"] is not None and a["file"] != d["file"]:
                continue
            sc = sum(nospace(s) in a["ns"] for s in d["sents"]) / max(1, len(d["sents"]))
            if sc > 0:
                pairs.append((sc, a["i"], j))
    pairs.sort(key=lambda t: -t[0])
    a2d, d2a = {}, {}
    for sc, ai, j in pairs:
        if ai in a2d or j in d2a:
            continue
        a2d[ai], d2a[j] = j, ai

    leftovers = []  # (format, file, doc, kind, detail)
    fmt_stats = defaultdict(lambda: defaultdict(int))
    deb_by = defaultdict(list)
    for r in debris:
        deb_by[(r["file"], int(r["doc"]))].append(r)
        if int(r["doc"]) == 0:  # front/end matter may land in any article of the file
            pass

    for f in files:
        fm = fmt_of(f)
        made = [j for j, d in enumerate(docs) if d["file"] == f]
        fmt_stats[fm]["made"] += len(made)
        if file_c:
            fmt_stats[fm]["found"] += sum(1 for a in arts if a["file"] == f)
        else:
            fmt_stats[fm]["found"] += sum(1 for j in made if j in d2a)
    if file_c is None:
        fmt_stats["(unmatched)"]["found"] += sum(1 for a in arts if a["i"] not in a2d)

    # per article checks: every cleaned article of a known file, plus all matched ones
    for a in arts:
        j = a2d.get(a["i"])
        d = docs[j] if j is not None else None
        f = d["file"] if d else a["file"]
        if f is None:
            continue
        fm = fmt_of(f)
        st = fmt_stats[fm]
        st["articles"] += 1
        body_n = d["body_n"] if d else ""
        body_ns = d["body_ns"] if d else ""
        docno = d["doc"] if d else -1
        hit = {"debris": False, "label": False, "html": False, "mojibake": False}
        # debris of this doc, plus the file's front/end matter (doc 0), plus (when unmatched) all of the file's
        cand = (
            deb_by[(f, docno)] + deb_by[(f, 0)]
            if d
            else [r for (ff, _), rs in deb_by.items() if ff == f for r in rs]
        )
        for r in cand:
            if r["kind"].endswith("_dup"):
                pn = nospace(r["text"])
                if a["ns"].count(pn) > body_ns.count(pn):
                    hit["debris"] = True
                    leftovers.append((fm, f, docno, "debris:" + r["kind"], r["text"]))
                continue
            for p in probes(r["text"]):
                pn = norm(p)
                if len(pn) < 3 or not pn:
                    continue
                if len(pn) < 15:  # short probes must stand as whole words
                    rx = re.compile(r"(?<!\w)" + re.escape(pn) + r"(?!\w)")
                    present = bool(rx.search(a["n"])) and not rx.search(body_n)
                else:
                    present = pn in a["n"] and pn not in body_n
                if present:
                    hit["debris"] = True
                    leftovers.append((fm, f, docno, "debris:" + r["kind"], p))
                    break
        for line in a["text"].split("\n"):
            if LABEL_RE.match(line):
                ln = norm(line)
                if ln and ln in body_n:
                    continue
                hit["label"] = True
                leftovers.append((fm, f, docno, "label", line.strip()))
        for m in TAG.finditer(a["text"]):
            if norm(m.group(0)) not in body_n:
                hit["html"] = True
                leftovers.append((fm, f, docno, "html", m.group(0)))
        for mj in MOJI:
            if mj in a["text"] and mj not in body_n:
                hit["mojibake"] = True
                k = a["text"].index(mj)
                leftovers.append(
                    (
                        fm,
                        f,
                        docno,
                        "mojibake",
                        a["text"][max(0, k - 40) : k + 40].replace("\n", " "),
                    )
                )
        for k_, v in hit.items():
            st[k_] += int(v)
        st["any_leftover"] += int(any(hit.values()))
        if d is None:
            st["unmatched_articles"] += 1
            leftovers.append((fm, f, -1, "unmatched_article", a["text"][:200].replace("\n", " ")))

    # sentence losses and metadata, per made doc
    for j, d in enumerate(docs):
        fm = d["format"]
        st = fmt_stats[fm]
        ai = d2a.get(j)
        a = arts[ai] if ai is not None else None
        st["sentences"] += len(d["sents"])
        for s in d["sents"]:
            sn = nospace(s)
            if a is not None and sn in a["ns"]:
                continue
            garbled = a is not None and nospace(mojibake(curl(s))) in a["ns"]
            if not garbled and source_debris_only(s, a["ns"] if a is not None else ""):
                st["sent_source_debris"] += 1
                leftovers.append((fm, d["file"], d["doc"], "source_debris_trimmed", s))
            elif garbled:
                st["sent_garbled"] += 1
                leftovers.append((fm, d["file"], d["doc"], "sentence_garbled", s))
            else:
                st["sent_lost"] += 1
                leftovers.append((fm, d["file"], d["doc"], "sentence_lost", s))
        st["docs"] += 1
        st["doc_with_loss"] += int(
            any(
                nospace(s) not in (a["ns"] if a else "")
                and not source_debris_only(s, a["ns"] if a else "")
                and not (a is not None and nospace(mojibake(curl(s))) in a["ns"])
                for s in d["sents"]
            )
        )
        if a is None:
            st["doc_missing"] += 1
            leftovers.append((fm, d["file"], d["doc"], "document_missing", d["title"]))
            continue
        r = a["row"]
        got_t = r[title_c] if title_c else None
        got_o = r[outlet_c] if outlet_c else None
        got_d = r[date_c] if date_c else None
        ok_t = (
            norm(
                "" if got_t is None or (isinstance(got_t, float) and math.isnan(got_t)) else got_t
            ).lower()
            == norm(d["title"]).lower()
        )
        lo, lg = loose(d["outlet"]), loose(got_o)
        ok_o = bool(lg) and (lo == lg or lo in lg or lg in lo)
        ok_d = to_iso(got_d) == d["date"]
        st["title_ok"] += ok_t
        st["outlet_ok"] += ok_o
        st["date_ok"] += ok_d
        if not ok_t:
            leftovers.append(
                (fm, d["file"], d["doc"], "title_mismatch", f"made {d['title']!r} got {got_t!r}")
            )
        if not ok_o:
            leftovers.append(
                (fm, d["file"], d["doc"], "outlet_mismatch", f"made {d['outlet']!r} got {got_o!r}")
            )
        if not ok_d:
            leftovers.append(
                (fm, d["file"], d["doc"], "date_mismatch", f"made {d['date']!r} got {got_d!r}")
            )

    order = list(FORMATS) + (
        ["(unmatched)"] if fmt_stats.get("(unmatched)", {}).get("found") else []
    )
    tot = defaultdict(int)
    for fm in order:
        st = fmt_stats[fm]
        for k, v in st.items():
            tot[k] += v
    if raw_n is not None:
        out(
            f"raw articles read: {raw_n}; quarantined: {0 if quarantine is None else len(quarantine)}; "
            f"removed by cleaning: {0 if removed is None else len(removed)}"
        )
    for fm, st in [(fm, fmt_stats[fm]) for fm in order] + [("ALL", tot)]:
        out(f"\n== {fm}")
        out(
            f"  documents found / made          : {st['found']} / {st['made']}"
            + (
                f"   (cleaned articles not matched to any made document: {st['unmatched_articles']})"
                if st["unmatched_articles"]
                else ""
            )
        )
        if fm == "(unmatched)":
            continue
        n = st["articles"]
        out(f"  articles with any leftover      : {wilson(st['any_leftover'], n)}")
        out(f"    with inserted debris          : {wilson(st['debris'], n)}")
        out(f"    with export field label       : {wilson(st['label'], n)}")
        out(f"    with HTML tag                 : {wilson(st['html'], n)}")
        out(f"    with mojibake                 : {wilson(st['mojibake'], n)}")
        out(f"  body sentences lost             : {wilson(st['sent_lost'], st['sentences'])}")
        out(f"  body sentences kept but garbled : {wilson(st['sent_garbled'], st['sentences'])}")
        out(
            f"  sentences missing only by the source's own site debris, e.g. '(RELATED: ...)' (not counted as lost): {st['sent_source_debris']}"
        )
        out(
            f"  documents with any sentence lost: {wilson(st['doc_with_loss'], st['docs'])}  (missing entirely: {st['doc_missing']})"
        )
        out(f"  title matches                   : {wilson(st['title_ok'], st['docs'])}")
        out(f"  outlet matches                  : {wilson(st['outlet_ok'], st['docs'])}")
        out(f"  published date matches          : {wilson(st['date_ok'], st['docs'])}")
    out(f"\n== every leftover / loss / mismatch, verbatim ({len(leftovers)})")
    for fm, f, dn, kind, detail in sorted(
        leftovers, key=lambda t: (order.index(t[0]) if t[0] in order else 9, t[1], t[2], t[3])
    ):
        out(f"[{fm}] {f} doc {dn} {kind}: {detail!r}")
    return tot, leftovers


def bodies_frame(docs) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "text": "\n\n".join(d["paragraphs"]),
                "title": d["title"],
                "outlet": d["outlet"],
                "published": d["date"],
                "path": str(DIR / d["file"]),
            }
            for d in docs
        ]
    )


def dirty_frame(docs, debris) -> pd.DataFrame:
    """Negative control: bodies with their debris, labels and (scraped) the whole page left in."""
    rows = []
    for d in docs:
        if d["format"] == "scraped":
            t = (DIR / d["file"]).read_text(encoding="utf-8").split("\n", 1)[1]
        else:
            extra = [
                r["text"] for r in debris if r["file"] == d["file"] and int(r["doc"]) == d["doc"]
            ]
            t = "\n\n".join(
                extra[:1] + d["paragraphs"] + extra[1:] + ["Load-Date: May 1, 2019", "HD", "<p>"]
            )
        rows.append(
            {
                "text": t,
                "title": d["title"] + " x",
                "outlet": "",
                "published": None,
                "path": str(DIR / d["file"]),
            }
        )
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bodies", action="store_true", help="self-check: score the original bodies")
    ap.add_argument(
        "--dirty", action="store_true", help="negative control: bodies with debris left in"
    )
    ap.add_argument(
        "--no-file", action="store_true", help="with --bodies/--dirty: hide the file column"
    )
    ap.add_argument("--out", help="also write the report to this file")
    args = ap.parse_args()
    docs, debris = load()
    lines = []

    def out(s=""):
        print(s)
        lines.append(s)

    if args.dirty:
        fr = dirty_frame(docs, debris)
        if args.no_file:
            fr = fr.drop(columns=["path"])
        out(
            "NEGATIVE CONTROL: bodies with debris left in (expect every article flagged, no losses)"
        )
        tot, left = evaluate(fr, docs, debris, out=out)
        code = 0 if tot["any_leftover"] == tot["articles"] and tot["sent_lost"] == 0 else 1
        out(f"\nNEGATIVE CONTROL {'PASSED' if code == 0 else 'FAILED'}")
    elif args.bodies:
        fr = bodies_frame(docs)
        if args.no_file:
            fr = fr.drop(columns=["path"])
        out(
            "SELF-CHECK: scoring the original bodies (expect 0 leftovers, 0 losses, all metadata matching)"
        )
        tot, left = evaluate(fr, docs, debris, out=out)
        bad = tot["any_leftover"] + tot["sent_lost"] + tot["sent_garbled"] + tot["doc_missing"]
        bad += (
            (tot["docs"] - tot["title_ok"])
            + (tot["docs"] - tot["outlet_ok"])
            + (tot["docs"] - tot["date_ok"])
        )
        out(f"\nSELF-CHECK {'PASSED' if bad == 0 and not left else 'FAILED'}")
        code = 0 if bad == 0 and not left else 1
    else:
        from presslens.ingest import corpus, clean

        raw, quarantine = corpus.read(DIR)
        cleaned, removed = clean.clean_articles(raw)
        out(f"presslens on {DIR.relative_to(ROOT)}")
        evaluate(
            cleaned, docs, debris, raw_n=len(raw), quarantine=quarantine, removed=removed, out=out
        )
        code = 0
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.exit(code)


if __name__ == "__main__":
    main()
