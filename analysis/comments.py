"""Comment search: which coded answers have a comment, and which contain a query.

Every function takes already filtered data (see :func:`analysis.filters.apply_filters`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.ordering import sort_rank
from loaders.model import CodedData

#: Columns of :func:`comment_matches`' frame.
COMMENT_COLUMNS = ["consultation", "proposal_id", "proposal_title", "respondent", "respondent_type", "stance",
                   "comment"]
COMMENT_ORDER = ["proposal_id", "respondent_type", "respondent"]

#: First bytes that cannot start a blank comment: printable ASCII other than the space.
_SURELY_TEXT = np.zeros(256, dtype=bool)
_SURELY_TEXT[0x21:0x7F] = True


def _has_text(comment: pd.Series) -> np.ndarray:
    """``comment.str.strip().ne("")`` as a bool array: the test for the rows the first byte leaves open."""
    return comment.fillna("").str.strip().ne("").to_numpy(dtype=bool)


def nonblank_comments(comment: pd.Series) -> np.ndarray:
    """Rows whose comment is not empty after trimming whitespace, as a bool array.

    Without trimming a million strings: a comment whose first byte is
    printable ASCII (not a space) has text for sure, read from the Arrow
    buffers of the canonical ``str`` column (:func:`loaders.schema.conform`);
    only the others (empty, or starting with whitespace or a non-ASCII
    character) are trimmed and tested.
    """
    import pyarrow as pa

    parts = []
    for chunk in comment.array.__arrow_array__().chunks:  # the Arrow protocol: no copy
        n = len(chunk)
        bufs = chunk.buffers()
        if n == 0 or bufs[2] is None or bufs[2].size == 0:
            parts.append(np.zeros(n, dtype=bool))
            continue
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(bufs[1], dtype=width)[chunk.offset:chunk.offset + n + 1]
        data = np.frombuffer(bufs[2], dtype=np.uint8)
        starts = offsets[:-1]
        first = data.take(np.minimum(starts, len(data) - 1))
        sure = _SURELY_TEXT.take(first)
        sure &= offsets[1:] > starts
        if chunk.null_count:
            sure &= np.asarray(chunk.is_valid())
        parts.append(sure)
    sure = np.concatenate(parts) if len(parts) != 1 else parts[0]
    check = np.flatnonzero(~sure)
    if len(check):
        sure[check] = _has_text(comment.iloc[check])
    return sure


def _matching_rows(data: CodedData, query: str) -> np.ndarray:
    """Positions of the rows with a comment containing ``query`` (case-insensitive, literal)."""
    comment = data.responses["comment"]
    rows = np.flatnonzero(nonblank_comments(comment))
    query = (query or "").strip()
    if query and len(rows):
        sub = comment.iloc[rows] if len(rows) < len(comment) else comment
        hit = sub.astype("str").fillna("").str.contains(query, case=False, regex=False).to_numpy(dtype=bool)
        rows = rows[hit]
    return rows


def _comment_frame(r: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    out = r.take(rows)[COMMENT_COLUMNS]
    for c in ("consultation", "proposal_id", "proposal_title", "respondent"):
        out[c] = out[c].astype("str")
    return out


def _first_sorted(r: pd.DataFrame, rows: np.ndarray, limit: int) -> np.ndarray:
    """The first ``limit`` of ``rows`` in :data:`COMMENT_ORDER` (a stable natural sort), in order.

    Only the rows whose first sort key can reach the first ``limit`` places
    are sorted (the first few proposals hold them), not every match.
    """
    if len(rows) == 0:
        return rows
    whole = len(rows) == len(r)
    first_key = sort_rank(r[COMMENT_ORDER[0]] if whole else r[COMMENT_ORDER[0]].iloc[rows])
    if len(rows) > limit:
        shifted = first_key - int(first_key.min())
        per_value = np.bincount(shifted)
        cutoff = int(np.searchsorted(np.cumsum(per_value), limit))  # the value holding the limit-th row
        keep = np.flatnonzero(shifted <= cutoff)
        rows, first_key, whole = rows[keep], first_key[keep], False
    ranks = [first_key] + [sort_rank(r[c] if whole else r[c].iloc[rows]) for c in COMMENT_ORDER[1:]]
    return rows[np.lexsort(list(reversed(ranks)))[:limit]]


def comment_matches(data: CodedData, query: str = "", limit: int | None = None) -> tuple[int, pd.DataFrame]:
    """(how many comments match, the first ``limit`` of them; all when ``limit`` is None).

    Matches: coded answers with a comment that is not blank and, when
    ``query`` is given, contains it (case-insensitive, literal). Columns:
    :data:`COMMENT_COLUMNS`; order: proposal (naturally), respondent type,
    respondent (:data:`COMMENT_ORDER`). The first ``limit`` are found without
    sorting or copying every match: a page shows a few hundred of possibly
    700,000.
    """
    r = data.responses
    rows = _matching_rows(data, query)
    total = len(rows)
    limit = total if limit is None else max(int(limit), 0)
    if limit == 0:
        return total, _comment_frame(r, rows[:0]).reset_index(drop=True)
    first = _first_sorted(r, rows, limit)
    return total, _comment_frame(r, first).reset_index(drop=True)
