"""Shared PostgreSQL pytest fixtures (server helper: tests/pg_server.py).

Import the fixtures into a conftest.py where needed::

    from tests.conftest_pg import pg_admin_url, pg_database_url  # noqa: F401

``own_pg_server`` (module): a server of the module's own, for tests that
restart it. ``pg_admin_url`` (session): a superuser URL, from REMISSKOLLEN_TEST_PG_URL
or a throwaway local server; without one the test skips (fails under
CI=true). ``pg_database_url`` (function): a fresh, empty database, dropped
after the test. Importing them into several conftests is harmless: the
server is shared per process.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests._require import require
from tests.pg_server import PgUnavailable, fresh_database, postgres_admin_url


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    try:
        cm = postgres_admin_url()
        url = cm.__enter__()
    except PgUnavailable as exc:
        require(False, str(exc))
        return
    try:
        yield url
    finally:
        cm.__exit__(None, None, None)


@pytest.fixture
def pg_database_url(pg_admin_url: str) -> Iterator[str]:
    with fresh_database(pg_admin_url) as url:
        yield url


@pytest.fixture(scope="module")
def own_pg_server():
    """A PostgreSQL server of this module's own (not the shared one), for tests that restart it."""
    from tests.pg_server import PgServer, find_pg_bindir

    bindir = find_pg_bindir()
    require(bindir is not None, "PostgreSQL server binaries not found (apt-get install postgresql)")
    try:
        server = PgServer(bindir).start()
    except PgUnavailable as exc:
        require(False, str(exc))
        return
    try:
        yield server
    finally:
        server.stop()
