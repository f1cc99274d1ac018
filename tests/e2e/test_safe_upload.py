"""A hostile upload in one browser session never takes the server down for another."""
from __future__ import annotations

from playwright.sync_api import expect

from support import hostile_files as hostile
from support.browser import expect_text, metric_values, wait_ready


def test_stray_cell_upload_is_refused_and_the_server_stays_up(app_server, page, tmp_path):
    page.goto(app_server)
    wait_ready(page)
    figures = metric_values(page, 4)

    path = tmp_path / "ströcell.xlsx"
    path.write_bytes(hostile.stray_cell_xlsx(sheet="Kommuner"))
    page.goto(app_server + "/ladda-upp")
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    expect_text(page, "Cell XFD1048576 på bladet Kommuner ligger långt utanför data (A1:E120). Ta bort den")
    expect_text(page, "ströcell.xlsx har 1 fel som måste rättas innan filen kan sparas.")

    # A second visitor, in a separate browser context, gets the overview with its figures.
    other = page.context.browser.new_context(locale="sv-SE")
    try:
        second = other.new_page()
        second.goto(app_server)
        wait_ready(second)
        expect(second.locator('[data-testid="stMetricValue"]').first).to_be_visible()
        assert metric_values(second, 4) == figures
    finally:
        other.close()
    # and the first session still answers
    page.get_by_role("link", name="Översikt").click()
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text(figures["Svarande instanser"])
