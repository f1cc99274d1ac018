"""Percent columns in tables read as in the page's text, by the UI's language, not the browser's (issue 14)."""
from __future__ import annotations

import re

import pyarrow as pa
import pytest

from i18n.numbers import fmt_num, fmt_pct

NBSP = "\xa0"


def display(el):
    """The text a table's cells show (the Styler's display values), as a DataFrame of strings."""
    data = el.proto.arrow_data.styler.display_values
    assert data, "the table has no display text"
    return pa.ipc.open_stream(data).read_pandas()


def table_el(at, *headers):
    for el in at.dataframe:
        if all(h in el.value.columns for h in headers):
            return el
    raise KeyError(headers)


@pytest.mark.parametrize("lang, header, pattern", [
    ("sv", "Svarsandel", rf"\d{{1,3}}{NBSP}%"),
    ("en", "Reply rate", r"\d{1,3}%"),
])
def test_reply_rate_column_is_formatted_by_the_ui_language(ui, lang, header, pattern):
    at = ui.open(None, **({"lang": "en"} if lang == "en" else {}))
    el = table_el(at, header)
    shares, shown = el.value[header], display(el)[header]
    assert shares.dtype.kind == "f" and shares.between(0, 1).all()  # numbers stay numbers, for sorting
    assert all(re.fullmatch(pattern, s) for s in shown), list(shown)
    assert list(shown) == [fmt_pct(v, lang) for v in shares]


@pytest.mark.parametrize("lang, text", [("sv", f"85{NBSP}%"), ("en", "85%")])
def test_share_agree_reads_as_in_the_text(ui, lang, text):
    """Proposal 7.2.5 in the demo: 39 of 46 agree, 84.8 %, shown "85 %" in Swedish and "85%" in English."""
    at = ui.open(None, **({"lang": "en"} if lang == "en" else {}))
    proposal, agree, share = {"sv": ("Förslag", "Tillstyrker", "Andel tillstyrker"),
                              "en": ("Proposal", "Agree", "Share agree")}[lang]
    el = table_el(at, proposal, share)
    row = el.value.reset_index(drop=True).index[el.value[proposal].reset_index(drop=True) == "7.2.5"][0]
    assert (el.value[agree].iloc[row], el.value["n"].iloc[row]) == (39, 46)
    assert el.value[share].iloc[row] == pytest.approx(39 / 46)
    assert display(el)[share].iloc[row] == text
    assert fmt_pct(0.63, lang) == {"sv": f"63{NBSP}%", "en": "63%"}[lang]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_contrast_table_percent_and_p_columns(ui, lang):
    at = ui.open("contrast", **({"lang": "en"} if lang == "en" else {}))
    diff, p = {"sv": ("Skillnad", "p"), "en": ("Difference", "p")}[lang]
    el = table_el(at, diff, p)
    shown = display(el)
    assert list(shown[diff]) == [fmt_pct(v, lang) if v == v else "–" for v in el.value[diff]]
    assert list(shown[p]) == [fmt_num(v, lang, 4) for v in el.value[p]]
    sep = "," if lang == "sv" else "."
    assert any(sep in s for s in shown[p] if s != "–")
