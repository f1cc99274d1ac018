"""Load: our loader (read + normalise + validate) vs ``pandas.read_excel(engine="openpyxl")``.

Both read the same cached workbook bytes from memory, interleaved, best of N.
Ours must return the full canonical dataset with no errors; the baseline only
has to produce a raw frame, so it is a generous baseline.

Goal: at least 8x faster than the baseline at 100k rows. At 1M rows the
openpyxl baseline would take minutes; it is not run, and the 100k baseline
time x 10 (openpyxl's read is linear in cells) stands in for it.

Peak memory (growth of the resident set while loading) is measured in a
fresh subprocess per reader, so one reader's garbage does not count against
the other.

When the goal is missed, a cProfile of one load at 100k is written to
``bench/results/load_profile_100k.txt`` and summarised by stage.
"""
from __future__ import annotations

import cProfile
import io
import json
import pstats
import subprocess
import sys
from pathlib import Path

from bench.common import (
    RESULTS_DIR,
    ROOT,
    best_of_interleaved,
    cli,
    faster,
    fmt_mb,
    fmt_s,
    measure_peak,
    row,
    timed,
)
from bench.generate import SEED, cache_path, ensure_xlsx, size_label

GOAL = 8.0
GOAL_SIZE = 100_000
NAME = "load"

#: Loader stages to report from a profile: (label, function name, file suffix).
STAGES = (
    ("fastexcel: parse sheet XML", "load_sheet", ""),
    ("fastexcel: cells to Arrow", "to_arrow", ""),
    ("grid_to_frame (cells to text columns)", "grid_to_frame", "loaders/cells.py"),
    ("drop_blank_rows", "drop_blank_rows", "loaders/normalise.py"),
    ("long_rows (stances, ids)", "long_rows", "loaders/normalise.py"),
    ("resolve_types", "resolve_types", "loaders/normalise.py"),
    ("check_duplicates", "check_duplicates", "loaders/normalise.py"),
    ("_warn_numeric_ids", "_warn_numeric_ids", "loaders/load.py"),
    ("conform (to categoricals)", "conform", "loaders/schema.py"),
    ("_respondent_table", "_respondent_table", "loaders/load.py"),
    ("_proposal_table", "_proposal_table", "loaders/load.py"),
)


def _ours(data: bytes, name: str):
    from loaders.load import load_bytes

    return load_bytes(data, name)


def _baseline(data: bytes):
    import pandas as pd

    return pd.read_excel(io.BytesIO(data), engine="openpyxl")


def _check(n: int):
    def check(which: str, out) -> None:
        if which == "ours":
            assert out.ok, [p.message_en for p in out.report.errors[:3]]
            assert len(out.data.responses) == n, (len(out.data.responses), n)
        else:
            assert out.shape == (n, 7), out.shape
    return check


def _peak(which: str, path: Path) -> float | None:
    """Peak RSS growth (MB) of one load in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-m", "bench.bench_load", "--peak", which, str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        print(f"    (peak memory of {which} not measured: {proc.stderr.strip()[-300:]})", flush=True)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])["peak_mb"]


def _peak_main(which: str, path: str) -> int:
    import pandas as pd  # noqa: F401 - imports are not part of the measurement

    import loaders.load  # noqa: F401

    data = Path(path).read_bytes()
    fn = (lambda: _ours(data, Path(path).name)) if which == "ours" else (lambda: _baseline(data))
    mb, _ = measure_peak(fn)
    print(json.dumps({"peak_mb": mb}))
    return 0


def profile_stages(data: bytes, name: str, out_file: Path) -> tuple[float, list[tuple[str, float]]]:
    """Profile one load; write the full profile and return (total, [(stage, seconds)])."""
    prof = cProfile.Profile()
    prof.enable()
    _ours(data, name)
    prof.disable()
    stats = pstats.Stats(prof)
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(40)
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(buf.getvalue())
    total = max((v[3] for (f, _, fn), v in stats.stats.items() if fn == "load_bytes"), default=0.0)
    stages = []
    for label, func, suffix in STAGES:
        cum = sum(v[3] for (f, _, fn), v in stats.stats.items()
                  if (fn == func or fn.startswith(f"<method '{func}' of 'builtins.Calamine"))
                  and f.replace("\\", "/").endswith(suffix))
        if cum:
            stages.append((label, cum))
    return total, stages


def raw_read_floor(data: bytes, reps: int) -> dict[str, float]:
    """What the bare readers cost: fastexcel to Arrow (as the loader reads xlsx) vs python-calamine's Python grid."""
    from python_calamine import CalamineWorkbook

    def calamine():
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return wb.get_sheet_by_name(wb.sheet_names[0]).to_python(skip_empty_area=False)

    def fast():
        import fastexcel
        return fastexcel.read_excel(data).load_sheet(0, header_row=None, skip_rows=0, dtypes="string").to_arrow()

    return best_of_interleaved({"calamine": calamine, "fastexcel": fast}, reps)


