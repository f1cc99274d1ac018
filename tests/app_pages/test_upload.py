"""Upload page and Datasets page: validated, versioned, kept."""
import io

import openpyxl
import pandas as pd
import streamlit as st

from support import sheets
from support.apptest import app, metrics, shown, widget

NBSP = "\xa0"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def on_page(at, page):
    return at.switch_page(f"app_pages/{page}.py").run()


def upload(at, name, content):
    at.file_uploader[0].upload(name, content, XLSX).run()
    assert not at.exception, at.exception
    return at


def changed_workbook() -> bytes:
    """The fixture with one stance changed (Region Syd 4.10: agree -> disagree)."""
    wb = openpyxl.load_workbook(io.BytesIO(sheets.workbook_with_extras()))
    ws = wb["Svar"]
    for row in ws.iter_rows(min_row=2):
        if row[1].value == "Region Syd" and row[2].value == "4.10":
            row[3].value = "Avstyrker"
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue()


def save_new(at, name):
    widget(at, "text_input", "Namn på den nya datamängden").input(name).run()
    button = widget(at, "button", "Spara")
    assert not button.disabled
    button.click().run()
    assert not at.exception, at.exception
    return at


def test_valid_upload_saved_and_shown_everywhere():
    at = on_page(app().run(), "upload")
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    m = metrics(at)
    assert (m["Kodade svar"], m["Instanser"], m["Förslag"], m["Fel"], m["Varningar"]) == ("8", "3", "3", "0", "0")
    assert [shown(s.value) for s in at.success] == ["svar.xlsx kan sparas."]
    preview = at.dataframe[0].value
    assert len(preview) == 8 and list(preview["Förslag"].head(3)) == ["4.2", "4.10", "5.2.1"]
    save_new(at, "Testremissen")
    assert any("Sparat: Testremissen, version 1 (8 kodade svar)" in shown(s.value) for s in at.success)
    # Every page now shows the new figures: the overview of the uploaded data.
    on_page(at, "overview")
    assert metrics(at) == {"Svarande instanser": "3", "Förslag": "3", "Kodade svar": "8",
                           "Tillstyrker": f"50{NBSP}%"}
    assert not at.info or "Exempeldata" not in at.info[0].value
    assert at.query_params["ds"] in ("1", ["1"])

    # A second version: the diff is shown before saving.
    on_page(at, "upload")
    upload(at, "svar-v2.xlsx", changed_workbook())
    assert widget(at, "radio", "Spara som").value == "existing"
    diff_text = "\n".join(m.value for m in at.markdown)
    assert "0 kodningar tillkommer, 0 försvinner och 1 byter ställningstagande" in diff_text
    changed = [e for e in at.expander if e.label.startswith("Ändrat ställningstagande")][0]
    row = changed.dataframe[0].value.iloc[0]
    assert (row["Remissinstans"], row["Förslag"], row["Från"], row["Till"]) == \
        ("Region Syd", "4.10", "Tillstyrker", "Avstyrker")
    widget(at, "button", "Spara").click().run()
    on_page(at, "overview")
    assert metrics(at)["Tillstyrker"] == f"38{NBSP}%"  # 3 of 8

    # "Restart": drop every cache and open a new session on the same database.
    st.cache_resource.clear()
    st.cache_data.clear()
    again = on_page(app().run(), "datasets")
    versions = again.expander[0].dataframe[0].value
    assert list(versions["Version"]) == [2, 1]
    assert list(versions["Fil"]) == ["svar-v2.xlsx", "svar.xlsx"]
    audit = again.dataframe[-1].value
    assert list(audit["Händelse"]) == ["uppladdning", "uppladdning"]


def test_invalid_upload_blocks_saving_and_keeps_figures():
    at = app().run()
    before = metrics(at)
    on_page(at, "upload")
    extra = [["Testremiss", "Region Syd", "Region", "5.2.1", "Kanske", None],
             ["Testremiss", "Region Norr", "Region", "4.2", "Avstyrker", None]]
    bad = sheets.xlsx({"Svar": sheets.long_rows() + extra})
    upload(at, "trasig.xlsx", bad)
    assert metrics(at)["Fel"] == "2"
    assert shown(at.error[0].value).startswith("trasig.xlsx har 2 fel")
    problems = at.dataframe[0].value
    assert list(problems["Rad"]) == [10, 11]
    assert list(problems["Kolumn"]) == ["Ställningstagande", ""]
    assert list(problems["Kategori"]) == ["Ogiltigt värde", "Dubblett"]
    widget(at, "text_input", "Namn på den nya datamängden").input("Trasig").run()
    assert widget(at, "button", "Spara").disabled
    assert "Ladda ner rapporten (Excel)" in [b.label for b in at.download_button]
    on_page(at, "overview")
    assert metrics(at) == before


def test_restore_and_soft_delete():
    at = on_page(app().run(), "upload")
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    save_new(at, "Remissen")
    on_page(at, "upload")
    upload(at, "svar-v2.xlsx", changed_workbook())
    widget(at, "button", "Spara").click().run()
    on_page(at, "datasets")
    widget(at, "selectbox", "Version").set_value(1).run()
    widget(at, "button", "Gör version 1 aktiv").click().run()
    assert "Remissen: version 1 är aktiv igen." in [shown(s.value) for s in at.success]
    on_page(at, "overview")
    assert metrics(at)["Tillstyrker"] == f"50{NBSP}%"
    on_page(at, "datasets")
    widget(at, "checkbox", "Jag vill ta bort Remissen").check().run()
    widget(at, "button", "Ta bort datamängden").click().run()
    assert "Remissen är borttagen. En administratör kan återställa den." in [shown(s.value) for s in at.success]
    audit = pd.DataFrame(at.dataframe[-1].value)
    assert list(audit["Händelse"]) == ["borttagning", "återställd version", "uppladdning", "uppladdning"]
    on_page(at, "overview")
    assert "Exempeldata" in at.info[0].value
    on_page(at, "datasets")
    widget(at, "button", "Återställ Remissen").click().run()
    assert "Remissen är återställd." in [shown(s.value) for s in at.success]
