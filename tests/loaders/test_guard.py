"""The capped child process: a parse that eats memory, aborts or hangs costs the child, never the parent."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loaders.guard import CapExceeded, Limits, load_bytes_capped, load_path_capped, run_capped
from support import hostile_files as hostile

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\xa0"


def test_a_plain_parse_comes_back_whole():
    data = hostile.workbook(hostile.sheet_xml(hostile.coded_rows(12)))
    result = load_bytes_capped(data, "svar.xlsx")
    assert result.ok and len(result.data.responses) == 12
    assert sorted(result.data.responses["stance"].astype(str).unique()) == ["agree", "disagree", "no_position",
                                                                             "partly"]
    assert run_capped(hostile.sleep, 0.01) == 0.01


def test_memory_cap_raises_in_the_child_and_is_named():
    limits = Limits(memory_mb=256, seconds=30)
    assert run_capped(hostile.allocate, 64, limits=limits) == 64 << 20  # under the cap: fine
    with pytest.raises(CapExceeded) as exc:
        run_capped(hostile.allocate, 1024, limits=limits)
    assert exc.value.kind == "memory" and exc.value.limits.memory_mb == 256
    with pytest.raises(CapExceeded) as exc:
        run_capped(hostile.allocate_native, 1024, limits=limits)
    assert exc.value.kind == "memory"


def test_an_abort_in_the_child_is_a_named_limit_not_a_crash():
    with pytest.raises(CapExceeded) as exc:
        run_capped(hostile.abort, limits=Limits(memory_mb=512, seconds=30))
    assert exc.value.kind == "memory" and "exit code -6" in exc.value.detail


def test_time_cap_kills_the_child():
    start = time.monotonic()
    with pytest.raises(CapExceeded) as exc:
        run_capped(hostile.sleep, 30, limits=Limits(memory_mb=512, seconds=1))
    assert exc.value.kind == "time"
    assert time.monotonic() - start < 5


def test_an_exception_in_the_child_comes_back_as_text():
    with pytest.raises(RuntimeError, match="ValueError: a parse error with a message"):
        run_capped(hostile.fails)


def test_limits_from_environment(monkeypatch):
    monkeypatch.setenv("REMISSKOLLEN_PARSE_MEMORY_MB", "1536")
    monkeypatch.setenv("REMISSKOLLEN_PARSE_SECONDS", "30")
    assert Limits.from_env() == Limits(memory_mb=1536, seconds=30.0)
    monkeypatch.setenv("REMISSKOLLEN_PARSE_MEMORY_MB", "lots")
    monkeypatch.setenv("REMISSKOLLEN_PARSE_SECONDS", "-1")
    assert Limits.from_env() == Limits()


def test_the_rust_reader_aborting_becomes_a_bilingual_limit_error(monkeypatch):
    """With the container check switched off, the stray cell reaches python-calamine, which aborts."""
    monkeypatch.setenv("REMISSKOLLEN_MAX_CELLS", str(10**15))
    monkeypatch.setenv("REMISSKOLLEN_MAX_COLUMNS", "20000")
    result = load_bytes_capped(hostile.stray_cell_xlsx(), "stray.xlsx", Limits(memory_mb=1536, seconds=60))
    assert result.report.unreadable and not result.ok
    [p] = result.report.problems
    assert (p.severity, p.category) == ("error", "limit-error")
    assert p.message("sv").startswith(f"Filen stray.xlsx kunde inte läsas: den behövde mer än 1{NBSP}536 MB minne")
    assert p.message("en").startswith("The file stray.xlsx could not be read: it needed more than 1,536 MB of memory")


def test_a_timeout_becomes_a_bilingual_limit_error(monkeypatch):
    import loaders.guard as guard

    monkeypatch.setattr(guard, "_load", hostile.sleep_load)
    result = load_bytes_capped(b"x", "slow.xlsx", Limits(memory_mb=512, seconds=1))
    [p] = result.report.problems
    assert (p.category, p.sheet, p.row) == ("limit-error", None, None)
    assert p.message("sv").startswith("Filen slow.xlsx kunde inte läsas: läsningen tog mer än 1 s")
    assert p.message("en").startswith("The file slow.xlsx could not be read: reading took more than 1 s")


def test_missing_file_is_worded_by_the_loader(tmp_path):
    result = load_path_capped(tmp_path / "nope.xlsx")
    assert result.report.unreadable
    assert result.report.problems[0].message("en").startswith("The file nope.xlsx cannot be opened")


PARENT = """
import json, os, resource, sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from loaders.guard import Limits, load_bytes_capped
from support import hostile_files as hostile
load_bytes_capped(hostile.workbook(hostile.sheet_xml(hostile.coded_rows(3))), "warm.xlsx")  # start the server
data = getattr(hostile, {builder!r})()
start = time.monotonic()
result = load_bytes_capped(data, "hostile.xlsx", Limits(memory_mb=1536, seconds=30))
print(json.dumps({{"seconds": time.monotonic() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "problems": [[p.category, p.sheet, p.message("sv"), p.message("en")]
                               for p in result.report.problems]}}))
"""


@pytest.mark.parametrize("builder, env, expect_sv", [
    ("stray_cell_xlsx", {}, "Cell XFD1048576 på bladet Svar ligger långt utanför data (A1:E120)."),
    ("stray_cell_xlsx", {"REMISSKOLLEN_MAX_CELLS": str(10**15), "REMISSKOLLEN_MAX_COLUMNS": "20000"},
     f"Filen hostile.xlsx kunde inte läsas: den behövde mer än 1{NBSP}536 MB minne"),
    ("bomb_xlsx", {}, "Delen xl/worksheets/sheet1.xml i filen hostile.xlsx packas upp till"),
])
def test_parent_survives_fast_and_small(builder, env, expect_sv):
    """Each hostile file is refused in under 5 s with under 1 GB peak in the parent, which lives on."""
    code = PARENT.format(root=str(ROOT), tests=str(ROOT / "tests"), builder=builder)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "RUST_BACKTRACE": "0", **env})
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    [(category, _, sv, en)] = out["problems"]
    assert category == "limit-error" and sv.startswith(expect_sv), sv
    assert out["seconds"] < 5, out
    assert out["peak_mb"] < 1024, out
