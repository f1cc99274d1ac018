"""Grouped counts and distinct keys through categorical codes, for frames of up to a million rows.

The canonical columns are categoricals, so a group of rows is a combination
of small integer codes. Combining the codes into one integer per row and
counting with :func:`numpy.bincount` gives the same groups as
``DataFrame.groupby(keys, observed=True)`` (rows with a missing key left
out) at a fraction of the cost, and without touching the other columns (a
boolean mask or ``groupby`` on a frame copies what it selects).

Keys come back as text (the categories as ``str``), in no particular order:
callers sort them (naturally) as before.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

#: Above this many possible combinations the combined key is renumbered densely (pd.factorize).
_DENSE_LIMIT = 1 << 24


def codes_of(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """(integer codes per row, categories as text); code -1 for a missing value.

    Categoricals use their own codes (not copied: read-only); other columns
    are factorized as text.
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        cat = series.array
        cats = cat.categories
        if not isinstance(cats.dtype, pd.StringDtype):
            cats = cats.astype("str")
        return cat.codes, cats
    codes, uniques = pd.factorize(series.astype("str"), use_na_sentinel=True)
    return codes, pd.Index(uniques, dtype="str")


class Grouping:
    """The rows of ``frame`` grouped by ``keys``: one integer group id per row.

    ``gid`` is -1 for a row with a missing key (``groupby`` drops those rows).
    ``n_groups`` is the number of possible ids (not all of them occur).
    :meth:`keys_frame` turns ids back into the key columns as text.
    """

    def __init__(self, frame: pd.DataFrame, keys: Sequence[str]):
        self.keys = list(keys)
        self.n_rows = len(frame)
        codes, self.cats = [], []
        for col in self.keys:
            c, cats = codes_of(frame[col])
            codes.append(c)
            self.cats.append(cats)
        self.sizes = [max(len(c), 1) for c in self.cats]
        self.dense = None  # combined key -> dense id, when renumbered
        missing = None
        for c in codes:
            if len(c) and c.min() < 0:
                missing = c < 0 if missing is None else missing | (c < 0)
        if not self.keys:
            gid = np.zeros(self.n_rows, dtype="int64")
        else:
            gid = codes[0].astype("int64")  # a copy: the codes stay untouched
            for c, size in zip(codes[1:], self.sizes[1:]):
                gid *= size
                gid += c
        total = int(np.prod(self.sizes, dtype=np.float64)) if self.keys else 1
        if total > _DENSE_LIMIT:
            # Too many possible combinations to count densely: number the combinations found.
            raw = gid if missing is None else np.where(missing, -1, gid)
            ids, uniques = pd.factorize(raw, sort=False, use_na_sentinel=False)
            self.dense = np.asarray(uniques, dtype="int64")
            gid = ids.astype("int64")
            total = len(self.dense)
        if missing is not None:
            gid[missing] = -1
        if total < 2 ** 31:
            gid = gid.astype(np.int32)  # half the memory while a view keeps it (see analysis.memo)
        self.gid = gid
        self.n_groups = total
        self._valid = None if missing is None else ~missing
        self._first = None
        self._sizes = None

    @property
    def valid(self) -> np.ndarray | None:
        """Rows with every key present (None: all of them)."""
        return self._valid

    def count(self, minor: np.ndarray | None = None, n_minor: int = 1) -> np.ndarray:
        """Rows per group, shape (n_groups,), or per group × ``minor`` code, shape (n_groups, n_minor).

        Rows whose ``minor`` code is -1 are not counted.
        """
        gid = self.gid
        if minor is None:
            if self._sizes is None:
                self._sizes = np.bincount(gid[self._valid] if self._valid is not None else gid,
                                          minlength=self.n_groups)
            return self._sizes
        flat = gid.astype(np.int64) * n_minor + minor
        if self._valid is not None or (len(minor) and minor.min() < 0):
            keep = minor >= 0
            if self._valid is not None:
                keep &= self._valid
            flat = flat[keep]
        return np.bincount(flat, minlength=self.n_groups * n_minor).reshape(self.n_groups, n_minor)

    def first_rows(self, extra: np.ndarray | None = None) -> np.ndarray:
        """Position of each group's first row (``n_rows`` where there is none).

        ``extra``: a boolean row mask; only rows where it is True count. Without
        it the result is computed once and shared (do not modify it).
        """
        if extra is None:
            if self._first is None:
                self._first = self._first_rows(None)
            return self._first
        return self._first_rows(extra)

    def _first_rows(self, extra: np.ndarray | None) -> np.ndarray:
        first = np.full(self.n_groups, self.n_rows, dtype="int64")
        keep = self._valid
        if extra is not None:
            keep = extra if keep is None else keep & extra
        if keep is None:
            np.minimum.at(first, self.gid, np.arange(self.n_rows, dtype="int64"))
        else:
            rows = np.flatnonzero(keep)
            np.minimum.at(first, self.gid[rows], rows)
        return first

    def decode(self, ids: np.ndarray) -> list[np.ndarray]:
        """Per key, the category position of each group id in ``ids``."""
        ids = np.asarray(ids, dtype="int64")
        if self.dense is not None:
            ids = self.dense[ids]
        out = []
        for size in reversed(self.sizes):
            out.append(ids % size)
            ids = ids // size
        return out[::-1]

    def keys_frame(self, ids: np.ndarray) -> pd.DataFrame:
        """The key columns (text) of the groups ``ids``."""
        parts = self.decode(ids)
        return pd.DataFrame({col: text_take(cats, pos) for col, cats, pos in zip(self.keys, self.cats, parts)})


