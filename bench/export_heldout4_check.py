# ruff: noqa: E501  (written by an independent tester: export fields and page debris as data)
"""Check presslens ingest+clean on eval/exports-heldout4. `--self` checks the gold bodies against themselves."""

import csv
import json
import math
import re
import sys
import unicodedata
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "eval" / "exports-heldout4"
FORMATS = {
    "nexis_uni_climate_word_export.txt": "Nexis Uni (Word->txt)",
    "proquest_climate_export.txt": "ProQuest",
    "factiva_climate_export.txt": "Factiva",
    "scraped/": "scraped pages",
}
LABEL = re.compile(
    r"^\s*(Load-Date:|Classification\s*$|End of Document|Body\s*$|Byline:|Length:|Section:|Language:|"
    r"Publication-Type:|Subject:|Geographic:|Copyright \d{4}|Page \d+ of \d+|Documents \(\d+\)|Client/Matter:|Search Terms:|"
    r"ABSTRACT\s*$|FULL TEXT\s*$|Credit:|Illustration:|Subject terms:|Identifier / keyword:|Publication date:|"
    r"Copyright:|Author:|Publication info:|Publication title:|ProQuest document|Document URL:|Database:|Last updated:|"
    r"Source type:|Document type:|Publisher:|Place of publication:|Country of publication:|Language of publication:|"
    r"(HD|BY|WC|PD|SN|SC|LA|CY|LP|TD|NS|RE|IPD|PUB|AN|CO|IN|ED|SE|PG) |Document [A-Z]{4,}\d)"
)
HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
MOJI = ("Ã", "â€", "Â")
DATELINE = re.compile(r"^[A-Z][A-Z .,'/]*(\([^)]*\))?\s*[-–—]+\s*")


def norm(s):
    s = unicodedata.normalize("NFKC", str(s))
    s = s.translate(
        str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})
    )
    return " ".join(s.split())


