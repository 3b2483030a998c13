"""Generate a corpus of bad inputs (nothing hand-edited), with what must become of each."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
HOSTILE = '<script>document.title="PWNED"</script><img src=x onerror="document.title=\'PWNED\'">'
STORY = (
    "Kosovo and Serbia agreed on Thursday to resume talks in Brussels, the European Union said. "
    "NATO welcomed the step and said its peacekeepers would stay in the north. "
    "Officials in Pristina and Belgrade both said the talks would be difficult but necessary for "
    "the region."
)
TOPICS = [
    "the border crossing at Jarinje",
    "license plates issued in Pristina",
    "the Association of Serb-Majority Municipalities",
    "elections in the northern municipalities",
    "the energy agreement",
    "missing persons from the war",
    "the Ibar bridge in Mitrovica",
    "customs revenues",
    "the Serbian Orthodox monasteries",
    "the Trepca mining complex",
]


def story(i: int) -> str:
    """A distinct short news story (so that only the intended copies are duplicates)."""
    topic = TOPICS[i % len(TOPICS)]
    return (
        f"Talks on {topic} stalled again this week, officials said. Negotiators from Pristina and "
        "Belgrade met in "
        f"Brussels for round {i + 3} of the EU-facilitated dialogue, focusing on {topic}. A "
        "European diplomat said "
        f"the sides remained far apart on {topic} but agreed to meet again. NATO said its "
        "peacekeepers would keep "
        f"watching the situation closely."
    )


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


# file name -> (expected status, words the reason must contain)
EXPECTED: dict[str, tuple[str, str]] = {
    "empty.txt": ("quarantined", "empty file"),
    "blank.txt": ("quarantined", "white space"),
    "image.txt": ("quarantined", "PNG image"),
    "document.txt": ("quarantined", "PDF document"),
    "latin1.txt": ("ok", "Windows-1252"),
    "cp1252.txt": ("ok", "Windows-1252"),
    "utf16.txt": ("ok", "UTF-16"),
    "nul bytes.txt": ("ok", "NUL bytes removed"),
    "huge.txt": ("quarantined", "over the limit"),
    "page.html": ("ok", "trafilatura"),
    "only-furniture.txt": ("quarantined", "site furniture"),
    "copy-exact.txt": ("duplicate", "exact duplicate of original"),
    "copy-near.txt": ("duplicate", "near duplicate of original"),
    "original.txt": ("ok", ""),
    "german.txt": ("quarantined", "not English"),
    "Vučić interview (2).txt": ("ok", ""),
    "hostile.txt": ("ok", ""),
    "notes.docx": ("quarantined", "unsupported file type"),
}


def write(folder: Path, *, huge_bytes: int = 20_000_000) -> Path:
    """Write the bad-input corpus into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"   \n\n\t  \r\n",
        "image.txt": png_bytes(),
        "document.txt": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)),
        "latin1.txt": (
            "Headline On Talks\n"
            + story(0).replace("Pristina", "Prishtinë")
            + " The café was closed."
        ).encode("latin-1"),
        "cp1252.txt": ("Headline On The Border\n“Quoted” words — and a dash. " + story(1)).encode(
            "cp1252"
        ),
        "utf16.txt": ("Headline In UTF-16\n" + story(2) + " Vučić spoke.").encode("utf-16"),
        "nul bytes.txt": ("Headline With NULs\n" + story(3).replace(" ", " \x00", 3)).encode(
            "utf-8"
        ),
        "huge.txt": (
            ("Headline Of A Huge File\n" + STORY + "\n") * (huge_bytes // len(STORY) + 1)
        ).encode("utf-8")[: huge_bytes + 10],
        "page.html": (
            "<html><head><title>Talks resume</title></head><body><nav>Home | "
            "World</nav><article><h1>Talks resume</h1>"
            f"<p>{story(4)}</p><p>Diplomats said a deal could come within weeks, though both "
            "sides remain far apart on the north.</p>"
            "</article><footer>© 2025 Example</footer></body></html>"
        ).encode("utf-8"),
        "only-furniture.txt": b"No Time To Read\nNo time to read?\nGet a summary\nPrevious "
        b"Article\nSome Headline\nNext Article\nAnother Headline\n",
        "original.txt": ("Original Wire Story\n" + STORY + " " + story(7)).encode("utf-8"),
        "copy-exact.txt": ("Original Wire Story\n" + STORY + " " + story(7)).encode("utf-8"),
        "copy-near.txt": (
            "Original Wire Story, Rewritten\n"
            + STORY.replace("Thursday", "Friday")
            + " "
            + story(7)
            + " Reporting by staff."
        ).encode("utf-8"),
        "german.txt": (
            "Gespräche Wieder Aufgenommen\nKosovo und Serbien haben sich am Donnerstag darauf "
            "geeinigt, die Gespräche in Brüssel "
            "wieder aufzunehmen, teilte die Europäische Union mit. Die NATO begrüßte den Schritt "
            "und erklärte, ihre Friedenstruppen "
            "würden im Norden bleiben. Beamte in Pristina und Belgrad sagten, die Gespräche seien "
            "schwierig, aber notwendig."
        ).encode("utf-8"),
        "Vučić interview (2).txt": (
            "Interview With Unicode Name\nVučić told reporters the talks were hard. " + story(5)
        ).encode("utf-8"),
        "hostile.txt": (
            f"Hostile {HOSTILE} Headline\n{story(6)} She wrote {HOSTILE} in the middle. "
            '<b>bold</b> and <a href="javascript:alert(1)">link</a>.'
        ).encode("utf-8"),
        "notes.docx": b"PK\x03\x04" + bytes(64),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    quoted = HOSTILE.replace(chr(34), chr(34) * 2)  # a CSV field holding the hostile text
    meta = [
        "file,outlet,url,published,title",
        f'hostile.txt,"{quoted}",javascript:alert(document.domain),2023-05-01,"{quoted}"',
        "original.txt,Wire One,https://example.org/a,2023-05-02,",
        "copy-exact.txt,Wire Two,https://example.org/b,2023-05-03,",
        "copy-near.txt,Wire Three,,2023-05-04,",
        "latin1.txt,Outlet L,,2023-13-45,",
        "missing-file.txt,Ghost,,2023-01-01,",
        "original.txt,Duplicate Row,,2023-01-01,",
        "../../etc/passwd,Escaper,,2023-01-01,",
    ]
    (folder / "metadata.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return folder
