"""Read a corpus into the raw `articles` table, quarantining what cannot be read.

A corpus is a folder of ``.txt`` / ``.html`` files, its subfolders included, with an optional
``metadata.csv`` (joined on the file's path inside the folder, ``sub/name.txt`` for a file in a
subfolder), or one CSV, JSONL or Parquet file with a ``text`` column and optional ``id``,
``title``, ``outlet``, ``url``, ``published`` columns. A ``.txt`` file that is a news-database
export (Nexis, ProQuest; see ``exports``), alone or in a folder, gives one article per document.
Nothing is dropped silently: every input becomes a row of `articles` (status ``ok`` or
``quarantined`` with a reason) and every problem with metadata becomes a row of `quarantine`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from presslens.ingest import exports

ARTICLE_COLUMNS = [
    "article_id",
    "file",
    "outlet",
    "url",
    "published",
    "title",
    "raw",
    "raw_sha256",
    "encoding",
    "status",
    "reason",
]
QUARANTINE_COLUMNS = ["source", "kind", "reason"]
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet"}
DOC_FILES = re.compile(
    r"^(readme|license|licence|copying|notice)(\.[a-z0-9]+)?$|^metadata\.csv$", re.I
)
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
    """ISO date string from a metadata value, or (None, problem) when it is missing or
    impossible."""
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

    text = trafilatura.extract(
        markup, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = trafilatura.extract_metadata(markup)
    title = meta.title if meta is not None and meta.title else None
    return text, title


def _row(
    article_id: str,
    file: str,
    raw: str | None,
    digest: str,
    encoding: str,
    reason: str,
    **meta: object,
) -> dict:
    row = dict.fromkeys(ARTICLE_COLUMNS)
    row.update(
        article_id=article_id, file=file, raw=raw or "", raw_sha256=digest, encoding=encoding
    )
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
        return _row(
            article_id,
            name,
            None,
            digest,
            "",
            "empty file" if not data else "file holds only white space",
        )
    if len(data) > max_bytes:
        return _row(
            article_id,
            name,
            None,
            digest,
            "",
            f"file is {len(data):,} bytes, over the limit of {max_bytes:,} (parameter max_bytes)",
        )
    dec = decode(data)
    if dec.text is None:
        return _row(article_id, name, None, digest, "", dec.problem)
    text, note = dec.text, dec.problem
    if "\x00" in text:
        note = "; ".join(filter(None, [note, f"{text.count(chr(0))} NUL bytes removed"]))
    if path.suffix.lower() in HTML_SUFFIXES:
        body, title = html_text(text)
        if not body or not body.strip():
            return _row(
                article_id,
                name,
                None,
                digest,
                dec.encoding,
                "HTML page with no main text that trafilatura could extract",
            )
        note = "; ".join(filter(None, [note, "main text extracted from HTML with trafilatura"]))
        return _row(article_id, name, body, digest, dec.encoding, note, title=title)
    return _row(article_id, name, text, digest, dec.encoding, note)


def read_metadata(path: Path) -> tuple[pd.DataFrame, list[dict]]:
    """metadata.csv as a table keyed by file, plus quarantine rows for its problems."""
    problems: list[dict] = []
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        return pd.DataFrame(columns=["file"]), [
            dict(
                source=path.name,
                kind="metadata",
                reason=f"metadata.csv could not be parsed ({exc}); articles read without metadata",
            )
        ]
    if "file" not in meta.columns:
        return pd.DataFrame(columns=["file"]), [
            dict(
                source=path.name,
                kind="metadata",
                reason="metadata.csv has no 'file' column; articles read without metadata",
            )
        ]
    meta["_row"] = meta.index + 2  # line number in the file (after the header)
    dup = meta["file"].duplicated(keep="first")
    for i in meta.index[dup]:
        problems.append(
            dict(
                source=f"{path.name}:row {i + 2}",
                kind="metadata",
                reason=f"second metadata row for {meta.at[i, 'file']!r}; the first row is used",
            )
        )
    return meta[~dup].reset_index(drop=True), problems


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


@dataclass
class Part:
    """One partition of a corpus: file names (folder corpora) or a chunk of records (table
    corpora)."""

    index: int
    folder: str = ""
    files: list[tuple[str, str]] = field(default_factory=list)  # (file name, article id)
    meta: pd.DataFrame | None = None  # metadata rows of those files
    records: pd.DataFrame | None = (
        None  # table corpora: article_id, source, text and metadata columns
    )


@dataclass
class Plan:
    """How a corpus will be read: its partitions (made lazily), their count, and metadata
    problems."""

    parts: Iterator[Part]
    n_parts: int
    n_inputs: int
    problems: pd.DataFrame


def _folder_files(folder: Path) -> list[Path]:
    """The corpus files of a folder and its subfolders (hidden ones and documentation left out),
    sorted by their path inside the folder."""
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or DOC_FILES.match(p.name):
            continue
        if p.is_file():
            found.append(p)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def plan_folder(folder: Path, *, partition_size: int) -> Plan:
    """Partitions of a folder corpus, with metadata joined up front and its problems listed."""
    files = _folder_files(folder)
    problems: list[dict] = []
    meta = pd.DataFrame(columns=["file"])
    if (folder / "metadata.csv").is_file():
        meta, problems = read_metadata(folder / "metadata.csv")
    names = [p.relative_to(folder).as_posix() for p in files]
    ids = unique_ids([p.relative_to(folder).with_suffix("").as_posix() for p in files])
    known = set(names)
    for row, f in zip(meta.get("_row", []), meta["file"]):
        if f not in known:
            problems.append(
                dict(
                    source=f"metadata.csv:row {row}",
                    kind="metadata",
                    reason=f"metadata row for {f!r}, but no such file in the corpus",
                )
            )
    has_meta = "_row" in meta.columns
    if has_meta:
        for f in sorted(known - set(meta["file"])):
            problems.append(
                dict(
                    source=f,
                    kind="metadata",
                    reason="file has no row in metadata.csv; outlet, url and date unknown",
                )
            )
    meta = meta.drop(columns=["_row"], errors="ignore").set_index("file") if has_meta else None
    pairs = list(zip(names, ids))
    chunks = [pairs[i : i + partition_size] for i in range(0, len(pairs), partition_size)]

    def gen() -> Iterator[Part]:
        for k, chunk in enumerate(chunks):
            rows = meta.reindex([f for f, _ in chunk]).reset_index() if meta is not None else None
            yield Part(k, str(folder), chunk, rows)

    return Plan(gen(), len(chunks), len(pairs), pd.DataFrame(problems, columns=QUARANTINE_COLUMNS))


def _table_chunks(
    path: Path, size: int, columns: list[str] | None = None
) -> Iterator[pd.DataFrame]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            chunksize=size,
            usecols=(lambda c: c in columns) if columns else None,
        )
    elif suffix in {".jsonl", ".ndjson"}:
        for chunk in pd.read_json(path, lines=True, dtype=False, chunksize=size):
            yield chunk[[c for c in chunk.columns if c in columns]] if columns else chunk
    else:
        f = pq.ParquetFile(path)
        cols = [c for c in f.schema_arrow.names if c in columns] if columns else None
        for batch in f.iter_batches(batch_size=size, columns=cols):
            yield batch.to_pandas()


def _table_columns(path: Path) -> list[str]:
    first = next(_table_chunks(path, 1), pd.DataFrame())
    return [str(c) for c in first.columns]


def plan_table(path: Path, *, partition_size: int) -> Plan:
    """Partitions of a one-file corpus (CSV, JSONL, Parquet): ids made unique in a first pass over
    the id column."""
    columns = _table_columns(path)
    if "text" not in columns:
        raise ValueError(
            f"{path.name}: a corpus table needs a 'text' column; it has "
            f"{', '.join(columns) or 'none'}"
        )
    raw_ids: list[str] = []
    pos = 0
    for chunk in _table_chunks(path, 50_000, ["id", "text"]):
        ids = chunk["id"] if "id" in chunk.columns else pd.Series([None] * len(chunk))
        raw_ids.extend(
            str(v) if v is not None and pd.notna(v) and str(v) != "" else f"{pos + i:06d}"
            for i, v in enumerate(ids)
        )
        pos += len(chunk)
    ids = unique_ids(raw_ids)
    n_parts = (len(ids) + partition_size - 1) // partition_size

    def gen() -> Iterator[Part]:
        start = 0
        for k, chunk in enumerate(_table_chunks(path, partition_size)):
            chunk = chunk.reset_index(drop=True)
            chunk["article_id"] = ids[start : start + len(chunk)]
            chunk["source"] = [f"{path.name}:row {start + i + 1}" for i in range(len(chunk))]
            start += len(chunk)
            yield Part(k, records=chunk)

    return Plan(gen(), n_parts, len(ids), pd.DataFrame(columns=QUARANTINE_COLUMNS))


def plan(path: str | Path, *, partition_size: int = 2000) -> Plan:
    """Plan the reading of a corpus folder or table file in partitions of `partition_size`
    articles."""
    p = Path(path)
    if p.is_dir():
        return plan_folder(p, partition_size=partition_size)
    if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES:
        return plan_table(p, partition_size=partition_size)
    if (
        p.is_file()
        and p.suffix.lower() in TEXT_SUFFIXES
        and exports.detect(decode(p.read_bytes()).text or "")
    ):
        part = Part(0, str(p.parent), [(p.name, safe_id(p.stem))])
        return Plan(iter([part]), 1, 1, pd.DataFrame(columns=QUARANTINE_COLUMNS))
    if p.is_file():
        raise ValueError(
            f"corpus {path}: expected a folder of .txt/.html files or a .csv, .jsonl or .parquet "
            "file"
        )
    raise FileNotFoundError(f"corpus {path} does not exist")


def _record_row(rec: dict, *, max_bytes: int) -> dict:
    aid, source, text = rec["article_id"], rec["source"], rec.get("text")
    meta = {k: rec.get(k) for k in META_FIELDS if k in rec}
    if not isinstance(text, str) or not text.strip():
        return _row(aid, source, None, "", "", "text is empty or missing", **meta)
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        return _row(
            aid,
            source,
            None,
            sha256(data),
            "",
            f"text is {len(data):,} bytes, over the limit of {max_bytes:,} (parameter max_bytes)",
            **meta,
        )
    note = f"{text.count(chr(0))} NUL bytes removed" if "\x00" in text else ""
    return _row(aid, source, text, sha256(data), "utf-8", note, **meta)


def _file_row(folder: Path, name: str, aid: str, *, max_bytes: int) -> dict:
    path = folder / name
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return _row(
            aid,
            name,
            None,
            sha256(path.read_bytes()),
            "",
            f"unsupported file type {path.suffix or '(none)'!r}: expected .txt or .html",
        )
    return {**read_file(path, aid, max_bytes=max_bytes), "file": name}  # path inside the folder


def _export_rows(row: dict) -> list[dict]:
    """The documents of an export file as rows (``file#n``, id ``<file id>-<n>``), else [row]."""
    text_file = row["status"] == "ok" and Path(row["file"]).suffix.lower() in TEXT_SUFFIXES
    docs = exports.documents(row["raw"]) if text_file else None
    if not docs:
        return [row]
    out = []
    for d in docs:
        meta = dict(title=d.title, outlet=d.outlet, url=d.url, published=d.published)
        raw = None if d.problem else d.raw
        digest = sha256(d.raw.encode("utf-8"))
        aid, name = f"{row['article_id']}-{d.number:03d}", f"{row['file']}#{d.number}"
        note = d.problem or "; ".join(filter(None, [row["reason"], f"{d.fmt} export document"]))
        out.append(_row(aid, name, raw, digest, row["encoding"], note, **meta))
    return out


def read_part(part: Part, *, max_bytes: int = 5_000_000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read one partition: (raw articles, quarantine rows for its unreadable inputs and bad
    dates)."""
    if part.records is not None:
        rows = [_record_row(rec, max_bytes=max_bytes) for rec in part.records.to_dict("records")]
    else:
        rows = [
            row
            for name, aid in part.files
            for row in _export_rows(_file_row(Path(part.folder), name, aid, max_bytes=max_bytes))
        ]
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    if part.meta is not None and len(part.meta):
        articles = merge_metadata(articles, part.meta)
    problems: list[dict] = []
    articles = normalise_fields(articles, problems)
    return articles, _quarantine_table(articles, problems)


def merge_metadata(articles: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Join metadata rows on the file name (metadata wins, except an empty metadata title)."""
    extra = [c for c in meta.columns if c != "file" and c not in META_FIELDS]
    merged = articles.drop(columns=[c for c in extra if c in articles.columns]).merge(
        meta, on="file", how="left", suffixes=("", "_meta")
    )
    for name in META_FIELDS:
        if f"{name}_meta" in merged.columns:
            given = merged[f"{name}_meta"].where(
                merged[f"{name}_meta"].fillna("").astype(str) != "", None
            )
            merged[name] = given.combine_first(merged[name])
            merged = merged.drop(columns=[f"{name}_meta"])
    return merged


def _quarantine_table(articles: pd.DataFrame, problems: list[dict]) -> pd.DataFrame:
    bad = articles[articles["status"] == "quarantined"]
    rows = [dict(source=f, kind="article", reason=r) for f, r in zip(bad["file"], bad["reason"])]
    return pd.DataFrame(rows + problems, columns=QUARANTINE_COLUMNS)


def read(path: str | Path, *, max_bytes: int = 5_000_000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a whole corpus folder or table file at once: (raw articles, quarantine)."""
    pl = plan(path, partition_size=10_000)
    got = [read_part(part, max_bytes=max_bytes) for part in pl.parts]
    articles = (
        pd.concat([a for a, _ in got], ignore_index=True)
        if got
        else pd.DataFrame(columns=ARTICLE_COLUMNS)
    )
    quarantine = pd.concat([pl.problems, *[q for _, q in got]], ignore_index=True)
    return articles, quarantine
