"""Hand-built coded data for the draft tests: one consultation per case, rows numbered from 2.

``coded(answers, also_replied=(), invited=())``: ``answers`` are
``(respondent, type, proposal_id, stance, comment)``; proposals "1", "2"
and "3" always exist (so a proposal nobody addressed is easy to build);
``also_replied`` are ``(respondent, type)`` who replied but addressed none
of the proposals with a row here; ``invited`` are ``(respondent, type)``
who never replied. The Excel row of answer ``i`` is ``i + 2`` on sheet "Svar".
"""
from __future__ import annotations

import pandas as pd

from loaders.model import CodedData
from loaders.schema import conform

CONSULTATION = "Remiss X"
TITLES = {"1": "Gemensam planering", "2": "Ny tillsyn", "3": "Uppföljning"}


def coded(answers, also_replied=(), invited=(), consultation: str = CONSULTATION) -> CodedData:
    rows = []
    for i, (name, rtype, pid, stance, comment) in enumerate(answers):
        rows.append({"consultation": consultation, "respondent": name, "respondent_type": rtype,
                     "proposal_id": pid, "proposal_title": TITLES[pid], "topic": "Tema", "addressee": "Region",
                     "stance": stance, "comment": comment, "source": "svar.xlsx", "sheet": "Svar", "row": i + 2})
    responses = conform(pd.DataFrame(rows)) if rows else conform(pd.DataFrame({c: [] for c in
                                                                               ("consultation", "respondent")}))
    people: dict[str, tuple[str, bool]] = {}
    for name, rtype, *_ in answers:
        people[name] = (rtype, True)
    for name, rtype in also_replied:
        people[name] = (rtype, True)
    for name, rtype in invited:
        people[name] = (rtype, False)
    respondents = pd.DataFrame({
        "consultation": consultation, "respondent": list(people),
        "respondent_type": [v[0] for v in people.values()], "county": "", "population": float("nan"),
        "replied": [v[1] for v in people.values()],
    })
    proposals = pd.DataFrame({"consultation": consultation, "proposal_id": list(TITLES),
                              "proposal_title": list(TITLES.values()), "topic": "Tema", "addressee": "Region"})
    return CodedData(responses=responses, respondents=respondents, proposals=proposals)


def regions(n: int) -> list[tuple[str, str]]:
    return [(f"Region {i}", "Region") for i in range(1, n + 1)]


def municipalities(n: int) -> list[tuple[str, str]]:
    return [(f"Kommun {i}", "Kommun") for i in range(1, n + 1)]


def stances(people, pid: str, stance_of) -> list[tuple]:
    """Answers for ``people`` on ``pid``; ``stance_of(i)`` gives the stance of the i-th (0-based)."""
    return [(name, rtype, pid, stance_of(i), "") for i, (name, rtype) in enumerate(people)]
