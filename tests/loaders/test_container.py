"""Container checks before parsing: stray far-away cells, zip bombs, too many entries, too many cells."""
from __future__ import annotations

import io
import re
import time
import zipfile

import pytest

from loaders.container import _greater, col_letters, col_number, scan_sheet, stray_cells
from loaders.load import load_bytes
from support import hostile_files as hostile

NBSP = "\xa0"


def refused(data: bytes, name: str = "svar.xlsx"):
    start = time.monotonic()
    result = load_bytes(data, name)
    assert time.monotonic() - start < 5
    assert result.report.unreadable and not result.ok and result.data.responses.empty
    [p] = result.report.problems
    assert (p.severity, p.category) == ("error", "limit-error")
    return p


def test_stray_cell_is_refused_naming_sheet_cell_and_data_extent():
    data = hostile.stray_cell_xlsx(sheet="Kommuner")
    assert len(data) < 5_000
    p = refused(data)
    assert p.sheet == "Kommuner"
    assert p.message("sv") == ("Cell XFD1048576 på bladet Kommuner ligger långt utanför data (A1:E120). Ta bort "
                               "den (markera cellen, tryck Delete och spara). Celler långt ute: XFD1048576.")
    assert p.message("en") == ("Cell XFD1048576 on the sheet Kommuner lies far outside the data (A1:E120). Remove "
                               "it (select the cell, press Delete and save). Cells far out: XFD1048576.")


@pytest.mark.parametrize("cell", ["XFD1", "ZZ900000", "T1048576"])
def test_stray_cell_far_right_or_far_down_and_right(cell):
    p = refused(hostile.stray_cell_xlsx(cell=cell, rows=119), "x.xlsx")
    assert p.message("sv").startswith(f"Cell {cell} på bladet Svar ligger långt utanför data (A1:E120).")


def test_a_far_cell_within_the_cell_budget_is_read_and_reported():
    """A1048576 under five columns is 5.2 million cells: within the budget, so it is read, not refused."""
    result = load_bytes(hostile.stray_cell_xlsx(cell="A1048576", rows=119), "x.xlsx")
    assert not result.report.unreadable and len(result.data.responses) == 119
    blank = [p for p in result.report.problems if p.category == "blank-row"]
    assert blank and blank[0].message("en").startswith("1048455 blank rows between data rows were skipped")


def test_several_stray_cells_are_all_named():
    data = hostile.coded_rows(20)
    xml = hostile.sheet_xml(data, {"XFD3": "x", "C1048000": "y", "AAA500000": "z"}, dimension="A1:E21")
    p = refused(hostile.workbook(xml))
    assert p.message("en").startswith("Cell XFD3 on the sheet Svar lies far outside the data (A1:E21).")
    assert p.message("en").endswith("Cells far out: XFD3, AAA500000, C1048000.")


def test_a_lying_dimension_is_not_trusted_either_way():
    rows = hostile.coded_rows(6)
    # declares the whole sheet, holds A1:E7: read normally (only the cells count)
    big_claim = load_bytes(hostile.workbook(hostile.sheet_xml(rows, dimension="A1:XFD1048576")), "a.xlsx")
    assert big_claim.ok and len(big_claim.data.responses) == 6
    # declares A1:B2, holds a cell at XFD1048576: refused on the cell, not waved through on the claim
    small_claim = hostile.workbook(hostile.sheet_xml(rows, {"XFD1048576": 1}, dimension="A1:B2"))
    assert refused(small_claim).message("en").startswith("Cell XFD1048576 on the sheet Svar lies far outside "
                                                          "the data (A1:E7).")


def test_attribute_order_and_prefix_do_not_hide_a_stray_cell():
    xml = hostile.sheet_xml(hostile.coded_rows(4)).replace(
        "</sheetData>", '<row r="1048576"><c s="0" r="XFD1048576" t="n"><v>1</v></c></row></sheetData>')
    assert "Cell XFD1048576" in refused(hostile.workbook(xml)).message("sv")


@pytest.mark.parametrize("ref", ['\tr="XFD1048576"', '\nr="XFD1048576"', '\r\nr="XFD1048576"',
                                 " r='XFD1048576'", "\tr='XFD1048576'"])
def test_a_tab_line_break_or_single_quote_does_not_hide_a_stray_cell(ref):
    xml = hostile.sheet_xml(hostile.coded_rows(4)).replace(
        "</sheetData>", f'<row r="1048576"><c{ref} t="n"><v>1</v></c></row></sheetData>')
    p = refused(hostile.workbook(xml))
    assert p.message("en").startswith("Cell XFD1048576 on the sheet Svar lies far outside the data (A1:E5).")


