"""Roles in the app: with a login configured, every change to the store needs the right role.

A viewer (not logged in, or logged in but on no list) reads everything and
changes nothing; an editor uploads, restores, deletes, saves drafts and
codings; only an admin restores a deleted dataset. Each mutating action is
tried by both roles. A disabled button is not the protection: the check is
made where the change is made, so a request that reaches the server anyway
changes nothing (``test_changes_made_past_the_buttons_are_refused`` calls
the write functions directly, in a real script run with the viewer's login).
"""
from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from store import open_store
from store.backup import table_checksums
from support import sheets
from support.apptest import app, shown, widget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EDITOR, VIEWER, ADMIN = "anna@enhet.example.se", "bo@annan.example.se", "it@example.se"
REFUSED_VIEWER = f"{VIEWER} är läsare och får inte ändra här. Be en administratör att lägga till dig som redaktör."
LOGIN_FIRST = "Logga in för att ändra något. Utan inloggning kan du läsa alla sidor och ladda ner utdrag."


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def stored():
    """Two datasets: "Planen" with two versions (2 active), and "Gammal", deleted."""
    from loaders.load import load_bytes

    store = open_store()
    data = load_bytes(sheets.workbook_with_extras(), "svar.xlsx").data
    store.save_version("Planen", data, "svar.xlsx", b"v1", user="x")
    store.save_version("Planen", data, "svar.xlsx", b"v2", user="x")
    old = store.save_version("Gammal", data, "gammal.xlsx", b"g", user="x")
    store.soft_delete(old.dataset_id, user="x")
    return store


def session(email: str | None):
    """The app with a login configured, as ``email`` (None: not logged in)."""
    at = app()
    at.secrets["auth"] = {"redirect_uri": "http://localhost/oauth2callback", "cookie_secret": "test",
                          "client_id": "c", "client_secret": "s",
                          "server_metadata_url": "http://localhost/.well-known/openid-configuration"}
    at.secrets["remisskollen"] = {"editors": ["@enhet.example.se"], "admins": [ADMIN]}
    at.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
    return at.run()


def page(at, name):
    at.switch_page(f"app_pages/{name}.py").run()
    assert not at.exception, at.exception
    return at


def errors(at) -> list[str]:
    return [shown(e.value) for e in at.error]


def captions(at) -> list[str]:
    return [shown(c.value) for c in at.caption]


def test_the_sidebar_says_who_is_logged_in_and_as_what(stored):
    at = session(EDITOR)
    assert f"Inloggad som {EDITOR} (redaktör)" in captions(at)
    assert widget(at, "button", "Logga ut")
    at = session(None)
    assert widget(at, "button", "Logga in")


@pytest.mark.parametrize(("email", "allowed", "why"), [
    (EDITOR, True, None), (VIEWER, False, REFUSED_VIEWER), (None, False, LOGIN_FIRST)])
def test_upload_needs_the_editor_role(stored, email, allowed, why):
    at = page(session(email), "upload")
    assert not any("Ingen inloggning är inställd" in i.value for i in at.info)  # a login is configured
    at.file_uploader[0].upload("ny.xlsx", sheets.long_xlsx(), XLSX).run()
    widget(at, "radio", "Spara som").set_value("new").run()
    widget(at, "text_input", "Namn på den nya datamängden").input("Ny remiss").run()
    button = widget(at, "button", "Spara")
    assert button.disabled is not allowed
    if why:
        assert why in captions(at)
    if allowed:
        button.click().run()
        assert not at.exception, at.exception
        assert "Ny remiss" in [d.name for d in open_store().list_datasets()]


@pytest.mark.parametrize(("email", "allowed"), [(EDITOR, True), (VIEWER, False)])
def test_restore_and_delete_need_the_editor_role(stored, email, allowed):
    at = page(session(email), "datasets")
    planen = open_store().dataset_by_name("Planen")
    at.selectbox(key=f"pick_{planen.id}").set_value(1).run()
    restore = at.button(key=f"restore_{planen.id}")
    assert restore.disabled is not allowed
    at.checkbox(key=f"confirm_{planen.id}").check().run()
    delete = at.button(key=f"delete_{planen.id}")
    assert delete.disabled is not allowed
    if allowed:
        at.button(key=f"restore_{planen.id}").click().run()
        assert not at.exception, at.exception
        assert open_store().active_version(planen.id).number == 1
        at.button(key=f"delete_{planen.id}").click().run()
        assert open_store().dataset(planen.id).is_deleted


