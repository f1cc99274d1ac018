"""Suggested rows as a coded sheet in the long format (docs/coded-sheet-format.md).

Sheet ``Svar``: Remiss, Remissinstans, Typ, Förslag, Ställningstagande,
Kommentar (the evidence sentence), Källa (document and page); plus the columns
Säkerhet and Granska for the analyst, which the loader ignores. Sheet ``Förslag``
carries the proposal list so proposals nobody addressed still count. Proposal
ids are written as text so 5.10 never becomes 5.1.
"""
from __future__ import annotations

import io
import re

from coding.proposals import ProposalList
from coding.suggest import LOW_CONFIDENCE

STANCE_WORDS = {"agree": "Tillstyrker", "partly": "Tillstyrker delvis", "disagree": "Avstyrker",
                "no_position": "Ingen synpunkt"}
SVAR = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar", "Källa", "Säkerhet",
        "Granska"]
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _inert(text: str) -> str:
    """Text Excel will never run: control characters out, a formula-like start quoted."""
    text = _FORBIDDEN.sub("", str(text))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def source_text(document: str, page: int) -> str:
    return f"{document}, s. {page}"


def coded_sheet(rows: list[dict], lists: dict[str, ProposalList]) -> bytes:
    """The .xlsx bytes of a coded sheet holding ``rows`` (from :func:`coding.batch.rows`)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws.append(SVAR)
    for r in rows:
        ws.append([_inert(r["consultation"]), _inert(r["respondent"]), r["respondent_type"], r["proposal_id"],
                   STANCE_WORDS[r["stance"]], _inert(r["evidence"]), _inert(source_text(r["document"], r["page"])),
                   r["confidence"], "ja" if r["confidence"] < LOW_CONFIDENCE else ""])
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in row:
            cell.data_type, cell.number_format = "s", "@"
    fs = wb.create_sheet("Förslag")
    fs.append(["Remiss", "Förslag", "Rubrik", "Tema"])
    for c, pl in lists.items():
        for p in pl.proposals:
            fs.append([_inert(c), p.id, _inert(p.title), _inert(p.topic)])
    for row in fs.iter_rows(min_row=2, min_col=2, max_col=2):
        for cell in row:
            cell.number_format = "@"
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHI", (40, 30, 16, 10, 20, 80, 36, 10, 8), strict=True):
        ws.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
