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

from analysis.ordering import tidy_keys
from analysis.universe import proposal_list, replied_respondents
from loaders.model import CodedData
from loaders.schema import STANCES

Denominator = Literal["addressed", "positioned", "all"]
DENOMINATORS: tuple[str, ...] = ("addressed", "positioned", "all")

#: How to say what a share is "of", after the percentage: "62 % av dem som ...".
DENOMINATOR_TEXT: dict[str, dict[str, str]] = {
    "addressed": {
        "sv": "av dem som yttrat sig om förslaget",
        "en": "of those who commented on the proposal",
    },
    "positioned": {
        "sv": "av dem som tagit ställning",
        "en": "of those who took a position",
    },
    "all": {
        "sv": "av alla svarande instanser i remissen",
        "en": "of all respondents who replied to the consultation",
    },
}

#: Keys that describe a respondent and keys that describe a proposal; the
#: "all" denominator needs every grouping key to be one or the other.
RESPONDENT_LEVEL = ("consultation", "respondent", "respondent_type")
PROPOSAL_LEVEL = ("proposal_id", "proposal_title", "topic", "addressee")

_SHARE_DECIMALS = 4


def denominator_text(denominator: Denominator, lang: str = "sv") -> str:
    """Plain-language description of a denominator (see :data:`DENOMINATOR_TEXT`)."""
    return DENOMINATOR_TEXT[denominator]["en" if lang == "en" else "sv"]


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
    by = list(by)
    if not by:
        counts = responses["stance"].value_counts().reindex(list(STANCES), fill_value=0)
        out = pd.DataFrame([counts.to_numpy(dtype="int64")], columns=list(STANCES))
        out["total"] = out[list(STANCES)].sum(axis=1)
        return out
    sub = responses[by + ["stance"]]
    sizes = sub.groupby(by + ["stance"], observed=True).size()
    if sizes.empty:
        return _empty_counts(by)
    wide = sizes.unstack("stance", fill_value=0).reindex(columns=list(STANCES), fill_value=0)
    wide.columns = list(STANCES)
    wide = wide.astype("int64")
    wide["total"] = wide.sum(axis=1)
    return tidy_keys(wide.reset_index(), by)


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
    unsupported = [c for c in by if c not in RESPONDENT_LEVEL + PROPOSAL_LEVEL]
    if unsupported:
        raise ValueError(f"cannot count possible answers per {unsupported}; "
                         f"group by {RESPONDENT_LEVEL + PROPOSAL_LEVEL}")
    r_keys = ["consultation"] + [c for c in by if c in RESPONDENT_LEVEL and c != "consultation"]
    p_keys = ["consultation"] + [c for c in by if c in PROPOSAL_LEVEL]
    resp = replied_respondents(data)
    resp["respondent_type"] = resp["respondent_type"].astype("str")
    n_resp = resp.groupby(r_keys, observed=True).size().rename("n_resp").reset_index()
    n_prop = proposal_list(data).groupby(p_keys, observed=True).size().rename("n_prop").reset_index()
    both = n_resp.merge(n_prop, on="consultation", how="inner")
    both["slots"] = (both["n_resp"] * both["n_prop"]).astype("int64")
    if not by:
        return pd.DataFrame({"slots": [int(both["slots"].sum())]})
    out = both.groupby(by, observed=True)["slots"].sum().reset_index()
    return tidy_keys(out, by)


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
    counts = stance_counts(data.responses, by)
    slots = answer_slots(data, by)
    if by:
        key_text = {c: counts[c].astype("str") for c in by}
        counts = counts.assign(**key_text)
        slots = slots.assign(**{c: slots[c].astype("str") for c in by})
        out = counts.merge(slots, on=by, how="outer")
    else:
        out = pd.concat([counts, slots], axis=1)
    stance_cols = list(STANCES)
    out[stance_cols] = out[stance_cols].fillna(0).astype("int64")
    addressed = out[stance_cols].sum(axis=1)
    slots_n = out["slots"].fillna(0).astype("int64")
    out["not_addressed"] = (slots_n - addressed).clip(lower=0).astype("int64")
    out["numerator"] = (out["agree"] + (out["partly"] if count_partly else 0)).astype("int64")
    if denominator == "addressed":
        n = addressed
    elif denominator == "positioned":
        n = addressed - out["no_position"]
    else:
        n = addressed + out["not_addressed"]
    out["n"] = n.astype("int64")
    out["share"] = _ratio(out["numerator"], out["n"])
    out = out[by + stance_cols + ["not_addressed", "numerator", "n", "share"]]
    return tidy_keys(out, by)
