"""The content of the remissammanställning draft: per proposal, who said what, as keys, numbers and names.

This module decides *what* the "Remissinstanserna" paragraph of each
proposal says; :mod:`i18n.draft_sentences` turns it into Swedish or English
prose. Nothing here is a word a reader sees, except respondent names and
extracts of their own comments.

Figures come from the existing analysis: the stance counts and "not
addressed" from :func:`analysis.shares.agreement` (the "addressed"
denominator: everyone who commented on the proposal, including those taking
no position), the group contrast from :func:`analysis.contrast.contrast`
(Fisher's exact test, Holm-adjusted over the proposals of a consultation).

Choices, all deterministic:

* **Order of names**: by respondent type in :data:`TYPE_ORDER` (the app's
  canonical order: Region, Kommun, Statlig myndighet, Lärosäte,
  Organisation, Övrig; unknown types last), then Swedish alphabetical order
  (:func:`loaders.natural.natural_key`: å, ä, ö after z).
* **Majority examples**: a group whose quantifier means more than half gets
  the first :data:`EXAMPLE_LIMIT` names ("bl.a."); the lead (agree) group
  likewise whatever its size.
* **Minority positions** (partly, disagree) are named in full up to
  :data:`NAME_LIMIT`; the rest are counted.
* **Reasons**: for each named partly/disagree respondent with a comment, the
  first sentence of the comment as written; if longer than
  :data:`REASON_MAX_CHARS`, its first clause (up to ``;``, ``:`` or a dash);
  if still too long, its first words up to the limit with an ellipsis. Never
  rewritten. Each carries its source row.
* **The stance filter is not applied**: a draft of only the "agree" answers
  would misstate every proposal, so :func:`draft_filters` drops it.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.contrast import contrast
from analysis.filters import Filters, apply_filters
from analysis.quantifiers import is_majority, quantifier
from analysis.shares import agreement
from analysis.universe import proposal_list, replied_respondents
from loaders.model import CodedData
from loaders.natural import natural_key
from loaders.schema import RESPONDENT_TYPES, STANCES

#: Order of respondent types when names are listed.
TYPE_ORDER: tuple[str, ...] = RESPONDENT_TYPES
#: Names given as examples of a majority ("bl.a. A, B och C").
EXAMPLE_LIMIT = 3
#: Minority positions are named in full up to this many; beyond it, a count.
NAME_LIMIT = 5
#: Longest reason extract, in characters.
REASON_MAX_CHARS = 200
#: The two groups compared, and the significance level after Holm adjustment.
CONTRAST_GROUPS: tuple[str, str] = ("Region", "Kommun")
ALPHA = 0.05
#: Stances whose reasons are quoted.
DISSENT: tuple[str, ...] = ("partly", "disagree")


@dataclass(frozen=True, order=True)
class RowRef:
    """One row of the coded sheet: file, sheet and Excel row."""

    source: str
    sheet: str
    row: int


@dataclass(frozen=True)
class Member:
    """A respondent named or counted in the draft, and the row behind it."""

    name: str
    respondent_type: str
    ref: RowRef
    comment: str = ""


@dataclass(frozen=True)
class Reason:
    """An extract of a respondent's comment, as written, with its row."""

    name: str
    text: str
    ref: RowRef
    shortened: bool


@dataclass(frozen=True)
class StanceGroup:
    """Everyone who took one stance on a proposal.

    ``form``: ``"quantified"`` (quantifier first, examples with "bl.a.") or
    ``"named"`` (names in full, the rest counted). ``shown``: the names the
    text gives, in draft order; ``rest``: how many are not named.
    """

    stance: str
    members: tuple[Member, ...]
    quantifier: str
    form: str
    shown: tuple[Member, ...]
    reasons: tuple[Reason, ...]

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def rest(self) -> int:
        return self.count - len(self.shown)

    @property
    def complete(self) -> bool:
        """Every member is named."""
        return self.rest == 0


@dataclass(frozen=True)
class GroupContrast:
    """Agreement of two respondent types on one proposal, with the test result."""

    a: str
    b: str
    a_agree: int
    a_total: int
    b_agree: int
    b_total: int
    p_value: float
    p_holm: float
    small: bool
    a_refs: tuple[RowRef, ...]
    b_refs: tuple[RowRef, ...]

    @property
    def a_share(self) -> float:
        return self.a_agree / self.a_total

    @property
    def b_share(self) -> float:
        return self.b_agree / self.b_total

    @property
    def significant(self) -> bool:
        return bool(np.isfinite(self.p_holm) and self.p_holm < ALPHA and self.a_share != self.b_share)

    @property
    def higher(self) -> str:
        """``"a"`` or ``"b"``: the more positive group."""
        return "a" if self.a_share > self.b_share else "b"


