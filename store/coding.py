"""Provenance of coded rows that the coding assistant suggested: what was suggested, what was saved, by whom.

One row per (version, respondent, proposal) that was either suggested or saved:
``suggested`` is the assistant's stance (NULL when the analyst added the row),
``final`` the saved stance (NULL when the analyst removed the suggestion), and
``status`` one of confirmed | changed | added | removed. The measured agreement
("how often did the analyst keep the suggestion") is computed from these rows.

The table is created by schema step 4 (:mod:`store.migrations`). The version is
written first by :meth:`store.versions.Store.save_version` and its provenance
right after in a second transaction; if that second write fails the version
stands as an ordinary upload and the caller is told.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Float, ForeignKey, Integer, String, Table, Text, insert, select

from store.tables import metadata

STATUSES = ("confirmed", "changed", "added", "removed")

coding_provenance = Table(
    "coding_provenance",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False, index=True),
    Column("consultation", Text, nullable=False),
    Column("respondent", Text, nullable=False),
    Column("proposal_id", String(100), nullable=False),
    Column("suggested", String(20), nullable=True),
    Column("final", String(20), nullable=True),
    Column("status", String(20), nullable=False),
    Column("confidence", Float, nullable=True),
    Column("document", Text, nullable=False),
    Column("page", Integer, nullable=True),
    Column("evidence", Text, nullable=False),
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class ProvenanceRow:
    consultation: str
    respondent: str
    proposal_id: str
    suggested: str | None
    final: str | None
    confidence: float | None = None
    document: str = ""
    page: int | None = None
    evidence: str = ""

    @property
    def status(self) -> str:
        if self.suggested is None:
            return "added"
        if self.final is None:
            return "removed"
        return "confirmed" if self.final == self.suggested else "changed"


def create_table(conn) -> None:
    """Schema step 4: this table only."""
    coding_provenance.create(conn, checkfirst=True)


def save_provenance(store, version_id: int, rows: list[ProvenanceRow], user: str) -> int:
    """Record ``rows`` for ``version_id``; returns how many were written."""
    now = datetime.now(timezone.utc)
    values = [{"version_id": version_id, "consultation": r.consultation, "respondent": r.respondent,
               "proposal_id": r.proposal_id, "suggested": r.suggested, "final": r.final, "status": r.status,
               "confidence": r.confidence, "document": r.document, "page": r.page, "evidence": r.evidence,
               "decided_by": user, "decided_at": now} for r in rows]
    if not values:
        return 0
    with store._write() as conn:
        conn.execute(insert(coding_provenance), values)
    return len(values)


def load_provenance(store, version_id: int) -> list[dict]:
    """The provenance rows of a version (empty when it was not built with the assistant)."""
    with store._read() as conn:
        result = conn.execute(select(coding_provenance).where(coding_provenance.c.version_id == version_id)
                              .order_by(coding_provenance.c.id))
        return [dict(r._mapping) for r in result]