def text_take(cats: pd.Index, pos: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``cats[pos]`` as a ``str`` array; position -1 gives a missing value."""
    pos = np.asarray(pos, dtype="int64")
    if len(pos) == 0:
        return pd.array([], dtype="str")
    if len(cats) and (pos >= 0).all():
        return pd.Index(cats, dtype="str").take(pos).array
    values = np.full(len(pos), np.nan, dtype=object)
    ok = pos >= 0
    values[ok] = np.asarray(cats, dtype=object)[pos[ok]]
    return pd.array(values, dtype="str")


def distinct_first(frame: pd.DataFrame, keys: Sequence[str], attrs: Sequence[str],
                   grouping: Grouping | None = None) -> pd.DataFrame:
    """Distinct ``keys`` with the first non-missing value of each of ``attrs``, as text.

    Equals ``frame.groupby(keys, observed=True, sort=False)[attrs].first().reset_index()``
    with every column as ``str`` (an attribute missing in every row of a
    group is NaN). Groups in order of their first row. ``grouping``: the
    rows already grouped by ``keys`` (see :func:`grouping`).
    """
    keys, attrs = list(keys), list(attrs)
    g = grouping if grouping is not None else Grouping(frame, keys)
    first = g.first_rows()
    ids = np.flatnonzero(first < g.n_rows)
    ids = ids[np.argsort(first[ids], kind="stable")]
    out = g.keys_frame(ids)
    for col in attrs:
        codes, cats = codes_of(frame[col])
        rows = first if not (len(codes) and codes.min() < 0) else g.first_rows(codes >= 0)
        at = rows[ids]
        found = at < g.n_rows
        pos = np.full(len(ids), -1, dtype="int64")
        pos[found] = codes[at[found]]
        out[col] = text_take(cats, pos)
    return out


def grouped_stance_counts(frame: pd.DataFrame, by: Sequence[str], stance_col: str = "stance",
                          n_stances: int | None = None, grouping: Grouping | None = None
                          ) -> tuple[pd.DataFrame, np.ndarray]:
    """(keys of the groups with a counted row, their counts per stance code).

    Rows with a missing key or stance are not counted, like
    ``frame.groupby(by + [stance_col], observed=True).size()``.
    """
    g = grouping if grouping is not None else Grouping(frame, by)
    codes, cats = codes_of(frame[stance_col])
    k = n_stances if n_stances is not None else max(len(cats), 1)
    counts = g.count(codes, k)
    ids = np.flatnonzero(counts.sum(axis=1) > 0)
    return g.keys_frame(ids), counts[ids]


def grouping(data, keys: Sequence[str]) -> Grouping:
    """:class:`Grouping` of ``data.responses`` by ``keys``, memoised for a frozen dataset
    (see :mod:`analysis.memo`)."""
    from analysis import memo

    keys = tuple(keys)
    return memo.cached(data, ("grouping", keys), lambda: Grouping(data.responses, keys))


def stance_codes(responses: pd.DataFrame) -> np.ndarray:
    """Codes of ``responses["stance"]`` in :data:`loaders.schema.STANCES` order (-1: no stance).

    The column must be the canonical categorical (:func:`loaders.schema.conform`):
    anything else is a caller's error, reported rather than miscounted.
    """
    from loaders.schema import STANCE_DTYPE

    stance = responses["stance"]
    if stance.dtype != STANCE_DTYPE:
        raise TypeError(f"stance must be the canonical categorical (loaders.schema.conform), not {stance.dtype}")
    return np.asarray(stance.array.codes)


def joint_codes(columns: Sequence[pd.Series]) -> tuple[list[np.ndarray], pd.Index]:
    """Codes of several text columns over their joint values, in sorted text order.

    Returns (one int64 code array per column, the sorted distinct values as a
    ``str`` Index); a missing value gets -1. Sorted codes make integer order
    equal text order (what ``merge(how="outer")`` and ``groupby`` sort by).
    """
    parts = [pd.Series(c, copy=False).astype("str") for c in columns]
    lengths = [len(p) for p in parts]
    joined = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    codes, uniques = pd.factorize(joined, sort=True, use_na_sentinel=True)
    codes = codes.astype("int64")
    out, start = [], 0
    for n in lengths:
        out.append(codes[start:start + n])
        start += n
    return out, pd.Index(uniques, dtype="str")


def lex_combine(code_cols: Sequence[np.ndarray], sizes: Sequence[int]) -> np.ndarray:
    """One int64 per row that orders the rows as their codes do, lexicographically.

    ``code_cols``: one array of codes in ``0 .. size - 1`` per key. The keys
    are combined in mixed radix; where the next key would overflow int64 the
    combination so far is first renumbered densely (its ranks keep the order),
    so any number of keys of any size can be combined.
    """
    n = len(code_cols[0]) if len(code_cols) else 0
    combo = np.zeros(n, dtype="int64")
    span = 1
    for codes, size in zip(code_cols, sizes):
        size = max(int(size), 1)
        if span * size >= 2 ** 62:
            uniques, combo = np.unique(combo, return_inverse=True)
            span = max(len(uniques), 1)
        combo = combo * size + np.asarray(codes, dtype="int64")
        span *= size
    return combo


def lex_frame(keys: Sequence[str], code_cols: Sequence[np.ndarray], uniques: Sequence[pd.Index]) -> tuple[
        pd.DataFrame, np.ndarray]:
    """Key columns (text) from sorted-order codes, rows in lexicographic key order.

    Returns (the frame, the row order applied: positions into the inputs).
    """
    order = np.lexsort(list(reversed([np.asarray(c) for c in code_cols]))) if len(code_cols) else np.zeros(0, int)
    frame = pd.DataFrame({k: text_take(u, np.asarray(c)[order]) for k, c, u in zip(keys, code_cols, uniques)})
    return frame, order
