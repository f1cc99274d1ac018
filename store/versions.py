"""Named datasets with immutable versions (SQLAlchemy Core only).

A dataset has a unique name and a list of versions 1..n; one of them is the
active version. Saving a version writes the version row, all its rows, the
audit entry and the new active pointer in ONE transaction: after a crash or
a kill the database holds either the complete new version or nothing of it.
Versions are never changed or deleted; "restore" only moves the active
pointer, "delete" only hides the dataset (soft delete, undoable).

Concurrent writers: on SQLite a write transaction starts with ``BEGIN
IMMEDIATE`` and waits up to the engine's busy timeout for the lock; on
PostgreSQL the dataset row is locked (``SELECT ... FOR UPDATE``) with a
``lock_timeout``. A writer that cannot get the lock in time raises
:class:`~store.errors.StoreBusy` and has written nothing.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import repeat
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Boolean, Connection, Engine, and_, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from loaders.model import CodedData
from loaders.natural import natural_key
from loaders.schema import conform
from store.db import DEFAULT_BUSY_TIMEOUT, database_url_from_env, make_engine, read_only, write
from store.errors import (
    DatasetDeleted,
    DatasetNotFound,
    NameTaken,
    NameTooLong,
    StorageFull,
    StoreBusy,
    StoreReadOnly,
    StoreUnavailable,
    VersionConflict,
    VersionNotFound,
)
from store.frames import (
    FRAME_COLUMNS,
    checksum_rows,
    checksum_values,
    conform_proposals,
    conform_respondents,
    counts,
    frame_values,
    normalise,
)
from store.migrations import migrate
from store.tables import ROW_TABLES, audit_log, datasets, versions

#: User name recorded when nobody is known.
ANONYMOUS = "anonym"
#: Rows per executemany batch.
INSERT_CHUNK = 10_000
_NAME_MAX = 200
#: Longest dataset name (the width of ``datasets.name``).
NAME_MAX = _NAME_MAX


@dataclass(frozen=True)
class Origin:
    """Where a change came from, for the audit log when nobody is logged in.

    ``session`` is a short hash of the browser session (the same for every
    action of one session, never the session id itself); ``client`` is the
    client address as the server saw it. Both are recorded as given.
    """

    session: str | None = None
    client: str | None = None


@dataclass(frozen=True)
class VersionInfo:
    id: int
    dataset_id: int
    dataset_name: str
    number: int
    created_at: datetime
    created_by: str
    file_name: str
    file_sha256: str
    file_size: int
    n_rows: int
    n_respondents: int
    n_proposals: int
    n_consultations: int
    rows_sha256: str
    is_active: bool


@dataclass(frozen=True)
class DatasetInfo:
    id: int
    name: str
    created_at: datetime
    created_by: str
    deleted_at: datetime | None
    deleted_by: str | None
    active_version_id: int | None
    active_version_number: int | None
    n_versions: int

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user: str
    action: str
    dataset_id: int | None
    dataset_name: str | None
    version_id: int | None
    version_number: int | None
    detail: dict
    session: str | None = None
    client: str | None = None


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _clean_user(user: str | None) -> str:
    user = (user or "").strip()
    return user[:_NAME_MAX] if user else ANONYMOUS


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValueError("dataset name must not be empty")
    if len(name) > _NAME_MAX:
        raise NameTooLong(name, _NAME_MAX)
    return name


def _sqlite_code(orig) -> str:
    return str(getattr(orig, "sqlite_errorname", "") or "")


def _is_full(exc: DBAPIError) -> bool:
    """SQLITE_FULL, or PostgreSQL's disk_full / out_of_memory class 53."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in ("53100", "53200", "53400"):
        return True
    message = str(orig).lower()
    return _sqlite_code(orig) == "SQLITE_FULL" or "database or disk is full" in message or (
        "no space left on device" in message)


