"""Large selections stay fast: one consultation in the grid, and capped lists, tables and grid pages.

The demo data is small, so the caps are lowered here (the pages read them
from :mod:`components.charting` at run time).
"""
from __future__ import annotations

import re

import numpy as np

from components import charting
from support.apptest import text_of, widget

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


def _grid(ui, at):
    return np.array(ui.figures(at)["respondents_grid"].data[0].z, dtype=float)


def test_grid_shows_one_consultation_when_all_are_selected(ui, demo):
    at = ui.open("respondents", remiss="*")
    assert not at.exception
    picker = widget(at, "selectbox", "Remiss i rutnätet")
    consultations = sorted(map(str, demo.responses["consultation"].unique()))
    assert sorted(picker.options) == consultations
    assert "en remiss i taget" in text_of(at)
    rows = demo.responses[demo.responses["consultation"].astype(str) == picker.value]
    assert _grid(ui, at).shape == (rows["respondent"].nunique(), rows["proposal_id"].nunique())
    other = next(c for c in consultations if c != picker.value)
    picker.set_value(other).run()
    rows = demo.responses[demo.responses["consultation"].astype(str) == other]
    assert _grid(ui, at).shape == (rows["respondent"].nunique(), rows["proposal_id"].nunique())
    assert at.query_params["matris"] in (other, [other])


def test_grid_has_no_picker_for_one_consultation(ui):
    at = ui.open("respondents")
    assert not at.exception
    assert "Remiss i rutnätet" not in [s.label for s in at.selectbox]


def test_grid_pages(ui, plan_rows, monkeypatch):
    monkeypatch.setattr(charting, "GRID_ROWS", 20)
    at = ui.open("respondents")
    assert not at.exception
    n = plan_rows["respondent"].nunique()
    assert _grid(ui, at).shape == (20, plan_rows["proposal_id"].nunique())
    pages = widget(at, "selectbox", "Rader i rutnätet")
    assert len(pages.options) == (n + 19) // 20
    first = ui.table_with(at, "Remissinstans", "Typ", "5.1.1")["Remissinstans"].tolist()
    pages.select_index(1).run()
    second = ui.table_with(at, "Remissinstans", "Typ", "5.1.1")["Remissinstans"].tolist()
    assert len(second) == 20 and not set(first) & set(second)
    assert f"rad 21–40 av {n}" in text_of(at)
    assert at.query_params["rader"] in ("2", ["2"])
    # The title describes the whole grid, not the page.
    k = int((plan_rows["stance"] == "agree").sum())
    assert ui.figures(at)["respondents_grid"].layout.meta["title"].startswith(str(k))


def test_comments_table_is_capped(ui, plan_rows, monkeypatch):
    monkeypatch.setattr(charting, "TABLE_ROWS", 10)
    at = ui.open("comments")
    assert not at.exception
    comments = plan_rows[plan_rows["comment"].astype(str).str.strip() != ""]
    table = ui.table_with(at, "Förslag", "Remissinstans", "Kommentar")
    assert len(table) == 10
    assert f"Tabellen visar de första 10 av {len(comments)}" in text_of(at)
    assert f"{len(comments)} kommentarer" in [s.value for s in at.subheader]


def test_overview_lists_the_first_respondents_with_search_and_show_all(ui, plan_rows, monkeypatch):
    monkeypatch.setattr(charting, "HEADLINE_ROWS", 10)
    at = ui.open()
    assert not at.exception
    n = plan_rows["respondent"].nunique()

    def lines():
        """Lines of the respondent list: "- <name> tillstyrker <k> av <n> förslag ..."."""
        pattern = re.compile(r"^- .+ tillstyrker \d+ av \d+ förslag", re.MULTILINE)
        return max(len(pattern.findall(m.value)) for m in at.markdown)

    assert lines() == 10
    assert f"Visar de första 10 av {n} instanser" in text_of(at)
    widget(at, "toggle", f"Visa alla {n}").set_value(True).run()
    assert lines() == n
    widget(at, "text_input", "Sök instans").set_value("stockholm").run()
    assert "Stockholms stad tillstyrker 24 av 25 förslag \\(1 delvis\\)" in text_of(at)
    assert lines() == sum("stockholm" in r.lower() for r in plan_rows["respondent"].unique())


def _respondent_lines(at) -> list[str]:
    """The overview's respondent list, line by line (the markdown block of "- <name> tillstyrker ..." lines)."""
    pattern = re.compile(r"^- .+ tillstyrker \d+ av \d+ förslag.*$", re.MULTILINE)
    return max((pattern.findall(m.value) for m in at.markdown), key=len)


def test_overview_respondent_lines_are_the_same_sentences(ui, monkeypatch):
    """A capped list shows the first lines of the whole list, word for word."""
    at = ui.open()
    everything = _respondent_lines(at)
    assert "- Stockholms stad tillstyrker 24 av 25 förslag \\(1 delvis\\)" in everything
    assert len(everything) > 3
    monkeypatch.setattr(charting, "HEADLINE_ROWS", 3)
    at = ui.open()
    assert _respondent_lines(at) == everything[:3]
