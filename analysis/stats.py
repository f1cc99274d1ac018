"""Small-sample statistics: Wilson intervals, Fisher's exact test, Holm correction.

All functions accept scalars, numpy arrays or pandas Series. Series in give
Series out (same index); scalars in give floats out; anything else an array.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

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

    Element-wise over arrays, all tables at once (:func:`_fisher_two_sided`,
    the algorithm of ``scipy.stats.fisher_exact``). NaN where a group is
    empty (``a_yes + a_no == 0`` or ``b_yes + b_no == 0``) or a count is
    missing.
    """
    like = a_yes
    tables = np.broadcast_arrays(*(np.atleast_1d(np.asarray(x, dtype=float)) for x in (a_yes, a_no, b_yes, b_no)))
    out = np.full(tables[0].shape, np.nan)
    flat = np.stack([t.ravel() for t in tables], axis=1) if tables[0].size else np.zeros((0, 4))
    ok = ~np.isnan(flat).any(axis=1)
    ok &= (flat[:, 0] + flat[:, 1] != 0) & (flat[:, 2] + flat[:, 3] != 0)
    if ok.any():
        unique, inverse = np.unique(flat[ok].astype("int64"), axis=0, return_inverse=True)
        out.flat[np.flatnonzero(ok)] = _fisher_two_sided(unique)[inverse.reshape(-1)]
    return _wrap(out, like)


def _fisher_two_sided(c: np.ndarray) -> np.ndarray:
    """Two-sided Fisher p-values for tables ``c`` (shape (k, 4): a, b, c, d), vectorised.

    The same steps as ``scipy.stats.fisher_exact(table).pvalue`` (SciPy
    1.17): the hypergeometric probabilities of the tables at most as likely
    as the one observed (relative tolerance 1e-14), found by a binary search
    on the far side of the mode; one vectorised SciPy call per step instead
    of several per table. scipy.stats is imported here, on first use, so the
    app does not load it at start.
    """
    from scipy.stats import hypergeom

    c = np.asarray(c, dtype="int64")
    out = np.ones(len(c))
    a, b, cc, d = c[:, 0], c[:, 1], c[:, 2], c[:, 3]
    live = ~((a + cc == 0) | (b + d == 0) | (a + b == 0) | (cc + d == 0))  # an empty row or column: p = 1
    if not live.any():
        return out
    idx = np.flatnonzero(live)
    a, b, cc, d = a[idx], b[idx], cc[idx], d[idx]
    n1, n2, n = a + b, cc + d, a + cc
    total = n1 + n2

    def pmf(x, rows=slice(None)):
        return hypergeom.pmf(x, total[rows], n1[rows], n[rows])

    mode = ((n + 1) * (n1 + 1) / (n1 + n2 + 2)).astype("int64")
    pexact = pmf(a)
    pmode = pmf(mode)
    epsilon = 1e-14
    gamma = 1 + epsilon
    p = np.ones(len(idx))
    at_mode = np.abs(pexact - pmode) / np.maximum(pexact, pmode) <= epsilon
    lower = ~at_mode & (a < mode)
    upper = ~at_mode & ~(a < mode)
    tail = np.zeros(len(idx))
    if lower.any():
        tail[lower] = hypergeom.cdf(a[lower], total[lower], n1[lower], n[lower])
    if upper.any():
        tail[upper] = hypergeom.sf(a[upper] - 1, total[upper], n1[upper], n[upper])
    edge = np.where(lower, n, 0)
    p_edge = pmf(edge)
    search = (lower | upper) & ~(p_edge > pexact * gamma)
    done = (lower | upper) & ~search
    p[done] = tail[done]
    if search.any():
        rows = np.flatnonzero(search)
        sign = np.where(lower[rows], -1.0, 1.0)
        target = sign * pexact[rows] * gamma
        lo = np.where(lower[rows], mode[rows], 0)
        hi = np.where(lower[rows], n[rows], mode[rows])
        guess = np.full(len(rows), -1, dtype="int64")
        found = np.zeros(len(rows), dtype=bool)
        while True:
            act = np.flatnonzero(~found & (lo < hi))
            if not len(act):
                break
            mid = lo[act] + (hi[act] - lo[act]) // 2
            val = sign[act] * pmf(mid, rows[act])
            less, more = val < target[act], val > target[act]
            lo[act[less]] = mid[less] + 1
            hi[act[more]] = mid[more] - 1
            same = ~less & ~more
            guess[act[same]] = mid[same]
            found[act[same]] = True
        rest = np.flatnonzero(~found)
        if len(rest):
            val = sign[rest] * pmf(lo[rest], rows[rest])
            guess[rest] = np.where(val <= target[rest], lo[rest], lo[rest] - 1)
        low_rows = lower[rows]
        extra = np.empty(len(rows))
        if low_rows.any():
            r = rows[low_rows]
            extra[low_rows] = hypergeom.sf(guess[low_rows], total[r], n1[r], n[r])
        if (~low_rows).any():
            r = rows[~low_rows]
            extra[~low_rows] = hypergeom.cdf(guess[~low_rows], total[r], n1[r], n[r])
        p[rows] = tail[rows] + extra
    out[idx] = np.minimum(p, 1.0)
    return out


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