@pytest.mark.parametrize(("email", "sees_undelete"), [(ADMIN, True), (EDITOR, False), (VIEWER, False)])
def test_only_admins_restore_a_deleted_dataset(stored, email, sees_undelete):
    at = page(session(email), "datasets")
    gammal = next(d for d in open_store().list_datasets(include_deleted=True) if d.name == "Gammal")
    keys = [b.key for b in at.button]
    assert (f"undelete_{gammal.id}" in keys) is sees_undelete
    if sees_undelete:
        at.button(key=f"undelete_{gammal.id}").click().run()
        assert not open_store().dataset(gammal.id).is_deleted


@pytest.mark.parametrize(("email", "allowed"), [(EDITOR, True), (VIEWER, False)])
def test_saving_a_draft_paragraph_needs_the_editor_role(stored, email, allowed):
    at = page(session(email), "draft")
    saves = [b for b in at.button if b.key and b.key.startswith("draft-save-")]
    assert saves and all(b.disabled is not allowed for b in saves)
    if allowed:
        saves[0].click().run()
        assert not at.exception, at.exception
        assert len(at.success) == 1, [s.value for s in at.success]


def _write_past_the_buttons(kind: str) -> None:
    """A script run that calls a page's write function directly, as a crafted request would."""
    from components.merges import record_decisions
    from components.saving import guarded, save
    from loaders.load import load_bytes
    from loaders.merges import Merge
    from store import open_store
    from support import sheets

    store = open_store()
    planen = store.dataset_by_name("Planen")
    gammal = next(d for d in store.list_datasets(include_deleted=True) if d.name == "Gammal")
    if kind == "upload":
        data = load_bytes(sheets.long_xlsx(), "ny.xlsx").data
        save(store, "Ny remiss", data, "ny.xlsx", b"x", "sv", new=True, expected_version_id=None)
    elif kind == "save_coding":
        data = load_bytes(sheets.long_xlsx(), "ny.xlsx").data
        save(store, "Kodat", data, "k.xlsx", b"x", "sv", new=True, expected_version_id=None, action="save_coding")
    elif kind == "restore":
        guarded("sv", planen.name, store.restore, store.list_versions(planen.id)[0].id)
    elif kind == "delete":
        guarded("sv", planen.name, store.soft_delete, planen.id)
    elif kind == "undelete":
        guarded("sv", gammal.name, store.undelete, gammal.id)
    elif kind == "merge":
        record_decisions(store, planen.id, [Merge("Region Stockhlm", "Region Stockholm")], "sv")


@pytest.mark.parametrize(("email", "kind"), [
    (VIEWER, "upload"), (VIEWER, "save_coding"), (VIEWER, "restore"), (VIEWER, "delete"), (VIEWER, "merge"),
    (None, "upload"), (EDITOR, "undelete")])
def test_changes_made_past_the_buttons_are_refused(stored, email, kind):
    from tests.app_pages.test_roles import _write_past_the_buttons

    before = table_checksums(stored.engine)
    at = AppTest.from_function(_write_past_the_buttons, args=(kind,), default_timeout=60)
    at.secrets["auth"] = {"client_id": "c"}
    at.secrets["remisskollen"] = {"editors": ["@enhet.example.se"], "admins": [ADMIN]}
    at.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
    at.run()
    assert not at.exception, at.exception
    role = "läsare" if email == VIEWER else "redaktör"
    want = LOGIN_FIRST if email is None else \
        f"{email} är {role} och får inte ändra här. Be en administratör att lägga till dig som redaktör."
    assert [shown(e.value) for e in at.error] == [want]
    assert table_checksums(stored.engine) == before


def test_without_a_login_the_pages_that_change_data_say_the_server_is_open(stored):
    at = app().run()
    for name in ("upload", "datasets"):
        page(at, name)
        assert any(i.value.startswith("Ingen inloggning är inställd: alla som når den här adressen kan ladda upp")
                   for i in at.info), name
