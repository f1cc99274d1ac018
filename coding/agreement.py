"""How far suggestions and a reference coding agree: per stance, overall F1 and Cohen's kappa.

Used two ways: the benchmark compares suggestions with the hand-coded labelled
set, and the app compares what the assistant suggested with what the analyst
saved ("how often did the analyst keep the suggestion?"). A cell is one
(respondent, proposal) pair; a pair present on one side only counts against
both precision and recall, and as "not addressed" for kappa.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

STANCES = ("agree", "partly", "disagree", "no_position")
NONE = "not_addressed"


@dataclass(frozen=True)
class StanceScore:
    stance: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Agreement:
    per_stance: tuple[StanceScore, ...]
    suggested: int  # cells with a suggestion
    reference: int  # cells in the reference (truth / what was saved)
    matched: int  # cells where both give the same stance
    kappa: float | None
    cells: int  # cells on either side (the kappa count)

    @property
    def precision(self) -> float | None:
        return self.matched / self.suggested if self.suggested else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.reference if self.reference else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def kept(self, stance: str) -> tuple[int, int]:
        """(suggestions of ``stance`` kept as they were, suggestions of ``stance``)."""
        s = next(x for x in self.per_stance if x.stance == stance)
        return s.tp, s.tp + s.fp


def compare(suggested: Mapping[Hashable, str], reference: Mapping[Hashable, str]) -> Agreement:
    """Agreement of ``suggested`` with ``reference``, both {cell: stance}."""
    per = []
    for st in STANCES:
        tp = sum(1 for k, v in suggested.items() if v == st and reference.get(k) == st)
        fp = sum(1 for k, v in suggested.items() if v == st and reference.get(k) != st)
        fn = sum(1 for k, v in reference.items() if v == st and suggested.get(k) != st)
        per.append(StanceScore(st, tp, fp, fn))
    matched = sum(1 for k, v in suggested.items() if reference.get(k) == v)
    keys = set(suggested) | set(reference)
    return Agreement(tuple(per), len(suggested), len(reference), matched,
                     _kappa([(suggested.get(k, NONE), reference.get(k, NONE)) for k in keys]), len(keys))


def _kappa(pairs: list[tuple[str, str]]) -> float | None:
    n = len(pairs)
    if not n:
        return None
    labels = {a for a, _ in pairs} | {b for _, b in pairs}
    po = sum(a == b for a, b in pairs) / n
    pe = sum((sum(a == lab for a, _ in pairs) / n) * (sum(b == lab for _, b in pairs) / n) for lab in labels)
    if pe >= 1.0:
        return 1.0 if po == 1.0 else None
    return (po - pe) / (1 - pe)


def agreement_of(provenance: Iterable) -> Agreement:
    """How often the analyst kept the suggestions behind a saved version, from its provenance rows.

    ``provenance`` holds dicts (``store.coding.load_provenance``) or objects
    (``store.coding.ProvenanceRow``) with respondent, proposal_id, suggested and
    final; None on one side means the row was added or removed by the analyst.
    Each row is its own cell, so a respondent coded twice is never merged here.
    """
    def get(row, key):
        return row[key] if isinstance(row, Mapping) else getattr(row, key)

    suggested, final = {}, {}
    for i, row in enumerate(provenance):
        cell = (get(row, "respondent"), get(row, "proposal_id"), i)
        if get(row, "suggested"):
            suggested[cell] = get(row, "suggested")
        if get(row, "final"):
            final[cell] = get(row, "final")
    return compare(suggested, final)
