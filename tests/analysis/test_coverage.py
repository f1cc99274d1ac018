import pytest

from analysis.coverage import addressed_matrix, coverage_by_type, non_respondents
from analysis.filters import Filters, apply_filters


def test_coverage_by_type(small):
    out = coverage_by_type(small)
    assert list(out.columns) == ["respondent_type", "invited", "replied", "not_replied", "reply_rate"]
    rows = [tuple(r) for r in out.itertuples(index=False)]
    assert rows[0] == ("Region", 3, 3, 0, 1.0)
    assert rows[1][:4] == ("Kommun", 3, 2, 1) and rows[1][4] == pytest.approx(2 / 3)
    assert rows[2] == ("Statlig myndighet", 1, 1, 0, 1.0)


def test_coverage_by_consultation_and_filtered(small):
    out = coverage_by_type(apply_filters(small, Filters(respondent_types=("Kommun",))), by_consultation=True)
    assert [tuple(r)[:5] for r in out.itertuples(index=False)] == [("Remiss A", "Kommun", 3, 2, 1)]


def test_replied_without_being_listed_counts(small, build):
    data = build.data(small.responses, small.respondents.iloc[:2], small.proposals)
    out = coverage_by_type(data).set_index("respondent_type")
    assert out.loc["Kommun", "invited"] == 2 and out.loc["Kommun", "replied"] == 2


def test_non_respondents(small):
    out = non_respondents(small)
    assert list(out.columns) == ["consultation", "respondent", "respondent_type", "county"]
    assert list(out["respondent"]) == ["Umeå kommun"]


def test_addressed_matrix(small):
    out = addressed_matrix(small)
    assert list(out.columns) == ["4.2", "4.10", "5.1"]
    assert list(out.index.names) == ["consultation", "respondent_type", "respondent"]
    assert [r for _, _, r in out.index] == ["Region Gotland", "Region Stockholm", "Region Uppsala",
                                            "Malmö stad", "Solna stad", "Myndigheten för X"]
    assert out.loc[("Remiss A", "Region", "Region Gotland")].tolist() == [1, 0, 0]
    assert out.to_numpy().sum() == 9
    as_bool = addressed_matrix(small, as_bool=True)
    assert as_bool.dtypes.eq(bool).all()
    assert as_bool.loc[("Remiss A", "Kommun", "Solna stad")].tolist() == [True, True, False]
