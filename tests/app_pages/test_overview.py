"""The overview page on the demo data: the figures a desk officer sees first."""
import pytest

from loaders.load import load_path
from support.apptest import app, metrics, text_of, widget

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"
NBSP = "\xa0"


@pytest.fixture(scope="module")
def demo():
    return load_path("data/demo.xlsx").data


def expected(demo, types=None):
    """An independent computation of the overview figures from the demo frame."""
    r = demo.responses
    r = r[r["consultation"].astype(str) == PLAN]
    inst = demo.respondents[demo.respondents["consultation"] == PLAN]
    if types:
        r = r[r["respondent_type"].astype(str).isin(types)]
        inst = inst[inst["respondent_type"].astype(str).isin(types)]
    agree = int((r["stance"].astype(str) == "agree").sum())
    return {"replied": r["respondent"].nunique(), "invited": len(inst), "answers": len(r), "agree": agree,
            "share": round(100 * agree / len(r))}


def test_overview_swedish_demo(demo):
    at = app().run()
    assert not at.exception
    m = metrics(at)
    e = expected(demo)
    assert (e["replied"], e["invited"], e["answers"], e["agree"]) == (72, 76, 1339, 841)
    assert m == {"Svarande instanser": "72", "Förslag": "25", "Kodade svar": f"1{NBSP}339",
                 "Tillstyrker": f"{e['share']}{NBSP}%"}
    text = text_of(at)
    assert "72 av 76 inbjudna har svarat" in text
    assert f"841 av 1{NBSP}339 kodade svar tillstyrker (utan delvis)" in text
    assert "Stockholms stad tillstyrker 24 av 25 förslag \\(1 delvis\\)" in text
    assert "Exempeldata (fiktiv)" in text
    assert at.query_params["remiss"] in (PLAN, [PLAN])


def test_filter_to_regions_changes_figures(demo):
    at = app().run()
    widget(at, "multiselect", "Typ av remissinstans").set_value(["Region"]).run()
    e = expected(demo, ["Region"])
    assert e["replied"] == 21
    m = metrics(at)
    assert m["Svarande instanser"] == "21"
    assert m["Kodade svar"] == f"{e['answers']:,}".replace(",", NBSP)
    assert m["Tillstyrker"] == f"{e['share']}{NBSP}%"
    assert "Stockholms stad tillstyrker" not in text_of(at)
    assert "Region Skåne tillstyrker" in text_of(at)
    assert at.query_params["typ"] in ("Region", ["Region"])


def test_url_reproduces_view_and_english(demo):
    at = app(lang="en", typ="Kommun").run()
    assert not at.exception
    e = expected(demo, ["Kommun"])
    m = metrics(at)
    assert m["Responding bodies"] == str(e["replied"])
    assert m["Coded answers"] == f"{e['answers']:,}"
    assert m["Agree"] == f"{e['share']}%"
    assert "Stockholms stad agrees with 24 of 25 proposals \\(1 partly\\)" in text_of(at)


def test_all_consultations_option(demo):
    at = app(remiss="*").run()
    m = metrics(at)
    assert m["Förslag"] == "34"
    assert m["Kodade svar"] == f"1{NBSP}792"
