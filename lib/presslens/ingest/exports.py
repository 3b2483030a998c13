"""Read multi-article export files of news databases into documents with their metadata.

Researchers bring news as the databases export it: one text file holding many articles. Three
formats are read here, recognised from the file's content (never its name):

- **Nexis Uni / LexisNexis** plain text (or an .rtf / .docx export saved as text): documents
  separated by "1 of 25 DOCUMENTS" lines or ended by "End of Document"; each starts with the
  publication's name, a date line ("January 22, 2019 Tuesday"), an optional edition line and the
  headline, then fields (Byline:, Section:, Length:, Body, Load-Date:, Copyright ...).
- **ProQuest** plain text: documents introduced by "Document 1 of 25" between lines of
  underscores, with the headline first, then the text (ABSTRACT / FULL TEXT headers, or
  "Abstract:" / "Full text:" labels) and fields (Title:, Publication title:, Publication date:,
  Document URL:, Author: ...).
- **Factiva** text with field codes ("Full Article/Report plus Indexing"): each document a run of
  two- or three-letter codes (HD headline, BY byline, WC words, PD date, SN source, SC, LA, CY
  copyright, LP lead, TD text, CO, IN, NS, RE, PUB, AN "Document ..."), each with its value on the
  same line or on the lines below it (an .rtf export saved as text).

`documents(text)` returns the documents of an export (or None when the text is not one). Each
keeps its raw text, minus the headline and the header lines read into metadata, so cleaning
removes the remaining export furniture line by line and logs it in `removed`. A document without
article text carries a `problem` and becomes a quarantine row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MONTHS = {m.lower(): i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATES = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),
    re.compile(_MONTH + r" (?P<day>\d{1,2}),? (?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2}) " + _MONTH + r",? (?P<year>\d{4})", re.IGNORECASE),
]
_DATE_LINE = re.compile(
    r"(\d{1,2} )?" + _MONTH + r"( \d{1,2})?,? \d{4}(,? [A-Z][a-z]+day)?( \d{1,2}:\d{2}.*)?",
    re.IGNORECASE,
)
_NEXIS_MARK = re.compile(r"^\s*(\d+) of \d+ DOCUMENTS?\s*$", re.MULTILINE | re.IGNORECASE)
_NEXIS_END = re.compile(r"^\s*End of Document\s*$", re.MULTILINE | re.IGNORECASE)
_NEXIS_FIELD = re.compile(
    r"^\s*(byline|section|length|load-date|language|publication-type|dateline|highlight|"
    r"graphic|body|url|copyright|classification)\b\s*:?",
    re.IGNORECASE,
)
_EDITION = re.compile(r"^[\w ]*edition\b.{0,40}$|^version ?:?\s*\d+$", re.IGNORECASE)
_PQ_MARK = re.compile(r"^\s*Document (\d+) of \d+\s*$", re.MULTILINE)
_PQ_FIELD = re.compile(r"^\s*(?P<name>[A-Z][A-Za-z /-]{1,40}?)\s*:\s*(?P<value>.*)$")
_PQ_TEXT = re.compile(r"^\s*(full text|abstract)\s*(:|$)", re.IGNORECASE | re.MULTILINE)
_FV_CODES = "HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN"
_FV_LINE = re.compile(rf"^({_FV_CODES})(?:[ \t]+(.*))?$")
_FV_LATE = re.compile(r"^(CO|IN|NS|RE|IPC|IPD)[ \t]+[a-z0-9]{2,12} : |^(AN)[ \t]+Document \S+$")
_FV_TEXT = {"LP", "TD"}
_RULE_LINE = re.compile(r"^\s*[_=-]{10,}\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    """One article of an export file, with the metadata read from its header and fields."""

    number: int
    raw: str
    fmt: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    byline: str | None = None
    problem: str = ""


def iso_date(value: str) -> str | None:
    """The first date in `value` ("January 22, 2019 Tuesday", "22 Jan 2019", "2019-01-22") as an
    ISO date, or None."""
    for pattern in _DATES:
        if m := pattern.search(value):
            g = m.groupdict()
            month = int(g["mon"]) if g.get("mon") else _MONTHS.get(g["month"][:3].lower(), 0)
            try:
                return date(int(g["year"]), month, int(g["day"])).isoformat()
            except ValueError:
                return None
    return None


def detect(text: str) -> str:
    """The export format of a text ('nexis', 'proquest', 'factiva') or '' when it is not a known
    export."""
    if re.search(r"^HD\b", text, re.M) and re.search(r"^(AN\s+)?Document \w{10,}\s*$", text, re.M):
        return "factiva"
    if _PQ_MARK.search(text) and re.search(
        r"^\s*(ProQuest document ID|Publication title|Document URL)\s*:", text, re.M | re.I
    ):
        return "proquest"
    if _NEXIS_MARK.search(text):
        return "nexis"
    if _NEXIS_END.search(text) and re.search(r"^\s*Load-Date\s*:", text, re.M | re.I):
        return "nexis"
    return ""


def documents(text: str) -> list[Document] | None:
    """The documents of an export file's text, or None when the text is not an export."""
    fmt = detect(text)
    if fmt == "proquest":
        return [_proquest(n, chunk) for n, chunk in _chunks(text, _PQ_MARK)]
    if fmt == "factiva":
        starts = [m.start() for m in re.finditer(r"^HD\b", text, re.M)] + [len(text)]
        return [_factiva(n, text[a:b]) for n, (a, b) in enumerate(zip(starts, starts[1:]), 1)]
    if fmt == "nexis":
        if _NEXIS_MARK.search(text):
            return [_nexis(n, chunk) for n, chunk in _chunks(text, _NEXIS_MARK)]
        parts = [p for p in _NEXIS_END.split(text) if p.strip()]
        return [_nexis(n, p) for n, p in enumerate(parts, start=1)]
    return None


