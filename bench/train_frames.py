"""Train, choose and measure the generic-frame model that `presslens.measure.framing` ships with.

Data: eval/narrative-frames (the development part of the Narrative Frames Corpus, Frermann et al.
2023, MIT licence): 275 climate-change news articles from about 36 outlets, each coded by people
for Semetko & Valkenburg's five generic frames. `presslens.validate.frames` splits them once
into a development part (219) and a held-out part (56); `presslens.measure.frame_model` fits per
frame a calibrated logistic regression over the article's words, its cue evidence for the frame
(resources/generic_frames.yaml) and a few style markers, and its presence threshold.

    python bench/train_frames.py            # fit on all 275 and write the shipped model
    python bench/train_frames.py --measure  # dev cross-validation, held-out, baselines (+ 95% CIs)
    python bench/train_frames.py --select   # the choice of C and word weight, by repeated CV on dev

Deterministic: the same file comes out on every run (sorted JSON, rounded coefficients, gzip
without a time stamp). Rerun after editing the cues, and paste the printed dictionary-only
thresholds into generic_frames.yaml.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from presslens.measure import frame_model, framing, metrics  # noqa: E402
from presslens.validate import frames  # noqa: E402

TARGET = ROOT / "lib" / "presslens" / "resources" / framing.MODEL_FILE
EVAL = ROOT / "eval" / "narrative-frames"
GRID_C = (0.3, 1.0, 3.0)  # the choices --select compares
GRID_WEIGHT = (0.0, 0.5, 1.0, 2.0)
SELECT_REPEATS = 3  # 5-fold cross-validations (different splits) per choice


def train() -> None:
    """Fit on every narrative-frames article, write the model, print the density thresholds."""
    _, texts, dense, ncue, gold = frame_model.coded_eval_articles(EVAL)
    model = frame_model.fit_frame_model(texts, dense, ncue, gold)
    payload = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with (
        open(TARGET, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh,
    ):
        fh.write(payload)
    print(
        f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size:,} bytes): "
        f"{len(model['vocabulary']):,} words; threshold / confident: "
        + ", ".join(
            f"{f} {v['threshold']:.3f}/{v['confident']:.3f}" for f, v in model["frames"].items()
        )
    )
    dens = {
        f: frame_model.density_threshold(
            dense[f]["density"], ncue[f].to_numpy(), gold[f].to_numpy()
        )
        for f in gold.columns
    }
    print("dictionary-only thresholds for generic_frames.yaml:", dens)


def measure() -> None:
    """Print the development cross-validation, the held-out figures and the baselines."""
    r = frames.validate(EVAL, repeats=5)
    cols = ["frame", "n", "positives", "precision", "recall", "f1", "f1_lo", "f1_hi"]
    cols += ["always_present_f1", "density_f1"]
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(f"development part, 5-fold cross-validation ({r['n_dev']} articles), 95% bootstrap:")
        print(r["table"][cols].round(3).to_string(index=False))
        print(
            "macro-F1 over 5 different splits:",
            {k: round(v, 3) for k, v in r["split_spread"].items()},
        )
        print("frames called on one cue sentence (confident):", r["single_cue_calls"])
        print(f"\nheld-out part ({r['n_heldout']} articles), model fitted on the development part:")
        print(r["heldout"][cols].round(3).to_string(index=False))


def select() -> None:
    """Macro-F1 of each (C, word weight) by repeated 5-fold CV on the development part only."""
    data, texts, dense, ncue, gold = frame_model.coded_eval_articles(EVAL)
    dev, _ = frames.split_articles(data["text"].tolist(), gold)
    dt, dd = [texts[i] for i in dev], frames.subset(dense, dev)
    dn, dg = ncue.iloc[dev].reset_index(drop=True), gold.iloc[dev].reset_index(drop=True)
    for c in GRID_C:
        for w in GRID_WEIGHT:
            frame_model.TEXT_WEIGHT = {f: w for f in dg.columns}
            f1 = [
                [metrics.binary(dg[f].to_numpy(), p[f].to_numpy())[2] for f in dg.columns]
                for p in (
                    frames.cv_predict(dt, dd, dn, dg, seed=r, C=c)[1] for r in range(SELECT_REPEATS)
                )
            ]
            m = np.mean(f1, axis=0)
            print(f"C {c} weight {w}: macro {m.mean():.3f}", dict(zip(dg.columns, m.round(3))))


def main() -> None:
    """Train (default), --measure or --select."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--measure", action="store_true", help="print dev CV and held-out figures")
    ap.add_argument("--select", action="store_true", help="print the grid of C and word weight")
    args = ap.parse_args()
    warnings.filterwarnings("ignore", category=UserWarning)
    if args.measure:
        measure()
    elif args.select:
        select()
    else:
        train()


if __name__ == "__main__":
    main()
