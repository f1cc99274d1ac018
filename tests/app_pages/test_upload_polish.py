"""Ladda upp, polished: a name to start from, why Spara is off, the report's categories in words and as text."""
from __future__ import annotations

import io

import openpyxl
import pytest
import streamlit as st

from components.validation import TEXT_PROBLEMS, category_word
from exports.validation_report import report_xlsx
from loaders.load import load_bytes
from loaders.report import CATEGORIES
from support import sheets
from support.apptest import shown, widget
from tests.app_pages.test_upload import on_page, upload
from tests.app_pages.test_upload_safety import NEW_NAME, SAVE, upload_page

EXTRA = [["Testremiss", "Region Syd", "Region", "5.2.1", "Kanske", None],
         ["Testremiss", "Region Norr", "Region", "4.2", "Avstyrker", None]]


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def captions(at) -> list[str]:
    return [shown(c.value) for c in at.caption]


def page_text(at) -> str:
    return "\n".join(shown(m.value) for m in at.markdown)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_new_name_starts_as_the_consultation_and_saving_is_open(lang):
    at = upload(upload_page(lang), "svar.xlsx", sheets.workbook_with_extras())
    assert widget(at, "text_input", NEW_NAME[lang]).value == sheets.CONSULTATION
    assert not widget(at, "button", SAVE[lang]).disabled


def test_new_name_comes_from_the_file_when_the_sheet_has_two_consultations():
    rows = sheets.long_rows() + [["Annan remiss", "Region Syd", "Region", "1.1", "Avstyrker", None]]
    at = upload(upload_page(), "remissvar-mars.xlsx", sheets.xlsx({"Svar": rows}))
    assert widget(at, "text_input", NEW_NAME["sv"]).value == "remissvar-mars"


@pytest.mark.parametrize("lang, hint", [("sv", "Skriv ett namn på den nya datamängden för att kunna spara."),
                                        ("en", "Type a name for the new dataset to be able to save.")])
def test_an_empty_name_says_what_is_missing(lang, hint):
    at = upload(upload_page(lang), "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", NEW_NAME[lang]).input("").run()
    assert widget(at, "button", SAVE[lang]).disabled
    assert hint in captions(at)


@pytest.mark.parametrize("lang, hint", [("sv", "Välj ett annat namn för att kunna spara."),
                                        ("en", "Choose another name to be able to save.")])
def test_a_taken_name_says_choose_another(lang, hint):
    at = upload(upload_page(lang), "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", NEW_NAME[lang]).input("Först").run()
    widget(at, "button", SAVE[lang]).click().run()
    on_page(at, "upload")
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "radio", {"sv": "Spara som", "en": "Save as"}[lang]).set_value("new").run()
    widget(at, "text_input", NEW_NAME[lang]).input("Först").run()
    assert widget(at, "button", SAVE[lang]).disabled
    assert hint in captions(at)


@pytest.mark.parametrize("lang, words, hint", [
    ("sv", ["Ogiltigt värde", "Dubblett"], "Rätta felen i filen och ladda upp den igen för att kunna spara."),
    ("en", ["Invalid value", "Duplicate"], None),
])
def test_report_categories_in_words_on_screen_codes_in_the_download(lang, words, hint):
    bad = sheets.xlsx({"Svar": sheets.long_rows() + EXTRA})
    at = upload(upload_page(lang), "trasig.xlsx", bad)
    category = {"sv": "Kategori", "en": "Category"}[lang]
    assert list(at.dataframe[0].value[category]) == words
    if hint:
        assert hint in captions(at)
    ws = openpyxl.load_workbook(io.BytesIO(report_xlsx(load_bytes(bad, "trasig.xlsx").report, lang))).active
    cells = [c.value for row in ws.iter_rows() for c in row]
    assert "constraint-error" in cells and "unique-error" in cells
    assert not set(words) & set(cells)


def test_every_category_has_words_in_both_languages():
    for code in CATEGORIES:
        sv, en = category_word(code, "sv"), category_word(code, "en")
        assert code not in (sv, en) and sv != en, code
    assert (category_word("limit-error", "sv"), category_word("limit-error", "en")) == ("Över en gräns", "Over a limit")


