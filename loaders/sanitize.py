"""What is kept of an uploaded file: never its macros.

An ``.xlsm`` workbook is stored as the same workbook without its VBA
project (saved as ``.xlsx``), so a kept "original" can never carry code.
Every other file is kept byte for byte.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

_MACRO_PARTS = re.compile(r"^xl/(vbaProject\.bin|vbaProjectSignature\.bin|vbaData\.xml|"
                          r"_rels/vbaProject\.bin\.rels)$", re.IGNORECASE)
_MACRO_WORKBOOK = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_WORKBOOK = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def strip_macros(data: bytes, file_name: str) -> tuple[bytes, str]:
    """Return (bytes to keep, name to keep them under).

    For an .xlsm: the VBA parts, their content types and the workbook's
    relationship to them are removed, and the workbook is declared a plain
    .xlsx. Anything that is not a macro workbook is returned unchanged.
    """
    path = PurePath(file_name)
    if path.suffix.lower() != ".xlsm":
        return data, file_name
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data, file_name
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if _MACRO_PARTS.match(info.filename):
                continue
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(_MACRO_WORKBOOK, _PLAIN_WORKBOOK)
                body = re.sub(rb'<Override[^>]*PartName="/xl/vbaProject\.bin"[^>]*/>', b"", body)
                body = re.sub(rb'<Default[^>]*Extension="bin"[^>]*vbaProject[^>]*/>', b"", body)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = re.sub(rb'<Relationship[^>]*Target="vbaProject\.bin"[^>]*/>', b"", body)
            dst.writestr(info, body)
    return out.getvalue(), str(path.with_suffix(".xlsx"))


def has_macros(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(_MACRO_PARTS.match(n) for n in z.namelist())
    except zipfile.BadZipFile:
        return False
