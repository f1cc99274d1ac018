"""Guard: the capped child process (``loaders.guard``). What it costs, and what a real load needs.

* **Spawn overhead**: a trivial ``run_capped`` call (fork from the warm fork
  server, pickle both ways), median of 20, after the server has started; and
  the one-off start of the fork server itself.
* **1M-row load in the child** (quick: 100k): wall time in the child, the
  child's peak resident memory (VmHWM) and peak address space above its start
  (VmPeak minus VmSize at start: what ``RLIMIT_AS`` counts against
  ``REMISSKOLLEN_PARSE_MEMORY_MB``), and the parent's peak resident memory.

Goal for the load: a peak under 1,200 MB at 1M rows (issue 9). Baseline, measured in the same run:
the same load with every sheet read whole (no row slices). The defaults
of ``REMISSKOLLEN_PARSE_MEMORY_MB`` and ``REMISSKOLLEN_PARSE_SECONDS`` must
leave room above what this measures.
"""
from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

from bench.common import cli, fmt_mb, row
from bench.generate import SEED, ensure_xlsx, size_label

NAME = "guard"
GOAL_MB = 1200


def _status() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmPeak", "VmSize", "VmHWM", "VmRSS"):
            out[key] = int(value.split()[0]) // 1024
    return out


def noop() -> int:
    return 1


def measured_load(data: bytes, name: str, whole: bool = False) -> dict:
    """In the child: load, then report time and memory as the kernel saw them.

    ``whole`` reads every sheet in one piece (no row slices, see
    ``loaders.grid.read_in_parts``): the baseline for what the slices save.
    """
    from loaders import grid
    from loaders.load import load_bytes

    if whole:
        grid.SPLIT_BYTES = 1 << 62

    start = _status()
    t0 = time.perf_counter()
    result = load_bytes(data, name)
    seconds = time.perf_counter() - t0
    end = _status()
    return {"seconds": seconds, "rows": len(result.data.responses), "ok": result.ok,
            "child_peak_rss_mb": end["VmHWM"], "child_rss_at_start_mb": start["VmRSS"],
            "address_space_growth_mb": end["VmPeak"] - start["VmSize"]}


def run(quick: bool = False, emit=print, seed: int = SEED) -> list[dict]:
    from bench.bench_guard import measured_load, noop  # by module name: the child cannot import __main__
    from loaders.guard import Limits, run_capped

    t0 = time.perf_counter()
    run_capped(noop)
    first = time.perf_counter() - t0
    spawns = []
    for _ in range(20):
        t0 = time.perf_counter()
        run_capped(noop)
        spawns.append(time.perf_counter() - t0)
    r1 = row(NAME, "spawn", ours=f"{statistics.median(spawns) * 1000:.0f} ms", baseline="in-process call",
             ratio="—", goal="< 100 ms", met=statistics.median(spawns) < 0.1,
             note=f"median of 20 capped no-op calls (min {min(spawns) * 1000:.0f} ms); the fork server's "
                  f"one-off start with the loaders preloaded: {first:.2f} s")
    emit(r1)

    n = 100_000 if quick else 1_000_000
    data = ensure_xlsx(n, seed).read_bytes()
    limits = Limits(memory_mb=16_384, seconds=3_600)  # measure, do not cap
    t0 = time.perf_counter()
    m = run_capped(measured_load, data, f"{size_label(n)}.xlsx", limits=limits)
    wall = time.perf_counter() - t0
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert m["ok"] and m["rows"] == n, m
    base = run_capped(measured_load, data, f"{size_label(n)}.xlsx", True, limits=limits)
    assert base["ok"] and base["rows"] == n, base
    r2 = row(NAME, size_label(n), ours=fmt_mb(m["child_peak_rss_mb"]),
             baseline=f"read whole {fmt_mb(base['child_peak_rss_mb'])}, {base['seconds']:.1f} s",
             ratio=f"{base['child_peak_rss_mb'] / max(m['child_peak_rss_mb'], 1):.2f}× less",
             goal=f"< {GOAL_MB:,} MB peak", met=m["child_peak_rss_mb"] < GOAL_MB,
             note=f"child peak RSS {m['child_peak_rss_mb']:,} MB (of which {m['child_rss_at_start_mb']:,} MB "
                  f"imports at start); address space growth {m['address_space_growth_mb']:,} MB (what "
                  f"RLIMIT_AS counts); load {m['seconds']:.1f} s in the child, {wall:.1f} s end to end "
                  f"(pickling the result back included); parent peak RSS {parent_mb:,.0f} MB; "
                  f"file {len(data) / 2**20:.0f} MB. Baseline in the same run: the same load with every "
                  f"sheet read whole, peak {base['child_peak_rss_mb']:,} MB in {base['seconds']:.1f} s", **m)
    emit(r2)
    return [r1, r2]


if __name__ == "__main__":
    raise SystemExit(cli(NAME, run))
