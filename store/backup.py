"""Backup and restore: every table of the store in one file, and back.

    write_backup(engine, out_path)      -> Manifest
    restore_backup(engine, backup_path) -> Manifest

A backup is a zip archive:

- ``manifest.json``: format, app and schema version, when it was made, and
  for each table its row count and the sha256 of its canonical rows;
- ``tables/<name>.jsonl``: one JSON object per row, in primary-key order.

It covers every table registered on :data:`store.tables.metadata`: datasets
with all their versions, the original files, the row tables, the audit log,
and whatever later schema steps add (merges, codings, drafts). Nothing is
special-cased by table, so a new table is backed up the day it is defined.

Values that JSON cannot hold are tagged: bytes as ``{"$b64": ...}``,
datetimes as ``{"$dt": ISO-8601 in UTC}``, non-finite floats as
``{"$f": "nan"}``. The checksum of a table is computed from these encoded
rows, so a restore is verified by reading the tables back and checksumming
them the same way: equal checksums mean equal data, on SQLite or PostgreSQL.

Restoring needs an empty database (no datasets): it migrates the schema,
inserts every row in one transaction (so a failure leaves the database
empty), moves PostgreSQL's id sequences past the restored ids, and checks
every table's checksum before committing. Rows are streamed in batches, so
memory stays bounded by the batch, not the backup.
"""
from __future__ import annotations

import base64
import hashlib
import importlib
import json
import math
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, select, text, update

from store.db import read_only, write
from store.migrations import LATEST_VERSION, migrate
from store.tables import datasets, metadata, schema_version

FORMAT = "remisskollen-backup"
FORMAT_VERSION = 1
BATCH = 5_000


class BackupError(Exception):
    """The backup cannot be restored here. ``key`` and ``fmt`` name the reason in ``i18n``;
    ``str()`` gives it in English for logs."""

    def __init__(self, key: str, **fmt) -> None:
        from i18n.strings import t

        self.key, self.fmt = key, fmt
        super().__init__(t(key, "en", **fmt))

    def message(self, lang: str) -> str:
        from i18n.strings import t

        return t(self.key, lang, **self.fmt)


@dataclass(frozen=True)
class TableSummary:
    name: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    schema_version: int
    created_at: str
    app_version: str
    tables: tuple[TableSummary, ...]

    def as_dict(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": self.schema_version,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "tables": [{"name": t.name, "rows": t.rows, "sha256": t.sha256} for t in self.tables],
        }

    def table(self, name: str) -> TableSummary | None:
        return next((t for t in self.tables if t.name == name), None)


#: The modules that define tables on :data:`store.tables.metadata`; importing them registers the tables.
TABLE_MODULES = ("store.versions", "store.drafts", "store.merges", "store.coding")


def _data_tables() -> list[Table]:
    """Every table to back up, parents before children (schema_version is written by migrate)."""
    for module in TABLE_MODULES:
        importlib.import_module(module)
    return [t for t in metadata.sorted_tables if t.name != schema_version.name]


# -- encoding -----------------------------------------------------------------

def _encode(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite hands back naive datetimes; the store writes UTC
            value = value.replace(tzinfo=timezone.utc)
        return {"$dt": value.astimezone(timezone.utc).isoformat()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"$f": repr(value)}
    return value


def _decode(value):
    if isinstance(value, dict) and len(value) == 1:
        (tag, payload), = value.items()
        if tag == "$b64":
            return base64.b64decode(payload)
        if tag == "$dt":
            return datetime.fromisoformat(payload)
        if tag == "$f":
            return float(payload)
    return value


def _line(row: dict) -> bytes:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"


def _rows(conn: Connection, table: Table) -> Iterator[dict]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(table).order_by(*order))
    for row in result.mappings():
        yield {k: _encode(v) for k, v in row.items()}


def _table_lines(conn: Connection, table: Table) -> Iterator[bytes]:
    for row in _rows(conn, table):
        yield _line(row)


def table_checksums(engine: Engine) -> dict[str, tuple[int, str]]:
    """(row count, sha256) of every data table, computed as a backup computes them."""
    out = {}
    with read_only(engine) as conn:
        for table in _data_tables():
            digest, n = hashlib.sha256(), 0
            for line in _table_lines(conn, table):
                digest.update(line)
                n += 1
            out[table.name] = (n, digest.hexdigest())
    return out


# -- backup -------------------------------------------------------------------