def _chunks(text: str, mark: re.Pattern[str]) -> list[tuple[int, str]]:
    """(document number, text after its marker up to the next marker) for each marker."""
    found = list(mark.finditer(text))
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(int(m.group(1)), text[m.end() : end]) for m, end in zip(found, ends)]


def _lines(chunk: str) -> list[str]:
    """Lines of a chunk, right-stripped, without separator rules of underscores or dashes."""
    return [ln.rstrip() for ln in _RULE_LINE.sub("", chunk).split("\n")]


def _nexis(number: int, chunk: str) -> Document:
    """One Nexis document: outlet, date line, edition and headline above the fields."""
    lines = _lines(chunk)
    head = [i for i, ln in enumerate(lines) if ln.strip()]
    outlet = published = title = None
    used: list[int] = []
    for i in head:
        s = lines[i].strip()
        if _NEXIS_FIELD.match(s) or _NEXIS_END.match(s):
            break
        if published is None and _DATE_LINE.fullmatch(s):
            published = iso_date(s)
        elif outlet is None and published is None:
            outlet = re.sub(r"\s+-\s+.*edition.*$", "", s, flags=re.IGNORECASE)
        elif _EDITION.match(s):
            pass
        elif title is None:
            title = s
        else:
            break
        used.append(i)
    body = "\n".join(ln for i, ln in enumerate(lines) if i not in used).strip()
    url = next((m.group(1) for m in re.finditer(r"^\s*URL:\s*(\S+)", body, re.M | re.I)), None)
    problem = "" if _nexis_has_text(body) else f"export document {number} (Nexis) has no text"
    return Document(number, body, "nexis", title, outlet, published, url, problem=problem)


def _nexis_has_text(body: str) -> bool:
    """True when a Nexis document has a line that is neither a field nor a marker."""
    for ln in body.split("\n"):
        s = ln.strip()
        if s and not _NEXIS_FIELD.match(s) and not _NEXIS_END.match(s):
            if not re.match(r"(copyright|©|all rights reserved)", s, re.IGNORECASE):
                return True
    return False


def _pq_fields(lines: list[str]) -> dict[str, str]:
    """The `Name: value` fields of a ProQuest document (the first of each name)."""
    fields: dict[str, str] = {}
    for ln in lines:
        if m := _PQ_FIELD.match(ln):
            fields.setdefault(m.group("name").strip().lower(), m.group("value").strip())
    return fields


def _proquest(number: int, chunk: str) -> Document:
    """One ProQuest document: headline first, then text and `Name: value` fields."""
    lines = _lines(chunk)
    fields = _pq_fields(lines)
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    title = fields.get("title") or None
    used = set()
    if first is not None and not _PQ_FIELD.match(lines[first]) and not _PQ_TEXT.match(lines[first]):
        title = title or lines[first].strip()
        used.add(first)
    body = "\n".join(ln for i, ln in enumerate(lines) if i not in used).strip()
    outlet = fields.get("publication title", "").split(";")[0].strip() or None
    published = iso_date(fields.get("publication date", "")) or iso_date(
        fields.get("publication info", "")
    )
    problem = "" if _pq_has_text(body) else f"export document {number} (ProQuest) has no full text"
    return Document(
        number,
        body,
        "proquest",
        title,
        outlet,
        published,
        fields.get("document url") or None,
        fields.get("author") or None,
        problem,
    )


def _pq_has_text(body: str) -> bool:
    """True when a ProQuest document holds a text section with words after its header."""
    found = list(_PQ_TEXT.finditer(body))
    full = [m for m in found if m.group(1).lower() == "full text"]
    if not found:
        return False
    after = body[(full or found)[0].end() :].strip()
    return bool(after) and not re.match(r"(not available|none available)", after, re.IGNORECASE)


def _fv_fields(chunk: str) -> list[tuple[str, list[str]]]:
    """(code, lines of its value) of a Factiva document, in order. Inside the text (LP, TD) only
    a code alone on its line or in its indexing form ("NS gclimt : ...") starts a field."""
    fields: list[tuple[str, list[str]]] = []
    for line in chunk.split("\n"):
        s = line.strip()
        m = _FV_LINE.match(s)
        in_text = bool(fields) and fields[-1][0] in _FV_TEXT
        lead_to_text = in_text and bool(m) and m.group(1) == "TD" and fields[-1][0] == "LP"
        if m and (not in_text or m.group(2) is None or _FV_LATE.match(s) or lead_to_text):
            fields.append((m.group(1), [m.group(2)] if m.group(2) else []))
        elif fields and s:
            fields[-1][1].append(s)
    return fields


def _factiva(number: int, chunk: str) -> Document:
    """One Factiva document: its fields; the text is LP and TD, the other fields one line each."""
    fields = _fv_fields(chunk)
    first = {code: " ".join(v) for code, v in reversed(fields)}
    lines: list[str] = []
    for code, value in fields:
        if code in _FV_TEXT:
            lines += [x for v in value for x in (v, "")]
        elif code == "BY" and value:
            by = " ".join(value)
            lines += [by if by.lower().startswith("by ") else f"By {by}", ""]
        elif code != "HD":
            lines += [f"{code} {' '.join(value)}".strip(), ""]
    has_text = any(code in _FV_TEXT and value for code, value in fields)
    return Document(
        number,
        "\n".join(lines).strip(),
        "factiva",
        first.get("HD") or None,
        first.get("SN") or None,
        iso_date(first.get("PD", "")),
        None,
        first.get("BY") or None,
        "" if has_text else f"export document {number} (Factiva) has no text",
    )
