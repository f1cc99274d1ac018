"""Key figures for the overview, each with its denominator."""
from __future__ import annotations

import math

from analysis.universe import listed_respondents, proposal_list
from loaders.model import CodedData


def key_figures(data: CodedData) -> dict:
    """The overview's headline numbers for an already filtered dataset.

    * ``replied``: respondents with at least one coded answer.
    * ``invited``: respondents listed for the selection (replied or not).
    * ``proposals``: proposals in scope (listed on the Förslag sheet or coded).
    * ``answers``: coded (respondent, proposal) pairs: the denominator of
      ``agree_share``.
    * ``agree`` / ``partly``: answers coded agree / agree in part.
    * ``agree_share`` = agree / answers (NaN when there are no answers).
    """
    responses = data.responses
    listed = listed_respondents(data)
    answers = len(responses)
    counts = responses["stance"].value_counts()
    agree = int(counts.get("agree", 0))
    return {
        "replied": int(listed["replied"].sum()),
        "invited": int(len(listed)),
        "proposals": int(len(proposal_list(data))),
        "answers": answers,
        "agree": agree,
        "partly": int(counts.get("partly", 0)),
        "agree_share": agree / answers if answers else math.nan,
    }
