"""Name-merge decisions stored with a dataset: versioned and logged.

Every decision on a pair of names is a new row of ``name_merges`` with a
per-dataset sequence number (1, 2, …), who made it and when; nothing is ever
updated or deleted. The current decision on a pair is its latest row, so a
merge can be undone by rejecting the same pair later, and the table is its own
audit trail. Confirmed merges are applied to every later upload of the same
dataset (see :func:`loaders.merges.apply_merges`); rejected pairs are not asked
about again.

The table is created by schema step 3 (:mod:`store.migrations`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    select,
)

from loaders.merges import Merge, NamePair, pair_key
from store.tables import metadata

DECISIONS = ("merge", "reject")

name_merges = Table(
    "name_merges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dataset_id", Integer, ForeignKey("datasets.id"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("into_name", Text, nullable=False),
    Column("decision", String(10), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", String(200), nullable=False),
    UniqueConstraint("dataset_id", "seq", name="uq_name_merges_dataset_seq"),
    CheckConstraint("decision IN ('merge', 'reject')", name="decision_known"),
)


@dataclass(frozen=True)
class MergeDecision:
    """One stored decision: ``name`` counts as ``into`` (merge), or the two are different (reject)."""

    dataset_id: int
    seq: int
    name: str
    into: str
    decision: str
    at: datetime
    user: str

    @property
    def key(self) -> tuple[str, str]:
        return pair_key(self.name, self.into)

    def as_merge(self) -> Merge:
        return Merge(self.name, self.into)


def record(store, dataset_id: int, decisions: list[tuple[NamePair | Merge, str]], user: str | None) -> list[int]:
    """Store ``(pair, "merge"|"reject")`` decisions for a dataset in one transaction; return their seq numbers."""
    from store.versions import _clean_user

    user = _clean_user(user)
    seqs = []
    with store._write() as conn:
        ds = store._lock_dataset(conn, dataset_id)
        seq = conn.scalar(select(func.max(name_merges.c.seq)).where(name_merges.c.dataset_id == ds.id)) or 0
        now = datetime.now(timezone.utc)
        for pair, decision in decisions:
            if decision not in DECISIONS:
                raise ValueError(f"unknown decision {decision!r}")
            seq += 1
            conn.execute(insert(name_merges).values(dataset_id=ds.id, seq=seq, name=pair.name, into_name=pair.into,
                                                    decision=decision, at=now, user=user))
            seqs.append(seq)
    return seqs


def history(store, dataset_id: int) -> list[MergeDecision]:
    """Every decision for a dataset, oldest first."""
    stmt = select(name_merges).where(name_merges.c.dataset_id == dataset_id).order_by(name_merges.c.seq)
    with store._read() as conn:
        rows = conn.execute(stmt).all()
    return [MergeDecision(r.dataset_id, r.seq, r.name, r.into_name, r.decision, _utc(r.at), r.user) for r in rows]


def current(store, dataset_id: int) -> list[MergeDecision]:
    """The latest decision per pair of names, in the order they were first made."""
    latest: dict[tuple[str, str], MergeDecision] = {}
    for d in history(store, dataset_id):
        latest.pop(d.key, None)
        latest[d.key] = d
    return list(latest.values())


def confirmed(store, dataset_id: int) -> list[Merge]:
    """The merges in force for a dataset."""
    return [d.as_merge() for d in current(store, dataset_id) if d.decision == "merge"]


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


def about_notes(store, dataset_id: int) -> tuple[tuple[str, str, str, str, int], ...]:
    """The merges in force as the extract's Om urvalet sheet lists them: name, into, who, when, decision number."""
    return tuple((d.name, d.into, d.user, d.at.strftime("%Y-%m-%d %H:%M"), d.seq)
                 for d in current(store, dataset_id) if d.decision == "merge")
