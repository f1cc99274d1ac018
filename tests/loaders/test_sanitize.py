"""Macros are never kept: an .xlsm is stored as the same workbook without its VBA."""
import io
import zipfile

from loaders.load import load_bytes
from loaders.sanitize import has_macros, strip_macros
from support import sheets


def fake_xlsm() -> bytes:
    """The long fixture workbook dressed as a macro workbook with a VBA part."""
    src = zipfile.ZipFile(io.BytesIO(sheets.long_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                body = body.replace(b"</Types>", b'<Override PartName="/xl/vbaProject.bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http://schemas.'
                                    b'microsoft.com/office/2006/relationships/vbaProject" '
                                    b'Target="vbaProject.bin"/></Relationships>')
            dst.writestr(info, body)
        dst.writestr("xl/vbaProject.bin", b"Attribute VB_Name = \"Evil\"\nShell \"calc.exe\"")
    return out.getvalue()


def test_xlsm_loads_and_macros_are_stripped():
    data = fake_xlsm()
    assert has_macros(data)
    result = load_bytes(data, "kodning.xlsm")
    assert result.ok and len(result.data.responses) == len(sheets.FACTS)
    kept, name = strip_macros(data, "kodning.xlsm")
    assert name == "kodning.xlsx"
    assert not has_macros(kept)
    with zipfile.ZipFile(io.BytesIO(kept)) as z:
        assert b"macroEnabled" not in z.read("[Content_Types].xml")
        assert b"vbaProject" not in z.read("[Content_Types].xml")
        assert b"vbaProject" not in z.read("xl/_rels/workbook.xml.rels")
    # The kept workbook still reads to the same rows.
    again = load_bytes(kept, name)
    assert again.ok
    assert again.data.responses["stance"].tolist() == result.data.responses["stance"].tolist()


def test_csv_kept_byte_for_byte_and_xlsx_rebuilt():
    data = sheets.long_xlsx()
    kept, name = strip_macros(data, "a.xlsx")
    assert name == "a.xlsx" and not has_macros(kept)
    with zipfile.ZipFile(io.BytesIO(data)) as before, zipfile.ZipFile(io.BytesIO(kept)) as after:
        assert sorted(after.namelist()) == sorted(before.namelist())  # a plain workbook loses no part
    assert load_bytes(kept, name).data.responses.equals(load_bytes(data, "a.xlsx").data.responses)
    csv = sheets.csv_bytes()
    assert strip_macros(csv, "a.csv") == (csv, "a.csv")
