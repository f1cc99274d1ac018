"""Suggested rows against the active version (the page's "comparing" stage), and its words in both languages."""
from __future__ import annotations

import pandas as pd

from coding.batch import VersionCheck, against_version
from i18n.strings import t

STORED = pd.DataFrame({"consultation": ["R", "R", "R"], "respondent": ["Region Syd", "Region Syd", "Vallby kommun"],
                       "proposal_id": ["4.1", "4.2", "4.1"], "stance": ["agree", "partly", "disagree"]})


def _row(respondent, pid, stance):
    return {"consultation": "R", "respondent": respondent, "proposal_id": pid, "stance": stance}


def test_same_other_new():
    found = [_row("Region Syd", "4.1", "agree"), _row("Region Syd", "4.2", "agree"),
             _row("Vallby kommun", "4.1", "disagree"), _row("Vallby kommun", "4.2", "agree"),
             _row("Ekeby kommun", "4.1", "agree")]
    assert against_version(found, STORED) == VersionCheck(same=2, other=1, new=2)
    assert against_version(found, STORED.iloc[0:0]) == VersionCheck(0, 0, 5)


def test_stage_words():
    assert t("coding.status.compared", "en", n=5, same=2, other=1, new=2) == (
        "Of 5 suggested rows, 2 are already in the active version with the same stance, 1 with another and 2 "
        "not at all.")
    assert t("coding.status.reading", "en", n=3) == "Reading 3 documents"
    assert t("coding.status.done", "en", rows=6, docs=2, failed=1) == (
        "Done: 6 suggested rows from 2 documents, 1 could not be read")
