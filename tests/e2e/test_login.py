"""Login through a real OpenID Connect flow, and what each role may do.

A test OIDC provider (oidc-provider-mock, from PyPI) runs on loopback; the app
runs with an ``[auth]`` section pointing at it and an editor allow-list. The
browser logs in through the provider's own form, as a person would.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browser import expect_once, wait_ready
from support.servers import start, stop, streamlit_cmd, wait_until_answering

ROOT = Path(__file__).resolve().parents[2]
EDITOR = "redaktor@enhet.example.se"
VIEWER = "lasare@annan.example.se"
ADMIN = "it@example.se"
DEMO = ROOT / "data" / "demo.xlsx"


@pytest.fixture(scope="module")
def login_server(tmp_path_factory):
    """(app URL, provider URL): the app with a login, and the test provider it trusts."""
    from tests.e2e.conftest import _free_port

    tmp = tmp_path_factory.mktemp("login")
    idp_port, app_port = _free_port(), _free_port()
    idp_url, app_url = f"http://127.0.0.1:{idp_port}", f"http://127.0.0.1:{app_port}"
    env = {**os.environ, "REMISSKOLLEN_DATA_DIR": str(tmp / "data"), "PYTHONUNBUFFERED": "1"}
    env.pop("REMISSKOLLEN_DATABASE_URL", None)
    env.pop("REMISSKOLLEN_ADMINS", None)
    idp = start([sys.executable, "-m", "oidc_provider_mock", "--port", str(idp_port), "--host", "127.0.0.1"],
                 env, tmp / "idp.log")
    secrets = tmp / "secrets.toml"
    secrets.write_text(f"""
[auth]
redirect_uri = "{app_url}/oauth2callback"
cookie_secret = "test-only-cookie-secret-{os.getpid()}"
client_id = "remisskollen-test"
client_secret = "test-only-client-secret"
server_metadata_url = "{idp_url}/.well-known/openid-configuration"

