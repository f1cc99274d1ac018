"""`--merges FILE`: name merges from a file, applied before any figure; listed in the extract's Om urvalet."""
import json

import openpyxl

import cli
from support import sheets

HEAD = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande"]
ROWS = [
    ["R", "Region Stockholm", "Region", "1", "Tillstyrker"],
    ["R", "Region Stockholm", "Region", "2", "Avstyrker"],
    ["R", "Region Stockhlm", "Region", "3", "Tillstyrker"],
    ["R", "Malmö stad", "Kommun", "1", "Avstyrker"],
]


def files(tmp_path, merges="Namn i arket;Räknas som\nRegion Stockhlm;Region Stockholm\n"):
    sheet = tmp_path / "svar.xlsx"
    sheet.write_bytes(sheets.xlsx({"Svar": [HEAD] + ROWS}))
    m = tmp_path / "merges.csv"
    m.write_text(merges, encoding="utf-8")
    return str(sheet), str(m)


def test_summary_by_respondent_with_and_without_merges(tmp_path, capsys):
    sheet, m = files(tmp_path)
    assert cli.main(["summary", sheet, "--by", "respondent"]) == 0
    before = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in before[1:]] == ["Malmö stad", "Region Stockhlm", "Region Stockholm"]
    assert cli.main(["summary", sheet, "--by", "respondent", "--merges", m]) == 0
    out = capsys.readouterr()
    rows = out.out.splitlines()
    assert rows[1:] == ["Malmö stad,0,0,1,0,1,0.0000,0.0000", "Region Stockholm,2,0,1,0,3,0.6667,0.6667"]
    assert out.err == "1 namn slogs ihop enligt merges.csv.\n"


def test_check_json_counts_merged_respondents(tmp_path, capsys):
    sheet, m = files(tmp_path)
    assert cli.main(["check", sheet, "--format", "json", "--merges", m, "--lang", "en"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["respondents"] == 2
    assert out.err == "1 names merged as merges.csv says.\n"


def test_bad_merge_file_is_exit_2_with_its_message(tmp_path, capsys):
    sheet, m = files(tmp_path, merges="Region Stockhlm\n")
    assert cli.main(["summary", sheet, "--merges", m]) == 2
    assert capsys.readouterr().err == ("Sammanslagningsfilen merges.csv, rad 1: två kolumner behövs, namnet i arket "
                                       "och namnet det räknas som.\n")


def test_export_lists_merges_and_the_register_in_om_urvalet(tmp_path, capsys):
    sheet, m = files(tmp_path)
    out = tmp_path / "urval.xlsx"
    assert cli.main(["export", sheet, "--out", str(out), "--merges", m]) == 0
    ws = openpyxl.load_workbook(out)["Om urvalet"]
    cells = {r[0].value: r[1].value for r in ws.iter_rows() if r[0].value}
    assert cells["Sammanslagna namn"] == \
        '"Region Stockhlm" räknas som "Region Stockholm" (sammanslagningsfilen merges.csv, rad 2)'
    assert cells["Instansregister"].startswith(
        "Typ, län och äldre namn som saknas i arket kommer från registret version 1 "
        "(kommuner.csv: SCB, kommun- och länsindelning, 2026;")
    responses = openpyxl.load_workbook(out)["Svar"]
    names = {r[1].value for r in responses.iter_rows(min_row=2) if r[1].value}
    assert "Region Stockhlm" not in names and "Region Stockholm" in names


def test_app_extract_lists_merges_confirmed_in_the_app(tmp_path):
    import io

    from analysis.filters import Filters
    from exports.meta import ExtractMeta
    from exports.workbook import build_extract
    from loaders.load import load_path

    sheet, _ = files(tmp_path)
    meta = ExtractMeta(dataset="Remissen", version=2,
                       merges=(("Region Stockhlm", "Region Stockholm", "anna", "2026-11-30 10:12", 3),))
    book = build_extract(load_path(sheet).data, Filters(), meta, "en")
    ws = openpyxl.load_workbook(io.BytesIO(book))["About"]
    cells = {r[0].value: r[1].value for r in ws.iter_rows() if r[0].value}
    assert cells["Merged names"] == \
        '"Region Stockhlm" counts as "Region Stockholm" (confirmed by anna 2026-11-30 10:12, decision 3)'
