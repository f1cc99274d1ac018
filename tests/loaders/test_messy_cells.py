"""Messy sheets: the cells that are read are the cells the official sees (issue 9, sections 2-4).

Each fixture is built in code: openpyxl where it can write the case (formulas
without saved values, error cells, hidden sheets, rows and columns, merges,
number formats), a hand-written xlsx (zipfile) where it cannot (formulas
with cached values, as Excel saves them).
"""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from _require import require

from loaders.load import load_bytes

HEAD = ["Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar"]


def book(sheets: dict[str, list[list]], setup=None) -> bytes:
    """An xlsx from rows; ``setup(wb)`` may hide, merge or format before saving.

    A string starting with "=" is written as a formula (openpyxl saves no value
    for it); "#N/A" and the other error codes are written as error cells.
    """
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    if setup:
        setup(wb)
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue()


def base_rows() -> list[list]:
    return [HEAD,
            ["Region Norr", "Region", "4.2", "Tillstyrker", "Bra"],
            ["Region Norr", "Region", "4.10", "Avstyrker", None],
            ["Ludvika kommun", "Kommun", "4.2", "Avstyrker", None],
            ["Ludvika kommun", "Kommun", "4.10", "Tillstyrker", None]]


def found(result, key_sv: str, severity: str | None = None):
    hits = [p for p in result.report.problems if key_sv in p.message_sv and severity in (None, p.severity)]
    assert hits, [p.message_sv for p in result.report.problems]
    return hits[0]


def stances(result, respondent: str) -> dict[str, str]:
    df = result.data.responses
    sub = df[df["respondent"].astype(str) == respondent]
    return dict(zip(sub["proposal_id"].astype(str), sub["stance"].astype(str), strict=True))


# --------------------------------------------------------------------------
# Section 2: formulas and error values


def test_formula_without_value_in_stance_is_an_error_naming_the_cell():
    rows = base_rows()
    rows[2][3] = '=IF(A3="","",VLOOKUP(A3,Blad2!A:B,2,FALSE))'
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert not r.ok
    p = found(r, "Cell D3")
    assert (p.severity, p.category, p.sheet, p.row, p.column) == ("error", "type-error", "Svar", 3,
                                                                  "Ställningstagande")
    assert "formel (=IF(" in p.message_sv and "Öppna filen i Excel eller LibreOffice, spara den" in p.message_sv
    assert "Cell D3 holds a formula" in p.message_en and "Open the file in Excel or LibreOffice" in p.message_en
    # The formula cell is not also called "unknown stance" or "blank stance".
    assert [q.row for q in r.report.problems] == [3]


def test_formula_without_value_in_respondent_is_not_filled_down():
    rows = base_rows()
    rows[3][0] = "=VLOOKUP(C4,Instanser!A:B,2,FALSE)"  # would be blank: Region Norr would get this avstyrker
    rows[3][1] = None
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "Cell A4")
    assert (p.severity, p.row, p.column) == ("error", 4, "Remissinstans")
    assert "som remissinstans" in p.message_sv and "as respondent" in p.message_en
    # Region Norr keeps exactly its own two rows: row 4's disagree is not booked on it.
    assert stances(r, "Region Norr") == {"4.2": "agree", "4.10": "disagree"}
    assert "Region Norr" not in set(r.data.responses.loc[r.data.responses["row"] == 4, "respondent"].astype(str))


def test_formula_without_value_in_comment_keeps_the_formula_text():
    rows = base_rows()
    rows[1][4] = '=CONCAT("Se ",C2)'
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert r.ok
    p = found(r, "Cell E2")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "type-error", 2, "Kommentar")
    assert 'formeltexten =CONCAT("Se ",C2) behålls som text' in p.message_sv
    assert 'the formula text =CONCAT("Se ",C2) is kept as text' in p.message_en
    df = r.data.responses
    assert df.loc[df["row"] == 2, "comment"].tolist() == ['=CONCAT("Se ",C2)']


