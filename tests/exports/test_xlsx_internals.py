"""The xlsxwriter internals :mod:`exports.xlsx_internals` leans on are there and behave as it expects.

When an xlsxwriter upgrade changes one, these fail by name (instead of the
extract silently taking the slower public path): fix the adapter module, then
run tests/exports.
"""
from __future__ import annotations

import io
import zipfile

import xlsxwriter
from xlsxwriter.worksheet import CellNumberTuple, CellStringTuple, Worksheet

from exports import xlsx_internals
from exports.xlsx_internals import RawRows, held_rows, text_categories, widen_table


def _sheet(constant: bool = True):
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"constant_memory": constant})  # (in_memory would turn constant_memory off)
    return buf, wb, wb.add_worksheet("Svar")


def test_the_private_names_exist():
    for name in xlsx_internals.WORKSHEET_METHODS:
        assert callable(getattr(Worksheet, name, None)), f"xlsxwriter.Worksheet.{name} is gone"
    assert CellStringTuple._fields[:2] == ("string", "format")
    assert CellNumberTuple._fields[:2] == ("number", "format")
    _, wb, ws = _sheet()
    for attr in xlsx_internals.WORKSHEET_ATTRIBUTES:
        assert hasattr(ws, attr), f"xlsxwriter.Worksheet().{attr} is gone"
    chart = wb.add_chart({"type": "bar"})
    for name in xlsx_internals.CHART_METHODS:
        assert callable(getattr(chart, name, None)), f"xlsxwriter chart.{name} is gone"
    wb.close()


def test_raw_rows_render_what_xlsxwriter_renders():
    _, wb, ws = _sheet()
    rows = RawRows.open(ws)
    assert rows is not None, "RawRows.open() no longer accepts a fresh constant_memory sheet"
    assert rows.text("x<y", None) == ' t="inlineStr"><is><t>x&lt;y</t></is></c>'
    assert rows.number(2.5, None) == "><v>2.5</v></c>"
    assert held_rows(ws) == 0
    wb.close()
    _, wb, ws = _sheet(constant=False)
    assert RawRows.open(ws) is None  # only the constant_memory row file can be streamed into
    wb.close()


def test_raw_rows_end_up_in_the_sheet():
    buf, wb, ws = _sheet()
    ws.write_string(0, 0, "Rubrik")
    rows = RawRows.open(ws)
    rows.flush(1)
    rows.write('<row r="2"><c r="A2"' + rows.text("hej", None) + '<c r="B2"' + rows.number(3, None) + "</row>")
    rows.finish(1, 1)
    wb.close()
    xml = zipfile.ZipFile(buf).read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:B2"/>' in xml
    assert '<c r="A2" t="inlineStr"><is><t>hej</t></is></c><c r="B2"><v>3</v></c>' in xml


def test_widened_table_covers_the_streamed_rows():
    buf, wb, ws = _sheet()
    widen_table(ws, 0, 500, ["A", "B"], "Svar", "Table Style Medium 2")
    assert ws.tables[-1]["range"] == "A1:B501"
    wb.close()
    assert 'ref="A1:B501"' in zipfile.ZipFile(buf).read("xl/tables/table1.xml").decode()


def test_text_categories_keep_ids_as_text():
    buf, wb, ws = _sheet(constant=False)
    ids = ["4.10", "4.2"]
    chart = wb.add_chart({"type": "bar"})
    text_categories(chart, ids)
    chart.add_series({"categories": ["Svar", 0, 0, 1, 0], "categories_data": ids,
                      "values": ["Svar", 0, 1, 1, 1], "values_data": [1, 2]})
    ws.insert_chart(3, 0, chart)
    wb.close()
    xml = zipfile.ZipFile(buf).read("xl/charts/chart1.xml").decode()
    assert "<c:strRef>" in xml and "<c:v>4.10</c:v>" in xml and "<c:numRef><c:f>Svar!$A$1" not in xml
