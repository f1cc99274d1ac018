import json
import math

import pytest

from analysis.contrast import contrast, contrast_by_addressee, contrast_records, format_contrast_csv
from analysis.stats import holm

COLUMNS = ["proposal_id", "a_agree", "a_total", "a_share", "a_low", "a_high", "b_agree", "b_total", "b_share",
           "b_low", "b_high", "difference", "p_value", "p_holm", "small_n"]

SPEC = {
    ("Region", "4.2"): {"agree": 8, "disagree": 2},
    ("Kommun", "4.2"): {"agree": 1, "partly": 3, "disagree": 6},
    ("Region", "4.10"): {"agree": 3},
    ("Kommun", "1.1"): {"agree": 5},
    ("Lärosäte", "4.2"): {"agree": 4},  # neither group: ignored
    ("Lärosäte", "9.9"): {"agree": 1},  # key only in another group: no row
}

EXPECTED_CSV = (
    "proposal_id,a_agree,a_total,a_share,a_low,a_high,b_agree,b_total,b_share,b_low,b_high,"
    "difference,p_value,p_holm,small_n\n"
    "1.1,0,0,,,,5,5,1.0000,0.5655,1.0000,,,,true\n"
    "4.2,8,10,0.8000,0.4902,0.9433,1,10,0.1000,0.0179,0.4042,0.7000,0.0055,0.0055,false\n"
    "4.10,3,3,1.0000,0.4385,1.0000,0,0,,,,,,,true\n"
)


@pytest.fixture
def responses(build):
    return build.counts(SPEC)


def test_columns_order_and_natural_rows(responses):
    out = contrast(responses)
    assert list(out.columns) == COLUMNS
    assert list(out["proposal_id"]) == ["1.1", "4.2", "4.10"]
    assert out["small_n"].dtype == bool
    assert str(out["a_total"].dtype) == "int64"


def test_values_and_nan_handling(responses):
    out = contrast(responses).set_index("proposal_id")
    row = out.loc["4.2"]
    assert (row.a_agree, row.a_total, row.b_agree, row.b_total) == (8, 10, 1, 10)
    assert row.difference == pytest.approx(0.7)
    assert row.p_value == pytest.approx(0.005477494641581329)
    assert not row.small_n
    empty_a = out.loc["1.1"]
    assert (empty_a.a_total, empty_a.b_total) == (0, 5)
    for col in ["a_share", "a_low", "a_high", "difference", "p_value", "p_holm"]:
        assert math.isnan(empty_a[col])
    assert empty_a.small_n


def test_count_partly(responses):
    row = contrast(responses, count_partly=True).set_index("proposal_id").loc["4.2"]
    assert (row.b_agree, row.b_total) == (4, 10)
    assert row.b_low == pytest.approx(0.1682, abs=5e-5)
    assert row.p_value == pytest.approx(0.1698023338890212)


def test_small_n_flag_is_about_either_group(build):
    spec = {("Region", "1"): {"agree": 5}, ("Kommun", "1"): {"agree": 4},
            ("Region", "2"): {"agree": 5}, ("Kommun", "2"): {"disagree": 5}}
    out = contrast(build.counts(spec))
    assert list(out["small_n"]) == [True, False]


def test_holm_over_returned_rows(build):
    spec = {("Region", "1"): {"agree": 9, "disagree": 1}, ("Kommun", "1"): {"agree": 2, "disagree": 8},
            ("Region", "2"): {"agree": 6, "disagree": 4}, ("Kommun", "2"): {"agree": 3, "disagree": 7}}
    out = contrast(build.counts(spec))
    assert list(out["p_holm"]) == pytest.approx(list(holm(out["p_value"].to_numpy())))
    assert (out["p_holm"] >= out["p_value"]).all()


def test_csv_text_exact(responses):
    assert format_contrast_csv(contrast(responses)) == EXPECTED_CSV


def test_records(responses):
    records = contrast_records(contrast(responses))
    assert records[1] == {
        "proposal_id": "4.2", "a_agree": 8, "a_total": 10, "a_share": 0.8, "a_low": 0.4902, "a_high": 0.9433,
        "b_agree": 1, "b_total": 10, "b_share": 0.1, "b_low": 0.0179, "b_high": 0.4042, "difference": 0.7,
        "p_value": 0.0055, "p_holm": 0.0055, "small_n": False,
    }
    assert records[0]["a_share"] is None and records[2]["p_holm"] is None
    assert type(records[0]["small_n"]) is bool and type(records[0]["b_total"]) is int
    json.dumps(records)  # plain Python values only


def test_empty_input_keeps_columns(responses):
    out = contrast(responses.iloc[:0])
    assert out.empty and list(out.columns) == COLUMNS
    assert format_contrast_csv(out) == EXPECTED_CSV.splitlines()[0] + "\n"


def test_overlapping_groups_rejected(responses):
    with pytest.raises(ValueError):
        contrast(responses, a=("Region", "Kommun"), b="Kommun")


def test_contrast_by_addressee(small):
    out = contrast_by_addressee(small.responses)
    assert list(out.columns) == ["respondent_type", *COLUMNS[1:]]
    cols = ["respondent_type", "a_agree", "a_total", "b_agree", "b_total"]
    got = [tuple(r) for r in out[cols].itertuples(index=False)]
    # a = proposals addressed to regions (4.2), b = to municipalities (4.10)
    assert got == [("Region", 1, 3, 1, 2), ("Kommun", 1, 2, 1, 1), ("Statlig myndighet", 0, 0, 0, 1)]