@dataclass(frozen=True)
class ProposalDraft:
    """What the paragraph on one proposal says, before it is put into words.

    ``kind``: ``"no_replies"`` (no one commented), ``"all_declined"``
    (everyone who commented took no position) or ``"positions"``.
    ``replied``: respondents (of the selected types) who replied to the
    consultation; ``addressed``: those who commented on this proposal (the
    denominator of every quantifier); ``not_addressing``: names of those
    who replied but did not comment on it.
    """

    consultation: str
    proposal_id: str
    title: str
    kind: str
    replied: int
    addressed: int
    groups: tuple[StanceGroup, ...]
    not_addressing: tuple[str, ...]
    contrast: GroupContrast | None
    #: The counts of :func:`analysis.shares.agreement` for this proposal (stances and
    #: ``not_addressed``), kept to check that the named rows and the shared figures agree.
    shared: tuple[tuple[str, int], ...] = ()

    @property
    def coverage(self) -> str | None:
        """Quantifier of those who commented among those who replied (None when no one replied)."""
        if self.replied < 1 or not 0 < self.addressed <= self.replied:
            return None
        return quantifier(self.addressed, self.replied)

    @property
    def key(self) -> str:
        """Stable identity of the proposal across dataset versions."""
        return f"{self.consultation}\x1f{self.proposal_id}"

    def group(self, stance: str) -> StanceGroup:
        return next(g for g in self.groups if g.stance == stance)

    def count(self, stance: str) -> int:
        return self.group(stance).count

    def figures(self) -> dict:
        """The numbers and names the text is written from, as plain JSON-able values.

        Stored with an edited paragraph, and compared with a later version's
        (:func:`figure_changes`) to tell whether the text still fits.
        """
        out: dict = {"addressed": self.addressed, "replied": self.replied,
                     "not_addressed": len(self.not_addressing)}
        for g in self.groups:
            out[g.stance] = g.count
        for stance in DISSENT:
            out[f"names_{stance}"] = [m.name for m in self.group(stance).members]
        c = self.contrast
        out["contrast"] = None if c is None else {
            "a_agree": c.a_agree, "a_total": c.a_total, "b_agree": c.b_agree, "b_total": c.b_total,
            "significant": c.significant, "small": c.small}
        return out

    def refs(self) -> tuple[RowRef, ...]:
        """Every row behind the paragraph, in sheet order."""
        return tuple(sorted({m.ref for g in self.groups for m in g.members}))


@dataclass(frozen=True)
class Draft:
    """The whole draft for a selection: one :class:`ProposalDraft` per proposal, in natural order."""

    filters: Filters
    proposals: tuple[ProposalDraft, ...]

    def by_key(self) -> dict[str, ProposalDraft]:
        return {p.key: p for p in self.proposals}


def figure_changes(old: dict | None, new: dict) -> list[tuple[str, object, object]]:
    """``(figure, old value, new value)`` for every figure that differs, in ``new``'s order."""
    if not old:
        return []
    return [(k, old.get(k), v) for k, v in new.items() if old.get(k) != v]


def draft_filters(f: Filters) -> Filters:
    """The filters the draft applies: ``f`` without its stance filter (see module docstring)."""
    return dataclasses.replace(f, stances=())


def type_rank(respondent_type: str) -> int:
    try:
        return TYPE_ORDER.index(str(respondent_type))
    except ValueError:
        return len(TYPE_ORDER)


@lru_cache(maxsize=1 << 16)
def order_key(name: str, respondent_type: str):
    """Sort key of a name in the draft: type in :data:`TYPE_ORDER`, then Swedish alphabetical (memoised:
    names repeat across proposals)."""
    return (type_rank(respondent_type), natural_key(name), str(name))


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“”(]?[A-ZÅÄÖÉ0-9])")
_CLAUSE_END = re.compile(r"\s*(?:;|:|\s[–—-]\s)")


def reason_extract(comment: str, limit: int = REASON_MAX_CHARS) -> tuple[str, bool]:
    """The reason in a comment, extracted as written: ``(text, shortened)``.

    The first sentence; if longer than ``limit``, its first clause; if still
    too long, its first words up to ``limit`` followed by "…". ``shortened``
    is True when anything was left out.
    """
    text = " ".join(str(comment or "").split())
    if not text:
        return "", False
    first = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    if len(first) > limit:
        clause = _CLAUSE_END.split(first, maxsplit=1)[0].strip()
        if len(clause) < len(first):
            first = clause
    if len(first) > limit:
        cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
        first = cut + " …"
    return first, first != text


def _member_order(members: list[Member]) -> tuple[Member, ...]:
    return tuple(sorted(members, key=lambda m: order_key(m.name, m.respondent_type)))


def _stance_group(stance: str, members: tuple[Member, ...], addressed: int) -> StanceGroup:
    q = quantifier(len(members), addressed) if addressed else "none"
    if stance == "agree" or is_majority(q):
        form, shown = "quantified", members[:EXAMPLE_LIMIT]
    else:
        form, shown = "named", members[:NAME_LIMIT]
    reasons: list[Reason] = []
    if stance in DISSENT:
        for m in shown:
            text, shortened = reason_extract(m.comment)
            if text:
                reasons.append(Reason(m.name, text, m.ref, shortened))
    return StanceGroup(stance, members, q, form, tuple(shown), tuple(reasons))


