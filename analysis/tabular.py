"""Rendering analysis tables for machines: CSV text and JSON-ready records.

Conventions shared by the CLI and the exports: floats with a fixed number of
decimals (4), missing values as an empty CSV cell / JSON ``null``, booleans
as ``true``/``false``, integers as integers.
"""
from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd

DECIMALS = 4


def _is_missing(x) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    return isinstance(x, (float, np.floating)) and math.isnan(x)


def _cell(x, decimals: int) -> str:
    if _is_missing(x):
        return ""
    if isinstance(x, (bool, np.bool_)):
        return "true" if x else "false"
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    if isinstance(x, (float, np.floating)):
        text = f"{float(x):.{decimals}f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.0000"
    return str(x)


def format_csv(df: pd.DataFrame, decimals: int = DECIMALS) -> str:
    """``df`` as CSV text: header row, ``\\n`` line ends, minimal quoting."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([str(c) for c in df.columns])
    columns = [df[c].to_numpy(dtype=object) for c in df.columns]
    for row in zip(*columns):
        writer.writerow([_cell(x, decimals) for x in row])
    return buf.getvalue()


def _value(x, decimals: int):
    if _is_missing(x):
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return round(float(x), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return str(x)


def to_records(df: pd.DataFrame, decimals: int = DECIMALS) -> list[dict]:
    """``df`` as a list of plain dicts for ``json.dumps``: floats rounded, None for NaN."""
    names = [str(c) for c in df.columns]
    columns = [df[c].to_numpy(dtype=object) for c in df.columns]
    return [dict(zip(names, (_value(x, decimals) for x in row))) for row in zip(*columns)]
