"""Kodningsstöd: read a reply, review the suggestions with their evidence, save a version with provenance."""
from __future__ import annotations

import re

import pytest
import streamlit as st

from coding.batch import read_many, rows
from store import open_store
from store.coding import load_provenance
from support import corpus
from support.apptest import app, metrics, widget


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test has its own database, but cached datasets are keyed by version id: drop them after a save."""
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def on_page(at):
    return at.switch_page("app_pages/coding.py").run()


def demo_rows(names):
    from coding.proposals import lists_from_frame
    from loaders.load import load_path

    lists = lists_from_frame(load_path(corpus.ROOT / "data" / "demo.xlsx").data.proposals)
    files = [(f"{n}.txt", corpus.text_of(n).replace("\\f\n", "").encode("utf-8")) for n in names]
    readings, failures = read_many(files, lists)
    assert not failures
    return rows(readings)


def test_page_reads_an_uploaded_reply():
    at = on_page(app().run())
    assert not at.exception, at.exception
    assert at.title[0].value == "Kodningsstöd"
    at.file_uploader[0].upload("r21.txt", corpus.text_of("r21").encode("utf-8"), "text/plain").run()
    widget(at, "button", "Läs svaren").click().run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    assert frame["proposal_id"].tolist() == ["7.3.1", "7.3.2", "7.3.3"]
    assert frame["stance"].tolist() == ["Tillstyrker", "Avstyrker", "Tillstyrker"]
    assert frame["evidence"].iloc[1].startswith("Högskolan tillstyrker förslag 7.3.1 men avstyrker förslag 7.3.2")
    assert frame["review"].tolist() == [False, False, False]
    assert at.session_state["coding_rows"][1]["stance"] == "disagree"
    assert [(r["proposal_id"], r["stance"]) for r in at.session_state["coding_rows"]] == [
        ("7.3.1", "agree"), ("7.3.2", "disagree"), ("7.3.3", "agree")]


def test_review_filter_changes_and_save_with_provenance():
    found = demo_rows(["r09", "s04", "r21"])  # 2 + 2 + 3 rows; r09's weak 6.1.4 needs review
    at = app()
    at.session_state["coding_rows"] = found
    at.session_state["coding_final"] = {}
    at = on_page(at.run())
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 7
    widget(at, "toggle", "Visa bara rader att granska (1)").set_value(True).run()
    assert not at.exception, at.exception
    assert at.dataframe[0].value["proposal_id"].tolist() == ["6.1.4"]
    # The analyst changes 7.3.2 from disagree to partly and removes 6.1.4 (row 0 of r09).
    i_732 = next(i for i, r in enumerate(found) if r["proposal_id"] == "7.3.2")
    i_614 = next(i for i, r in enumerate(found) if r["proposal_id"] == "6.1.4")
    at.session_state["coding_final"] = {
        i_732: {"respondent": found[i_732]["respondent"], "respondent_type": found[i_732]["respondent_type"],
                "stance": "partly"},
        i_614: {"respondent": found[i_614]["respondent"], "respondent_type": found[i_614]["respondent_type"],
                "stance": None}}
    widget(at, "toggle", "Visa bara rader att granska (1)").set_value(False).run()
    m = metrics(at)
    assert m["Tillstyrker"] == "3 av 4 behållna" and m["Avstyrker"] == "2 av 3 behållna"
    assert m["F1"] == "0,77"  # 5 kept of 7 suggested and 6 saved: 2·(5/7)(5/6)/((5/7)+(5/6))
    widget(at, "text_input", "Namn på den nya datamängden").input("Kodat med stöd").run()
    widget(at, "button", "Godkänn och spara").click().run()
    assert not at.exception, at.exception
    assert any("Sparat: Kodat med stöd, version 1 (6 kodade svar)" in s.value for s in at.success)
    store = open_store()
    ds = store.dataset_by_name("Kodat med stöd")
    prov = load_provenance(store, ds.active_version_id)
    assert sorted(p["status"] for p in prov) == ["changed", "confirmed", "confirmed", "confirmed", "confirmed",
                                                  "confirmed", "removed"]
    data = store.load_version(ds.active_version_id).responses
    assert data.loc[data["proposal_id"] == "7.3.2", "stance"].astype(str).tolist() == ["partly"]
    assert "6.1.4" not in set(data["proposal_id"].astype(str))
    # The stored agreement is shown for the active (new) version.
    assert "Uppmätt överensstämmelse för den aktiva versionen" in [s.value for s in at.subheader]


def test_english_labels():
    at = app(lang="en")
    at.session_state["coding_rows"] = demo_rows(["r21"])
    at = on_page(at.run())
    assert not at.exception, at.exception
    assert at.title[0].value == "Coding assistant"
    assert metrics(at)["Agree"] == "2 of 2 kept"


def test_damaged_reply_gets_a_message_not_a_traceback():
    at = on_page(app().run())
    at.file_uploader[0].upload("trasig.pdf", b"%PDF-1.7 broken", "application/pdf").run()
    widget(at, "button", "Läs svaren").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "trasig.pdf: filen är skadad och kunde inte läsas. Spara den på nytt som PDF eller DOCX."]
    assert "Svaren berör inga av förslagen i listan; det finns inget att koda." in [i.value for i in at.info]


VASTERBOTTEN = ("Region Västerbotten\nYttrande\n\nRegionen tillstyrker förslag 5.1.3 och förslag 5.2.1.\n\n"
                "Regionen avstyrker förslag 6.1.1, eftersom ansvaret blir otydligt.\n")


def test_reading_shows_its_stages_and_a_limit_message():
    """st.status: reading N documents, suggesting, comparing with the active version (the demo); the zip
    bomb gets its limit message and the other two are still read."""
    from support.zipbomb import bomb_docx

    at = on_page(app().run())
    uploader = at.file_uploader[0]
    uploader.upload("r21.txt", corpus.text_of("r21").encode("utf-8"), "text/plain")
    uploader.upload("vasterbotten.txt", VASTERBOTTEN.encode("utf-8"), "text/plain")
    uploader.upload("bomb.docx", bomb_docx(200),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    at.run()
    widget(at, "button", "Läs svaren").click().run()
    assert not at.exception, at.exception
    status = at.status[0]
    assert status.label == "Klart: 6 föreslagna rader från 2 dokument, 1 kunde inte läsas"
    assert [m.value for m in status.markdown] == [
        "Läser 3 dokument", "Föreslår kodning för 2 dokument", "Jämför med den aktiva versionen",
        "Av 6 föreslagna rader finns 2 redan med samma ställningstagande i den aktiva versionen, 1 med ett "
        "annat och 3 inte alls."]
    (error,) = [e.value for e in at.error]  # the ratio is ~1,000 (it depends on the compressor)
    assert re.fullmatch(r"bomb\.docx: delen word/document\.xml packas upp till \d{3,4} gånger sin storlek; "
                        r"gränsen är 200 gånger\. Så ser en skadlig fil \(zip-bomb\) ut, inte ett Word-dokument\. "
                        r"Dokumentet läses inte\.", error)
    found = {(r["respondent"], r["proposal_id"]): r["stance"] for r in at.session_state["coding_rows"]}
    assert found[("Region Västerbotten", "6.1.1")] == "disagree" and len(found) == 6
