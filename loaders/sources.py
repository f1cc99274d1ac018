"""Bytes to raw sheets: format sniffing, spreadsheet and CSV reading.

The output is a list of :class:`RawSheet`, each a grid of cell values with
row 0 being Excel row 1, so row numbers in messages are the ones the user
sees. Nothing here interprets headers or stances.

Spreadsheets are read with python-calamine (a Rust reader: no macros are run,
no XML is parsed by Python). CSV encoding and delimiter are detected, never
asked for.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePath

import pyarrow as pa

from loaders.grid import ArrowGrid, SplitFailed, put, read_in_parts, release_freed_memory
from loaders.report import Report, both
from loaders.xlsxmeta import MAX_GRID_COL, BackgroundScan, SheetMarks

SPREADSHEET_EXTS = {".xlsx", ".xlsm", ".xls", ".ods"}
TEXT_EXTS = {".csv", ".tsv", ".txt"}
ACCEPTED_EXTS = SPREADSHEET_EXTS | TEXT_EXTS

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class RawSheet:
    name: str  # "" for CSV
    rows: list[list] | ArrowGrid  # rows[i] is Excel row i + 1
    #: "visible", "hidden" or "veryhidden" (Excel's "very hidden": only VBA can show it).
    visibility: str = "visible"
    #: Merged ranges as 0-based inclusive (first row, first col, last row, last col).
    merges: tuple[tuple[int, int, int, int], ...] = ()
    #: Formula, error, percent and hidden cells the reader cannot show (xlsx/xlsm; errors,
    #: merges and hidden rows/columns for ods).
    marks: SheetMarks = field(default_factory=SheetMarks)


class Unreadable(Exception):
    """Raised internally when a file cannot be read at all; becomes a report."""


def sniff_format(data: bytes) -> str:
    """What the bytes are: xlsx, ods, ole (xls or encrypted OOXML), zip, text, empty."""
    if not data:
        return "empty"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if data.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                    return "xlsx"
                if "mimetype" in names:
                    if b"opendocument.spreadsheet" in z.read("mimetype"):
                        return "ods"
        except (zipfile.BadZipFile, OSError, KeyError):
            return "damaged-zip"
        return "zip"
    from loaders.csvtext import looks_binary

    if looks_binary(data[:4096]):
        return "binary"
    return "text"


def _is_encrypted_ole(data: bytes) -> bool:
    try:
        import msoffcrypto

        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # noqa: BLE001 - an unparseable container is "damaged", not "encrypted"
        return False


def read_sheets(data: bytes, file_name: str, report: Report) -> list[RawSheet]:
    """Read every sheet of a file. On failure, record why and raise Unreadable."""
    ext = PurePath(file_name).suffix.lower()
    kind = sniff_format(data)

    def fail(category: str, key: str, **fmt) -> Unreadable:
        """Record the keyed error that makes the file unreadable; the exception to raise."""
        problem = report.say("error", category, key, **fmt)
        report.unreadable = True
        return Unreadable(problem.message_en)

    if kind == "empty":
        raise fail("source-error", "source.empty", file=file_name)
    if ext not in ACCEPTED_EXTS:
        raise fail("format-error", "source.unsupported", ext=ext or both("source.no_extension"))
    if kind == "ole" and _is_encrypted_ole(data):
        raise fail("source-error", "source.password", file=file_name)
    expected = {".xlsx": {"xlsx"}, ".xlsm": {"xlsx"}, ".xls": {"ole"}, ".ods": {"ods"},
                ".csv": {"text"}, ".tsv": {"text"}, ".txt": {"text"}}[ext]
    if kind not in expected:
        if kind in ("damaged-zip",) or (kind == "zip" and ext in (".xlsx", ".xlsm", ".ods")):
            raise fail("source-error", "source.damaged", file=file_name)
        raise fail("format-error", "source.wrong_format", file=file_name, ext=ext, actual=_kind_words(kind))
    if kind == "text":
        from loaders.csvtext import read_csv

        return [RawSheet("", read_csv(data, file_name, report, fail))]
    if kind in ("xlsx", "ods"):
        _check_container(data, kind, file_name, report, fail)
    return _read_workbook(data, file_name, fail)


def _check_container(data: bytes, kind: str, file_name: str, report: Report, fail) -> None:
    """Refuse a zip bomb or a stray far-away cell before the reader sees the file (see loaders.container)."""
    from loaders.container import ContainerProblem, check_zip

    try:
        check_zip(data, kind)
    except ContainerProblem as problem:
        from i18n.numbers import fmt_int

        fields = {k: (fmt_int(v, "sv"), fmt_int(v, "en")) if isinstance(v, int) else v
                  for k, v in problem.fmt().items() if k != "sheet"}  # {sheet} is problem.sheet
        report.say("error", "limit-error", problem.key, sheet=problem.sheet, file=file_name, **fields)
        report.unreadable = True
        raise Unreadable(problem.key) from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        # sizes that lie (CRC or length mismatch) or a broken stream: damaged, before the reader trusts it
        raise fail("source-error", "source.damaged_by", file=file_name, error=type(exc).__name__) from None


def _kind_words(kind: str) -> tuple[str, str] | str:
    """What the bytes are, in words (see :func:`sniff_format`); the bare kind for one without words."""
    from i18n.strings import STRINGS

    return both(f"source.kind.{kind}") if f"source.kind.{kind}" in STRINGS else kind


def _read_workbook(data: bytes, file_name: str, fail) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    ext = PurePath(file_name).suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        return _read_xlsx(data, file_name, fail)
    scan = BackgroundScan(data, "ods" if ext == ".ods" else "xlsx") if ext in (".xlsx", ".xlsm", ".ods") else None
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        visibility = {m.name: str(m.visible).rsplit(".", 1)[-1].lower() for m in wb.sheets_metadata}
        sheets = []
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merges = tuple((a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or ()))
            sheets.append(RawSheet(name, rows, visibility.get(name, "visible"), merges))
    except Exception as exc:  # noqa: BLE001 - any reader failure means "damaged"
        if scan is not None:
            scan.result()
        raise fail("source-error", "source.damaged_by", file=file_name, error=type(exc).__name__) from None
    marks = scan.result() if scan is not None else {}
    for sheet in sheets:
        if sheet.name in marks:
            sheet.marks = marks[sheet.name]
            if not sheet.merges and sheet.marks.merges:
                sheet.merges = tuple(sheet.marks.merges)
            _show_marks(sheet)
    return sheets


def _read_xlsx(data: bytes, file_name: str, fail) -> list[RawSheet]:
    """An xlsx/xlsm workbook through fastexcel, straight into Arrow text (see :mod:`loaders.grid`).

    The XML scan runs beside the read (fastexcel releases the GIL) and gives
    what text cannot: formulas, errors, percentages, hidden rows and columns,
    merged ranges, and the typed cells (numbers, booleans, dates).
    """
    import fastexcel

    scan = BackgroundScan(data, "xlsx")
    try:
        reader = fastexcel.read_excel(data)
        large = _large_sheets(data)
        sheets = []
        for name in reader.sheet_names:
            if name in large:
                try:
                    grid = read_in_parts(data, name, large[name])
                except SplitFailed:
                    grid = None
                if grid is not None:
                    visibility = large_visibility(data, name)
                    sheets.append(RawSheet(name, grid, visibility))
                    continue
            sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            visibility = str(sheet.visible).lower().replace("_", "")
            table = sheet.to_arrow() if sheet.width else None
            columns: dict[int, pa.Array] = {}
            n_rows = 0
            if table is not None and table.num_rows:
                n_rows = table.num_rows
                for info, col in zip(sheet.selected_columns, table.columns, strict=True):
                    columns[info.absolute_index] = col
            width = max(columns, default=-1) + 1
            empty = pa.nulls(n_rows, pa.string())
            grid = ArrowGrid([columns.get(c, empty) for c in range(width)], n_rows)
            del sheet, table
            sheets.append(RawSheet(name, grid, visibility if visibility in ("hidden", "veryhidden") else "visible"))
    except Exception as exc:  # noqa: BLE001 - any reader failure means "damaged"
        scan.result()
        raise fail("source-error", "source.damaged_by", file=file_name, error=type(exc).__name__) from None
    release_freed_memory()
    marks = scan.result()
    for sheet in sheets:
        if sheet.name in marks:
            sheet.marks = marks[sheet.name]
            grid = sheet.rows
            for (r, c), value in sheet.marks.typed.items():
                if r < len(grid) and c < grid.width:
                    grid.put(r, c, value)
            sheet.merges = tuple(sheet.marks.merges)
            _show_marks(sheet)
    return sheets


def _large_sheets(data: bytes) -> dict[str, str]:
    """Sheet name -> XML part of the sheets large enough to be read in parts (see loaders.grid.read_in_parts)."""
    from loaders.grid import SPLIT_BYTES
    from loaders.xlsxmeta import sheet_paths

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sizes = {i.filename: i.file_size for i in z.infolist()}
        return {name: path for name, path in sheet_paths(z).items() if sizes.get(path, 0) > SPLIT_BYTES}


def large_visibility(data: bytes, name: str) -> str:
    """A sheet's visibility from workbook.xml: "visible", "hidden" or "veryhidden"."""
    from loaders.xlsxmeta import sheet_states

    return sheet_states(data).get(name, "visible")


