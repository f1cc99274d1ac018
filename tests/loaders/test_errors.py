"""One test per problem category: bad input gives a located, bilingual report."""
import io
import json

import pytest

import cli
from loaders.load import load_bytes
from support import sheets


def problems(result, severity=None):
    return [p for p in result.report.problems if severity in (None, p.severity)]


def only(result, severity="error"):
    found = problems(result, severity)
    assert len(found) == 1, [p.message_en for p in result.report.problems]
    return found[0]


def long_with(*extra_rows, headers=None):
    rows = sheets.long_rows(headers) if headers else sheets.long_rows()
    return sheets.xlsx({"Svar": rows + [list(r) for r in extra_rows]})


def test_unknown_stance_names_value_and_allowed():
    r = load_bytes(long_with(["Testremiss", "Region Syd", "Region", "5.2.1", "Kanske", None]), "f.xlsx")
    p = only(r)
    assert (p.category, p.sheet, p.row, p.column) == ("constraint-error", "Svar", 10, "Ställningstagande")
    assert '"Kanske"' in p.message_sv and "Tillstyrker, Tillstyrker delvis, Avstyrker, Ingen synpunkt" in p.message_sv
    assert '"Kanske"' in p.message_en and "Agree, Partly agree, Disagree, No position" in p.message_en
    assert not r.ok and not r.report.unreadable


def test_conflicting_stances_name_both_rows():
    r = load_bytes(long_with(["Testremiss", "Region Norr", "Region", "4.2", "Avstyrker", None]), "f.xlsx")
    p = only(r)
    assert (p.category, p.row) == ("unique-error", 10)
    assert "rad 2 säger tillstyrker, rad 10 säger avstyrker" in p.message_sv
    assert "row 2 says agree, row 10 says disagree" in p.message_en


def test_identical_duplicate_is_warning_and_kept_once():
    r = load_bytes(long_with(["Testremiss", "Region Norr", "Region", "4.2", "tillstyrker", None]), "f.xlsx")
    assert r.ok
    p = only(r, "warning")
    assert (p.category, p.row) == ("unique-error", 10)
    assert "(rad 2 och 10)" in p.message_sv
    assert len(r.data.responses) == len(sheets.FACTS)


def test_missing_required_column_names_found_headers():
    rows = [["Remissinstans", "Typ", "Förslag", "Kommentar"], ["Region Norr", "Region", "4.2", "x"]]
    r = load_bytes(sheets.xlsx({"Svar": rows}), "f.xlsx")
    p = only(r)
    assert (p.category, p.sheet, p.row) == ("missing-label", "Svar", 1)
    assert p.message_sv == ('Obligatorisk kolumn saknas: Ställningstagande. Rubriker som hittades: '
                            '"Remissinstans", "Typ", "Förslag", "Kommentar".')


def test_no_recognisable_headers():
    r = load_bytes(sheets.xlsx({"Blad1": [["Namn", "Åsikt"], ["A", "Ja"]]}), "f.xlsx")
    p = only(r)
    assert p.category == "missing-label"
    assert '"Namn", "Åsikt"' in p.message_sv


def test_duplicate_label():
    headers = ("Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Inställning")
    r = load_bytes(long_with(headers=headers), "f.xlsx")
    p = only(r)
    assert (p.category, p.row, p.column) == ("duplicate-label", 1, "Inställning")


def test_duplicate_proposal_column_in_wide():
    rows = [["Remissinstans", "Typ", "4.2", "Förslag 4.2"], ["Region Norr", "Region", "Ja", "Nej"]]
    p = only(load_bytes(sheets.xlsx({"Svar": rows}), "f.xlsx"))
    assert (p.category, p.column) == ("duplicate-label", "Förslag 4.2")


def test_blank_stance_is_warning_not_addressed():
    r = load_bytes(long_with(["Testremiss", "Region Syd", "Region", "5.2.1", None, "inget sagt"]), "f.xlsx")
    assert r.ok
    p = only(r, "warning")
    assert (p.category, p.row, p.column) == ("constraint-error", 10, "Ställningstagande")
    assert len(r.data.responses) == len(sheets.FACTS)


def test_blank_rows_between_data():
    rows = sheets.long_rows()
    rows.insert(3, [None] * 6)
    r = load_bytes(sheets.xlsx({"Svar": rows}), "f.xlsx")
    assert r.ok
    p = only(r, "warning")
    assert (p.category, p.row) == ("blank-row", 4)
    assert len(r.data.responses) == len(sheets.FACTS)


def test_numeric_proposal_ids_warn_type_error():
    rows = sheets.long_rows()
    rows[2][3] = 4.10  # Excel number: becomes 4.1
    r = load_bytes(sheets.xlsx({"Svar": rows}), "f.xlsx")
    p = only(r, "warning")
    assert (p.category, p.row, p.column) == ("type-error", 3, "Förslag")
    assert "4.10 blir 4.1" in p.message_sv


