"""Schema migrations through a versioned ``schema_version`` table.

:data:`STEPS` is an ordered list of ``(version, description, function)``.
:func:`migrate` applies every step newer than the recorded version, each
recorded in ``schema_version``, all in one transaction, so a failed upgrade
leaves the schema as it was.

Running it twice is a no-op. Two processes starting at once are serialised:
on SQLite the transaction begins with ``BEGIN IMMEDIATE`` (the second waits
for the first, then sees the recorded version); on PostgreSQL a transaction
-scoped advisory lock does the same. A quick read-only check comes first, so
a process starting while a large upload is running does not wait for it.

Adding a step: append ``(n + 1, "what it does", _vN)`` where ``_vN`` issues
the DDL for that change only (``op``-style ``ALTER TABLE`` through
``conn.execute``), and update :mod:`store.tables` to the new shape. Existing
steps are history and must not change meaning; step 1 creates the version-1
tables explicitly by name for that reason.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, func, inspect, select, text

from store.db import read_only, write
from store.errors import SchemaTooNew
from store.tables import metadata, schema_version

#: Arbitrary constant key for pg_advisory_xact_lock (b"RemissKo" as int64).
_PG_LOCK_KEY = 0x52656D6973734B6F

_V1_TABLES = (
    "datasets",
    "versions",
    "response_rows",
    "respondent_rows",
    "proposal_rows",
    "audit_log",
)


def _v1(conn: Connection) -> None:
    tables = [metadata.tables[name] for name in _V1_TABLES]
    metadata.create_all(conn, tables=tables, checkfirst=True)


def _v2(conn: Connection) -> None:
    """Audit entries say where an anonymous change came from: ``session_id`` and ``client``.

    Step 1 builds from the current table shapes, so on a new database the
    columns exist already; only the missing ones are added.
    """
    have = {c["name"] for c in inspect(conn).get_columns("audit_log")}
    for column, ddl in (("session_id", "VARCHAR(64)"), ("client", "VARCHAR(200)")):
        if column not in have:
            conn.execute(text(f"ALTER TABLE audit_log ADD COLUMN {column} {ddl}"))


def _v3(conn: Connection) -> None:
    from store.merges import name_merges

    metadata.create_all(conn, tables=[name_merges], checkfirst=True)


def _v5(conn: Connection) -> None:
    from store.drafts import draft_texts  # defined in its own module, on the same metadata

    draft_texts.create(conn, checkfirst=True)
    for index in draft_texts.indexes:
        index.create(conn, checkfirst=True)


Step = tuple[int, str, Callable[[Connection], None]]

def _v4(conn: Connection) -> None:
    from store.coding import create_table

    create_table(conn)


STEPS: list[Step] = [
    (1, "initial schema: datasets, versions, row tables, audit log", _v1),
    (2, "audit log: session and client address of each action", _v2),
    (3, "name_merges: confirmed and rejected name merges per dataset", _v3),
    (4, "coding assistant: provenance of suggested rows (coding_provenance)", _v4),
    (5, "draft_texts: edited draft paragraphs, append-only", _v5),
]

LATEST_VERSION = STEPS[-1][0]


def _recorded_version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema_version.name):
        return 0
    return int(conn.scalar(select(func.max(schema_version.c.version))) or 0)


def current_version(engine: Engine) -> int:
    """The schema version recorded in the database (0 for an empty one)."""
    with read_only(engine) as conn:
        return _recorded_version(conn)


def migrate(engine: Engine) -> int:
    """Bring the schema up to :data:`LATEST_VERSION`; return that version."""
    versions = [n for n, _, _ in STEPS]
    assert versions == sorted(set(versions)), "migration steps must be strictly increasing"

    current = current_version(engine)
    if current > LATEST_VERSION:
        raise SchemaTooNew(
            f"database schema version {current} is newer than this code ({LATEST_VERSION})"
        )
    if current == LATEST_VERSION:
        return current

    with write(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        schema_version.create(conn, checkfirst=True)
        current = _recorded_version(conn)  # again, now that we hold the lock
        if current > LATEST_VERSION:
            raise SchemaTooNew(
                f"database schema version {current} is newer than this code ({LATEST_VERSION})"
            )
        for number, description, step in STEPS:
            if number <= current:
                continue
            step(conn)
            conn.execute(
                schema_version.insert().values(
                    version=number,
                    description=description,
                    applied_at=datetime.now(timezone.utc),
                )
            )
    return LATEST_VERSION
