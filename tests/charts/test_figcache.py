"""Figures kept per content of their input (charts/figcache.py)."""
from __future__ import annotations

import pandas as pd

from charts.coverage import coverage_bars
from charts.figcache import cached_figure, frame_key


def _frame(replied: int = 3) -> pd.DataFrame:
    return pd.DataFrame({"respondent_type": ["Region", "Kommun"], "invited": [5, 8], "replied": [replied, 6],
                         "not_replied": [5 - replied, 2], "reply_rate": [replied / 5, 0.75]})


def test_equal_content_is_one_build_and_other_content_another():
    calls = []

    @cached_figure
    def build(frame, lang, *, title):
        calls.append((len(frame), lang, title))
        return object()

    first = build(_frame(), "sv", title="T")
    assert build(_frame().copy(), "sv", title="T") is first  # an equal copy, as st.cache_data hands out
    assert build(_frame(), "en", title="T") is not first
    assert build(_frame(), "sv", title="U") is not first
    assert build(_frame(replied=4), "sv", title="T") is not first
    assert len(calls) == 4
    # An unhashable argument builds anew every time rather than guess a key.
    build(_frame(), "sv", title=["T"])
    build(_frame(), "sv", title=["T"])
    assert len(calls) == 6


def test_frame_key_sees_values_index_columns_and_dtypes():
    base = _frame()
    assert frame_key(base) == frame_key(base.copy())
    assert frame_key(base) != frame_key(base.rename(columns={"invited": "inbjudna"}))
    assert frame_key(base) != frame_key(base.astype({"invited": "float64"}))
    assert frame_key(base) != frame_key(base.set_axis([1, 0]))


def test_a_real_chart_is_the_same_figure_with_the_same_bars():
    a = coverage_bars(_frame(), "sv", title="Vilka svarade", description="d")
    b = coverage_bars(_frame().copy(), "sv", title="Vilka svarade", description="d")
    assert a is b
    c = coverage_bars(_frame(replied=4), "sv", title="Vilka svarade", description="d")
    assert c is not a
    assert [list(t.x) for t in c.data] != [list(t.x) for t in a.data]
