"""Build reply documents for tests: DOCX with python-docx, PDF through LibreOffice (one call per batch)."""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from _require import require


def docx_bytes(paragraphs: list[str], *, header: str | None = None, table: list[list[str]] | None = None,
               page_break_before: set[int] = frozenset()) -> bytes:
    """A DOCX: paragraphs (a break before the indexes given), an optional table after them, a page header."""
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for i, text in enumerate(paragraphs):
        if i in page_break_before:
            d.add_page_break()
        d.add_paragraph(text)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(sources: list[Path], out: Path, *, filter_options: str = "") -> list[Path]:
    """Convert files to PDF with LibreOffice in one call; skip (fail in CI) without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require(soffice is not None, "LibreOffice not found (apt-get install libreoffice-writer-nogui)")
    out.mkdir(parents=True, exist_ok=True)
    profile = out / ".profile"
    fmt = "pdf" + (f":writer_pdf_Export:{filter_options}" if filter_options else "")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out), *map(str, sources)], check=True, capture_output=True, timeout=300)
    return [out / (p.stem + ".pdf") for p in sources]
