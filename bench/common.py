"""Shared pieces of the benchmarks: timing, memory, result rows, machine info.

Every benchmark measures ours and its baseline in the same process run,
interleaved (ours, baseline, ours, baseline, ...), and keeps the best of N for
each: on a shared machine the minimum is the least noisy estimate of what the
code itself costs. Results are rows (dicts) with these keys:

    benchmark, size, ours, baseline, ratio, goal, met, note
    ours_s, baseline_s (raw numbers, when there are any)

``ours``/``baseline``/``ratio``/``goal`` are display strings; ``met`` is
True, False or None (no goal at this size, or not measured).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "bench" / "results"

if str(ROOT) not in sys.path:  # `python -m bench.x` from elsewhere
    sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------
# Timing

def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def best_of_interleaved(fns: dict[str, Callable[[], object]], reps: int,
                        check: Callable[[str, object], None] | None = None) -> dict[str, float]:
    """Run each function ``reps`` times, round-robin; the best time of each.

    ``check(name, result)`` is called on every result (outside the timing) so
    a benchmark cannot get fast by doing the wrong thing.
    """
    best = {name: float("inf") for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            t, out = timed(fn)
            if check is not None:
                check(name, out)
            del out
            best[name] = min(best[name], t)
    return best


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def faster(ours: float, baseline: float) -> str:
    """Ratio for "ours should be faster": baseline / ours."""
    return f"{baseline / ours:.1f}× faster" if ours > 0 else "—"


def slower(ours: float, baseline: float) -> str:
    """Ratio for "ours is bounded by a lower bound": ours / baseline."""
    return f"{ours / baseline:.1f}× the baseline" if baseline > 0 else "—"


# --------------------------------------------------------------------------
# Memory

def _status(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def reset_peak_rss() -> bool:
    """Reset the kernel's RSS high-water mark to the current RSS (Linux)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def rss_bytes() -> int:
    value = _status("VmRSS")
    if value is None:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return value


def peak_rss_bytes() -> int:
    value = _status("VmHWM")
    if value is None:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return value


def measure_peak(fn: Callable[[], object]) -> tuple[float, object]:
    """(MB above the RSS at the start, result): the process's peak growth while ``fn`` runs."""
    gc.collect()
    reset_peak_rss()
    start = rss_bytes()
    out = fn()
    return (peak_rss_bytes() - start) / 2**20, out


def fmt_mb(mb: float | None) -> str:
    return "—" if mb is None else f"{mb:,.0f} MB"


# --------------------------------------------------------------------------
# Rows

def row(benchmark: str, size: str, *, ours: str, baseline: str, ratio: str, goal: str,
        met: bool | None, note: str = "", **raw) -> dict:
    return {"benchmark": benchmark, "size": size, "ours": ours, "baseline": baseline,
            "ratio": ratio, "goal": goal, "met": met, "note": note, **raw}


def met_text(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "—"}[met]


def print_row(r: dict) -> None:
    print(f"[{r['benchmark']} {r['size']}] ours {r['ours']} | baseline {r['baseline']} | "
          f"{r['ratio']} | goal {r['goal']} | met: {met_text(r['met']).strip('*')}"
          + (f"\n    note: {r['note']}" if r.get("note") else ""), flush=True)


def cli(name: str, run: Callable[..., list[dict]]) -> int:
    """The command line of one benchmark module: prints rows, optionally writes them as JSON."""
    p = argparse.ArgumentParser(prog=f"python -m bench.{name}")
    p.add_argument("--quick", action="store_true", help="smaller sizes and fewer repetitions")
    p.add_argument("--json", type=Path, help="write the result rows to this file")
    args = p.parse_args()
    print(f"== {name} ({'quick' if args.quick else 'full'}) ==", flush=True)
    rows = run(quick=args.quick, emit=print_row)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, default=str))
    return 0


# --------------------------------------------------------------------------
# Machine

def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "?"
    import numpy
    import pandas
    import streamlit

    return {
        "CPU": cpu,
        "Cores": f"{os.cpu_count()} logical ({usable} usable by this process)",
        "RAM": ram,
        "Python": platform.python_version(),
        "OS": f"{platform.system()} {platform.release()}",
        "Libraries": f"pandas {pandas.__version__}, numpy {numpy.__version__}, streamlit {streamlit.__version__}",
        "Load average at start (1/5/15 min)": load,
    }
