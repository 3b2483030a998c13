"""What every notebook does before its first table: readable pandas output."""

from __future__ import annotations

import pandas as pd


def setup() -> None:
    """Tables printed for reading: three decimals, at most 30 rows, long texts cut."""
    pd.set_option("display.precision", 3)
    pd.set_option("display.max_rows", 30)
    pd.set_option("display.min_rows", 20)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 160)
