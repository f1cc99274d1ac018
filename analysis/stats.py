"""Small-sample statistics: Wilson intervals, Fisher's exact test, Holm correction.

All functions accept scalars, numpy arrays or pandas Series. Series in give
Series out (same index); scalars in give floats out; anything else an array.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact

#: Two-sided 95 % normal quantile.
Z95 = 1.959963984540054


def _wrap(values: np.ndarray, like):
    if isinstance(like, pd.Series):
        return pd.Series(values, index=like.index, dtype=float)
    if np.ndim(like) == 0:
        return float(values.reshape(-1)[0]) if values.size else float("nan")
    return values


def wilson_interval(k, n, z: float = Z95):
    """Wilson score interval for a proportion ``k / n``: returns ``(low, high)``.

    Clipped to [0, 1]; NaN where ``n == 0`` (or either input is missing).
    """
    k_arr = np.asarray(k, dtype=float)
    n_arr = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        valid = n_arr > 0
        n_safe = np.where(valid, n_arr, np.nan)
        p = k_arr / n_safe
        z2 = z * z
        denom = 1 + z2 / n_safe
        centre = (p + z2 / (2 * n_safe)) / denom
        half = z * np.sqrt(np.clip(p * (1 - p) / n_safe + z2 / (4 * n_safe**2), 0, None)) / denom
        low = np.where(valid, np.clip(centre - half, 0.0, 1.0), np.nan)
        high = np.where(valid, np.clip(centre + half, 0.0, 1.0), np.nan)
    like = k if isinstance(k, pd.Series) else n
    return _wrap(np.atleast_1d(low), like), _wrap(np.atleast_1d(high), like)


def fisher_exact_2x2(a_yes, a_no, b_yes, b_no):
    """Two-sided p-value of Fisher's exact test on ``[[a_yes, a_no], [b_yes, b_no]]``.

    Element-wise over arrays (one scipy call per distinct table). NaN where a
    group is empty (``a_yes + a_no == 0`` or ``b_yes + b_no == 0``) or a
    count is missing.
    """
    like = a_yes
    tables = np.broadcast_arrays(*(np.atleast_1d(np.asarray(x, dtype=float)) for x in (a_yes, a_no, b_yes, b_no)))
    out = np.full(tables[0].shape, np.nan)
    cache: dict[tuple, float] = {}
    for i, (ay, an, by, bn) in enumerate(zip(*(t.ravel() for t in tables))):
        if np.isnan([ay, an, by, bn]).any() or ay + an == 0 or by + bn == 0:
            continue
        key = (int(ay), int(an), int(by), int(bn))
        if key not in cache:
            cache[key] = float(fisher_exact([[key[0], key[1]], [key[2], key[3]]], alternative="two-sided").pvalue)
        out.flat[i] = cache[key]
    return _wrap(out, like)


def holm(pvalues):
    """Holm–Bonferroni step-down adjusted p-values.

    With the m non-missing p-values sorted ascending, p_(1) <= ... <= p_(m),
    the adjusted value is ``max_{j <= i} min(1, (m - j + 1) * p_(j))``: monotone
    in the raw p-values and capped at 1. NaNs are ignored (they do not count
    towards m) and stay NaN.
    """
    p = np.atleast_1d(np.asarray(pvalues, dtype=float))
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m:
        idx = np.flatnonzero(ok)
        order = idx[np.argsort(p[idx], kind="stable")]
        scaled = (m - np.arange(m)) * p[order]
        out[order] = np.minimum(np.maximum.accumulate(scaled), 1.0)
    return _wrap(out, pvalues)
