"""Crash safety and concurrency of the store, with real processes.

Crash: a ``_writer.py`` subprocess saves a large version and is SIGKILLed at
a seeded-random moment within its write transaction, 20 times per backend.
After every kill: SQLite's ``PRAGMA integrity_check`` is ``ok``; at most one
new version exists; if one does it is active, holds the writer's exact rows
(``verify()``); if not, the old active version's rows read back hash exactly
to its checksum; every version has all its rows and no row lacks a version.
At the end every version is verified again.

Concurrency: 8 processes upload to one dataset at once; each ends as one
complete version with only its own rows, or as a clean StoreBusy.

Marked ``slow`` but part of the normal suite. Sizes can be raised for a soak
run: REMISSKOLLEN_CRASH_ROWS (default 100000), REMISSKOLLEN_CRASH_KILLS
(default 20), REMISSKOLLEN_CRASH_SEED.
"""
from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from store import Store, make_engine
from store.migrations import STEPS
from store.tables import ROW_TABLES, schema_version, versions

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("_writer.py")

CRASH_ROWS = int(os.environ.get("REMISSKOLLEN_CRASH_ROWS", "100000"))
CRASH_KILLS = int(os.environ.get("REMISSKOLLEN_CRASH_KILLS", "20"))
CRASH_SEED = int(os.environ.get("REMISSKOLLEN_CRASH_SEED", "20251123"))

N_CONCURRENT = 8
CONCURRENT_ROWS = 20_000


class Writer:
    """One ``_writer.py`` subprocess and its stream of JSON events."""

    def __init__(self, **args) -> None:
        self.args = args
        self.stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), json.dumps(args)],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            bufsize=1,
        )
        self.events: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self.pump = threading.Thread(target=self._pump, daemon=True)
        self.pump.start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            msg = json.loads(line)
            msg["_t"] = time.monotonic()
            self.events.put(msg)
        self.events.put(None)

    def _stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")[-3000:]

    def expect(self, *wanted: str, timeout: float = 180.0, skip: tuple[str, ...] = ("begin",)) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.events.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"writer {self.args.get('tag')}: no {wanted} within {timeout}s") from None
            if msg is None:
                self.proc.wait()
                raise AssertionError(
                    f"writer {self.args.get('tag')} exited ({self.proc.returncode}) before {wanted}:\n"
                    + self._stderr_text()
                )
            self.seen.append(msg)
            if msg["event"] in wanted:
                return msg
            if msg["event"] not in skip:
                raise AssertionError(f"writer {self.args.get('tag')}: expected {wanted}, got {msg}")

    def go(self) -> None:
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def drain(self) -> list[dict]:
        """All events printed before the process ended (call after kill/exit)."""
        while True:
            try:
                msg = self.events.get(timeout=10)
            except queue.Empty:
                break
            if msg is None:
                break
            self.seen.append(msg)
        return self.seen

    def close(self) -> None:
        self.kill()
        self.pump.join(timeout=10)  # EOF after the kill ends it
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.stderr.close()


def _lap(phases: Counter, name: str, since: float) -> float:
    now = time.monotonic()
    phases[name] += now - since
    return now


def _sqlite_path(db_url: str) -> str | None:
    url = make_url(db_url)
    return url.database if url.get_backend_name() == "sqlite" else None


def _integrity(path: str) -> list[tuple]:
    con = sqlite3.connect(path, timeout=60)
    try:
        return con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()


def _rows_per_version(engine) -> dict[str, dict[int, int]]:
    """Row counts per version id in each row table (includes orphans, if any)."""
    out = {}
    with engine.connect() as conn:
        for name, table in ROW_TABLES.items():
            rows = conn.execute(
                select(table.c.version_id, func.count()).group_by(table.c.version_id)
            ).all()
            out[name] = {vid: n for vid, n in rows}
    return out


