"""Edited draft paragraphs, kept across sessions, restarts and new uploads (SQLAlchemy Core).

Officials work on a remissammanställning over days. Each save of an edited
paragraph is a new row of ``draft_texts``; rows are never updated or deleted,
so the table is both the version history and the audit log of the edits
(who, when, which dataset version the text was written against). The latest
row for a paragraph is its current state; a ``"reset"`` row means "use the
generated text again".

A paragraph is identified by the dataset (not the version: a new upload of
the same dataset keeps its edits), the filters the draft was made under
(canonical JSON of :meth:`analysis.filters.Filters.to_params`), the language
and the proposal (:attr:`analysis.draft.ProposalDraft.key`). With the text,
the figures it was written against (:meth:`ProposalDraft.figures`) are
stored, so a later version can tell which edited paragraphs no longer fit
their numbers (:func:`analysis.draft.figure_changes`).

The table is created by schema migration step 5 (:mod:`store.migrations`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text, and_, func, insert, select

from store.db import read_only, write
from store.tables import metadata

ACTIONS: tuple[str, ...] = ("edit", "reset")
#: The dataset key of the embedded demo data (it has no dataset row).
DEMO_KEY = "demo"

draft_texts = Table(
    "draft_texts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dataset_key", String(200), nullable=False),
    Column("dataset_id", Integer, ForeignKey("datasets.id"), nullable=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=True),
    Column("version_number", Integer, nullable=True),
    Column("filters", Text, nullable=False),
    Column("lang", String(2), nullable=False),
    Column("proposal_key", Text, nullable=False),
    Column("action", String(10), nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("figures", Text, nullable=False, default="{}"),
    Column("user", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_draft_texts_scope", "dataset_key", "filters", "lang"),
)


@dataclass(frozen=True)
class DraftEdit:
    """The current edited text of one paragraph, with what it was written against."""

    proposal_key: str
    text: str
    figures: dict
    version_id: int | None
    version_number: int | None
    user: str
    at: datetime
    revision: int  # how many saves (edits and resets) this paragraph has had


def dataset_key(dataset_id: int | None) -> str:
    """``"dataset:<id>"`` for a stored dataset, :data:`DEMO_KEY` for the demo."""
    return DEMO_KEY if dataset_id is None else f"dataset:{int(dataset_id)}"


def filters_key(params: dict) -> str:
    """Canonical text of filter params (sorted keys, lists kept in order)."""
    return json.dumps(params, ensure_ascii=False, sort_keys=True)


def save(engine, *, dataset_id: int | None, version_id: int | None, version_number: int | None, filters: str,
         lang: str, proposal_key: str, text: str | None, figures: dict, user: str) -> None:
    """Record an edit (``text``) or a reset (``text=None``: back to the generated text)."""
    with write(engine) as conn:
        conn.execute(insert(draft_texts).values(
            dataset_key=dataset_key(dataset_id), dataset_id=dataset_id, version_id=version_id,
            version_number=version_number, filters=filters, lang="en" if lang == "en" else "sv",
            proposal_key=proposal_key, action="reset" if text is None else "edit", text=text or "",
            figures=json.dumps(figures, ensure_ascii=False, sort_keys=True), user=str(user or "anonym")[:200],
            at=datetime.now(timezone.utc)))


def current(engine, *, dataset_id: int | None, filters: str, lang: str) -> dict[str, DraftEdit]:
    """The current edits by proposal key (paragraphs whose latest row is a reset are left out)."""
    key, lang = dataset_key(dataset_id), "en" if lang == "en" else "sv"
    scope = and_(draft_texts.c.dataset_key == key, draft_texts.c.filters == filters, draft_texts.c.lang == lang)
    latest = (select(draft_texts.c.proposal_key, func.max(draft_texts.c.id).label("id"),
                     func.count().label("n")).where(scope).group_by(draft_texts.c.proposal_key).subquery())
    query = select(draft_texts, latest.c.n).join(latest, draft_texts.c.id == latest.c.id)
    out: dict[str, DraftEdit] = {}
    with read_only(engine) as conn:
        for r in conn.execute(query).mappings():
            if r["action"] != "edit":
                continue
            at = r["at"] if r["at"].tzinfo else r["at"].replace(tzinfo=timezone.utc)
            out[r["proposal_key"]] = DraftEdit(r["proposal_key"], r["text"], json.loads(r["figures"]),
                                               r["version_id"], r["version_number"], r["user"], at, int(r["n"]))
    return out


def history(engine, *, dataset_id: int | None, proposal_key: str) -> list[dict]:
    """Every save of one paragraph, oldest first: action, text, version, user and time (the audit trail)."""
    query = (select(draft_texts.c.action, draft_texts.c.text, draft_texts.c.version_number, draft_texts.c.lang,
                    draft_texts.c.user, draft_texts.c.at)
             .where(draft_texts.c.dataset_key == dataset_key(dataset_id), draft_texts.c.proposal_key == proposal_key)
             .order_by(draft_texts.c.id))
    with read_only(engine) as conn:
        return [dict(r) for r in conn.execute(query).mappings()]
