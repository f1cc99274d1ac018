"""Many sessions at once: N simultaneous sessions against one instance and two behind nginx.

Each session is a headless client speaking Streamlit's websocket protocol
(:mod:`bench.stclient`; 50 Chromium tabs do not fit on a 2-core machine) and
does what an official does first: opens the overview, changes a filter (the
respondent-type multiselect), and opens the proposal page. A step counts as
drawn when ``script_finished`` arrives with success and no exception element;
a session succeeds when all three steps are drawn within the step timeout.
Every session starts at the same moment (``asyncio.gather``).

Set-ups, all on loopback: one ``streamlit run app.py`` instance, and two
instances behind the distribution's nginx with ``deploy/nginx.conf.template``
(as tests/e2e/test_two_instances.py runs them), on one throwaway PostgreSQL
database from tests/pg_server.py. Without PostgreSQL the one-instance rows run
on SQLite and the two-instance rows are reported as not measured. The
template's ``ip_hash`` keys on the first three octets of the client address,
so every loopback client would land on one instance; the bench hashes on
address and port instead, which keeps each session (one websocket) on one
instance, as ``ip_hash`` does for officials at different addresses.

Rows:

* ``first-run CPU``: the server's own CPU time (``/proc/<pid>/stat``) for one
  new session drawing the overview of the demo data, the aggregates already
  cached (median of several sessions, one at a time). Baseline: a one-line
  app's first run, measured the same way in the same run. Goal: under 0.15 s.
* ``sessions N=…``: p95 time to a drawn page over every step of every
  session, and the success rate. Baseline: the same steps by one session
  alone on the same set-up, measured in the same run. Goal (Streamlit's
  load-test specification): 100 % success and p95 under 5 s at N = 50.
"""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.common import ROOT, cli, fmt_s, row, slower