def _check_all_complete(store: Store, engine, n_rows: int) -> None:
    """Every row belongs to a version, every version has exactly its rows."""
    with engine.connect() as conn:
        listed = {r.id: r.n_rows for r in conn.execute(select(versions.c.id, versions.c.n_rows))}
    per_version = _rows_per_version(engine)
    assert per_version["responses"] == {vid: n for vid, n in listed.items() if n}
    assert set(per_version["respondents"]) <= set(listed)
    assert set(per_version["proposals"]) <= set(listed)
    assert all(n == n_rows for n in listed.values())


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_writer_leaves_old_or_new_version(db_url: str) -> None:
    rng = random.Random(CRASH_SEED)
    engine = make_engine(db_url)
    store = Store(engine)
    sqlite_path = _sqlite_path(db_url)
    started = time.monotonic()

    def spawn(i: int) -> Writer:
        return Writer(mode="save", url=db_url, dataset="krasch", rows=CRASH_ROWS, tag=f"w{i}", seed=i)

    writers: list[Writer] = []
    try:
        # Baseline: one complete write, to time the transaction.
        first = spawn(0)
        writers.append(first)
        ready = first.expect("ready")
        first.go()
        begin = first.expect("begin", skip=())
        done = first.expect("done", skip=())
        tx_times = [done["at"] - begin["at"]]
        tx_estimate = tx_times[0]
        first.close()
        upcoming = spawn(1)  # from now on the next writer prepares while the current one runs
        writers.append(upcoming)
        [ds] = store.list_datasets()
        v1 = store.active_version(ds.id)
        assert v1.number == 1 and v1.rows_sha256 == ready["rows_sha256"]
        assert store.verify(v1.id)

        outcomes: Counter = Counter()
        phases: Counter = Counter({"baseline": time.monotonic() - started})
        for i in range(1, CRASH_KILLS + 1):
            current = upcoming
            lap = time.monotonic()
            ready = current.expect("ready")
            lap = _lap(phases, "wait for writer", lap)
            if i < CRASH_KILLS:
                upcoming = spawn(i + 1)
                writers.append(upcoming)
            before = [v.id for v in store.list_versions(ds.id)]
            old_active = store.active_version(ds.id)

            lap = _lap(phases, "parent", lap)
            current.go()
            current.expect("begin", skip=())
            lap = _lap(phases, "writer prep", lap)
            # Kill at a random point of the expected transaction time, plus a
            # margin past the commit. The estimate follows the machine: the
            # last complete transaction's time, stretched after each rollback.
            time.sleep(rng.uniform(0.0, 1.2 * tx_estimate))
            current.kill()
            events = current.drain()
            current.close()
            by_name = {e["event"]: e for e in events}
            if "done" in by_name:
                tx_times.append(by_name["done"]["at"] - by_name["begin"]["at"])
                tx_estimate = tx_times[-1]
            else:
                tx_estimate *= 1.15
            lap = _lap(phases, "write+kill", lap)

            if sqlite_path:
                assert _integrity(sqlite_path) == [("ok",)], f"kill {i}"
            lap = _lap(phases, "integrity_check", lap)
            after = store.list_versions(ds.id)
            ids = [v.id for v in after]
            assert ids[: len(before)] == before, f"kill {i}: versions changed"
            new = after[len(before):]
            assert len(new) <= 1, f"kill {i}: more than one new version"
            active = store.active_version(ds.id)
            if new:
                # Committed before the kill: the writer's exact rows, complete, active.
                outcomes["committed"] += 1
                assert active.id == new[0].id and new[0].number == len(after)
                assert new[0].rows_sha256 == ready["rows_sha256"]
                assert new[0].n_rows == CRASH_ROWS and new[0].created_by == f"w{i}"
                # verify(): the rows read back hash to the stored (= announced) checksum.
                assert store.verify(new[0].id), f"kill {i}: new version incomplete"
            else:
                # Rolled back: still the old active version, its rows read back
                # from the database hash exactly to the old checksum.
                outcomes["rolled back"] += 1
                assert "done" not in by_name, f"kill {i}: reported done but no version"
                assert active.id == old_active.id
                assert store.rows_checksum(active.id) == old_active.rows_sha256, f"kill {i}"
            # No version without all its rows, no rows without a version.
            _check_all_complete(store, engine, CRASH_ROWS)
            lap = _lap(phases, "checks", lap)

        lap = time.monotonic()
        # Every version that exists is complete.
        all_versions = store.list_versions(ds.id)
        assert len(all_versions) == 1 + outcomes["committed"]
        assert [v.number for v in all_versions] == list(range(1, len(all_versions) + 1))
        for v in all_versions:
            assert store.verify(v.id), f"version {v.number}"
        assert [(e.action, e.version_id) for e in store.audit_log(ds.id)] == [
            ("upload", v.id) for v in all_versions
        ]
        if sqlite_path:
            assert _integrity(sqlite_path) == [("ok",)]
        assert outcomes["rolled back"] >= 1, outcomes  # some kill landed mid-transaction
        _lap(phases, "final verify", lap)
        print(
            f"\n[{make_url(db_url).get_backend_name()}] {CRASH_KILLS} kills of {CRASH_ROWS}-row writes "
            f"(median tx {statistics.median(tx_times):.2f}s): {dict(outcomes)} in {time.monotonic() - started:.1f}s; "
            + ", ".join(f"{k} {v:.1f}s" for k, v in phases.items())
        )
    finally:
        for w in writers:
            w.close()
        engine.dispose()


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.parametrize("busy_timeout", [30.0, 0.05], ids=["patient", "impatient"])
def test_concurrent_uploads_are_whole_versions_or_busy(db_url: str, busy_timeout: float) -> None:
    engine = make_engine(db_url)
    store = Store(engine)
    started = time.monotonic()
    writers = [
        Writer(
            mode="save",
            url=db_url,
            dataset="delad",
            rows=CONCURRENT_ROWS,
            tag=f"p{i}",
            seed=i,
            busy_timeout=busy_timeout,
        )
        for i in range(N_CONCURRENT)
    ]
    try:
        readies = [w.expect("ready") for w in writers]
        for w in writers:
            w.go()
        results = [w.expect("done", "busy") for w in writers]
    finally:
        for w in writers:
            w.close()
    try:
        ok = {f"p{i}": (r, readies[i]) for i, r in enumerate(results) if r["event"] == "done"}
        busy = [f"p{i}" for i, r in enumerate(results) if r["event"] == "busy"]
        assert len(ok) + len(busy) == N_CONCURRENT
        assert ok, "no writer succeeded"
        if busy_timeout >= 30:
            assert not busy, f"busy despite a {busy_timeout}s timeout: {busy}"

        ds = store.dataset_by_name("delad")
        listed = store.list_versions(ds.id)
        assert len(listed) == len(ok)
        assert [v.number for v in listed] == list(range(1, len(ok) + 1))
        assert {v.id for v in listed} == {r["version_id"] for r, _ in ok.values()}
        for v in listed:
            result, ready = ok[v.created_by]
            assert (v.id, v.number) == (result["version_id"], result["number"])
            assert v.n_rows == CONCURRENT_ROWS
            assert v.rows_sha256 == ready["rows_sha256"]
            assert store.verify(v.id)
            comments = store.load_version(v.id).responses["comment"]
            assert comments.str.startswith(f"{v.created_by}:").all(), f"rows mixed into {v.created_by}"
        assert store.active_version(ds.id).number == len(ok)
        assert [(e.action, e.user, e.version_number) for e in store.audit_log(ds.id)] == [
            ("upload", v.created_by, v.number) for v in listed
        ]
        _check_all_complete(store, engine, CONCURRENT_ROWS)
        if _sqlite_path(db_url):
            assert _integrity(_sqlite_path(db_url)) == [("ok",)]
        print(
            f"\n[{make_url(db_url).get_backend_name()}, busy_timeout={busy_timeout}] "
            f"{len(ok)} versions, {len(busy)} busy in {time.monotonic() - started:.1f}s"
        )
    finally:
        engine.dispose()


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_concurrent_startup_migrates_once(db_url: str) -> None:
    writers = [Writer(mode="migrate", url=db_url, tag=f"m{i}") for i in range(4)]
    try:
        for w in writers:
            w.expect("ready")
        for w in writers:
            w.go()
        results = [w.expect("done", "busy") for w in writers]
    finally:
        for w in writers:
            w.close()
    assert [r["event"] for r in results] == ["done"] * 4, results
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(schema_version.c.version).order_by(schema_version.c.version)).all()
        assert [r.version for r in rows] == [n for n, _, _ in STEPS]
    finally:
        engine.dispose()
