"""The export benchmark's contract with the ``bench`` runner (tiny sizes only)."""
from bench.bench_export import make_data, run


def test_generated_rows_are_deterministic():
    a, b = make_data(3_000), make_data(3_000)
    assert len(a.responses) == 3_000
    assert a.responses.equals(b.responses)
    r = a.responses
    assert r["respondent"].nunique() <= 300 and r["proposal_id"].nunique() <= 100 and r["topic"].nunique() == 8
    lengths = r["comment"].str.len()
    assert lengths.min() >= 90 and lengths.max() <= 301
    assert not r.duplicated(["consultation", "respondent", "proposal_id"]).any()


def test_run_returns_the_runner_keys():
    result = run(1_500)
    assert {"name", "rows", "ours_s", "baseline_s", "ratio", "peak_mb"} <= set(result)
    assert result["name"] == "export" and result["rows"] == 1_500
    assert result["ours_s"] > 0 and result["baseline_s"] > 0 and result["ratio"] > 0
