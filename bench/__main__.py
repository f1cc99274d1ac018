"""Run the benchmarks and write ``bench/results/latest.md``.

    make bench                               # everything (about 15-25 minutes on 2 cores)
    make bench BENCH_ARGS=--quick            # smaller sizes, fewer repetitions
    python -m bench --only load --only memory
    python -m bench --list

Each benchmark runs in its own interpreter (so one's memory, caches and
Streamlit state do not leak into the next) and measures ours and its baseline
in that same run. The table lists, per benchmark and size: our time (or
bytes), the baseline's, their ratio, the goal and whether it is met. The
machine is recorded with it: timings from a shared 2-core machine are noisy,
which is why each figure is the best of several interleaved runs.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench.common import RESULTS_DIR, ROOT, machine, met_text

#: name -> (module, what it measures)
BENCHMARKS: dict[str, tuple[str, str]] = {
    "load": ("bench.bench_load", "our loader vs pandas.read_excel(engine='openpyxl'), 10k/100k/1M rows"),
    "interaction": ("bench.bench_interaction", "each page's rerun after a filter change, 1M rows, AppTest"),
    "memory": ("bench.bench_memory", "canonical frame bytes per row beyond the comment text, 1M rows"),
    "export": ("bench.bench_export", "the Excel extract vs a plain to_excel of the same rows, 10k/100k rows"),
    "coldstart": ("bench.bench_coldstart", "streamlit run app.py to the first overview in Chromium"),
    "coding": ("bench.bench_coding", "coding assistant: stance F1, reference recall, 200 five-page replies"),
    "guard": ("bench.bench_guard", "capped child process: spawn overhead, 1M-row load peak memory in the child"),
    "sessions": ("bench.bench_sessions", "first-run CPU per session; N=10/25/50 websocket sessions, 1 and 2 instances"),
}
ALIASES = {"cold": "coldstart", "cold-start": "coldstart", "exports": "export", "mem": "memory"}


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown(rows: list[dict], info: dict[str, str], header: str) -> str:
    lines = [header, "", "| benchmark | size | ours | baseline | ratio | goal | met? |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| " + " | ".join(_cell(r.get(k, "")) for k in ("benchmark", "size", "ours", "baseline",
                                                                        "ratio", "goal"))
                     + f" | {met_text(r.get('met'))} |")
    missed = [r for r in rows if r.get("met") is False]
    met = [r for r in rows if r.get("met") is True]
    lines += ["", f"Goals met: {len(met)}, missed: {len(missed)}."]
    notes = [r for r in rows if r.get("note")]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- **{r['benchmark']} {r['size']}**: {r['note']}" for r in notes]
    lines += ["", "## Machine", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    return "\n".join(lines) + "\n"


def run_one(name: str, quick: bool) -> tuple[list[dict], float]:
    module = BENCHMARKS[name][0]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out = Path(tmp) / "rows.json"
        cmd = [sys.executable, "-m", module, "--json", str(out)] + (["--quick"] if quick else [])
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT)
        took = time.perf_counter() - t0
        if proc.returncode == 0 and out.exists():
            return json.loads(out.read_text()), took
    return [{"benchmark": name, "size": "—", "ours": f"failed (exit {proc.returncode})", "baseline": "—",
             "ratio": "—", "goal": "—", "met": False,
             "note": f"`{' '.join(cmd[1:])}` exited with {proc.returncode}; its output is above"}], took


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="smaller sizes and fewer repetitions")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help=f"run only these (repeatable or comma-separated): {', '.join(BENCHMARKS)}")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = p.parse_args(argv)
    if args.list:
        for name, (_, what) in BENCHMARKS.items():
            print(f"{name:12} {what}")
        return 0
    chosen = [ALIASES.get(x.strip().lower(), x.strip().lower()) for o in args.only for x in o.split(",") if x.strip()]
    unknown = [c for c in chosen if c not in BENCHMARKS]
    if unknown:
        p.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    names = [n for n in BENCHMARKS if not chosen or n in chosen]

    info = machine()
    started = datetime.now()
    rows: list[dict] = []
    durations = []
    for name in names:
        print(f"\n### {name}: {BENCHMARKS[name][1]}", flush=True)
        got, took = run_one(name, args.quick)
        rows += got
        durations.append(f"{name} {took:.0f} s")
    cmd = " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])])
    info["Run"] = f"{started:%Y-%m-%d %H:%M}, `{cmd}`; took {', '.join(durations)}"
    header = ("# Remisskollen benchmarks" + (" (quick)" if args.quick else "") + "\n\n"
              "Ours and the baseline are measured in the same run, interleaved, best of N; "
              "the machine is shared, so absolute times are noisy and the ratios are the figures to read.")
    text = markdown(rows, info, header)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "latest.md").write_text(text)
    (RESULTS_DIR / f"{started:%Y%m%d-%H%M%S}{'-quick' if args.quick else ''}.md").write_text(text)
    print("\n" + text)
    print(f"Written to {(RESULTS_DIR / 'latest.md').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
