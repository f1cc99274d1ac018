"""The upload page when PostgreSQL restarts in the middle of its save (issue 15, faults).

In AppTest the app's own engine is reached through SQLAlchemy's class-level
cursor event: at the save's activation (the version and its rows written,
not committed) the throwaway server is really restarted (``pg_ctl restart``)
and the statement then runs on a dead connection. The page says nothing was
changed, in the page's language and with no traceback; every table keeps its
checksums; and a second click on Spara in the same app (no restart of
anything) saves one complete, verified version.
"""
from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy import event
from sqlalchemy.engine import Engine

from store import Store, make_engine
from store.backup import table_checksums
from support import sheets
from support.apptest import widget
from tests.app_pages.test_upload import upload
from tests.app_pages.test_upload_safety import NEW_NAME, SAVE, messages, upload_page
from tests.pg_server import create_database

FAILED = {"sv": "Förbindelsen med databasen bröts medan du sparade. Inget har ändrats. Försök igen om en stund.",
          "en": "The connection to the database was lost while saving. Nothing was changed. Try again in a moment."}
SAVED = {"sv": "Sparat: Omstart, version 1 (8 kodade svar).", "en": "Saved: Omstart, version 1 (8 coded answers)."}



@pytest.fixture
def restart_at_activation(own_pg_server):
    """Armed with ``armed.append(True)``: the next ``UPDATE datasets`` restarts the server first."""
    armed: list[bool] = []

    def _hook(conn, cursor, statement, parameters, context, executemany):
        if armed and statement.startswith("UPDATE datasets"):
            armed.clear()
            own_pg_server.restart()

    event.listen(Engine, "before_cursor_execute", _hook)
    try:
        yield armed
    finally:
        event.remove(Engine, "before_cursor_execute", _hook)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_restart_mid_save_says_nothing_changed_and_the_next_click_saves(lang, own_pg_server, restart_at_activation,
                                                                          monkeypatch):
    url = create_database(own_pg_server.admin_url)
    monkeypatch.setenv("REMISSKOLLEN_DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    engine = make_engine(url)
    Store(engine)
    before = table_checksums(engine)
    try:
        at = upload_page(lang)
        upload(at, "svar.xlsx", sheets.workbook_with_extras())
        widget(at, "text_input", NEW_NAME[lang]).input("Omstart").run()
        restart_at_activation.append(True)
        widget(at, "button", SAVE[lang]).click().run()
        assert not restart_at_activation, "the save never reached its activation"
        assert not at.exception
        assert any(m.startswith(FAILED[lang]) for m in messages(at)), messages(at)
        assert table_checksums(engine) == before

        widget(at, "button", SAVE[lang]).click().run()
        assert not at.exception
        assert any(m.startswith(SAVED[lang]) for m in messages(at)), messages(at)
        store = Store(engine)
        d = store.dataset_by_name("Omstart")
        assert d.n_versions == 1 and store.verify(d.active_version_id)
        assert table_checksums(engine)["versions"][0] == 1
    finally:
        st.cache_resource.clear()
        engine.dispose()
