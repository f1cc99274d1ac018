"""The proposals in scope: what there is to choose from, their labels, one proposal's answers.

Every function takes already filtered data (see :func:`analysis.filters.apply_filters`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import memo
from analysis.filters import Filters, apply_filters
from analysis.ordering import categorical_isin, sort_keys
from analysis.universe import proposal_list, replied_respondents
from loaders.model import CodedData
from loaders.natural import natsorted
from loaders.schema import RESPONDENT_TYPES

LABEL_SEP = " – "


def present_values(data: CodedData) -> dict[str, list[str]]:
    """What there is to choose from: respondent ``types`` with coded answers (canonical order)
    and proposal ``addressees`` in scope (naturally sorted, blanks left out)."""
    column = data.responses["respondent_type"]
    # The categories that occur, from the codes (no pass over the values as text).
    codes = np.asarray(column.array.codes)
    used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(column.cat.categories)))
    present = {str(c) for c in column.cat.categories[used]}
    types = [ty for ty in RESPONDENT_TYPES if ty in present]
    types += natsorted(present - set(RESPONDENT_TYPES))
    addressees = natsorted({str(a) for a in proposal_list(data)["addressee"] if str(a).strip()})
    return {"types": types, "addressees": addressees}


def proposal_label(proposal_id: str, title: str) -> str:
    """``"5.2.1 – Medicinsk kompetens …"``; just the id when there is no title."""
    return f"{proposal_id}{LABEL_SEP}{title}" if title else str(proposal_id)


def proposal_options(data: CodedData) -> pd.DataFrame:
    """Every proposal in scope, naturally ordered: consultation, proposal_id, proposal_title, topic, label.

    ``label`` is ``"<id> – <title>"``; when one id occurs in several
    consultations its label also names the consultation, so labels are unique.
    """
    return memo.cached(data, "proposal_options", lambda: _proposal_options(data))


def _proposal_options(data: CodedData) -> pd.DataFrame:
    props = proposal_list(data)[["consultation", "proposal_id", "proposal_title", "topic"]]
    props = sort_keys(props, ["proposal_id", "consultation"])
    ids, titles, cons = (props[c].tolist() for c in ("proposal_id", "proposal_title", "consultation"))
    labels = [proposal_label(p, t) for p, t in zip(ids, titles)]
    dup = props["proposal_id"].duplicated(keep=False).to_numpy().tolist()
    props["label"] = pd.array([f"{lab} ({c})" if d else lab for lab, c, d in zip(labels, cons, dup)], dtype="str")
    return props.reset_index(drop=True)


def proposal_titles(data: CodedData) -> dict[str, str]:
    """proposal_id -> title, the first in :func:`proposal_options` order when an id occurs twice."""
    opts = proposal_options(data).drop_duplicates("proposal_id")
    return dict(zip(opts["proposal_id"], opts["proposal_title"]))


def one_proposal(data: CodedData, proposal_id: str) -> CodedData:
    """``data`` narrowed to one proposal: ``apply_filters(…, proposals=(proposal_id,))`` of a filtered view.

    Filters compose: narrowing a view by the proposal gives the frames that
    filtering the whole dataset with the view's filters plus the proposal
    gives (the responses and proposals narrowed by proposal id, the
    respondents untouched), but cut from the view, without another pass over
    every row, and keeping the view's respondents frame, so what was worked
    out from that frame is reused.
    """
    return apply_filters(data, Filters(proposals=(str(proposal_id),)))


def proposal_answers(data: CodedData, proposal_id: str) -> pd.DataFrame:
    """Every coded answer to one proposal: consultation, respondent, respondent_type, stance, comment.

    Sorted by respondent type (canonical order), stance (agree first), name.
    """
    return memo.cached(data, ("proposal_answers", str(proposal_id)), lambda: _proposal_answers(data, proposal_id))


def _proposal_answers(data: CodedData, proposal_id: str) -> pd.DataFrame:
    r = data.responses
    rows = r.loc[categorical_isin(r["proposal_id"], [proposal_id]),
                 ["consultation", "respondent", "respondent_type", "stance", "comment"]]
    out = rows.copy()
    out["consultation"] = out["consultation"].astype("str")
    out["respondent"] = out["respondent"].astype("str")
    return sort_keys(out, ["respondent_type", "stance", "respondent"])


def not_addressing(data: CodedData, proposal_id: str) -> int:
    """How many respondents who replied to the proposal's consultation did not address it."""
    opts = proposal_list(data)
    cons = set(opts.loc[opts["proposal_id"] == str(proposal_id), "consultation"])
    people = replied_respondents(data)
    people = people.loc[people["consultation"].isin(cons)]
    answered = proposal_answers(data, proposal_id)
    return int(len(people) - answered[["consultation", "respondent"]].drop_duplicates().shape[0])
