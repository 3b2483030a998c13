"""Corpus input: folders with metadata, one-file tables, HTML, encodings, and quarantine reasons."""

import codecs
import json
from pathlib import Path

import pandas as pd
import pytest

from presslens.ingest import corpus

BODY = "Kosovo and Serbia agreed to resume talks. NATO welcomed the step."


def write(folder: Path, name: str, data: bytes | str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def test_seeds_folder_with_metadata(root: Path) -> None:
    articles, quarantine = corpus.read(root / "seeds")
    assert len(articles) == 5 and (articles["status"] == "ok").all()
    assert quarantine.empty
    row = articles.set_index("article_id").loc["004_df3df1981ea36db8"]
    assert row["outlet"] == "econotimes.com" and row["published"] == "2022-08-18"
    assert articles.set_index("article_id").loc["000_d650c0096b15231c", "published"] is None
    assert "README" not in " ".join(articles["file"])


def test_metadata_problems_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", BODY + " More.")
    write(
        tmp_path,
        "metadata.csv",
        "file,outlet,published\na.txt,One,2023-13-45\nmissing.txt,Two,2023-01-01\na.txt,Three,2023-01-02\n",
    )
    articles, quarantine = corpus.read(tmp_path)
    reasons = " | ".join(quarantine["reason"])
    assert "not a valid date" in reasons
    assert "no such file" in reasons
    assert "second metadata row" in reasons
    assert "no row in metadata.csv" in reasons
    assert articles.set_index("file").at["a.txt", "outlet"] == "One"
    assert (articles["status"] == "ok").all()


@pytest.mark.parametrize(
    ("data", "encoding", "note"),
    [
        ("Priština and Vučić".encode("utf-8"), "utf-8", ""),
        (codecs.BOM_UTF8 + "Priština".encode("utf-8"), "utf-8", ""),
        ("Priština café".encode("utf-16"), "utf-16", "UTF-16"),
        ("café “quoted”".encode("cp1252"), "cp1252", "Windows-1252"),
    ],
)
def test_decodings(data: bytes, encoding: str, note: str) -> None:
    dec = corpus.decode(data)
    assert dec.encoding == encoding
    assert note in dec.problem
    assert "\ufeff" not in (dec.text or "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t ", "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"%PDF-1.7\n" + bytes(100), "PDF document"),
    ],
)
def test_unreadable_files_are_quarantined(tmp_path: Path, data: bytes, reason: str) -> None:
    write(tmp_path, "bad.txt", data)
    articles, quarantine = corpus.read(tmp_path)
    assert articles.at[0, "status"] == "quarantined"
    assert reason in articles.at[0, "reason"]
    assert quarantine.at[0, "source"] == "bad.txt" and reason in quarantine.at[0, "reason"]


def test_unsupported_suffix_and_oversize(tmp_path: Path) -> None:
    write(tmp_path, "notes.docx", b"PK\x03\x04....")
    write(tmp_path, "big.txt", "x" * 2000)
    articles, _ = corpus.read(tmp_path, max_bytes=1000)
    reasons = dict(zip(articles["file"], articles["reason"]))
    assert "unsupported file type" in reasons["notes.docx"]
    assert "over the limit" in reasons["big.txt"]


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    page = (
        "<html><head><title>NATO ready to act</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>NATO ready to act</h1><p>{BODY}</p><p>{BODY} The talks resume on Thursday "
        "in Brussels, officials said.</p></article>"
        "<footer>Copyright 2025 Example Media</footer></body></html>"
    )
    write(tmp_path, "page.html", page)
    articles, _ = corpus.read(tmp_path)
    raw = articles.at[0, "raw"]
    assert "Kosovo and Serbia agreed" in raw and "Home | World" not in raw
    assert articles.at[0, "title"] == "NATO ready to act"
    assert "trafilatura" in articles.at[0, "reason"]


