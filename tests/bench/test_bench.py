"""The export benchmark's contract with the ``bench`` runner (tiny sizes only)."""
from bench import bench_export
from bench.common import met_text


def test_run_returns_result_rows():
    seen = []
    rows = bench_export.run(emit=seen.append, sizes=[1_500], reps=1)
    assert rows == seen and len(rows) == 1
    r = rows[0]
    assert {"benchmark", "size", "ours", "baseline", "ratio", "goal", "met", "note"} <= set(r)
    assert r["benchmark"] == "export: export" and r["size"] == "1500"
    assert r["ours_s"] > 0 and r["baseline_s"] > 0 and r["peak_mb"] >= 0
    assert r["met"] == (r["baseline_s"] / r["ours_s"] >= bench_export.GOAL)
    assert met_text(r["met"]) in ("yes", "**no**")
    assert r["ratio"] == f"{r['baseline_s'] / r['ours_s']:.1f}× faster"