def _is_read_only(exc: DBAPIError) -> bool:
    """SQLITE_READONLY*, or PostgreSQL's read_only_sql_transaction / insufficient_privilege."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in ("25006", "42501"):
        return True
    message = str(orig).lower()
    return _sqlite_code(orig).startswith("SQLITE_READONLY") or "readonly database" in message or (
        "read-only file system" in message)


def _is_busy(exc: DBAPIError) -> bool:
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in ("55P03", "40001", "40P01"):  # lock_not_available, serialization, deadlock
        return True
    message = str(orig).lower()
    return type(orig).__name__ == "OperationalError" and (
        "database is locked" in message or "database is busy" in message or "database table is locked" in message
    )


def _is_disconnect(exc: DBAPIError) -> bool:
    """The connection went away: SQLAlchemy saw a disconnect, or PostgreSQL said so (class 08, 57P)."""
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    return bool(exc.connection_invalidated) or sqlstate.startswith(("08", "57P"))


class Store:
    """Datasets and versions in the database behind ``engine``.

    ``Store(engine)`` migrates the schema first (cheap when already current).
    """

    def __init__(self, engine: Engine, *, migrate_schema: bool = True) -> None:
        self.engine = engine
        self.busy_timeout = float(getattr(engine, "remisskollen_busy_timeout", DEFAULT_BUSY_TIMEOUT))
        if migrate_schema:
            with self._busy_guard():
                migrate(engine)

    # -- transactions -------------------------------------------------------

    @contextmanager
    def _busy_guard(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            if _is_busy(exc):
                raise StoreBusy("the database is busy with another write; try again") from exc
            if _is_full(exc):
                raise StorageFull("the storage is full; nothing was written") from exc
            if _is_read_only(exc):
                raise StoreReadOnly("the database is read-only; nothing was written") from exc
            if _is_disconnect(exc):
                raise StoreUnavailable("the connection to the database was lost; nothing was written") from exc
            raise

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._busy_guard(), write(self.engine) as conn:
            if conn.dialect.name == "postgresql":
                ms = max(1, int(self.busy_timeout * 1000))
                conn.execute(text(f"SET LOCAL lock_timeout = {ms}"))
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._busy_guard(), read_only(self.engine) as conn:
            yield conn

    # -- writing ------------------------------------------------------------

    def save_version(
        self,
        dataset_name: str,
        data: CodedData,
        file_name: str,
        file_bytes: bytes,
        user: str | None = ANONYMOUS,
        create: bool = True,
        *,
        new_dataset: bool = False,
        expected_version_id: int | None = None,
        origin: Origin | None = None,
    ) -> VersionInfo:
        """Store ``data`` as the next version of ``dataset_name`` and activate it.

        ``data`` must already be validated. With ``create=True`` a missing
        dataset is created; with ``create=False`` it raises
        :class:`DatasetNotFound`. A soft-deleted dataset raises
        :class:`DatasetDeleted`. Raises :class:`StoreBusy` when another
        writer holds the database longer than the busy timeout.

        ``new_dataset=True`` asks for a NEW dataset: the row is inserted
        outright and the unique constraint on the name refuses a name that
        exists, live or deleted, with :class:`NameTaken` (two sessions
        creating one name at once: exactly one wins). ``expected_version_id``
        is the active version the caller's diff was made against; if another
        session has moved the active version since, :class:`VersionConflict`
        is raised and nothing is written. A 201-character name raises
        :class:`NameTooLong`; a full disk :class:`StorageFull`; a read-only
        database :class:`StoreReadOnly`.
        """
        try:
            return self._save_version(dataset_name, data, file_name, file_bytes, user, create, new_dataset,
                                      expected_version_id, origin)
        except NameTaken as exc:
            found = self.dataset_by_name(exc.name)
            raise NameTaken(exc.name, deleted=bool(found and found.is_deleted)) from exc

    def _save_version(self, dataset_name, data, file_name, file_bytes, user, create, new_dataset,
                      expected_version_id, origin) -> VersionInfo:
        name = _clean_name(dataset_name)
        user = _clean_user(user)
        file_bytes = bytes(file_bytes)
        file_name = str(file_name or "")

        frames = normalise(data)
        values = frame_values(frames)
        rows_sha = checksum_values(values)
        n = counts(values)
        file_sha = hashlib.sha256(file_bytes).hexdigest()

        with self._write() as conn:
            if new_dataset:
                _insert_new_dataset(conn, name=name, created_at=_now(), created_by=user)
            ds = self._lock_dataset_by_name(conn, name, create=create and not new_dataset, user=user, now=_now())
            # Timestamp taken once the lock is held, so created_at and the
            # audit time follow the version numbers even after a wait.
            now = _now()
            if ds.deleted_at is not None:
                raise DatasetDeleted(f"dataset {name!r} is deleted")
            if expected_version_id is not None and ds.active_version_id != expected_version_id:
                active_number = conn.scalar(select(versions.c.number).where(versions.c.id == ds.active_version_id))
                raise VersionConflict(name, expected_version_id, ds.active_version_id, active_number)
            number = (
                conn.scalar(select(func.max(versions.c.number)).where(versions.c.dataset_id == ds.id)) or 0
            ) + 1
            version_id = conn.execute(
                insert(versions).values(
                    dataset_id=ds.id,
                    number=number,
                    created_at=now,
                    created_by=user,
                    file_name=file_name,
                    file_sha256=file_sha,
                    file_bytes=file_bytes,
                    rows_sha256=rows_sha,
                    **n,
                )
            ).inserted_primary_key[0]
            for frame_name, table in ROW_TABLES.items():
                _insert_rows(conn, table, version_id, values[frame_name])
            conn.execute(update(datasets).where(datasets.c.id == ds.id).values(active_version_id=version_id))
            self._audit(
                conn,
                now,
                user,
                "upload",
                ds.id,
                version_id,
                {"number": number, "file_name": file_name, "n_rows": n["n_rows"]},
                origin,
            )

        return VersionInfo(
            id=int(version_id),
            dataset_id=int(ds.id),
            dataset_name=name,
            number=int(number),
            created_at=now,
            created_by=user,
            file_name=file_name,
            file_sha256=file_sha,
            file_size=len(file_bytes),
            rows_sha256=rows_sha,
            is_active=True,
            **n,
        )

    def _lock_dataset_by_name(self, conn: Connection, name: str, *, create: bool, user: str, now: datetime):
        if create:
            _insert_dataset_if_missing(conn, name=name, created_at=now, created_by=user)
        row = conn.execute(
            select(datasets.c.id, datasets.c.deleted_at, datasets.c.active_version_id)
            .where(datasets.c.name == name)
            .with_for_update()
        ).first()
        if row is None:
            raise DatasetNotFound(f"no dataset named {name!r}")
        return row

    def _lock_dataset(self, conn: Connection, dataset_id: int):
        row = conn.execute(
            select(datasets.c.id, datasets.c.name, datasets.c.deleted_at, datasets.c.active_version_id)
            .where(datasets.c.id == dataset_id)
            .with_for_update()
        ).first()
        if row is None:
            raise DatasetNotFound(f"no dataset with id {dataset_id}")
        return row

    def _audit(
        self,
        conn: Connection,
        at: datetime,
        user: str,
        action: str,
        dataset_id: int | None,
        version_id: int | None,
        detail: dict,
        origin: Origin | None = None,
    ) -> None:
        origin = origin or Origin()
        conn.execute(
            insert(audit_log).values(
                at=at,
                user=user,
                action=action,
                dataset_id=dataset_id,
                version_id=version_id,
                detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
                session_id=(origin.session or None) and str(origin.session)[:64],
                client=(origin.client or None) and str(origin.client)[:200],
            )
        )

    def restore(self, version_id: int, user: str | None = ANONYMOUS, *, origin: Origin | None = None) -> VersionInfo:
        """Make ``version_id`` the active version of its dataset (audited).

        Copies and deletes nothing. Restoring the version that is already
        active changes nothing and writes no audit entry.
        """
        user = _clean_user(user)
        with self._write() as conn:
            dataset_id = conn.scalar(select(versions.c.dataset_id).where(versions.c.id == version_id))
            if dataset_id is None:
                raise VersionNotFound(f"no version with id {version_id}")
            ds = self._lock_dataset(conn, dataset_id)
            if ds.deleted_at is not None:
                raise DatasetDeleted(f"dataset {ds.name!r} is deleted")
            if ds.active_version_id != version_id:
                conn.execute(
                    update(datasets).where(datasets.c.id == dataset_id).values(active_version_id=version_id)
                )
                number = conn.scalar(select(versions.c.number).where(versions.c.id == version_id))
                self._audit(
                    conn,
                    _now(),
                    user,
                    "restore",
                    dataset_id,
                    version_id,
                    {"number": number, "previous_version_id": ds.active_version_id},
                    origin,
                )
        return self.version(version_id)

    def soft_delete(self, dataset_id: int, user: str | None = ANONYMOUS, *, origin: Origin | None = None) -> bool:
        """Hide a dataset (audited). Returns False if it was already deleted."""
        user = _clean_user(user)
        with self._write() as conn:
            ds = self._lock_dataset(conn, dataset_id)
            if ds.deleted_at is not None:
                return False
            now = _now()
            conn.execute(
                update(datasets).where(datasets.c.id == dataset_id).values(deleted_at=now, deleted_by=user)
            )
            self._audit(conn, now, user, "delete", dataset_id, ds.active_version_id, {"name": ds.name}, origin)
        return True

    def undelete(self, dataset_id: int, user: str | None = ANONYMOUS, *, origin: Origin | None = None) -> bool:
        """Bring a soft-deleted dataset back (audited). False if not deleted."""
        user = _clean_user(user)
        with self._write() as conn:
            ds = self._lock_dataset(conn, dataset_id)
            if ds.deleted_at is None:
                return False
            conn.execute(
                update(datasets).where(datasets.c.id == dataset_id).values(deleted_at=None, deleted_by=None)
            )
            self._audit(conn, _now(), user, "undelete", dataset_id, ds.active_version_id, {"name": ds.name},
                        origin)
        return True

    # -- reading ------------------------------------------------------------

    def list_datasets(self, include_deleted: bool = False) -> list[DatasetInfo]:
        """Datasets sorted naturally by name; deleted ones only on request."""
        active = versions.alias("active")
        n_versions = (
            select(func.count())
            .where(versions.c.dataset_id == datasets.c.id)
            .scalar_subquery()
        )
        stmt = select(
            datasets,
            active.c.number.label("active_version_number"),
            n_versions.label("n_versions"),
        ).select_from(datasets.outerjoin(active, active.c.id == datasets.c.active_version_id))
        if not include_deleted:
            stmt = stmt.where(datasets.c.deleted_at.is_(None))
        with self._read() as conn:
            rows = conn.execute(stmt).all()
        out = [
            DatasetInfo(
                id=r.id,
                name=r.name,
                created_at=_utc(r.created_at),
                created_by=r.created_by,
                deleted_at=_utc(r.deleted_at),
                deleted_by=r.deleted_by,
                active_version_id=r.active_version_id,
                active_version_number=r.active_version_number,
                n_versions=int(r.n_versions),
            )
            for r in rows
        ]
        return sorted(out, key=lambda d: natural_key(d.name))

    def dataset(self, dataset_id: int) -> DatasetInfo:
        for d in self.list_datasets(include_deleted=True):
            if d.id == dataset_id:
                return d
        raise DatasetNotFound(f"no dataset with id {dataset_id}")

    def dataset_by_name(self, name: str) -> DatasetInfo | None:
        """The dataset called ``name`` (deleted or not), or None."""
        name = (name or "").strip()
        for d in self.list_datasets(include_deleted=True):
            if d.name == name:
                return d
        return None

    def _version_select(self):
        return select(
            versions.c.id,
            versions.c.dataset_id,
            datasets.c.name.label("dataset_name"),
            versions.c.number,
            versions.c.created_at,
            versions.c.created_by,
            versions.c.file_name,
            versions.c.file_sha256,
            func.length(versions.c.file_bytes).label("file_size"),
            versions.c.n_rows,
            versions.c.n_respondents,
            versions.c.n_proposals,
            versions.c.n_consultations,
            versions.c.rows_sha256,
            datasets.c.active_version_id,
        ).select_from(versions.join(datasets, datasets.c.id == versions.c.dataset_id))

    @staticmethod
    def _version_info(r: Any) -> VersionInfo:
        return VersionInfo(
            id=r.id,
            dataset_id=r.dataset_id,
            dataset_name=r.dataset_name,
            number=r.number,
            created_at=_utc(r.created_at),
            created_by=r.created_by,
            file_name=r.file_name,
            file_sha256=r.file_sha256,
            file_size=int(r.file_size or 0),
            n_rows=r.n_rows,
            n_respondents=r.n_respondents,
            n_proposals=r.n_proposals,
            n_consultations=r.n_consultations,
            rows_sha256=r.rows_sha256,
            is_active=r.active_version_id == r.id,
        )

    def list_versions(self, dataset_id: int) -> list[VersionInfo]:
        """All versions of a dataset, oldest (number 1) first."""
        with self._read() as conn:
            rows = conn.execute(
                self._version_select().where(versions.c.dataset_id == dataset_id).order_by(versions.c.number)
            ).all()
        return [self._version_info(r) for r in rows]

    def version(self, version_id: int) -> VersionInfo:
        with self._read() as conn:
            r = conn.execute(self._version_select().where(versions.c.id == version_id)).first()
        if r is None:
            raise VersionNotFound(f"no version with id {version_id}")
        return self._version_info(r)

    def active_version(self, dataset_id: int) -> VersionInfo | None:
        with self._read() as conn:
            r = conn.execute(
                self._version_select().where(
                    and_(datasets.c.id == dataset_id, versions.c.id == datasets.c.active_version_id)
                )
            ).first()
        return None if r is None else self._version_info(r)

    def load_version(self, version_id: int) -> CodedData:
        """The version's data, canonical dtypes, rows in their original order."""
        with self._read() as conn:
            if conn.scalar(select(versions.c.id).where(versions.c.id == version_id)) is None:
                raise VersionNotFound(f"no version with id {version_id}")
            return _load_frames(conn, version_id)

    def original_file(self, version_id: int) -> tuple[str, bytes]:
        with self._read() as conn:
            r = conn.execute(
                select(versions.c.file_name, versions.c.file_bytes).where(versions.c.id == version_id)
            ).first()
        if r is None:
            raise VersionNotFound(f"no version with id {version_id}")
        return r.file_name, bytes(r.file_bytes)

    def rows_checksum(self, version_id: int) -> str:
        """sha256 of the version's rows as stored now (see store.frames).

        Computed from the values read back from the database, without pandas:
        equal to ``rows_sha256`` exactly when every stored value is the one
        written at save time.
        """
        with self._read() as conn:
            if conn.scalar(select(versions.c.id).where(versions.c.id == version_id)) is None:
                raise VersionNotFound(f"no version with id {version_id}")
            return checksum_rows(_fetch_rows(conn, version_id))

    def verify(self, version_id: int) -> bool:
        """True if the rows and the original file match their stored checksums."""
        with self._read() as conn:
            r = conn.execute(
                select(
                    versions.c.rows_sha256,
                    versions.c.file_sha256,
                    versions.c.file_bytes,
                    versions.c.n_rows,
                ).where(versions.c.id == version_id)
            ).first()
            if r is None:
                raise VersionNotFound(f"no version with id {version_id}")
            rows = _fetch_rows(conn, version_id)
        return (
            len(rows["responses"]) == r.n_rows
            and checksum_rows(rows) == r.rows_sha256
            and hashlib.sha256(bytes(r.file_bytes)).hexdigest() == r.file_sha256
        )

    def audit_log(self, dataset_id: int | None = None) -> list[AuditEntry]:
        """Audit entries, oldest first; all datasets unless ``dataset_id``."""
        stmt = (
            select(
                audit_log,
                datasets.c.name.label("dataset_name"),
                versions.c.number.label("version_number"),
            )
            .select_from(
                audit_log.outerjoin(datasets, datasets.c.id == audit_log.c.dataset_id).outerjoin(
                    versions, versions.c.id == audit_log.c.version_id
                )
            )
            .order_by(audit_log.c.id)
        )
        if dataset_id is not None:
            stmt = stmt.where(audit_log.c.dataset_id == dataset_id)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
        return [
            AuditEntry(
                id=r.id,
                at=_utc(r.at),
                user=r.user,
                action=r.action,
                dataset_id=r.dataset_id,
                dataset_name=r.dataset_name,
                version_id=r.version_id,
                version_number=r.version_number,
                detail=json.loads(r.detail) if r.detail else {},
                session=r.session_id,
                client=r.client,
            )
            for r in rows
        ]


