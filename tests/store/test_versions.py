"""Datasets, versions, restore, soft delete and the audit log, on SQLite and PostgreSQL."""
from __future__ import annotations

import hashlib
import math

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from loaders.schema import conform
from store import (
    DatasetDeleted,
    DatasetNotFound,
    Store,
    StoreBusy,
    VersionNotFound,
    make_engine,
)
from store.frames import conform_proposals, conform_respondents, rows_checksum_of
from store.tables import datasets, response_rows, versions
from tests.store._frames import coded

DATA_A = coded(
    [
        ("Remiss A", "Region Uppsala", "4.10", "agree", "Bra förslag"),
        ("Remiss A", "Region Uppsala", "4.2", "disagree", 'Citat "så här"; ny\nrad'),
        ("Remiss A", "Lunds kommun", "4.2", "partly", ""),
        ("Remiss A", "Skolverket", "4.1", "no_position", "Ingen åsikt"),
    ],
    respondents=[
        ("Remiss A", "Region Uppsala", "Region", "Uppsala län", 395_000.0, True),
        ("Remiss A", "Lunds kommun", "Kommun", "Skåne län", 128_567.5, True),
        ("Remiss A", "Skolverket", "Statlig myndighet", "", math.nan, True),
        ("Remiss A", "Malmö stad", "Kommun", "Skåne län", 360_000.0, False),
    ],
    proposals=[
        ("Remiss A", "4.1", "Förslag 4.1", "Skola", "Regeringen"),
        ("Remiss A", "4.2", "Förslag 4.2", "Vård", "Regeringen"),
        ("Remiss A", "4.10", "Förslag 4.10", "Vård", "Kommunerna"),
    ],
)

DATA_B = coded(
    [
        ("Remiss A", "Region Uppsala", "4.10", "agree", "Bra förslag"),
        ("Remiss A", "Region Uppsala", "4.2", "agree", "Ändrad"),
        ("Remiss A", "Malmö stad", "4.1", "disagree", "Nytt svar"),
        ("Remiss B", "Lunds kommun", "1", "partly", ""),
        ("Remiss B", "Skolverket", "2", "agree", ""),
    ],
)

FILE_A = b"PK\x03\x04 fake xlsx A \x00\xff" * 100
FILE_B = b"PK\x03\x04 fake xlsx B \x00\xfe" * 50


def assert_same_data(loaded, saved) -> None:
    pd.testing.assert_frame_equal(loaded.responses, conform(saved.responses))
    pd.testing.assert_frame_equal(loaded.respondents, conform_respondents(saved.respondents))
    pd.testing.assert_frame_equal(loaded.proposals, conform_proposals(saved.proposals))


def test_two_uploads_make_versions_1_and_2(store: Store) -> None:
    v1 = store.save_version("Remiss 2025", DATA_A, "svar.xlsx", FILE_A, user="anna")
    v2 = store.save_version("Remiss 2025", DATA_B, "svar_v2.xlsx", FILE_B, user="bertil")

    assert (v1.number, v2.number) == (1, 2)
    assert v1.dataset_id == v2.dataset_id
    assert (v1.n_rows, v1.n_respondents, v1.n_proposals, v1.n_consultations) == (4, 4, 3, 1)
    assert (v2.n_rows, v2.n_respondents, v2.n_proposals, v2.n_consultations) == (5, 4, 5, 2)
    assert v1.created_by == "anna" and v2.created_by == "bertil"
    assert v1.file_size == len(FILE_A)

    listed = store.list_versions(v1.dataset_id)
    assert [(v.id, v.number, v.is_active, v.n_rows, v.file_name) for v in listed] == [
        (v1.id, 1, False, 4, "svar.xlsx"),
        (v2.id, 2, True, 5, "svar_v2.xlsx"),
    ]
    # What save_version returned is what the database says.
    assert listed[1] == v2
    assert store.active_version(v1.dataset_id) == v2

    [ds] = store.list_datasets()
    assert (ds.name, ds.active_version_id, ds.active_version_number, ds.n_versions) == (
        "Remiss 2025",
        v2.id,
        2,
        2,
    )
    assert ds.created_by == "anna" and not ds.is_deleted

    assert_same_data(store.load_version(v1.id), DATA_A)
    assert_same_data(store.load_version(v2.id), DATA_B)

    assert store.original_file(v1.id) == ("svar.xlsx", FILE_A)
    assert store.original_file(v2.id) == ("svar_v2.xlsx", FILE_B)
    assert v1.file_sha256 == hashlib.sha256(FILE_A).hexdigest()
    assert v2.file_sha256 == hashlib.sha256(FILE_B).hexdigest()

    for v, data in ((v1, DATA_A), (v2, DATA_B)):
        assert v.rows_sha256 == rows_checksum_of(data)
        assert store.rows_checksum(v.id) == v.rows_sha256
        assert store.verify(v.id)
    assert v1.rows_sha256 != v2.rows_sha256


