"""The chart and page texts exist in both languages with the same placeholders."""
from __future__ import annotations

import string

import pytest

from i18n.strings import STRINGS

PREFIXES = ("chart.", "contrast.", "topics.", "respondents.", "comments.", "proposal.", "overview.", "col.g_",
            "common.")


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(k for k in STRINGS if k.startswith(PREFIXES)))
def test_both_languages_same_placeholders(key):
    sv, en = STRINGS[key]
    assert sv.strip() and en.strip()
    if "%{" not in sv:  # plotly hover templates keep their own %{...} syntax
        assert fields(sv) == fields(en)