def test_missing_type_inferred_with_warning():
    rows = sheets.long_rows()
    for r in rows[1:]:
        r[2] = None
    r = load_bytes(sheets.xlsx({"Svar": rows}), "f.xlsx")
    assert r.ok
    msgs = sorted(p.message_sv for p in problems(r, "warning"))
    assert msgs == [
        'Typ saknas för "Ludvika kommun"; tolkas som Kommun enligt registret (Ludvika kommun).',
        'Typ saknas för "Region Norr"; tolkas som Region utifrån namnet (regeln "region").',
        'Typ saknas för "Region Syd"; tolkas som Region utifrån namnet (regeln "region").',
    ]
    assert sorted(p.message_en for p in problems(r, "warning"))[0] == \
        'Type is missing for "Ludvika kommun"; read as Municipality from the register (Ludvika kommun).'
    assert set(r.data.respondents["county"]) == {"Dalarnas län", ""}
    assert dict(zip(r.data.responses["respondent"].astype(str), r.data.responses["respondent_type"].astype(str))) \
        == {"Region Norr": "Region", "Region Syd": "Region", "Ludvika kommun": "Kommun"}


def test_unknown_proposal_against_forslag_sheet():
    book = sheets.workbook_with_extras()
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(book))
    wb["Svar"].append(["Testremiss", "Region Syd", "5.2.l", "Ja", None])
    bio = io.BytesIO()
    wb.save(bio)
    p = only(load_bytes(bio.getvalue(), "f.xlsx"))
    assert (p.category, p.row) == ("constraint-error", 10)
    assert 'Förslag "5.2.l" finns inte på bladet Förslag' in p.message_sv


@pytest.mark.parametrize("data,name,category,text", [
    (b"", "f.xlsx", "source-error", "är tom"),
    (b"PK\x03\x04garbage-not-a-zip", "f.xlsx", "source-error", "är skadad"),
    (b"Remissinstans;Ja\n", "f.xlsx", "format-error", "har ändelsen .xlsx men är en textfil"),
    (b"%PDF-1.7\n\x00\x01", "f.pdf", "format-error", "Filtypen .pdf stöds inte"),
    (b"\x00\x01\x02\x03binary" * 10, "f.csv", "format-error", "men är en binärfil"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "f.xls", "source-error", "är skadad"),
])
def test_unreadable_files(data, name, category, text):
    r = load_bytes(data, name)
    assert r.report.unreadable
    p = only(r)
    assert p.category == category
    assert text in p.message_sv


def test_password_protected():
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(sheets.long_xlsx())).encrypt("hemligt", out)
    r = load_bytes(out.getvalue(), "skyddad.xlsx")
    assert r.report.unreadable
    assert only(r).message_sv.startswith("Filen skyddad.xlsx är lösenordsskyddad.")


def test_encoding_error_when_undecodable():
    # Bytes that are neither UTF-8 nor Windows-1252 (0x81 is undefined there).
    r = load_bytes("Remissinstans;Förslag;Ställningstagande\n".encode() + b"A\x81\x81;1;Ja\n", "f.csv")
    assert any(p.category == "encoding-error" for p in r.report.problems)


def test_headers_only_is_an_error():
    p = only(load_bytes(sheets.xlsx({"Svar": [sheets.long_rows()[0]]}), "f.xlsx"))
    assert p.category == "source-error" and "inga kodade svar" in p.message_sv


# --- CLI contract ----------------------------------------------------------

def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_check_json_valid(tmp_path, capsys):
    f = tmp_path / "svar.xlsx"
    f.write_bytes(sheets.workbook_with_extras())
    code, out, _ = run(capsys, "check", str(f), "--format", "json")
    assert code == 0
    assert json.loads(out) == {"ok": True, "rows": 8, "respondents": 3, "proposals": 3,
                               "consultations": ["Testremiss"], "problems": []}


def test_cli_check_json_errors_exit_1(tmp_path, capsys):
    f = tmp_path / "svar.xlsx"
    f.write_bytes(long_with(["Testremiss", "Region Syd", "Region", "5.2.1", "Kanske", None],
                            ["Testremiss", "Region Norr", "Region", "4.2", "Tillstyrker", None]))
    code, out, _ = run(capsys, "check", str(f), "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert (payload["ok"], payload["rows"], payload["respondents"], payload["proposals"]) == (False, 8, 3, 3)
    assert [(p["severity"], p["category"], p["sheet"], p["row"], p["column"]) for p in payload["problems"]] == [
        ("error", "constraint-error", "Svar", 10, "Ställningstagande"),
        ("warning", "unique-error", "Svar", 11, None),
    ]


def test_cli_check_unreadable_exit_2_no_traceback(tmp_path, capsys):
    f = tmp_path / "trasig.xlsx"
    f.write_bytes(b"not a workbook")
    code, out, err = run(capsys, "check", str(f))
    assert code == 2
    assert "Traceback" not in out + err
    assert "trasig.xlsx" in out and "format-error" in out


def test_cli_summary_invalid_prints_report_and_exits(tmp_path, capsys):
    f = tmp_path / "svar.xlsx"
    f.write_bytes(long_with(["Testremiss", "Region Syd", "Region", "5.2.1", "Kanske", None]))
    code, out, err = run(capsys, "summary", str(f))
    assert code == 1 and out == ""
    assert "Okänt ställningstagande" in err and "rad 10" in err


def test_cli_missing_file_exit_2(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path / "finns-inte.xlsx"))
    assert code == 2 and "finns-inte.xlsx" in out
