import pytest

from analysis.filters import Filters, apply_filters, describe_filters


def test_no_filters_returns_same_frames(small):
    out = apply_filters(small, Filters())
    assert out.responses is small.responses
    assert out.respondents is small.respondents and out.proposals is small.proposals


def test_apply_filters_consistent(small):
    out = apply_filters(small, Filters(consultation="Remiss A", respondent_types=("Kommun",),
                                       topics=("Ledning och styrning",)))
    assert set(out.responses["respondent_type"].astype(str)) == {"Kommun"}
    assert sorted(out.responses["respondent"].astype(str)) == ["Malmö stad", "Solna stad", "Solna stad"]
    # respondents: consultation and type only (Umeå did not reply but is listed)
    assert list(out.respondents["respondent"]) == ["Solna stad", "Malmö stad", "Umeå kommun"]
    # proposals: consultation, topic, proposal id
    assert list(out.proposals["proposal_id"]) == ["4.2", "4.10"]
    assert list(out.responses.columns) == list(small.responses.columns)
    assert out.responses["stance"].dtype == small.responses["stance"].dtype


def test_apply_filters_stance_and_proposal(small):
    out = apply_filters(small, Filters(proposals=("4.10",), stances=("agree", "partly")))
    assert sorted(out.responses["respondent"].astype(str)) == ["Region Stockholm", "Region Uppsala", "Solna stad"]
    assert len(out.respondents) == len(small.respondents)
    assert list(out.proposals["proposal_id"]) == ["4.10"]


def test_apply_filters_unknown_values_select_nothing(small):
    out = apply_filters(small, Filters(consultation="Finns inte"))
    assert out.responses.empty and out.respondents.empty and out.proposals.empty


def test_filters_normalised_and_hashable():
    f = Filters(consultation=" X ", respondent_types=["Kommun", "Kommun", ""], proposals=["4.2"])
    assert f.consultation == "X" and f.respondent_types == ("Kommun",) and f.proposals == ("4.2",)
    assert hash(f) == hash(Filters("X", ("Kommun",), (), ("4.2",)))
    assert Filters(consultation="").consultation is None


@pytest.mark.parametrize("f, sv, en", [
    (Filters(), "Alla svar, utan filter.", "All responses, no filters."),
    (Filters(consultation="X", respondent_types=("Kommun", "Region"), topics=("Ledning och styrning",)),
     "Remiss: X. Remissinstanser av typen Kommun och Region, tema Ledning och styrning.",
     "Consultation: X. Respondents of type Kommun and Region, topic Ledning och styrning."),
    (Filters(consultation="Remiss A"), "Remiss: Remiss A.", "Consultation: Remiss A."),
    (Filters(respondent_types=("Region", "Kommun", "Lärosäte")),
     "Remissinstanser av typen Region, Kommun och Lärosäte.",
     "Respondents of type Region, Kommun and Lärosäte."),
    (Filters(topics=("A", "B"), proposals=("4.2", "4.10"), stances=("agree", "partly")),
     "Tema A och B, förslag 4.2 och 4.10, svar som tillstyrker eller tillstyrker delvis.",
     "Topics A and B, proposals 4.2 and 4.10, answers that agree or partly agree."),
    (Filters(proposals=("5.1",), stances=("disagree",)),
     "Förslag 5.1, svar som avstyrker.",
     "Proposal 5.1, answers that disagree."),
])
def test_describe_filters(f, sv, en):
    assert describe_filters(f) == sv
    assert describe_filters(f, "sv") == sv
    assert describe_filters(f, "en") == en


def test_params_round_trip():
    f = Filters("Remiss A", ("Region", "Kommun"), ("Ledning och styrning",), ("4.2", "4.10"), ("agree",))
    params = f.to_params()
    assert params == {"remiss": "Remiss A", "typ": ["Region", "Kommun"], "tema": ["Ledning och styrning"],
                      "forslag": ["4.2", "4.10"], "stallning": ["agree"]}
    assert Filters.from_params(params) == f
    assert Filters().to_params() == {}
    assert Filters.from_params({}) == Filters()


def test_params_name_all_consultations_when_asked():
    """The sidebar writes ``remiss=*`` for "all consultations"; a chosen consultation wins over it."""
    assert Filters(respondent_types=("Region",)).to_params(all_consultations="*") == {"remiss": "*",
                                                                                       "typ": ["Region"]}
    assert Filters("Remiss A").to_params(all_consultations="*") == {"remiss": "Remiss A"}
    assert Filters(topics=("T",)).to_params() == {"tema": ["T"]}


def test_from_params_tolerates_garbage():
    f = Filters.from_params({
        "remiss": ["", "X", "Y"],
        "typ": ["kommun", "Påhittad", "", None, "REGION"],
        "tema": "Ledning",
        "forslag": [4.2, None, {"a": 1}, "4.10"],
        "stallning": ["AGREE", "maybe", 3],
        "okänd": "värde",
    })
    assert f == Filters("X", ("Kommun", "Region"), ("Ledning",), ("4.2", "4.10"), ("agree",))
    assert Filters.from_params(None) == Filters()
    assert Filters.from_params({"typ": 17, "stallning": {"x": 1}}) == Filters()


def test_from_params_reads_repeated_keys_via_get_all():
    class QueryParams(dict):  # the shape of st.query_params: get() gives the last value
        def get_all(self, key):
            return {"typ": ["Region", "Kommun"], "remiss": ["X"]}.get(key, [])

    f = Filters.from_params(QueryParams(typ="Kommun", remiss="X"))
    assert f == Filters("X", ("Region", "Kommun"))