def sentences(text):
    out, start = [], 0
    for m in re.finditer(r'(?<=[.!?])(["”’)]?)\s+(?=["“‘(]?[A-Z0-9])', text):
        prev = text[max(0, m.start() - 4) : m.start()]
        if re.search(r"(\b[A-Z]|Mr|Ms|Dr|St|Jr|Sr|U\.S|vs|No)\.$", prev):
            continue
        out.append(text[start : m.end(1) if m.group(1) else m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def wilson(k, n, z=1.96):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def fmt(k, n):
    lo, hi = wilson(k, n)
    return f"{k}/{n} ({(k / n if n else float('nan')):.1%}, 95% CI {lo:.1%}-{hi:.1%})"


def key_of(v):
    m = re.search(r"((?:scraped/)?[^/\\]+\.txt)(?:#(\d+))?$", str(v).replace("\\", "/"))
    if not m:
        return None
    return (m.group(1), m.group(2) or "1")


def fmt_of(fname):
    return next(
        lab for k, lab in FORMATS.items() if fname == k or (k.endswith("/") and fname.startswith(k))
    )


def main():
    bodies = json.loads((FOLDER / "bodies.json").read_text(encoding="utf-8"))
    debris = list(csv.DictReader(open(FOLDER / "debris.csv", encoding="utf-8")))
    self_mode = "--self" in sys.argv
    if self_mode:
        rows = [
            {"key": (f, n), "text": "\n\n".join(a["paragraphs"]), "title": a["title"]}
            for f, docs in bodies.items()
            for n, a in docs.items()
        ]
        found = {(f, n) for f, docs in bodies.items() for n in docs}
        print("SELF-CHECK on gold bodies")
    else:
        from presslens.ingest import clean, corpus

        raw, quarantine = corpus.read(FOLDER)
        print("raw columns:", list(raw.columns))
        print("quarantine rows:", len(quarantine))
        for r in quarantine.to_dict("records"):
            print("  QUARANTINED:", {k: str(v)[:200] for k, v in r.items()})
        cleaned, removed = clean.clean_articles(raw)
        print("cleaned columns:", list(cleaned.columns), "| removed rows:", len(removed))
        idcol = None
        for c in cleaned.columns:
            if cleaned[c].astype(str).str.contains(r"\.txt", regex=True).any():
                idcol = c
                break
        print("id column used:", idcol)
        rows = []
        for r in cleaned.to_dict("records"):
            k = key_of(r[idcol])
            rows.append({"key": k, "text": r.get("text", ""), "title": r.get("title", "")})
        found = set()
        for r in raw.to_dict("records"):
            k = key_of(r[idcol]) if idcol in r else None
            if k:
                found.add(k)
        for r in removed.to_dict("records"):
            print("  REMOVED:", {k: str(v)[:200] for k, v in r.items()})
    by_key = {r["key"]: r for r in rows if r["key"]}
    stats = {
        lab: {
            "made": 0,
            "found": 0,
            "dirty": 0,
            "docs": 0,
            "sents": 0,
            "lost": 0,
            "title_ok": 0,
            "left": [],
            "lostlist": [],
        }
        for lab in FORMATS.values()
    }
    for f, docs in bodies.items():
        lab = fmt_of(f)
        st = stats[lab]
        st["found"] += sum(1 for k in found if k[0] == f)
        for n, a in docs.items():
            st["made"] += 1
            r = by_key.get((f, n))
            if r is None:
                st["lostlist"].append(
                    f"{f}#{n}: document not found in cleaned output ({len(sentences(' '.join(a['paragraphs'])))} sentences)"
                )
                st["docs"] += 1
                ns = sum(len(sentences(p)) for p in a["paragraphs"])
                st["sents"] += ns
                st["lost"] += ns
                st["dirty"] += 0
                continue
            st["docs"] += 1
            text = str(r["text"]) if r["text"] is not None else ""
            nt = norm(text)
            if norm(r["title"]) == norm(a["title"]):
                st["title_ok"] += 1
            left = []
            for d in debris:
                if d["file"] == f and d["doc"] in ("0", n):
                    t = d["text"]
                    cands = {norm(t), norm(t.encode("utf-8").decode("cp1252", errors="replace"))}
                    if any(c and c in nt for c in cands):
                        left.append(f"debris[{d['kind']}]: {t!r}")
            for line in text.splitlines():
                if LABEL.match(line):
                    left.append(f"label at line start: {line[:160]!r}")
                if HTML.search(line):
                    left.append(f"html tag: {HTML.search(line).group(0)!r} in {line[:120]!r}")
            for mk in MOJI:
                i = text.find(mk)
                if i >= 0:
                    left.append(f"mojibake {mk!r}: ...{text[max(0, i - 40) : i + 40]!r}...")
            if left:
                st["dirty"] += 1
                st["left"] += [f"{f}#{n}: {x}" for x in left]
            for pi, p in enumerate(a["paragraphs"]):
                for si, s in enumerate(sentences(p)):
                    st["sents"] += 1
                    ok = norm(s) in nt
                    if not ok and pi == 0 and si == 0:
                        m = DATELINE.match(s)
                        ok = bool(m) and norm(s[m.end() :]) in nt
                    if not ok:
                        st["lost"] += 1
                        st["lostlist"].append(f"{f}#{n}: {s!r}")
    tot = {"made": 0, "found": 0, "dirty": 0, "docs": 0, "sents": 0, "lost": 0}
    for lab, st in stats.items():
        print(f"\n== {lab} ==")
        print(f"documents found vs made: {st['found']} / {st['made']}")
        print(f"titles exactly recovered (normalised): {st['title_ok']}/{st['made']}")
        print(f"articles with leftovers: {fmt(st['dirty'], st['docs'])}")
        print(f"body sentences lost: {fmt(st['lost'], st['sents'])}")
        for x in st["left"]:
            print("  LEFTOVER", x)
        for x in st["lostlist"]:
            print("  LOST", x)
        for k in tot:
            tot[k] += st[k]
    print("\n== ALL ==")
    print(f"documents found vs made: {tot['found']} / {tot['made']}")
    print(f"articles with leftovers: {fmt(tot['dirty'], tot['docs'])}")
    print(f"body sentences lost: {fmt(tot['lost'], tot['sents'])}")


if __name__ == "__main__":
    main()