@pytest.mark.parametrize("lang, lines", [
    ("sv", ["- Fel (Ogiltigt värde), blad Svar, rad 10, kolumn Ställningstagande: ",
            "- Fel (Dubblett), blad Svar, rad 11: "]),
    ("en", ["- Error (Invalid value), sheet Svar, row 10, column Ställningstagande: ",
            "- Error (Duplicate), sheet Svar, row 11: "]),
])
def test_problems_are_also_given_as_text(lang, lines):
    at = upload(upload_page(lang), "trasig.xlsx", sheets.xlsx({"Svar": sheets.long_rows() + EXTRA}))
    text = page_text(at)
    heading = {"sv": "De första 2 problemen som text", "en": "The first 2 problems as text"}[lang]
    assert heading in text
    listed = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(listed) == 2
    for line, start in zip(listed, lines):
        assert line.startswith(start), line
        assert len(line) > len(start) + 10  # the message follows


def test_text_list_stops_at_twenty_and_counts_the_rest():
    rows = sheets.long_rows() + [["Testremiss", f"Kommun {i}", "Kommun", "4.2", "Kanske", None] for i in range(25)]
    at = upload(upload_page(), "manga.xlsx", sheets.xlsx({"Svar": rows}))
    listed = [line for line in page_text(at).splitlines() if line.startswith("- Fel (Ogiltigt värde)")]
    assert len(listed) == TEXT_PROBLEMS == 20
    assert "rad 10," in listed[0] and "rad 29," in listed[-1]
    assert any(c.startswith("… och 5 till i tabellen ovan") for c in captions(at)), captions(at)


def test_text_list_shows_a_hostile_cell_as_typed():
    rows = sheets.long_rows() + [["Testremiss", "Region Syd", "Region", "4.2", "**Kanske** [x](https://ex.org)", None]]
    at = upload(upload_page(), "fientlig.xlsx", sheets.xlsx({"Svar": rows}))
    raw = "\n".join(m.value for m in at.markdown if m.value.startswith("- Fel"))
    assert "\\*\\*Kanske\\*\\*" in raw and "](" not in raw


def status_lines(status) -> list[str]:
    return [shown(m.value) for m in status.markdown]


@pytest.mark.parametrize("lang, reading, checking, comparing, label", [
    ("sv", "1. Läser filen svar.xlsx …", "2. Kontrollerar innehållet: 8 kodade svar, 0 fel, 0 varningar.",
     "3. Jämför med den aktiva versionen av Remissen (version 1) …",
     "svar.xlsx är läst, kontrollerad och jämförd med den aktiva versionen."),
    ("en", "1. Reading the file svar.xlsx …", "2. Checking the content: 8 coded answers, 0 errors, 0 warnings.",
     "3. Comparing with the active version of Remissen (version 1) …",
     "svar.xlsx has been read, checked and compared with the active version."),
])
def test_upload_shows_its_stages_in_a_status(lang, reading, checking, comparing, label):
    at = upload(upload_page(lang), "svar.xlsx", sheets.workbook_with_extras())
    [status] = at.status
    assert status_lines(status) == [reading, checking]
    assert status.state == "complete"
    widget(at, "text_input", NEW_NAME[lang]).input("Remissen").run()
    widget(at, "button", SAVE[lang]).click().run()
    on_page(at, "upload")
    upload(at, "svar.xlsx", sheets.workbook_with_extras())  # a second version of the same dataset: compared
    [status] = at.status
    assert status_lines(status) == [reading, checking, comparing]
    assert (shown(status.label), status.state) == (label, "complete")


def test_a_file_with_errors_ends_its_status_in_error():
    at = upload(upload_page(), "trasig.xlsx", sheets.xlsx({"Svar": sheets.long_rows() + EXTRA}))
    [status] = at.status
    assert status_lines(status)[1] == "2. Kontrollerar innehållet: 9 kodade svar, 2 fel, 0 varningar."
    assert (shown(status.label), status.state) == ("trasig.xlsx är läst och kontrollerad.", "error")
