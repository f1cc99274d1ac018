"""Export: the full formatted Excel extract against a plain pandas dump of the same rows.

The rows are the benchmarks' common synthetic dataset
(:func:`bench.generate.coded_data`: 300 respondents and 100 proposals per
consultation, 8 topics, a comment of 100–300 characters on every row). Per
size, in the same run, interleaved, best of N:

* **ours** – :func:`exports.workbook.write_extract`: all six sheets, tables,
  formats, sanitising, the analysis behind the summary sheets, the chart;
* **baseline** – ``view.responses.to_excel(path, engine="openpyxl", index=False)``:
  the same rows, no formatting, nothing else.

Goal: the extract no slower than the plain dump (ratio baseline / ours ≥ 1;
stretch goal ≥ 2). The peak is how far the process's resident memory rose
above its level before the extract (the input frame already in memory) while
ours ran (:func:`bench.common.measure_peak`). Both files go to a temporary
directory.

    python -m bench.bench_export [--quick] [--json FILE]
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import cli, fmt_mb, fmt_s, measure_peak, row
from bench.generate import SEED, coded_data, size_label

NAME = "export"
#: baseline_s / ours_s to reach: the extract no slower than the plain dump; stretch: twice as fast.
GOAL = 1.0
STRETCH_GOAL = 2.0


def measure(n: int, lang: str = "sv", seed: int = SEED) -> dict:
    """One timing of ours and the baseline on ``n`` rows: ours_s, baseline_s, peak_mb, ours_mb, baseline_mb."""
    from analysis.filters import Filters, apply_filters
    from exports.meta import ExtractMeta
    from exports.workbook import write_extract

    data = coded_data(n, seed)
    filters = Filters()
    view = apply_filters(data, filters)
    meta = ExtractMeta(dataset="Benchmark", version=1, created_at="2024-06-01", created_by="bench",
                       generated_at="2024-06-01 12:00")
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, base_path = Path(tmp, "ours.xlsx"), Path(tmp, "baseline.xlsx")
        t0 = time.perf_counter()
        peak_mb, _ = measure_peak(lambda: write_extract(ours_path, data, filters, meta, lang, view=view))
        ours_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        view.responses.to_excel(base_path, engine="openpyxl", index=False)
        baseline_s = time.perf_counter() - t0
        sizes = (ours_path.stat().st_size / 2**20, base_path.stat().st_size / 2**20)
    return {"ours_s": ours_s, "baseline_s": baseline_s, "peak_mb": peak_mb,
            "ours_mb": sizes[0], "baseline_mb": sizes[1]}


def run(quick: bool = False, emit=print, sizes: list[int] | None = None, reps: int | None = None) -> list[dict]:
    """The benchmark's result rows (see :mod:`bench.common`)."""
    if sizes is None:
        sizes = [10_000] if quick else [10_000, 100_000]
    rows = []
    for n in sizes:
        k = reps or (1 if quick else (3 if n <= 10_000 else 2))
        calls = [measure(n) for _ in range(k)]
        ours, base = min(c["ours_s"] for c in calls), min(c["baseline_s"] for c in calls)
        peak = max(c["peak_mb"] for c in calls)
        ratio = base / ours if ours > 0 else float("inf")
        note = (f"best of {k}; files {calls[0]['ours_mb']:.1f} MB (ours), {calls[0]['baseline_mb']:.1f} MB "
                f"(baseline); stretch goal ≥ {STRETCH_GOAL:g}× {'met' if ratio >= STRETCH_GOAL else 'not met'}")
        r = row(f"{NAME}: {NAME}", size_label(n), ours=f"{fmt_s(ours)} (peak {fmt_mb(peak)})",
                baseline=fmt_s(base), ratio=f"{ratio:.1f}× faster", goal=f"≥ {GOAL:g}× faster",
                met=ratio >= GOAL, note=note, ours_s=ours, baseline_s=base, peak_mb=peak)
        emit(r)
        rows.append(r)
    return rows


if __name__ == "__main__":
    import sys

    sys.exit(cli("bench_export", run))
