"""Simultaneous saves (issue 16): no lost update, no silent merge, on SQLite and PostgreSQL.

Two real processes (``_racer.py``), each with its own engine, are released
together; the database alone decides who wins.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.errors import DatasetDeleted, NameTaken, NameTooLong, VersionConflict
from store.tables import datasets, versions
from store.versions import Origin
from tests.store._data import make_data

REPO = Path(__file__).resolve().parents[2]
RACER = Path(__file__).with_name("_racer.py")


def race(url: str, *runs: dict) -> list[dict]:
    """Start one racer per ``runs`` entry, wait until all are ready, say go to all, return their outcomes."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    procs = [subprocess.Popen([sys.executable, str(RACER), json.dumps({"url": url, **run})], cwd=REPO, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for run in runs]
    for p in procs:
        line = p.stdout.readline()
        assert json.loads(line or "{}").get("event") == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=120)
        assert p.returncode == 0, stderr
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def n_datasets(store, name: str) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(datasets).where(datasets.c.name == name))


def n_versions(store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(versions))


def test_same_new_name_at_once_exactly_one_wins(db_url, store):
    outcomes = race(db_url, {"dataset": "Remiss 2026", "tag": "a", "new": True},
                    {"dataset": "Remiss 2026", "tag": "b", "new": True, "seed": 1})
    events = sorted(o["event"] for o in outcomes)
    assert events == ["done", "name_taken"], outcomes
    assert [o.get("deleted") for o in outcomes if o["event"] == "name_taken"] == [False]
    assert n_datasets(store, "Remiss 2026") == 1
    d = store.dataset_by_name("Remiss 2026")
    assert (d.n_versions, d.active_version_number) == (1, 1)
    assert n_versions(store) == 1


def test_two_saves_from_one_diff_the_second_is_refused(db_url, store):
    v1 = store.save_version("Delad", make_data(200, "v1"), "v1.xlsx", b"v1", new_dataset=True)
    outcomes = race(db_url, {"dataset": "Delad", "tag": "a", "expected": v1.id, "seed": 2},
                    {"dataset": "Delad", "tag": "b", "expected": v1.id, "seed": 3})
    assert sorted(o["event"] for o in outcomes) == ["conflict", "done"], outcomes
    assert [o["number"] for o in outcomes if o["event"] == "done"] == [2]
    assert [o["active_number"] for o in outcomes if o["event"] == "conflict"] == [2]
    d = store.dataset_by_name("Delad")
    assert (d.n_versions, d.active_version_number) == (2, 2)


def test_stale_diff_then_deliberate_save(store):
    v1 = store.save_version("Remiss", make_data(100, "v1"), "v1.xlsx", b"v1", new_dataset=True)
    v2 = store.save_version("Remiss", make_data(100, "v2", seed=1), "v2.xlsx", b"v2", expected_version_id=v1.id)
    with pytest.raises(VersionConflict) as caught:
        store.save_version("Remiss", make_data(100, "late", seed=2), "late.xlsx", b"x", expected_version_id=v1.id)
    assert (caught.value.active_version_id, caught.value.active_number) == (v2.id, 2)
    assert store.dataset_by_name("Remiss").n_versions == 2
    # Shown the new diff (against v2), the user saves again on purpose.
    v3 = store.save_version("Remiss", make_data(100, "late", seed=2), "late.xlsx", b"x", expected_version_id=v2.id)
    assert v3.number == 3


def test_deleted_name_is_taken_too(store):
    v1 = store.save_version("Hemlig", make_data(50, "h"), "h.xlsx", b"h", new_dataset=True)
    store.soft_delete(v1.dataset_id)
    with pytest.raises(NameTaken) as caught:
        store.save_version("Hemlig", make_data(50, "h2"), "h2.xlsx", b"h2", new_dataset=True)
    assert caught.value.deleted is True
    with pytest.raises(DatasetDeleted):
        store.save_version("Hemlig", make_data(50, "h2"), "h2.xlsx", b"h2")
    assert n_datasets(store, "Hemlig") == 1 and n_versions(store) == 1


def test_name_of_250_characters_is_refused_and_nothing_stored(store):
    with pytest.raises(NameTooLong) as caught:
        store.save_version("x" * 250, make_data(50, "n"), "n.xlsx", b"n", new_dataset=True)
    assert caught.value.limit == 200
    assert store.list_datasets(include_deleted=True) == [] and n_versions(store) == 0


def test_audit_records_session_and_client(store):
    origin = Origin(session="3f2a9c0d11aa", client="192.0.2.7")
    v1 = store.save_version("Spår", make_data(50, "s"), "s.xlsx", b"s", new_dataset=True, origin=origin)
    v2 = store.save_version("Spår", make_data(50, "s2", seed=1), "s2.xlsx", b"s2", origin=origin)
    store.restore(v1.id, origin=Origin(session="77aa", client="198.51.100.4"))
    store.soft_delete(v2.dataset_id)
    log = store.audit_log()
    assert [(e.action, e.session, e.client) for e in log] == [
        ("upload", "3f2a9c0d11aa", "192.0.2.7"), ("upload", "3f2a9c0d11aa", "192.0.2.7"),
        ("restore", "77aa", "198.51.100.4"), ("delete", None, None)]
