"""A large extract shows its stages (issue 14): prepared on request inside an st.status, then downloaded."""
from __future__ import annotations

import io

import openpyxl
import pytest

from components import download
from support.apptest import metrics, shown, widget

NBSP = "\xa0"


def sidebar_buttons(at) -> list[str]:
    return [b.label for b in at.sidebar.button]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_large_extract_is_prepared_with_its_stages(ui, monkeypatch, lang):
    monkeypatch.setattr(download, "PREPARE_ROWS", 100)  # the demo's answers stand in for 100 000
    at = ui.open(None, **({"lang": "en"} if lang == "en" else {}))
    n = metrics(at)["Kodade svar" if lang == "sv" else "Coded answers"]
    prepare = {"sv": f"Förbered urvalet i Excel ({n} rader)", "en": f"Prepare the selection in Excel ({n} rows)"}[lang]
    ready = {"sv": "Ladda ner urval (Excel)", "en": "Download selection (Excel)"}[lang]
    assert prepare in sidebar_buttons(at)
    assert ready not in [b.label for b in at.sidebar.get("download_button")]  # nothing built before the click
    widget(at.sidebar, "button", prepare).click().run()
    assert not at.exception
    [status] = at.sidebar.status
    stages = [shown(m.value) for m in status.markdown]
    assert stages == ({"sv": [f"1. Väljer ut {n} kodade svar enligt filtren …", "2. Skriver arbetsboken …"],
                       "en": [f"1. Selecting {n} coded answers by the filters …", "2. Writing the workbook …"]}[lang])
    assert status.state == "complete"
    done = {"sv": "Urvalet är klart att ladda ner (", "en": "The selection is ready to download ("}[lang]
    assert shown(status.label).startswith(done) and shown(status.label).endswith(" MB).")
    assert ready in [b.proto.label for b in at.sidebar.get("download_button")]
    at.run()  # the next run serves the same bytes without building again
    assert ready in [b.proto.label for b in at.sidebar.get("download_button")]
    assert prepare not in sidebar_buttons(at)


def test_small_extract_downloads_directly(ui):
    at = ui.open(None)
    assert not [b for b in sidebar_buttons(at) if b.startswith("Förbered")]
    assert "Ladda ner urval (Excel)" in [b.proto.label for b in at.sidebar.get("download_button")]


def test_prepared_bytes_are_the_extract(ui, monkeypatch):
    monkeypatch.setattr(download, "PREPARE_ROWS", 100)
    at = ui.open(None)
    label = next(b for b in sidebar_buttons(at) if b.startswith("Förbered"))
    widget(at.sidebar, "button", label).click().run()
    held = at.session_state["_prepared_extract"][1]
    wb = openpyxl.load_workbook(io.BytesIO(held), read_only=True)
    n = int(metrics(at)["Kodade svar"].replace(NBSP, ""))
    assert "Svar" in wb.sheetnames
    assert wb["Svar"].max_row - 1 == n
