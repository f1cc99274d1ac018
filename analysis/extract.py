"""The tables behind the Excel extract's sheets (:mod:`exports.workbook` lays them out).

One call, :func:`extract_frames`, works out from a filtered view everything
the extract shows besides the coded rows themselves: the consultations, the
counts and shares per proposal, group ``a`` vs group ``b`` per proposal and
the respondent × proposal grid, each per consultation where that matters.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from analysis.contrast import contrast
from analysis.filters import Filters, apply_filters
from analysis.profiles import stance_matrix
from analysis.shares import summary_table
from analysis.universe import proposal_list
from loaders.model import CodedData
from loaders.natural import natsorted

#: The two respondent types the extract compares, unless told otherwise.
CONTRAST_PAIR = ("Region", "Kommun")


@dataclass(frozen=True)
class ExtractFrames:
    """What the extract's analysis sheets show.

    * ``proposals``: :func:`analysis.shares.summary_table` per proposal (per
      consultation and proposal when there are several consultations) with
      ``proposal_title`` and ``topic``;
    * ``contrast``: :func:`analysis.contrast.contrast` of ``pair`` per
      proposal, computed per consultation, with a ``consultation`` column;
    * ``matrix``: :func:`analysis.profiles.stance_matrix` per consultation
      as stance codes, ``"not_addressed"`` where a respondent did not address
      a proposal of their consultation and NaN where the proposal belongs to
      another consultation; columns naturally sorted.
    """

    view: CodedData
    consultations: list[str]
    pair: tuple[str, str]
    proposals: pd.DataFrame
    contrast: pd.DataFrame
    matrix: pd.DataFrame

    @property
    def multi(self) -> bool:
        return len(self.consultations) > 1


def consultations(view: CodedData) -> list[str]:
    """The consultations with a coded answer or a listed proposal, naturally sorted (blanks left out)."""
    found = set(map(str, view.responses["consultation"].unique()))
    found |= set(map(str, proposal_list(view)["consultation"].unique()))
    return natsorted(c for c in found if c)


def per_consultation(view: CodedData, names: list[str]) -> Iterator[tuple[str, CodedData]]:
    """Each consultation's part of ``view``: also narrows ``respondents``, which a
    topic or proposal filter leaves spanning every consultation."""
    if not names:
        yield "", view
    for c in names:
        yield c, apply_filters(view, Filters(consultation=c))


def proposal_frame(view: CodedData, multi: bool) -> pd.DataFrame:
    keys = ["consultation", "proposal_id"] if multi else ["proposal_id"]
    out = summary_table(view.responses, keys)
    props = proposal_list(view)[["consultation", "proposal_id", "proposal_title", "topic"]]
    props = props.drop_duplicates(keys)
    out = out.assign(**{k: out[k].astype("str") for k in keys})
    out = out.merge(props[keys + ["proposal_title", "topic"]], on=keys, how="left")
    out[["proposal_title", "topic"]] = out[["proposal_title", "topic"]].fillna("")
    return out


def contrast_frame(view: CodedData, names: list[str], pair: tuple[str, str] = CONTRAST_PAIR) -> pd.DataFrame:
    parts = []
    for c, sub in per_consultation(view, names):
        part = contrast(sub.responses, pair[0], pair[1], by="proposal_id")
        parts.append(part.assign(consultation=c))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def matrix_frame(view: CodedData, names: list[str]) -> pd.DataFrame:
    """Stance codes; ``"not_addressed"`` spelled out; NaN where a proposal is not in the row's consultation."""
    parts = []
    for _, sub in per_consultation(view, names):
        m = stance_matrix(sub)
        codes = pd.DataFrame({col: m[col].astype("object").fillna("not_addressed") for col in m.columns},
                             index=m.index, columns=list(m.columns))
        parts.append(codes)
    if not parts:
        return pd.DataFrame()
    out = pd.concat(parts) if len(parts) > 1 else parts[0]
    cols = natsorted(map(str, out.columns))
    return out.reindex(columns=cols)


def extract_frames(view: CodedData, pair: tuple[str, str] = CONTRAST_PAIR) -> ExtractFrames:
    names = consultations(view)
    multi = len(names) > 1
    return ExtractFrames(view=view, consultations=names, pair=tuple(pair), proposals=proposal_frame(view, multi),
                         contrast=contrast_frame(view, names, pair), matrix=matrix_frame(view, names))
