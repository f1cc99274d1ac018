"""`cli.py check` on messy CSV files: a located message and exit code 2, never "Internt fel"."""
import cli

HEADER = "Remiss;Remissinstans;Typ;Förslag;Ställningstagande;Kommentar\n"


def check(tmp_path, capsys, text: str, *args):
    path = tmp_path / "svar.csv"
    path.write_text(text, encoding="utf-8")
    code = cli.main(["check", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_150k_character_field_is_a_located_error(tmp_path, capsys):
    text = HEADER + "Testremiss;Region Norr;Region;4.2;Tillstyrker;" + "x" * 150_000 + "\n"
    code, out, err = check(tmp_path, capsys, text)
    assert code == 2 and err == ""
    assert "Internt fel" not in out
    assert ("  FEL format-error [rad 2]: Rad 2 har ett fält med mer än 32 767 tecken, mer än en Excel-cell rymmer."
            in out)


def test_unclosed_quote_in_english(tmp_path, capsys):
    text = HEADER + 'Testremiss;Region Norr;Region;4.2;Tillstyrker;"Bra\nTestremiss;Region Syd;Region;4.2;Ja;x\n'
    code, out, _ = check(tmp_path, capsys, text, "--lang", "en")
    assert code == 2
    assert "  ERROR format-error [row 2]: The quote opened on row 2 (text line 2) is never closed" in out


def test_near_duplicate_names_are_warnings_and_the_file_is_valid(tmp_path, capsys):
    text = HEADER + "Testremiss;Region Skåne;Region;4.2;Ja;\nTestremiss;Region Skane;Region;4.2;Nej;\n"
    code, out, _ = check(tmp_path, capsys, text)
    assert code == 0
    assert out.splitlines()[:2] == ["svar.csv: Giltig", "  2 rader, 2 instanser, 1 förslag"]
    assert "VARNING unique-error [rad 3, kolumn Remissinstans]: Är \"Region Skåne\" (rad 2) och" in out
