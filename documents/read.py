"""Read a reply document from bytes: PDF (pypdfium2), DOCX (python-docx) or plain text.

:func:`read_document` is the single call to run in the capped child process
(``loaders.guard.run_capped``): it takes bytes and a file name and returns a
picklable :class:`~documents.model.Document`, or raises
:class:`~documents.model.DocumentError` with a message key.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from documents.clean import clean_pages
from documents.model import Document, DocumentError, Page

#: A PDF page with fewer letters than this counts as having no text layer.
MIN_LETTERS_PER_PAGE = 20


def read_document(data: bytes, name: str) -> Document:
    """The cleaned document for a file's bytes; the format is found from content, then name."""
    if not data:
        raise DocumentError("coding.doc.empty", name)
    if data[:5] == b"%PDF-":
        raw, kind = _pdf_pages(data, name), "pdf"
    elif data[:4] == b"PK\x03\x04":
        raw, kind = _docx_pages(data, name), "docx"
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # OLE container: a legacy .doc, or an encrypted (password-protected) Office file.
        raise DocumentError("coding.doc.encrypted_or_doc", name)
    elif Path(name).suffix.lower() in (".pdf", ".docx"):
        raise DocumentError("coding.doc.damaged", name)
    else:
        raw, kind = [_decode_text(data, name)], "text"
    pages = clean_pages(raw)
    if not any(p.strip() for p in pages):
        raise DocumentError("coding.doc.no_text", name)
    return Document(name=name, pages=tuple(Page(i + 1, t) for i, t in enumerate(pages)), kind=kind)


def read_path(path: str | Path) -> Document:
    """Read a file from disk (the CLI's door; the app passes bytes)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DocumentError("coding.doc.unreadable", p.name, error=exc.strerror or str(exc)) from exc
    return read_document(data, p.name)


def _decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise DocumentError("coding.doc.unknown_format", name)
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DocumentError("coding.doc.unknown_format", name)


def _pdf_pages(data: bytes, name: str) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        key = "coding.doc.encrypted" if "password" in text or "security" in text else "coding.doc.damaged"
        raise DocumentError(key, name) from exc
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise DocumentError("coding.doc.damaged", name) from exc
    finally:
        pdf.close()
    letters = sum(ch.isalpha() for p in pages for ch in p)
    if not pages or letters < MIN_LETTERS_PER_PAGE * len(pages) / 2:
        raise DocumentError("coding.doc.no_text_layer", name, pages=len(pages))
    return pages


def _docx_pages(data: bytes, name: str) -> list[str]:
    """DOCX body in document order: paragraphs, and table rows as "cell | cell | cell" lines.

    Word has no fixed pages; explicit page breaks split pages, else it is one page.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise DocumentError("coding.doc.unknown_format", name)
        _check_container(data, name)
        d = docx.Document(io.BytesIO(data))
    except (DocumentError, MemoryError):  # a MemoryError is the cap's to report, not a damaged file
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError("coding.doc.damaged", name) from exc
    except Exception as exc:  # noqa: BLE001 - lxml and friends: any failure is a damaged file
        raise DocumentError("coding.doc.damaged", name) from exc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    pages, lines = [], []
    for block in d.iter_inner_content():
        if isinstance(block, Paragraph):
            if _has_page_break(block) and lines:
                pages.append("\n".join(lines))
                lines = []
            lines.append(block.text)
            lines.append("")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    txt = " ".join(cell.text.split())
                    if not cells or cells[-1] != txt:  # merged cells repeat their text
                        cells.append(txt)
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    row_text = " | ".join(cells)
                    lines.append(row_text + ("" if row_text[-1] in ".!?" else "."))
            lines.append("")
    pages.append("\n".join(lines))
    for section in d.sections[:1]:  # letterhead in the header, address in the footer
        head = "\n".join(p.text for p in section.header.paragraphs if p.text.strip())
        if head and not section.header.is_linked_to_previous:
            pages[0] = head + "\n\n" + pages[0]
    return pages


def _check_container(data: bytes, name: str) -> None:
    """The upload limits on the zip itself (entries, unpacked size, ratio): a zip bomb is refused unread."""
    from loaders.container import ContainerProblem, check_zip

    try:
        check_zip(data, "docx")
    except ContainerProblem as exc:
        raise DocumentError("coding.doc." + exc.key.split(".", 1)[1], name, **exc.fmt()) from None


def read_for_child(data: bytes, name: str) -> Document | tuple[str, str, dict]:
    """:func:`read_document` for the capped child: a refusal comes back as (key, name, fields), not raised.

    An exception raised in the child reaches the parent only as text; this keeps its message key.
    """
    try:
        return read_document(data, name)
    except DocumentError as exc:
        return exc.key, exc.name, exc.fmt


def _has_page_break(par) -> bool:
    xml = par._p.xml
    return 'w:type="page"' in xml or "w:pageBreakBefore" in xml
