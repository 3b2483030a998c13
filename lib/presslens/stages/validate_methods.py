"""Stage 90, validate the methods against people's labels and the published figures, and against
the user's own coding of a sample of the run (`presslens sample`, then `-p codes FILE`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presslens.core import tables


def validate_methods(
    out_dir: str | Path,
    *,
    eval_dir: str | Path | None,
    frame_split_repeats: int = 5,
    use_cache: bool = True,
    codes: str | Path = "",
) -> dict[str, Any]:
    """Stage 90: `validation`, each method against human labels beside the published figures
    (computed once per validation data, method code and parameters; see
    `presslens.validate.validation`), and `own_agreement`, presslens against the coders of the
    filled coding sheet `codes` on this run (empty, with its columns, without one)."""
    from presslens.validate import own_codes, validation

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
