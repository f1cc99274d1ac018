import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import fisher_exact

from analysis.stats import fisher_exact_2x2, holm, wilson_interval


@pytest.mark.parametrize("k, n, low, high", [
    (0, 10, 0.0, 0.2775),
    (5, 10, 0.2366, 0.7634),
    (10, 10, 0.7225, 1.0),
    (81, 263, 0.2553, 0.3662),
    (1, 1, 0.2065, 1.0),
])
def test_wilson_known_values(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert isinstance(lo, float)
    assert lo == pytest.approx(low, abs=5e-5)
    assert hi == pytest.approx(high, abs=5e-5)


def test_wilson_vectorised_and_nan_for_empty():
    k = pd.Series([0, 5, 0], index=["a", "b", "c"])
    n = pd.Series([10, 10, 0], index=["a", "b", "c"])
    lo, hi = wilson_interval(k, n)
    assert list(lo.index) == ["a", "b", "c"]
    assert lo["a"] == pytest.approx(0.0, abs=1e-12)
    assert hi["b"] == pytest.approx(0.7634, abs=5e-5)
    assert math.isnan(lo["c"]) and math.isnan(hi["c"])
    lo_a, hi_a = wilson_interval(np.array([81, 0]), np.array([263, 0]))
    assert isinstance(lo_a, np.ndarray)
    assert lo_a[0] == pytest.approx(0.2553, abs=5e-5) and math.isnan(hi_a[1])


def test_fisher_hand_example():
    # [[3, 1], [1, 3]]: tables with probability <= 16/70 sum to 34/70.
    assert fisher_exact_2x2(3, 1, 1, 3) == pytest.approx(34 / 70)


@pytest.mark.parametrize("table", [(8, 2, 1, 9), (0, 5, 5, 0), (10, 0, 10, 0), (2, 7, 4, 3), (1, 0, 0, 1)])
def test_fisher_matches_scipy(table):
    a, b, c, d = table
    assert fisher_exact_2x2(a, b, c, d) == pytest.approx(fisher_exact([[a, b], [c, d]]).pvalue, rel=1e-12)


def test_fisher_vectorised_nan_for_empty_group():
    p = fisher_exact_2x2(np.array([3, 0, 2]), np.array([1, 0, 1]), np.array([1, 2, 0]), np.array([3, 1, 0]))
    assert p[0] == pytest.approx(34 / 70)
    assert math.isnan(p[1]) and math.isnan(p[2])


def test_holm_worked_example():
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])


def test_holm_nan_ignored_and_capped():
    out = holm(pd.Series([0.01, np.nan, 0.04], index=[3, 1, 2]))
    assert list(out.index) == [3, 1, 2]
    assert out[3] == pytest.approx(0.02) and math.isnan(out[1]) and out[2] == pytest.approx(0.04)
    assert list(holm([0.5, 0.6])) == [1.0, 1.0]
    assert math.isnan(holm([np.nan])[0])
    assert len(holm([])) == 0


def test_holm_monotone():
    p = np.array([0.02, 0.001, 0.5, 0.03, 0.04, 0.2])
    adj = holm(p)
    order = np.argsort(p)
    assert np.all(np.diff(adj[order]) >= 0)
    assert np.all(adj >= p)
