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

from loaders.natural import natsorted
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


def sort_keys(df: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """``df`` sorted by ``cols`` (see :func:`natural_sort_key`), index reset."""
    cols = list(cols)
    if not cols or df.empty:
        return df.reset_index(drop=True)
    return df.sort_values(cols, key=natural_sort_key, kind="stable").reset_index(drop=True)


def tidy_keys(df: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """Convert ``cols`` to their canonical dtypes and sort by them."""
    df = df.copy()
    for col in cols:
        df[col] = key_dtype(col, df[col])
    return sort_keys(df, cols)
