"""Översikt: the proposals chart, the headlines, coverage, and clicking a bar."""
from __future__ import annotations

import numpy as np
import pytest

from components.text import escape_md
from support.apptest import text_of, widget


def expected_shares(rows):
    g = rows.groupby("proposal_id")["stance"]
    return (g.apply(lambda s: (s == "agree").sum()) / g.size()).sort_values(ascending=False, kind="stable")


def test_proposal_chart_and_table(ui, plan_rows):
    at = ui.open()
    assert not at.exception
    fig = ui.figures(at)["overview_proposals"]
    shares = expected_shares(plan_rows)
    agree = ui.trace(fig, "Tillstyrker")
    ids = [c[0] for c in agree.customdata]
    assert set(ids) == set(shares.index) and len(ids) == 25
    np.testing.assert_allclose(agree.x, [shares[i] for i in ids])
    assert list(agree.x) == sorted(agree.x, reverse=True)  # sorted by agreement
    disagree = ui.trace(fig, "Avstyrker")
    d = plan_rows.groupby("proposal_id")["stance"].apply(lambda s: (s == "disagree").mean())
    np.testing.assert_allclose([-x for x in disagree.x], [d[i] for i in ids])
    # The table behind the chart holds the same numbers in the same order.
    table = ui.table_with(at, "Förslag", "Andel tillstyrker")
    assert table["Förslag"].tolist() == ids
    np.testing.assert_allclose(table["Andel tillstyrker"], agree.x)
    assert table["n"].tolist() == [int((plan_rows["proposal_id"] == i).sum()) for i in ids]
    k = int((shares > 0.5).sum())
    title = f"{k} av 25 förslag tillstyrks av en majoritet av dem som yttrat sig"
    assert fig.layout.meta["title"] == title
    assert title in text_of(at)
    assert fig.layout.separators == ", "
    assert "Liggande staplar för 25 förslag" in fig.layout.meta["description"]
    assert "Visa tabell" in [e.label for e in at.expander]


def test_headlines_and_coverage(ui, plan_rows, demo):
    at = ui.open()
    text = text_of(at)
    assert "I korthet" in text
    shares = expected_shares(plan_rows)
    n = plan_rows.groupby("proposal_id").size()
    top = shares.index[0]
    assert escape_md(f"Förslag {top}") in text and "har störst stöd" in text
    assert f"av de {n[top]} instanser som yttrat sig tillstyrker" in text
    assert "Störst skillnad mellan regioner och kommuner" in text
    cov = ui.figures(at)["coverage"]
    people = demo.respondents[demo.respondents["consultation"] == ui.PLAN]
    replied = people[people["replied"].astype(bool)].groupby("respondent_type").size()
    bars = ui.trace(cov, "Svarat")
    assert dict(zip(bars.y, bars.x)) == {k: v for k, v in replied.items() if v}
    assert cov.layout.meta["title"].startswith(f"{replied.sum()} av {len(people)} inbjudna har svarat")


def test_filter_to_regions_changes_chart(ui, plan_rows):
    at = ui.open()
    widget(at, "multiselect", "Typ av remissinstans").set_value(["Region"]).run()
    fig = ui.figures(at)["overview_proposals"]
    agree = ui.trace(fig, "Tillstyrker")
    shares = expected_shares(plan_rows[plan_rows["respondent_type"] == "Region"])
    ids = [c[0] for c in agree.customdata]
    np.testing.assert_allclose(agree.x, [shares[i] for i in ids])
    assert fig.layout.meta["title"].startswith(f"{int((shares > 0.5).sum())} av 25 förslag")


def test_click_on_bar_opens_proposal_with_its_respondents(ui, plan_rows):
    at = ui.open()
    at = ui.select(at, "overview_proposals", ["6.1.4"])
    assert not at.exception
    assert [t.value for t in at.title] == ["Förslag"]
    assert at.query_params["forslag"] in ("6.1.4", ["6.1.4"])
    assert widget(at, "selectbox", "Välj förslag").value == "6.1.4"
    table = ui.table_with(at, "Remissinstans", "Ställningstagande", "Kommentar")
    expected = plan_rows[plan_rows["proposal_id"] == "6.1.4"]
    assert sorted(table["Remissinstans"]) == sorted(expected["respondent"])


def test_english_chart(ui):
    at = ui.open(lang="en")
    fig = ui.figures(at)["overview_proposals"]
    assert [tr.name for tr in fig.data] == ["Agree", "Partly agree", "Disagree", "No position"]
    assert fig.layout.separators == ".,"
    assert fig.layout.meta["title"].endswith("proposals are supported by a majority of those who commented")


@pytest.mark.parametrize("event,expected", [
    ({"selection": {"points": [{"customdata": ["7.2.5", "x", 1, 2, "50 %"]}]}}, "7.2.5"),
    ({"selection": {"points": []}}, None),
    (None, None),
    ({"selection": {"points": [{"x": 1}]}}, None),
])
def test_open_proposal_handler(event, expected):
    from components.charting import PROPOSAL_PAGE, open_proposal
    calls = []
    assert open_proposal(event, switch=lambda page, query_params: calls.append((page, query_params))) == expected
    assert calls == ([(PROPOSAL_PAGE, {"forslag": expected})] if expected else [])


def test_back_to_overview_after_click_stays_there(ui):
    at = ui.open()
    at = ui.select(at, "overview_proposals", ["6.1.4"])
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Översikt"]
    at.run()
    assert [t.value for t in at.title] == ["Översikt"]
