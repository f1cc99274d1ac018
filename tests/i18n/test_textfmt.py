"""The bulk formatters give exactly the strings of i18n.numbers."""
from __future__ import annotations

import math

import numpy as np
import pytest

from i18n.numbers import fmt_int, fmt_pct
from i18n.textfmt import int_text, int_texts, pct_text, pct_texts


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_ints_match(lang):
    values = [0, 1, 9, 10, 999, 1000, 1339, 12345, 1234567, -1, -1234, 3.7, float("nan"), None, np.int64(42)]
    for v in values:
        assert int_text(v, lang) == fmt_int(v, lang)
    arr = np.array([0, 5, 1000, 250000, -3])
    assert int_texts(arr, lang) == [fmt_int(v, lang) for v in arr]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_percentages_match(lang):
    rng = np.random.default_rng(7)
    shares = [k / n for n in range(1, 320) for k in range(0, n + 1)]
    shares += list(rng.random(2000)) + [0.005, 0.015, 0.125, 0.285, 0.995, 0.9995, 1.0, 9.99, 9.995, 10.5, 12.345,
                                         -0.05, -0.001, -0.005, -0.0, float("nan"), math.inf, 0.0]
    got = pct_texts(shares, lang)
    assert got == [fmt_pct(s, lang) for s in shares]
    assert pct_text(0.625, lang) == fmt_pct(0.625, lang)
