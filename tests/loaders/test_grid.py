"""The Arrow read path (fastexcel + the XML scan) gives the cells python-calamine gives.

``.xlsx`` sheets are read by fastexcel into Arrow text (loaders/grid.py); the
loader's contract is unchanged: row 0 is Excel row 1, column 0 is A, and a
number, date or boolean cell has the Python value python-calamine returns.
These tests read the same workbooks both ways and compare every cell.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from python_calamine import CalamineWorkbook

from loaders import grid as grid_mod
from loaders.cells import _EDGE_SPACE, cell_text, grid_to_frame
from loaders.grid import ArrowGrid, SplitFailed, read_in_parts
from loaders.report import Report
from loaders.sources import read_sheets


def _calamine(data: bytes) -> dict[str, list[list]]:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}


def _texts(rows) -> list[list[str]]:
    """Cell text per row, trailing blanks dropped, trailing blank rows dropped."""
    out = []
    for row in rows:
        texts = [cell_text(v) for v in row]
        while texts and texts[-1] == "":
            texts.pop()
        out.append(texts)
    while out and not out[-1]:
        out.pop()
    return out


def _typed(rows) -> dict[tuple[int, int], object]:
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row)
            if v is not None and not isinstance(v, str) and not (isinstance(v, (int, float)) and float(v).is_integer()
                                                                and not isinstance(v, bool))}


def _odd_workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws["C3"], ws["D3"], ws["E3"], ws["F3"] = "Remissinstans", "Förslag", "Datum", "Kommentar"
    ws["C4"], ws["D4"], ws["E4"], ws["F4"] = "Region Uppsala", 4.1, dt.datetime(2024, 5, 1), "  mellanslag runt  "
    ws["C5"], ws["D5"], ws["E5"], ws["F5"] = "Kommun A", 3, dt.datetime(2024, 5, 1, 13, 45), True
    ws["C6"], ws["D6"], ws["E6"], ws["F6"] = "Kommun B", "4.10", dt.time(9, 30), False
    ws["C7"], ws["D7"], ws["E7"], ws["F7"] = "Kommun C", 1e20, dt.date(1999, 12, 31), 0.1 + 0.2
    ws["C8"], ws["D8"], ws["F8"] = "Kommun D", -2.5e-7, "Åäö ŉ\u00a0slut"
    ws["H12"] = 12345678901234
    return _save(wb)


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _shared_strings_workbook() -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Blad1")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    pct = wb.add_format({"num_format": "0%"})
    ws.write_row(1, 1, ["Remissinstans", "Förslag", "Ställningstagande", "Datum", "Andel"])
    ws.write_row(2, 1, ["Region Skåne", 2.3, "Tillstyrker"])
    ws.write_datetime(2, 4, dt.datetime(2023, 2, 5), date)
    ws.write_number(2, 5, 0.5, pct)
    ws.write_row(4, 1, ["Region Skåne", "2.4", "Avstyrker", None, "ej tal"])
    ws.write_boolean(4, 6, True)
    wb.close()
    return buf.getvalue()


@pytest.mark.parametrize("make", [_odd_workbook, _shared_strings_workbook])
def test_the_arrow_grid_holds_the_cells_calamine_reads(make):
    data = make()
    sheets = read_sheets(data, "svar.xlsx", Report())
    reference = _calamine(data)
    for sheet in sheets:
        assert isinstance(sheet.rows, ArrowGrid)
        want = reference[sheet.name]
        # the percent cell is shown as Excel shows it in both paths (0.5 -> "50%")
        got_rows = list(sheet.rows)
        assert _texts(got_rows) == _texts(_shown(want, sheet))
        assert _typed(got_rows) == _typed(_shown(want, sheet))


def _shown(rows: list[list], sheet) -> list[list]:
    """calamine's grid with the percent text the loader writes over it."""
    rows = [list(r) for r in rows]
    for (r, c), text in sheet.marks.percents.items():
        rows[r][c] = text
    return rows


