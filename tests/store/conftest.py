"""Store test fixtures: every ``db_url`` test runs on SQLite and PostgreSQL."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from store import Store, make_engine
from tests.conftest_pg import own_pg_server, pg_admin_url, pg_database_url  # noqa: F401  (fixtures)

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        yield request.getfixturevalue("pg_database_url")


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine) -> Store:
    return Store(engine)
