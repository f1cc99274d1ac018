"""Table definitions (SQLAlchemy Core), matching the latest schema version.

Row tables store one database row per frame row, keyed by
``(version_id, pos)`` where ``pos`` is the 0-based position in the frame, so
a version loads back in its original order. Versions and their rows are
never updated or deleted.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from loaders.schema import COLUMNS, PROPOSAL_COLUMNS, RESPONDENT_COLUMNS

AUDIT_ACTIONS: tuple[str, ...] = ("upload", "restore", "delete", "undelete")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

datasets = Table(
    "datasets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Column("deleted_by", String(200), nullable=True),
    # Cycle with versions.dataset_id: use_alter lets PostgreSQL add it after
    # both tables exist (SQLite accepts the forward reference inline).
    Column(
        "active_version_id",
        Integer,
        ForeignKey("versions.id", use_alter=True, name="fk_datasets_active_version_id"),
        nullable=True,
    ),
)

versions = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dataset_id", Integer, ForeignKey("datasets.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("file_bytes", LargeBinary, nullable=False),
    Column("n_rows", Integer, nullable=False),
    Column("n_respondents", Integer, nullable=False),
    Column("n_proposals", Integer, nullable=False),
    Column("n_consultations", Integer, nullable=False),
    Column("rows_sha256", String(64), nullable=False),
    UniqueConstraint("dataset_id", "number", name="uq_versions_dataset_number"),
)


def _row_table(name: str, columns: list[Column]) -> Table:
    return Table(
        name,
        metadata,
        Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True, autoincrement=False),
        Column("pos", Integer, primary_key=True, autoincrement=False),
        *columns,
    )


def _response_column(name: str) -> Column:
    if name == "row":
        return Column(name, Integer, nullable=False)
    # stance / respondent_type may be missing (NaN in the frame) -> NULL.
    return Column(name, Text, nullable=name in ("stance", "respondent_type"))


def _respondent_column(name: str) -> Column:
    if name == "population":
        return Column(name, Float(precision=53), nullable=True)
    if name == "replied":
        return Column(name, Boolean, nullable=False)
    return Column(name, Text, nullable=name == "respondent_type")


response_rows = _row_table("response_rows", [_response_column(c) for c in COLUMNS])
respondent_rows = _row_table("respondent_rows", [_respondent_column(c) for c in RESPONDENT_COLUMNS])
proposal_rows = _row_table("proposal_rows", [Column(c, Text, nullable=False) for c in PROPOSAL_COLUMNS])

#: Row tables by frame name, in the order used for checksums.
ROW_TABLES: dict[str, Table] = {
    "responses": response_rows,
    "respondents": respondent_rows,
    "proposals": proposal_rows,
}

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", String(200), nullable=False),
    Column("action", String(20), nullable=False),
    Column("dataset_id", Integer, ForeignKey("datasets.id"), nullable=True, index=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=True),
    Column("detail", Text, nullable=False, default=""),
    # Schema step 2: where an anonymous change came from (a hash of the browser session, the client address).
    Column("session_id", String(64), nullable=True),
    Column("client", String(200), nullable=True),
    CheckConstraint(
        "action IN ({})".format(", ".join(f"'{a}'" for a in AUDIT_ACTIONS)),
        name="action_known",
    ),
)