def _show_marks(sheet: RawSheet) -> None:
    """Write what Excel would display into cells calamine left blank or bare.

    Error cells get their error value ("#N/A"), formula cells without a saved
    value their formula text ("=VLOOKUP(...)"), percent-formatted numbers their
    displayed text ("50%"). No such cell is blank afterwards, so no block is
    continued (filled down) across it. Whether the cell is acceptable where it
    stands is decided later, once the header tells which field it is in.
    """
    rows = sheet.rows
    arrow = isinstance(rows, ArrowGrid)  # its percent marks were checked to be numbers by the scan
    limit = len(rows) + 10_000
    if arrow:  # grow once for the marks outside the read cells (uncalculated formulas below the data)
        spots = [(r, c) for marks in (sheet.marks.errors, sheet.marks.formulas, sheet.marks.percents)
                 for r, c in marks if r < limit and c < MAX_GRID_COL]
        if spots:
            rows.ensure(max(r for r, _ in spots) + 1, max(c for _, c in spots) + 1)
    for shown, only_numbers in ((sheet.marks.errors, False), (sheet.marks.formulas, False),
                                (sheet.marks.percents, not arrow)):
        for (r, c), text in shown.items():
            if r >= limit or c >= MAX_GRID_COL:
                continue
            if only_numbers:
                row = rows[r] if r < len(rows) else []
                value = row[c] if c < len(row) else None
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue
            put(rows, r, c, text)
