"""PostgreSQL restarts in the middle of an upload (issue 15, faults).

A private throwaway server (tests/pg_server.py), so restarting it disturbs no
other test. The restart is real (``pg_ctl restart -m fast``) and lands inside
the upload's transaction for certain: a cursor hook holds the upload's activation
until the server has restarted, after the new version's row and its 20 000
rows are written in that transaction. Afterwards every data table has the
checksums it had before, the store raised :class:`StoreUnavailable` (which the
upload page shows as "nothing was changed", in Swedish and English), and the
same Store on the same engine saves the next try without a restart of anything.
"""
from __future__ import annotations

import threading

from sqlalchemy import event

from components.saving import store_message
from store import Store, make_engine
from store.backup import table_checksums
from store.errors import StoreUnavailable
from tests.pg_server import create_database
from tests.store._data import make_data


def _hold_activation(engine, reached: threading.Event, release: threading.Event) -> None:
    """Block the upload's activation (``UPDATE datasets``) until ``release``.

    By then the transaction has written the new version row and copied all its rows
    (``COPY`` on psycopg, which passes no cursor event); only activation, audit and commit are left.
    """
    held = []

    @event.listens_for(engine, "before_cursor_execute")
    def _hold(conn, cursor, statement, parameters, context, executemany):
        if not held and statement.startswith("UPDATE datasets"):
            held.append(statement)
            reached.set()
            assert release.wait(120), "the restart never finished"


def test_postgres_restart_mid_upload_rolls_back_and_the_next_try_succeeds(own_pg_server):
    url = create_database(own_pg_server.admin_url)
    engine = make_engine(url)
    assert engine.pool._pre_ping  # stale pooled connections are replaced, not handed to the next upload
    store = Store(engine)
    v1 = store.save_version("Remissen", make_data(300, "v1"), "v1.xlsx", b"v1 file")
    before = table_checksums(engine)

    reached, release = threading.Event(), threading.Event()
    _hold_activation(engine, reached, release)
    outcome: dict = {}

    def upload():
        try:
            outcome["version"] = store.save_version("Remissen", make_data(20_000, "v2", seed=2), "v2.xlsx",
                                                    b"v2 file" * 1000)
        except Exception as exc:  # noqa: BLE001 - the test inspects exactly what came out
            outcome["error"] = exc

    worker = threading.Thread(target=upload)
    worker.start()
    assert reached.wait(60), "the upload never reached its activation"
    own_pg_server.restart()
    release.set()
    worker.join(120)
    assert not worker.is_alive()

    # The upload failed with the store's own error, not a driver traceback ...
    assert "version" not in outcome
    assert isinstance(outcome["error"], StoreUnavailable), repr(outcome["error"])
    # ... which the upload page words as "nothing was changed", in both languages.
    assert store_message(outcome["error"], "sv") == ("Förbindelsen med databasen bröts medan du sparade. "
                                                     "Inget har ändrats. Försök igen om en stund.")
    assert store_message(outcome["error"], "en") == ("The connection to the database was lost while saving. "
                                                     "Nothing was changed. Try again in a moment.")

    # Rolled back: every table has the rows and checksums it had before; version 1 is still active and intact.
    assert table_checksums(engine) == before
    d = store.dataset_by_name("Remissen")
    assert (d.n_versions, d.active_version_id) == (1, v1.id)
    assert store.verify(v1.id)

    # The next try, on the same Store and engine (no app restart), succeeds and is complete.
    v2 = store.save_version("Remissen", make_data(20_000, "v2", seed=2), "v2.xlsx", b"v2 file" * 1000)
    assert v2.number == 2 and v2.n_rows == 20_000
    assert store.verify(v2.id)
    assert len(store.load_version(v2.id).responses) == 20_000
    d = store.dataset_by_name("Remissen")
    assert (d.n_versions, d.active_version_id) == (2, v2.id)
    after = table_checksums(engine)
    assert after["versions"][0] == before["versions"][0] + 1
    engine.dispose()
