"""Read multi-article export files of news databases into documents with their metadata.

Researchers bring news as the databases export it: one text file holding many articles. Three
formats are read here, recognised from the file's content (never its name):

- **Nexis Uni / LexisNexis** plain text (or an .rtf / .docx export saved as text): documents
  separated by "1 of 25 DOCUMENTS" lines or ended by "End of Document"; each starts with the
  publication's name, a date line ("January 22, 2019 Tuesday"), an optional edition line and the
  headline (LexisNexis), or with the headline, the publication's name and the date line (Nexis
  Uni), then fields (Byline:, Section:, Length:, Body, Load-Date:, Copyright ...).
- **ProQuest** plain text: documents introduced by "Document 1 of 25" between lines of
  underscores, with the headline first, then the text (ABSTRACT / FULL TEXT headers, or
  "Abstract:" / "Full text:" labels) and fields (Title:, Publication title:, Publication date:,
  Document URL:, Author: ...).
- **Factiva** text with field codes ("Full Article/Report plus Indexing"): each document a run of
  two- or three-letter codes (HD headline, CR credit, BY byline, WC words, PD date, SN source, SC,
  LA, CY copyright, LP lead, TD text, CO, IN, NS, RE, IPC, IPD, PUB, AN "Document ..." and the
  others listed in resources/exports.yaml), each with its value on the same line or on the lines
  below it (an .rtf export saved as text).

What an export prints before its first and after its last document is not an article and is
dropped by the reader: the Nexis Uni cover page (user name, job number, search terms, the
numbered list of titles), the ProQuest report header, table of contents, bibliography and contact
block, the Factiva page footers and search summary after a document's AN line.

`documents(text)` returns the documents of an export (or None when the text is not one). Each
keeps its raw text, minus the headline and the header lines read into metadata, so cleaning
removes the remaining export furniture line by line and logs it in `removed`. A document without
article text carries a `problem` and becomes a quarantine row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from presslens.core import resources

# The labels and codes of the export formats, as data (resources/exports.yaml)
_FORMATS = resources.load("exports.yaml")
_TIMEX_MONTHS = resources.load("timex.yaml")["months"]
# a month's number by the first three letters of its name (the months of timex.yaml)
_MONTHS = {str(names[0])[:3].lower(): int(number) for number, names in _TIMEX_MONTHS.items()}


def _abbreviations(months: dict[int, list[str]]) -> list[str]:
    """Each month's first three letters, then its other short spellings ("Sep", "Sept")."""
    out: list[str] = []
    for names in months.values():
        first = str(names[0])[:3]
        out += [first, *sorted({str(n).rstrip(".") for n in names[1:]} - {first})]
    return out


_MONTH = r"(?P<month>" + "|".join(_abbreviations(_TIMEX_MONTHS)) + r")[a-z]*\.?"
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
    r"^\s*(" + "|".join(_FORMATS["nexis_fields"]) + r")\b\s*:?", re.IGNORECASE
)
# An edition line below the date line: "Late Edition - Final", "FIRST EDITION", "Final", "Home
# Final", "Correction Appended", "Version: 2".
_EDITION = re.compile(
    r"^[\w ]*edition\b.{0,40}$|^version ?:?\s*\d+$|^correction appended$"
    r"|^((" + "|".join(_FORMATS["edition_words"]) + r"|\d)\b[ ,;-]*){0,3}(final|extra)( edition)?$",
    re.IGNORECASE,
)
# A copyright notice LexisNexis Academic prints at the top of some documents, above the outlet.
_HEAD_COPYRIGHT = re.compile(r"^(copyright\b|©|\(c\) ?\d{4}|all rights reserved\.?$)", re.I)
# The cover page of a Nexis Uni export: its labels (at a line start or after a tab of the
# "Narrowed by" table, or that table with its tabs turned to spaces: "Content Type Narrowed by",
# "News Timeline: ...") and the numbered list of the documents' titles.
_NEXIS_COVER = re.compile(
    r"(^|\t)\s*(" + "|".join(_FORMATS["nexis_cover"]) + r")\s*(:|$|\t)"
    r"|^\s*documents? \(\d+\)\s*$"
    r"|^\s*content type\s+narrowed by\s*$|^\s*[\w ]{0,30}\btimeline\s*:",  # tabs flattened
    re.IGNORECASE,
)
_NEXIS_LISTED = re.compile(r"^\s*\d{1,4}\.\s+\S")  # "3. Title" in the cover's list of documents
_PQ_MARK = re.compile(r"^\s*Document (\d+) of \d+\s*$", re.MULTILINE)
_PQ_FIELD = re.compile(r"^\s*(?P<name>[A-Z][A-Za-z /-]{1,40}?)\s*:\s*(?P<value>.*)$")
_PQ_TEXT = re.compile(r"^\s*(full text|abstract)\s*(:|$)", re.IGNORECASE | re.MULTILINE)
# What ProQuest prints after the last document: the bibliography and the contact / copyright block.
_PQ_TRAILER = re.compile(
    r"^\s*(bibliography|contact proquest|report information from proquest|table of contents)\s*$"
    r"|^\s*(citation style\s*:|database copyright\b|copyright © \d{4} proquest)",
    re.IGNORECASE | re.MULTILINE,
)
# Factiva's field codes (with what each holds in exports.yaml)
_FV_CODES = "|".join(_FORMATS["factiva_codes"])
_FV_LINE = re.compile(rf"^({_FV_CODES})(?:[ \t]+(.*))?$")
_FV_LATE = re.compile(
    r"^(CO|IN|NS|RE|IPC|IPD)[ \t]+[a-z0-9]{2,12} : |^(IPC|IPD)[ \t]+\S"
    r"|^AN[ \t]+(Document[ \t]+)?[A-Za-z0-9]{15,}\b"
)
_FV_AN = re.compile(r"(Document[ \t]+)?[A-Za-z0-9]{15,}")
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
    if re.search(r"^HD\b", text, re.M) and re.search(r"^(AN\s+)?Document \w{10,}\b", text, re.M):
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
        return [_proquest(n, _before_trailer(chunk)) for n, chunk in _chunks(text, _PQ_MARK)]
    if fmt == "factiva":
        starts = [m.start() for m in re.finditer(r"^HD\b", text, re.M)] + [len(text)]
        return [_factiva(n, text[a:b]) for n, (a, b) in enumerate(zip(starts, starts[1:]), 1)]
    if fmt == "nexis":
        if _NEXIS_MARK.search(text):
            return [_nexis(n, chunk) for n, chunk in _chunks(text, _NEXIS_MARK)]
        parts = _NEXIS_END.split(text)
        parts = [_after_cover(_lines(parts[0]))] + [_lines(p) for p in parts[1:]]
        parts = [p for p in parts if _nexis_is_document(p)]
        return [_nexis(n, "\n".join(p)) for n, p in enumerate(parts, start=1)]
    return None


