import pandas as pd
import pytest

from analysis.filters import Filters, apply_filters
from analysis.profiles import respondent_headline, respondent_headlines, respondent_summary, stance_matrix
from i18n.sentences import render, render_all


def test_respondent_summary(small):
    out = respondent_summary(small)
    assert list(out.columns) == ["consultation", "respondent", "respondent_type", "n_proposals",
                                 "agree", "partly", "disagree", "no_position", "not_addressed"]
    got = {r.respondent: (r.n_proposals, r.agree, r.partly, r.disagree, r.no_position, r.not_addressed)
           for r in out.itertuples()}
    assert got == {
        "Malmö stad": (3, 0, 1, 0, 0, 2),
        "Myndigheten för X": (3, 0, 0, 1, 0, 2),
        "Region Gotland": (3, 0, 0, 0, 1, 2),
        "Region Stockholm": (3, 1, 1, 0, 0, 1),
        "Region Uppsala": (3, 1, 0, 1, 0, 1),
        "Solna stad": (3, 2, 0, 0, 0, 1),
    }
    assert list(out["respondent"]) == sorted(got)


def test_n_proposals_falls_back_to_responses(small, build):
    out = respondent_summary(build.data(small.responses))
    assert set(out["n_proposals"]) == {2}  # 5.1 is unknown without the proposal list


def test_n_proposals_follows_proposal_filter(small):
    out = respondent_summary(apply_filters(small, Filters(proposals=("4.2",))))
    assert set(out["n_proposals"]) == {1}
    assert out.set_index("respondent").loc["Myndigheten för X", "not_addressed"] == 1


@pytest.mark.parametrize("counts, sv, en", [
    ((25, 24, 1, 0, 0, 0), "Stockholms stad tillstyrker 24 av 25 förslag (1 delvis)",
     "Stockholms stad agrees with 24 of 25 proposals (1 partly)"),
    ((25, 25, 0, 0, 0, 0), "Stockholms stad tillstyrker 25 av 25 förslag",
     "Stockholms stad agrees with 25 of 25 proposals"),
    ((25, 10, 1, 2, 1, 11),
     "Stockholms stad tillstyrker 10 av 25 förslag (1 delvis, 2 avstyrker, 1 utan ställningstagande, 11 ej berörda)",
     "Stockholms stad agrees with 10 of 25 proposals (1 partly, 2 disagree, 1 no position, 11 not addressed)"),
    ((1, 0, 0, 0, 0, 1), "Stockholms stad tillstyrker 0 av 1 förslag (1 ej berörda)",
     "Stockholms stad agrees with 0 of 1 proposal (1 not addressed)"),
    ((1500, 1200, 0, 300, 0, 0), "Stockholms stad tillstyrker 1\xa0200 av 1\xa0500 förslag (300 avstyrker)",
     "Stockholms stad agrees with 1,200 of 1,500 proposals (300 disagree)"),
])
def test_respondent_headline(counts, sv, en):
    keys = ["n_proposals", "agree", "partly", "disagree", "no_position", "not_addressed"]
    row = {"respondent": "Stockholms stad", **dict(zip(keys, counts))}
    assert render(respondent_headline(row), "sv") == sv
    assert render(respondent_headline(row), "en") == en
    frame = pd.DataFrame([row])  # the column-wise twin says the same
    assert render_all(respondent_headlines(frame), "sv") == [sv]
    assert render_all(respondent_headlines(frame), "en") == [en]


def test_headline_from_summary_row(small):
    row = respondent_summary(small).set_index("respondent").loc["Region Stockholm"]
    row = {"respondent": "Region Stockholm", **row.to_dict()}
    assert render(respondent_headline(row)) == "Region Stockholm tillstyrker 1 av 3 förslag (1 delvis, 1 ej berörda)"


def test_stance_matrix(small):
    out = stance_matrix(small)
    assert list(out.columns) == ["4.2", "4.10", "5.1"]
    assert [r for _, _, r in out.index] == ["Malmö stad", "Myndigheten för X", "Region Gotland",
                                            "Region Stockholm", "Region Uppsala", "Solna stad"]
    stockholm = out.loc[("Remiss A", "Region", "Region Stockholm")]
    assert stockholm["4.2"] == "agree" and stockholm["4.10"] == "partly" and stockholm.isna()["5.1"]
    assert all(str(t) == "category" for t in out.dtypes)


def test_stance_matrix_sorts(small):
    by_type = stance_matrix(small, sort="type")
    assert [r for _, _, r in by_type.index] == ["Region Gotland", "Region Stockholm", "Region Uppsala",
                                                "Malmö stad", "Solna stad", "Myndigheten för X"]
    by_agreement = stance_matrix(small, sort="agreement")
    # Solna 2 agree; Stockholm 1 (+1 partly) before Uppsala 1; Malmö partly; then the rest by name
    assert [r for _, _, r in by_agreement.index] == ["Solna stad", "Region Stockholm", "Region Uppsala",
                                                     "Malmö stad", "Myndigheten för X", "Region Gotland"]
    with pytest.raises(ValueError):
        stance_matrix(small, sort="size")
