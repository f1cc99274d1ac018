"""Förslag: pick or arrive at a proposal; stances by type and every respondent's answer."""
from __future__ import annotations

import numpy as np

from support.apptest import text_of, widget

STANCE_SV = {"agree": "Tillstyrker", "partly": "Tillstyrker delvis", "disagree": "Avstyrker",
             "no_position": "Ingen synpunkt"}


def check_proposal(ui, at, rows, pid):
    """The chart, its table and the respondent table agree with ``rows`` (the proposal's answers)."""
    mine = rows[rows["proposal_id"] == pid]
    fig = ui.figures(at)["proposal_types"]
    agree = ui.trace(fig, "Tillstyrker")
    types = [c[0].split(" (n=")[0] for c in agree.customdata]
    per_type = mine.groupby("respondent_type")["stance"]
    expected = {ty: (s == "agree").mean() for ty, s in per_type}
    for ty, x, custom in zip(types, agree.x, agree.customdata):
        if ty in expected:
            assert x == expected[ty]
            assert custom[3] == per_type.size()[ty]
    table = ui.table_with(at, "Typ", "Andel tillstyrker")
    np.testing.assert_allclose(table["Andel tillstyrker"].fillna(-1), np.nan_to_num(agree.x, nan=-1))
    answers = ui.table_with(at, "Remissinstans", "Ställningstagande", "Kommentar")
    assert len(answers) == len(mine)
    got = dict(zip(answers["Remissinstans"], answers["Ställningstagande"]))
    assert got == {r: STANCE_SV[s] for r, s in zip(mine["respondent"], mine["stance"])}
    comments = dict(zip(answers["Remissinstans"], answers["Kommentar"]))
    assert comments == dict(zip(mine["respondent"], mine["comment"].astype(str)))
    pct = round(100 * (mine["stance"] == "agree").mean())
    assert fig.layout.meta["title"].startswith(f"{pct}\xa0% av de {len(mine)} instanser som yttrat sig "
                                              f"tillstyrker förslag {pid}")
    assert f"Remissinstansernas svar ({len(mine)})" in text_of(at)


def test_arrive_by_url(ui, plan_rows):
    at = ui.open("proposal", forslag="5.2.1")
    assert not at.exception
    assert widget(at, "selectbox", "Välj förslag").value == "5.2.1"
    check_proposal(ui, at, plan_rows, "5.2.1")


def test_first_proposal_by_default_and_pick_another(ui, plan_rows):
    at = ui.open("proposal")
    box = widget(at, "selectbox", "Välj förslag")
    assert box.value == "5.1.1"
    assert box.options[:3] == ["5.1.1 – Gemensam regional och kommunal planering av kompetensförsörjningen",
                               "5.1.2 – Uppgiftsväxling mellan yrkesgrupper",
                               "5.1.3 – Nationell uppföljning av personalförsörjningen"]
    assert box.options.index(next(o for o in box.options if o.startswith("6.1.10 "))) > \
        box.options.index(next(o for o in box.options if o.startswith("6.1.2 ")))
    box.set_value("6.1.10").run()
    assert at.query_params["forslag"] in ("6.1.10", ["6.1.10"])
    check_proposal(ui, at, plan_rows, "6.1.10")


def test_region_filter(ui, plan_rows):
    at = ui.open("proposal", forslag="5.2.1")
    widget(at, "multiselect", "Typ av remissinstans").set_value(["Region"]).run()
    assert not at.exception
    regions = plan_rows[plan_rows["respondent_type"] == "Region"]
    check_proposal(ui, at, regions, "5.2.1")
    answers = ui.table_with(at, "Remissinstans", "Ställningstagande")
    assert set(answers["Typ"]) == {"Region"}


def test_unknown_proposal_in_url(ui, plan_rows):
    at = ui.open("proposal", forslag="does-not-exist")
    assert not at.exception
    assert "Förslaget i länken finns inte i urvalet" in text_of(at)
    assert "does-not-exist" not in text_of(at)  # an unknown URL value is never echoed
    assert widget(at, "selectbox", "Välj förslag").value == "5.1.1"
    check_proposal(ui, at, plan_rows, "5.1.1")


def test_english(ui):
    at = ui.open("proposal", forslag="5.2.1", lang="en")
    assert not at.exception
    assert ui.figures(at)["proposal_types"].layout.meta["title"].split(" of the ")[1].startswith("57 respondents")
    answers = ui.table_with(at, "Respondent", "Stance", "Comment")
    assert set(answers["Stance"]) <= {"Agree", "Partly agree", "Disagree", "No position"}
