"""Upload safety on the page (issue 16): stale diffs, taken names, long names, full and read-only storage, audit.

Another session is played by a second Store on the same database, writing
between this session's look at the page and its click on Spara.
"""
from __future__ import annotations

import os
import subprocess

import pandas as pd
import pytest
import streamlit as st

from loaders.load import load_bytes
from store import open_store
from store.db import database_url_from_env
from support import sheets
from support.apptest import app, shown, widget
from tests._require import require
from tests.app_pages.test_upload import changed_workbook, on_page, upload

NEW_NAME = {"sv": "Namn på den nya datamängden", "en": "Name of the new dataset"}
SAVE = {"sv": "Spara", "en": "Save"}
READ_ONLY = "Kunde inte spara ändringen: databasen är skrivskyddad."


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


def upload_page(lang="sv"):
    at = app(**({"lang": "en"} if lang == "en" else {})).run()
    return on_page(at, "upload")


def messages(at) -> list[str]:
    return [shown(e.value) for kind in ("error", "warning", "success") for e in getattr(at, kind)]


def other_session_saves(name: str, new: bool = False):
    data = load_bytes(sheets.workbook_with_extras(), "annan.xlsx").data
    return open_store().save_version(name, data, "annan.xlsx", b"other", user="annan", new_dataset=new)


def test_save_from_a_stale_diff_is_refused_then_saved_deliberately():
    other_session_saves("Remissen", new=True)
    at = upload_page()
    upload(at, "svar-v2.xlsx", changed_workbook())
    assert [s.value for s in at.subheader if "Ändringar mot" in s.value] == ["Ändringar mot Remissen, version 1"]
    other_session_saves("Remissen")  # version 2, while this session looks at the diff against version 1
    widget(at, "button", "Spara").click().run()
    assert not at.exception
    assert any("Någon annan sparade version 2 av Remissen medan du granskade" in m for m in messages(at))
    assert [s.value for s in at.subheader if "Ändringar mot" in s.value] == ["Ändringar mot Remissen, version 2"]
    d = open_store().dataset_by_name("Remissen")
    assert (d.n_versions, d.active_version_number) == (2, 2)
    widget(at, "button", "Spara").click().run()  # seen the new diff: saved on purpose
    assert any("Sparat: Remissen, version 3" in m for m in messages(at))
    assert open_store().dataset_by_name("Remissen").n_versions == 3


@pytest.mark.parametrize("lang,expected", [
    ("sv", "Namnet är upptaget: det finns redan en datamängd som heter Samtidig."),
    ("en", "The name is taken: a dataset called Samtidig already exists."),
])
def test_name_taken_at_the_same_moment(lang, expected):
    at = upload_page(lang)
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", NEW_NAME[lang]).input("Samtidig").run()
    assert not widget(at, "button", SAVE[lang]).disabled
    other_session_saves("Samtidig", new=True)  # the other session wins the name first
    widget(at, "button", SAVE[lang]).click().run()
    assert not at.exception
    assert any(m.startswith(expected) for m in messages(at)), messages(at)
    d = open_store().dataset_by_name("Samtidig")
    assert (d.n_versions, d.created_by) == (1, "annan")


def test_deleted_name_gets_a_swedish_message():
    v = other_session_saves("Hemlig", new=True)
    open_store().soft_delete(v.dataset_id)
    at = upload_page()
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", NEW_NAME["sv"]).input("Hemlig").run()
    widget(at, "button", "Spara").click().run()
    assert not at.exception
    assert any(m.startswith("Namnet är upptaget av en borttagen datamängd, Hemlig.") for m in messages(at))
    assert not any("deleted" in m for m in messages(at))
    assert open_store().dataset_by_name("Hemlig").n_versions == 1


@pytest.mark.parametrize("lang,expected", [("sv", "Namnet är 250 tecken långt; högst 200 tecken går."),
                                           ("en", "The name is 250 characters long; at most 200 are allowed.")])
def test_name_of_250_characters(lang, expected):
    at = upload_page(lang)
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", NEW_NAME[lang]).input("Å" * 250).run()
    assert not at.exception
    assert any(m.startswith(expected) for m in messages(at)), messages(at)
    assert widget(at, "button", SAVE[lang]).disabled
    assert open_store().list_datasets(include_deleted=True) == []


def test_read_only_database_says_so(monkeypatch):
    path = database_url_from_env().removeprefix("sqlite:///")
    v1 = other_session_saves("Fast", new=True)
    monkeypatch.setenv("REMISSKOLLEN_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    at = upload_page()
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "radio", "Spara som").set_value("new").run()
    widget(at, "text_input", NEW_NAME["sv"]).input("Ny").run()
    widget(at, "button", "Spara").click().run()
    assert not at.exception
    assert any(m.startswith(READ_ONLY) for m in messages(at)), messages(at)
    monkeypatch.delenv("REMISSKOLLEN_DATABASE_URL")
    assert [d.name for d in open_store().list_datasets(include_deleted=True)] == ["Fast"]
    assert open_store().dataset_by_name("Fast").active_version_id == v1.id