def test_error_value_in_stance_is_reported_by_value_and_cell():
    rows = base_rows()
    rows[4][3] = "#N/A"
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert not r.ok
    p = found(r, "#N/A i cell D5")
    assert (p.severity, p.category, p.sheet, p.row, p.column) == ("error", "type-error", "Svar", 5,
                                                                  "Ställningstagande")
    assert p.message_en.startswith("#N/A in cell D5: the cell shows an error value")
    assert len(r.report.errors) == 1


def test_error_value_in_type_is_an_error():
    rows = base_rows()
    rows[1][1] = "#REF!"
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "#REF! i cell B2")
    assert (p.severity, p.row, p.column) == ("error", 2, "Typ")
    assert "som typ" in p.message_sv and "as type" in p.message_en


def test_error_value_in_respondent_breaks_the_block():
    rows = base_rows()
    rows[2][0] = "#N/A"  # below Region Norr: a blank here would continue Region Norr's block
    rows[2][1] = None
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert not r.ok
    p = found(r, "#N/A i cell A3")
    assert (p.severity, p.row, p.column) == ("error", 3, "Remissinstans")
    assert stances(r, "Region Norr") == {"4.2": "agree"}


def test_error_value_in_proposal_id_is_an_error():
    rows = base_rows()
    rows[3][2] = "#VALUE!"
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "#VALUE! i cell C4")
    assert (p.severity, p.row, p.column) == ("error", 4, "Förslag")
    assert "som förslagsnummer" in p.message_sv and "as proposal id" in p.message_en


def test_error_value_in_comment_is_a_warning_and_kept():
    rows = base_rows()
    rows[3][4] = "#DIV/0!"
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert r.ok
    p = found(r, "#DIV/0! i cell E4")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "type-error", 4, "Kommentar")
    assert "det behålls som text i kommentaren" in p.message_sv
    assert "it is kept as text in the comment" in p.message_en
    df = r.data.responses
    assert df.loc[df["row"] == 4, "comment"].tolist() == ["#DIV/0!"]


def test_error_value_written_as_text_in_csv_is_caught():
    text = "Remissinstans;Typ;Förslag;Ställningstagande\nRegion Norr;Region;4.2;#N/A\n"
    r = load_bytes(text.encode("utf-8"), "f.csv")
    p = found(r, "#N/A i cell D2")
    assert (p.severity, p.sheet, p.row, p.column) == ("error", None, 2, "Ställningstagande")
    assert len(r.report.errors) == 1


def test_error_in_wide_stance_column_is_an_error():
    rows = [["Remissinstans", "Typ", "4.2", "4.10"],
            ["Region Norr", "Region", "Tillstyrker", "#N/A"],
            ["Ludvika kommun", "Kommun", "Avstyrker", "Tillstyrker"]]
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "#N/A i cell D2")
    assert (p.severity, p.row, p.column) == ("error", 2, "4.10")
    assert "som ställningstagande" in p.message_sv


# A workbook as Excel saves it: formulas with their cached values.
_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
       '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main'
       '+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
       'officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
       '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
       '<sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WBRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
           'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
           'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def hand_xlsx(rows_xml: str) -> bytes:
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><sheetData>{rows_xml}</sheetData></worksheet>')
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
                           ("xl/_rels/workbook.xml.rels", _WBRELS), ("xl/worksheets/sheet1.xml", sheet)):
            z.writestr(name, text)
    return bio.getvalue()