def test_load_keeps_order_missing_values_and_dtypes(store: Store) -> None:
    # Not sorted, with an unknown stance and respondent type (NULL in the database).
    data = coded(
        [
            ("Ö-remiss", "Zeta", "10", "agree", "z"),
            ("Ö-remiss", "Alfa", "2", None, ""),
            ("A-remiss", "Mitt", "1", "partly", "  blanksteg  "),
        ]
    )
    data.responses["respondent_type"] = pd.Categorical(
        [None, "Kommun", "Övrig"], dtype=data.responses["respondent_type"].dtype
    )
    info = store.save_version("ordning", data, "x.csv", b"")
    loaded = store.load_version(info.id)
    assert_same_data(loaded, data)
    assert list(loaded.responses["respondent"]) == ["Zeta", "Alfa", "Mitt"]
    assert loaded.responses["stance"].isna().tolist() == [False, True, False]
    assert loaded.responses["row"].dtype == "int32"
    assert store.original_file(info.id) == ("x.csv", b"")
    assert store.verify(info.id)


def test_empty_version_round_trips(store: Store) -> None:
    info = store.save_version("tom", coded([]), "tom.xlsx", b"x")
    assert (info.n_rows, info.n_respondents, info.n_proposals, info.n_consultations) == (0, 0, 0, 0)
    assert_same_data(store.load_version(info.id), coded([]))
    assert store.verify(info.id)


def test_restore_delete_undelete_and_audit_log(store: Store) -> None:
    v1 = store.save_version("Remiss 2025", DATA_A, "a.xlsx", FILE_A, user="anna")
    other = store.save_version("Annan remiss", DATA_B, "b.xlsx", FILE_B)  # user unknown
    v2 = store.save_version("Remiss 2025", DATA_B, "b.xlsx", FILE_B, user="bertil")
    ds = v1.dataset_id

    restored = store.restore(v1.id, user="cecilia")
    assert restored.id == v1.id and restored.is_active
    assert store.active_version(ds).id == v1.id
    assert [(v.id, v.is_active) for v in store.list_versions(ds)] == [(v1.id, True), (v2.id, False)]
    # The restored version is the same data, not a copy.
    assert_same_data(store.load_version(store.active_version(ds).id), DATA_A)
    # Restoring the active version again changes nothing and is not audited.
    store.restore(v1.id, user="cecilia")

    assert store.soft_delete(ds, user="admin") is True
    assert store.soft_delete(ds, user="admin") is False  # already deleted: no-op
    assert [d.name for d in store.list_datasets()] == ["Annan remiss"]
    deleted = {d.name: d for d in store.list_datasets(include_deleted=True)}
    assert deleted["Remiss 2025"].is_deleted and deleted["Remiss 2025"].deleted_by == "admin"
    # Versions and rows of a deleted dataset are kept.
    assert len(store.list_versions(ds)) == 2 and store.verify(v2.id)
    with pytest.raises(DatasetDeleted):
        store.save_version("Remiss 2025", DATA_A, "c.xlsx", b"c", user="anna")
    with pytest.raises(DatasetDeleted):
        store.restore(v2.id, user="anna")

    assert store.undelete(ds, user="admin") is True
    assert store.undelete(ds, user="admin") is False
    assert [d.name for d in store.list_datasets()] == ["Annan remiss", "Remiss 2025"]
    assert store.active_version(ds).id == v1.id
    assert len(store.list_versions(ds)) == 2

    expected = [
        ("upload", "Remiss 2025", 1, "anna"),
        ("upload", "Remiss 2025", 2, "bertil"),
        ("restore", "Remiss 2025", 1, "cecilia"),
        ("delete", "Remiss 2025", 1, "admin"),
        ("undelete", "Remiss 2025", 1, "admin"),
    ]
    log = store.audit_log(ds)
    assert [(e.action, e.dataset_name, e.version_number, e.user) for e in log] == expected
    assert [e.version_id for e in log] == [v1.id, v2.id, v1.id, v1.id, v1.id]
    assert log[0].detail == {"file_name": "a.xlsx", "n_rows": 4, "number": 1}
    assert log[2].detail == {"number": 1, "previous_version_id": v2.id}
    assert all(e.at.tzinfo is not None for e in log)
    assert [e.at for e in log] == sorted(e.at for e in log)

    everything = store.audit_log()
    assert [(e.action, e.dataset_name, e.version_number, e.user) for e in everything] == [
        expected[0],
        ("upload", "Annan remiss", 1, "anonym"),
        *expected[1:],
    ]
    assert everything[1].version_id == other.id


