"""Filtered extracts for a remissammanställning: the Excel workbook and CSV files.

* :mod:`exports.workbook` – the ``.xlsx`` (:func:`~exports.workbook.build_extract`) the app's
  "Ladda ner urval (Excel)" button and ``cli.py export`` write; its tables come from
  :mod:`analysis.extract`.
* :mod:`exports.xlsx_internals` – every use of xlsxwriter's private internals.
* :mod:`exports.csv` – the Svar sheet as CSV (two flavours, :func:`~exports.csv.responses_csv`).
* :mod:`exports.safe` – cell sanitising: formula injection, forbidden
  characters, Excel's cell length limit.
* :mod:`exports.meta` – what an extract says about its source (:class:`~exports.meta.ExtractMeta`).
* :mod:`exports.validation_report` – a loader report as a workbook.
* :mod:`exports.atomic` – writing a file all or nothing (the CLI's ``export`` and ``draft``).

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
