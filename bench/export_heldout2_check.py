# ruff: noqa: E501  (written by an independent tester: export field lists and page debris as data)
"""Measure presslens reading + cleaning on eval/exports-heldout2 (built by bench/export_heldout2.py).

For each format (Nexis Uni, ProQuest, Factiva, scraped pages):
  - documents found (rows read, cleaned rows) vs documents made, and documents recovered
    (made document matched one-to-one to a cleaned row holding >= 50% of its sentences);
  - articles whose cleaned `text` still holds debris: a debris.csv string (counted only when it
    occurs more often than in the article's own headline+body), an export field label at a
    line start, mojibake (Ã, â€, Â, C1 controls), or a repeated abstract (kind `duplicate`
    occurring twice);
  - body sentences lost: a body sentence of the original article not found in the cleaned text
    (case-, whitespace-, quote- and dash-insensitive).  Sentences carrying debris that the
    dataset text itself already had are reported apart and not counted.
Wilson 95% intervals throughout (sentence interval ignores clustering within articles).
Run: /work/main/.venv/bin/python bench/export_heldout2_check.py
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from presslens.ingest import clean, corpus

ROOT = Path("/work/main/eval/exports-heldout2")
FORMATS = [
    ("nexis", "nexis_uni.txt"),
    ("proquest", "proquest.txt"),
    ("factiva", "factiva.txt"),
    ("scraped", "scraped"),
]

LABEL_RES = [
    re.compile(p)
    for p in [
        # Nexis Uni
        r"^(Byline|Section|Length|Load-Date|Language|Publication-Type|Highlight|Graphic|Dateline|Subject|"
        r"Client/Matter|Search Terms|Search Type|Narrowed by|Job Number|User Name|Date and Time|Geographic|"
        r"Person|Industry|Organization|Load-date|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|BYLINE|SECTION|LENGTH):",
        r"^(Body|Classification|End of Document)\s*$",
        r"^Documents \(\d+\)\s*$",
        r"^Copyright \d{4} ",
        # ProQuest
        r"^Document \d+ of \d+\s*$",
        r"^(Author|Publication info|Abstract|Full text|Location|Company / organization|Title|Publication title|"
        r"Publication year|Publication date|Publisher|Place of publication|Country of publication|"
        r"Publication subject|Source type|Language of publication|Document type|ProQuest document ID|"
        r"Document URL|Copyright|Last updated|Database|Credit|Illustration|Citation style|First page|ISSN):",
        r"^(ABSTRACT|ProQuest document link|Report Information from ProQuest|Table of contents|Bibliography|"
        r"Contact ProQuest)\s*$",
        r"^_{10,}\s*$",
        # Factiva
        r"^(HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB|AN|SE|ART|RF|VOL)(\s|$)",
        r"^Search Summary\s*$",
        r"^Page \d+ of \d+ ",
    ]
]
MOJIBAKE_RE = re.compile(r"Ã|â€|Â|[\x80-\x9f]")
SOURCE_DEBRIS_RE = re.compile(
    r"CLICK (HERE )?TO GET THE FOX NEWS APP|\(RELATED:|Share this story!|"
    r"Think your friends would be interested\?|"
    r"licensing opportunities|• None",
    re.I,
)

# a leading dateline ("WASHINGTON —", "(Reuters) –", "Washington (CNN)"): a sentence found once this
# prefix is cut is reported as "dateline cut", not as lost
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z .,'-]{2,}\s*(?:\([A-Za-z ]+\))?\s*[-—–―]|\((?:Reuters|AP|AFP|CNN)\)\s*[-—–―]|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?,? ?\((?:CNN|Reuters|AP)\)\s*[-—–―]?)\s*"
)

QUOTE_MAP = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "―": "-",
        "‒": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
        "\u200b": "",
    }
)


def norm_ws(s: str) -> str:
    s = unicodedata.normalize("NFKC", s.translate(QUOTE_MAP)).translate(QUOTE_MAP)
    return re.sub(r"\s+", " ", s).strip()


def norm_tight(s: str) -> str:
    return re.sub(r"\s+", "", norm_ws(s)).lower()


def count_phrase(hay: str, needle: str) -> int:
    """Occurrences of needle in hay on word boundaries (whitespace/quote-normalised, case-sensitive)."""
    n = re.escape(norm_ws(needle)).replace(r"\ ", r"\s+")
    return len(re.findall(r"(?<!\w)" + n + r"(?!\w)", norm_ws(hay)))


def wilson(k: int, n: int, z: float = 1.959964) -> str:
    if n == 0:
        return f"{k}/0"
    p = k / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return f"{k}/{n} = {100 * p:.1f}% [{100 * max(0, c - h):.1f}, {100 * min(1, c + h):.1f}]"


def main():
    debris = list(csv.DictReader(open(ROOT / "debris.csv", encoding="utf-8")))
    ref = json.loads((ROOT / "bodies.json").read_text(encoding="utf-8"))
    totals = defaultdict(int)
    summary = []
    for fmt, rel in FORMATS:
        print("=" * 100)
        print(f"FORMAT {fmt}: {rel}")
        raw, quarantine = corpus.read(str(ROOT / rel))
        cleaned, removed = clean.clean_articles(raw)
        made = [
            (f, int(n), d)
            for f, docs in ref.items()
            for n, d in docs.items()
            if (f == rel if fmt != "scraped" else f.startswith("scraped/"))
        ]
        texts = [str(t) if isinstance(t, str) else "" for t in cleaned["text"]]
        tights = [norm_tight(t) for t in texts]
        print(
            f"  documents made {len(made)}; read {len(raw)} rows, quarantined {len(quarantine)}, "
            f"cleaned {len(cleaned)} rows, removed-lines table {len(removed)} rows"
        )
        if len(quarantine):
            print(quarantine.to_string()[:2000])
        if "status" in cleaned.columns:
            print("  cleaned status counts:", dict(cleaned["status"].value_counts(dropna=False)))
        # ---- match made docs to cleaned rows (greedy on share of sentences found)
        scores = []
        for mi, (f, n, d) in enumerate(made):
            sents = [norm_tight(s) for s in d["sentences"]]
            for ri, tt in enumerate(tights):
                sc = sum(1 for s in sents if s and s in tt) / max(1, len(sents))
                scores.append((sc, mi, ri))
        scores.sort(reverse=True)
        m2r, used = {}, set()
        for sc, mi, ri in scores:
            if sc < 0.5 or mi in m2r or ri in used:
                continue
            m2r[mi] = ri
            used.add(ri)
        recovered = len(m2r)
        unmatched_rows = [ri for ri in range(len(cleaned)) if ri not in used]
        print(
            f"  documents recovered (one-to-one, >=50% sentences): {wilson(recovered, len(made))}"
        )
        for mi, (f, n, d) in enumerate(made):
            if mi not in m2r:
                best = max((s for s in scores if s[1] == mi), default=(0, mi, None))
                print(
                    f"  NOT RECOVERED: {f} doc {n} (ID {d['id']}); best row {best[2]} share {best[0]:.2f}"
                )
        for ri in unmatched_rows:
            print(
                f"  EXTRA ROW {ri}: title={cleaned.iloc[ri].get('title')!r} text[:200]={texts[ri][:200]!r}"
            )
        # ---- leftovers and losses
        art_left, art_loss, sent_total, sent_lost = 0, 0, 0, 0
        srcdeb_total, srcdeb_lost, dl_cut, title_ok = 0, 0, 0, 0
        title_lines = []
        leftover_lines = []
        for mi, (f, n, d) in enumerate(made):
            ri = m2r.get(mi)
            text = texts[ri] if ri is not None else ""
            aid = cleaned.iloc[ri]["article_id"] if ri is not None else None
            body = d["headline"] + "\n" + "\n".join(d["paragraphs"])
            body_lines = {norm_ws(x) for x in d["paragraphs"]}
            found = []
            for r in debris:
                if r["file"] != f and not (fmt != "scraped" and r["file"] == rel):
                    continue
                if r["kind"] == "mojibake-article":
                    continue
                if r["kind"] == "duplicate":
                    if int(r["doc"]) == n and norm_tight(text).count(norm_tight(r["text"])) >= 2:
                        found.append(("repeated-abstract", r["text"], ""))
                    continue
                c = count_phrase(text, r["text"])
                if c > count_phrase(body, r["text"]):
                    ctx = next(
                        (ln for ln in text.splitlines() if norm_ws(r["text"]) in norm_ws(ln)), ""
                    )
                    found.append((f"debris[{r['kind']}, doc {r['doc']}]", r["text"], ctx))
            for ln in text.splitlines():
                s = ln.strip()
                if s and any(p.search(s) for p in LABEL_RES) and norm_ws(s) not in body_lines:
                    found.append(("label-at-line-start", s, ""))
            for m in MOJIBAKE_RE.finditer(text):
                if not MOJIBAKE_RE.search(body):
                    found.append(
                        ("mojibake", m.group(0), text[max(0, m.start() - 40) : m.end() + 40])
                    )
            # dedupe identical findings
            seen, uniq = set(), []
            for x in found:
                key = (x[0].split("[")[0].split(",")[0], x[1])
                if key not in seen:
                    seen.add(key)
                    uniq.append((x[0].split(", doc")[0] + ("]" if "[" in x[0] else ""), x[1], x[2]))
            if uniq:
                art_left += 1
            for kind, s, ctx in uniq:
                leftover_lines.append(
                    f"  LEFTOVER {f} doc {n} (ID {d['id']}) {kind}: {s!r}"
                    + (f"\n      in line: {ctx!r}" if ctx and ctx.strip() != s else "")
                )
            got_title = str(cleaned.iloc[ri]["title"]) if ri is not None else ""
            if norm_tight(got_title) == norm_tight(d["headline"]):
                title_ok += 1
            else:
                title_lines.append(
                    f"  TITLE {f} doc {n} (ID {d['id']}): got {got_title!r}; outlet="
                    f"{(cleaned.iloc[ri]['outlet'] if ri is not None else None)!r}"
                )
            tt = norm_tight(text)
            lost_here = []
            for s in d["sentences"]:
                hit = norm_tight(s) in tt
                if SOURCE_DEBRIS_RE.search(s):
                    srcdeb_total += 1
                    srcdeb_lost += not hit
                    if not hit:
                        leftover_lines.append(
                            f"  (source-debris sentence dropped, not counted) {f} doc {n}: {s!r}"
                        )
                    continue
                sent_total += 1
                if not hit:
                    m = DATELINE_RE.match(s)
                    if m and norm_tight(s[m.end() :]) in tt:
                        dl_cut += 1
                        leftover_lines.append(
                            f"  (dateline cut, rest of sentence kept; not counted) {f} doc {n}: "
                            f"{s[: m.end()]!r}; dateline column = {cleaned.iloc[ri].get('dateline')!r}"
                        )
                    else:
                        lost_here.append(s)
            sent_lost += len(lost_here)
            if lost_here:
                art_loss += 1
            for s in lost_here:
                rules = []
                if aid is not None and len(removed):
                    sub = removed[removed["article_id"] == aid]
                    key = norm_tight(s)[:40]
                    for rr in sub.itertuples():
                        if key[:25] and (
                            key[:25] in norm_tight(str(rr.text))
                            or norm_tight(str(rr.text))[:25] in norm_tight(s)
                        ):
                            rules.append(str(rr.rule))
                leftover_lines.append(
                    f"  LOST SENTENCE {f} doc {n} (ID {d['id']}): {s!r}"
                    + (f"  [removed by: {', '.join(sorted(set(rules)))}]" if rules else "")
                )
        # leftovers in unmatched rows
        for ri in unmatched_rows:
            leftover_lines.append(f"  (extra row {ri} exists; see above)")
        print(f"  articles with leftover debris/labels/mojibake: {wilson(art_left, len(made))}")
        print(f"  articles with >=1 body sentence lost:          {wilson(art_loss, len(made))}")
        print(f"  body sentences lost:                           {wilson(sent_lost, sent_total)}")
        print(
            f"  (dataset's own debris sentences: {srcdeb_lost}/{srcdeb_total} dropped, not counted; "
            f"{dl_cut} first sentences had only their dateline cut, not counted)"
        )
        print(f"  [extra] title == headline:                    {wilson(title_ok, len(made))}")
        for ln in leftover_lines + title_lines:
            print(ln)
        summary.append(
            (
                fmt,
                len(made),
                len(raw),
                len(cleaned),
                recovered,
                art_left,
                art_loss,
                sent_lost,
                sent_total,
            )
        )
        for k, v in zip(
            ["made", "read", "cleaned", "recovered", "left", "loss", "slost", "stot"],
            [
                len(made),
                len(raw),
                len(cleaned),
                recovered,
                art_left,
                art_loss,
                sent_lost,
                sent_total,
            ],
        ):
            totals[k] += v
    print("=" * 100)
    print(
        f"{'format':9} {'made':>4} {'read':>4} {'clean':>5}  recovered | articles w/ leftovers | articles w/ loss | sentences lost"
    )
    for fmt, mde, rd, cl, rec, al, alo, sl, st in summary:
        print(
            f"{fmt:9} {mde:4} {rd:4} {cl:5}  {rec}/{mde} | {wilson(al, mde)} | {wilson(alo, mde)} | {wilson(sl, st)}"
        )
    t = totals
    print(
        f"{'ALL':9} {t['made']:4} {t['read']:4} {t['cleaned']:5}  {t['recovered']}/{t['made']} | "
        f"{wilson(t['left'], t['made'])} | {wilson(t['loss'], t['made'])} | {wilson(t['slost'], t['stot'])}"
    )


if __name__ == "__main__":
    sys.exit(main())
