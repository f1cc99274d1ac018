"""Normalisation for storage and the canonical rows checksum."""
from __future__ import annotations

import pandas as pd

from loaders.model import CodedData
from loaders.schema import conform
from store.frames import _is_conformed, normalise, rows_checksum_of
from tests.store._data import make_data
from tests.store._frames import coded


def test_conformed_frames_skip_reconforming_with_the_same_result() -> None:
    data = make_data(2_000, "x")
    assert _is_conformed(data.responses)
    raw = data.responses.astype(object)  # same values, not canonical dtypes
    assert not _is_conformed(raw)
    assert not _is_conformed(data.responses.iloc[::-1])
    assert not _is_conformed(data.responses[list(data.responses.columns)[::-1]])
    pd.testing.assert_frame_equal(normalise(CodedData(raw)).responses, conform(raw))
    assert rows_checksum_of(data) == rows_checksum_of(
        CodedData(raw, data.respondents.astype(object), data.proposals.astype(object))
    )


def test_checksum_sees_values_and_order() -> None:
    base = coded([("R", "A", "1", "agree", "x"), ("R", "B", "1", "partly", "y")])
    same = coded([("R", "A", "1", "agree", "x"), ("R", "B", "1", "partly", "y")])
    other_value = coded([("R", "A", "1", "agree", "x"), ("R", "B", "1", "partly", "z")])
    other_order = coded([("R", "B", "1", "partly", "y"), ("R", "A", "1", "agree", "x")])
    sums = [rows_checksum_of(d) for d in (base, same, other_value, other_order)]
    assert sums[0] == sums[1]
    assert len(set(sums[1:])) == 3
    # Missing and empty are different values.
    with_type = coded([("R", "A", "1", "agree")])
    without_type = coded([("R", "A", "1", "agree")])
    without_type.responses["respondent_type"] = pd.Categorical(
        [None], dtype=with_type.responses["respondent_type"].dtype
    )
    assert rows_checksum_of(with_type) != rows_checksum_of(without_type)
