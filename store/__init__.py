"""Named datasets with immutable versions, stored through SQLAlchemy Core.

No Streamlit here: the UI layer wraps these calls. Typical use::

    from store import open_store
    store = open_store()                  # REMISSKOLLEN_DATABASE_URL or var/remisskollen.sqlite3
    info = store.save_version("Remiss 2025", coded_data, "svar.xlsx", raw_bytes, user="anna")
    data = store.load_version(info.id)
"""
from store.db import database_url_from_env, make_engine
from store.diff import VersionDiff, diff_versions
from store.errors import (
    DatasetDeleted,
    DatasetNotFound,
    SchemaTooNew,
    StoreBusy,
    StoreError,
    VersionNotFound,
)
from store.migrations import LATEST_VERSION, migrate
from store.versions import ANONYMOUS, AuditEntry, DatasetInfo, Store, VersionInfo, open_store

__all__ = [
    "ANONYMOUS",
    "AuditEntry",
    "DatasetDeleted",
    "DatasetInfo",
    "DatasetNotFound",
    "LATEST_VERSION",
    "SchemaTooNew",
    "Store",
    "StoreBusy",
    "StoreError",
    "VersionDiff",
    "VersionInfo",
    "VersionNotFound",
    "database_url_from_env",
    "diff_versions",
    "make_engine",
    "migrate",
    "open_store",
]
