"""Count what a reader should not see in run folders' executed notebooks and figures: actor ids
where the run has a display name, article ids outside id columns and links, counts printed with
decimals (the detector of tests/test_notebook_outputs.py), by kind.

    .venv/bin/python bench/shown_ids.py RUN [RUN ...]
"""

import collections
import json
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import test_notebook_outputs as t  # noqa: E402


def count(run: Path) -> str:
    """One line: cells with a problem, problems by kind, figure labels with ids."""
    ids = t.actor_ids(pd.read_parquet(run / "data" / "actors.parquet"))
    kinds: collections.Counter = collections.Counter()
    cells = set()
    for nbp in sorted((run / "notebooks").glob("*.ipynb")):
        for c in json.loads(nbp.read_text())["cells"]:
            for o in c.get("outputs", []):
                for p in t.output_problems(o, ids):
                    kinds[" ".join(p.split(" ")[:2])] += 1
                    cells.add((nbp.stem, c.get("id")))
    svg = sum(
        len(t.text_problems(x, ids))
        for s in (run / "figures").glob("*.svg")
        for x in t.svg_texts(s.read_text())
    )
    return f"{run}: {len(cells)} cells with problems; {dict(kinds)}; figure labels with ids: {svg}"


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(count(Path(arg)))
