"""A full disk and a read-only database: a specific store error, and nothing stored changes (issue 16).

The full disk is a real tiny filesystem (a 768 KiB tmpfs, mounted when the
tests run as root; skipped with the reason otherwise) plus a check of the
PostgreSQL error codes. The read-only database is real on both backends: a
SQLite file opened with ``mode=ro``, a PostgreSQL database with
``default_transaction_read_only``.
"""
from __future__ import annotations

import os
import subprocess
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from store import Store, make_engine
from store.errors import StorageFull, StoreReadOnly
from store.versions import _is_full, _is_read_only
from tests._require import require
from tests.store._data import make_data


@pytest.fixture
def tiny_fs(tmp_path):
    where = tmp_path / "tiny"
    where.mkdir()
    require(os.geteuid() == 0, "mounting a tiny tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=768k", "tmpfs", str(where)], capture_output=True)
    require(done.returncode == 0, f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_full_disk_on_sqlite_is_storage_full_and_keeps_the_old_version(tiny_fs):
    engine = make_engine(f"sqlite:///{tiny_fs / 'db.sqlite3'}")
    store = Store(engine)
    v1 = store.save_version("Liten", make_data(100, "v1"), "v1.xlsx", b"v1")
    with pytest.raises(StorageFull):
        store.save_version("Liten", make_data(20_000, "stor", seed=1), "stor.xlsx", os.urandom(200_000))
    d = store.dataset_by_name("Liten")
    assert (d.n_versions, d.active_version_id) == (1, v1.id)
    assert len(store.load_version(v1.id).responses) == 100
    assert store.verify(v1.id)
    engine.dispose()


@pytest.mark.parametrize("sqlstate,full,read_only", [("53100", True, False), ("25006", False, True),
                                                     ("42501", False, True), ("23505", False, False)])
def test_postgres_error_codes_are_mapped(sqlstate, full, read_only):
    exc = OperationalError("INSERT", {}, SimpleNamespace(sqlstate=sqlstate))
    assert (_is_full(exc), _is_read_only(exc)) == (full, read_only)


def test_read_only_sqlite_file(tmp_path):
    path = tmp_path / "db.sqlite3"
    writer = make_engine(f"sqlite:///{path}")
    v1 = Store(writer).save_version("Fast", make_data(60, "v1"), "v1.xlsx", b"v1")
    writer.dispose()
    store = Store(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    with pytest.raises(StoreReadOnly):
        store.save_version("Fast", make_data(60, "v2", seed=1), "v2.xlsx", b"v2")
    with pytest.raises(StoreReadOnly):
        store.soft_delete(v1.dataset_id)
    d = store.dataset_by_name("Fast")
    assert (d.n_versions, d.active_version_id, d.is_deleted) == (1, v1.id, False)


@pytest.mark.postgres
def test_read_only_postgres_database(pg_database_url):
    engine = make_engine(pg_database_url)
    v1 = Store(engine).save_version("Fast", make_data(60, "v1"), "v1.xlsx", b"v1")
    engine.dispose()
    name = make_url(pg_database_url).database
    admin = create_engine(pg_database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    admin.dispose()
    store = Store(make_engine(pg_database_url))
    with pytest.raises(StoreReadOnly):
        store.save_version("Fast", make_data(60, "v2", seed=1), "v2.xlsx", b"v2")
    d = store.dataset_by_name("Fast")
    assert (d.n_versions, d.active_version_id) == (1, v1.id)
    store.engine.dispose()
