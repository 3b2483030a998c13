"""Stage 90, validate the methods against people's labels and the published figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presslens.pipeline import tables


def validate_methods(
    out_dir: str | Path,
    *,
    eval_dir: str | Path | None,
    frame_split_repeats: int = 5,
    use_cache: bool = True,
) -> dict[str, Any]:
    """Stage 90: `validation`, each method against human labels beside the published figures
    (computed once per validation data, method code and parameters; see
    `presslens.validate.validation`)."""
    from presslens.validate import validation

    result = validation.cached(
        eval_dir, frame_split_repeats=frame_split_repeats, use_cache=use_cache
    )
    tables.write(result["table"], "validation", out_dir)
    return {**result, "published": validation.published()}