def run(quick: bool = False, emit=print, seed: int = SEED) -> list[dict]:
    sizes = [10_000] if quick else [10_000, 100_000, 1_000_000]
    reps = {10_000: 2 if quick else 5, 100_000: 5, 1_000_000: 2}
    rows, baseline_at = [], {}
    for n in sizes:
        label = size_label(n)
        if not cache_path(n, seed).exists():
            print(f"    generating {label} workbook (cached afterwards) ...", flush=True)
        gen_s, path = timed(lambda n=n: ensure_xlsx(n, seed))
        data = path.read_bytes()
        check = _check(n)
        fns = {"ours": lambda data=data, name=path.name: _ours(data, name)}
        run_baseline = n <= GOAL_SIZE
        if run_baseline:
            fns["baseline"] = lambda data=data: _baseline(data)
        best = best_of_interleaved(fns, reps[n], check)
        ours_s = best["ours"]
        peak_ours = _peak("ours", path)
        note = f"file {len(data) / 2**20:.1f} MB; best of {reps[n]}"
        if run_baseline:
            base_s = best["baseline"]
            baseline_at[n] = base_s
            peak_base = _peak("baseline", path) if n <= GOAL_SIZE else None
            base_txt = f"{fmt_s(base_s)} (peak {fmt_mb(peak_base)})"
            ratio_txt = faster(ours_s, base_s)
        elif GOAL_SIZE in baseline_at:
            base_s = baseline_at[GOAL_SIZE] * n / GOAL_SIZE
            base_txt = f"≈{fmt_s(base_s)} (not run: 100k × {n // GOAL_SIZE})"
            ratio_txt = "≈" + faster(ours_s, base_s)
        else:
            base_s, base_txt, ratio_txt = None, "not run (minutes at this size)", "—"
        goal_here = n == GOAL_SIZE
        met = (base_s / ours_s >= GOAL) if goal_here and base_s else None
        r = row(f"{NAME}", label, ours=f"{fmt_s(ours_s)} (peak {fmt_mb(peak_ours)})", baseline=base_txt,
                ratio=ratio_txt, goal=f"≥ {GOAL:g}× faster" if goal_here else "—", met=met, note=note,
                ours_s=ours_s, baseline_s=base_s, peak_mb=peak_ours)
        emit(r)
        rows.append(r)

        if n == GOAL_SIZE or (quick and n == sizes[-1]):
            floor = raw_read_floor(data, reps[n])
            fr = row("load: bare read (info)", label, ours=f"fastexcel → Arrow {fmt_s(floor['fastexcel'])}",
                     baseline=f"calamine to_python {fmt_s(floor['calamine'])}",
                     ratio=f"fastexcel {floor['calamine'] / floor['fastexcel']:.1f}× faster",
                     goal="—", met=None,
                     note="the reader alone, before any of our processing: fastexcel is what the loader uses "
                          "for xlsx, the Python grid what it used before",
                     ours_s=floor["fastexcel"], baseline_s=floor["calamine"])
            emit(fr)
            rows.append(fr)
        if met is False:
            out_file = RESULTS_DIR / f"load_profile_{label}.txt"
            total, stages = profile_stages(data, path.name, out_file)
            parts = "; ".join(f"{lab} {s:.2f} s ({100 * s / total:.0f}%)" for lab, s in stages)
            r["note"] += (f". Missed: profile of one load ({total:.2f} s under cProfile): {parts}. "
                          f"Full profile: {out_file.relative_to(ROOT)}")
            print(f"    profile: {parts}", flush=True)
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--peak":
        sys.exit(_peak_main(sys.argv[2], sys.argv[3]))
    sys.exit(cli("bench_load", run))
