"""Backup and restore (store/backup.py): a round trip keeps every table, on SQLite and PostgreSQL.

Every check compares checksums of the data read back, per table and per
version, plus the loaded frames themselves.
"""
from __future__ import annotations

import json
import zipfile

import pandas as pd
import pytest

from store import Store, make_engine
from store.backup import BackupError, read_manifest, restore_backup, table_checksums, write_backup
from tests.store._data import make_data


def _fill(store: Store) -> dict[str, int]:
    """Two datasets, three versions, an older version restored, one dataset deleted."""
    a1 = store.save_version("Vårdplan", make_data(600, "a1", seed=1), "svar.xlsx", b"PK original 1", user="anna")
    store.save_version("Vårdplan", make_data(800, "a2", seed=2), "svar2.xlsx", b"PK original 2", user="bo")
    store.restore(a1.id, user="anna")
    b1 = store.save_version("Hemlig", make_data(120, "b1", seed=3), "hemlig.csv", "Instans;Förslag\n".encode(),
                            user="cecilia")
    store.soft_delete(b1.dataset_id, user="cecilia")
    return {"a1": a1.id, "b1": b1.id}


def _frames_equal(left, right) -> None:
    for name in ("responses", "respondents", "proposals"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


def test_round_trip_keeps_every_table_and_version(store, tmp_path):
    ids = _fill(store)
    before = table_checksums(store.engine)
    out = tmp_path / "remisskollen.backup"
    manifest = write_backup(store.engine, out)

    assert {t.name: (t.rows, t.sha256) for t in manifest.tables} == before
    assert before["versions"][0] == 3 and before["datasets"][0] == 2
    assert before["audit_log"][0] == 5  # three uploads, a restore, a delete
    assert before["response_rows"][0] == 600 + 800 + 120

    target = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    restore_backup(target, out)
    assert table_checksums(target) == before
    restored = Store(target)
    for version_id in ids.values():
        assert restored.verify(version_id)
        _frames_equal(restored.load_version(version_id), store.load_version(version_id))
    assert [d.name for d in restored.list_datasets(include_deleted=True)] == \
        [d.name for d in store.list_datasets(include_deleted=True)]
    active = restored.active_version(restored.dataset_by_name("Vårdplan").id)
    assert active.number == 1  # the restore to version 1 is kept
    assert restored.original_file(ids["a1"]) == ("svar.xlsx", b"PK original 1")
    assert [(e.user, e.action) for e in restored.audit_log()] == \
        [(e.user, e.action) for e in store.audit_log()]
    # New writes after a restore get fresh ids and the next version number.
    v = restored.save_version("Vårdplan", make_data(50, "a3"), "svar3.xlsx", b"x", user="dan")
    assert v.number == 3 and v.id not in ids.values()
    target.dispose()


@pytest.mark.postgres
def test_move_from_sqlite_to_postgresql(tmp_path, pg_database_url):
    source = make_engine(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    ids = _fill(Store(source))
    before = table_checksums(source)
    out = tmp_path / "flytt.backup"
    write_backup(source, out)

    target = make_engine(pg_database_url)
    restore_backup(target, out)
    assert table_checksums(target) == before
    moved = Store(target)
    for version_id in ids.values():
        assert moved.verify(version_id)
        _frames_equal(moved.load_version(version_id), Store(source).load_version(version_id))
    v = moved.save_version("Vårdplan", make_data(40, "pg"), "pg.xlsx", b"pg", user="eva")
    assert v.number == 3 and v.id == 4  # the id sequence moved past the restored ids
    source.dispose()
    target.dispose()


def test_restore_refuses_a_database_with_data_and_writes_nothing(store, tmp_path):
    _fill(store)
    out = tmp_path / "b.backup"
    write_backup(store.engine, out)
    before = table_checksums(store.engine)
    with pytest.raises(BackupError, match="already holds datasets"):
        restore_backup(store.engine, out)
    assert table_checksums(store.engine) == before


def test_a_tampered_backup_is_refused_and_leaves_the_database_empty(store, tmp_path):
    _fill(store)
    good = tmp_path / "good.backup"
    write_backup(store.engine, good)
    bad = tmp_path / "bad.backup"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/response_rows.jsonl":
                data = data.replace(b'"stance":"agree"', b'"stance":"disagree"', 1)
            dst.writestr(item, data)
    target = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with pytest.raises(BackupError, match="table response_rows does not match"):
        restore_backup(target, bad)
    assert table_checksums(target)["datasets"][0] == 0
    assert Store(target).list_datasets(include_deleted=True) == []
    target.dispose()


def test_the_backup_covers_every_table_the_schema_creates(store, tmp_path):
    from sqlalchemy import inspect

    out = tmp_path / "all.backup"
    manifest = write_backup(store.engine, out)
    created = set(inspect(store.engine).get_table_names()) - {"schema_version"}
    assert {t.name for t in manifest.tables} == created


def test_not_a_backup_and_newer_schema_are_refused(tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a zip")
    with pytest.raises(BackupError, match="not a Remisskollen backup"):
        read_manifest(junk)
    newer = tmp_path / "newer.backup"
    with zipfile.ZipFile(newer, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "remisskollen-backup", "format_version": 1,
                                                 "schema_version": 999, "created_at": "", "tables": []}))
    target = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with pytest.raises(BackupError, match="schema version 999"):
        restore_backup(target, newer)
    target.dispose()


def test_cli_backup_and_restore(store, tmp_path, capsys):
    import cli

    _fill(store)
    url = store.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "kopia.backup"
    assert cli.main(["backup", str(out), "--database", url]) == 0
    said = capsys.readouterr().out
    assert f"Säkerhetskopia skriven till {out}: 2 datamängder, 3 versioner, 1520 kodade rader, " \
           "5 händelser i loggen." in said

    target = f"sqlite:///{tmp_path / 'ny.sqlite3'}"
    assert cli.main(["restore", str(out), "--database", target, "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert f"Restored from {out}: 2 datasets, 3 versions, 1520 coded rows; the checksums match" in said
    assert cli.main(["restore", str(out), "--database", target]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Återställningen avbröts och inget skrevs: databasen innehåller redan datamängder.")


def test_cli_backup_of_a_database_never_set_up_says_so(tmp_path, capsys):
    """Not "Internt fel: no such table": the official is told there is nothing to back up, and no file appears."""
    import cli

    url = f"sqlite:///{tmp_path / 'tom.sqlite3'}"
    out = tmp_path / "kopia.backup"
    assert cli.main(["backup", str(out), "--database", url]) == 1
    assert capsys.readouterr().err.strip() == ("Databasen är inte upplagd än: det finns inget att "
                                               "säkerhetskopiera. Ingen fil skrevs.")
    assert cli.main(["backup", str(out), "--database", url, "--lang", "en"]) == 1
    assert "there is nothing to back up" in capsys.readouterr().err
    assert not out.exists()
