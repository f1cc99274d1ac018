"""Processes the browser tests start on loopback: the app, a test OIDC provider, nginx.

One place for starting a server in its own process group, waiting until it
answers, and stopping it with its whole group.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(cmd: list[str], env: dict, log: Path) -> subprocess.Popen:
    """``cmd`` in the repository root, in a new process group, its output in ``log``."""
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def streamlit_cmd(port: int, *extra: str) -> list[str]:
    """`streamlit run app.py` headless on 127.0.0.1:``port``, no file watcher, no usage statistics."""
    return [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *extra]


def wait_until_answering(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Poll ``url`` until it answers; fail when the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer in time")


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group, SIGKILL if it has not gone in 15 s."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)
