"""The dataset an official chose stays chosen when she switches language or page.

A link with ``?ds=demo`` names the example data while a stored dataset also
exists; the figures must stay the example data's through a language switch
and a page change, never jump to the newest dataset.
"""
from __future__ import annotations

import re

from playwright.sync_api import expect

from support import sheets
from support.browser import expect_once, metric_values, wait_ready
from tests.e2e.test_flows import expected_metrics, norm
from tests.e2e.test_upload_flows import name_new_dataset, upload_file


def test_a_linked_dataset_survives_a_language_switch_and_a_page_change(app_server, page, tmp_path):
    upload_file(page, app_server, tmp_path, "svar.xlsx", sheets.workbook_with_extras())
    name_new_dataset(page, "Egen remiss")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect_once(page, "Sparat: Egen remiss, version 1", exact=False)

    fresh = page.context.browser.new_page()
    fresh.goto(app_server + "/oversikt?ds=demo")
    wait_ready(fresh)
    assert norm(metric_values(fresh, 4)) == norm(expected_metrics())
    fresh.get_by_role("radio", name="English").click()
    expect(fresh.locator('[data-testid="stMetricLabel"]').first).to_have_text("Responding bodies")
    wait_ready(fresh)
    assert norm(metric_values(fresh, 4)) == norm(expected_metrics(lang="en"))
    # Another page and back: still the example data.
    fresh.get_by_role("link", name="Proposals").click()
    wait_ready(fresh, '[data-testid="stSidebar"] a[href]')
    expect(fresh).to_have_url(re.compile(r"/forslag\?.*ds=demo"))
    fresh.get_by_role("link", name="Overview").click()
    wait_ready(fresh)
    assert norm(metric_values(fresh, 4)) == norm(expected_metrics(lang="en"))
    expect(fresh).to_have_url(re.compile(r"ds=demo"))
