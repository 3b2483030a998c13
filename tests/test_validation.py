"""Validation is computed once per data, code and parameters, and says what is absent instead of
failing."""

from pathlib import Path

import papermill
import pandas as pd

from presslens.validate import validation
from presslens.core import paths

ROOT = Path(__file__).resolve().parents[1]


def test_absent_validation_data_is_reported_not_fatal(tmp_path: Path) -> None:
    result = validation.measure(tmp_path / "no-eval-here")
    assert len(result["absent"]) == 5  # the four eval data sets and the climate TimeML gold
    # the gold sets ship with presslens, so their rows are there without eval data
    assert set(result["table"]["task"]) == {
        "quote attribution",
        "actor discovery",
        "annotator agreement",
        "quotation house styles",
    }
    assert list(result["table"].columns) == validation.COLUMNS


def test_the_cache_key_follows_the_data_and_the_parameters(tmp_path: Path) -> None:
    files = validation._files(paths.eval_dir())
    a = validation.cache_key(files, {"frame_split_repeats": 5})
    assert a == validation.cache_key(files, {"frame_split_repeats": 5})
    assert a != validation.cache_key(files, {"frame_split_repeats": 6})
    assert a != validation.cache_key({**files, "nyt": None}, {"frame_split_repeats": 5})


def test_notebook_90_goes_on_without_validation_data(tmp_path: Path) -> None:
    nb = ROOT / "notebooks" / "90-validate-methods.ipynb"
    out = tmp_path / "run"
    papermill.execute_notebook(
        str(nb),
        str(tmp_path / "90.ipynb"),
        parameters={"out_dir": str(out), "eval_dir": str(tmp_path / "empty")},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    text = (tmp_path / "90.ipynb").read_text()
    assert "Not installed, so not measured" in text and "not validated in this run" in text
    measured = pd.read_parquet(out / "data" / "validation.parquet")
    shipped = {"quote attribution", "actor discovery", "annotator agreement",
               "quotation house styles"}  # fmt: skip
    assert set(measured["task"]) == shipped  # their gold sets ship with presslens
