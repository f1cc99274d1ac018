"""Outside text is shown as text (issue 16): every page, hostile text in every field and URL parameter, sv and en.

A stored dataset whose every text field carries markup (Markdown bold, a
KaTeX formula, Markdown and HTML links and bare addresses to another host,
a colour directive) is active. Each page is opened plain and with every URL
parameter set to a hostile value that names nothing. On every element that
renders Markdown (text, captions, alerts, subheaders, and the labels of
buttons, checkboxes and expanders) the live form of the markup never
appears unescaped; the literal text is visible once the escapes are read as
a browser does; no unknown URL value is echoed; no dialog opens; plotly
specs carry no raw HTML tags from data. The browser side (what autolinking
and KaTeX do to the page) is in tests/e2e/test_hostile_browser.py.
"""
from __future__ import annotations

import pytest
import streamlit as st

from loaders.load import load_bytes
from store import open_store
from support import hostile
from support.apptest import app, shown

PAGES = ["overview", "proposal", "topics", "contrast", "respondents", "comments", "upload", "datasets"]
URL_PARAMS = {k: hostile.URL_VALUE for k in ("forslag", "instans", "ds", "remiss", "typ", "tema", "sok", "a", "b",
                                              "per", "sortering", "matris", "rader", "stallning")}
#: What each page must show literally (besides the sidebar's selection caption, on every page).
EXPECTED = {"proposal": [hostile.TOPIC, hostile.CONSULTATION], "respondents": [hostile.RESPONDENTS[1]],
            "comments": [hostile.COMMENT], "datasets": [hostile.DATASET]}


@pytest.fixture
def hostile_store():
    st.cache_resource.clear()
    st.cache_data.clear()
    store = open_store()
    result = load_bytes(hostile.hostile_workbook(), "svar.xlsx")
    assert result.ok
    store.save_version(hostile.DATASET, result.data, "svar.xlsx", b"x", user="anna", new_dataset=True)
    yield store
    st.cache_resource.clear()


def markdown_sources(at) -> list[str]:
    """Every string on the page that Streamlit renders as Markdown."""
    out = []
    for kind in ("markdown", "caption", "info", "success", "warning", "error", "subheader", "title", "header",
                 "toast"):
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("button", "checkbox", "expander", "toggle", "radio", "selectbox", "multiselect", "text_input"):
        out += [str(w.label) for w in getattr(at, kind)]
    out += [str(o) for r in at.radio for o in r.options]
    return out


def live_in(source: str, markup: str) -> bool:
    """True if ``markup`` occurs in ``source`` with its first character not backslash-escaped."""
    at = source.find(markup)
    while at != -1:
        if at == 0 or source[at - 1] != "\\":
            return True
        at = source.find(markup, at + 1)
    return False


def test_live_in_sees_escapes():
    assert live_in("Se **fet**", "**fet**") and not live_in(r"Se \*\*fet\*\*", "**fet**")
    assert live_in("<a href='x'>", "<a href") and not live_in(r"\<a href", "<a href")


def open_page(page: str, lang: str, params: dict):
    """Open the app from a link carrying ``params``, then ``page`` with the same parameters in its URL.

    Returns the page and the text of the first run (where the sidebar reads the link).
    """
    at = app(**({"lang": lang} if lang == "en" else {}), **params).run()
    first = "\n".join(shown(s) for s in markdown_sources(at))
    if page != "overview":
        for k, v in params.items():
            at.query_params[k] = v
        at.switch_page(f"app_pages/{page}.py").run()
    return at, first


@pytest.mark.parametrize("with_params", [False, True], ids=["plain", "hostile-url"])
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_outside_text_shows_as_text(hostile_store, page, lang, with_params):
    at, first = open_page(page, lang, URL_PARAMS if with_params else {})
    assert not at.exception, [e.value for e in at.exception]
    sources = markdown_sources(at)
    for src in sources:
        for live in hostile.LIVE_MARKUP:
            assert not live_in(src, live), (live, src)
    visible = "\n".join(shown(s) for s in sources)
    prefix = "Urval: Remiss: " if lang == "sv" else "Selection: Consultation: "
    assert prefix + hostile.CONSULTATION in visible
    for literal in EXPECTED.get(page, []) if not (with_params and page == "comments") else []:  # sok= hides all
        assert literal in visible, (literal, page)
    if with_params:
        assert "evil.example/u" not in visible and "$q$" not in visible
        neutral = "Datamängden i länken finns inte" if lang == "sv" else "The dataset in the link does not exist"
        assert neutral in first and "evil.example/u" not in first
    assert not at.get("dialog")
    for chart in at.get("plotly_chart"):
        spec = chart.proto.spec
        assert "<a " not in spec and "<b>" not in spec, page  # data reaches plotly as &lt;a …


def test_unknown_proposal_and_respondent_are_not_echoed(hostile_store):
    at, _ = open_page("proposal", "sv", {"forslag": hostile.URL_VALUE})
    text = "\n".join(shown(s) for s in markdown_sources(at))
    assert "Förslaget i länken finns inte i urvalet. Visar 4.2" in text and "evil.example/u" not in text
    at, _ = open_page("proposal", "en", {"forslag": hostile.PROPOSAL_ID})  # a real id full of markup
    sources = markdown_sources(at)
    assert not any(live_in(s, live) for s in sources for live in hostile.LIVE_MARKUP)
    assert any(hostile.PROPOSAL_ID in shown(s) for s in sources) and "not in the selection" not in "".join(sources)
    at, _ = open_page("respondents", "en", {"instans": hostile.URL_VALUE})
    text = "\n".join(shown(s) for s in markdown_sources(at))
    assert "The respondent in the link is not in the selection. Showing" in text and "evil.example/u" not in text