def test_table_corpora(tmp_path: Path) -> None:
    rows = [
        {"id": "x/1", "text": BODY, "outlet": "A", "published": "2024-05-01", "title": "T1"},
        {"id": "x/1", "text": BODY + " Again.", "outlet": "B", "published": "", "title": "T2"},
        {"id": None, "text": "", "outlet": "C", "published": "2024-05-02", "title": "T3"},
    ]
    pd.DataFrame(rows).to_csv(tmp_path / "c.csv", index=False)
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pd.DataFrame(rows).to_parquet(tmp_path / "c.parquet")
    for name in ("c.csv", "c.jsonl", "c.parquet"):
        articles, quarantine = corpus.read(tmp_path / name)
        assert articles["article_id"].tolist() == ["x_1", "x_1-2", "000002"], name
        assert articles["status"].tolist() == ["ok", "ok", "quarantined"], name
        assert articles.at[0, "outlet"] == "A" and articles.at[0, "title"] == "T1"
        assert len(quarantine) == 1


def test_table_without_text_column_is_a_clear_error(tmp_path: Path) -> None:
    pd.DataFrame({"body": [BODY]}).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(ValueError, match="needs a 'text' column"):
        corpus.read(tmp_path / "c.csv")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("my article (1)", "my_article_1"),
        ("Vučić interview", "Vucic_interview"),
        ("..", "article"),
        ("a\x00b", "a_b"),
    ],
)
def test_safe_ids(name: str, safe: str) -> None:
    assert corpus.safe_id(name) == safe
    assert "/" not in safe and ".." not in safe


NEXIS = (
    "1 of 2 DOCUMENTS\n\nThe Morning Post\n\nMarch 3, 2019 Sunday\n\nPipeline Ruling Expected\n\n"
    "LENGTH: 12 words\n\nA federal judge is expected to rule on the pipeline.\n\n"
    "LOAD-DATE: March 4, 2019\n\n2 of 2 DOCUMENTS\n\nThe Morning Post\n\nMarch 4, 2019 Monday\n\n"
    "Second Headline\n\nLENGTH: 5 words\n\nThe second story.\n\nLOAD-DATE: March 5, 2019\n"
)


def test_one_export_file_is_a_corpus(tmp_path: Path) -> None:
    write(tmp_path, "export.txt", NEXIS)
    pl = corpus.plan(tmp_path / "export.txt")
    assert pl.n_parts == 1
    articles, quarantine = corpus.read(tmp_path / "export.txt")
    assert list(articles["article_id"]) == ["export-001", "export-002"]
    assert list(articles["file"]) == ["export.txt#1", "export.txt#2"]
    assert list(articles["published"]) == ["2019-03-03", "2019-03-04"]
    assert list(articles["title"]) == ["Pipeline Ruling Expected", "Second Headline"]
    assert (articles["status"] == "ok").all() and quarantine.empty


def test_plain_text_file_is_still_not_a_corpus(tmp_path: Path) -> None:
    write(tmp_path, "one.txt", BODY)
    with pytest.raises(ValueError, match="expected a folder"):
        corpus.plan(tmp_path / "one.txt")


def test_metadata_fills_but_never_empties_export_fields(tmp_path: Path) -> None:
    write(tmp_path, "export.txt", NEXIS)
    write(tmp_path, "other.txt", BODY)
    write(tmp_path, "metadata.csv", "file,outlet\nother.txt,Other News\n")
    articles, _ = corpus.read(tmp_path)
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    assert outlets == {
        "export-001": "The Morning Post",
        "export-002": "The Morning Post",
        "other": "Other News",
    }


def test_files_in_subfolders_are_read_with_their_path(tmp_path: Path) -> None:
    """A corpus folder organised in subfolders (one per outlet, say) is read whole: nothing in a
    subfolder is dropped silently; metadata joins on the path inside the folder."""
    (tmp_path / "herald").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "top.txt").write_text("Top story\n\nThe council met on Monday.", encoding="utf-8")
    (tmp_path / "herald" / "a.txt").write_text("Herald story\n\nVoters went out.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Not an article.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet\nherald/a.txt,Herald\ntop.txt,Top\n", encoding="utf-8"
    )
    articles, quarantine = corpus.read(tmp_path)
    assert articles["file"].tolist() == ["herald/a.txt", "top.txt"]
    assert articles["article_id"].tolist() == ["herald_a", "top"]
    assert articles["outlet"].tolist() == ["Herald", "Top"]
    assert quarantine.empty