def _s(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_cached_formula_values_are_read_as_today():
    header = "".join(_s(f"{c}1", h) for c, h in zip("ABCD", HEAD[:4], strict=True))
    row2 = (_s("A2", "Region Norr") + _s("B2", "Region") + _s("C2", "4.2")
            + '<c r="D2" t="str"><f>IF(1=1,"Avstyrker","Tillstyrker")</f><v>Avstyrker</v></c>')
    row3 = ('<c r="A3" t="str"><f>A2</f><v>Region Norr</v></c>' + _s("B3", "Region") + _s("C3", "4.10")
            + '<c r="D3" t="str"><f>D2</f><v>Avstyrker</v></c>')
    r = load_bytes(hand_xlsx(f'<row r="1">{header}</row><row r="2">{row2}</row><row r="3">{row3}</row>'), "f.xlsx")
    assert r.ok and r.report.problems == []
    assert stances(r, "Region Norr") == {"4.2": "disagree", "4.10": "disagree"}


def test_shared_formula_without_value_is_found_in_every_cell():
    header = "".join(_s(f"{c}1", h) for c, h in zip("ABCD", HEAD[:4], strict=True))
    body = ""
    for i, pid in ((2, "4.2"), (3, "4.10")):
        f = '<f t="shared" ref="D2:D3" si="0">Blad2!B2</f>' if i == 2 else '<f t="shared" si="0"/>'
        body += f'<row r="{i}">' + _s(f"A{i}", "Region Norr") + _s(f"B{i}", "Region") + _s(f"C{i}", pid)
        body += f'<c r="D{i}">{f}</c></row>'
    r = load_bytes(hand_xlsx(f'<row r="1">{header}</row>{body}'), "f.xlsx")
    errors = [(p.row, p.column) for p in r.report.errors]
    assert errors == [(2, "Ställningstagande"), (3, "Ställningstagande")]
    assert "=Blad2!B2" in r.report.errors[1].message_sv


# --------------------------------------------------------------------------
# Section 3: hidden sheets, several reply sheets, sheet names


def test_hidden_reply_sheet_is_skipped_while_a_visible_one_serves():
    old = base_rows()
    old[1][3] = "Avstyrker"  # the old, hidden version says something else

    def hide(wb):
        wb["Svar (gammal)"].sheet_state = "hidden"

    r = load_bytes(book({"Svar (gammal)": old, "Svar": base_rows()}, hide), "f.xlsx")
    assert r.ok
    p = found(r, "är dolt och lästes inte")
    assert (p.severity, p.category, p.sheet) == ("warning", "source-error", "Svar (gammal)")
    assert "The sheet Svar (gammal) is hidden and was not read; the replies were taken from Svar." == p.message_en
    assert set(r.data.responses["sheet"].astype(str)) == {"Svar"}
    assert stances(r, "Region Norr")["4.2"] == "agree"


def test_only_reply_sheet_hidden_is_an_error():
    for state in ("hidden", "veryHidden"):
        def hide(wb, state=state):
            wb["Svar"].sheet_state = state

        r = load_bytes(book({"Om": [["Om filen"]], "Svar": base_rows()}, hide), "f.xlsx")
        assert not r.ok
        p = found(r, "Svaren finns bara på det dolda bladet Svar")
        assert (p.category, p.sheet) == ("source-error", "Svar")
        assert "The replies are only on the hidden sheet Svar" in p.message_en
        assert r.data.responses.empty


def test_several_reply_sheets_are_combined_with_their_sheet():
    regioner = [HEAD, ["Region Norr", "Region", "4.2", "Avstyrker", None]]
    kommuner = [HEAD, ["Ludvika kommun", "Kommun", "4.2", "Tillstyrker", None],
                ["Kiruna kommun", "Kommun", "4.2", "Tillstyrker", None]]
    r = load_bytes(book({"Regioner": regioner, "Kommuner": kommuner}), "f.xlsx")
    assert r.ok
    p = found(r, "Svar finns på 2 blad (Regioner, Kommuner)")
    assert p.severity == "warning"
    assert "Replies are on 2 sheets (Regioner, Kommuner); they were combined" in p.message_en
    df = r.data.responses
    where = {(str(a), str(b), int(c)) for a, b, c in zip(df["respondent"], df["sheet"], df["row"], strict=True)}
    assert where == {("Region Norr", "Regioner", 2), ("Ludvika kommun", "Kommuner", 2),
                     ("Kiruna kommun", "Kommuner", 3)}
    assert df["stance"].astype(str).value_counts().to_dict() == {"agree": 2, "disagree": 1}


def test_messages_across_several_reply_sheets_name_each_sheet():
    """Rows are numbered per sheet, so with two reply sheets a row number alone would be ambiguous."""
    regioner = [HEAD, ["Region Norr", "Region", "4.2", "Avstyrker", None],
                ["Ludvika kommun", "Kommun", "4.10", "Tillstyrker", None]]
    kommuner = [HEAD, ["Kiruna kommun", "Kommun", "4.2", "Tillstyrker", None],
                ["ludvika  kommun", "Kommun", "4.2", "Tillstyrker", None],
                ["Ludvika kommun", "Region", "4.10", "Avstyrker", None]]
    r = load_bytes(book({"Regioner": regioner, "Kommuner": kommuner}), "f.xlsx")
    variants = found(r, "räknas som en och samma instans")
    assert (variants.sheet, variants.row) == ("Kommuner", 3)
    assert ('"Ludvika kommun" (bladet Regioner rad 3; bladet Kommuner rad 4), "ludvika kommun" (bladet Kommuner '
            'rad 3)' in variants.message_sv), variants.message_sv
    assert '"Ludvika kommun" (sheet Regioner row 3; sheet Kommuner row 4)' in variants.message_en
    kinds = found(r, "har olika typ")
    assert (kinds.sheet, kinds.row) == ("Kommuner", 4)
    assert "Kommun (bladet Regioner rad 3; bladet Kommuner rad 3)" in kinds.message_sv, kinds.message_sv
    assert "Region (bladet Kommuner rad 4)" in kinds.message_sv
    conflict = found(r, "motstridiga")
    assert (conflict.severity, conflict.sheet, conflict.row) == ("error", "Kommuner", 4)
    assert conflict.message_sv.endswith("bladet Regioner rad 3 säger tillstyrker, bladet Kommuner rad 4 säger "
                                        "avstyrker.")
    assert conflict.message_en.endswith("sheet Regioner row 3 says agree, sheet Kommuner row 4 says disagree.")


def test_reply_sheet_named_forslag_loads_by_its_columns():
    r = load_bytes(book({"Förslag": base_rows()}), "f.xlsx")
    assert r.ok, [p.message_en for p in r.report.problems]
    assert len(r.data.responses) == 4
    assert set(r.data.responses["sheet"].astype(str)) == {"Förslag"}


def test_forslag_list_beside_replies_is_still_the_proposal_list():
    props = [["Förslag", "Rubrik"], ["4.2", "Fler platser"], ["4.10", "Arbetsmiljö"]]
    r = load_bytes(book({"Svar": base_rows(), "Förslag": props}), "f.xlsx")
    assert r.ok and r.report.problems == []
    assert set(r.data.proposals["proposal_title"].astype(str)) == {"Fler platser", "Arbetsmiljö"}


# --------------------------------------------------------------------------
# Hidden rows and columns


def test_hidden_rows_are_read_with_a_warning():
    def hide(wb):
        wb["Svar"].row_dimensions[3].hidden = True
        wb["Svar"].row_dimensions[5].hidden = True

    r = load_bytes(book({"Svar": base_rows()}, hide), "f.xlsx")
    assert r.ok
    p = found(r, "dolda rader")
    assert (p.severity, p.category, p.sheet, p.row) == ("warning", "source-error", "Svar", 3)
    assert p.message_sv.startswith("2 dolda rader lästes ändå (rad 3, 5).")
    assert p.message_en.startswith("2 hidden rows were read all the same (row 3, 5).")
    assert len(r.data.responses) == 4


def test_rows_hidden_by_a_filter_are_read_and_named_as_filtered():
    def filt(wb):
        ws = wb["Svar"]
        ws.auto_filter.ref = "A1:E5"
        ws.row_dimensions[4].hidden = True

    r = load_bytes(book({"Svar": base_rows()}, filt), "f.xlsx")
    p = found(r, "som ett filter döljer")
    assert (p.row, p.message_en) == (4, "1 rows hidden by a filter were read all the same (row 4). "
                                        "Filters in Excel do not change what is counted.")
    assert stances(r, "Ludvika kommun") == {"4.2": "disagree", "4.10": "agree"}


def test_hidden_old_stance_column_competing_with_visible_is_an_error():
    rows = [["Remissinstans", "Typ", "Förslag", "Ställningstagande", "Ställningstagande"],
            ["Region Norr", "Region", "4.2", "Tillstyrker", "Avstyrker"]]

    def hide(wb):
        wb["Svar"].column_dimensions["D"].hidden = True

    r = load_bytes(book({"Svar": rows}, hide), "f.xlsx")
    assert not r.ok
    p = found(r, "Den dolda kolumnen D")
    assert (p.category, p.row, p.column) == ("duplicate-label", 1, "Ställningstagande")
    assert 'Den dolda kolumnen D ("Ställningstagande") och den synliga kolumnen E ("Ställningstagande")' in p.message_sv
    assert "The hidden column D" in p.message_en and "the visible column E" in p.message_en
    assert len(r.report.errors) == 1


def test_hidden_single_column_is_read_with_a_warning():
    def hide(wb):
        wb["Svar"].column_dimensions["E"].hidden = True

    r = load_bytes(book({"Svar": base_rows()}, hide), "f.xlsx")
    assert r.ok
    p = found(r, "Kolumnen E")
    assert p.message_en == 'The column E ("Kommentar") is hidden but was read all the same.'


# --------------------------------------------------------------------------
# Unlabelled columns, the wide comment, merged cells


def test_values_under_a_blank_header_are_named_by_letter():
    rows = base_rows()
    rows[0].append(None)
    rows[2].append("En anteckning")
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "Kolumn F har värden men ingen rubrik")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "missing-label", 3, "F")
    assert p.message_en.startswith("Column F holds values but has no header (first on row 3)")


