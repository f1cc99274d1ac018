"""Every table on every page shows words, never the codes the data carries (issue 14, polish)."""
from __future__ import annotations

import re

import pytest

from i18n.strings import STRINGS
from loaders.report import CATEGORIES

PAGES = ["overview", "proposal", "topics", "contrast", "respondents", "comments", "draft", "upload", "datasets",
         "coding"]
STANCE_CODES = ("agree", "partly", "disagree", "no_position", "not_addressed")
# Column codes whose words differ from the code ("n" is "n" in both languages).
COLUMN_CODES = {k.split(".", 1)[1] for k, words in STRINGS.items() if k.startswith("col.") and k[4:] not in words}
RAW = set(STANCE_CODES) | set(CATEGORIES) | COLUMN_CODES
SNAKE = re.compile(r"[a-z]+(?:[_-][a-z]+)+")  # e.g. proposal_id, constraint-error


def raw_keys(df) -> set[str]:
    """Column names and text cells of ``df`` that are codes rather than words."""
    found = {str(c) for c in df.columns if str(c) in RAW or SNAKE.fullmatch(str(c))}
    for col in df.columns:
        if df[col].dtype.kind in "OSUT" or str(df[col].dtype) in ("string", "str", "category"):
            found |= {v for v in df[col].dropna().astype(str).unique() if v in RAW or SNAKE.fullmatch(v)}
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_table_shows_a_raw_key(ui, page, lang):
    at = ui.open(page, **({"lang": "en"} if lang == "en" else {}))
    assert not at.exception, [e.value for e in at.exception]
    for table in ui.tables(at):
        assert not raw_keys(table), (page, lang, list(table.columns))


@pytest.mark.parametrize("lang, word", [("sv", "Ej berört"), ("en", "Not addressed")])
def test_respondent_profile_says_not_addressed_in_words(ui, lang, word):
    at = ui.open("respondents", **({"lang": "en"} if lang == "en" else {}))
    stance = "Ställningstagande" if lang == "sv" else "Stance"
    answers = ui.table_with(at, stance)
    assert word in set(answers[stance]), sorted(set(answers[stance]))
    assert "not_addressed" not in set(answers[stance])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_validation_report_table_has_no_raw_keys(ui, lang):
    from support import sheets
    from tests.app_pages.test_upload import upload
    from tests.app_pages.test_upload_polish import EXTRA

    at = upload(ui.open("upload", **({"lang": "en"} if lang == "en" else {})), "trasig.xlsx",
                sheets.xlsx({"Svar": sheets.long_rows() + EXTRA}))
    tables = ui.tables(at)
    assert tables, "the report table is missing"
    for table in tables:
        assert not raw_keys(table), (lang, list(table.columns), raw_keys(table))
