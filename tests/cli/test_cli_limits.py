"""Every CLI subcommand that reads a file parses it in the capped child; long problem lists are capped on screen."""
import json

import pytest

import cli
from support import hostile_files as hostile

NBSP = "\xa0"


def run(tmp_path, capsys, *args, name="svar.xlsx", data=b""):
    path = tmp_path / name
    path.write_bytes(data)
    code = cli.main([args[0], str(path), *args[1:]])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("command", [["check"], ["summary"], ["contrast"], ["export", "--out", "OUT"]])
def test_every_subcommand_refuses_a_stray_cell_in_words(tmp_path, capsys, command):
    command = [str(tmp_path / "ut.xlsx") if c == "OUT" else c for c in command]
    code, out, err = run(tmp_path, capsys, *command, data=hostile.stray_cell_xlsx(sheet="Kommuner"))
    assert code == 2
    text = out + err
    assert ("  FEL limit-error [blad Kommuner]: Cell XFD1048576 på bladet Kommuner ligger långt utanför data "
            "(A1:E120). Ta bort den") in text
    assert "Traceback" not in text and not (tmp_path / "ut.xlsx").exists()


def test_a_reader_abort_is_the_memory_limit_and_the_cli_survives(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REMISSKOLLEN_MAX_CELLS", str(10**15))
    monkeypatch.setenv("REMISSKOLLEN_MAX_COLUMNS", "20000")
    monkeypatch.setenv("REMISSKOLLEN_PARSE_MEMORY_MB", "1536")
    code, out, _ = run(tmp_path, capsys, "check", "--lang", "en", name="stray.xlsx", data=hostile.stray_cell_xlsx())
    assert code == 2
    assert out.splitlines() == [
        "stray.xlsx: Invalid",
        "  ERROR limit-error: The file stray.xlsx could not be read: it needed more than 1,536 MB of memory, the "
        "limit for one upload. Split the sheet into smaller files, or remove empty rows and columns far out in the "
        "sheet."]


def test_the_time_limit_is_named(tmp_path, capsys, monkeypatch):
    import loaders.guard as guard

    monkeypatch.setattr(guard, "_load", hostile.sleep_load)
    monkeypatch.setenv("REMISSKOLLEN_PARSE_SECONDS", "1")
    code, out, _ = run(tmp_path, capsys, "check", name="slow.xlsx", data=b"x")
    assert code == 2
    assert "  FEL limit-error: Filen slow.xlsx kunde inte läsas: läsningen tog mer än 1 s" in out


def test_fifty_thousand_problems_are_capped_in_text_and_complete_in_json(tmp_path, capsys):
    rows = [["Remissinstans", "Förslag", "Ställningstagande"]]
    rows += [[f"Instans nr {i}", "4.1", "Tillstyrker"] for i in range(50_000)]
    data = hostile.workbook(hostile.sheet_xml(rows))
    code, out, _ = run(tmp_path, capsys, "check", data=data)
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "  50000 rader, 50000 instanser, 1 förslag"
    assert sum(line.startswith("  VARNING constraint-error") for line in lines) == 200
    assert lines[-1] == f"  … och 49{NBSP}800 till av samma slag (constraint-error). Alla visas med --format json."
    assert len(lines) == 2 + 200 + 1
    code, out, _ = run(tmp_path, capsys, "check", "--format", "json", "--lang", "en", data=data)
    problems = json.loads(out)["problems"]
    assert len(problems) == 50_000
    assert {p["category"] for p in problems} == {"constraint-error"}
    assert len({p["message"] for p in problems}) == 50_000  # every respondent named once
    assert ('Type is missing for "Instans nr 49999" and cannot be read from the name; counted as Övrig (Other).'
            in {p["message"] for p in problems})