def open_store(url: str | None = None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
    """A migrated Store for ``url`` (default: :func:`store.db.database_url_from_env`)."""
    return Store(make_engine(url or database_url_from_env(), busy_timeout=busy_timeout))


def _insert_new_dataset(conn: Connection, **values: Any) -> None:
    """Insert a dataset row; the unique constraint on the name refuses a taken one (:class:`NameTaken`).

    No check first: two sessions inserting one name at once are ordered by
    the database, and the second gets the constraint violation.
    """
    try:
        conn.execute(insert(datasets).values(**values))
    except IntegrityError as exc:
        raise NameTaken(values["name"]) from exc


def _insert_dataset_if_missing(conn: Connection, **values: Any) -> None:
    dialect = conn.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(datasets).values(**values).on_conflict_do_nothing(index_elements=["name"]))
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(datasets).values(**values).on_conflict_do_nothing(index_elements=["name"]))
    else:
        if conn.scalar(select(datasets.c.id).where(datasets.c.name == values["name"])) is None:
            try:
                with conn.begin_nested():
                    conn.execute(insert(datasets).values(**values))
            except IntegrityError:
                pass  # created concurrently


def _insert_rows(conn: Connection, table, version_id: int, columns: dict[str, list]) -> None:
    """Bulk-insert one frame's rows (``pos`` = 0-based position) in ``conn``'s transaction.

    PostgreSQL (psycopg): one ``COPY ... FROM STDIN`` per table, about four
    times faster than executemany. Positional-paramstyle drivers (SQLite):
    ``executemany`` of plain tuples in chunks of :data:`INSERT_CHUNK`, with
    the SQL compiled from the Core ``insert()``. Anything else: Core
    executemany with dictionaries. All run inside the caller's transaction.
    """
    names = list(columns)
    if not names:
        return
    n = len(columns[names[0]])
    if n == 0:
        return
    keys = ["version_id", "pos", *names]

    def rows(start: int, end: int) -> Iterator[tuple]:
        return zip(
            repeat(version_id, end - start),
            range(start, end),
            *(columns[c][start:end] for c in names),
        )

    dialect = conn.dialect
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        quote = dialect.identifier_preparer
        sql = "COPY {} ({}) FROM STDIN".format(
            quote.format_table(table), ", ".join(quote.quote(k) for k in keys)
        )
        cursor = conn.connection.driver_connection.cursor()
        try:
            with cursor.copy(sql) as copy:
                for row in rows(0, n):
                    copy.write_row(row)
        finally:
            cursor.close()
        return

    compiled = insert(table).compile(dialect=dialect)
    if dialect.positional and list(compiled.positiontup or ()) == keys:
        sql = str(compiled)
        for start in range(0, n, INSERT_CHUNK):
            conn.exec_driver_sql(sql, list(rows(start, min(n, start + INSERT_CHUNK))))
        return

    stmt = insert(table)
    for start in range(0, n, INSERT_CHUNK):
        end = min(n, start + INSERT_CHUNK)
        conn.execute(stmt, [dict(zip(keys, row)) for row in rows(start, end)])


