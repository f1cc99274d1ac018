"""Benchmark: the full formatted Excel extract against a plain pandas dump of the same rows.

    .venv/bin/python -m bench.bench_export [--rows N] [--lang sv|en]

Generates ``N`` coded rows deterministically (about 300 respondents and 100
proposals per consultation, 8 topics, a different comment of 100–300
characters on every row, as many consultations as the rows need), then
times, in the same run:

* **ours** – :func:`exports.workbook.write_extract`: all six sheets, tables,
  formats, sanitising, the analysis behind the summary sheets, the chart;
* **baseline** – ``view.responses.to_excel(path, engine="openpyxl", index=False)``:
  the same rows, no formatting, nothing else.

Wall-clock times (CPU times too, steadier when the machine is shared).
``ratio`` = baseline_s / ours_s, so above 1 means the extract is faster than
the plain dump (the goal is ≥ 1, the stretch goal ≥ 2). ``peak_mb`` is how far
the process's resident memory rose above its level before the extract (the
input frame already in memory) at its peak while ours ran: Linux's VmHWM,
reset just before; elsewhere the process's lifetime peak, an overestimate. Both files go to a temporary directory.

:func:`run` returns ``{"name", "rows", "ours_s", "baseline_s", "ratio", "peak_mb"}``
for the ``bench`` runner.
"""
from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.filters import Filters, apply_filters  # noqa: E402
from exports.meta import ExtractMeta  # noqa: E402
from exports.workbook import write_extract  # noqa: E402
from loaders.model import CodedData  # noqa: E402
from loaders.schema import RESPONDENT_TYPES, STANCES, conform  # noqa: E402

NAME = "export"
DEFAULT_ROWS = 100_000
N_RESPONDENTS = 300
N_PROPOSALS = 100
N_TOPICS = 8
SEED = 20240601
#: baseline_s / ours_s to reach: the extract no slower than the plain dump; stretch: twice as fast.
GOAL = 1.0
STRETCH_GOAL = 2.0

_WORDS = ("kompetensförsörjning regionen kommunen ansvar samverkan finansiering uppföljning "
          "personal vårdgivare patientsäkerhet utbildning styrning förslaget konsekvenser "
          "tillstyrker avstyrker behöver utredas vidare resurser digitala stöd nationell").split()


