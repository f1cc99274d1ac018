"""What only the browser shows (issue 16): no autolink, no KaTeX, no bold and no link to another host from data.

A coded sheet with markup in every text field is uploaded under a hostile
dataset name through the real page, then every analysis page and
Datamängder are opened, some through a link whose parameters carry markup
and name nothing. On each page the DOM must hold no ``<a href>`` to the
hostile host, no KaTeX element, no bold "fet" and no dialog; the literal
texts are visible.
"""
from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import expect

from support import hostile
from support.browser import wait_ready
from tests.e2e.test_upload_flows import name_new_dataset, upload_file

PAGES = [("", hostile.CONSULTATION), ("forslag", hostile.TOPIC), ("teman", hostile.CONSULTATION),
         ("region-kommun", hostile.CONSULTATION), ("instanser", hostile.RESPONDENTS[1]),
         ("kommentarer", hostile.COMMENT), ("datamangder", hostile.DATASET)]


def visible_text(page) -> str:
    """The page's text as read, without the invisible word joiners that stop autolinking."""
    return page.locator("body").inner_text().replace("\u2060", "")


def assert_inert(page, literal: str) -> None:
    expect(page.locator("body")).to_contain_text(literal[:4])
    page.wait_for_function("t => document.body.innerText.replaceAll('\\u2060', '').includes(t)", arg=literal)
    assert literal in visible_text(page)
    evil_links = page.locator(f'a[href*="{hostile.EVIL}"]')
    assert evil_links.count() == 0, evil_links.first.evaluate("e => e.closest('[data-testid]').outerHTML")
    assert page.locator(".katex, .katex-display, math").count() == 0
    bold = [t for t in page.locator("strong, b").all_inner_texts() if "fet" in t]
    assert bold == []
    dialogs = page.locator('[role="dialog"]:visible, [role="alertdialog"]:visible')
    assert dialogs.count() == 0, dialogs.first.evaluate('e => e.outerHTML.slice(0, 600)')
    # Plotly draws <a> in SVG labels for HTML links; none may point anywhere.
    assert page.locator(f'svg a[href*="{hostile.EVIL}"], svg a[*|href*="{hostile.EVIL}"]').count() == 0


def test_hostile_text_is_inert_in_the_browser(app_server, page, tmp_path):
    upload_file(page, app_server, tmp_path, "svar.xlsx", hostile.hostile_workbook())
    name_new_dataset(page, hostile.DATASET)
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Sparat: ", exact=False).first).to_be_visible()
    assert_inert(page, "Sparat: " + hostile.DATASET)
    for path, literal in PAGES:
        page.goto(f"{app_server}/{path}")
        wait_ready(page, '[data-testid="stMainBlockContainer"] h1')
        page.wait_for_timeout(500)
        assert_inert(page, literal)
    query = urlencode({"forslag": hostile.URL_VALUE, "ds": hostile.URL_VALUE})
    page.goto(f"{app_server}/forslag?{query}")
    wait_ready(page, '[data-testid="stMainBlockContainer"] h1')
    expect(page.get_by_text("Förslaget i länken finns inte i urvalet", exact=False).first).to_be_visible()
    expect(page.get_by_text("Datamängden i länken finns inte", exact=False).first).to_be_visible()
    assert "evil.example/u" not in visible_text(page)
    assert_inert(page, hostile.TOPIC)
