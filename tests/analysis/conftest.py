"""Tiny hand-made data sets for the analysis tests.

``small``: "Remiss A" of :mod:`support.remiss_a` (shared with the export
tests): one consultation, three proposals (5.1 addressed by no one), seven
listed respondents of whom six replied, with their populations.
"""
from __future__ import annotations

import pandas as pd
import pytest

from loaders.model import CodedData
from loaders.schema import conform
from support.remiss_a import ANSWERS, CONSULTATION, PROPOSALS, RESPONDENTS


def responses_frame(answers, consultation=CONSULTATION, proposals=PROPOSALS, respondents=RESPONDENTS):
    """Canonical responses from (respondent, proposal_id, stance) triples."""
    types = {r[0]: r[1] for r in respondents}
    props = {p[0]: p for p in proposals}
    rows = []
    for name, pid, stance in answers:
        p = props.get(pid, (pid, "", "", ""))
        rows.append({
            "consultation": consultation, "respondent": name, "respondent_type": types[name],
            "proposal_id": pid, "proposal_title": p[1], "topic": p[2], "addressee": p[3],
            "stance": stance, "comment": f"{name} om {pid}",
        })
    return conform(pd.DataFrame(rows))


def respondents_frame(respondents=RESPONDENTS, consultation=CONSULTATION):
    return pd.DataFrame({
        "consultation": consultation,
        "respondent": [r[0] for r in respondents],
        "respondent_type": [r[1] for r in respondents],
        "county": "",
        "population": [r[2] for r in respondents],
        "replied": [r[3] for r in respondents],
    })


def proposals_frame(proposals=PROPOSALS, consultation=CONSULTATION):
    return pd.DataFrame({
        "consultation": consultation,
        "proposal_id": [p[0] for p in proposals],
        "proposal_title": [p[1] for p in proposals],
        "topic": [p[2] for p in proposals],
        "addressee": [p[3] for p in proposals],
    })


def counts_responses(spec, consultation=CONSULTATION):
    """Responses from counts: ``{(respondent_type, proposal_id): {stance: count}}``.

    Respondent names are made up per type ("Region 1", "Region 2", ...) and
    re-used across proposals.
    """
    rows = []
    for (rtype, pid), stances in spec.items():
        i = 0
        for stance, count in stances.items():
            for _ in range(count):
                i += 1
                rows.append({"consultation": consultation, "respondent": f"{rtype} {i}",
                             "respondent_type": rtype, "proposal_id": pid, "stance": stance,
                             "addressee": "", "proposal_title": "", "topic": ""})
    return conform(pd.DataFrame(rows))


@pytest.fixture
def small() -> CodedData:
    return CodedData(responses_frame(ANSWERS), respondents_frame(), proposals_frame())


@pytest.fixture
def build():
    """The frame builders above, for tests that need their own data."""
    import types

    return types.SimpleNamespace(
        responses=responses_frame, respondents=respondents_frame, proposals=proposals_frame,
        counts=counts_responses, data=CodedData, ANSWERS=ANSWERS, RESPONDENTS=RESPONDENTS,
        PROPOSALS=PROPOSALS,
    )
