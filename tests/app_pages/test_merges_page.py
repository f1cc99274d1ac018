"""Upload page: a confirmed merge is stored with the dataset, survives a restart and is applied again."""
import pytest
import streamlit as st

from support import sheets
from support.apptest import app, metrics, widget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEAD = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande"]
ROWS = [
    ["R", "Region Stockholm", "Region", "1", "Tillstyrker"],
    ["R", "Region Stockholm", "Region", "2", "Avstyrker"],
    ["R", "Region Stockhlm", "Region", "3", "Tillstyrker"],  # a typo: asked about, merged on confirmation
    ["R", "Vårdföreningen Norr", "Organisation", "1", "Avstyrker"],
    ["R", "Vårdförening Norr", "Organisation", "2", "Tillstyrker"],  # another body: the pair is rejected
]
# (Names that differ only in case or spacing are one body already when the sheet is read.)
PAIR = '"Region Stockhlm" (1 svar) = "Region Stockholm" (2 svar)?'
OTHER = '"Vårdföreningen Norr" (1 svar) = "Vårdförening Norr" (1 svar)?'


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Version keys ("version:1") repeat across tests' throwaway databases: drop cached frames around this test."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def upload(at, name):
    at.switch_page("app_pages/upload.py").run()
    at.file_uploader[0].upload(name, sheets.xlsx({"Svar": [HEAD] + ROWS}), XLSX).run()
    assert not at.exception, at.exception
    return at


def radio_labels(at):
    return [r.label for r in at.radio]


def test_confirmed_merge_survives_a_restart_and_is_applied_without_asking():
    at = upload(app().run(), "svar.xlsx")
    assert PAIR in radio_labels(at)
    pair = widget(at, "radio", PAIR)
    assert pair.value == "undecided"
    assert "2 par väntar på beslut. Obestämda par räknas som olika instanser." in [c.value for c in at.caption]
    pair.set_value("merge").run()
    widget(at, "radio", OTHER).set_value("reject").run()
    widget(at, "text_input", "Namn på den nya datamängden").input("Sammanslaget").run()
    widget(at, "button", "Spara").click().run()
    assert not at.exception, at.exception
    assert any(s.value.endswith("2 beslut om sammanslagning sparades.") for s in at.success)
    at.switch_page("app_pages/overview.py").run()
    assert metrics(at)["Svarande instanser"] == "3"  # Region Stockholm and the two Vård… bodies

    # Restart: every cache dropped, a new session on the same database.
    st.cache_resource.clear()
    st.cache_data.clear()
    again = upload(app().run(), "svar-igen.xlsx")
    assert widget(again, "radio", "Spara som").value == "existing"
    assert PAIR not in radio_labels(again) and OTHER not in radio_labels(again)
    assert [i.value for i in again.info if "sammanslagningar" in i.value] == [
        '1 sparade sammanslagningar för datamängden används: "Region Stockhlm" → "Region Stockholm".']
    # The stored version 1 was saved merged, so the merged re-upload changes nothing.
    assert "Inga ändringar jämfört med den aktiva versionen." in [i.value for i in again.info]
    widget(again, "button", "Spara").click().run()
    assert not again.exception, again.exception
    again.switch_page("app_pages/overview.py").run()
    assert metrics(again)["Svarande instanser"] == "3"
    assert metrics(again)["Kodade svar"] == "5"
    # The decision is in the Datamängder page's audit log, with who and when.
    again.switch_page("app_pages/datasets.py").run()
    audit = again.dataframe[-1].value
    # Newest first: the second upload, the merge recorded with the first save, the first upload.
    assert sorted(audit["Händelse"]) == sorted([
        "uppladdning", 'sammanslagning 1: "Region Stockhlm" räknas som "Region Stockholm"',
        'avvisat par 2: "Vårdföreningen Norr" och "Vårdförening Norr" är olika', "uppladdning"])
    assert list(audit["Händelse"])[0] == "uppladdning" and list(audit["Händelse"])[-1] == "uppladdning"
    assert list(audit["Datamängd"]) == ["Sammanslaget"] * 4