def write_backup(engine: Engine, out_path: str | Path) -> Manifest:
    """Write every table to ``out_path`` (a zip); return its manifest.

    The whole backup is read in one read-only transaction, so it is a
    consistent snapshot even while others upload.
    """
    from appinfo import APP_VERSION

    out_path = Path(out_path)
    tmp = out_path.with_name(out_path.name + ".partial")
    summaries = []
    with read_only(engine) as conn, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        schema = int(conn.scalar(select(func.max(schema_version.c.version))) or 0)
        for table in _data_tables():
            digest, n = hashlib.sha256(), 0
            with zf.open(f"tables/{table.name}.jsonl", "w", force_zip64=True) as fh:
                for line in _table_lines(conn, table):
                    fh.write(line)
                    digest.update(line)
                    n += 1
            summaries.append(TableSummary(table.name, n, digest.hexdigest()))
        manifest = Manifest(schema, datetime.now(timezone.utc).isoformat(), APP_VERSION, tuple(summaries))
        zf.writestr("manifest.json", json.dumps(manifest.as_dict(), ensure_ascii=False, indent=2))
    tmp.replace(out_path)  # a half-written backup never carries the final name
    return manifest


def read_manifest(path: str | Path) -> Manifest:
    try:
        with zipfile.ZipFile(path) as zf:
            raw = json.loads(zf.read("manifest.json"))
    except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError):
        raise BackupError("backup.not_a_backup", name=Path(path).name) from None
    if raw.get("format") != FORMAT or raw.get("format_version") != FORMAT_VERSION:
        raise BackupError("backup.not_a_backup", name=Path(path).name)
    return Manifest(int(raw["schema_version"]), raw["created_at"], raw.get("app_version", ""),
                    tuple(TableSummary(t["name"], int(t["rows"]), t["sha256"]) for t in raw["tables"]))


# -- restore ------------------------------------------------------------------

def restore_backup(engine: Engine, path: str | Path) -> Manifest:
    """Load the backup at ``path`` into the empty database behind ``engine``.

    Raises :class:`BackupError` when the file is no backup, comes from a newer
    schema, the database already holds datasets, or a restored table's
    checksum differs from the manifest; nothing is written then.
    """
    manifest = read_manifest(path)
    if manifest.schema_version > LATEST_VERSION:
        raise BackupError("backup.newer_schema", found=manifest.schema_version, known=LATEST_VERSION)
    migrate(engine)
    tables = {t.name: t for t in _data_tables()}
    unknown = [t.name for t in manifest.tables if t.name not in tables]
    if unknown:
        raise BackupError("backup.unknown_tables", tables=", ".join(unknown))
    with write(engine) as conn:
        if conn.scalar(select(func.count()).select_from(datasets)):
            raise BackupError("backup.not_empty")
        active: list[tuple[int, int | None]] = []
        with zipfile.ZipFile(path) as zf:
            for name, table in tables.items():
                if manifest.table(name) is None:
                    continue
                with zf.open(f"tables/{name}.jsonl") as fh:
                    batch = []
                    for raw in fh:
                        row = {k: _decode(v) for k, v in json.loads(raw).items()}
                        if table is datasets:  # the version it points at is not there yet
                            active.append((row["id"], row.get("active_version_id")))
                            row["active_version_id"] = None
                        batch.append(row)
                        if len(batch) >= BATCH:
                            conn.execute(table.insert(), batch)
                            batch = []
                    if batch:
                        conn.execute(table.insert(), batch)
        for dataset_id, version_id in active:
            if version_id is not None:
                conn.execute(update(datasets).where(datasets.c.id == dataset_id)
                             .values(active_version_id=version_id))
        if conn.dialect.name == "postgresql":
            _advance_sequences(conn, tables.values())
        for name, table in tables.items():
            expected = manifest.table(name)
            digest, n = hashlib.sha256(), 0
            for line in _table_lines(conn, table):
                digest.update(line)
                n += 1
            want = (expected.rows, expected.sha256) if expected else (0, hashlib.sha256().hexdigest())
            if (n, digest.hexdigest()) != want:
                raise BackupError("backup.mismatch", table=name, rows=n, expected=want[0])
    return manifest


def _advance_sequences(conn: Connection, tables) -> None:
    """Move each serial id sequence past the restored ids, so new rows get fresh ids."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name})
        if seq:
            conn.execute(text("SELECT setval(:s, COALESCE((SELECT MAX({c}) FROM {t}), 0) + 1, false)"
                              .format(c=pk[0].name, t=table.name)), {"s": seq})
