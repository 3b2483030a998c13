"""What the start page says: findings and sections built from a run folder's tables, as data.

Every function returns text parts (``parts.Part``), page tables (``parts.Table``) and blocks
(``parts.block``); the templates turn them into HTML. The page is bounded whatever the corpus
size: findings are a short list of statements naming the top items and the counts behind them,
never one entry per article, event or outlet; tables show at most ``parts.MAX_ROWS`` rows and link
their CSV. Only summary tables and small columns of the large ones are read."""

from __future__ import annotations

from .findings import findings, warnings
from .reading import load, manifest
from .run_sections import limitations, sections

__all__ = ["findings", "limitations", "load", "manifest", "sections", "warnings"]