NAME = "sessions"
CPU_GOAL_S = 0.15
P95_GOAL_S = 5.0
STEP_TIMEOUT_S = 60.0
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TRIVIAL_APP = 'import streamlit as st\nst.write("hej")\n'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not become healthy in time")


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@contextmanager
def _instance(script: Path, env: dict, tmp: Path, name: str):
    """(url, process) of one ``streamlit run`` on a free loopback port."""
    port = _free_port()
    data_dir = tmp / name
    data_dir.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**env, "REMISSKOLLEN_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"},
        stdout=open(tmp / f"{name}.log", "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc)
        yield url, proc
    finally:
        _stop(proc)


@contextmanager
def _nginx(ports: list[int], tmp: Path):
    run_dir = tmp / "nginx"
    run_dir.mkdir()
    port = _free_port()
    conf = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")
    conf = conf.replace("ip_hash;", "hash $remote_addr$remote_port consistent;")
    for key, value in {"run_dir": str(run_dir), "listen": f"127.0.0.1:{port}",
                       "upstream_servers": "\n".join(f"        server 127.0.0.1:{p};" for p in ports)}.items():
        conf = conf.replace("{" + key + "}", value)
    (run_dir / "nginx.conf").write_text(conf, encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-g", "daemon off;"],
                            stdout=open(tmp / "nginx.log", "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc)
        yield url
    finally:
        _stop(proc)


@contextmanager
def _database():
    """A throwaway PostgreSQL database URL, or None when no server can be had."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.pg_server import PgUnavailable, fresh_database, postgres_admin_url

    try:
        with postgres_admin_url() as admin, fresh_database(admin) as url:
            yield url
    except PgUnavailable as exc:
        print(f"    PostgreSQL unavailable ({exc}); one instance on SQLite, two instances not measured",
              flush=True)
        yield None


# ---------------------------------------------------------------- sessions

def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _first_run(url: str):
    from bench.stclient import Session

    s = Session(url)
    await s.open()
    try:
        return await s.run(timeout_s=STEP_TIMEOUT_S)
    finally:
        await s.close()


def first_run_cpu(url: str, pid: int, reps: int) -> float:
    """Median server CPU seconds of one new session's first run (after a warm-up session)."""
    asyncio.run(_first_run(url))
    asyncio.run(_first_run(url))
    costs = []
    for _ in range(reps):
        c0 = _cpu_seconds(pid)
        run = asyncio.run(_first_run(url))
        time.sleep(0.3)  # let the server finish sending and closing
        costs.append(_cpu_seconds(pid) - c0)
        if not run.ok:
            raise RuntimeError(f"first run not drawn: {run.error}")
    return statistics.median(costs)


async def _session(url: str) -> tuple[bool, list[float], str]:
    """Overview, a filter change, the proposal page: (all drawn, step seconds, first error)."""
    from bench.stclient import Session, multiselect_choice

    s = Session(url)
    times: list[float] = []
    try:
        await s.open(STEP_TIMEOUT_S)
        first = await s.run(timeout_s=STEP_TIMEOUT_S)
        times.append(first.seconds)
        if not first.ok:
            return False, times, first.error
        types = next((w for label, w in s.widgets.items() if w.DESCRIPTOR.name == "MultiSelect"
                      and len(w.options) > 1), None)
        if types is None:
            return False, times, "no multiselect filter drawn"
        second = await s.run(widgets=[multiselect_choice(types)], timeout_s=STEP_TIMEOUT_S)
        times.append(second.seconds)
        if not second.ok:
            return False, times, second.error
        third = await s.run(page="forslag", timeout_s=STEP_TIMEOUT_S)
        times.append(third.seconds)
        return third.ok and third.elements > 0, times, third.error
    except Exception as exc:  # a refused or dropped connection is a failed session, not a crash
        return False, times, f"{type(exc).__name__}: {exc}"[:200]
    finally:
        try:
            await s.close()
        except Exception:
            pass


async def _many(url: str, n: int):
    return await asyncio.gather(*(_session(url) for _ in range(n)))


def load(url: str, n: int) -> dict:
    t0 = time.perf_counter()
    results = asyncio.run(_many(url, n))
    took = time.perf_counter() - t0
    steps = sorted(x for _, times, _ in results for x in times)
    ok = sum(1 for good, _, _ in results if good)
    errors = sorted({err for good, _, err in results if not good and err})

    def pct(p: float) -> float | None:
        return steps[min(len(steps) - 1, int(round(p * (len(steps) - 1))))] if steps else None

    return {"n": n, "ok": ok, "success": ok / n, "p50": pct(0.5), "p95": pct(0.95), "wall": took,
            "errors": errors}


# ---------------------------------------------------------------- the benchmark

def run(quick: bool = False, emit=print) -> list[dict]:
    sizes = [10, 25] if quick else [10, 25, 50]
    reps = 3 if quick else 7
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-sessions-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        trivial = tmp / "trivial.py"
        trivial.write_text(TRIVIAL_APP)
        env = {k: v for k, v in os.environ.items() if k != "REMISSKOLLEN_DATABASE_URL"}
        db_url = stack.enter_context(_database())
        if db_url:
            env["REMISSKOLLEN_DATABASE_URL"] = db_url

        # First-run CPU: ours and the one-line app, alternating servers in the same run.
        with _instance(ROOT / "app.py", env, tmp, "cpu-ours") as (url, proc):
            ours = first_run_cpu(url, proc.pid, reps)
        with _instance(trivial, env, tmp, "cpu-trivial") as (url, proc):
            base = first_run_cpu(url, proc.pid, reps)
        r = row(NAME, "first-run CPU, demo overview", ours=fmt_s(ours), baseline=fmt_s(base),
                ratio=slower(ours, base), goal=f"< {fmt_s(CPU_GOAL_S)}", met=ours < CPU_GOAL_S,
                note="server process CPU (user+system) for one new session's first run, aggregates cached; "
                     f"median of {reps}; baseline: a one-line st.write app", ours_s=ours, baseline_s=base)
        emit(r)
        rows.append(r)

        setups = [("1 instance" + ("" if db_url else ", SQLite"), 1)] + ([("2 instances + nginx", 2)] if db_url
                                                                          else [])
        for label, count in setups:
            with ExitStack() as inst:
                urls = [inst.enter_context(_instance(ROOT / "app.py", env, tmp, f"{count}-{i}"))[0]
                        for i in range(count)]
                target = urls[0] if count == 1 else inst.enter_context(
                    _nginx([int(u.rsplit(":", 1)[1]) for u in urls], tmp))
                for u in urls:  # warm every instance's caches: the figures are for a running server
                    asyncio.run(_session(u))
                alone = load(target, 1)
                for n in sizes:
                    got = load(target, n)
                    met = None if n != 50 else (got["success"] == 1.0 and got["p95"] is not None
                                                and got["p95"] < P95_GOAL_S)
                    note = (f"{label}: {got['ok']}/{n} sessions drew all 3 pages "
                            f"({got['success']:.0%}); p50 {fmt_s(got['p50'])}, p95 {fmt_s(got['p95'])}; "
                            f"all {n} done in {fmt_s(got['wall'])}")
                    if got["errors"]:
                        note += "; errors: " + "; ".join(got["errors"][:3])
                    r = row(NAME, f"{label}, N={n}", ours=f"p95 {fmt_s(got['p95'])}, {got['success']:.0%} ok",
                            baseline=f"p95 {fmt_s(alone['p95'])} (1 session)",
                            ratio=slower(got["p95"], alone["p95"]) if got["p95"] and alone["p95"] else "—",
                            goal="100 % ok, p95 < 5 s at N=50", met=met, note=note,
                            ours_s=got["p95"], baseline_s=alone["p95"], p50_s=got["p50"],
                            success=got["success"], sessions=n, instances=count)
                    emit(r)
                    rows.append(r)
    return rows


if __name__ == "__main__":
    sys.exit(cli(NAME, run))
