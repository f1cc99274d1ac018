"""Memory: the canonical frame at 1M rows, in bytes per row beyond the comment text.

``df.memory_usage(deep=True)`` summed over the frame (index included), minus
the comment payload (the UTF-8 bytes of every comment), divided by the rows.
What is left is what the frame costs per row for its structure: category
codes, the row number, string offsets, category dictionaries.

Baseline: the same frame with every column as Python objects
(``astype(object)``), measured the same way; the same payload is subtracted,
so the per-string object headers count as overhead there.

Goal: under 120 bytes per row plus the comment text.
"""
from __future__ import annotations

import json
import subprocess
import sys

from bench.common import ROOT, cli, fmt_mb, measure_peak, row, timed
from bench.generate import SEED, canonical_frame, size_label

NAME = "memory"
GOAL = 120.0


def comment_payload(df) -> int:
    return sum(len(s.encode("utf-8")) for s in df["comment"].tolist())


def per_column(df, n: int) -> dict[str, float]:
    mu = df.memory_usage(deep=True, index=True)
    return {str(k): v / n for k, v in mu.items()}


def _build_peak_main(n: int, seed: int) -> int:
    """Peak RSS growth while building the frame, in a fresh interpreter."""
    import loaders.schema  # noqa: F401 - imports are not part of the measurement

    mb, df = measure_peak(lambda: canonical_frame(n, seed))
    print(json.dumps({"peak_mb": mb, "rows": len(df)}))
    return 0


def run(quick: bool = False, emit=print, seed: int = SEED) -> list[dict]:
    n = 100_000 if quick else 1_000_000
    label = size_label(n)
    build_s, df = timed(lambda: canonical_frame(n, seed))
    assert len(df) == n
    payload = comment_payload(df)
    ours_total = int(df.memory_usage(deep=True, index=True).sum())
    ours = (ours_total - payload) / n
    cols = per_column(df, n)
    as_object = df.astype(object)
    base_total = int(as_object.memory_usage(deep=True, index=True).sum())
    base = (base_total - payload) / n
    del as_object

    proc = subprocess.run([sys.executable, "-m", "bench.bench_memory", "--peak", str(n), str(seed)],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600)
    peak = json.loads(proc.stdout.strip().splitlines()[-1])["peak_mb"] if proc.returncode == 0 else None

    biggest = sorted(((v, k) for k, v in cols.items() if k != "comment"), reverse=True)[:4]
    note = (f"comment text {payload / n:.0f} B/row on average (excluded); comment column beyond its text "
            f"{cols['comment'] - payload / n:.1f} B/row (string offsets); largest others: "
            + ", ".join(f"{k} {v:.1f}" for v, k in biggest)
            + f" B/row. Whole frame {ours_total / 2**20:,.0f} MB; peak RSS growth while building it "
            f"{fmt_mb(peak)} (generator's Python lists included); built in {build_s:.1f} s")
    r = row(NAME, label, ours=f"{ours:.1f} B/row", baseline=f"{base:.1f} B/row (object dtype)",
            ratio=f"{base / ours:.1f}× smaller", goal=f"< {GOAL:g} B/row + comment text",
            met=ours < GOAL, note=note, ours_s=None, baseline_s=None, ours_bytes_per_row=ours,
            baseline_bytes_per_row=base, peak_mb=peak)
    emit(r)
    return [r]


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--peak":
        sys.exit(_build_peak_main(int(sys.argv[2]), int(sys.argv[3])))
    sys.exit(cli("bench_memory", run))
