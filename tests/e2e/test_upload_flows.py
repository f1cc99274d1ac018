"""Uploads in a real browser: report, save, reload; bad sheets; hostile text."""
from __future__ import annotations

from playwright.sync_api import expect

from support import sheets
from support.browser import expect_text, metric_values, wait_ready

NBSP = "\xa0"


def norm(d):
    return {k: v.replace(NBSP, " ") for k, v in d.items()}


def upload_file(page, app_server, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    page.goto(app_server + "/ladda-upp")
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    expect(page.get_by_text("Valideringsrapport").or_(page.get_by_text(f"{name} kan sparas.")).first).to_be_visible()


def name_new_dataset(page, name):
    page.get_by_role("button", name="Spara", exact=True).wait_for()
    new = page.get_by_text("Nytt dataset", exact=True)
    if new.count():
        new.click()
        expect(page.get_by_role("radio", name="Nytt dataset")).to_be_checked()
    box = page.get_by_label("Namn på den nya datamängden")
    box.fill(name)
    box.press("Enter")
    # The name takes a rerun: wait for it to end, so a click that follows is not sent into a run that
    # is still drawing the page (seen to be lost on a busy machine).
    wait_ready(page, '[data-testid="stFileUploader"]')


def test_upload_valid_sheet_save_and_reload(app_server, page, tmp_path):
    page.goto(app_server)
    wait_ready(page)
    demo = metric_values(page, 4)
    upload_file(page, app_server, tmp_path, "svar.xlsx", sheets.workbook_with_extras())
    expect_text(page, "svar.xlsx kan sparas.")
    assert norm(metric_values(page, 5)) == {"Kodade svar": "8", "Instanser": "3", "Förslag": "3", "Fel": "0",
                                         "Varningar": "0"}
    name_new_dataset(page, "Testremissen")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect_text(page, "Sparat: Testremissen, version 1 (8 kodade svar)")
    page.get_by_role("link", name="Översikt").click()
    want = {"Svarande instanser": "3", "Förslag": "3", "Kodade svar": "8", "Tillstyrker": "50 %"}
    expect(page.locator('[data-testid="stMetricValue"]').nth(2)).to_have_text("8")
    assert norm(metric_values(page, 4)) == want
    assert norm(metric_values(page, 4)) != norm(demo)
    page.reload()
    wait_ready(page)
    expect(page.locator('[data-testid="stMetricValue"]').nth(2)).to_have_text("8")
    assert norm(metric_values(page, 4)) == want
    # A new visitor without the link sees the newest dataset too.
    fresh = page.context.browser.new_page()
    fresh.goto(app_server)
    wait_ready(fresh)
    expect(fresh.locator('[data-testid="stMetricValue"]').nth(2)).to_have_text("8")
    fresh.close()


def test_upload_invalid_sheet_shows_rows_and_blocks_saving(app_server, page, tmp_path):
    page.goto(app_server)
    wait_ready(page)
    before = metric_values(page, 4)
    bad = sheets.xlsx({"Svar": sheets.long_rows() + [
        ["Testremiss", "Region Syd", "Region", "5.2.1", "Kanske", None],
        ["Testremiss", "Region Norr", "Region", "4.2", "Avstyrker", None]]})
    upload_file(page, app_server, tmp_path, "trasig.xlsx", bad)
    expect_text(page, "trasig.xlsx har 2 fel")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.locator("td").first.wait_for(state="attached")
    cells = [c.strip() for c in grid.locator("td").all_inner_texts()]
    assert "10" in cells and "11" in cells
    assert "Ogiltigt värde" in cells and "Dubblett" in cells
    name_new_dataset(page, "Trasig")
    expect(page.get_by_role("button", name="Spara", exact=True)).to_be_disabled()
    page.get_by_role("link", name="Översikt").click()
    wait_ready(page)
    expect(page.locator('[data-testid="stMetricValue"]').nth(2)).to_have_text(before["Kodade svar"])
    assert metric_values(page, 4) == before


def test_hostile_comment_is_text(app_server, page, tmp_path):
    hostile = "<script>window.__pwned = 1</script><b>fet</b> =1+1 [länk](javascript:alert(1))"
    rows = sheets.long_rows()
    rows[1][5] = hostile
    upload_file(page, app_server, tmp_path, "fientlig.xlsx", sheets.xlsx({"Svar": rows}))
    name_new_dataset(page, "Fientlig")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect_text(page, "Sparat: Fientlig, version")
    page.get_by_role("link", name="Kommentarer").click()
    expect(page.get_by_text("<script>window.__pwned = 1</script><b>fet</b>", exact=False).first).to_be_visible()
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator('[data-testid="stMain"] b:text-is("fet")').count() == 0
    assert page.locator('[data-testid="stMain"] a[href^="javascript"]').count() == 0
