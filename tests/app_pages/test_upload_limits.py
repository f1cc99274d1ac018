"""Upload page and hostile files: refused with a message naming the limit, stored data untouched, capped lists."""
import hashlib
import os
from pathlib import Path

from support import hostile_files as hostile
from support import sheets
from support.apptest import app, metrics, shown, widget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NBSP = "\xa0"


def on_page(at, page):
    return at.switch_page(f"app_pages/{page}.py").run()


def upload(at, name, content):
    at.file_uploader[0].upload(name, content, XLSX).run()
    assert not at.exception, at.exception
    return at


def stored_bytes() -> dict[str, str]:
    """sha256 of every file under the data directory (the SQLite database and anything beside it)."""
    root = Path(os.environ["REMISSKOLLEN_DATA_DIR"])
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_refused_uploads_leave_the_store_byte_for_byte_unchanged():
    at = on_page(app().run(), "upload")
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", "Namn på den nya datamängden").input("Remissen").run()
    widget(at, "button", "Spara").click().run()
    on_page(at, "overview")
    figures = metrics(at)
    before = stored_bytes()
    assert any(name.endswith((".db", ".sqlite", ".sqlite3")) for name in before), before

    for name, data, expect in [
        ("ströcell.xlsx", hostile.stray_cell_xlsx(sheet="Kommuner"),
         "Cell XFD1048576 på bladet Kommuner ligger långt utanför data (A1:E120). Ta bort den"),
        ("bomb.xlsx", hostile.bomb_xlsx(300), "Delen xl/worksheets/sheet1.xml i filen bomb.xlsx packas upp till"),
        ("delar.xlsx", hostile.many_entries_xlsx(12_000), f"Filen delar.xlsx innehåller 12{NBSP}005 delar"),
    ]:
        at = on_page(at, "upload")
        upload(at, name, data)
        assert shown(at.error[0].value) == \
            f"{name} har 1 fel som måste rättas innan filen kan sparas. Inget har sparats."
        assert shown(at.error[1].value).startswith(expect)
        problems = at.dataframe[0].value
        assert list(problems["Kategori"]) == ["Över en gräns"]
        assert problems["Meddelande"].iloc[0].startswith(expect), problems["Meddelande"].iloc[0]
        assert not [b for b in at.button if b.label == "Spara"]  # unreadable: the page stops before saving
        assert stored_bytes() == before
    on_page(at, "overview")
    assert metrics(at) == figures


def test_the_stray_cell_message_in_english():
    at = on_page(app(lang="en").run(), "upload")
    upload(at, "stray.xlsx", hostile.stray_cell_xlsx())
    problems = at.dataframe[0].value
    assert problems.iloc[0].tolist()[-1] == (
        "Cell XFD1048576 on the sheet Svar lies far outside the data (A1:E120). Remove it (select the cell, "
        "press Delete and save). Cells far out: XFD1048576.")


def test_fifty_thousand_problems_show_two_hundred_and_a_count():
    rows = [["Remissinstans", "Förslag", "Ställningstagande"]]
    rows += [[f"Instans nr {i}", "4.1", "Tillstyrker"] for i in range(50_000)]
    at = on_page(app().run(), "upload")
    upload(at, "många.xlsx", hostile.workbook(hostile.sheet_xml(rows)))
    assert metrics(at)["Varningar"] == f"50{NBSP}000"
    table = at.dataframe[0].value
    assert len(table) == 200 and set(table["Kategori"]) == {"Ogiltigt värde"}
    assert table["Meddelande"].iloc[0] == ('Typ saknas för "Instans nr 0" och kan inte utläsas ur namnet; '
                                           "räknas som Övrig.")
    captions = [c.value for c in at.caption]
    assert (f"… och 49{NBSP}800 till av samma slag (Ogiltigt värde). Alla finns i den nedladdningsbara "
            "rapporten.") in captions
    assert "Ladda ner rapporten (Excel)" in [b.label for b in at.download_button]
