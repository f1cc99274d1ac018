"""The Svar sheet as CSV, in two flavours.

* ``"utf8"`` – UTF-8 without BOM, comma-delimited, decimal point, RFC 4180
  quoting: for other programs (R, Python, databases).
* ``"excel_sv"`` – "Excel, svensk": UTF-8 with a BOM (so Excel detects the
  encoding), semicolon-delimited, decimal comma: opens directly, by double
  click, in Excel with Swedish regional settings.

Both flavours: the same columns, headers and labels as the Svar sheet; CRLF
line ends; fields with the delimiter, quotes or line breaks quoted (RFC 4180
§2.6–2.7); text that looks like a formula gets OWASP's leading apostrophe and
forbidden control characters are removed (see :mod:`exports.safe`). Only the
Excel flavour cuts text at Excel's 32,767-character cell limit (with the
visible marker); the UTF-8 flavour keeps every character.

Excel guesses types when it opens a CSV: it drops leading zeros of digit-only
text and reads dates; use the .xlsx extract when that matters.
"""
from __future__ import annotations

import csv as _csv
import io
import math

import numpy as np
import pandas as pd

from analysis.filters import Filters, apply_filters
from exports.safe import EXCEL_MAX_CHARS, Sanitiser
from i18n.strings import stance_label, t, type_label
from loaders.model import CodedData
from loaders.schema import COLUMNS

FLAVOURS = ("utf8", "excel_sv")
CSV_MIME = "text/csv"

_DIALECT = {
    "utf8": {"delimiter": ",", "encoding": "utf-8", "decimal": "."},
    "excel_sv": {"delimiter": ";", "encoding": "utf-8-sig", "decimal": ","},
}


def _number(x, decimal: str) -> str:
    if isinstance(x, (bool, np.bool_)):
        return "true" if x else "false"
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    x = float(x)
    if math.isnan(x):
        return ""
    text = repr(x) if x != int(x) or abs(x) >= 1e16 else str(int(x))
    return text.replace(".", decimal) if decimal != "." else text


def _text_column(series: pd.Series, san: Sanitiser, label=None) -> list[str]:
    """Clean each distinct value once (factorised), then spread over the rows."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)) if len(codes) else []
    cells = []
    for value, weight in zip(uniques, list(counts)):
        if label is not None:
            value = label(value)
        cells.append(san.csv_text(value, weight=int(weight)))
    cells.append("")  # code -1: missing
    return [cells[k] for k in codes.tolist()]


def frame_csv(frame: pd.DataFrame, flavour: str = "utf8", lang: str = "sv",
              labels: dict | None = None) -> bytes:
    """Any frame as CSV bytes in ``flavour``; numeric columns as numbers, the rest as safe text.

    ``labels`` maps a column to a function giving the text shown for a value.
    """
    if flavour not in FLAVOURS:
        raise ValueError(f"flavour must be one of {FLAVOURS}, not {flavour!r}")
    d = _DIALECT[flavour]
    san = Sanitiser(lang, limit=EXCEL_MAX_CHARS if flavour == "excel_sv" else None)
    labels = labels or {}
    columns = []
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_numeric_dtype(s.dtype) and not isinstance(s.dtype, pd.CategoricalDtype):
            columns.append([_number(x, d["decimal"]) for x in s.tolist()])
        else:
            columns.append(_text_column(s, san, labels.get(col)))
    buf = io.StringIO(newline="")
    writer = _csv.writer(buf, delimiter=d["delimiter"], quotechar='"', quoting=_csv.QUOTE_MINIMAL,
                         lineterminator="\r\n")
    writer.writerow([san.csv_text(c) for c in frame.columns])
    writer.writerows(zip(*columns))
    return buf.getvalue().encode(d["encoding"], errors="replace")


def responses_csv(data: CodedData, filters: Filters, lang: str = "sv", flavour: str = "utf8", *,
                  view: CodedData | None = None) -> bytes:
    """The filtered coded rows (the Svar sheet of the extract) as CSV bytes."""
    lang = "en" if lang == "en" else "sv"
    if view is None:
        view = apply_filters(data, filters)
    frame = view.responses[list(COLUMNS)]
    labels = {
        "respondent_type": lambda v: type_label(v, lang),
        "stance": lambda v: stance_label(v, lang),
    }
    out = frame.rename(columns={c: t(f"col.{c}", lang) for c in COLUMNS})
    return frame_csv(out, flavour, lang, labels={t(f"col.{c}", lang): f for c, f in labels.items()})