def test_zip_bomb_is_refused_by_ratio_naming_the_limit():
    data = hostile.bomb_xlsx(1024)  # 1 GB of sheet XML
    assert len(data) < 3 << 20
    p = refused(data, "bomb.xlsx")
    assert p.sheet is None
    assert p.message("sv") == ("Delen xl/worksheets/sheet1.xml i filen bomb.xlsx packas upp till "
                               f"1{NBSP}028 gånger sin storlek; gränsen är 200 gånger. Så ser en skadlig fil "
                               "(zip-bomb) ut, inte ett kalkylblad. Filen läses inte.")
    assert p.message("en").startswith("The part xl/worksheets/sheet1.xml of the file bomb.xlsx unpacks to "
                                      "1,028 times its size; the limit is 200 times.")


def test_unpacked_size_cap_names_the_limit(monkeypatch):
    monkeypatch.setenv("REMISSKOLLEN_ZIP_UNPACKED_MB", "1")
    data = hostile.workbook(hostile.sheet_xml(hostile.coded_rows(12_000)))
    p = refused(data)
    assert re.fullmatch(r"Filen svar\.xlsx packas upp till \d+ MB; gränsen är 1 MB\. Dela upp arket i mindre "
                        r"filer\.", p.message("sv")), p.message("sv")
    assert p.message("en").endswith("MB; the limit is 1 MB. Split the sheet into smaller files.")


def test_too_many_entries():
    p = refused(hostile.many_entries_xlsx(20_000), "many.xlsx")
    assert p.message("sv").startswith(f"Filen many.xlsx innehåller 20{NBSP}005 delar; gränsen är 10{NBSP}000.")
    assert p.message("en").startswith("The file many.xlsx holds 20,005 parts; the limit is 10,000.")


def test_a_sheet_too_large_but_not_stray_names_the_cell_limit(monkeypatch):
    monkeypatch.setenv("REMISSKOLLEN_MAX_CELLS", "100")
    p = refused(hostile.workbook(hostile.sheet_xml(hostile.coded_rows(40))))
    assert p.sheet == "Svar"
    assert p.message("sv").startswith("Bladet Svar sträcker sig över A1:E41, mer än gränsen 100 celler eller "
                                      f"2{NBSP}000 kolumner.")
    assert p.message("en").startswith("The sheet Svar spans A1:E41, more than the limit of 100 cells or 2,000 "
                                      "columns.")


def test_ods_bomb_is_refused_too():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", b" " * (300 << 20))
    p = refused(buf.getvalue(), "svar.ods")
    assert p.message("en").startswith("The part content.xml of the file svar.ods unpacks to")


def test_a_size_that_lies_is_damaged_not_trusted():
    data = bytearray(hostile.workbook(hostile.sheet_xml(hostile.coded_rows(200))))
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo("xl/worksheets/sheet1.xml")
    # shrink the declared uncompressed size in the central directory entry: the stream then fails its check
    header = data.find(b"xl/worksheets/sheet1.xml", data.find(b"PK\x01\x02")) - 46
    assert data[header:header + 4] == b"PK\x01\x02"
    data[header + 24:header + 28] = (info.file_size // 10).to_bytes(4, "little")
    result = load_bytes(bytes(data), "lies.xlsx")
    [p] = result.report.problems
    assert (p.category, result.report.unreadable) == ("source-error", True)
    assert p.message("en").startswith("The file lies.xlsx is damaged and cannot be read")


def test_scan_finds_the_extent_across_chunk_boundaries():
    xml = hostile.sheet_xml(hostile.coded_rows(300), {"H150": "x", "B400": "y"}).encode()
    for chunk in (64, 1000, 4096, 1 << 20):
        ext = scan_sheet(io.BytesIO(xml), chunk)
        assert (ext.max_col, ext.max_row) == (8, 400), chunk


def test_greater_matches_exactly_the_larger_values():
    for value in ("100001", "9", "1048576", "10", "999"):
        rx = re.compile(f"(?:{_greater(value, '0123456789')})$")
        for n in list(range(0, 2000)) + [int(value) - 1, int(value), int(value) + 1, 10 ** len(value)]:
            assert bool(rx.match(str(n))) == (n > int(value)), (value, n)
    for letters in ("G", "Z", "AA", "XFD", "AZ"):
        rx = re.compile(f"(?:{_greater(letters, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')})$")
        for n in list(range(1, 1500)) + [16383, 16384, 16385]:
            assert bool(rx.match(col_letters(n))) == (n > col_number(letters)), (letters, n)


def test_stray_cells_gives_up_on_a_sheet_that_is_simply_large():
    dense = [(c, r) for c in range(1, 6) for r in range(1, 60)]
    assert stray_cells(dense, 100) == ([], "")
    assert stray_cells(dense + [(16384, 1)], 400) == (["XFD1"], "A1:E59")
    assert stray_cells(dense + [(2001, 3)], 10**9) == (["BXY3"], "A1:E59")  # past the column cap
    assert stray_cells(dense + [(2000, 3)], 10**9) == ([], "A1:BXX59")
