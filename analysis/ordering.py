"""Key columns of analysis outputs: consistent dtypes and natural ordering.

Every aggregated frame returned by :mod:`analysis` passes its key columns
through :func:`tidy_keys`: ``respondent_type`` and ``stance`` keep their fixed,
ordered categories (Region before Kommun, agree before disagree); every other
key becomes a plain ``str`` column and is sorted naturally (4.2 before 4.10)
with :data:`loaders.natural.natural_key`.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from loaders.natural import natsorted, natural_key
from loaders.schema import RESPONDENT_TYPES, STANCE_DTYPE, STANCES, TYPE_DTYPE

#: Key columns with a fixed order of their own.
_FIXED = {"respondent_type": (TYPE_DTYPE, RESPONDENT_TYPES), "stance": (STANCE_DTYPE, STANCES)}


def categorical_isin(series: pd.Series, values) -> np.ndarray:
    """Boolean mask ``series.isin(values)``, computed on the categories when possible.

    For a categorical column this tests each category once and indexes the
    result by the codes, which is much cheaper than comparing every row.
    """
    values = [str(v) for v in values]
    if isinstance(series.dtype, pd.CategoricalDtype):
        hit = np.append(series.cat.categories.astype(str).isin(values), False)
        return hit[series.cat.codes.to_numpy()]  # code -1 (missing) -> last -> False
    return series.astype("str").isin(values).to_numpy()


def key_dtype(col: str, series: pd.Series) -> pd.Series:
    """One key column in its canonical output dtype (see module docstring)."""
    if col in _FIXED:
        dtype, allowed = _FIXED[col]
        if series.dtype == dtype and not series.isna().any():
            return series  # already canonical, every value allowed
        text = series.astype("str")
        if text.isin(allowed).all():
            return text.astype(dtype)
        return text
    return series.astype("str").fillna("")


def natural_sort_key(series: pd.Series) -> pd.Series:
    """Sort key for ``DataFrame.sort_values(key=...)``.

    Ordered categoricals sort by their codes; anything else naturally, case
    insensitive (``4.2`` before ``4.10``).
    """
    if isinstance(series.dtype, pd.CategoricalDtype) and series.dtype.ordered:
        return pd.Series(series.cat.codes, index=series.index)
    text = series.astype("str")
    uniques = pd.unique(text.dropna())
    rank = {v: i for i, v in enumerate(natsorted(uniques))}
    return text.map(rank)


#: natural_key per label, shared by every sort (labels repeat across calls); bounded.
_KEYS: dict[str, object] = {}
_KEYS_MAX = 200_000


def _key(v):
    """natural_key(v), memoised in the bounded ``_KEYS``."""
    k = _KEYS.get(v)
    if k is None:
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        k = _KEYS[v] = natural_key(v)
    return k


def _natural_order(labels) -> np.ndarray:
    """Positions of ``labels`` in natural order (stable: equal keys keep their order)."""
    keys = [_key(v) for v in labels]
    return np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype="int64")


def distinct_ranks(labels) -> np.ndarray | None:
    """Natural rank of each of ``labels`` (distinct texts), or None if two of them sort as equals.

    With no ties the natural order of the labels does not depend on the
    order they are met in, so a frame can be sorted by these ranks directly.
    """
    labels = [str(v) for v in labels]
    keys = [_key(v) for v in labels]
    if len(set(keys)) != len(keys):
        return None
    rank = np.empty(len(labels), dtype="int64")
    rank[_natural_order(labels)] = np.arange(len(labels), dtype="int64")
    return rank


def sort_rank(series: pd.Series) -> np.ndarray:
    """Integer ranks that sort ``series`` as :func:`natural_sort_key` does (missing values last,
    except in ordered categoricals, where they sort first as code -1)."""
    if isinstance(series.dtype, pd.CategoricalDtype) and series.dtype.ordered:
        return series.cat.codes.to_numpy().astype("int64")
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        cats = series.cat.categories.astype("str")
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(cats)))
        labels = [cats[i] for i in used]
        if len({_KEYS.get(v) or natural_key(v) for v in labels}) == len(labels):
            # No two used categories tie, so the order of first appearance cannot matter.
            rank = np.full(len(cats) + 1, len(used), dtype="int64")  # code -1 (missing) -> last
            rank[used[_natural_order(labels)]] = np.arange(len(used), dtype="int64")
            return rank[codes]
    text = series.astype("str")
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    rank = np.empty(len(uniques) + 1, dtype="int64")
    rank[_natural_order(list(uniques))] = np.arange(len(uniques), dtype="int64")
    rank[-1] = len(uniques)  # missing -> last
    return rank[codes]


def sort_keys(df: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """``df`` sorted by ``cols`` (see :func:`natural_sort_key`), index reset.

    A stable sort on integer ranks (:func:`sort_rank`), the same order as
    ``df.sort_values(cols, key=natural_sort_key, kind="stable")``.
    """
    cols = list(cols)
    if not cols or df.empty:
        return df.reset_index(drop=True)
    order = np.lexsort([sort_rank(df[c]) for c in reversed(cols)])
    if (order[1:] > order[:-1]).all():
        return df.reset_index(drop=True)
    return df.take(order).reset_index(drop=True)


def tidy_keys(df: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """Convert ``cols`` to their canonical dtypes and sort by them."""
    df = df.copy()
    for col in cols:
        df[col] = key_dtype(col, df[col])
    return sort_keys(df, cols)
