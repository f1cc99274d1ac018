"""Two app instances behind nginx on one PostgreSQL, as docs/deployment.md describes.

Everything runs on loopback: a throwaway PostgreSQL database, two
`streamlit run` processes on it, and the distribution's nginx with
deploy/nginx.conf.template filled in. An upload saved through instance A
must show at once through instance B and through the proxy, and a newer
version saved through B must show at once through A: no instance keeps stale
figures, because versions are immutable and every page reads which version
is active from the database.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from _require import require

from support import sheets
from support.browser import expect_once, metric_values, wait_ready
from support.servers import start, stop, streamlit_cmd
from tests.e2e.conftest import _free_port, _wait_healthy
from tests.e2e.test_upload_flows import name_new_dataset, upload_file

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """{"a": url, "b": url, "proxy": url}: two instances on one database, and nginx in front."""
    require(Path(NGINX).exists(), "nginx not found (apt-get install nginx)")
    from tests.pg_server import PgUnavailable, fresh_database, postgres_admin_url

    tmp = tmp_path_factory.mktemp("cluster")
    try:
        admin_cm = postgres_admin_url()
        admin = admin_cm.__enter__()
    except PgUnavailable as exc:
        require(False, str(exc))
        return
    procs: list[subprocess.Popen] = []
    try:
        with fresh_database(admin) as db_url:
            env = {**os.environ, "REMISSKOLLEN_DATABASE_URL": db_url, "PYTHONUNBUFFERED": "1"}
            ports = {"a": _free_port(), "b": _free_port()}
            for name, port in ports.items():
                procs.append(start(streamlit_cmd(port), {**env, "REMISSKOLLEN_DATA_DIR": str(tmp / name)},
                                   tmp / f"{name}.log"))
            urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
            for proc, url in zip(procs, urls.values()):
                _wait_healthy(url, proc)
            proxy_port = _free_port()
            run_dir = tmp / "nginx"
            run_dir.mkdir()
            conf = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")
            for key, value in {"run_dir": str(run_dir), "listen": f"127.0.0.1:{proxy_port}",
                               "upstream_servers": "\n".join(f"        server 127.0.0.1:{p};"
                                                             for p in ports.values())}.items():
                conf = conf.replace("{" + key + "}", value)
            (run_dir / "nginx.conf").write_text(conf, encoding="utf-8")
            nginx = subprocess.Popen([NGINX, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"),
                                      "-g", "daemon off;"], stdout=open(tmp / "nginx.log", "wb"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
            procs.append(nginx)
            urls["proxy"] = f"http://127.0.0.1:{proxy_port}"
            _wait_healthy(urls["proxy"], nginx)
            yield urls
    finally:
        for proc in procs:
            stop(proc)
        admin_cm.__exit__(None, None, None)


def _coded_answers(page, url: str) -> str:
    page.goto(url + "/oversikt")
    wait_ready(page)
    return metric_values(page, 4)["Kodade svar"]


def test_an_upload_through_one_instance_shows_at_once_through_the_other(cluster, page, browser, tmp_path):
    # The proxy serves the app, websocket included: the demo's figures are drawn.
    assert _coded_answers(page, cluster["proxy"]) == "1\xa0339"

    upload_file(page, cluster["a"], tmp_path, "svar.xlsx", sheets.workbook_with_extras())
    name_new_dataset(page, "Tvåinstansremissen")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect_once(page, "Sparat: Tvåinstansremissen, version 1 (8 kodade svar)", exact=False)

    other = browser.new_page()
    assert _coded_answers(other, cluster["b"]) == "8"
    assert _coded_answers(other, cluster["proxy"]) == "8"

    # A second version, saved through B, replaces the figures on A at once.
    upload_file(other, cluster["b"], tmp_path, "svar2.xlsx", sheets.xlsx({"Svar": sheets.long_rows()[:6]}))
    other.get_by_role("button", name="Spara", exact=True).click()
    expect_once(other, "Sparat: Tvåinstansremissen, version 2", exact=False)
    assert _coded_answers(page, cluster["a"]) == "5"