def test_wide_layout_keeps_the_comment_column():
    rows = [["Remissinstans", "Typ", "4.2", "4.10", "Kommentar"],
            ["Region Norr", "Region", "Tillstyrker", "Avstyrker", "Oklart om finansieringen"],
            ["Ludvika kommun", "Kommun", "Avstyrker", None, None]]
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert r.ok and r.report.problems == []
    df = r.data.responses
    got = {(str(a), str(b)): c for a, b, c in zip(df["respondent"], df["proposal_id"], df["comment"], strict=True)}
    assert got == {("Region Norr", "4.2"): "Oklart om finansieringen",
                   ("Region Norr", "4.10"): "Oklart om finansieringen", ("Ludvika kommun", "4.2"): ""}


def test_merged_header_with_data_under_its_second_column_is_named():
    rows = [["Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar", None],
            ["Region Norr", "Region", "4.2", "Tillstyrker", "Bra", "men dyrt"]]

    def merge(wb):
        wb["Svar"].merge_cells("E1:F1")

    r = load_bytes(book({"Svar": rows}, merge), "f.xlsx")
    p = found(r, "Kolumn F har värden men ingen rubrik")
    assert (p.row, p.column) == (2, "F")


def test_stance_merged_down_applies_to_every_merged_row():
    rows = base_rows()
    rows[2][3] = "Tillstyrker"  # D2:D3 merged: Excel shows "Tillstyrker" over both rows
    rows[2][3] = None
    rows[1][3] = "Tillstyrker"

    def merge(wb):
        wb["Svar"].merge_cells("D2:D3")

    r = load_bytes(book({"Svar": rows}, merge), "f.xlsx")
    assert r.ok
    p = found(r, "sammanfogade")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "constraint-error", 2, "Ställningstagande")
    assert p.message_sv == 'Cellerna D2:D3 är sammanfogade; värdet "Tillstyrker" gäller alla 2 rader, som i Excel.'
    assert p.message_en == 'The cells D2:D3 are merged; the value "Tillstyrker" applies to all 2 rows, as in Excel.'
    assert stances(r, "Region Norr") == {"4.2": "agree", "4.10": "agree"}  # never "not addressed"


