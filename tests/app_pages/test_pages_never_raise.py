"""Every page under every kind of selection, including ones that leave nothing: no exception."""
from __future__ import annotations

import pytest

from support.apptest import text_of

SOU = "SOU 2024:72 Stärkt medicinsk kompetens i kommunal hälso- och sjukvård"
PAGES = ["overview", "proposal", "topics", "contrast", "respondents", "comments", "draft"]
EMPTY = [
    {"remiss": SOU, "typ": "Lärosäte", "tema": "Ledning och ansvar"},
    {"typ": "Övrig", "tema": "Professorer och lärare"},
]
COMBOS = [
    {},
    {"typ": "Region"},
    {"tema": "Professorer och lärare"},
    {"remiss": SOU, "tema": "Ledning och ansvar"},
    {"remiss": "*"},
    {"remiss": "*", "typ": ["Lärosäte", "Övrig"], "lang": "en"},
    {"forslag": "does-not-exist", "instans": "nobody", "a": "x", "b": "x", "per": "nonsense", "sortering": "?",
     "delvis": "maybe", "namnare": "all", "stallning": "bogus", "viktat": "1"},
    {"sok": "<script>alert(1)</script>", "per": "addressee", "typ": ["Region", "Kommun"]},
    {"remiss": "no such consultation"},
    *EMPTY,
]


@pytest.mark.parametrize("query", COMBOS, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "none")
@pytest.mark.parametrize("page", PAGES)
def test_page_never_raises(ui, page, query):
    at = ui.open(page, **query)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page rendered nothing"


@pytest.mark.parametrize("query", EMPTY)
@pytest.mark.parametrize("page", PAGES)
def test_empty_selection_says_so(ui, page, query):
    at = ui.open(page, **query)
    assert not at.exception
    assert "Inga svar matchar filtren" in text_of(at)
    assert not at.get("plotly_chart")
