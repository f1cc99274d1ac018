"""Run a parse in a capped child process, so no upload can take the server down.

    result = load_bytes_capped(data, "svar.xlsx")       # a LoadResult, always
    value = run_capped(parse_pdf, data)                  # any picklable function; raises CapExceeded

A file's reader can do things no Python ``except`` catches: python-calamine
(Rust) aborts the whole process when an allocation fails, and a stray cell at
``XFD1048576`` asks it for about 512 GB. So every upload is parsed in a child
process that has

* an address-space cap (``RLIMIT_AS``), set in the child to the memory it had
  when it started plus :attr:`Limits.memory_mb`, so the cap is what the parse
  itself may use, not what the imported libraries happen to reserve; and
* a wall-clock time cap, enforced by the parent, which kills the child.

When the child dies (a signal, an abort inside the Rust reader, a
``MemoryError``) or runs out of time, the parent gets :class:`CapExceeded`
naming the limit; :func:`load_bytes_capped` turns that into a bilingual
``limit-error`` in the report. The parent is never at risk.

Children come from a ``forkserver``: the server is a fresh, single-threaded
interpreter (never a fork of the multi-threaded Streamlit server) that has
already imported the loaders, so each parse starts in tens of milliseconds
instead of re-importing pandas. Limits come from the environment
(``REMISSKOLLEN_PARSE_MEMORY_MB``, ``REMISSKOLLEN_PARSE_SECONDS``) with
defaults measured on a 1M-row workbook (see ``docs/coded-sheet-format.md``).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from loaders.model import CodedData, LoadResult
from loaders.report import Report

#: Default address space the parse itself may use, in MB. Measured (bench/bench_guard.py): a 1M-row,
#: 45 MB workbook grows the child's address space by ~2,850 MB (peak RSS ~2,540 MB); this leaves ~40 % room.
DEFAULT_MEMORY_MB = 4096
#: Default wall-clock time for one parse, in seconds. The same load takes ~19 s on a quiet 2-core machine
#: and ~70 s on this one shared by eight workers.
DEFAULT_SECONDS = 180.0
#: Modules the fork server imports once, so each child starts warm. The reply-document readers
#: (coding assistant) are here too: it halves a capped document read (0.15 -> 0.08 s per 5-page PDF).
PRELOAD = ["loaders.load", "loaders.container", "documents.read", "pypdfium2", "docx"]


@dataclass(frozen=True)
class Limits:
    """What one capped parse may use: memory (MB, beyond the child's start) and wall-clock seconds."""

    memory_mb: int = DEFAULT_MEMORY_MB
    seconds: float = DEFAULT_SECONDS

    @classmethod
    def from_env(cls) -> Limits:
        """Limits from ``REMISSKOLLEN_PARSE_MEMORY_MB`` / ``REMISSKOLLEN_PARSE_SECONDS``, else the defaults."""
        def num(name: str, default: float, kind):
            raw = os.environ.get(name, "").strip()
            try:
                value = kind(raw) if raw else default
            except ValueError:
                return default
            return value if value > 0 else default

        return cls(memory_mb=num("REMISSKOLLEN_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB, int),
                   seconds=num("REMISSKOLLEN_PARSE_SECONDS", DEFAULT_SECONDS, float))


class CapExceeded(Exception):
    """The child hit a cap or died. ``kind`` is "memory" (incl. a crash of the reader) or "time"."""

    def __init__(self, kind: str, limits: Limits, detail: str = ""):
        super().__init__(f"{kind} cap: {detail}")
        self.kind = kind
        self.limits = limits
        self.detail = detail


_ctx_lock = threading.Lock()
_ctx = None


def _context():
    """The forkserver context, its server preloaded once per process."""
    global _ctx
    with _ctx_lock:
        if _ctx is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
            _ctx = ctx
        return _ctx


def _vm_bytes() -> int:
    """This process's current address-space size (VmSize), 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _settings() -> dict[str, str]:
    """The parent's ``REMISSKOLLEN_*`` settings, for the child (the fork server's own copy may be older)."""
    return {k: v for k, v in os.environ.items() if k.startswith("REMISSKOLLEN_")}


def _child(conn, memory_mb: int, settings: dict[str, str], func, args) -> None:
    """Child side: cap the address space, run ``func(*args)``, send ("ok", value) or ("memory"/"error", text)."""
    import resource

    for key in [k for k in os.environ if k.startswith("REMISSKOLLEN_")]:
        del os.environ[key]
    os.environ.update(settings)
    os.environ["RUST_BACKTRACE"] = "0"  # an abort inside the Rust reader: no seconds-long backtrace on stderr

    cap = _vm_bytes() + memory_mb * 2**20
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):  # an existing lower hard limit stays in force
        pass
    try:
        value = func(*args)
        conn.send(("ok", value))
    except MemoryError:
        _send_quietly(conn, ("memory", "MemoryError"))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never raised there as-is
        _send_quietly(conn, ("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _send_quietly(conn, message) -> None:
    try:
        conn.send(message)
    except Exception:  # noqa: BLE001 - a failed send shows up in the parent as an EOF
        pass


def _start_without_main(proc) -> None:
    """Start ``proc`` without re-importing the parent's ``__main__`` in the child.

    multiprocessing re-runs the main script in every child so that functions
    defined there can be unpickled. Ours live in importable modules, and the
    main script of ``streamlit run`` is Streamlit's own command line, which
    would cost a second of imports per upload. So the preparation data sent to
    the child leaves the main module out.
    """
    from multiprocessing import spawn

    with _ctx_lock:
        original = spawn.get_preparation_data

        def without_main(name):
            data = original(name)
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
            return data

        spawn.get_preparation_data = without_main
        try:
            proc.start()
        finally:
            spawn.get_preparation_data = original


def run_capped(func, *args, limits: Limits | None = None):
    """``func(*args)`` in a capped child process; its return value, or :class:`CapExceeded`.

    ``func`` and ``args`` must be picklable: a function defined at module level
    in an importable module (not in the script run as ``__main__``, which the
    child does not import). An ordinary exception in ``func``, or a child that
    exits on its own, comes back as ``RuntimeError`` with its text; a child
    killed by a signal (an abort in native code, the kernel) or that runs out
    of memory or time raises :class:`CapExceeded`.
    """
    limits = limits or Limits.from_env()
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, limits.memory_mb, _settings(), func, args), daemon=True)
    _start_without_main(proc)
    send.close()
    deadline = time.monotonic() + limits.seconds
    try:
        if not receive.poll(max(0.0, deadline - time.monotonic())):
            raise CapExceeded("time", limits, f"no answer in {limits.seconds:g} s")
        try:
            status, value = receive.recv()
        except (EOFError, OSError):
            proc.join(5)
            if proc.exitcode is not None and proc.exitcode > 0:  # it exited on its own: not a cap, a failure
                raise RuntimeError(f"child exited with code {proc.exitcode}") from None
            raise CapExceeded("memory", limits, f"child ended with exit code {proc.exitcode}") from None
        except MemoryError:  # the answer was too large to unpickle here; say so, do not fall over
            raise CapExceeded("memory", limits, "answer too large") from None
    finally:
        receive.close()
        if proc.is_alive():
            proc.join(max(0.0, min(5.0, deadline - time.monotonic())))
        if proc.is_alive():
            proc.kill()
            proc.join(5)
    if status == "ok":
        return value
    if status == "memory":
        raise CapExceeded("memory", limits, value)
    raise RuntimeError(value)


# --------------------------------------------------------------------------
# The loader through the cap

def _load(data: bytes, file_name: str) -> LoadResult:
    from loaders.load import load_bytes

    return load_bytes(data, file_name)


def limit_result(file_name: str, exc: CapExceeded) -> LoadResult:
    """The LoadResult for a parse stopped by a cap: unreadable, one ``limit-error`` naming the limit."""
    from i18n.numbers import fmt_int

    report = Report(file=file_name, unreadable=True)
    if exc.kind == "time":
        seconds = f"{exc.limits.seconds:g}"
        report.say("error", "limit-error", "limits.time", file=file_name, seconds=seconds)
    else:
        report.say("error", "limit-error", "limits.memory", file=file_name,
                   mb=(fmt_int(exc.limits.memory_mb, "sv"), fmt_int(exc.limits.memory_mb, "en")))
    return LoadResult(CodedData(), report)


def load_bytes_capped(data: bytes, file_name: str, limits: Limits | None = None) -> LoadResult:
    """:func:`loaders.load.load_bytes` in a capped child. Never raises at the user."""
    try:
        return run_capped(_load, data, file_name, limits=limits)
    except CapExceeded as exc:
        return limit_result(file_name, exc)
    except RuntimeError as exc:  # load_bytes never raises; this is a bug, still no traceback for the user
        report = Report(file=file_name, unreadable=True)
        report.say("error", "source-error", "limits.internal", file=file_name, error=str(exc)[:300])
        return LoadResult(CodedData(), report)


def load_path_capped(path: str | Path, limits: Limits | None = None) -> LoadResult:
    """:func:`loaders.load.load_path`, with the parse in a capped child."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError:
        from loaders.load import load_path

        return load_path(p)  # it words the "cannot be opened" message; nothing is parsed
    return load_bytes_capped(data, p.name, limits)