def test_merged_respondent_block_passes_silently():
    rows = base_rows()
    rows[2][0] = rows[2][1] = None

    def merge(wb):
        wb["Svar"].merge_cells("A2:A3")
        wb["Svar"].merge_cells("B2:B3")

    r = load_bytes(book({"Svar": rows}, merge), "f.xlsx")
    assert r.ok and r.report.problems == []
    assert stances(r, "Region Norr") == {"4.2": "agree", "4.10": "disagree"}


# --------------------------------------------------------------------------
# Header search


def test_header_not_found_says_which_rows_were_searched_and_what_they_held():
    rows = [["Sammanställning"], [], ["Namn", "Åsikt"], ["A", "Ja"]]
    r = load_bytes(book({"Blad1": rows}), "f.xlsx")
    p = found(r, "Ingen rubrikrad hittades")
    assert (p.category, p.sheet) == ("missing-label", "Blad1")
    assert ('Rad 1–4 söktes; där stod rad 1: "Sammanställning"; rad 2: tom; rad 3: "Namn", "Åsikt"; '
            'rad 4: "A", "Ja".') in p.message_sv
    assert ('Rows 1–4 were searched; they held row 1: "Sammanställning"; row 2: blank; '
            'row 3: "Namn", "Åsikt"; row 4: "A", "Ja".') in p.message_en