def test_offsets_are_excel_rows_and_columns():
    """Data starting at C3 is row index 2, column index 2; blank A, B and rows 1-2 are kept blank."""
    sheet = read_sheets(_odd_workbook(), "svar.xlsx", Report())[0]
    grid = sheet.rows
    assert grid[2][2:4] == ["Remissinstans", "Förslag"]
    assert grid[0] == [None] * grid.width and grid[3][0] is None
    assert len(grid) == 12 and grid.width == 8  # H12 is the last cell
    assert grid[11][7] == "12345678901234"
    assert grid[3][3] == 4.1 and grid[3][4] == dt.date(2024, 5, 1)
    assert grid[4][4] == dt.datetime(2024, 5, 1, 13, 45) and grid[5][4] == dt.time(9, 30)
    assert grid[4][5] is True and grid[5][5] is False
    frame = grid_to_frame(grid, 3, width=8)
    assert list(frame.index[:2]) == [4, 5]
    assert frame.loc[4, 5] == "mellanslag runt" and frame.loc[5, 5] == "TRUE"
    assert frame.loc[7, 3] == "100000000000000000000"
    assert frame.loc[8, 3] == "-2.5e-07" and frame.loc[7, 5] == "0.3" and frame.loc[8, 5] == "Åäö ŉ\u00a0slut"


def test_dates_of_a_1904_workbook():
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.active["A1"] = dt.datetime(2020, 3, 4)
    data = _save(wb)
    grid = read_sheets(data, "s.xlsx", Report())[0].rows
    assert grid[0][0] == _calamine(data)[wb.active.title][0][0] == dt.date(2020, 3, 4)


def test_hidden_sheet_keeps_its_visibility():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    old = wb.create_sheet("Gammal")
    old["A1"] = "y"
    old.sheet_state = "hidden"
    secret = wb.create_sheet("Hemlig")
    secret["A1"] = "z"
    secret.sheet_state = "veryHidden"
    sheets = {s.name: s.visibility for s in read_sheets(_save(wb), "s.xlsx", Report())}
    assert sheets == {"Sheet": "visible", "Gammal": "hidden", "Hemlig": "veryhidden"}


# --------------------------------------------------------------------------
# Reading a large sheet in parts


