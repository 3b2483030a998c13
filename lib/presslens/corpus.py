"""Read a corpus into the raw `articles` table, quarantining what cannot be read.

A corpus is a folder of ``.txt`` / ``.html`` files with an optional ``metadata.csv`` (joined on the
file name), or one CSV, JSONL or Parquet file with a ``text`` column and optional ``id``,
``title``, ``outlet``, ``url``, ``published`` columns. Nothing is dropped silently: every input
becomes a row of `articles` (status ``ok`` or ``quarantined`` with a reason) and every problem with
metadata becomes a row of `quarantine`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

ARTICLE_COLUMNS = [
    "article_id", "file", "outlet", "url", "published", "title", "raw", "raw_sha256",
    "encoding", "status", "reason",
]
QUARANTINE_COLUMNS = ["source", "kind", "reason"]
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet"}
DOC_FILES = re.compile(r"^(readme|license|licence|copying|notice)(\.[a-z0-9]+)?$|^metadata\.csv$", re.I)
META_FIELDS = ["outlet", "url", "published", "title"]
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"%PDF-": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and a note if it was repaired."""

    text: str | None
    encoding: str
    problem: str = ""


def sha256(data: bytes) -> str:
    """Hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def safe_id(name: str) -> str:
    """A file-name-safe article id: ASCII letters, digits, ``._-``; never ``..`` or empty."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE_ID.sub("_", ascii_name).strip("._-")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    return cleaned[:120] or "article"


def unique_ids(names: list[str]) -> list[str]:
    """Safe ids for names, made unique by suffixing ``-2``, ``-3`` ... in order of appearance."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        base = safe_id(n)
        k = seen.get(base.lower(), 0) + 1
        seen[base.lower()] = k
        out.append(base if k == 1 else f"{base}-{k}")
    return out


def binary_kind(data: bytes) -> str:
    """Describe `data` if it is a binary (non-text) file, else return ''."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if head and head.count(0) / len(head) > 0.3:
        return "binary data (mostly NUL bytes)"
    return ""


def decode(data: bytes) -> Decoded:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM), else Windows-1252/Latin-1."""
    kind = binary_kind(data)
    if kind:
        return Decoded(None, "", f"binary file: {kind}, not text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", "decoded from UTF-16")
        except UnicodeDecodeError:
            return Decoded(None, "", "starts with a UTF-16 byte-order mark but is not valid UTF-16")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252", "not valid UTF-8: decoded as Windows-1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", "not valid UTF-8: decoded as Latin-1")


def parse_date(value: object) -> tuple[str | None, str]:
    """ISO date string from a metadata value, or (None, problem) when it is missing or impossible."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
        return None, ""
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10]).isoformat(), ""
    except ValueError:
        pass
    try:
        ts = pd.Timestamp(s)
    except (ValueError, TypeError):
        return None, f"publication date {s!r} is not a valid date; left empty"
    if pd.isna(ts):
        return None, f"publication date {s!r} is not a valid date; left empty"
    return ts.date().isoformat(), ""


def html_text(markup: str) -> tuple[str | None, str | None]:
    """Main text and title of an HTML page, extracted with trafilatura."""
    import trafilatura  # imported lazily: only HTML inputs need it

    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(markup)
    title = meta.title if meta is not None and meta.title else None
    return text, title


def _row(article_id: str, file: str, raw: str | None, digest: str, encoding: str, reason: str, **meta: object) -> dict:
    row = dict.fromkeys(ARTICLE_COLUMNS)
    row.update(article_id=article_id, file=file, raw=raw or "", raw_sha256=digest, encoding=encoding)
    row.update(status="quarantined" if raw is None else "ok", reason=reason)
    for k, v in meta.items():
        row[k] = v
    return row