def test_header_below_the_searched_rows_is_pointed_at():
    rows = [[f"Anteckning {i}"] for i in range(1, 15)] + base_rows()
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "Ingen rubrikrad hittades")
    assert "Rad 1–11 söktes" in p.message_sv and 'rad 11: "Anteckning 11"' in p.message_sv
    q = found(r, "Rad 15 ser ut som en rubrikrad")
    assert (q.category, q.row) == ("missing-label", 15)
    assert "Row 15 looks like a header row" in q.message_en


# --------------------------------------------------------------------------
# Section 4: ids stored as numbers or dates; section 6: percent comments


def test_wide_header_stored_as_number_is_warned():
    rows = [["Remissinstans", "Typ", 4.1, "4.2"], ["Region Norr", "Region", "Avstyrker", "Tillstyrker"]]
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert r.ok
    p = found(r, "sparat som tal (4.1)")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "type-error", 1, "4.1")
    assert "(4.10 blir 4.1)" in p.message_sv and "(4.10 becomes 4.1)" in p.message_en


def test_wide_header_stored_as_date_is_an_error_that_explains():
    rows = [["Remissinstans", "Typ", dt.datetime(2026, 2, 5), "4.2"],
            ["Region Norr", "Region", "Avstyrker", "Tillstyrker"]]
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert not r.ok
    p = found(r, "är ett datum")
    assert (p.category, p.row) == ("type-error", 1)
    assert p.message_sv.startswith('Förslagsnumret i cell C1 är ett datum (5 februari 2026). Excel gör om nummer '
                                   'som "5.2" till datum.')
    assert p.message_en.startswith("The proposal id in cell C1 is a date (5 February 2026). "
                                   'Excel turns ids such as "5.2" into dates.')


def test_long_id_stored_as_date_is_an_error():
    rows = base_rows()
    rows[3][2] = dt.datetime(2026, 2, 5)
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    assert not r.ok
    p = found(r, "är ett datum")
    assert (p.category, p.row, p.column) == ("type-error", 4, "Förslag")
    assert "cell C4" in p.message_sv and '"5.2"' in p.message_en
    assert len(r.report.errors) == 1


def test_percent_formatted_comment_is_kept_as_displayed():
    rows = base_rows()
    rows[2][4] = 0.5
    rows[3][4] = 0.125

    def fmt(wb):
        wb["Svar"]["E3"].number_format = "0%"
        wb["Svar"]["E4"].number_format = "0.0%"

    r = load_bytes(book({"Svar": rows}, fmt), "f.xlsx")
    assert r.ok and r.report.problems == []
    df = r.data.responses
    assert df.set_index("row").loc[[3, 4], "comment"].tolist() == ["50%", "12.5%"]


# --------------------------------------------------------------------------
# The same messy sheet saved by LibreOffice as .ods and .xls


@pytest.fixture(scope="module")
def office_copies(tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require(soffice is not None, "LibreOffice not found (apt-get install libreoffice-calc-nogui)")
    rows = base_rows()
    rows[2][3] = None
    rows[4][3] = "#N/A"

    def setup(wb):
        wb["Svar"].merge_cells("D2:D3")
        wb["Svar"].row_dimensions[4].hidden = True
        wb["Gammal"].sheet_state = "hidden"
        wb["Svar"]["E3"] = 0.5
        wb["Svar"]["E3"].number_format = "0%"
        wb["Svar"]["E2"] = '=UPPER("oklart")'  # LibreOffice calculates it and saves the value

    out = tmp_path_factory.mktemp("messy")
    (out / "m.xlsx").write_bytes(book({"Svar": rows, "Gammal": base_rows()}, setup))
    for fmt, outdir in (("ods", out), ("xls", out), ("xlsx", out / "lo")):
        subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to",
                        fmt, "--outdir", str(outdir), str(out / "m.xlsx")], check=True, capture_output=True,
                       timeout=120)
    return out


