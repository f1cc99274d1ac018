"""Export: runs ``bench/bench_export.py`` (written by the exports engineer) when it is present.

That module exposes ``run(rows) -> dict`` with the keys name, rows, ours_s,
baseline_s, ratio, peak_mb (optionally goal and met, and a note). This
wrapper calls it per size and turns each dict into a result row; while the
module is absent it reports one row saying so.
"""
from __future__ import annotations

import importlib
import sys
import traceback

from bench.common import cli, fmt_mb, fmt_s, row
from bench.generate import size_label

NAME = "export"


def _as_rows(result) -> list[dict]:
    if isinstance(result, dict):
        return [result]
    return list(result or [])


def convert(d: dict, n: int, goal=None, note: str = "") -> dict:
    ours, base = d.get("ours_s"), d.get("baseline_s")
    ratio = d.get("ratio")
    if ours and base:
        ratio = base / ours  # bench_export's ratio is baseline / ours
    ratio_txt = f"{ratio:.1f}× faster" if isinstance(ratio, (int, float)) else (str(ratio) if ratio else "—")
    goal = d.get("goal", goal)
    met = d.get("met")
    if met is None and isinstance(goal, (int, float)) and isinstance(ratio, (int, float)):
        met = ratio >= goal
    goal_txt = f"≥ {goal:g}× faster" if isinstance(goal, (int, float)) else str(goal or "—")
    peak = d.get("peak_mb")
    extra = ", ".join(f"{k} {v}" for k, v in d.items()
                      if k not in ("name", "rows", "ours_s", "baseline_s", "ratio", "peak_mb", "goal", "met", "note"))
    note = "; ".join(x for x in (note, str(d.get("note") or ""), extra) if x)
    return row(f"{NAME}: {d.get('name', '?')}", size_label(int(d.get("rows") or n)),
               ours=fmt_s(ours) + (f" (peak {fmt_mb(peak)})" if peak is not None else ""),
               baseline=fmt_s(base), ratio=ratio_txt, goal=goal_txt, met=met,
               note=note, ours_s=ours, baseline_s=base, peak_mb=peak)


def best_of(results: list[dict]) -> dict:
    """Per-key best (lowest time, highest peak) across repeated calls of the same size."""
    best = dict(results[0])
    for key in ("ours_s", "baseline_s"):
        values = [r[key] for r in results if isinstance(r.get(key), (int, float))]
        if values:
            best[key] = min(values)
    peaks = [r["peak_mb"] for r in results if isinstance(r.get("peak_mb"), (int, float))]
    if peaks:
        best["peak_mb"] = max(peaks)
    return best


def run(quick: bool = False, emit=print) -> list[dict]:
    try:
        module = importlib.import_module("bench.bench_export")
    except ModuleNotFoundError as exc:
        if exc.name != "bench.bench_export":
            raise
        r = row(NAME, "—", ours="not run", baseline="—", ratio="—", goal="—", met=None,
                note="bench/bench_export.py is not there yet (the exports engineer writes it)")
        emit(r)
        return [r]
    sizes = getattr(module, "SIZES", None) or ([10_000] if quick else [10_000, 100_000])
    if quick:
        sizes = sizes[:1]
    goal = getattr(module, "GOAL", None)
    rows = []
    for n in sizes:
        reps = 1 if quick else (3 if n <= 10_000 else 2)
        calls = []
        try:
            for _ in range(reps):  # bench_export.run times ours and the baseline back to back
                calls.append(_as_rows(module.run(n)))
        except Exception as exc:  # noqa: BLE001 - a failing export benchmark is a result, not a crash
            traceback.print_exc()
            r = row(NAME, size_label(n), ours="failed", baseline="—", ratio="—", goal="—", met=False,
                    note=f"bench_export.run({n}) raised {type(exc).__name__}: {exc}")
            emit(r)
            rows.append(r)
            continue
        for i in range(len(calls[0])):
            r = convert(best_of([c[i] for c in calls]), n, goal,
                        note=f"best of {reps} calls of bench_export.run({n}) (each times ours then the baseline)")
            emit(r)
            rows.append(r)
    return rows


if __name__ == "__main__":
    sys.exit(cli("run_export", run))
