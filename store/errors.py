"""Exceptions raised by the store. The UI maps them to messages."""
from __future__ import annotations


class StoreError(Exception):
    """Base class for everything the store raises on purpose."""


class StoreBusy(StoreError):
    """Another writer holds the database; nothing was written.

    The UI shows "Upptagen, försök igen" (busy, try again). Retrying later is
    always safe: a busy write leaves no trace.
    """


class DatasetNotFound(StoreError, LookupError):
    """No dataset with that name or id (and ``create=False``)."""


class DatasetDeleted(StoreError):
    """The dataset is soft-deleted; an admin must undelete it first."""


class VersionNotFound(StoreError, LookupError):
    """No version with that id."""


class SchemaTooNew(StoreError):
    """The database schema is newer than this code knows (a downgrade)."""