def test_libreoffice_saved_xlsx_reads_cached_values_and_flags_the_rest(office_copies):
    r = load_bytes((office_copies / "lo" / "m.xlsx").read_bytes(), "m.xlsx")
    got = {(p.severity, p.row, p.column, p.message_en.split(";")[0].split(":")[0]) for p in r.report.problems}
    assert got == {
        ("warning", None, None, "The sheet Gammal is hidden and was not read"),
        ("warning", 2, "Ställningstagande", "The cells D2"),
        ("error", 5, "Ställningstagande", "#N/A in cell D5"),
        ("warning", 4, None, "1 hidden rows were read all the same (row 4). Unhide them in Excel to see what is "
                             "counted."),
    }
    comments = r.data.responses.set_index("row")["comment"]
    assert (comments[2], comments[3]) == ("OKLART", "50%")


def test_ods_copy_reports_errors_merges_hidden_rows_and_sheets(office_copies):
    r = load_bytes((office_copies / "m.ods").read_bytes(), "m.ods")
    got = {(p.severity, p.row, p.column, p.message_en.split(";")[0].split(":")[0]) for p in r.report.problems}
    assert got == {
        ("warning", None, None, "The sheet Gammal is hidden and was not read"),
        ("warning", 2, "Ställningstagande", "The cells D2"),
        ("error", 5, "Ställningstagande", "#N/A in cell D5"),
        ("warning", 4, None, "1 hidden rows were read all the same (row 4). Unhide them in Excel to see what is "
                             "counted."),
    }
    assert stances(r, "Region Norr") == {"4.2": "agree", "4.10": "agree"}
    comments = r.data.responses.set_index("row")["comment"]
    assert (comments[2], comments[3]) == ("OKLART", "50%")


def test_xls_copy_skips_the_hidden_sheet_and_follows_the_merge(office_copies):
    r = load_bytes((office_copies / "m.xls").read_bytes(), "m.xls")
    messages = [p.message_en for p in r.report.problems]
    assert "The sheet Gammal is hidden and was not read; the replies were taken from Svar." in messages
    assert 'The cells D2:D3 are merged; the value "Tillstyrker" applies to all 2 rows, as in Excel.' in messages
    assert stances(r, "Region Norr") == {"4.2": "agree", "4.10": "agree"}


def test_error_value_in_the_instanser_type_is_an_error():
    inst = [["Remissinstans", "Typ", "Folkmängd"], ["Region Norr", "#N/A", 250000],
            ["Ludvika kommun", "Kommun", "#REF!"]]
    rows = [[c for j, c in enumerate(r) if j != 1] for r in base_rows()]  # no type column: types come from Instanser
    r = load_bytes(book({"Svar": rows, "Instanser": inst}), "f.xlsx")
    assert not r.ok
    p = found(r, "#N/A i cell B2")
    assert (p.severity, p.sheet, p.row, p.column) == ("error", "Instanser", 2, "Typ")
    q = found(r, "#REF! i cell C3")
    assert (q.severity, q.column) == ("warning", "Folkmängd")
    assert not any("Okänd typ" in x.message_sv for x in r.report.problems)


def test_example_table_on_instructions_sheet_is_not_read():
    example = [["Så här fyller du i"], HEAD, ["Exempelkommun", "Kommun", "4.2", "Avstyrker", None]]
    template_svar = [HEAD]
    r = load_bytes(book({"Instruktioner": example, "Svar (tom)": template_svar, "Svar": base_rows()}), "f.xlsx")
    assert r.ok and r.report.problems == []
    assert set(r.data.responses["sheet"].astype(str)) == {"Svar"}
    assert "Exempelkommun" not in set(r.data.responses["respondent"].astype(str))


def test_hidden_forslag_list_is_read_with_a_warning():
    props = [["Förslag", "Rubrik"], ["4.2", "Fler platser"], ["4.10", "Arbetsmiljö"]]

    def hide(wb):
        wb["Förslag"].sheet_state = "hidden"

    r = load_bytes(book({"Svar": base_rows(), "Förslag": props}, hide), "f.xlsx")
    assert r.ok
    p = found(r, "Bladet Förslag är dolt men lästes ändå")
    assert (p.severity, p.sheet) == ("warning", "Förslag")
    assert p.message_en == "The sheet Förslag is hidden but was read, as no visible sheet holds the same content."
    assert set(r.data.proposals["proposal_title"].astype(str)) == {"Fler platser", "Arbetsmiljö"}


