"""Edited draft paragraphs: append-only, scoped by dataset, filters and language, kept across versions."""
from sqlalchemy import inspect, select

from store import drafts
from store.migrations import LATEST_VERSION, current_version
from store.tables import datasets
from tests.store._data import make_data


def _save(store, **kw):
    base = dict(dataset_id=None, version_id=None, version_number=None, filters="{}", lang="sv",
                proposal_key="R\x1f1", figures={"agree": 3}, user="anna@example.se")
    drafts.save(store.engine, **(base | kw))


def test_migration_step_5_creates_the_table(store, engine):
    assert LATEST_VERSION == 5 and current_version(engine) == 5
    assert "draft_texts" in inspect(engine).get_table_names()


def test_edits_are_versioned_scoped_and_reset(store):
    v1 = store.save_version("Remiss", make_data(5), "a.xlsx", b"x", user="anna")
    _save(store, dataset_id=v1.dataset_id, version_id=v1.id, version_number=1, text="Första.")
    _save(store, dataset_id=v1.dataset_id, version_id=v1.id, version_number=1, text="Andra.",
          figures={"agree": 4})
    _save(store, dataset_id=v1.dataset_id, version_id=v1.id, version_number=1, text="In English.", lang="en")
    _save(store, dataset_id=v1.dataset_id, version_id=v1.id, version_number=1, text="Kommun.",
          filters='{"typ": ["Kommun"]}')
    _save(store, text="Demo.")
    now = drafts.current(store.engine, dataset_id=v1.dataset_id, filters="{}", lang="sv")
    assert list(now) == ["R\x1f1"]
    e = now["R\x1f1"]
    assert (e.text, e.figures, e.version_number, e.user, e.revision) == ("Andra.", {"agree": 4}, 1,
                                                                         "anna@example.se", 2)
    assert drafts.current(store.engine, dataset_id=v1.dataset_id, filters="{}", lang="en")["R\x1f1"].text == \
        "In English."
    assert drafts.current(store.engine, dataset_id=None, filters="{}", lang="sv")["R\x1f1"].text == "Demo."
    # A new upload of the same dataset keeps the edit.
    store.save_version("Remiss", make_data(5), "b.xlsx", b"y", user="anna")
    assert drafts.current(store.engine, dataset_id=v1.dataset_id, filters="{}", lang="sv")["R\x1f1"].text == "Andra."
    # A reset brings back the generated text; history keeps everything.
    _save(store, dataset_id=v1.dataset_id, version_id=v1.id, version_number=2, text=None)
    assert drafts.current(store.engine, dataset_id=v1.dataset_id, filters="{}", lang="sv") == {}
    hist = drafts.history(store.engine, dataset_id=v1.dataset_id, proposal_key="R\x1f1")
    assert [(h["action"], h["text"], h["lang"]) for h in hist] == [
        ("edit", "Första.", "sv"), ("edit", "Andra.", "sv"), ("edit", "In English.", "en"), ("edit", "Kommun.", "sv"),
        ("reset", "", "sv")]
    with store.engine.connect() as conn:
        assert conn.execute(select(datasets.c.name)).scalars().all() == ["Remiss"]