def _fetch_rows(conn: Connection, version_id: int) -> dict[str, list[tuple]]:
    """``{frame: [row tuple, ...]}`` as stored, schema column order, original row order.

    On SQLite and PostgreSQL the compiled SELECT runs on the DBAPI cursor of
    the same connection (plain tuples, no SQLAlchemy Row objects: a third
    faster for big versions); booleans are normalised to ``bool`` since
    SQLite returns 0/1.
    """
    version_id = int(version_id)
    raw = conn.dialect.name in ("sqlite", "postgresql")
    out: dict[str, list[tuple]] = {}
    for name, table in ROW_TABLES.items():
        cols = FRAME_COLUMNS[name]
        stmt = select(*(table.c[c] for c in cols)).where(table.c.version_id == version_id).order_by(table.c.pos)
        if raw:
            sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
            cursor = conn.connection.cursor()
            try:
                cursor.execute(sql)
                rows = cursor.fetchall()
            finally:
                cursor.close()
            bools = [i for i, c in enumerate(cols) if isinstance(table.c[c].type, Boolean)]
            if bools and rows:
                fixed = []
                for row in rows:
                    row = list(row)
                    for i in bools:
                        if row[i] is not None:
                            row[i] = bool(row[i])
                    fixed.append(tuple(row))
                rows = fixed
        else:
            rows = [tuple(r) for r in conn.execute(stmt)]
        out[name] = rows
    return out


def _columns(rows: dict[str, list[tuple]]) -> dict[str, dict[str, list]]:
    """Transpose :func:`_fetch_rows` output into ``{frame: {column: values}}``."""
    out = {}
    for name, cols in FRAME_COLUMNS.items():
        frame_rows = rows[name]
        columns = list(zip(*frame_rows)) if frame_rows else [() for _ in cols]
        out[name] = {c: list(v) for c, v in zip(cols, columns)}
    return out


def _object_array(values: list) -> np.ndarray:
    return np.fromiter(values, dtype=object, count=len(values))


def _load_frames(conn: Connection, version_id: int) -> CodedData:
    columns = _columns(_fetch_rows(conn, version_id))
    frames = {
        name: pd.DataFrame(
            {c: _object_array(values) for c, values in cols.items()},
            index=pd.RangeIndex(len(next(iter(cols.values())))),
            dtype=object,  # no str inference here; the conform step types it once
        )
        for name, cols in columns.items()
    }
    return CodedData(
        responses=conform(frames["responses"]),
        respondents=conform_respondents(frames["respondents"]),
        proposals=conform_proposals(frames["proposals"]),
    )
