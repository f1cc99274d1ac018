"""Filtered extracts for a remissammanställning: the Excel workbook and CSV files.

* :func:`exports.workbook.build_extract` – the ``.xlsx`` the app's
  "Ladda ner urval (Excel)" button and ``cli.py export`` write.
* :func:`exports.csv.responses_csv` – the Svar sheet as CSV (two flavours).
* :mod:`exports.safe` – cell sanitising: formula injection, forbidden
  characters, Excel's cell length limit.

Never imports Streamlit. The names below load their module on first use, so
importing one small module of the package stays cheap.
"""
from __future__ import annotations

import importlib

_LAZY = {
    "ExtractMeta": "exports.meta",
    "ExtractTooLarge": "exports.workbook",
    "build_extract": "exports.workbook",
    "write_extract": "exports.workbook",
    "responses_csv": "exports.csv",
}

__all__ = list(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'exports' has no attribute {name!r}")