def _long_workbook(n: int) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws["B3"], ws["C3"], ws["D3"], ws["E3"] = "Remissinstans", "Förslag", "Kommentar", "Ställningstagande"
    for i in range(n):
        r = 4 + i + (i // 500) * 2  # two blank rows after every 500
        ws.cell(r, 2, f"Kommun {i}")
        ws.cell(r, 3, f"{i % 9}.{i % 4}" if i % 3 else (i % 9) + 0.5)
        ws.cell(r, 4, f"kommentar {i} " * (i % 5))
        ws.cell(r, 5, ("Tillstyrker", "Avstyrker", "Tillstyrker delvis")[i % 3])
        if i == n - 10:
            ws.cell(r, 9, "sent kolumn")  # a column only the last part has
    return _save(wb)


def test_a_sheet_read_in_parts_equals_the_sheet_read_whole():
    data = _long_workbook(3000)
    whole = read_sheets(data, "s.xlsx", Report())[0].rows
    parts = read_in_parts(data, "Svar", "xl/worksheets/sheet1.xml", part_bytes=20_000)
    assert len(parts) == len(whole) == 3 + 3000 + 5 * 2
    assert parts.width == whole.width == 9
    assert whole[3][1:5] == ["Kommun 0", 0.5, None, "Tillstyrker"]
    assert whole[len(whole) - 1][1] == "Kommun 2999"
    for c in range(whole.width):
        assert pa.chunked_array(parts.columns[c]).to_pylist() == pa.chunked_array(whole.columns[c]).to_pylist(), c


def test_a_large_sheet_is_read_in_parts_by_the_loader(monkeypatch):
    """Above SPLIT_BYTES of XML the loader reads in parts, and the figures are the same."""
    from loaders.load import load_bytes

    data = _long_workbook(1200)
    whole = load_bytes(data, "s.xlsx")
    calls = []
    real = grid_mod.read_in_parts

    def spy(*args, **kwargs):
        calls.append(args[1])
        return real(*args, part_bytes=30_000)

    monkeypatch.setattr(grid_mod, "SPLIT_BYTES", 10_000)
    monkeypatch.setattr("loaders.sources.read_in_parts", spy)
    split = load_bytes(data, "s.xlsx")
    assert calls == ["Svar"]
    assert len(split.data.responses) == len(whole.data.responses) == 1200
    assert split.data.responses.equals(whole.data.responses)
    assert [p.message_en for p in split.report.problems] == [p.message_en for p in whole.report.problems]


def test_rows_out_of_order_are_not_cut():
    """A writer that puts rows out of order cannot be read in parts; the caller reads it whole."""
    data = _long_workbook(600)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
        members = {i.filename: z.read(i) for i in z.infolist()}
    start = xml.index(b"<row ")
    second = xml.index(b"<row ", xml.index(b'<row r="300"'))
    end = xml.index(b"</sheetData>")
    members["xl/worksheets/sheet1.xml"] = xml[:start] + xml[second:end] + xml[start:second] + xml[end:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    with pytest.raises(SplitFailed):
        read_in_parts(out.getvalue(), "Svar", "xl/worksheets/sheet1.xml", part_bytes=5_000)


def test_the_loader_reads_a_sheet_it_cannot_cut_whole(monkeypatch):
    from loaders.load import load_bytes

    data = _long_workbook(600)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
        members = {i.filename: z.read(i) for i in z.infolist()}
    # a row without its r="…" number: legal, but its place is only known by counting
    members["xl/worksheets/sheet1.xml"] = xml.replace(b'<row r="400">', b"<row>", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    whole = load_bytes(out.getvalue(), "s.xlsx")
    monkeypatch.setattr(grid_mod, "SPLIT_BYTES", 1_000)
    monkeypatch.setattr(grid_mod, "PART_BYTES", 5_000)
    tried = load_bytes(out.getvalue(), "s.xlsx")
    assert len(tried.data.responses) == len(whole.data.responses) == 600
    assert tried.data.responses.equals(whole.data.responses)


# --------------------------------------------------------------------------
# Whitespace: the cheap test agrees with what is trimmed


def test_edge_space_pattern_finds_exactly_what_arrow_trims():
    chars = [chr(i) for i in range(0x3100) if not 0xD800 <= i < 0xE000]
    arr = pa.array([f"a{c}" for c in chars] + [f"{c}a" for c in chars] + ["a", "", "a b"])
    trimmed = pc.utf8_trim_whitespace(arr).to_pylist()
    flagged = pc.match_substring_regex(arr, _EDGE_SPACE).to_pylist()
    changed = [t != o for t, o in zip(trimmed, arr.to_pylist(), strict=True)]
    assert flagged == changed
    edges = {o for o, c in zip(arr.to_pylist(), changed, strict=True) if c}
    assert {"a\u00a0", "\u2003a", "a\t", "\na", "a\u3000"} <= edges
    assert not {"a\u200b", "a b", "a", ""} & edges  # a zero-width space is not whitespace


def test_uncalculated_formulas_below_the_data_grow_the_grid_once():
    """A script's formula column running past the last value row: the grid grows in one step, not per cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws.append(["Remissinstans", "Förslag", "Ställningstagande", "Kommentar"])
    ws.append(["Region Norr", "4.2", "Tillstyrker", "Bra"])
    for r in range(3, 3003):
        ws.cell(r, 4, f"=A{r}")  # openpyxl saves no value: fastexcel reads nothing there
    sheet = read_sheets(_save(wb), "s.xlsx", Report())[0]
    grid = sheet.rows
    assert len(grid) == 3002 and grid[3001][3] == "=A3002" and grid[2][3] == "=A3"
    assert all(len(grid_mod._chunks(col)) <= 2 for col in grid.columns)
