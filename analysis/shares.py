"""Stance counts and agreement shares, under an explicit denominator.

Unit of counting: one coded answer, i.e. one (respondent, proposal) row of
``responses``. Grouping by ``proposal_id`` therefore counts respondents;
grouping by ``topic`` or ``respondent_type`` alone counts answers.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis import memo
from analysis.contrast import SMALL_N
from analysis.groups import grouped_stance_counts, grouping, joint_codes, lex_combine, lex_frame, text_take
from analysis.ordering import sort_keys, tidy_keys
from analysis.proposals import proposal_options
from analysis.universe import proposal_list, replied_respondents
from i18n.sentences import Sentence, say
from loaders.model import CodedData
from loaders.schema import STANCES

Denominator = Literal["addressed", "positioned", "all"]
DENOMINATORS: tuple[str, ...] = ("addressed", "positioned", "all")

#: Keys that describe a respondent and keys that describe a proposal; the
#: "all" denominator needs every grouping key to be one or the other.
RESPONDENT_LEVEL = ("consultation", "respondent", "respondent_type")
PROPOSAL_LEVEL = ("proposal_id", "proposal_title", "topic", "addressee")

_SHARE_DECIMALS = 4


def denominator_text(denominator: Denominator) -> Sentence:
    """What a share is "of", said after the percentage: "62 % av dem som ..."

    The ``analysis.denominator.*`` sentence of the translation table; made into
    text by :func:`i18n.sentences.render`.
    """
    if denominator not in DENOMINATORS:
        raise KeyError(denominator)
    return say(f"analysis.denominator.{denominator}")


def _empty_counts(by: list[str]) -> pd.DataFrame:
    cols = {c: pd.Series(dtype="str") for c in by}
    cols |= {s: pd.Series(dtype="int64") for s in (*STANCES, "total")}
    return pd.DataFrame(cols)


def stance_counts(responses: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Number of coded answers per stance, per group.

    Columns: ``*by, agree, partly, disagree, no_position, total`` where
    ``total`` is the sum of the four (rows with a missing stance are not
    counted). Only groups with at least one counted row; sorted by ``by``
    (text naturally, respondent type in its canonical order). ``by=[]`` gives
    a single row of overall counts.
    """
    return _stance_counts(responses, list(by))


def _stance_counts(responses: pd.DataFrame, by: list[str], g=None) -> pd.DataFrame:
    """:func:`stance_counts`; ``g``: the rows already grouped by ``by`` (a Grouping), if at hand."""
    if not by:
        counts = responses["stance"].value_counts().reindex(list(STANCES), fill_value=0)
        out = pd.DataFrame([counts.to_numpy(dtype="int64")], columns=list(STANCES))
        out["total"] = out[list(STANCES)].sum(axis=1)
        return out
    # Counted on the categorical codes (the groups of ``groupby(by + ["stance"], observed=True)``).
    keys, counts = grouped_stance_counts(responses, by, n_stances=len(STANCES), grouping=g)
    if keys.empty:
        return _empty_counts(by)
    wide = keys
    for j, s in enumerate(STANCES):
        wide[s] = counts[:, j].astype("int64")
    wide["total"] = counts.sum(axis=1).astype("int64")
    return tidy_keys(wide, by)


def _ratio(num, den) -> np.ndarray:
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)


