"""The demo workbook holds the real figures and is reproducible.

Reads data/demo.xlsx and data/template.xlsx with openpyxl only, never with a
project loader, so these tests pin the data itself, not the import path.
"""
from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
from natsort import natsorted
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DEMO = DATA / "demo.xlsx"
TEMPLATE = DATA / "template.xlsx"

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"
SOU = "SOU 2024:72 Stärkt medicinsk kompetens i kommunal hälso- och sjukvård"
FICTIONAL = "Fiktiv exempeldata"
STANCES = ["Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Ingen synpunkt"]
TYPES = ["Region", "Kommun", "Statlig myndighet", "Lärosäte", "Organisation", "Övrig"]

REGIONS = {
    "Region Stockholm", "Region Uppsala", "Region Sörmland", "Region Östergötland",
    "Region Jönköpings län", "Region Kronoberg", "Region Kalmar län", "Region Gotland",
    "Region Blekinge", "Region Skåne", "Region Halland", "Västra Götalandsregionen",
    "Region Värmland", "Region Örebro län", "Region Västmanland", "Region Dalarna",
    "Region Gävleborg", "Region Västernorrland", "Region Jämtland Härjedalen",
    "Region Västerbotten", "Region Norrbotten",
}


def _load_make_demo():
    spec = importlib.util.spec_from_file_location("make_demo", DATA / "make_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table(path: Path, sheet: str, header_row: int) -> list[dict]:
    wb = load_workbook(path, read_only=True)
    try:
        rows = list(wb[sheet].iter_rows(min_row=header_row, values_only=True))
    finally:
        wb.close()
    headers = rows[0]
    return [dict(zip(headers, r)) for r in rows[1:] if any(v is not None for v in r)]


def _all_values(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


@pytest.fixture(scope="module")
def svar() -> list[dict]:
    return _table(DEMO, "Svar", 3)


@pytest.fixture(scope="module")
def forslag() -> list[dict]:
    return _table(DEMO, "Förslag", 1)


@pytest.fixture(scope="module")
def instanser() -> list[dict]:
    return _table(DEMO, "Instanser", 1)


def test_sheets_and_headers():
    wb = load_workbook(DEMO)
    assert wb.sheetnames == ["Svar", "Förslag", "Instanser", "Om"]
    svar = wb["Svar"]
    assert "exempeldata" in svar["A1"].value and "fiktiv" in svar["A1"].value
    assert all(c.value is None for c in svar[2])
    assert [c.value for c in svar[3]] == [
        "Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar", "Källa"]
    assert [c.value for c in wb["Förslag"][1]] == ["Remiss", "Förslag", "Rubrik", "Tema", "Adressat"]
    assert [c.value for c in wb["Instanser"][1]] == ["Remiss", "Remissinstans", "Typ", "Län", "Folkmängd"]
    om = " ".join(str(c.value) for c in wb["Om"]["A"] if c.value)
    assert "illustrativa" in om and "Stockholms stad" in om and "Ludvika kommun" in om


def test_vocabularies(svar, forslag, instanser):
    assert {r["Remiss"] for r in svar} == {PLAN, SOU}
    assert {r["Ställningstagande"] for r in svar} == set(STANCES)
    assert {r["Typ"] for r in svar} <= set(TYPES)
    assert {r["Typ"] for r in instanser} == set(TYPES)
    assert {r["Adressat"] for r in forslag} <= {"Region", "Kommun", "Region och kommun", "Lärosäte", "Staten"}


def test_proposal_ids_are_text(svar, forslag):
    for r in svar + forslag:
        assert isinstance(r["Förslag"], str), r
    wb = load_workbook(DEMO)
    for ws, col in ((wb["Svar"], "D"), (wb["Förslag"], "B")):
        cells = [c for c in ws[col] if c.row > (3 if ws.title == "Svar" else 1) and c.value is not None]
        assert cells and all(c.data_type == "s" for c in cells)


def test_plan_has_25_proposals_with_topic_counts(forslag):
    plan = [r for r in forslag if r["Remiss"] == PLAN]
    assert len(plan) == 25
    assert len({r["Förslag"] for r in plan}) == 25
    counts = Counter(r["Tema"] for r in plan)
    assert counts == {
        "Organisation, verksamhet och ledning": 5,
        "Arbetsmiljö, attrahera och behålla": 11,
        "Lärosätenas verksamhet": 1,
        "Utbildning och forskning": 5,
        "Professorer och lärare": 3,
    }
    by_id = {r["Förslag"]: r for r in plan}
    assert by_id["5.2.1"]["Adressat"] == "Kommun"
    assert "ledningsnivå" in by_id["5.2.1"]["Rubrik"]
    assert by_id["5.2.2"]["Adressat"] == "Region"
    assert "verksamhetschef" in by_id["5.2.2"]["Rubrik"]
    assert by_id["5.2.1"]["Tema"] == by_id["5.2.2"]["Tema"] == "Organisation, verksamhet och ledning"


def test_ids_exercise_natural_sort(forslag):
    ids = [r["Förslag"] for r in forslag if r["Remiss"] == PLAN]
    assert {"6.1.2", "6.1.10", "6.1.11"} <= set(ids)
    nat = natsorted(ids)
    assert nat.index("6.1.2") < nat.index("6.1.10") < nat.index("6.1.11")
    assert sorted(ids) != nat  # plain string sort would be wrong
    sou = [r["Förslag"] for r in forslag if r["Remiss"] == SOU]
    assert natsorted(sou)[-1] == "10.4"


def test_stockholm_real_reply(svar):
    rows = [r for r in svar if r["Remissinstans"] == "Stockholms stad"]
    assert {r["Remiss"] for r in rows} == {PLAN}
    assert {r["Typ"] for r in rows} == {"Kommun"}
    assert {r["Källa"] for r in rows} == {"Remissvar: Socialförvaltningen, Stockholms stad, Dnr SOF 2024/634"}
    stances = Counter(r["Ställningstagande"] for r in rows)
    assert stances == {"Tillstyrker": 24, "Tillstyrker delvis": 1}
    partly = [r for r in rows if r["Ställningstagande"] == "Tillstyrker delvis"]
    assert partly[0]["Förslag"] == "5.2.1"
    assert partly[0]["Kommentar"]
    assert any("primärvård" in (r["Kommentar"] or "") for r in rows)


def test_ludvika_real_reply(svar, forslag):
    sou = [r for r in forslag if r["Remiss"] == SOU]
    assert len(sou) == 9
    vulf = [r["Förslag"] for r in sou if "VULF" in r["Rubrik"]]
    assert len(vulf) == 1
    rows = [r for r in svar if r["Remissinstans"] == "Ludvika kommun"]
    assert {r["Remiss"] for r in rows} == {SOU}
    assert {r["Typ"] for r in rows} == {"Kommun"}
    assert all(r["Källa"].startswith("Remissvar: Ludvika kommun") for r in rows)
    assert {r["Förslag"] for r in rows} == {r["Förslag"] for r in sou}
    for r in rows:
        expected = "Tillstyrker delvis" if r["Förslag"] == vulf[0] else "Tillstyrker"
        assert r["Ställningstagande"] == expected, r
    comment = next(r["Kommentar"] for r in rows if r["Förslag"] == vulf[0])
    assert "arbetsterapeut" in comment and "fysioterapeut" in comment


def test_fictional_rows_are_labelled(svar):
    real = {"Stockholms stad", "Ludvika kommun"}
    fictional = [r for r in svar if r["Remissinstans"] not in real]
    assert fictional
    assert all(r["Källa"] == FICTIONAL for r in fictional)
    assert all(r["Källa"].startswith("Remissvar:") for r in svar if r["Remissinstans"] in real)


def test_all_21_regions(svar, instanser):
    regions_plan = {r["Remissinstans"] for r in svar if r["Remiss"] == PLAN and r["Typ"] == "Region"}
    assert regions_plan == REGIONS
    for consultation in (PLAN, SOU):
        listed = [r for r in instanser if r["Remiss"] == consultation and r["Typ"] == "Region"]
        assert {r["Remissinstans"] for r in listed} == REGIONS
        assert all(isinstance(r["Folkmängd"], int) and r["Folkmängd"] > 0 for r in listed)
        assert all(r["Län"] for r in listed)


def test_instanser_covers_respondents_and_non_repliers(svar, instanser):
    for consultation in (PLAN, SOU):
        listed = {r["Remissinstans"]: r for r in instanser if r["Remiss"] == consultation}
        replied = {r["Remissinstans"] for r in svar if r["Remiss"] == consultation}
        assert replied <= set(listed)
        silent = set(listed) - replied
        kinds = Counter(listed[n]["Typ"] for n in silent)
        assert kinds["Kommun"] == 3 and kinds["Statlig myndighet"] == 1
        # types agree between the two sheets
        for r in svar:
            if r["Remiss"] == consultation:
                assert listed[r["Remissinstans"]]["Typ"] == r["Typ"]
    for r in instanser:
        if r["Typ"] in ("Region", "Kommun"):
            assert isinstance(r["Folkmängd"], int)
        else:
            assert r["Folkmängd"] is None


def test_no_duplicate_pairs(svar):
    keys = Counter((r["Remiss"], r["Remissinstans"], r["Förslag"]) for r in svar)
    assert max(keys.values()) == 1
    proposals = {(r["Remiss"], r["Förslag"]) for r in _table(DEMO, "Förslag", 1)}
    assert all((r["Remiss"], r["Förslag"]) in proposals for r in svar)


def test_plausible_pattern(svar):
    def agree_share(consultation, rtype):
        rows = [r for r in svar if r["Remiss"] == consultation and r["Typ"] == rtype]
        return sum(r["Ställningstagande"] == "Tillstyrker" for r in rows) / len(rows)

    assert agree_share(PLAN, "Region") > agree_share(PLAN, "Kommun") + 0.2
    # some respondents skip proposals
    per_resp = Counter(r["Remissinstans"] for r in svar if r["Remiss"] == PLAN)
    assert min(per_resp.values()) < 25


def test_template():
    wb = load_workbook(TEMPLATE)
    assert wb.sheetnames == ["Instruktioner", "Svar", "Förslag", "Instanser"]
    text = " ".join(str(c.value) for c in wb["Instruktioner"]["A"] if c.value)
    for word in STANCES + TYPES:
        assert word in text
    expected = {
        "Svar": ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar", "Källa"],
        "Förslag": ["Remiss", "Förslag", "Rubrik", "Tema", "Adressat"],
        "Instanser": ["Remiss", "Remissinstans", "Typ", "Län", "Folkmängd"],
    }
    for name, headers in expected.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == headers
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.max_row == 1  # no data rows
    lists = {
        (name, str(dv.sqref)): dv.formula1
        for name in expected for dv in wb[name].data_validations.dataValidation
    }
    assert lists[("Svar", "E2:E5000")] == '"Tillstyrker,Tillstyrker delvis,Avstyrker,Ingen synpunkt"'
    types = '"Region,Kommun,Statlig myndighet,Lärosäte,Organisation,Övrig"'
    assert lists[("Svar", "C2:C5000")] == types
    assert lists[("Instanser", "C2:C5000")] == types


def test_regeneration_is_deterministic(tmp_path):
    make_demo = _load_make_demo()
    first = make_demo.build(tmp_path / "a")
    second = make_demo.build(tmp_path / "b")
    for committed, fresh, again in zip((DEMO, TEMPLATE), first, second):
        assert _all_values(fresh) == _all_values(committed), f"{committed.name} is stale: rerun make_demo.py"
        assert fresh.read_bytes() == again.read_bytes()