def test_full_disk_says_so(tmp_path, monkeypatch):
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    require(os.geteuid() == 0, "mounting a tiny tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(tiny)], capture_output=True)
    require(mounted.returncode == 0, "cannot mount a tmpfs here")
    try:
        monkeypatch.setenv("REMISSKOLLEN_DATA_DIR", str(tiny))
        v1 = other_session_saves("Liten", new=True)
        at = upload_page()
        upload(at, "svar.xlsx", sheets.workbook_with_extras())
        with open(tiny / "filler", "wb", buffering=0) as f:  # the disk fills up while the user looks at the page
            try:
                while True:
                    f.write(b"\0" * 4096)
                    f.flush()
            except OSError:
                pass
        widget(at, "radio", "Spara som").set_value("new").run()
        widget(at, "text_input", NEW_NAME["sv"]).input("Ny").run()
        widget(at, "button", "Spara").click().run()
        assert not at.exception
        assert any(m.startswith("Kunde inte spara ändringen: lagringen är full.") for m in messages(at)), messages(at)
        (tiny / "filler").unlink()
        assert [d.name for d in open_store().list_datasets(include_deleted=True)] == ["Liten"]
        assert open_store().verify(v1.id)
    finally:
        st.cache_resource.clear()
        subprocess.run(["umount", "-l", str(tiny)], check=False)


@pytest.mark.parametrize("lang,expected", [("sv", "Största filstorlek: 200 MB."), ("en", "Largest file: 200 MB.")])
def test_size_cap_is_stated_in_the_page_language(lang, expected):
    at = upload_page(lang)
    assert any(shown(c.value).startswith(expected) for c in at.caption)
    assert at.file_uploader[0].proto.max_upload_size_mb == 200


def test_audit_trail_records_session_and_client():
    at = upload_page()
    upload(at, "svar.xlsx", sheets.workbook_with_extras())
    widget(at, "text_input", NEW_NAME["sv"]).input("Spårbar").run()
    widget(at, "button", "Spara").click().run()
    on_page(at, "datasets")
    audit = pd.DataFrame(at.dataframe[-1].value)
    row = audit.iloc[0]
    assert (row["Händelse"], row["Användare"], row["Klientadress"]) == ("uppladdning", "anonym", "lokal")
    assert len(row["Session"]) == 12 and int(row["Session"], 16) >= 0
    entry = open_store().audit_log()[-1]
    assert entry.session == row["Session"] and entry.client is None


def test_delete_on_a_read_only_database_says_so(monkeypatch):
    path = database_url_from_env().removeprefix("sqlite:///")
    other_session_saves("Fast", new=True)
    monkeypatch.setenv("REMISSKOLLEN_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    at = on_page(app().run(), "datasets")
    widget(at, "checkbox", "Jag vill ta bort Fast").check().run()
    widget(at, "button", "Ta bort datamängden").click().run()
    assert not at.exception
    assert any(m.startswith(READ_ONLY) for m in messages(at)), messages(at)
    monkeypatch.delenv("REMISSKOLLEN_DATABASE_URL")
    assert not open_store().dataset_by_name("Fast").is_deleted



@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_store_refusal_has_its_own_message(lang):
    """The race the page cannot stage (a dataset deleted between render and click) and every other refusal."""
    from components.saving import store_message
    from store.errors import (
        DatasetDeleted,
        DatasetNotFound,
        NameTaken,
        NameTooLong,
        StorageFull,
        StoreBusy,
        StoreError,
        StoreReadOnly,
        VersionConflict,
    )

    refusals = [StoreBusy(), NameTaken("Hemlig"), NameTaken("Hemlig", deleted=True), NameTooLong("x" * 250, 200),
                VersionConflict("Hemlig", 1, 2, 2), DatasetDeleted("dataset 'Hemlig' is deleted"),
                DatasetNotFound("no dataset"), StorageFull(), StoreReadOnly(), StoreError("boom")]
    texts = [shown(store_message(exc, lang, "Hemlig")) for exc in refusals]
    assert len(set(texts)) == len(texts)
    assert not any("boom" in m or "dataset 'Hemlig'" in m for m in texts)  # no raw exception text
    if lang == "sv":
        assert texts[5] == ("Datamängden Hemlig är borttagen. En administratör kan återställa den på Datamängder; "
                            "inget har sparats.")
        assert texts[3].startswith("Namnet är 250 tecken långt")
    else:
        assert texts[5].startswith("The dataset Hemlig is deleted.")