def make_data(rows: int = DEFAULT_ROWS, seed: int = SEED) -> CodedData:
    """``rows`` canonical coded rows, the same for the same arguments."""
    rng = np.random.default_rng(seed)
    slots = N_RESPONDENTS * N_PROPOSALS
    n_cons = max(1, -(-rows // int(slots * 0.9)))
    consultations = [f"Remiss {i + 1}" for i in range(n_cons)]
    respondents = [f"Instans {i + 1:03d}" for i in range(N_RESPONDENTS)]
    types = np.array(RESPONDENT_TYPES)[rng.integers(0, len(RESPONDENT_TYPES), N_RESPONDENTS)]
    types[:60], types[60:200] = "Region", "Kommun"
    proposals = [f"{i // 10 + 1}.{i % 10 + 1}" for i in range(N_PROPOSALS)]
    topics = [f"Tema {chr(65 + i)}" for i in range(N_TOPICS)]
    prop_topic = [topics[i * N_TOPICS // N_PROPOSALS] for i in range(N_PROPOSALS)]

    # Pick `rows` distinct (consultation, respondent, proposal) slots, in file order.
    picked = np.sort(rng.choice(n_cons * slots, size=rows, replace=False))
    cons_i, rest = np.divmod(picked, slots)
    resp_i, prop_i = np.divmod(rest, N_PROPOSALS)

    # A comment of 100–300 characters on every row, each one different (as in real replies).
    picks = rng.integers(0, len(_WORDS), (rows, 45)).tolist()
    targets = rng.integers(100, 301, rows).tolist()
    comments = []
    for i, (p, target) in enumerate(zip(picks, targets)):
        text = f"{i}: " + " ".join([_WORDS[k] for k in p])
        comments.append(text[:target - 1].rstrip().capitalize() + ".")
    stance = np.array(STANCES)[rng.choice(4, size=rows, p=[0.55, 0.2, 0.15, 0.1])]

    frame = pd.DataFrame({
        "consultation": np.array(consultations)[cons_i],
        "respondent": np.array(respondents)[resp_i],
        "respondent_type": types[resp_i],
        "proposal_id": np.array(proposals)[prop_i],
        "proposal_title": [f"Förslag {proposals[i]} om {prop_topic[i].lower()}" for i in prop_i],
        "topic": np.array(prop_topic)[prop_i],
        "addressee": np.where(prop_i % 3 == 0, "Region", np.where(prop_i % 3 == 1, "Kommun", "Staten")),
        "stance": stance,
        "comment": comments,
        "source": "Benchmark",
        "sheet": "Svar",
        "row": np.arange(rows, dtype="int64") % 1_000_000 + 2,
    })
    respondents_frame = pd.DataFrame({
        "consultation": np.repeat(consultations, N_RESPONDENTS),
        "respondent": respondents * n_cons,
        "respondent_type": list(types) * n_cons,
        "county": "", "population": np.nan, "replied": True,
    })
    proposals_frame = pd.DataFrame({
        "consultation": np.repeat(consultations, N_PROPOSALS),
        "proposal_id": proposals * n_cons,
        "proposal_title": [f"Förslag {p} om {tp.lower()}" for p, tp in zip(proposals, prop_topic)] * n_cons,
        "topic": prop_topic * n_cons,
        "addressee": "",
    })
    return CodedData(responses=conform(frame), respondents=respondents_frame, proposals=proposals_frame)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    """Peak resident memory: VmHWM (resettable, see :func:`_reset_peak`), else ru_maxrss."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _reset_peak() -> None:
    """Reset VmHWM to the current RSS (Linux: ``5`` to clear_refs), so the peak is the export's own."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def run(rows: int = DEFAULT_ROWS, lang: str = "sv") -> dict:
    """Time the extract and the plain dump of the same ``rows`` rows; see the module docstring."""
    data = make_data(rows)
    filters = Filters()
    view = apply_filters(data, filters)
    meta = ExtractMeta(dataset="Benchmark", version=1, created_at="2024-06-01", created_by="bench",
                       generated_at="2024-06-01 12:00")
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, base_path = Path(tmp, "ours.xlsx"), Path(tmp, "baseline.xlsx")
        gc.collect()
        _reset_peak()
        rss_before = _rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        write_extract(ours_path, data, filters, meta, lang, view=view)
        ours_s, ours_cpu = time.perf_counter() - t0, time.process_time() - c0
        peak_mb = max(0.0, _peak_mb() - rss_before)

        t0, c0 = time.perf_counter(), time.process_time()
        view.responses.to_excel(base_path, engine="openpyxl", index=False)
        baseline_s, baseline_cpu = time.perf_counter() - t0, time.process_time() - c0
        sizes = (ours_path.stat().st_size, base_path.stat().st_size)
    ratio = baseline_s / ours_s if ours_s > 0 else float("inf")
    return {
        "name": NAME,
        "rows": int(rows),
        "ours_s": round(ours_s, 3),
        "baseline_s": round(baseline_s, 3),
        "ratio": round(ratio, 2),
        "goal": GOAL,
        "met": ratio >= GOAL,
        "note": f"stretch goal ≥ {STRETCH_GOAL:g}× {'met' if ratio >= STRETCH_GOAL else 'not met'}",
        "peak_mb": round(peak_mb, 1),
        "ours_cpu_s": round(ours_cpu, 3),
        "baseline_cpu_s": round(baseline_cpu, 3),
        "ours_mb": round(sizes[0] / 2**20, 1),
        "baseline_mb": round(sizes[1] / 2**20, 1),
    }


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bench_export", description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    args = p.parse_args(argv)
    r = run(args.rows, args.lang)
    print(f"{r['rows']:,} rows")
    print(f"  extract (6 sheets, formatted): {r['ours_s']:8.2f} s   {r['ours_mb']:6.1f} MB file")
    print(f"  plain to_excel (openpyxl):     {r['baseline_s']:8.2f} s   {r['baseline_mb']:6.1f} MB file")
    print(f"  ratio baseline/extract: {r['ratio']:.2f}x  (>= 1: extract no slower; goal >= 2)")
    print(f"  CPU time: extract {r['ours_cpu_s']:.2f} s, plain {r['baseline_cpu_s']:.2f} s "
          f"(ratio {r['baseline_cpu_s'] / max(r['ours_cpu_s'], 1e-9):.2f}x; steadier on a busy machine)")
    print(f"  peak memory growth during extract: {r['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
