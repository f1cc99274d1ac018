"""The same stray-cell upload with the container check switched off: the Rust reader aborts, in the child only.

This server runs with ``REMISSKOLLEN_MAX_CELLS`` so high that the file reaches
python-calamine, which asks for ~512 GB and aborts. Before the capped child
process that abort killed the whole Streamlit server; now it kills the child,
the user reads the memory limit, and a second session still gets the overview.
"""
from __future__ import annotations

from support import hostile_files as hostile
from support.browser import expect_text, metric_values, wait_ready

NBSP = "\xa0"


#: For this module's server (see conftest.app_server): no cell or column budget, a 1,536 MB parse cap.
SERVER_ENV = {"REMISSKOLLEN_MAX_CELLS": str(10**15), "REMISSKOLLEN_MAX_COLUMNS": "20000",
              "REMISSKOLLEN_PARSE_MEMORY_MB": "1536", "RUST_BACKTRACE": "0"}


def test_reader_abort_costs_the_child_not_the_server(app_server, page, tmp_path):
    page.goto(app_server)
    wait_ready(page)
    figures = metric_values(page, 4)
    path = tmp_path / "ströcell.xlsx"
    path.write_bytes(hostile.stray_cell_xlsx())
    page.goto(app_server + "/ladda-upp")
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    expect_text(page, f"Filen ströcell.xlsx kunde inte läsas: den behövde mer än 1{NBSP}536 MB minne")

    other = page.context.browser.new_context(locale="sv-SE")
    try:
        second = other.new_page()
        second.goto(app_server)
        wait_ready(second)
        assert metric_values(second, 4) == figures
    finally:
        other.close()