def read_file(path: Path, article_id: str, *, max_bytes: int) -> dict:
    """One corpus file as a raw article row (quarantined with a reason when unreadable)."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _row(article_id, name, None, "", "", f"could not read file: {exc.strerror or exc}")
    digest = sha256(data)
    if not data.strip():
        return _row(article_id, name, None, digest, "", "empty file" if not data else "file holds only white space")
    if len(data) > max_bytes:
        return _row(article_id, name, None, digest, "", f"file is {len(data):,} bytes, over the limit of {max_bytes:,} (parameter max_bytes)")
    dec = decode(data)
    if dec.text is None:
        return _row(article_id, name, None, digest, "", dec.problem)
    text, note = dec.text, dec.problem
    if "\x00" in text:
        note = "; ".join(filter(None, [note, f"{text.count(chr(0))} NUL bytes removed"]))
    if path.suffix.lower() in HTML_SUFFIXES:
        body, title = html_text(text)
        if not body or not body.strip():
            return _row(article_id, name, None, digest, dec.encoding, "HTML page with no main text that trafilatura could extract")
        note = "; ".join(filter(None, [note, "main text extracted from HTML with trafilatura"]))
        return _row(article_id, name, body, digest, dec.encoding, note, title=title)
    return _row(article_id, name, text, digest, dec.encoding, note)


def read_metadata(path: Path) -> tuple[pd.DataFrame, list[dict]]:
    """metadata.csv as a table keyed by file, plus quarantine rows for its problems."""
    problems: list[dict] = []
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        return pd.DataFrame(columns=["file"]), [dict(source=path.name, kind="metadata", reason=f"metadata.csv could not be parsed ({exc}); articles read without metadata")]
    if "file" not in meta.columns:
        return pd.DataFrame(columns=["file"]), [dict(source=path.name, kind="metadata", reason="metadata.csv has no 'file' column; articles read without metadata")]
    meta["_row"] = meta.index + 2  # line number in the file (after the header)
    dup = meta["file"].duplicated(keep="first")
    for i in meta.index[dup]:
        problems.append(dict(source=f"{path.name}:row {i + 2}", kind="metadata", reason=f"second metadata row for {meta.at[i, 'file']!r}; the first row is used"))
    return meta[~dup].reset_index(drop=True), problems


def read_folder(folder: Path, *, max_bytes: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a folder corpus: (raw articles, quarantine)."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not DOC_FILES.match(p.name) and not p.name.startswith("."))
    quarantine: list[dict] = []
    meta = pd.DataFrame(columns=["file"])
    if (folder / "metadata.csv").is_file():
        meta, quarantine = read_metadata(folder / "metadata.csv")
    ids = unique_ids([p.stem for p in files])
    rows = []
    for path, aid in zip(files, ids):
        if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
            rows.append(_row(aid, path.name, None, sha256(path.read_bytes()), "", f"unsupported file type {path.suffix or '(none)'!r}: expected .txt or .html"))
            continue
        rows.append(read_file(path, aid, max_bytes=max_bytes))
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles, more = join_metadata(articles, meta)
    quarantine.extend(more)
    return articles, _quarantine_table(articles, quarantine)


def join_metadata(articles: pd.DataFrame, meta: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Join metadata rows on the file name; report rows for missing files and files without rows."""
    problems: list[dict] = []
    if meta.empty and "file" in meta.columns and len(meta.columns) == 1:
        return articles, problems
    known = set(articles["file"])
    rows = meta["_row"] if "_row" in meta.columns else pd.Series(range(2, len(meta) + 2))
    for row, f in zip(rows, meta["file"]):
        if f not in known:
            problems.append(dict(source=f"metadata.csv:row {row}", kind="metadata", reason=f"metadata row for {f!r}, but no such file in the corpus"))
    meta = meta.drop(columns=["_row"], errors="ignore")
    extra = [c for c in meta.columns if c != "file"]
    merged = articles.drop(columns=[c for c in extra if c in articles.columns and c not in META_FIELDS]).merge(
        meta, on="file", how="left", suffixes=("", "_meta"), indicator=True
    )
    for f in merged.loc[merged["_merge"] == "left_only", "file"]:
        problems.append(dict(source=f, kind="metadata", reason="file has no row in metadata.csv; outlet, url and date unknown"))
    for field in META_FIELDS:
        if f"{field}_meta" in merged.columns:
            given = merged[f"{field}_meta"].where(merged[f"{field}_meta"].fillna("") != "", None)
            merged[field] = given.combine_first(merged[field]) if field == "title" else given
            merged = merged.drop(columns=[f"{field}_meta"])
    merged = merged.drop(columns=["_merge"])
    return normalise_fields(merged, problems), problems


