"""Stage 90, validate the methods against people's labels and the published figures, and against
the user's own coding of a sample of the run (`presslens sample`, then `-p codes FILE`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from presslens.core import paths, tables
from presslens.core.stage import EVAL_DATA, stage


def validation_cost(params: Mapping[str, Any]) -> tuple[float, float]:
    """Seconds fixed and per 1,000 sentences (bench/progress_fit.py on runs from 5 to 10,000
    articles): the validation read from the user cache, or computed, about 20 s more, once per
    version of the data and code."""
    from presslens.validate import validation

    cached = params.get("use_cache", True) and validation.is_cached(
        paths.eval_data(params.get("eval_dir", "")),
        frame_split_repeats=int(params.get("frame_split_repeats", 5)),
    )
    return (1.1, 0.004) if cached else (21.0, 0.004)


@stage(
    notebook="90-validate-methods",
    # the run's tables: what presslens says now of the units of a filled coding sheet
    reads=(EVAL_DATA, "articles", "article_frames", "actor_tone", "quotes", "mentions", "actors"),
    writes=("validation", "own_agreement"),
    paths=("eval_dir", "codes"),
    cost=validation_cost,
)
def validate_methods(
    out_dir: str | Path,
    *,
    eval_dir: str | Path = "",
    frame_split_repeats: int = 5,
    use_cache: bool = True,
    codes: str | Path = "",
) -> dict[str, Any]:
    """Stage 90: `validation`, each method against human labels beside the published figures
    (computed once per validation data, method code and parameters; see
    `presslens.validate.validation`), and `own_agreement`, presslens against the coders of the
    filled coding sheet `codes` on this run (empty, with its columns, without one). `eval_dir` ''
    is the data sets shipped with presslens (or beside the checkout)."""
    from presslens.validate import own_codes, validation

    eval_dir = paths.eval_data(eval_dir)
    result = validation.cached(
        eval_dir, frame_split_repeats=frame_split_repeats, use_cache=use_cache
    )
    tables.write(result["table"], "validation", out_dir)
    own = (
        own_codes.own_agreement(out_dir, Path(codes).expanduser())
        if codes
        else {
            "table": own_codes.empty(),
            "rows": 0,
            "empty": 0,
            "coders": [],
            "changed": 0,
            "own_variables": [],
        }  # fmt: skip
    )
    tables.write(own["table"], "own_agreement", out_dir)
    return {**result, "published": validation.published(), "own": own}
