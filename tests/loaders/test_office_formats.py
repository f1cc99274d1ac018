"""The same coded sheet saved by LibreOffice as .ods and .xls loads to the same figures."""
import shutil
import subprocess

import pytest
from _require import require

import cli
from support import sheets


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require(soffice is not None, "LibreOffice not found (apt-get install libreoffice-calc-nogui)")
    out = tmp_path_factory.mktemp("office")
    src = out / "svar.xlsx"
    src.write_bytes(sheets.workbook_with_extras())
    profile = out / "profile"
    for fmt in ("ods", "xls"):
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=120)
    return out


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_libreoffice_formats_give_same_summary(converted, ext, capsys):
    path = converted / f"svar.{ext}"
    assert path.exists()
    assert cli.main(["summary", str(path)]) == 0
    assert capsys.readouterr().out == sheets.SUMMARY_CSV
    assert cli.main(["check", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"rows": 8' in out and '"respondents": 3' in out and '"problems": []' in out
