"""The store behind ``st.connection("sql")``.

The database URL comes from, in order: the environment variable
``REMISSKOLLEN_DATABASE_URL``; ``[connections.sql] url`` in
``.streamlit/secrets.toml``; else a SQLite file in ``REMISSKOLLEN_DATA_DIR``
(default ``var/``, ignored by git). The CLI reads the same variables.
"""
from __future__ import annotations

import os

import streamlit as st
from streamlit.connections import BaseConnection

from store.db import ENV_DATABASE_URL, database_url_from_env, make_engine
from store.versions import Store


class StoreConnection(BaseConnection[Store]):
    """A Streamlit connection whose raw object is a migrated :class:`Store`."""

    def _connect(self, **kwargs) -> Store:
        url = kwargs.get("url") or self._secrets.get("url") or database_url_from_env()
        return Store(make_engine(url))

    @property
    def store(self) -> Store:
        return self._instance


def resolve_url() -> str | None:
    """The URL to pass to st.connection, or None to let secrets.toml decide."""
    if os.environ.get(ENV_DATABASE_URL):
        return os.environ[ENV_DATABASE_URL]
    try:
        if "url" in st.secrets.get("connections", {}).get("sql", {}):
            return None
    except (FileNotFoundError, KeyError, AttributeError):
        pass
    except Exception:  # noqa: BLE001 - no or unreadable secrets.toml: use the default
        pass
    return database_url_from_env()


def get_store() -> Store:
    url = resolve_url()
    kwargs = {"url": url} if url else {}
    return st.connection("sql", type=StoreConnection, **kwargs).store