def _contrasts(responses: pd.DataFrame) -> dict[tuple[str, str], dict]:
    """Region vs Kommun per (consultation, proposal_id), Holm-adjusted within each consultation."""
    out: dict[tuple[str, str], dict] = {}
    a, b = CONTRAST_GROUPS
    if responses.empty:
        return out
    cons = responses["consultation"].astype("str")
    for c in pd.unique(cons):
        sub = responses.loc[(cons == c).to_numpy()]
        table = contrast(sub, a=a, b=b, by="proposal_id")
        for rec in table.to_dict("records"):
            out[(str(c), str(rec["proposal_id"]))] = rec
    return out


def build_draft(data: CodedData, filters: Filters | None = None) -> Draft:
    """The draft for ``data`` under ``filters`` (stance filter dropped): one entry per proposal."""
    f = draft_filters(filters or Filters())
    view = apply_filters(data, f)
    props = proposal_list(view)
    counts = agreement(view, ["consultation", "proposal_id"], "addressed")
    counts = {(str(r["consultation"]), str(r["proposal_id"])): r for r in counts.to_dict("records")}
    replied = replied_respondents(view)
    replied_by_cons: dict[str, list[tuple[str, str]]] = {}
    for rec in replied.itertuples(index=False):
        replied_by_cons.setdefault(str(rec.consultation), []).append((str(rec.respondent), str(rec.respondent_type)))

    r = view.responses
    stance = r["stance"].astype("str").to_numpy()
    keep = np.isin(stance, STANCES)
    # Plain Python lists, read once: iterating arrow-backed columns row by row is slow.
    col = {c: r[c].astype("str").to_numpy()[keep].tolist()
           for c in ("consultation", "proposal_id", "respondent", "respondent_type", "source", "sheet")}
    col["comment"] = r["comment"].astype("str").fillna("").to_numpy()[keep].tolist()
    col["stance"] = stance[keep].tolist()
    col["row"] = r["row"].to_numpy(dtype="int64")[keep].tolist()
    positions: dict[tuple[str, str], list[int]] = {}
    for i, k in enumerate(zip(col["consultation"], col["proposal_id"], strict=True)):
        positions.setdefault(k, []).append(i)
    tests = _contrasts(r)
    not_in_order = {c: sorted(people, key=lambda x: order_key(*x)) for c, people in replied_by_cons.items()}

    drafts: list[ProposalDraft] = []
    for p in props.itertuples(index=False):
        key = (str(p.consultation), str(p.proposal_id))
        members: dict[str, list[Member]] = {s: [] for s in STANCES}
        for i in positions.get(key, ()):
            members[col["stance"][i]].append(Member(col["respondent"][i], col["respondent_type"][i],
                                                    RowRef(col["source"][i], col["sheet"][i], col["row"][i]),
                                                    col["comment"][i]))
        ordered = {s: _member_order(m) for s, m in members.items()}
        addressed = sum(len(m) for m in ordered.values())
        fig = counts.get(key)
        shared = {s: int(fig[s]) if fig is not None else 0 for s in (*STANCES, "not_addressed")}
        groups = tuple(_stance_group(s, ordered[s], addressed) for s in STANCES)
        who = {m.name for ms in ordered.values() for m in ms}
        everyone = replied_by_cons.get(key[0], [])
        not_addressing = tuple(n for n, _ in not_in_order.get(key[0], []) if n not in who)
        if addressed == 0:
            kind = "no_replies"
        elif len(ordered["no_position"]) == addressed:
            kind = "all_declined"
        else:
            kind = "positions"
        drafts.append(ProposalDraft(
            consultation=key[0], proposal_id=key[1], title=str(p.proposal_title or ""), kind=kind,
            replied=len(everyone), addressed=addressed, groups=groups, not_addressing=not_addressing,
            contrast=_group_contrast(tests.get(key), ordered), shared=tuple(shared.items()),
        ))
    return Draft(filters=f, proposals=tuple(drafts))


def _group_contrast(rec: dict | None, members: dict[str, tuple[Member, ...]]) -> GroupContrast | None:
    """The contrast for one proposal, when both groups commented on it."""
    if rec is None or rec["a_total"] == 0 or rec["b_total"] == 0:
        return None
    a, b = CONTRAST_GROUPS

    def refs(group: str) -> tuple[RowRef, ...]:
        return tuple(sorted(m.ref for ms in members.values() for m in ms if m.respondent_type == group))

    return GroupContrast(a=a, b=b, a_agree=int(rec["a_agree"]), a_total=int(rec["a_total"]),
                         b_agree=int(rec["b_agree"]), b_total=int(rec["b_total"]),
                         p_value=float(rec["p_value"]), p_holm=float(rec["p_holm"]), small=bool(rec["small_n"]),
                         a_refs=refs(a), b_refs=refs(b))
