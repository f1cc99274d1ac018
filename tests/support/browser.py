"""What a person sees on a Streamlit page, read through Playwright."""
from __future__ import annotations

from playwright.sync_api import Page, expect


def wait_ready(page: Page, selector: str = '[data-testid="stMetricValue"]') -> None:
    """Wait until the script run has finished and ``selector`` is drawn."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.match(/Running|Körs/)",
    )
    page.wait_for_selector(selector)


def metric_values(page: Page, count: int | None = None) -> dict[str, str]:
    """Label -> value of every metric; with ``count``, first wait until that many are drawn."""
    if count is not None:
        expect(page.locator('[data-testid="stMetric"]')).to_have_count(count)
        expect(page.locator('[data-testid="stMetricValue"]')).to_have_count(count)
    out = {}
    for m in page.locator('[data-testid="stMetric"]').all():
        label = m.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        out[label] = m.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return out


def expect_text(page: Page, text: str) -> None:
    expect(page.get_by_text(text, exact=False).first).to_be_visible()


def expect_once(page: Page, text: str, exact: bool = True) -> None:
    """``text`` is shown, exactly once.

    ``to_have_count`` retries, so a rerun that briefly keeps the old element beside
    the new one does not trip Playwright's strict mode, while a message that really
    appears twice still fails.
    """
    found = page.get_by_text(text, exact=exact)
    expect(found).to_have_count(1)
    expect(found).to_be_visible()
