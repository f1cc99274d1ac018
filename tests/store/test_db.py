"""Database location, engine and schema migrations."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select

import store.db as db
from store import LATEST_VERSION, Store, database_url_from_env, migrate
from store.migrations import STEPS, current_version
from store.tables import schema_version


def test_url_from_env_wins() -> None:
    url = "postgresql+psycopg://u:p@db.example/remiss"
    assert database_url_from_env({"REMISSKOLLEN_DATABASE_URL": url, "REMISSKOLLEN_DATA_DIR": "/x"}) == url


def test_url_from_data_dir_creates_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "a" / "b"
    url = database_url_from_env({"REMISSKOLLEN_DATA_DIR": str(data_dir)})
    assert url == f"sqlite:///{data_dir.resolve() / 'remisskollen.sqlite3'}"
    assert data_dir.is_dir()


def test_default_data_dir_is_var_under_repo(tmp_path: Path, monkeypatch) -> None:
    assert db.DEFAULT_DATA_DIR == Path(__file__).resolve().parents[2] / "var"
    monkeypatch.setattr(db, "DEFAULT_DATA_DIR", tmp_path / "var")
    assert database_url_from_env({}) == f"sqlite:///{tmp_path / 'var' / 'remisskollen.sqlite3'}"
    assert (tmp_path / "var").is_dir()


def test_migrations_are_idempotent(engine) -> None:
    assert current_version(engine) == 0
    assert migrate(engine) == LATEST_VERSION
    assert migrate(engine) == LATEST_VERSION
    Store(engine)  # migrates again on construction: still a no-op
    with engine.connect() as conn:
        rows = conn.execute(select(schema_version.c.version, schema_version.c.description)).all()
    assert [tuple(r) for r in rows] == [(n, d) for n, d, _ in STEPS]
    tables = set(inspect(engine).get_table_names())
    assert {
        "schema_version",
        "datasets",
        "versions",
        "response_rows",
        "respondent_rows",
        "proposal_rows",
        "audit_log",
    } <= tables
    assert current_version(engine) == LATEST_VERSION
