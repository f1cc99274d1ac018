"""Kommentarer: search, filters, highlighting, and text that stays text."""
from __future__ import annotations

import pytest

from components.charting import highlight_md, quote_md
from support.apptest import widget


def comment_rows(rows):
    return rows[rows["comment"].astype(str).str.strip() != ""]


def listed(at):
    """The markdown block listing the comments (the one with block quotes)."""
    return next(m.value for m in at.markdown if "\n> " in f"\n{m.value}")


def test_all_comments_listed(ui, plan_rows):
    at = ui.open("comments")
    assert not at.exception
    expected = comment_rows(plan_rows)
    assert f"{len(expected)} kommentarer" in [s.value for s in at.subheader]
    table = ui.table_with(at, "Förslag", "Remissinstans", "Kommentar")
    assert len(table) == len(expected)
    assert "Visar de första 200 av" in "\n".join(c.value for c in at.caption)
    assert listed(at).count("\n> ") + listed(at).startswith("> ") <= 200


def test_search_highlights_and_filters(ui, plan_rows):
    at = ui.open("comments", sok="Kommun")
    hits = comment_rows(plan_rows)
    hits = hits[hits["comment"].str.contains("kommun", case=False, regex=False)]
    assert f"{len(hits)} kommentarer" in [s.value for s in at.subheader]
    assert ":orange[**kommun**]" in listed(at)
    widget(at, "multiselect", "Ställningstagande").set_value(["disagree"]).run()
    both = hits[hits["stance"] == "disagree"]
    assert f"{len(both)} kommentarer" in [s.value for s in at.subheader]
    assert at.query_params["stallning"] in ("disagree", ["disagree"])
    widget(at, "multiselect", "Förslag").set_value(["5.1.1"]).run()
    table = ui.table_with(at, "Förslag", "Remissinstans", "Kommentar")
    assert set(table["Förslag"]) <= {"5.1.1"}
    assert len(table) == len(both[both["proposal_id"] == "5.1.1"])


def test_type_filter_from_sidebar(ui, plan_rows):
    at = ui.open("comments", typ="Region")
    table = ui.table_with(at, "Förslag", "Remissinstans", "Kommentar")
    regions = comment_rows(plan_rows[plan_rows["respondent_type"] == "Region"])
    assert len(table) == len(regions) and set(table["Typ"]) == {"Region"}


def test_no_match(ui):
    at = ui.open("comments", sok="zzzz-inget")
    assert not at.exception
    assert "Inga kommentarer matchar" in "\n".join(i.value for i in at.info)


@pytest.mark.parametrize("text,query,expected", [
    ("<script>alert(1)</script>", "", "\\<script\\>alert\\(1\\)\\</script\\>"),
    ("**fet** [länk](http://x)", "", "\\*\\*fet\\*\\* \\[länk\\]\\(http\u2060\\://x\\)"),
    ("Bra för kommunen", "KOMMUN", "Bra för :orange[**kommun**]en"),
    ("a*b a*b", "a*b", ":orange[**a\\*b**] :orange[**a\\*b**]"),
    ("x <b>y</b>", "<b>", "x :orange[**\\<b\\>**]y\\</b\\>"),
])
def test_highlight_escapes_user_text(text, query, expected):
    assert highlight_md(text, query) == expected


def test_quote_keeps_lines_and_escapes():
    assert quote_md("# rubrik\n\n- punkt", "") == "> \\# rubrik  \n\\- punkt"
    assert quote_md("   ", "x") == ""
