"""Hostile workbooks built by hand with zipfile: a stray far-away cell, a zip bomb, too many entries.

Each is a minimal but valid xlsx (the parts python-calamine needs), so the
refusal is ours and not a reader error. Never load these without the
container checks: the stray cell makes the reader ask for ~512 GB and abort.
"""
from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
HEADERS = ("Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar")


def _col(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cell(ref: str, value) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def coded_rows(n: int) -> list[list]:
    """A header and ``n`` valid long-layout rows: respondent, type, proposal, stance, comment."""
    stances = ("Tillstyrker", "Avstyrker", "Tillstyrker delvis", "Ingen synpunkt")
    rows = [list(HEADERS)]
    for i in range(n):
        rows.append([f"Kommun {i // 10 + 1} kommun", "Kommun", f"4.{i % 10 + 1}", stances[i % 4], ""])
    return rows


def sheet_xml(rows: list[list], extra: dict[str, object] | None = None, dimension: str | None = None) -> str:
    """Sheet XML for ``rows`` (row 0 is Excel row 1), plus ``extra`` cells such as {"XFD1048576": "x"}."""
    by_row: dict[int, list[tuple[int, str]]] = {}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value not in (None, ""):
                by_row.setdefault(r, []).append((c, _cell(f"{_col(c)}{r}", value)))
    for ref, value in (extra or {}).items():
        letters = "".join(ch for ch in ref if ch.isalpha())
        r = int(ref[len(letters):])
        c = 0
        for ch in letters:
            c = c * 26 + ord(ch) - 64
        by_row.setdefault(r, []).append((c, _cell(ref, value)))
    body = "".join(f'<row r="{r}">' + "".join(x for _, x in sorted(cells)) + "</row>"
                   for r, cells in sorted(by_row.items()))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'{dim}<sheetData>{body}</sheetData></worksheet>')


def workbook(sheet: str, name: str = "Svar", more: dict[str, bytes] | None = None) -> bytes:
    """A one-sheet xlsx with the given sheet XML, plus any ``more`` zip entries."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(name=name))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        for entry, data in (more or {}).items():
            z.writestr(entry, data)
    return buf.getvalue()


def stray_cell_xlsx(rows: int = 119, cell: str = "XFD1048576", sheet: str = "Svar") -> bytes:
    """A valid coded sheet A1:E(rows+1) plus one stray value far away; declares the small dimension."""
    data = coded_rows(rows)
    return workbook(sheet_xml(data, {cell: "x"}, dimension=f"A1:E{len(data)}"), name=sheet)


def bomb_xlsx(unpacked_mb: int = 1024) -> bytes:
    """A workbook whose sheet XML unpacks to ``unpacked_mb`` MB of padding: a zip bomb (a few MB packed).

    Streamed into the zip in 1 MB pieces so building it stays cheap in memory.
    """
    buf = io.BytesIO()
    head = sheet_xml(coded_rows(3))
    start, end = head.split("</sheetData>")
    pad = b" " * (1 << 20)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(name="Svar"))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(start.encode())
            for _ in range(unpacked_mb):
                w.write(pad)
            w.write(("</sheetData>" + end).encode())
    return buf.getvalue()


def many_entries_xlsx(n: int = 20_000) -> bytes:
    """A small valid workbook padded with ``n`` empty extra entries."""
    return workbook(sheet_xml(coded_rows(3)), more={f"customXml/item{i}.xml": b"" for i in range(n)})


# --------------------------------------------------------------------------
# Test-only parse functions for loaders.guard.run_capped (module level, so the child can import them)

def allocate(mb: int) -> int:
    """Hold ``mb`` MB at once, touching every page; a MemoryError under the cap."""
    block = bytearray(mb << 20)
    return len(block)


def allocate_native(mb: int) -> int:
    """Ask NumPy (C) for ``mb`` MB: fails inside native code under the cap."""
    import numpy as np

    return int(np.ones(mb << 17, dtype=np.float64).nbytes)


def abort() -> None:
    """Die the way the Rust reader dies: SIGABRT, no Python exception."""
    import os

    os.abort()


def sleep(seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds


def fails() -> None:
    raise ValueError("a parse error with a message")


def sleep_load(data: bytes, file_name: str):
    """Stands in for the loader in the child: never answers within a short time cap."""
    import time

    time.sleep(30)
