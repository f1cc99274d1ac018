"""Percent cells follow the UI's language, not the browser's locale (issue 14): the browser here is sv-SE."""
from __future__ import annotations

import pytest

from support.browser import wait_ready


@pytest.mark.parametrize("lang, cell, show", [("sv", "85\xa0%", "Visa tabell"), ("en", "85%", "Show table")])
def test_share_cells_read_in_the_ui_language(app_server, page, lang, cell, show):
    page.goto(f"{app_server}/?lang={lang}")
    wait_ready(page)
    page.get_by_text(show, exact=True).first.click()  # the first chart's table: proposals × stances
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.locator("td").first.wait_for(state="attached")
    cells = [c.strip().replace("\u202f", "\xa0") for c in grid.locator("td").all_inner_texts()]
    assert cell in cells, cells[:40]
    other = "85%" if lang == "sv" else "85\xa0%"
    assert other not in cells