def summary_table(responses: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """The CLI summary: :func:`stance_counts` plus two shares.

    Columns: ``*by, agree, partly, disagree, no_position, total, agree_share,
    support_share``. Denominator of both shares: ``total`` = answers coded
    for the group (agree + partly + disagree + no_position).
    ``agree_share = agree / total``; ``support_share = (agree + partly) / total``;
    rounded to 4 decimals, NaN when total is 0.
    """
    out = stance_counts(responses, by)
    out["agree_share"] = np.round(_ratio(out["agree"], out["total"]), _SHARE_DECIMALS)
    out["support_share"] = np.round(_ratio(out["agree"] + out["partly"], out["total"]), _SHARE_DECIMALS)
    return out


def answer_slots(data: CodedData, by: Sequence[str]) -> pd.DataFrame:
    """Possible answers per group: replying respondents × proposals, per consultation.

    For each consultation, respondents = everyone who replied to it (see
    :func:`analysis.universe.replied_respondents`) and proposals = every
    proposal in it (:func:`analysis.universe.proposal_list`), each narrowed
    to the group's key values. ``slots`` = sum over consultations of
    respondents × proposals. Grouped by one proposal this is simply the number
    of respondents who replied to that consultation (of the group's type).

    Columns: ``*by, slots``. Every key in ``by`` must be in
    :data:`RESPONDENT_LEVEL` or :data:`PROPOSAL_LEVEL`.
    """
    by = list(by)
    return memo.cached(data, ("answer_slots", tuple(by)), lambda: _answer_slots(data, by))


def _answer_slots(data: CodedData, by: list[str]) -> pd.DataFrame:
    """:func:`answer_slots` as a join on consultation of two tables of distinct keys with their counts.

    Each side (repliers, proposals) is reduced to its distinct (consultation,
    key values) with a row count; within a consultation every respondent
    group pairs with every proposal group, for count × count slots. The pairs
    are formed a chunk of at most :data:`_SLOT_CHUNK` at a time and, when
    ``consultation`` is not a key, summed over consultations as they come, so
    memory stays bounded by the result whatever the number of keys. The keys
    come out in sorted text order (that of a ``groupby``) and then through
    :func:`tidy_keys`.
    """
    unsupported = [c for c in by if c not in RESPONDENT_LEVEL + PROPOSAL_LEVEL]
    if unsupported:
        raise ValueError(f"cannot count possible answers per {unsupported}; "
                         f"group by {RESPONDENT_LEVEL + PROPOSAL_LEVEL}")
    r_keys = [c for c in by if c in RESPONDENT_LEVEL and c != "consultation"]
    p_keys = [c for c in by if c in PROPOSAL_LEVEL]
    resp, props = replied_respondents(data), proposal_list(data)
    (rc, pc), cons = joint_codes([resp["consultation"], props["consultation"]])
    n_c = len(cons)
    r_side, p_side = _SlotSide(rc, resp, r_keys, n_c), _SlotSide(pc, props, p_keys, n_c)
    per_cons = "consultation" in by
    pairs = _slot_pairs(r_side, p_side, n_c, per_cons)
    if not by:
        return pd.DataFrame({"slots": [int(sum(v.sum() for _, _, v in pairs))]})
    if per_cons:
        r_at = np.concatenate([r for r, _, _ in pairs])
        p_at = np.concatenate([p for _, p, _ in pairs])
        values = np.concatenate([v for _, _, v in pairs])
        r_codes, p_codes = r_side.codes, p_side.codes
    else:
        (r_at, p_at, values), = pairs
        r_codes, p_codes = r_side.group_codes, p_side.group_codes
    code_of = {"consultation": r_side.cons[r_at]} if per_cons else {}
    uniq_of = {"consultation": cons}
    for side, codes, at in ((r_side, r_codes, r_at), (p_side, p_codes, p_at)):
        for k, c, u in zip(side.keys, codes, side.uniques):
            code_of[k], uniq_of[k] = c[at], u
    frame, order = lex_frame(by, [code_of[k] for k in by], [uniq_of[k] for k in by])
    frame["slots"] = values[order]
    return tidy_keys(frame, by)


#: Most (respondent group, proposal group) pairs :func:`_slot_pairs` forms at once.
_SLOT_CHUNK = 1 << 18


class _SlotSide:
    """One side of :func:`_answer_slots`: the distinct (consultation, ``keys``) of ``frame`` with row counts.

    Rows with a missing consultation or key are left out (as ``groupby``
    does). Entries are sorted by consultation code, then key codes (sorted
    text order): ``cons`` and ``codes`` (one array per key) give their codes,
    ``count`` their rows. ``group`` numbers the entries' key values across
    consultations (0 .. ``n_groups`` - 1, in key order) and ``group_codes``
    gives each group's key codes.
    """

    def __init__(self, cons_codes: np.ndarray, frame: pd.DataFrame, keys: list[str], n_c: int):
        self.keys = keys
        valid = cons_codes >= 0
        codes, self.uniques = [], []
        for k in keys:
            (c,), u = joint_codes([frame[k]])
            valid &= c >= 0
            codes.append(c)
            self.uniques.append(u)
        rows = np.flatnonzero(valid)
        cols = [cons_codes[rows]] + [c[rows] for c in codes]
        sizes = [len(u) for u in self.uniques]
        _, first, self.count = np.unique(lex_combine(cols, [n_c] + sizes), return_index=True, return_counts=True)
        self.cons = cols[0][first]
        self.codes = [c[first] for c in cols[1:]]
        groups = lex_combine(self.codes, sizes) if keys else np.zeros(len(self.cons), dtype="int64")
        _, g_first, self.group = np.unique(groups, return_index=True, return_inverse=True)
        self.group = self.group.reshape(-1)
        self.n_groups = len(g_first)
        self.group_codes = [c[g_first] for c in self.codes]


def _slot_pairs(r: _SlotSide, p: _SlotSide, n_c: int, per_cons: bool) -> list[tuple[np.ndarray, ...]]:
    """The (r entry, p entry, slots) of every pair of entries of one consultation, in chunks.

    ``per_cons``: a list of one (r positions, p positions, slots) per chunk.
    Otherwise the pairs are summed per (respondent group, proposal group) as
    the chunks come: one (r groups, p groups, slots) tuple.
    """
    p_len = np.bincount(p.cons, minlength=n_c)
    p_start = np.cumsum(p_len) - p_len  # p entries are sorted by consultation
    per_r = p_len[r.cons]  # pairs each r entry forms
    ends = np.cumsum(per_r)
    none = np.zeros(0, dtype="int64")
    kept, sums, start = [], (none, none), 0
    while start < len(per_r):
        done = ends[start - 1] if start else 0
        stop = max(int(np.searchsorted(ends, done + _SLOT_CHUNK, side="right")), start + 1)
        reps = per_r[start:stop]
        r_at = np.repeat(np.arange(start, stop, dtype="int64"), reps)
        p_at = p_start[r.cons[r_at]] + np.arange(len(r_at), dtype="int64") - np.repeat(np.cumsum(reps) - reps, reps)
        values = r.count[r_at] * p.count[p_at]
        if per_cons:
            kept.append((r_at, p_at, values))
        else:  # summed as they come: what is kept never exceeds the result
            key = r.group[r_at] * p.n_groups + p.group[p_at]
            sums = _sum_by_key(np.concatenate([sums[0], key]), np.concatenate([sums[1], values]))
        start = stop
    if per_cons:
        return kept or [(none, none, none)]
    n_p = max(p.n_groups, 1)
    return [(sums[0] // n_p, sums[0] % n_p, sums[1])]


def _sum_by_key(key: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct keys in order, the sum of ``values`` per key), by hashing (sums exact below 2**53)."""
    codes, uniques = pd.factorize(key)
    sums = np.bincount(codes, weights=values, minlength=len(uniques))
    order = np.argsort(uniques)
    return np.asarray(uniques, dtype="int64")[order], np.rint(sums[order]).astype("int64")


def _outer_join(counts: pd.DataFrame, slots: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """``counts.merge(slots, on=by, how="outer")`` on the keys as text.

    Both sides are grouped tables: each key combination once, no key missing.
    The union of their combinations in sorted text order (the merge's order),
    the stance columns and ``slots`` taken from either side (NaN where a side
    lacks the combination).
    """
    codes, uniques = [], []
    for col in by:
        (left, right), u = joint_codes([counts[col], slots[col]])
        codes.append(np.concatenate([left, right]))
        uniques.append(u)
    key = lex_combine(codes, [len(u) for u in uniques])
    union, first = np.unique(key, return_index=True)
    out = pd.DataFrame({col: text_take(u, c[first]) for col, u, c in zip(by, uniques, codes)})
    sides = ((key[:len(counts)], counts, [c for c in counts.columns if c not in by]),
             (key[len(counts):], slots, ["slots"]))
    for side_key, frame, cols in sides:
        at = np.searchsorted(union, side_key)
        for col in cols:
            values = np.full(len(union), np.nan)
            values[at] = frame[col].to_numpy(dtype=float)
            out[col] = values
    return out


def agreement(data: CodedData, by: Sequence[str], denominator: Denominator = "addressed",
              count_partly: bool = False) -> pd.DataFrame:
    """Share of respondents agreeing, per group, with an explicit denominator.

    Columns: ``*by, agree, partly, disagree, no_position, not_addressed,
    numerator, n, share``.

    * ``numerator`` = agree, or agree + partly when ``count_partly``.
    * ``n`` (the denominator):

      - ``"addressed"``: agree + partly + disagree + no_position — everyone
        who commented on the proposal, including those taking no position.
      - ``"positioned"``: agree + partly + disagree — those who took a position.
      - ``"all"``: every possible answer in the group, see
        :func:`answer_slots`. Per proposal: every respondent who replied to
        that consultation (of the group's respondent type, when grouped by
        type), whether or not they addressed the proposal. Not addressing
        then counts as not agreeing. "Replied" comes from the filtered
        ``data.respondents`` (replied == True) plus everyone with a coded row,
        so a proposal or stance filter does not shrink it.

    * ``not_addressed`` = possible answers − coded answers (agree + partly +
      disagree + no_position), whatever the denominator; never negative.
    * ``share`` = numerator / n, NaN when n is 0.

    Rows: every group with a coded answer or a possible answer (a proposal no
    one addressed is listed with zero counts), naturally sorted. Every key in
    ``by`` must be a respondent- or proposal-level column (see
    :data:`RESPONDENT_LEVEL`, :data:`PROPOSAL_LEVEL`).
    """
    if denominator not in DENOMINATORS:
        raise ValueError(f"denominator must be one of {DENOMINATORS}, not {denominator!r}")
    by = list(by)
    return memo.cached(data, ("agreement", tuple(by), denominator, bool(count_partly)),
                       lambda: _agreement(data, by, denominator, count_partly))


def _agreement(data: CodedData, by: list[str], denominator: str, count_partly: bool) -> pd.DataFrame:
    counts = memo.cached(data, ("stance_counts", tuple(by)),
                         lambda: _stance_counts(data.responses, by, grouping(data, by) if by else None))
    slots = answer_slots(data, by)
    out = _outer_join(counts, slots, by) if by else pd.concat([counts, slots], axis=1)
    # The counts as arrays (missing -> 0), then one frame.
    stance = {s: np.nan_to_num(out[s].to_numpy(dtype=float)).astype("int64") for s in STANCES}
    addressed = sum(stance.values()) if len(out) else np.zeros(0, dtype="int64")
    slots_n = np.nan_to_num(out["slots"].to_numpy(dtype=float)).astype("int64")
    not_addressed = np.clip(slots_n - addressed, 0, None).astype("int64")
    numerator = (stance["agree"] + (stance["partly"] if count_partly else 0)).astype("int64")
    if denominator == "addressed":
        n = addressed
    elif denominator == "positioned":
        n = addressed - stance["no_position"]
    else:
        n = addressed + not_addressed
    columns = {c: out[c] for c in by}
    columns.update(stance)
    columns.update({"not_addressed": not_addressed, "numerator": numerator, "n": np.asarray(n, dtype="int64")})
    columns["share"] = _ratio(numerator, columns["n"])
    return tidy_keys(pd.DataFrame(columns, index=out.index), by)


#: Share column per stance in :func:`stance_breakdown`.
SHARE_OF = {s: f"{s}_share" for s in STANCES}


def stance_breakdown(data: CodedData, by: Sequence[str]) -> pd.DataFrame:
    """Stance counts and shares per group, denominator = those who addressed it.

    Columns: ``*by, agree, partly, disagree, no_position, n, agree_share,
    partly_share, disagree_share, no_position_share, support_share``.
    ``n`` = agree + partly + disagree + no_position; each share = count / n
    (NaN when n is 0); ``support_share`` = (agree + partly) / n. Groups with
    possible but no coded answers (e.g. a proposal nobody addressed) are kept
    with n = 0. Naturally sorted by ``by``.
    """
    by = list(by)
    table = agreement(data, by, "addressed")
    out = table[by + list(STANCES) + ["n"]].copy()
    for s in STANCES:
        out[SHARE_OF[s]] = _ratio(out[s], out["n"])
    out["support_share"] = _ratio(out["agree"] + out["partly"], out["n"])
    return out


def proposal_breakdown(data: CodedData, sort: Literal["agreement", "proposal"] = "agreement") -> pd.DataFrame:
    """:func:`stance_breakdown` per proposal with title and label.

    Columns: ``consultation, proposal_id, proposal_title, label`` then the
    breakdown columns. ``sort="agreement"``: highest agree share first, ties by
    agree + partly share, then natural order; proposals nobody addressed last.
    ``sort="proposal"``: natural order.
    """
    table = stance_breakdown(data, ["consultation", "proposal_id"])
    opts = proposal_options(data)[["consultation", "proposal_id", "proposal_title", "label"]]
    out = opts.merge(table, on=["consultation", "proposal_id"], how="inner")
    out = sort_keys(out, ["proposal_id", "consultation"])
    if sort == "agreement":
        out = out.sort_values(["agree_share", "support_share"], ascending=False, kind="stable",
                              na_position="last").reset_index(drop=True)
    elif sort != "proposal":
        raise ValueError(f"sort must be 'agreement' or 'proposal', not {sort!r}")
    return out


def topic_type_shares(data: CodedData, count_partly: bool = False) -> pd.DataFrame:
    """Agreement per topic × respondent type (denominator: those who addressed it).

    Columns: ``topic, respondent_type, numerator, n, share`` — ``numerator``
    agree (plus partly when ``count_partly``), ``n`` coded answers of that
    type on proposals of that topic, ``share`` = numerator / n (NaN at n = 0),
    ``small_n`` = n below :data:`analysis.contrast.SMALL_N`. Only cells with
    at least one coded answer.
    """
    table = agreement(data, ["topic", "respondent_type"], "addressed", count_partly)
    table = table.loc[table["n"] > 0, ["topic", "respondent_type", "numerator", "n", "share"]]
    table = table.assign(small_n=table["n"] < SMALL_N)
    return tidy_keys(table, ["topic", "respondent_type"])