def test_users_default_to_anonym(store: Store) -> None:
    a = store.save_version("x", DATA_A, "a.xlsx", b"a")
    b = store.save_version("x", DATA_A, "a.xlsx", b"a", user="   ")
    c = store.save_version("x", DATA_A, "a.xlsx", b"a", user=None)
    assert [a.created_by, b.created_by, c.created_by] == ["anonym"] * 3
    assert [e.user for e in store.audit_log()] == ["anonym"] * 3


def test_create_false_and_unknown_ids(store: Store, engine) -> None:
    with pytest.raises(DatasetNotFound):
        store.save_version("saknas", DATA_A, "a.xlsx", b"a", create=False)
    assert store.list_datasets(include_deleted=True) == []
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(versions)) == 0

    v1 = store.save_version("finns", DATA_A, "a.xlsx", b"a")
    v2 = store.save_version("finns", DATA_B, "b.xlsx", b"b", create=False)
    assert v2.number == 2 and v2.dataset_id == v1.dataset_id

    for call in (store.load_version, store.original_file, store.verify, store.rows_checksum, store.version):
        with pytest.raises(VersionNotFound):
            call(999_999)
    with pytest.raises(VersionNotFound):
        store.restore(999_999)
    for call in (store.soft_delete, store.undelete, store.dataset):
        with pytest.raises(DatasetNotFound):
            call(999_999)
    assert store.active_version(999_999) is None
    assert store.list_versions(999_999) == []
    with pytest.raises(ValueError):
        store.save_version("  ", DATA_A, "a.xlsx", b"a")


def test_dataset_names_are_trimmed_and_sorted_naturally(store: Store) -> None:
    for name in ("Remiss 10", " Remiss 2 ", "remiss 1"):
        store.save_version(name, DATA_A, "a.xlsx", b"a")
    assert [d.name for d in store.list_datasets()] == ["remiss 1", "Remiss 2", "Remiss 10"]
    assert store.dataset_by_name("Remiss 2").n_versions == 1
    assert store.dataset_by_name("okänd") is None


def test_verify_detects_tampering(store: Store, engine) -> None:
    info = store.save_version("x", DATA_A, "a.xlsx", FILE_A)
    assert store.verify(info.id)
    with engine.begin() as conn:
        conn.execute(
            response_rows.update()
            .where(response_rows.c.version_id == info.id, response_rows.c.pos == 1)
            .values(stance="agree")
        )
    assert not store.verify(info.id)
    assert store.rows_checksum(info.id) != info.rows_sha256


def test_verify_detects_missing_rows(store: Store, engine) -> None:
    info = store.save_version("x", DATA_A, "a.xlsx", FILE_A)
    with engine.begin() as conn:
        conn.execute(
            response_rows.delete().where(response_rows.c.version_id == info.id, response_rows.c.pos == 3)
        )
    assert not store.verify(info.id)


def test_busy_writer_gets_store_busy_and_writes_nothing(db_url: str) -> None:
    holder_engine = make_engine(db_url)
    store = Store(make_engine(db_url, busy_timeout=0.2))
    first = store.save_version("delad", DATA_A, "a.xlsx", b"a")
    try:
        with holder_engine.begin() as holder:
            # Another writer holds the lock: the write lock itself on SQLite
            # (BEGIN IMMEDIATE), the dataset row on PostgreSQL.
            holder.execute(select(datasets.c.id).where(datasets.c.id == first.dataset_id).with_for_update())
            with pytest.raises(StoreBusy):
                store.save_version("delad", DATA_B, "b.xlsx", b"b", user="väntar")
            # Readers are not blocked by the writer.
            assert store.active_version(first.dataset_id).id == first.id
            assert store.verify(first.id)
        assert [v.number for v in store.list_versions(first.dataset_id)] == [1]
        assert [e.user for e in store.audit_log()] == ["anonym"]
        second = store.save_version("delad", DATA_B, "b.xlsx", b"b", user="väntar")
        assert second.number == 2
    finally:
        holder_engine.dispose()
        store.engine.dispose()


def test_sqlite_engine_settings(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "s.sqlite3"
    engine = make_engine(f"sqlite:///{path}", busy_timeout=7)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 7000
        Store(engine)
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            # engine.begin() takes the write lock at once (BEGIN IMMEDIATE),
            # before any statement has written anything.
            with engine.begin() as conn:
                conn.execute(text("SELECT 1"))
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            # A read-only transaction does not take it.
            from store.db import read_only

            with read_only(engine) as conn:
                conn.execute(select(func.count()).select_from(datasets)).scalar()
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
        finally:
            other.close()
    finally:
        engine.dispose()


def test_sqlite_memory_database_refused() -> None:
    with pytest.raises(ValueError):
        make_engine("sqlite://")
