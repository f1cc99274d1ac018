"""A zip-bomb .docx built in code: a real empty Word package whose document.xml unpacks to ``mb`` MB of spaces."""
from __future__ import annotations

import io
import zipfile

_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         b'<w:body><w:p><w:r><w:t xml:space="preserve">')
_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"


def bomb_docx(mb: int) -> bytes:
    """Every part of python-docx's blank document, with word/document.xml swapped for a huge one (~1,000:1)."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blank.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as f:
                f.write(_HEAD)
                chunk = b" " * (1 << 20)
                for _ in range(mb):
                    f.write(chunk)
                f.write(_TAIL)
    return out.getvalue()
