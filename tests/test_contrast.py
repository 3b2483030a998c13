"""Log-odds with an informative Dirichlet prior: signs, symmetry, and the prior's shrinkage."""

import numpy as np
import pandas as pd
import pytest

from presslens.measure import contrast


def test_tokens_drop_function_words() -> None:
    assert contrast.tokens("The NATO chief said that Kosovo’s border is out of control.") == [
        "nato",
        "chief",
        "kosovo's",
        "border",
        "control",
    ]


def test_distinctive_word_has_large_positive_z() -> None:
    texts = pd.Series(
        ["sovereignty sovereignty sovereignty talks"] * 5 + ["talks talks dialogue peace"] * 5
    )
    groups = pd.Series(["A"] * 5 + ["B"] * 5)
    table = contrast.log_odds(contrast.word_counts(texts, groups, min_count=1))
    a = table[table.group == "A"].set_index("feature")
    b = table[table.group == "B"].set_index("feature")
    assert a.at["sovereignty", "z"] > 1.96
    assert b.at["sovereignty", "z"] < -1.96
    assert np.isclose(a.at["talks", "delta"], -b.at["talks", "delta"])  # two groups: symmetric


def test_stronger_prior_shrinks() -> None:
    counts = pd.DataFrame({"x": [10, 1], "y": [1, 10]}, index=["A", "B"])
    weak = contrast.log_odds(counts, prior_scale=0.1).set_index(["group", "feature"])
    strong = contrast.log_odds(counts, prior_scale=10).set_index(["group", "feature"])
    assert abs(strong.at[("A", "x"), "delta"]) < abs(weak.at[("A", "x"), "delta"])


@pytest.mark.parametrize("counts", [pd.DataFrame(), pd.DataFrame({"x": [3]}, index=["A"])])
def test_degenerate_inputs(counts: pd.DataFrame) -> None:
    assert contrast.log_odds(counts).empty
