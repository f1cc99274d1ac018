"""Every use of xlsxwriter's private internals, in one place (pinned: xlsxwriter 3.3.x).

Why: an extract of a million rows spends most of its time in xlsxwriter
rendering cells one at a time. Rendering each distinct cell once with
xlsxwriter's own ``_write_cell`` and reusing that XML makes the Svar sheets
several times faster (measured: ``make bench``, the export benchmark), and
xlsxwriter refuses ``add_table()`` in ``constant_memory`` mode, so the table
over the streamed rows is declared small and widened. These need:

* ``Worksheet.fh`` (the row file of ``constant_memory`` mode), ``_write_cell``,
  ``_write_row``, ``_write_single_row``, ``_check_dimensions``,
  ``previous_row``, ``row_info``, ``constant_memory``;
* ``Worksheet.tables`` (each table's dict: ``range``, ``a_range``,
  ``autofilter``) and ``Worksheet.table`` (the shared strings add_table() wrote);
* ``xlsxwriter.worksheet.CellStringTuple`` / ``CellNumberTuple``;
* ``Chart._get_data_type`` (how a chart's cached data is typed).

:func:`RawRows.open` probes the row internals and returns None when they do
not behave as expected (the caller then writes through the public API, which
gives the same file, slower); :func:`widen_table` raises when the table dict
changed. ``tests/exports/test_xlsx_internals.py`` checks each of them against
the installed xlsxwriter and fails loudly when an upgrade changes one:
upgrading xlsxwriter means running that test (and tests/exports) and fixing
this module, nothing else.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from xlsxwriter.utility import xl_range

#: The Worksheet method that writes out one held row (public writes call it); tests spy on it.
FLUSH_ROW = "_write_single_row"

#: The private names this module uses, for the test that checks each against the installed xlsxwriter.
WORKSHEET_METHODS = ("_write_cell", "_write_row", FLUSH_ROW, "_check_dimensions")
WORKSHEET_ATTRIBUTES = ("fh", "previous_row", "row_info", "constant_memory", "tables", "table")
CHART_METHODS = ("_get_data_type",)

#: What a cell's XML starts with when rendered at A1; :meth:`RawRows.render` strips it.
_PREFIX = '<c r="A1"'


class RawRows:
    """Rows of a ``constant_memory`` worksheet written as XML straight into its row file."""

    def __init__(self, ws) -> None:
        self.ws = ws

    @classmethod
    def open(cls, ws) -> RawRows | None:
        """A writer for ``ws`` (nothing written yet), or None when the internals are not as expected."""
        try:
            rows = cls(ws)
            ok = (ws.constant_memory and ws.previous_row == 0 and not ws.row_info and callable(ws._write_row)
                  and rows._capture(lambda: ws._write_row(1, None)) == '<row r="2">'
                  and rows.text(' a<&"\tb', None) ==
                  ' t="inlineStr"><is><t xml:space="preserve"> a&lt;&amp;"\tb</t></is></c>'
                  and rows.number(7, None) == "><v>7</v></c>")
            return rows if ok else None
        except Exception:  # noqa: BLE001 - any surprise means: use the public path
            return None

    def _capture(self, write: Callable[[], object]) -> str:
        ws = self.ws
        saved, buf = ws.fh, io.StringIO()
        ws.fh = buf
        try:
            write()
        finally:
            ws.fh = saved
        return buf.getvalue()

    def _render(self, cell) -> str:
        """XML of ``cell`` after its ``r="…"`` attribute, rendered by xlsxwriter itself."""
        xml = self._capture(lambda: self.ws._write_cell(0, 0, cell))
        if not xml.startswith(_PREFIX):
            raise RuntimeError(f"unexpected cell XML: {xml[:40]!r}")
        return xml[len(_PREFIX):]

    def text(self, text: str, fmt) -> str:
        """An inline string cell's XML after ``r="…"``."""
        from xlsxwriter.worksheet import CellStringTuple

        return self._render(CellStringTuple(text, fmt))

    def number(self, value, fmt) -> str:
        """A number cell's XML after ``r="…"``."""
        from xlsxwriter.worksheet import CellNumberTuple

        return self._render(CellNumberTuple(value, fmt))

    def flush(self, row: int) -> None:
        """Write out the row before ``row`` that the public API still holds."""
        self.ws._write_single_row(row)

    def write(self, xml: str) -> None:
        """Raw row XML, appended to the row file."""
        self.ws.fh.write(xml)

    def moved_to(self, row: int) -> None:
        """Tell the worksheet the rows up to ``row`` are written (the public API continues after it)."""
        self.ws.previous_row = row

    def finish(self, last_row: int, last_col: int) -> None:
        """Record the sheet's used range after the raw rows."""
        self.ws._check_dimensions(last_row, last_col)
        self.ws.previous_row = last_row


def held_rows(ws) -> int:
    """How many rows' cells the worksheet holds in memory (at most one in ``constant_memory`` mode)."""
    return len(ws.table)


def widen_table(ws, first_row: int, last_row: int, headers: Sequence[str], name: str, style: str) -> None:
    """An Excel Table over rows that are streamed (and flushed) after this call.

    Call it before writing any cell of the sheet. xlsxwriter refuses
    ``add_table()`` in ``constant_memory`` mode and would index every cell of
    the range, so the table is declared on its header and first data row with
    constant memory briefly off, and its ranges are then widened to
    ``last_row``. The header cells add_table() stored as shared strings are
    cleared; the caller writes the header row itself.
    """
    last_col = len(headers) - 1
    small_last = min(last_row, first_row + 1)
    saved = ws.constant_memory
    ws.constant_memory = False
    try:
        rc = ws.add_table(first_row, 0, small_last, last_col, {
            "name": name, "style": style,
            "columns": [{"header": h} for h in headers],
        })
    finally:
        ws.constant_memory = saved
    if rc != 0:
        raise RuntimeError(f"add_table() failed ({rc}) for table {name!r}")
    table = ws.tables[-1]
    if not {"range", "a_range", "autofilter"} <= set(table):
        raise RuntimeError("unexpected xlsxwriter table layout; check the pinned xlsxwriter version")
    full = xl_range(first_row, 0, last_row, last_col)
    table["range"] = table["a_range"] = table["autofilter"] = full
    ws.table.clear()  # the header strings add_table() wrote; we write them inline ourselves


def text_categories(chart, categories) -> None:
    """Cache ``categories`` as text in ``chart``: xlsxwriter would take ids such as "4.10"
    for numbers (a numRef with 4.1 cached)."""
    guess = chart._get_data_type
    chart._get_data_type = lambda data: "str" if data is categories else guess(data)
