"""The validation report as an Excel file, so a coder can fix the sheet row by row."""
from __future__ import annotations

import io

import xlsxwriter

from exports.safe import Sanitiser
from i18n.numbers import fmt_int
from i18n.strings import t
from loaders import report as report_limits
from loaders.report import Report
from loaders.shown import ordered

COLUMNS = ("severity", "category", "sheet", "row", "column", "message")


def report_rows(report: Report, lang: str = "sv", problems=None) -> list[dict]:
    """One dict per problem, errors first, then by sheet and row (all, or the given ``problems``)."""
    problems = ordered(report.problems if problems is None else problems)
    return [{
        "severity": t(f"severity.{p.severity}", lang),
        "category": p.category,
        "sheet": p.sheet or "",
        "row": p.row,
        "column": p.column or "",
        "message": p.message(lang),
    } for p in problems]


def report_xlsx(report: Report, lang: str = "sv") -> bytes:
    """An .xlsx with the file name, a summary line and one row per problem."""
    san = Sanitiser(lang)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    ws = wb.add_worksheet(t("upload.report_sheet", lang))
    bold = wb.add_format({"bold": True})
    inert = wb.add_format({"quote_prefix": True, "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    ws.write_string(0, 0, t("upload.report_title", lang, file=san.clean(report.file)[0]), bold)
    ws.write_string(1, 0, t("upload.report_summary", lang, errors=len(report.errors),
                            warnings=len(report.warnings)))
    header_row = 3
    for (_, category), n in report.dropped.items():  # beyond loaders.report.MAX_KEPT: counted, not listed
        ws.write_string(header_row - 1, 0, t("limits.stored_cap", lang, limit=fmt_int(report_limits.MAX_KEPT, lang),
                                             n=fmt_int(n, lang), category=category))
        header_row += 1
    for j, col in enumerate(COLUMNS):
        ws.write_string(header_row, j, t(f"col.{col}", lang), bold)
    rows = report_rows(report, lang)
    for i, r in enumerate(rows, start=header_row + 1):
        for j, col in enumerate(COLUMNS):
            value = r[col]
            if col == "row":
                if value is not None:
                    ws.write_number(i, j, value)
                continue
            text, formula = san.clean(value)
            ws.write_string(i, j, text, inert if formula else wrap)
    ws.set_column(0, 1, 16)
    ws.set_column(2, 2, 14)
    ws.set_column(3, 3, 8)
    ws.set_column(4, 4, 20)
    ws.set_column(5, 5, 90)
    ws.freeze_panes(header_row + 1, 0)
    if rows:
        ws.autofilter(header_row, 0, header_row + len(rows), len(COLUMNS) - 1)
    wb.close()
    return buf.getvalue()
