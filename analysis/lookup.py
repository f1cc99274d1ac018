"""Per-row lookups through categorical codes, for frames of up to a million rows.

Mapping a small table (one row per respondent or proposal) onto every row of
``responses`` with a merge would compare strings a million times. The
canonical columns are categoricals, so instead the table is laid out on the
categories once and indexed by the codes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def _categorical(series: pd.Series) -> pd.Series:
    return series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("str").astype("category")


def lookup_one(series: pd.Series, labels, values, missing) -> np.ndarray:
    """For each row of ``series``, the value paired with its label (``missing`` if none).

    ``labels`` (unique, compared as text) and ``values`` are parallel sequences.
    """
    series = _categorical(series)
    cats = pd.Index(series.cat.categories.astype("str"))
    where = pd.Index([str(x) for x in labels], dtype="str").get_indexer(cats)
    values = np.asarray(values)
    table = np.full(len(cats) + 1, missing, dtype=np.result_type(values, np.asarray(missing)))
    hit = np.flatnonzero(where >= 0)
    table[hit] = values[where[hit]]
    return table[series.cat.codes.to_numpy()]  # code -1 (missing) -> the last slot


def lookup_pair(first: pd.Series, second: pd.Series, table: pd.DataFrame, value: str,
                missing) -> np.ndarray:
    """For each row, ``table[value]`` where ``table``'s first two columns match (first, second).

    ``table`` holds one row per pair, its first two columns the keys as text.
    Rows whose pair is not in the table get ``missing``.
    """
    first, second = _categorical(first), _categorical(second)
    a_cats = pd.Index(first.cat.categories.astype("str"))
    b_cats = pd.Index(second.cat.categories.astype("str"))
    a_pos = a_cats.get_indexer(table.iloc[:, 0].astype("str"))
    b_pos = b_cats.get_indexer(table.iloc[:, 1].astype("str"))
    found = (a_pos >= 0) & (b_pos >= 0)
    values = np.asarray(table[value])
    grid = np.full((len(a_cats) + 1, len(b_cats) + 1), missing, dtype=np.result_type(values, np.asarray(missing)))
    grid[a_pos[found], b_pos[found]] = values[found]
    return grid[first.cat.codes.to_numpy(), second.cat.codes.to_numpy()]  # -1 -> the missing edge
