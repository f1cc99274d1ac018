"""Small coded data sets, built in code, for the extract tests.

``small``: "Remiss A" of :mod:`support.remiss_a` (shared with the analysis
tests): one consultation, three proposals (5.1 addressed by no one), six
respondents who replied (three regions, two municipalities, one agency) and
one invited municipality that did not.
"""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from loaders.model import CodedData
from loaders.schema import conform
from support.remiss_a import ANSWERS, CONSULTATION, PROPOSALS
from support.remiss_a import RESPONDENTS as RESPONDENTS_WITH_POPULATION

#: (name, type, replied): no populations in the extract tests.
RESPONDENTS = [(name, rtype, replied) for name, rtype, _, replied in RESPONDENTS_WITH_POPULATION]


def make_data(answers=ANSWERS, comments=None, consultation=CONSULTATION, respondents=RESPONDENTS,
              proposals=PROPOSALS) -> CodedData:
    """CodedData from (respondent, proposal_id, stance) triples; ``comments`` per row, optional."""
    types = {r[0]: r[1] for r in respondents}
    props = {p[0]: p for p in proposals}
    rows = []
    for i, (name, pid, stance) in enumerate(answers):
        p = props[pid]
        rows.append({
            "consultation": consultation, "respondent": name, "respondent_type": types[name],
            "proposal_id": pid, "proposal_title": p[1], "topic": p[2], "addressee": p[3],
            "stance": stance, "comment": comments[i] if comments else f"{name} om {pid}",
            "source": "remissvar.xlsx", "sheet": "Svar", "row": i + 2,
        })
    responses = conform(pd.DataFrame(rows))
    resp = pd.DataFrame({
        "consultation": consultation, "respondent": [r[0] for r in respondents],
        "respondent_type": [r[1] for r in respondents], "county": "", "population": float("nan"),
        "replied": [r[2] for r in respondents],
    })
    prop = pd.DataFrame({
        "consultation": consultation, "proposal_id": [p[0] for p in proposals],
        "proposal_title": [p[1] for p in proposals], "topic": [p[2] for p in proposals],
        "addressee": [p[3] for p in proposals],
    })
    return CodedData(responses=responses, respondents=resp, proposals=prop)


def combine(*datas: CodedData) -> CodedData:
    return CodedData(
        responses=conform(pd.concat([d.responses.astype("object") for d in datas], ignore_index=True)),
        respondents=pd.concat([d.respondents for d in datas], ignore_index=True),
        proposals=pd.concat([d.proposals for d in datas], ignore_index=True),
    )


@pytest.fixture
def small() -> CodedData:
    return make_data()


def open_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def xml_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")}


def about_rows(ws) -> dict:
    """Om urvalet as {label: value} (column A -> column B)."""
    return {r[0]: r[1] for r in ws.iter_rows(min_col=1, max_col=2, values_only=True) if r[0] is not None}


class _Helpers:
    """The helpers above, for test modules (which cannot import conftest under importlib mode)."""

    make_data = staticmethod(make_data)
    combine = staticmethod(combine)
    open_xlsx = staticmethod(open_xlsx)
    xml_parts = staticmethod(xml_parts)
    about_rows = staticmethod(about_rows)
    CONSULTATION = CONSULTATION
    ANSWERS = ANSWERS


@pytest.fixture
def h() -> type[_Helpers]:
    return _Helpers
