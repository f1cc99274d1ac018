from pathlib import Path

import numpy as np
import pandas as pd

from analysis.contrast import contrast
from analysis.coverage import addressed_matrix
from analysis.profiles import stance_matrix
from analysis.tabular import format_csv, to_records

ROOT = Path(__file__).resolve().parents[2]


def test_format_csv_cells():
    df = pd.DataFrame({
        "name": ["a,b", "c"],
        "n": [1, 20],
        "nullable": pd.array([3, None], dtype="Int64"),
        "x": [-0.00001, np.nan],
        "flag": [True, False],
    })
    assert format_csv(df) == 'name,n,nullable,x,flag\n"a,b",1,3,0.0000,true\nc,20,,,false\n'
    assert to_records(df) == [
        {"name": "a,b", "n": 1, "nullable": 3, "x": 0.0, "flag": True},
        {"name": "c", "n": 20, "nullable": None, "x": None, "flag": False},
    ]


def test_natural_order_in_matrices_and_contrast(build):
    answers = [("Solna stad", pid, "agree") for pid in ["4.10", "10.1", "4.2", "4.1"]]
    answers += [("Region Uppsala", "4.10", "disagree")]
    data = build.data(build.responses(answers))
    expected = ["4.1", "4.2", "4.10", "10.1"]
    assert list(addressed_matrix(data).columns) == expected
    assert list(stance_matrix(data).columns) == expected
    assert list(contrast(data.responses)["proposal_id"]) == expected


def test_every_function_copes_with_empty_data(small, build):
    from analysis import coverage, headlines, profiles, shares, weighting
    from i18n.sentences import render_all
    from loaders.model import CodedData

    no_answers = build.data(small.responses.iloc[:0], small.respondents, small.proposals)
    for data in (CodedData(), no_answers):
        assert shares.stance_counts(data.responses, ["proposal_id"]).empty
        assert shares.summary_table(data.responses, ["respondent_type"]).empty
        for den in ("addressed", "positioned", "all"):
            shares.agreement(data, ["respondent_type", "proposal_id"], den)
        contrast(data.responses)
        coverage.coverage_by_type(data)
        coverage.non_respondents(data)
        addressed_matrix(data)
        profiles.respondent_summary(data)
        stance_matrix(data, sort="agreement")
        weighting.weighted_agreement(data)
        weighting.weighted_agreement(data, by=None)
        assert render_all(headlines.headlines(data)) in (
            [], ["0 av 3 förslag tillstyrks av en majoritet av de instanser som yttrat sig."])
    # data.respondents still says six replied (e.g. a stance filter hid every answer)
    assert shares.agreement(no_answers, ["proposal_id"], "all")["n"].tolist() == [6, 6, 6]
    assert list(coverage.non_respondents(no_answers)["respondent"]) == ["Umeå kommun"]
