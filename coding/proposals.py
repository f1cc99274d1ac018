"""The proposal list a reply is read against: ids in order, titles, and how ids expand.

Ranges ("5.1–5.2.1") and chapters ("förslagen i kapitel 7") are expanded through
this list, never by arithmetic, so only ids that exist come out.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from loaders.natural import natural_key


@dataclass(frozen=True)
class Proposal:
    id: str
    title: str = ""
    topic: str = ""


@dataclass(frozen=True)
class ProposalList:
    """The proposals of one consultation, in natural id order."""

    consultation: str
    proposals: tuple[Proposal, ...]

    @classmethod
    def of(cls, consultation: str, items) -> ProposalList:
        """From ``(id, title[, topic])`` tuples or :class:`Proposal` objects."""
        props = [p if isinstance(p, Proposal) else Proposal(*[str(x) for x in p]) for p in items]
        props.sort(key=lambda p: natural_key(p.id))
        return cls(consultation, tuple(props))

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.proposals)

    @cached_property
    def id_set(self) -> frozenset[str]:
        return frozenset(self.ids)

    def __len__(self) -> int:
        return len(self.proposals)

    def expand_range(self, first: str, last: str) -> list[str]:
        """Ids from ``first`` to ``last`` inclusive, in list order; either end may be a chapter prefix."""
        starts = [i for i, p in enumerate(self.ids) if p == first or p.startswith(first + ".")]
        ends = [i for i, p in enumerate(self.ids) if p == last or p.startswith(last + ".")]
        if not starts or not ends or ends[-1] < starts[0]:
            return []
        return list(self.ids[starts[0]:ends[-1] + 1])

    def under(self, prefix: str) -> list[str]:
        """The ids in chapter or section ``prefix`` ("7" -> 7.1.1, 7.2.1, ...)."""
        return [p for p in self.ids if p.startswith(prefix + ".")]

    def title(self, pid: str) -> str:
        return next((p.title for p in self.proposals if p.id == pid), "")


def lists_from_frame(frame) -> dict[str, ProposalList]:
    """Proposal lists per consultation from a canonical proposals frame (``CodedData.proposals``)."""
    out: dict[str, list[Proposal]] = {}
    for row in frame.itertuples(index=False):
        title = getattr(row, "proposal_title", "")
        topic = getattr(row, "topic", "")
        out.setdefault(str(row.consultation), []).append(
            Proposal(str(row.proposal_id), "" if title is None or title != title else str(title),
                     "" if topic is None or topic != topic else str(topic)))
    return {c: ProposalList.of(c, ps) for c, ps in out.items()}


def lists_from_json(data: dict) -> dict[str, ProposalList]:
    """``{"consultation": C, "proposals": [[id, title, topic?], ...]}`` as one proposal list."""
    c = str(data.get("consultation", ""))
    return {c: ProposalList.of(c, [tuple(p) for p in data.get("proposals", [])])}
