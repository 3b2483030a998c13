"""Pages that a notebook run by hand has made out of date.

The start page and the evidence page are built by the report stage from the tables of every stage
before it. When one of those stages runs again in a run folder (a notebook rerun in JupyterLab or
with papermill) after the pages were written, the pages no longer agree with the tables: each gets
a notice at the top naming the notebooks run again and when, until the report stage rebuilds
them. `presslens run` always ends with the report stage, so its pages never carry the notice.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from presslens.report import pages

PAGES = ("index.html", "evidence.html")
RECORD = "stale.json"  # in a run folder: notebook -> when it was run again after the pages
START, END = "<!--presslens:stale-->", "<!--presslens:stale:end-->"  # the notice's place in a page


def mark(stage: Any, out_dir: str | Path | None) -> None:
    """After `stage` ran in `out_dir`: the report stage clears the record (its pages are new);
    any other stage marks the pages that exist as out of date."""
    if not out_dir:
        return
    folder = Path(out_dir)
    record = folder / RECORD
    if stage.pages:
        record.unlink(missing_ok=True)
        return
    found = [folder / p for p in PAGES if (folder / p).is_file()]
    if not found:
        return
    reruns = json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}
    reruns[stage.notebook] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    record.write_text(json.dumps(reruns, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    notice = pages.render("stale.html.j2", reruns=sorted(reruns.items()))
    for page in found:
        text = page.read_text(encoding="utf-8")
        if START in text and END in text:
            head, _, rest = text.partition(START)
            _, _, tail = rest.partition(END)
            page.write_text(head + START + notice + END + tail, encoding="utf-8")


def is_stale(out_dir: str | Path) -> dict[str, str]:
    """The notebooks run again after the pages of `out_dir` were written, with when ({} if
    none)."""
    record = Path(out_dir) / RECORD
    return json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}
