"""A throwaway PostgreSQL server for tests (no pytest dependency).

``postgres_admin_url()`` yields a superuser URL (``postgresql+psycopg://``):

* ``REMISSKOLLEN_TEST_PG_URL`` if set (any SQLAlchemy PostgreSQL URL; the
  role must be allowed to CREATE DATABASE). Nothing is started or stopped.
* otherwise a new cluster from the local server binaries
  (``REMISSKOLLEN_PG_BINDIR`` if set, else the newest
  ``/usr/lib/postgresql/*/bin`` with ``initdb`` and ``pg_ctl``, else
  ``initdb``/``pg_ctl`` on PATH): ``initdb`` into a temporary directory,
  started with ``pg_ctl`` on a free port on 127.0.0.1 (unix socket inside the
  temporary directory, trust auth, fsync off), stopped with
  ``pg_ctl stop -m immediate`` and deleted afterwards. PostgreSQL refuses to
  run as root, so under euid 0 the binaries run as the ``postgres`` system
  user (``runuser -u postgres --``) and the directory is chowned to it.

One server per process is shared by every caller (reference counted), with an
``atexit`` safety net. ``fresh_database(admin_url)`` creates a uniquely named
database and drops it (``WITH (FORCE)``) afterwards.

Raises :class:`PgUnavailable` (with a reason) when no server can be had;
tests turn that into ``require(False, reason)``.
"""
from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_TEST_PG_URL = "REMISSKOLLEN_TEST_PG_URL"
ENV_PG_BINDIR = "REMISSKOLLEN_PG_BINDIR"
PG_SYSTEM_USER = "postgres"
MISSING_BINARIES = "PostgreSQL server binaries not found (apt-get install postgresql)"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server could be found or started; ``str()`` says why."""


def find_pg_bindir() -> Path | None:
    """Directory holding ``initdb`` and ``pg_ctl``, or None."""

    def ok(d: Path) -> bool:
        return (d / "initdb").is_file() and (d / "pg_ctl").is_file()

    override = os.environ.get(ENV_PG_BINDIR, "").strip()
    if override:
        return Path(override) if ok(Path(override)) else None

    def version(d: str) -> tuple[int, ...]:
        name = Path(d).parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit()) or (0,)

    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if ok(Path(d)):
            return Path(d)
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One throwaway cluster. Use :meth:`start` / :meth:`stop`."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.tmpdir: Path | None = None
        self.port: int | None = None
        self.running = False

    def _cmd(self, *args: str) -> list[str]:
        if self.as_root:
            return ["runuser", "-u", PG_SYSTEM_USER, "--", *args]
        return list(args)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            self._cmd(*args),
            cwd=self.tmpdir,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    @property
    def data_dir(self) -> Path:
        assert self.tmpdir is not None
        return self.tmpdir / "data"

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> "PgServer":
        if self.as_root:
            try:
                pw = pwd.getpwnam(PG_SYSTEM_USER)
            except KeyError:
                raise PgUnavailable(
                    f"running as root and there is no {PG_SYSTEM_USER!r} system user to run PostgreSQL as"
                ) from None
            if shutil.which("runuser") is None:
                raise PgUnavailable("running as root but runuser(1) is missing")
        base = tempfile.gettempdir()
        if self.as_root and not os.stat(base).st_mode & 0o001:
            base = "/tmp"  # the postgres user must be able to reach the directory
        self.tmpdir = Path(tempfile.mkdtemp(prefix="remisskollen-pg-", dir=base))
        sock = self.tmpdir / "sock"
        sock.mkdir()
        if self.as_root:
            for p in (self.tmpdir, sock):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        try:
            r = self._run(
                str(self.bindir / "initdb"),
                "-D", str(self.data_dir),
                "-U", "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            )
            if r.returncode != 0:
                raise PgUnavailable(f"initdb failed: {r.stderr.strip() or r.stdout.strip()}")
            last_error = ""
            for _ in range(5):  # the free port may be taken in between; retry
                self.port = _free_port()
                options = " ".join(
                    [
                        "-c listen_addresses=127.0.0.1",
                        f"-c port={self.port}",
                        f"-c unix_socket_directories={sock}",
                        "-c fsync=off",
                        "-c synchronous_commit=off",
                        "-c full_page_writes=off",
                        "-c max_connections=100",
                    ]
                )
                r = self._run(
                    str(self.bindir / "pg_ctl"),
                    "-D", str(self.data_dir),
                    "-l", str(self.tmpdir / "server.log"),
                    "-w", "-t", "60",
                    "-o", options,
                    "start",
                )
                if r.returncode == 0:
                    self.running = True
                    return self
                log = self.tmpdir / "server.log"
                last_error = (r.stderr.strip() or r.stdout.strip()) + (
                    "\n" + log.read_text(errors="replace")[-2000:] if log.exists() else ""
                )
            raise PgUnavailable(f"pg_ctl start failed: {last_error}")
        except BaseException:
            self.stop()
            raise

    def restart(self) -> None:
        """``pg_ctl restart -m fast`` on the same port and options: every session is cut off, the server comes back."""
        r = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.tmpdir / "server.log"),
                      "-m", "fast", "-w", "-t", "60", "restart", timeout=90)
        if r.returncode != 0:
            raise PgUnavailable(f"pg_ctl restart failed: {r.stderr.strip() or r.stdout.strip()}")

    def stop(self) -> None:
        if self.running and self.tmpdir is not None:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop",
                      timeout=60)
            self.running = False
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None


_lock = threading.Lock()
_shared: PgServer | None = None
_refs = 0


def _stop_shared() -> None:
    global _shared, _refs
    with _lock:
        if _shared is not None:
            _shared.stop()
            _shared = None
            _refs = 0


atexit.register(_stop_shared)


def _psycopg_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


@contextmanager
def postgres_admin_url() -> Iterator[str]:
    """Yield a superuser URL; start (and finally stop) a server if needed."""
    global _shared, _refs
    env_url = os.environ.get(ENV_TEST_PG_URL, "").strip()
    if env_url:
        yield _psycopg_url(env_url)
        return
    with _lock:
        if _shared is None:
            bindir = find_pg_bindir()
            if bindir is None:
                raise PgUnavailable(MISSING_BINARIES)
            _shared = PgServer(bindir).start()
        _refs += 1
        server = _shared
    try:
        yield server.admin_url
    finally:
        with _lock:
            _refs -= 1
            if _refs == 0 and _shared is server:
                server.stop()
                _shared = None


def _admin_engine(admin_url: str):
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def create_database(admin_url: str, name: str | None = None) -> str:
    """Create a database; return its URL (same credentials as ``admin_url``)."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    name = name or f"remisskollen_test_{uuid.uuid4().hex[:12]}"
    engine = _admin_engine(admin_url)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, name: str) -> None:
    from sqlalchemy import text

    engine = _admin_engine(admin_url)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """Yield the URL of a new, empty database; drop it afterwards."""
    from sqlalchemy.engine import make_url

    url = create_database(admin_url)
    try:
        yield url
    finally:
        drop_database(admin_url, make_url(url).database)


if __name__ == "__main__":  # manual check: python tests/pg_server.py
    with postgres_admin_url() as admin, fresh_database(admin) as url:
        print("admin:", admin)
        print("database:", url)
