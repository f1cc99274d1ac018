"""Browser sessions that go away, and sessions side by side (issue 15, faults).

* The browser's connection drops right after Spara on a large upload: the
  page is closed the moment the click has gone out. Whatever the server does
  with the run it was given, the store never shows a half-written version:
  checked every second until it has settled, by checksums (Store.verify and
  store.backup.table_checksums). Either nothing new is stored, or exactly one
  complete version whose rows are all there.
* Two officials in two browser contexts: language, filters, a draft edit and
  an upload in progress in one never show in the other.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect

from analysis.filters import Filters, apply_filters
from analysis.overview import key_figures
from bench.generate import write_xlsx
from i18n.numbers import fmt_int
from loaders.natural import natsorted
from store import Store, make_engine
from store.backup import table_checksums
from store.db import database_url_from_env
from support import sheets
from support.browser import metric_values, wait_ready
from tests.e2e.test_flows import expected_metrics, norm
from tests.e2e.test_upload_flows import name_new_dataset, upload_file

DATA_DIR = Path(tempfile.mkdtemp(prefix="e2e-session-faults-"))
atexit.register(shutil.rmtree, DATA_DIR, ignore_errors=True)
SERVER_ENV = {"REMISSKOLLEN_DATA_DIR": str(DATA_DIR)}  # read by the app_server fixture
LARGE_ROWS = 40_000
SETTLED_S = 15  # the store unchanged this long after the drop: the server is done with the run


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def _store_state(store: Store, engine) -> tuple[dict, list]:
    return table_checksums(engine), [(d.name, d.n_versions) for d in store.list_datasets()]


def test_two_officials_never_see_each_others_state(app_server, browser, tmp_path):
    demo = app_server  # the store is empty yet: the demo is the only dataset
    a_ctx, a = _new_page(browser)
    b_ctx, b = _new_page(browser)
    try:
        # A: English, respondent type "Region".
        a.goto(demo)
        wait_ready(a)
        a.get_by_role("radio", name="English").click()
        expect(a.locator('[data-testid="stMetricLabel"]').first).to_have_text("Responding bodies")
        box = a.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
        box.locator("input").fill("Region")
        box.locator("input").press("Enter")
        a.keyboard.press("Escape")
        want_a = norm(expected_metrics(("Region",), lang="en"))
        expect(a.locator('[data-testid="stMetricValue"]').first).to_have_text(want_a["Responding bodies"])
        wait_ready(a)
        assert norm(metric_values(a, 4)) == want_a

        # B opens the app: Swedish, no filter, the demo's own figures.
        b.goto(demo)
        wait_ready(b)
        assert norm(metric_values(b, 4)) == norm(expected_metrics())
        assert b.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.locator(
            '[data-baseweb="tag"]').count() == 0

        # A edits a draft paragraph (not saved); B's draft page has the generated text, not A's.
        a.goto(a.url.split("?")[0].rsplit("/", 1)[0] + "/sammanstallning?" + a.url.split("?", 1)[1])
        wait_ready(a, '[data-testid="stTextArea"] textarea')
        a_text = a.locator('[data-testid="stTextArea"] textarea').first
        a_text.fill("Utkast som bara A har skrivit.")
        a_text.press("Control+Enter")
        b.goto(f"{app_server}/sammanstallning")
        wait_ready(b, '[data-testid="stTextArea"] textarea')
        b_text = b.locator('[data-testid="stTextArea"] textarea').first
        assert "bara A" not in b_text.input_value() and b_text.input_value().strip()
        expect(a_text).to_have_value("Utkast som bara A har skrivit.")

        # A has a file in the uploader; B's upload page has none, and B stays Swedish.
        upload_file(a, app_server, tmp_path, "a.xlsx", sheets.workbook_with_extras())
        expect(a.get_by_role("button", name="Remove a.xlsx")).to_have_count(1)
        b.goto(f"{app_server}/ladda-upp")
        wait_ready(b, '[data-testid="stFileUploader"]')
        expect(b.get_by_role("button", name="Remove a.xlsx")).to_have_count(0)
        expect(b.get_by_text("a.xlsx")).to_have_count(0)
        expect(b.get_by_text("Valideringsrapport")).to_have_count(0)

        # A's upload is still in progress in A.
        expect(a.get_by_role("button", name="Remove a.xlsx")).to_have_count(1)
        b.goto(demo)
        wait_ready(b)
        assert norm(metric_values(b, 4)) == norm(expected_metrics())
    finally:
        a_ctx.close()
        b_ctx.close()


def test_a_save_cut_off_by_a_closed_page_is_all_or_nothing(app_server, browser, tmp_path):
    engine = make_engine(database_url_from_env({"REMISSKOLLEN_DATA_DIR": str(DATA_DIR)}))
    store = Store(engine)
    before = table_checksums(engine)
    assert before["versions"][0] == 0

    big = write_xlsx(tmp_path / "stor.xlsx", LARGE_ROWS).read_bytes()
    context, page = _new_page(browser)
    path = tmp_path / "stor.xlsx"
    path.write_bytes(big)
    page.goto(app_server + "/ladda-upp")
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    expect(page.get_by_role("button", name="Spara", exact=True)).to_be_visible(timeout=180_000)
    name_new_dataset(page, "Avbruten")
    page.get_by_role("button", name="Spara", exact=True).click()
    context.close()  # the connection drops while the server saves

    # Every look at the store, until it has stayed the same for SETTLED_S seconds, sees either
    # nothing new or exactly one complete version: never a version without all its rows.
    deadline, last, same_since, looks = time.monotonic() + 180, None, time.monotonic(), 0
    while time.monotonic() < deadline:
        sums, datasets = _store_state(store, engine)
        looks += 1
        if sums["versions"][0] == 0:
            assert sums == before and datasets == []
        else:
            assert datasets == [("Avbruten", 1)]
            d = store.dataset_by_name("Avbruten")
            assert d.active_version_id is not None
            assert store.verify(d.active_version_id)
            assert len(store.load_version(d.active_version_id).responses) == LARGE_ROWS
        if sums != last:
            last, same_since = sums, time.monotonic()
        elif time.monotonic() - same_since >= SETTLED_S:
            break
        time.sleep(1)
    else:
        raise AssertionError("the store never settled after the page was closed")
    assert looks > SETTLED_S // 2

    # The server lives on: a new visitor gets the app, with the dataset if the save went through.
    context, page = _new_page(browser)
    page.goto(app_server)
    wait_ready(page)
    if last["versions"][0] == 1:  # the overview opens on the first consultation of the stored version
        data = store.load_version(store.dataset_by_name("Avbruten").active_version_id)
        first = natsorted(map(str, data.responses["consultation"].unique()))[0]
        want = fmt_int(key_figures(apply_filters(data, Filters(consultation=first)))["answers"], "sv")
    else:
        want = "1\xa0339"
    assert metric_values(page, 4)["Kodade svar"] == want
    context.close()
    engine.dispose()
