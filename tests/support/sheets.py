"""Fixture files built in code: one small coded consultation in many layouts.

Every builder encodes the same facts, so each must load to the same
canonical frame and give identical summaries.
"""
from __future__ import annotations

import io

import openpyxl

CONSULTATION = "Testremiss"

#: (respondent, type, proposal, stance word, comment) in the long layout.
FACTS = [
    ("Region Norr", "Region", "4.2", "Tillstyrker", "Bra förslag"),
    ("Region Norr", "Region", "4.10", "Avstyrker", ""),
    ("Region Norr", "Region", "5.2.1", "Tillstyrker delvis", "Behöver förtydligas"),
    ("Region Syd", "Region", "4.2", "Tillstyrker", ""),
    ("Region Syd", "Region", "4.10", "Tillstyrker", ""),
    ("Ludvika kommun", "Kommun", "4.2", "Ingen synpunkt", ""),
    ("Ludvika kommun", "Kommun", "4.10", "Avstyrker", "Saknar åtgärder"),
    ("Ludvika kommun", "Kommun", "5.2.1", "Tillstyrker", ""),
]
PROPOSALS = [
    ("4.2", "Fler utbildningsplatser", "Utbildning", "Staten"),
    ("4.10", "Bättre arbetsmiljö", "Arbetsmiljö", "Region och kommun"),
    ("5.2.1", "Medicinsk kompetens i ledningen", "Ledning", "Kommun"),
]
INSTANSER = [
    ("Region Norr", "Region", "Norrbottens län", 250000),
    ("Region Syd", "Region", "Skåne län", 1400000),
    ("Ludvika kommun", "Kommun", "Dalarnas län", 26000),
    ("Kiruna kommun", "Kommun", "Norrbottens län", 22000),  # invited, did not reply
]

#: The summary every layout must give (by proposal_id), as CLI CSV.
SUMMARY_CSV = (
    "proposal_id,agree,partly,disagree,no_position,total,agree_share,support_share\n"
    "4.2,2,0,0,1,3,0.6667,0.6667\n"
    "4.10,1,0,2,0,3,0.3333,0.3333\n"
    "5.2.1,1,1,0,0,2,0.5000,1.0000\n"
)


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue()


def long_rows(headers=("Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar")):
    rows = [list(headers)]
    for resp, typ, pid, stance, comment in FACTS:
        rows.append([CONSULTATION, resp, typ, pid, stance, comment or None])
    return rows


def long_xlsx() -> bytes:
    return xlsx({"Svar": long_rows()})


def english_xlsx() -> bytes:
    english = {"Tillstyrker": "Agree", "Avstyrker": "Disagree", "Tillstyrker delvis": "Partly agree",
               "Ingen synpunkt": "No position"}
    types = {"Region": "Region", "Kommun": "Municipality"}
    rows = [["Consultation", "Respondent", "Respondent type", "Proposal", "Stance", "Comment"]]
    for resp, typ, pid, stance, comment in FACTS:
        rows.append([CONSULTATION, resp, types[typ], pid, english[stance], comment or None])
    return xlsx({"Responses": rows})


def titled_merged_xlsx() -> bytes:
    """Title rows above the header, and respondent cells merged down each block."""
    rows = [["Sammanställning av remissvar"], [], ["Kodad av: analytiker"], []] + long_rows()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    for r in rows:
        ws.append(r)
    # Blank the respondent/type below the first row of each block and merge.
    first_data = 6
    start = first_data
    for i in range(first_data + 1, first_data + len(FACTS) + 1):
        prev = ws.cell(row=start, column=2).value
        cur = ws.cell(row=i, column=2).value if i < first_data + len(FACTS) else None
        if cur != prev:
            if i - 1 > start:
                for rr in range(start + 1, i):
                    ws.cell(row=rr, column=2).value = None
                    ws.cell(row=rr, column=3).value = None
                ws.merge_cells(start_row=start, end_row=i - 1, start_column=2, end_column=2)
                ws.merge_cells(start_row=start, end_row=i - 1, start_column=3, end_column=3)
            start = i
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue()


def wide_rows():
    pids = [p[0] for p in PROPOSALS]
    rows = [["Remiss", "Remissinstans", "Typ"] + [f"Förslag {p}" if p == "5.2.1" else p for p in pids]]
    by_resp: dict[str, dict] = {}
    types = {}
    for resp, typ, pid, stance, _ in FACTS:
        by_resp.setdefault(resp, {})[pid] = stance
        types[resp] = typ
    for resp, stances in by_resp.items():
        rows.append([CONSULTATION, resp, types[resp]] + [stances.get(p) for p in pids])
    return rows


def wide_xlsx() -> bytes:
    return xlsx({"Svar": wide_rows()})


def workbook_with_extras() -> bytes:
    """Long responses without type/topic, plus Förslag and Instanser sheets."""
    svar = [["Remiss", "Remissinstans", "Förslag", "Ställningstagande", "Kommentar"]]
    for resp, _typ, pid, stance, comment in FACTS:
        svar.append([CONSULTATION, resp, pid, stance, comment or None])
    forslag = [["Förslag", "Rubrik", "Tema", "Adressat"]] + [list(p) for p in PROPOSALS]
    inst = [["Remissinstans", "Typ", "Län", "Folkmängd"]] + [list(i) for i in INSTANSER]
    return xlsx({"Svar": svar, "Förslag": forslag, "Instanser": inst})


def csv_bytes(delimiter=";", encoding="cp1252", bom=False) -> bytes:
    lines = []
    for r in long_rows():
        cells = ["" if c is None else str(c) for c in r]
        lines.append(delimiter.join(f'"{c}"' if delimiter in c else c for c in cells))
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data
