import math

import pytest

from analysis.weighting import weighted_agreement

REGION_TOTAL = 2_860_000.0  # Stockholm + Uppsala + Gotland
KOMMUN_TOTAL = 560_000.0  # Solna + Malmö + Umeå (listed, did not reply)


def _row(df, pid, rtype):
    hit = df.loc[(df["proposal_id"] == pid) & (df["respondent_type"] == rtype)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_columns_and_rows(small):
    out = weighted_agreement(small)
    assert list(out.columns) == ["consultation", "proposal_id", "respondent_type", "n_addressed",
                                 "n_missing_population", "agree_population", "addressed_population",
                                 "total_population", "share", "coverage", "population_share"]
    assert [(p, t) for p, t in zip(out["proposal_id"], out["respondent_type"])] == [
        ("4.2", "Region"), ("4.2", "Kommun"), ("4.10", "Region"), ("4.10", "Kommun"),
        ("5.1", "Region"), ("5.1", "Kommun")]


@pytest.mark.parametrize("pid, rtype, count_partly, agree, addressed, total", [
    ("4.2", "Region", False, 2_400_000, 2_860_000, REGION_TOTAL),
    ("4.10", "Region", False, 400_000, 2_800_000, REGION_TOTAL),
    ("4.10", "Region", True, 2_800_000, 2_800_000, REGION_TOTAL),
    ("4.2", "Kommun", False, 80_000, 430_000, KOMMUN_TOTAL),
    ("4.2", "Kommun", True, 430_000, 430_000, KOMMUN_TOTAL),
    ("4.10", "Kommun", False, 80_000, 80_000, KOMMUN_TOTAL),
])
def test_weighted_figures(small, pid, rtype, count_partly, agree, addressed, total):
    row = _row(weighted_agreement(small, count_partly=count_partly), pid, rtype)
    assert (row.agree_population, row.addressed_population, row.total_population) == (agree, addressed, total)
    assert row.share == pytest.approx(agree / addressed)
    assert row.coverage == pytest.approx(addressed / total)
    assert row.population_share == pytest.approx(agree / total)


def test_unaddressed_proposal(small):
    row = _row(weighted_agreement(small), "5.1", "Region")
    assert row.n_addressed == 0 and math.isnan(row.share)
    assert row.coverage == 0 and row.population_share == 0


def test_overall(small):
    out = weighted_agreement(small, by=None).set_index("respondent_type")
    assert list(out.index) == ["Region", "Kommun"]
    region = out.loc["Region"]
    assert region.n_addressed == 5
    assert region.agree_population == 2_800_000 and region.addressed_population == 5_660_000
    assert region.total_population == 3 * REGION_TOTAL
    assert region.population_share == pytest.approx(2_800_000 / (3 * REGION_TOTAL))


def test_missing_population_gives_nan(small, build):
    respondents = small.respondents.assign(population=float("nan"))
    out = weighted_agreement(build.data(small.responses, respondents, small.proposals))
    row = _row(out, "4.2", "Region")
    assert row.n_missing_population == 3
    assert math.isnan(row.total_population) and math.isnan(row.share) and math.isnan(row.population_share)


def test_overall_without_population_and_bad_by(small, build):
    respondents = small.respondents.assign(population=float("nan"))
    out = weighted_agreement(build.data(small.responses, respondents, small.proposals), by=None)
    assert out["total_population"].isna().all() and out["population_share"].isna().all()
    with pytest.raises(ValueError):
        weighted_agreement(small, by="topic")