def _chunks(text: str, mark: re.Pattern[str]) -> list[tuple[int, str]]:
    """(document number, text after its marker up to the next marker) for each marker."""
    found = list(mark.finditer(text))
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(int(m.group(1)), text[m.end() : end]) for m, end in zip(found, ends)]


def _before_trailer(chunk: str) -> str:
    """A ProQuest chunk without what the export prints after the last document (bibliography,
    citation style, contact and database copyright): not an article, dropped."""
    m = _PQ_TRAILER.search(chunk)
    return chunk[: m.start()] if m else chunk


def _lines(chunk: str) -> list[str]:
    """Lines of a chunk, right-stripped, without separator rules of underscores or dashes."""
    return [ln.rstrip() for ln in _RULE_LINE.sub("", chunk).split("\n")]


def _after_cover(lines: list[str]) -> list[str]:
    """The lines of the first part of a Nexis Uni export after its cover page (search terms, job
    number, the numbered list of titles); the cover is not an article and is dropped."""
    end = 0
    for i, ln in enumerate(lines):
        s = ln.strip()
        if _DATE_LINE.fullmatch(s) or (_NEXIS_FIELD.match(s) and not _NEXIS_COVER.search(ln)):
            break
        if _NEXIS_COVER.search(ln) or (end and _NEXIS_LISTED.match(ln)):
            end = i + 1
    return lines[end:]


def _nexis_is_document(lines: list[str]) -> bool:
    """True when a part of a Nexis export holds a document (a field or a date line), not only
    what the export prints after the last one."""
    return any(_NEXIS_FIELD.match(ln.strip()) or _DATE_LINE.fullmatch(ln.strip()) for ln in lines)


def _head_lines(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the text lines and of the edition lines above a Nexis document's first field."""
    texts: list[int] = []
    editions: list[int] = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not texts and _HEAD_COPYRIGHT.match(s):
            continue  # a copyright notice above the outlet stays in the text for cleaning
        if _NEXIS_FIELD.match(s) or _NEXIS_END.match(s):
            break
        if s:
            (editions if _EDITION.match(s) else texts).append(i)
    return texts, editions


def _nexis_head(lines: list[str]) -> tuple[list[int], str | None, str | None, str | None]:
    """(lines used, title, outlet, date) of a Nexis document head. Above the date line stand the
    outlet alone (LexisNexis: outlet, date, edition, title) or the title then the outlet (Nexis
    Uni: title, outlet, date); without a date line the first line is the outlet."""
    texts, editions = _head_lines(lines)
    when = next((i for i in texts if _DATE_LINE.fullmatch(lines[i].strip())), None)
    if when is None:
        outlet_at, title_lines, dated = texts[:1], texts[1:2], []
    else:
        before, after = [i for i in texts if i < when], [i for i in texts if i > when]
        outlet_at, title_lines, dated = before[-1:], before[:-1] or after[:1], [when]
    title = " ".join(lines[i].strip() for i in title_lines) or None
    outlet = None
    if outlet_at:
        outlet = re.sub(r"\s+-\s+.*edition.*$", "", lines[outlet_at[0]].strip(), flags=re.I)
    published = iso_date(lines[when]) if when is not None else None
    return [*outlet_at, *title_lines, *dated, *editions], title, outlet, published


def _nexis(number: int, chunk: str) -> Document:
    """One Nexis document: outlet, date line, edition and headline above the fields."""
    lines = _lines(chunk)
    used, title, outlet, published = _nexis_head(lines)
    body = "\n".join(ln for i, ln in enumerate(lines) if i not in set(used)).strip()
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
        if fields and fields[-1][0] == "AN" and fields[-1][1]:
            break  # AN ends a document: page footers, the search summary follow it
        if s.startswith("AN") and _FV_LATE.match(s) and (an := _FV_AN.search(s, 2)):
            s = "AN " + an.group(0)  # without a page footer glued to it
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
