"""Merge decisions stored with a dataset: versioned, latest decision wins, surviving a reopen."""
from __future__ import annotations

import pytest

from loaders.merges import Merge, NamePair
from store import DatasetNotFound, Store, make_engine
from store import merges as merge_store
from store.migrations import LATEST_VERSION, STEPS, current_version
from tests.store._data import make_data


def test_decisions_are_numbered_and_the_latest_per_pair_wins(store, db_url):
    info = store.save_version("Remiss M", make_data(40), "m.xlsx", b"x", user="anna")
    seqs = merge_store.record(store, info.dataset_id, [
        (NamePair("Region stockholm", "Region Stockholm", "same-key"), "merge"),
        (NamePair("Malmö stad", "Malå kommun", "similar", 91), "reject"),
    ], user="anna")
    assert seqs == [1, 2]
    assert merge_store.confirmed(store, info.dataset_id) == [Merge("Region stockholm", "Region Stockholm")]
    # Undo: a later reject of the same pair (either order) replaces the merge; the history keeps both.
    assert merge_store.record(store, info.dataset_id, [(Merge("Region Stockholm", "Region stockholm"), "reject")],
                              user="bo") == [3]
    assert merge_store.confirmed(store, info.dataset_id) == []
    hist = merge_store.history(store, info.dataset_id)
    assert [(d.seq, d.name, d.into, d.decision, d.user) for d in hist] == [
        (1, "Region stockholm", "Region Stockholm", "merge", "anna"),
        (2, "Malmö stad", "Malå kommun", "reject", "anna"),
        (3, "Region Stockholm", "Region stockholm", "reject", "bo"),
    ]
    assert all(d.at.tzinfo is not None for d in hist)
    assert [d.decision for d in merge_store.current(store, info.dataset_id)] == ["reject", "reject"]
    assert merge_store.about_notes(store, info.dataset_id) == ()
    merge_store.record(store, info.dataset_id, [(Merge("SKL", "Sveriges Kommuner och Regioner"), "merge")], "cy")
    notes = merge_store.about_notes(store, info.dataset_id)
    assert [(n[0], n[1], n[2], n[4]) for n in notes] == [("SKL", "Sveriges Kommuner och Regioner", "cy", 4)]
    assert len(notes[0][3]) == len("2026-01-01 10:00")
    # A reopened store (a restart) sees the same decisions.
    again = Store(make_engine(db_url))
    assert [d.seq for d in merge_store.history(again, info.dataset_id)] == [1, 2, 3, 4]


def test_decisions_belong_to_one_dataset(store):
    a = store.save_version("A", make_data(10), "a.xlsx", b"a")
    b = store.save_version("B", make_data(10), "b.xlsx", b"b")
    merge_store.record(store, a.dataset_id, [(Merge("x", "y"), "merge")], user=None)
    assert merge_store.confirmed(store, b.dataset_id) == []
    assert merge_store.history(store, a.dataset_id)[0].user == "anonym"
    with pytest.raises(DatasetNotFound):
        merge_store.record(store, 9999, [(Merge("x", "y"), "merge")], user=None)
    with pytest.raises(ValueError):
        merge_store.record(store, a.dataset_id, [(Merge("x", "y"), "maybe")], user=None)
    assert [d.seq for d in merge_store.history(store, a.dataset_id)] == [1]


def test_schema_step_3_creates_the_merge_table(engine):
    Store(engine)
    assert current_version(engine) == LATEST_VERSION
    assert 3 in [n for n, _, _ in STEPS]
    from sqlalchemy import inspect

    assert "name_merges" in inspect(engine).get_table_names()
