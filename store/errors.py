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


class NameTaken(StoreError):
    """A new dataset was asked for under a name that exists (live or deleted).

    Raised from the database's unique constraint on ``datasets.name``, so two
    sessions creating the same name at the same moment cannot both succeed.
    """

    def __init__(self, name: str, deleted: bool = False) -> None:
        super().__init__(f"dataset name {name!r} is taken" + (" (by a deleted dataset)" if deleted else ""))
        self.name = name
        self.deleted = deleted


class NameTooLong(StoreError, ValueError):
    """The dataset name is longer than the column allows; nothing was written."""

    def __init__(self, name: str, limit: int) -> None:
        super().__init__(f"dataset name longer than {limit} characters")
        self.name = name
        self.limit = limit


class VersionConflict(StoreError):
    """The active version moved since the caller's diff was made; nothing was written.

    ``expected_version_id`` is the version the caller compared against,
    ``active_version_id`` / ``active_number`` the one that is active now.
    """

    def __init__(self, name: str, expected_version_id: int | None, active_version_id: int | None,
                 active_number: int | None) -> None:
        super().__init__(f"dataset {name!r}: active version is {active_version_id}, not {expected_version_id}")
        self.name = name
        self.expected_version_id = expected_version_id
        self.active_version_id = active_version_id
        self.active_number = active_number


class StorageFull(StoreError):
    """The disk (or the database's quota) is full; the transaction was rolled back."""


class StoreReadOnly(StoreError):
    """The database accepts no writes (read-only file, mount, role or transaction)."""


class StoreUnavailable(StoreError):
    """The connection to the database was lost mid-transaction (a restart, a network cut).

    The server rolls the transaction back when the connection goes; nothing was written, and the
    next try gets a fresh connection (the engine's pool pre-pings on PostgreSQL).
    """
