"""Hand-built CodedData for exact expectations in the store tests."""
from __future__ import annotations

import pandas as pd

from loaders.model import CodedData
from loaders.schema import PROPOSAL_COLUMNS, RESPONDENT_COLUMNS, conform

TYPES = {"Region Uppsala": "Region", "Lunds kommun": "Kommun", "Skolverket": "Statlig myndighet"}


def coded(
    rows: list[tuple],
    respondents: list[tuple] | None = None,
    proposals: list[tuple] | None = None,
) -> CodedData:
    """``rows``: (consultation, respondent, proposal_id, stance[, comment])."""
    records = []
    for i, r in enumerate(rows):
        cons, resp, pid, stance = r[:4]
        records.append(
            {
                "consultation": cons,
                "respondent": resp,
                "respondent_type": TYPES.get(resp, "Övrig"),
                "proposal_id": pid,
                "proposal_title": f"Förslag {pid}",
                "topic": "Vård",
                "addressee": "Regeringen",
                "stance": stance,
                "comment": r[4] if len(r) > 4 else "",
                "source": "svar.xlsx",
                "sheet": "Kodning",
                "row": i + 2,
            }
        )
    responses = conform(pd.DataFrame.from_records(records, columns=list(records[0]) if records else None))
    resp_df = pd.DataFrame(respondents or [], columns=list(RESPONDENT_COLUMNS))
    prop_df = pd.DataFrame(proposals or [], columns=list(PROPOSAL_COLUMNS))
    return CodedData(responses=responses, respondents=resp_df, proposals=prop_df)


def frame(columns: tuple[str, ...] | list[str], rows: list[tuple]) -> pd.DataFrame:
    """A plain ``str`` frame, for comparing diff results."""
    return pd.DataFrame(
        {c: pd.Series([r[i] for r in rows], dtype="str") for i, c in enumerate(columns)}
    )
