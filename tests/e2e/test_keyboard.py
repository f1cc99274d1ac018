"""The app works with the keyboard alone (WCAG 2.1.1)."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from support.browser import expect_once, wait_ready


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


def _tab_to_element(page, condition: str, what: str, limit: int = 120) -> None:
    """Press Tab until the focused element satisfies the JS ``condition`` (on ``el``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({condition}); }}"):
            return
    raise AssertionError(f"{what} is not reachable with Tab on {page.url}")


def test_draft_paragraph_edited_and_saved_by_keyboard(app_server, page):
    """Sammanställning: reach a paragraph, change it, save it and see it kept, all without a mouse."""
    page.goto(f"{app_server}/sammanstallning")
    wait_ready(page, '[data-testid="stTextArea"] textarea')
    _tab_to_element(page, "el.tagName === 'TEXTAREA' && (el.getAttribute('aria-label') || '').startsWith('Text för "
                    "förslag')", "the first paragraph")
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    pid = label.removeprefix("Text för förslag ").strip()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Ändrad med tangentbordet.")
    page.keyboard.press("Tab")  # leaving the text area hands its text to the app; next in order: its Spara
    page.wait_for_timeout(500)
    wait_ready(page, '[data-testid="stTextArea"] textarea')
    # The rerun that takes the text may move focus on; this paragraph's Spara is the nearest one back.
    for _ in range(6):
        if focused_text(page).endswith("Spara texten"):  # "save" is the icon's name
            break
        page.keyboard.press("Shift+Tab")
    assert focused_text(page).endswith("Spara texten"), focused_text(page)
    page.keyboard.press("Enter")
    expect_once(page, f"Texten för förslag {pid} är sparad.", exact=False)
    page.reload()  # kept in the store, not only in the browser
    wait_ready(page, '[data-testid="stTextArea"] textarea')
    area = page.get_by_label(f"Text för förslag {pid}", exact=True)
    expect(area).to_have_value(re.compile(r"Ändrad med tangentbordet\.$"))


def test_coding_review_by_keyboard(app_server, page, tmp_path):
    """Kodningsstöd: read a reply, change a proposed stance in the review grid and see it counted, keyboard only.

    (Choosing the file is the operating system's dialog; it is set directly, as a person's dialog would.)
    """
    from support import corpus

    page.goto(f"{app_server}/kodningsstod")
    wait_ready(page, '[data-testid="stFileUploader"]')
    path = tmp_path / "r21.txt"
    path.write_bytes(corpus.text_of("r21").encode("utf-8"))
    page.locator('[data-testid="stFileUploader"] input[type="file"]').last.set_input_files(str(path))
    tab_to(page, "Läs svaren")
    page.keyboard.press("Enter")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=60_000)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Tillstyrker").first
    expect(metric).to_contain_text("2 av 2")
    _tab_to_element(page, "el.closest('[data-testid=\"stDataFrame\"]') !== null && el.tagName !== 'BUTTON'",
                    "the review grid")
    page.wait_for_timeout(300)
    for _ in range(5):  # review, respondent, type, proposal, suggested -> the stance column
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")  # open the stance editor of the first row (7.3.1, suggested: agree)
    page.wait_for_timeout(700)
    page.keyboard.type("Avstyrker", delay=50)
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")
    expect(metric).to_contain_text("1 av 2", timeout=30_000)