[remisskollen]
editors = ["@enhet.example.se"]
admins = ["it@example.se"]
""", encoding="utf-8")
    app = start(streamlit_cmd(app_port, "--secrets.files", str(secrets)), env, tmp / "app.log")
    try:
        wait_until_answering(f"{idp_url}/.well-known/openid-configuration", idp)
        wait_until_answering(f"{app_url}/_stcore/health", app)
        yield app_url, idp_url
    finally:
        stop(app)
        stop(idp)


def _log_in(page, app_url: str, email: str) -> None:
    page.goto(app_url)
    wait_ready(page, '[data-testid="stSidebar"] a[href]')
    expect(page.get_by_text("Logga in för att ändra något", exact=False)).to_have_count(0)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector('input[name="sub"]')  # the provider's own form
    page.fill('input[name="sub"]', email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app_url}/**")
    wait_ready(page, '[data-testid="stSidebar"] a[href]')


@pytest.mark.parametrize(("email", "role"), [(EDITOR, "redaktör"), (VIEWER, "läsare")])
def test_log_in_shows_who_and_which_role_and_what_each_may_do(login_server, page, email, role, tmp_path):
    app_url, _ = login_server
    _log_in(page, app_url, email)
    expect_once(page, f"Inloggad som {email} ({role})", exact=False)

    # Upload a valid sheet: the editor may save it, the viewer is told why not.
    from support import sheets

    path = tmp_path / "svar.xlsx"
    path.write_bytes(sheets.workbook_with_extras())
    page.get_by_role("link", name="Ladda upp").click()
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    expect_once(page, "svar.xlsx kan sparas.", exact=False)
    save = page.get_by_role("button", name="Spara", exact=True)
    refusal = page.get_by_text(f"{email} är läsare och får inte ändra här", exact=False)
    if role == "redaktör":  # runs first, on the empty store: a new dataset needs a name
        box = page.get_by_label("Namn på den nya datamängden")
        box.fill(f"Remiss för {role}")
        box.press("Enter")
        expect(save).to_be_enabled()
        expect(refusal).to_have_count(0)
        save.click()
        expect_once(page, f"Sparat: Remiss för {role}, version 1", exact=False)
    else:
        expect(save).to_be_disabled()
        # to_have_count retries: a rerun may briefly show the old caption beside the new one.
        expect(refusal).to_have_count(1)

    # Datamängder: deleting the dataset needs the editor role too.
    page.get_by_role("link", name="Datamängder").click()
    page.get_by_text("Jag vill ta bort Remiss för redaktör").first.click()
    delete = page.get_by_role("button", name="Ta bort datamängden")
    if role == "redaktör":
        expect(delete).to_be_enabled()
    else:
        expect(delete).to_be_disabled()

    # Sammanställning: saving an edited paragraph needs the editor role.
    page.get_by_role("link", name="Sammanställning").click()
    first_save = page.get_by_role("button", name="Spara texten").first
    if role == "redaktör":
        expect(first_save).to_be_enabled()
    else:
        expect(first_save).to_be_disabled()
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="End session").click()  # the provider confirms the logout
    page.wait_for_url(f"{app_url}/**")
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    expect(page.get_by_text(f"Inloggad som {email}")).to_have_count(0)


def _log_out(page, app_url: str) -> None:
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{app_url}/**")
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()


def _datasets_page(page) -> None:
    page.get_by_role("link", name="Datamängder").click()
    expect(page.get_by_role("heading", name="Datamängder").first).to_be_visible()


def _pick_version(page, n: int) -> None:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Version").first
    box.click()
    page.get_by_role("option", name=str(n), exact=True).click()


def test_restore_delete_and_undelete_each_need_their_role(login_server, page, tmp_path):
    """Runs after the test above, which saved "Remiss för redaktör" version 1."""
    from support import sheets

    app_url, _ = login_server
    name = "Remiss för redaktör"
    # The editor saves version 2, then makes version 1 active again.
    _log_in(page, app_url, EDITOR)
    path = tmp_path / "andra.xlsx"
    path.write_bytes(sheets.long_xlsx())
    page.get_by_role("link", name="Ladda upp").click()
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    page.get_by_role("button", name="Spara", exact=True).click()
    expect_once(page, f"Sparat: {name}, version 2", exact=False)
    _datasets_page(page)
    _pick_version(page, 1)
    restore = page.get_by_role("button", name="Gör version 1 aktiv")
    expect(restore).to_be_enabled()
    restore.click()
    expect_once(page, f"{name}: version 1 är aktiv igen.", exact=False)
    _log_out(page, app_url)

    # The viewer may not make version 2 active, nor delete.
    _log_in(page, app_url, VIEWER)
    _datasets_page(page)
    _pick_version(page, 2)
    expect(page.get_by_role("button", name="Gör version 2 aktiv")).to_be_disabled()
    _log_out(page, app_url)

    # The admin deletes the dataset; the editor cannot restore it; the admin can.
    _log_in(page, app_url, ADMIN)
    _datasets_page(page)
    page.get_by_text(f"Jag vill ta bort {name}").first.click()
    page.get_by_role("button", name="Ta bort datamängden").click()
    expect_once(page, f"{name} är borttagen.", exact=False)
    _log_out(page, app_url)
    _log_in(page, app_url, EDITOR)
    _datasets_page(page)
    expect(page.get_by_role("button", name=f"Återställ {name}")).to_have_count(0)
    _log_out(page, app_url)
    _log_in(page, app_url, ADMIN)
    _datasets_page(page)
    page.get_by_role("button", name=f"Återställ {name}").click()
    expect_once(page, f"{name} är återställd.", exact=False)


REPLY = ("Region Testlän\nYttrande över remissen\n\nRegion Testlän tillstyrker förslag 4.2 om fler "
         "utbildningsplatser. Regionen avstyrker förslag 4.10 eftersom kostnaderna inte är utredda.\n")


@pytest.mark.parametrize(("email", "allowed"), [(EDITOR, True), (VIEWER, False)])
def test_saving_a_coding_needs_the_editor_role(login_server, page, tmp_path, email, allowed):
    """The coding assistant reads a reply for anyone; only an editor may save the coded rows."""
    app_url, _ = login_server
    _log_in(page, app_url, email)
    path = tmp_path / "svar-region.txt"
    path.write_text(REPLY, encoding="utf-8")
    page.get_by_role("link", name="Kodningsstöd").click()
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').last.set_input_files(str(path))
    page.get_by_role("button", name="Läs svaren").click()
    save = page.get_by_role("button", name="Godkänn och spara")
    expect(save).to_be_visible(timeout=60_000)
    refusal = page.get_by_text(f"{email} är läsare och får inte ändra här", exact=False)
    if allowed:
        expect(save).to_be_enabled()
        expect(refusal).to_have_count(0)
    else:
        expect(save).to_be_disabled()
        # to_have_count retries: a rerun may briefly show the old caption beside the new one.
        expect(refusal).to_have_count(1)


@pytest.mark.parametrize(("email", "allowed"), [(EDITOR, True), (VIEWER, False)])
def test_confirming_a_name_merge_needs_the_editor_role(login_server, page, tmp_path, email, allowed):
    """A merge decision is kept with the saved version: only an editor can save one."""
    from support import sheets

    app_url, _ = login_server
    _log_in(page, app_url, email)
    rows = [["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande"],
            ["Sammanslagningsremissen", "Region Stockholm", "Region", "1", "Tillstyrker"],
            ["Sammanslagningsremissen", "Region Stockholm", "Region", "2", "Avstyrker"],
            ["Sammanslagningsremissen", "Region Stockhlm", "Region", "3", "Tillstyrker"]]
    path = tmp_path / f"namn-{'red' if allowed else 'las'}.xlsx"
    path.write_bytes(sheets.xlsx({"Svar": rows}))
    page.get_by_role("link", name="Ladda upp").click()
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    page.get_by_role("button", name="Spara", exact=True).wait_for()
    new = page.get_by_text("Nytt dataset", exact=True)
    if new.count():  # a dataset exists already: save as a new one, where no decision is stored yet
        new.click()
    page.get_by_text("Samma instans: räkna som \"Region Stockholm\"", exact=True).first.click()
    box = page.get_by_label("Namn på den nya datamängden")
    box.fill(f"Namnprov {email}")
    box.press("Enter")
    save = page.get_by_role("button", name="Spara", exact=True)
    if allowed:
        expect(save).to_be_enabled()
        save.click()
        expect_once(page, "1 beslut om sammanslagning sparades.", exact=False)
    else:
        expect(save).to_be_disabled()
        # to_have_count retries: a rerun may briefly show the old caption beside the new one.
        expect(page.get_by_text(f"{email} är läsare och får inte ändra här", exact=False)).to_have_count(1)
