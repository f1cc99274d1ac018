"""The app works with the keyboard alone (WCAG 2.1.1)."""
from __future__ import annotations

from playwright.sync_api import expect

from support.browser import wait_ready


def focused_text(page) -> str:
    return " ".join(page.evaluate("() => (document.activeElement && (document.activeElement.innerText"
                         " || document.activeElement.getAttribute('aria-label') || ''))").split())


def tab_to(page, text: str, limit: int = 80) -> None:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused_text(page)[:60])
        if seen[-1] == text or seen[-1].endswith(f" {text}"):
            return
    raise AssertionError(f"{text!r} is not reachable with Tab on {page.url}: {seen[:20]}")


def test_language_and_pages_by_keyboard(app_server, page):
    page.goto(app_server)
    wait_ready(page)
    tab_to(page, "Svenska")  # the language radio group: arrows move within it
    page.keyboard.press("ArrowRight")
    assert focused_text(page) == "English"
    page.keyboard.press("Space")
    expect(page.locator('[data-testid="stMetricLabel"]').first).to_have_text("Responding bodies")
    page.reload()  # the language stays (it is in the URL); focus starts from the top again
    wait_ready(page)
    tab_to(page, "Proposals")  # the navigation link to the Förslag page
    page.keyboard.press("Enter")
    page.wait_for_url("**/forslag**")
    expect(page.get_by_role("heading", name="Proposal", exact=True).first).to_be_visible()
    tab_to(page, "Choose a proposal")  # the selectbox that is the keyboard route to any proposal
