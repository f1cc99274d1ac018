"""``cli.py export`` writes the same workbook as the app's download button."""
import pytest

import cli
import exports.meta
from analysis.filters import Filters
from exports.meta import ExtractMeta
from exports.workbook import build_extract

DEMO = "data/demo.xlsx"
TOPIC = "Organisation, verksamhet och ledning"


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(exports.meta, "_clock", lambda: "2025-02-03 04:05")


def cells(wb) -> dict:
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_cli_and_ui_give_the_same_workbook(tmp_path, fixed_clock, h, lang, capsys):
    from loaders.load import load_path

    out = tmp_path / "urval.xlsx"
    code = cli.main(["export", DEMO, "--out", str(out), "--respondent-type", "kommun", "Region",
                     "--topic", TOPIC, "--stance", "Tillstyrker", "--stance", "partly", "--lang", lang])
    assert code == 0
    assert "urval.xlsx" in capsys.readouterr().out
    filters = Filters(respondent_types=["Kommun", "Region"], topics=[TOPIC], stances=["agree", "partly"])
    ui = build_extract(load_path(DEMO).data, filters, ExtractMeta.for_file(DEMO), lang)
    cli_wb, ui_wb = h.open_xlsx(out.read_bytes()), h.open_xlsx(ui)
    assert cli_wb.sheetnames == ui_wb.sheetnames
    assert cells(cli_wb) == cells(ui_wb)
    cli_xml, ui_xml = h.xml_parts(out.read_bytes()), h.xml_parts(ui)
    assert cli_xml["xl/charts/chart1.xml"] == ui_xml["xl/charts/chart1.xml"]
    about = h.about_rows(cli_wb.worksheets[0])
    label = {"sv": ("Datamängd", "Skapad av", "Uttaget"), "en": ("Dataset", "Created by", "Extracted")}[lang]
    assert (about[label[0]], about[label[1]], about[label[2]]) == ("demo.xlsx", "cli", "2025-02-03 04:05")


def test_consultation_and_proposal_filters(tmp_path, h):
    out = tmp_path / "u.xlsx"
    plan = "SOU 2024:72 Stärkt medicinsk kompetens i kommunal hälso- och sjukvård"
    assert cli.main(["export", DEMO, "--out", str(out), "--consultation", plan, "--proposal", "8.1", "9.2"]) == 0
    wb = h.open_xlsx(out.read_bytes())
    assert {r[3] for r in wb["Svar"].iter_rows(min_row=2, values_only=True)} == {"8.1", "9.2"}
    assert h.about_rows(wb["Om urvalet"])["Urval"] == f"Remiss: {plan}. Förslag 8.1 och 9.2."


@pytest.mark.parametrize("args, message", [
    (["--respondent-type", "Kyrka"], "okänd typ 'Kyrka'"),
    (["--stance", "kanske"], "okänt ställningstagande 'kanske'"),
    (["--consultation", "Finns inte"], "finns inte i filen"),
    (["--topic", "Finns inte"], "teman:"),
    (["--proposal", "99.9"], "förslag:"),
])
def test_bad_filter_values_exit_2_without_writing(tmp_path, capsys, args, message):
    out = tmp_path / "u.xlsx"
    assert cli.main(["export", DEMO, "--out", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_unreadable_file_and_unwritable_output(tmp_path, capsys):
    assert cli.main(["export", str(tmp_path / "saknas.xlsx"), "--out", str(tmp_path / "u.xlsx")]) == 2
    assert cli.main(["export", DEMO, "--out", str(tmp_path / "nej" / "u.xlsx")]) == 2
    assert "Kunde inte skriva" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no half-written temp file left behind
