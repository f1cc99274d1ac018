"""Remissinstanser: one respondent's profile and the respondent × proposal grid."""
from __future__ import annotations

import numpy as np

from support.apptest import text_of, widget


def test_profile_of_stockholm(ui):
    at = ui.open("respondents", instans="Stockholms stad")
    assert not at.exception
    assert widget(at, "selectbox", "Välj remissinstans").value == "Stockholms stad"
    assert "Stockholms stad tillstyrker 24 av 25 förslag \\(1 delvis\\)" in text_of(at)
    answers = ui.table_with(at, "Förslag", "Rubrik", "Ställningstagande")
    assert len(answers) == 25
    assert answers["Ställningstagande"].value_counts().to_dict() == {"Tillstyrker": 24, "Tillstyrker delvis": 1}


def test_grid_matches_responses(ui, plan_rows):
    at = ui.open("respondents")
    hm = ui.figures(at)["respondents_grid"].data[0]
    z = np.array(hm.z, dtype=float)
    assert z.shape == (plan_rows["respondent"].nunique(), plan_rows["proposal_id"].nunique())
    codes = {"agree": 0, "partly": 1, "disagree": 2, "no_position": 3}
    for s, code in codes.items():
        assert int((z == code).sum()) == int((plan_rows["stance"] == s).sum())
    assert int((z == 4).sum()) == z.size - len(plan_rows)  # not addressed
    table = ui.table_with(at, "Remissinstans", "Typ", "5.1.1")
    assert (table["5.1.1"] == "Tillstyrker").sum() == \
        ((plan_rows["proposal_id"] == "5.1.1") & (plan_rows["stance"] == "agree")).sum()
    # Sorted by type: regions first.
    assert table["Typ"].iloc[0] == "Region"


def test_grid_sorted_by_agreement_and_filtered(ui, plan_rows):
    at = ui.open("respondents", sortering="agreement", typ="Kommun")
    assert not at.exception
    table = ui.table_with(at, "Remissinstans", "Typ", "5.1.1")
    assert set(table["Typ"]) == {"Kommun"}
    props = [c for c in table.columns if c not in ("Remissinstans", "Typ")]
    agreed = (table[props] == "Tillstyrker").sum(axis=1).tolist()
    assert agreed == sorted(agreed, reverse=True)
    assert table["Remissinstans"].iloc[0] == "Stockholms stad"
    kommuner = plan_rows[plan_rows["respondent_type"] == "Kommun"]
    k = int((kommuner["stance"] == "agree").sum())
    title = ui.figures(at)["respondents_grid"].layout.meta["title"]
    assert title.startswith(f"{k} av {len(table) * 25:,}".replace(",", "\xa0"))


def test_unknown_respondent(ui):
    at = ui.open("respondents", instans="Ingen sådan")
    assert not at.exception
    assert "Remissinstansen i länken finns inte i urvalet" in text_of(at)
    assert "Ingen sådan" not in text_of(at)  # an unknown URL value is never echoed
