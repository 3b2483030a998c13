"""Train the generic-frame model that `presslens.measure.framing` ships with.

Data: eval/narrative-frames (the development part of the Narrative Frames Corpus, Frermann et al.
2023, MIT licence): 275 climate-change news articles, each coded by people for Semetko &
Valkenburg's five generic frames. Per frame, `presslens.measure.framing.fit_frame_model` fits a
logistic
regression over the article's words and the frame's cue density (the sentences that answer the
frame's indicator questions in resources/generic_frames.yaml), and its threshold. The figures
to trust are the cross-validated ones of notebook 90 (`framing.validate`), where every fold fits
its own model; this script fits the one that ships, on all 275 articles. Rerun it after editing
the cues. Deterministic: the same file comes out on every run (sorted JSON, rounded coefficients,
gzip without a time stamp).

    python bench/train_frames.py      # writes lib/presslens/resources/generic_frames_model.json.gz
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
from presslens.measure import framing  # noqa: E402

TARGET = ROOT / "lib" / "presslens" / "resources" / framing.MODEL_FILE


def main() -> None:
    """Fit on every narrative-frames article and write the model."""
    _, texts, density, gold = framing.coded_eval_articles(ROOT / "eval" / "narrative-frames")
    model = framing.fit_frame_model(texts, density, gold)
    payload = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with (
        open(TARGET, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh,
    ):
        fh.write(payload)
    size = TARGET.stat().st_size
    print(
        f"wrote {TARGET.relative_to(ROOT)} ({size:,} bytes): {len(model['vocabulary']):,} words; "
        "thresholds " + ", ".join(f"{f} {v['threshold']:.4f}" for f, v in model["frames"].items())
    )


if __name__ == "__main__":
    main()
