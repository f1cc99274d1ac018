"""Sammanställning: the generated draft, an edit that survives a restart and a new upload, flagged when its
numbers change."""
import hashlib
import io

import openpyxl
import streamlit as st

from analysis.draft import build_draft
from analysis.filters import Filters
from i18n.draft_sentences import paragraph
from loaders.load import load_path
from support import sheets
from support.apptest import app, widget

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def on_page(at, page):
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def upload_and_save(at, name, content, new_name=None):
    on_page(at, "upload")
    at.file_uploader[0].upload(name, content, XLSX).run()
    if new_name:
        widget(at, "text_input", "Namn på den nya datamängden").input(new_name).run()
    widget(at, "button", "Spara").click().run()
    assert not at.exception, at.exception
    assert any("Sparat: Testremissen" in s.value for s in at.success), [s.value for s in at.success]


def changed_workbook() -> bytes:
    """The fixture with Region Syd on 4.10 changed from agree to disagree."""
    wb = openpyxl.load_workbook(io.BytesIO(sheets.workbook_with_extras()))
    for row in wb["Svar"].iter_rows(min_row=2):
        if row[1].value == "Region Syd" and row[2].value == "4.10":
            row[3].value = "Avstyrker"
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue()


def key_of(consultation, pid):
    return hashlib.sha256(f"{consultation}\x1f{pid}".encode()).hexdigest()[:12]


def test_demo_draft_page_shows_every_proposal_with_its_paragraph():
    at = on_page(app().run(), "draft")
    assert at.title[0].value == "Sammanställning"
    # The sidebar selects the first consultation (the national plan, 25 proposals) by default.
    demo = build_draft(load_path("data/demo.xlsx").data, Filters(consultation=PLAN))
    areas = {a.label: a.value for a in at.text_area}
    assert len(areas) == len(demo.proposals) == 25
    p = demo.proposals[0]
    assert areas[f"Text för förslag {p.proposal_id}"] == paragraph(p, "sv", "words")
    assert [e.label for e in at.expander].count("Raderna bakom siffrorna och namnen") == 25
    # The rows are drawn only in an open expander (closed, a hundred tables would cost seconds per rerun).
    assert not at.expander[0].dataframe
    at.session_state[f"draft-rows-{key_of(p.consultation, p.proposal_id)}-open"] = True
    at.run()
    assert len(at.expander[0].dataframe) == 1 and not at.expander[1].dataframe
    rows = at.expander[0].dataframe[0].value
    assert len(rows) == p.addressed and set(rows["Rad"]) == {m.ref.row for g in p.groups for m in g.members}
    # Counts style and English
    at.radio(key="draft_style").set_value("counts").run()
    assert at.text_area[0].value == paragraph(p, "sv", "counts")


def test_edit_survives_restart_and_new_upload_and_is_flagged_when_numbers_change():
    at = app().run()
    upload_and_save(at, "svar.xlsx", sheets.workbook_with_extras(), new_name="Testremissen")
    on_page(at, "draft")
    area = widget(at, "text_area", "Text för förslag 4.10")
    assert area.value.startswith("En remissinstans tillstyrker förslaget: Region Syd.")
    area.input("Min egen text om arbetsmiljön.").run()
    at.button(key=f"draft-save-{key_of(sheets.CONSULTATION, '4.10')}").click().run()
    assert not at.exception, at.exception
    assert "Texten för förslag 4.10 är sparad." in [s.value for s in at.success]

    # Restart: caches dropped, a new session on the same data directory.
    st.cache_resource.clear()
    st.cache_data.clear()
    again = on_page(app(ds="1").run(), "draft")
    assert widget(again, "text_area", "Text för förslag 4.10").value == "Min egen text om arbetsmiljön."
    assert widget(again, "text_area", "Text för förslag 4.2").value.startswith("De flesta remissinstanserna")
    assert any(c.value.startswith("Redigerad text, sparad ") and c.value.endswith("mot version 1.")
               for c in again.caption)
    assert not [w.value for w in again.warning if "har ändrats" in w.value]

    # A new upload of the same dataset: the edit is kept and flagged, with the difference.
    upload_and_save(again, "svar-v2.xlsx", changed_workbook())
    on_page(again, "draft")
    assert widget(again, "text_area", "Text för förslag 4.10").value == "Min egen text om arbetsmiljön."
    warnings = [w.value for w in again.warning]
    assert "En redigerad text bygger på siffror som har ändrats: 4.10." in warnings
    assert ("Siffrorna för förslag 4.10 har ändrats sedan texten redigerades (mot version 1). Kontrollera texten "
            "eller skapa den på nytt.") in warnings
    changes = next(d.value for d in again.dataframe if "Uppgift" in d.value.columns)
    assert changes.values.tolist()[:3] == [
        ["Tillstyrker", "1", "0"], ["Avstyrker", "2", "3"],
        ["Avstyrker (namn)", "Region Norr och Ludvika kommun", "Region Norr, Region Syd och Ludvika kommun"]]

    # Regenerate: the generated text comes back and the flag goes.
    again.button(key=f"draft-reset-{key_of(sheets.CONSULTATION, '4.10')}").click().run()
    assert widget(again, "text_area", "Text för förslag 4.10").value.startswith(
        "Ingen remissinstans tillstyrker förslaget.")
    assert not [w.value for w in again.warning if "har ändrats" in w.value]


def test_english_page_gives_the_english_paragraph():
    at = on_page(app(lang="en").run(), "draft")
    assert at.title[0].value == "Summary draft"
    p = build_draft(load_path("data/demo.xlsx").data, Filters(consultation=PLAN)).proposals[0]
    assert widget(at, "text_area", f"Text for proposal {p.proposal_id}").value == paragraph(p, "en", "words")
    assert "Download the draft (Word)" in [b.proto.label for b in at.main.get("download_button")]


def test_a_long_draft_is_shown_fifty_proposals_at_a_time():
    """Above 50 proposals the page draws one part at a time (each paragraph is a text area)."""
    rows = [["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande"]]
    rows += [["Långa remissen", body, kind, str(n), "Tillstyrker" if n % 3 else "Avstyrker"]
             for n in range(1, 61) for body, kind in (("Region Norr", "Region"), ("Ludvika kommun", "Kommun"))]
    at = app().run()
    upload_and_save(at, "lang.xlsx", sheets.xlsx({"Svar": rows}), new_name="Testremissen, lång")
    on_page(at, "draft")
    assert not at.exception, at.exception
    assert [a.label for a in at.text_area][:2] == ["Text för förslag 1", "Text för förslag 2"]
    assert len(at.text_area) == 50
    pick = at.selectbox(key="draft_page")
    assert pick.options == ["1–50 av 60 (förslag 1 till 50)", "51–60 av 60 (förslag 51 till 60)"]
    pick.set_value(50).run()
    assert [a.label for a in at.text_area] == [f"Text för förslag {n}" for n in range(51, 61)]