def normalise_fields(articles: pd.DataFrame, problems: list[dict]) -> pd.DataFrame:
    """Parse publication dates (impossible ones noted and emptied) and blank out empty strings."""
    out = articles.copy()
    dates = []
    for f, v in zip(out["file"], out["published"]):
        iso, problem = parse_date(v)
        if problem:
            problems.append(dict(source=f, kind="metadata", reason=problem))
        dates.append(iso)
    out["published"] = pd.Series(dates, index=out.index, dtype="object")
    for col in ("outlet", "url", "title"):
        out[col] = out[col].where(out[col].notna() & (out[col].astype(str).str.strip() != ""), None)
    return out


def read_table(path: Path, *, max_bytes: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a one-file corpus (CSV, JSONL or Parquet with a `text` column): (raw articles, quarantine)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    elif suffix in {".jsonl", ".ndjson"}:
        table = pd.read_json(path, lines=True, dtype=False)
    else:
        table = pd.read_parquet(path)
    if "text" not in table.columns:
        raise ValueError(f"{path.name}: a corpus table needs a 'text' column; it has {', '.join(map(str, table.columns))}")
    raw_ids = [str(v) if "id" in table.columns and pd.notna(v) and str(v) != "" else f"{i:06d}" for i, v in enumerate(table.get("id", [None] * len(table)))]
    ids = unique_ids(raw_ids)
    rows = []
    for i, (aid, rec) in enumerate(zip(ids, table.to_dict("records"))):
        text = rec.get("text")
        source = f"{path.name}:row {i + 1}"
        meta = {k: rec.get(k) for k in META_FIELDS if k in rec}
        if not isinstance(text, str) or not text.strip():
            rows.append(_row(aid, source, None, "", "", "text is empty or missing", **meta))
            continue
        data = text.encode("utf-8", "surrogatepass")
        if len(data) > max_bytes:
            rows.append(_row(aid, source, None, sha256(data), "", f"text is {len(data):,} bytes, over the limit of {max_bytes:,} (parameter max_bytes)", **meta))
            continue
        note = f"{text.count(chr(0))} NUL bytes removed" if "\x00" in text else ""
        rows.append(_row(aid, source, text, sha256(data), "utf-8", note, **meta))
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    problems: list[dict] = []
    articles = normalise_fields(articles, problems)
    return articles, _quarantine_table(articles, problems)


def _quarantine_table(articles: pd.DataFrame, problems: list[dict]) -> pd.DataFrame:
    bad = articles[articles["status"] == "quarantined"]
    rows = [dict(source=f, kind="article", reason=r) for f, r in zip(bad["file"], bad["reason"])]
    return pd.DataFrame(rows + problems, columns=QUARANTINE_COLUMNS)


def read(path: str | Path, *, max_bytes: int = 5_000_000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a corpus folder or table file: (raw articles, quarantine)."""
    p = Path(path)
    if p.is_dir():
        return read_folder(p, max_bytes=max_bytes)
    if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES:
        return read_table(p, max_bytes=max_bytes)
    if p.is_file():
        raise ValueError(f"corpus {path}: expected a folder of .txt/.html files or a .csv, .jsonl or .parquet file")
    raise FileNotFoundError(f"corpus {path} does not exist")
