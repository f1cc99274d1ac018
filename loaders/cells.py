"""Cell values to text, and sheet grids to frames with Excel row numbers."""
from __future__ import annotations

import datetime as dt

import pandas as pd


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


def grid_to_frame(rows: list[list], first: int, width: int = 0) -> pd.DataFrame:
    """Rows ``rows[first:]`` as a text frame with integer column positions.

    The index is the Excel row number (1-based) of each row. Every cell is
    stripped text, ``""`` when blank.
    """
    body = rows[first:]
    width = max(width, max((len(r) for r in body), default=0))
    cols = []
    for j in range(width):
        cols.append([cell_text(r[j]) if j < len(r) else "" for r in body])
    frame = pd.DataFrame({j: pd.Series(c, dtype="str").str.strip() for j, c in enumerate(cols)})
    frame.index = pd.RangeIndex(first + 1, first + 1 + len(body))
    return frame


def numeric_cells(rows: list[list], first: int, col: int) -> list[tuple[int, object]]:
    """(Excel row, value) of numeric (non-text) cells in one column."""
    out = []
    for i, r in enumerate(rows[first:], start=first + 1):
        if col < len(r) and isinstance(r[col], float) and not r[col].is_integer():
            out.append((i, r[col]))
    return out


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        s = chr(65 + rem) + s
    return s