def test_instanser_list_with_a_year_column_is_not_taken_for_replies():
    inst = [["Remissinstans", "Typ", "2023"], ["Region Norr", "Region", 250000], ["Ludvika kommun", "Kommun", 26000]]
    r = load_bytes(book({"Svar": base_rows(), "Instanser": inst}), "f.xlsx")
    assert r.ok and r.report.problems == []
    assert set(r.data.responses["sheet"].astype(str)) == {"Svar"}
    assert len(r.data.responses) == 4


def test_date_id_on_the_forslag_sheet_is_an_error_and_no_phantom_proposal():
    props = [["Förslag", "Rubrik"], ["4.2", "Fler platser"], [dt.datetime(2026, 2, 5), "Ny tillsyn"], [4.1, "Tio"]]
    r = load_bytes(book({"Svar": base_rows(), "Förslag": props}), "f.xlsx")
    assert not r.ok
    p = found(r, "är ett datum")
    assert (p.severity, p.sheet, p.row, p.column) == ("error", "Förslag", 3, "Förslag")
    q = found(r, "sparade som tal")
    assert (q.severity, q.sheet, q.row) == ("warning", "Förslag", 4)
    assert "2026-02-05" not in set(r.data.proposals["proposal_id"].astype(str))


def test_error_value_as_a_header_leaves_the_column_unlabelled():
    rows = [["Remissinstans", "Typ", "4.2", "#REF!"],
            ["Region Norr", "Region", "Tillstyrker", "Avstyrker"]]
    r = load_bytes(book({"Svar": rows}), "f.xlsx")
    p = found(r, "Kolumn D har värden men ingen rubrik")
    assert (p.severity, p.row, p.column) == ("warning", 2, "D")
    assert stances(r, "Region Norr") == {"4.2": "agree"}


def test_prefixed_sheet_xml_from_the_openxml_sdk_is_scanned():
    """Scripts using the .NET OpenXML SDK write x:-prefixed elements and no cached values."""
    def s(ref, text):
        return f'<x:c r="{ref}" t="inlineStr"><x:is><x:t>{text}</x:t></x:is></x:c>'
    header = "".join(s(f"{c}1", h) for c, h in zip("ABCD", HEAD[:4], strict=True))
    row2 = s("A2", "Region Norr") + s("B2", "Region") + s("C2", "4.2") + '<x:c r="D2"><x:f>Blad2!B7</x:f></x:c>'
    row3 = s("A3", "Region Norr") + s("B3", "Region") + s("C3", "4.10") + '<x:c r="D3" t="e"><x:v>#N/A</x:v></x:c>'
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><x:sheetData><x:row r="1">{header}</x:row><x:row r="2">{row2}</x:row>'
             f'<x:row r="3">{row3}</x:row></x:sheetData></x:worksheet>')
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
                           ("xl/_rels/workbook.xml.rels", _WBRELS), ("xl/worksheets/sheet1.xml", sheet)):
            z.writestr(name, text)
    r = load_bytes(bio.getvalue(), "f.xlsx")
    got = [(p.severity, p.row, p.message_en[:40].strip()) for p in r.report.problems]
    assert got == [("error", 2, "Cell D2 holds a formula (=Blad2!B7) with"),
                   ("error", 3, "#N/A in cell D3: the cell shows an error")]


def test_cells_texts_have_both_languages_and_matching_placeholders():
    import string

    from i18n.loader_text import STRINGS

    def fields(text: str) -> set[str]:
        return {f.removesuffix("_sv").removesuffix("_en") for _, f, _, _ in string.Formatter().parse(text) if f}

    keys = [k for k in STRINGS if k.startswith("cells.")]
    assert len(keys) >= 25
    for key in keys:
        sv, en = STRINGS[key]
        assert sv.strip() and en.strip() and sv != en, key
        assert fields(sv) == fields(en), key
