"""Engine construction and database location.

SQLite is the default (a file under ``var/``); any SQLAlchemy URL can be
given instead through ``REMISSKOLLEN_DATABASE_URL`` (PostgreSQL is tested).

SQLite connections get WAL journaling, ``synchronous=FULL``, a busy timeout
and foreign keys. pysqlite's own transaction handling is switched off (the
documented SQLAlchemy workaround) and SQLAlchemy emits ``BEGIN`` itself:
``BEGIN IMMEDIATE`` by default, so a writer takes the write lock up front
(waiting up to the busy timeout) instead of failing half-way through a
transaction when it first tries to write. Read-only work opts out with
:func:`read_only`, which begins a deferred transaction (a WAL snapshot) that
never waits for writers.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

#: Environment variable holding a full SQLAlchemy URL; wins over everything.
ENV_DATABASE_URL = "REMISSKOLLEN_DATABASE_URL"
#: Environment variable naming the directory for the default SQLite file.
ENV_DATA_DIR = "REMISSKOLLEN_DATA_DIR"
#: File name of the default SQLite database inside the data directory.
SQLITE_FILE_NAME = "remisskollen.sqlite3"

#: Repository root (``store/`` lives directly below it).
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "var"

#: Default time a writer waits for the database lock before giving up with
#: :class:`store.errors.StoreBusy` (seconds).
DEFAULT_BUSY_TIMEOUT = 30.0

#: Execution option read by the SQLite "begin" hook: True -> deferred BEGIN.
_READ_ONLY_OPTION = "remisskollen_read_only"


def database_url_from_env(env: Mapping[str, str] | None = None) -> str:
    """The database URL to use.

    ``REMISSKOLLEN_DATABASE_URL`` (any SQLAlchemy URL) wins. Otherwise a
    SQLite file ``remisskollen.sqlite3`` inside ``REMISSKOLLEN_DATA_DIR``
    (default ``var/`` under the repository root); the directory is created.
    """
    env = os.environ if env is None else env
    url = (env.get(ENV_DATABASE_URL) or "").strip()
    if url:
        return url
    data_dir = Path((env.get(ENV_DATA_DIR) or "").strip() or DEFAULT_DATA_DIR)
    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / SQLITE_FILE_NAME}"


def make_engine(url: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, **kwargs) -> Engine:
    """Create an Engine for ``url`` configured for safe concurrent use.

    ``busy_timeout`` (seconds) is how long a writer waits for the lock:
    on SQLite the busy timeout, on PostgreSQL the ``lock_timeout`` the store
    sets for its write transactions (kept on the engine as
    ``engine.remisskollen_busy_timeout``).
    """
    sa_url = make_url(url)
    backend = sa_url.get_backend_name()
    if backend == "sqlite":
        database = sa_url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            raise ValueError("Remisskollen needs a file-based SQLite database, not :memory:")
        connect_args = dict(kwargs.pop("connect_args", {}))
        connect_args.setdefault("timeout", busy_timeout)
        # Connections may be handed between Streamlit's threads.
        connect_args.setdefault("check_same_thread", False)
        engine = create_engine(sa_url, connect_args=connect_args, **kwargs)
        _install_sqlite_hooks(engine, busy_timeout)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        engine = create_engine(sa_url, **kwargs)
    engine.remisskollen_busy_timeout = float(busy_timeout)  # type: ignore[attr-defined]
    return engine


def _switch_to_wal(cur, busy_timeout: float) -> None:
    """``PRAGMA journal_mode = WAL``, retried while another connection holds the lock.

    SQLite does not call the busy handler for this pragma: when several
    servers open a new database at once, all but one get "database is locked"
    at once. They wait here instead, up to the busy timeout.
    """
    import sqlite3

    deadline = time.monotonic() + busy_timeout
    delay = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def _install_sqlite_hooks(engine: Engine, busy_timeout: float) -> None:
    busy_ms = max(0, int(busy_timeout * 1000))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record):  # noqa: ARG001
        # Documented SQLAlchemy workaround: stop pysqlite from emitting its
        # own BEGIN (and from committing implicitly before DDL); the "begin"
        # hook below emits BEGIN instead. pysqlite still issues COMMIT and
        # ROLLBACK when SQLAlchemy asks for them.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        try:
            # busy_timeout first: switching to WAL may itself wait for a lock.
            cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
            _switch_to_wal(cur, busy_timeout)
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
            # Keep the WAL file from staying huge after a large upload.
            cur.execute("PRAGMA journal_size_limit = 67108864")
            cur.execute("PRAGMA cache_size = -65536")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        if conn.get_execution_options().get(_READ_ONLY_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def read_only(engine: Engine) -> Iterator[Connection]:
    """A connection in a read transaction that never waits for writers.

    On SQLite this is a deferred ``BEGIN`` (a consistent WAL snapshot); on
    other backends an ordinary transaction. Always rolled back at the end.
    """
    with engine.connect() as conn:
        conn.execution_options(**{_READ_ONLY_OPTION: True})
        with conn.begin() as tx:
            yield conn
            tx.rollback()


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction, committed on success.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``: it waits (up
    to the busy timeout) for the write lock before doing anything.
    """
    with engine.begin() as conn:
        yield conn
