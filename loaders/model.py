"""The loaded dataset: responses plus what is known about respondents and proposals."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from loaders.report import Report
from loaders.schema import PROPOSAL_COLUMNS, RESPONDENT_COLUMNS, empty_frame


def empty_respondents() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in RESPONDENT_COLUMNS})


def empty_proposals() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in PROPOSAL_COLUMNS})


@dataclass
class CodedData:
    """Everything read from one coded sheet.

    ``responses`` is the canonical frame (see :mod:`loaders.schema`): one row
    per coded (respondent, proposal) pair. Not addressing a proposal is the
    absence of a row.

    ``respondents`` lists every respondent per consultation, with
    ``respondent_type``, ``county`` (text or empty), ``population`` (float or
    NaN) and ``replied`` (bool). A respondent listed in an ``Instanser`` sheet
    with no coded rows has ``replied == False``: invited, did not reply.

    ``proposals`` lists every proposal per consultation with title, topic and
    addressee, including proposals nobody addressed.
    """

    responses: pd.DataFrame = field(default_factory=empty_frame)
    respondents: pd.DataFrame = field(default_factory=empty_respondents)
    proposals: pd.DataFrame = field(default_factory=empty_proposals)


@dataclass
class LoadResult:
    data: CodedData
    report: Report

    @property
    def ok(self) -> bool:
        return self.report.ok
