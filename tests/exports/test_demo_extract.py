"""Acceptance on the demo data: filter, download, open; and LibreOffice opens the file."""
import os
import shutil
import subprocess

import pytest
from _require import require

from analysis.filters import Filters, apply_filters, describe_filters
from analysis.shares import summary_table
from exports.meta import ExtractMeta
from exports.workbook import build_extract
from loaders.load import load_path

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"
TOPIC = "Organisation, verksamhet och ledning"
SHEETS = ["Om urvalet", "Svar", "Per förslag", "Region vs kommun", "Per instans", "Diagram"]


@pytest.fixture(scope="module")
def demo():
    result = load_path("data/demo.xlsx")
    assert result.ok
    return result.data


@pytest.fixture(scope="module")
def demo_meta():
    return ExtractMeta(dataset="Exempeldata", is_demo=True, generated_at="2025-01-02 10:00")


def test_demo_extract_matches_the_overview_page(demo, demo_meta, h):
    # The overview page shows, for this consultation: 72 replying bodies, 25 proposals,
    # 1 339 coded answers of which 841 agree (tests/app_pages/test_overview.py).
    filters = Filters(consultation=PLAN)
    out = build_extract(demo, filters, demo_meta, "sv")
    wb = h.open_xlsx(out)
    assert wb.sheetnames == SHEETS
    about = h.about_rows(wb["Om urvalet"])
    assert about["Kodade svar (bladet Svar)"] == 1339
    assert about["Förslag med kodade svar (bladet Per förslag)"] == 25
    assert about["Svarande remissinstanser (bladet Per instans)"] == 72
    assert about["Exempeldata"].startswith("Exempeldata (fiktiv)")
    assert about["Urval"] == f"Remiss: {PLAN}."
    assert wb["Svar"].max_row - 1 == 1339
    props = list(wb["Per förslag"].iter_rows(min_row=2, values_only=True))
    assert sum(r[3] for r in props) == 841
    assert wb["Per instans"].max_row - 1 == 72


def test_demo_filtered_extract_round_trip(demo, demo_meta, h, tmp_path):
    filters = Filters(respondent_types=["Kommun", "Region"], topics=[TOPIC])
    out = build_extract(demo, filters, demo_meta, "sv")
    wb = h.open_xlsx(out)
    assert wb.sheetnames == SHEETS
    view = apply_filters(demo, filters)
    about = h.about_rows(wb["Om urvalet"])
    assert about["Urval"] == describe_filters(filters, "sv") == (
        "Remissinstanser av typen Kommun och Region, tema Organisation, verksamhet och ledning.")
    assert about["Kodade svar (bladet Svar)"] == len(view.responses) == wb["Svar"].max_row - 1

    expected = summary_table(view.responses, ["proposal_id"])
    rows = list(wb["Per förslag"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == list(expected["proposal_id"])
    for r, (_, e) in zip(rows, expected.iterrows()):
        assert list(r[3:8]) == [e["agree"], e["partly"], e["disagree"], e["no_position"], e["total"]]
        assert r[8] == pytest.approx(e["agree_share"]) and r[9] == pytest.approx(e["support_share"])
    svar = list(wb["Svar"].iter_rows(min_row=2, values_only=True))
    assert [r[11] for r in svar] == [int(x) for x in view.responses["row"]]
    assert {r[2] for r in svar} == {"Kommun", "Region"}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)

    # LibreOffice opens it (headless conversion fails on a file it cannot read).
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require(soffice is not None, "LibreOffice (soffice) is not installed; cannot check that the extract opens")
    path = tmp_path / "urval.xlsx"
    path.write_bytes(out)
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)},
    )
    pdf = tmp_path / "urval.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists() and pdf.stat().st_size > 10_000, (done.stdout, done.stderr)
    assert pdf.read_bytes().startswith(b"%PDF")
