"""Cell values to text, and sheet grids to frames with Excel row numbers."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def cell_text(v: object) -> str:
    """A cell as the user would read it. Blank cells become ``""``.

    Integral numbers lose their ``.0`` (Excel stores ``3`` as ``3.0``); other
    numbers keep their shortest exact form; dates become ISO dates.
    """
    if v is None:
        return ""
    if type(v) is str:
        return v
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if v != v:
            return ""
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return str(v)


def _text_array(col) -> pa.Array:
    """One column of cells as stripped Arrow text; blank cells become ``""``.

    An all-text column goes to Arrow in one call; only columns holding
    numbers, dates or booleans take the per-cell :func:`cell_text` path.
    """
    try:
        arr = pa.array(col, type=pa.large_string())
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        arr = pa.array([cell_text(v) for v in col], type=pa.large_string())
    return pc.utf8_trim_whitespace(arr.fill_null(""))


#: A cell starting or ending with what ``utf8_trim_whitespace`` removes (RE2's ``\s`` lacks \v and Unicode spaces).
_EDGE_SPACE = r"^[\s\x{0b}\p{Z}\x{85}\x{1c}-\x{1f}]|[\s\x{0b}\p{Z}\x{85}\x{1c}-\x{1f}]$"


def _trimmed(col: pa.Array) -> pa.Array:
    """Blank cells as ``""`` and surrounding whitespace removed, copying the text only when some cell has any."""
    col = col.fill_null("") if col.null_count else col
    if len(col) and pc.any(pc.match_substring_regex(col, _EDGE_SPACE)).as_py():
        return pc.utf8_trim_whitespace(col)
    return col


def grid_to_frame(rows: list[list], first: int, width: int = 0, release: bool = False) -> pd.DataFrame:
    """Rows ``rows[first:]`` as a text frame with integer column positions.

    The index is the Excel row number (1-based) of each row. Every cell is
    stripped text, ``""`` when blank.
    """
    from loaders.grid import ArrowGrid

    if isinstance(rows, ArrowGrid):
        width = max(width, rows.width)
        n = max(len(rows) - first, 0)
        columns = rows.text_columns(first, width, cell_text, release=release)
        frame = pd.DataFrame({j: pd.Series(pd.array(_trimmed(c), dtype="str"), copy=False)
                              for j, c in enumerate(columns)})
        frame.index = pd.RangeIndex(first + 1, first + 1 + n)
        return frame
    body = rows[first:]
    width = max(width, max((len(r) for r in body), default=0))
    if not body:
        frame = pd.DataFrame({j: pd.Series([], dtype="str") for j in range(width)})
    else:
        if all(len(r) == width for r in body):
            columns = zip(*body)  # calamine's grid is rectangular: transpose in C
        else:
            columns = ([r[j] if j < len(r) else None for r in body] for j in range(width))
        frame = pd.DataFrame({j: pd.Series(pd.array(_text_array(c), dtype="str"), copy=False)
                              for j, c in enumerate(columns)})
    frame.index = pd.RangeIndex(first + 1, first + 1 + len(body))
    return frame




def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        s = chr(65 + rem) + s
    return s
