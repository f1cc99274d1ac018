"""Interaction: one rerun of each page after a filter change, with a 1M-row dataset loaded.

The real ``app.py`` runs under Streamlit's AppTest, in this process. The
generated sheet (:func:`bench.generate.ensure_csv`, cached under
``bench/.cache/``) is the app's demo dataset through configuration:
``REMISSKOLLEN_DEMO_PATH`` (see :func:`components.datasource.demo_path`), so
the app loads it with the real loader, once (``st.cache_resource``). The run
checks that the app's dataset has the generated rows. The bare baselines run
on :func:`bench.generate.coded_data` (the same rows, built directly).

The sidebar's consultation is set to "all" (``?remiss=*``) so the view holds
every row. Each timed rerun changes the respondent-type filter to a
combination that keeps at least two thirds of the rows and starts with the
filtered view and every ``st.cache_data`` entry cleared: a filter the user has
not chosen before. The dataset itself stays loaded (``st.cache_resource``).

Lower bound, measured in the same run right after each page rerun: the bare
pandas groupby that page needs, on the already filtered frame.

Goal: every page under 0.3 s and within 8x of its bare groupby.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.common import ROOT, cli, fmt_s, row, slower, timed
from bench.generate import SEED, coded_data, ensure_csv, size_label

NAME = "interaction"
GOAL_S = 0.3
GOAL_RATIO = 8.0
APP = ROOT / "app.py"
PAGES_DIR = ROOT / "app_pages"

#: Type filters, one per repetition: each keeps Kommun (two thirds of the rows).
ROTATION = (("Kommun", "Region"), ("Kommun", "Statlig myndighet"), ("Kommun", "Organisation"),
            ("Kommun", "Lärosäte"), ("Kommun",), ("Region", "Kommun", "Lärosäte"))


def _by(*keys):
    def bare(r):
        return r.groupby(list(keys), observed=True).size()
    bare.__doc__ = f"groupby({list(keys)}).size()"
    return bare


def _regions_municipalities(r):
    sub = r[r["respondent_type"].isin(["Region", "Kommun"])]
    return sub.groupby(["respondent", "stance"], observed=True).size()


_regions_municipalities.__doc__ = 'Region/Kommun rows, groupby(["respondent", "stance"]).size()'


def _comments(r):
    return r.loc[r["comment"].ne(""), ["proposal_id"]].groupby("proposal_id", observed=True).size()


_comments.__doc__ = 'rows with a comment, groupby("proposal_id").size()'

#: Page file stem fragment -> the bare groupby the page needs. First match wins.
#: (Stems are English file names; the Swedish url paths are matched too.)
BARE = (
    ("overview", _by("respondent", "stance")),
    ("proposal", _by("proposal_id", "stance")),
    ("forslag", _by("proposal_id", "stance")),
    ("topic", _by("topic", "stance")),
    ("tema", _by("topic", "stance")),
    ("contrast", _regions_municipalities),
    ("region", _regions_municipalities),
    ("respondent", _by("respondent", "stance")),
    ("instans", _by("respondent", "stance")),
    ("comment", _comments),
    ("kommentar", _comments),
)
DEFAULT_BARE = _by("proposal_id", "stance")


def bare_for(stem: str):
    for fragment, fn in BARE:
        if fragment in stem:
            return fn
    return DEFAULT_BARE


def discover_pages() -> list[Path]:
    return sorted(p for p in PAGES_DIR.glob("*.py") if not p.name.startswith("_"))


class Generated:
    """The generated sheet, served as the app's demo dataset (``REMISSKOLLEN_DEMO_PATH``)."""

    def __init__(self, n: int, seed: int):
        self.n = n
        write_s, self.path = timed(lambda: ensure_csv(n, seed))
        build_s, self.data = timed(lambda: coded_data(n, seed))
        print(f"    {size_label(n)}-row sheet ready in {write_s:.1f} s (cached in {self.path.parent.name}/), "
              f"built for the baselines in {build_s:.1f} s", flush=True)

    def install(self) -> None:
        import streamlit as st

        from components.datasource import ENV_DEMO_PATH

        os.environ[ENV_DEMO_PATH] = str(self.path)
        st.cache_resource.clear()
        st.cache_data.clear()

    def loaded_rows(self) -> int:
        """Rows of the dataset the app has loaded as its demo (from its resource cache)."""
        import components.datasource as ds

        return len(ds.load_dataset(ds.demo_source().key).responses)


def _clear_view_caches() -> None:
    import streamlit as st

    import components.datasource as ds

    ds.filtered_dataset.clear()
    st.cache_data.clear()


def _filtered(data, types):
    from analysis.filters import Filters, apply_filters

    return apply_filters(data, Filters(respondent_types=types)).responses


class ScriptProfile:
    """cProfile of the script thread's runs (AppTest executes the script in a thread).

    Wraps the private ``ScriptRunner._run_script``; when Streamlit renames it,
    profiling is skipped and the benchmark still runs.
    """

    def __init__(self):
        self.prof = None

    def __enter__(self):
        import cProfile

        try:
            from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
        except ImportError:
            return self
        original = getattr(ScriptRunner, "_run_script", None)
        if original is None:
            return self
        self.prof = cProfile.Profile()
        prof = self.prof

        def profiled(runner, *args, **kwargs):
            prof.enable()
            try:
                return original(runner, *args, **kwargs)
            finally:
                prof.disable()

        self._cls, self._original = ScriptRunner, original
        ScriptRunner._run_script = profiled
        return self

    def __exit__(self, *exc):
        if self.prof is not None:
            self._cls._run_script = self._original

    def summary(self, out_file: Path, top: int = 6) -> str:
        """Write the full profile; return the costliest project functions (cumulative)."""
        import io
        import pstats

        if self.prof is None:
            return "profile unavailable (Streamlit internals changed)"
        buf = io.StringIO()
        stats = pstats.Stats(self.prof, stream=buf)
        stats.sort_stats("cumulative").print_stats(60)
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(buf.getvalue())
        total = max((v[3] for (f, _, fn), v in stats.stats.items() if fn == "_run_script"), default=0.0)
        root = str(ROOT) + "/"
        ours = []
        for (f, _line, fn), v in stats.stats.items():
            if f.startswith(root) and "/.venv/" not in f and not f.endswith("app.py") and fn != "<module>":
                ours.append((v[3], f"{Path(f).relative_to(ROOT)}:{fn}"))
        ours.sort(reverse=True)
        parts = ", ".join(f"{name} {cum:.2f} s" for cum, name in ours[:top])
        return f"profiled rerun {total:.2f} s; costliest own functions (cumulative, nested): {parts}"


def floor(reps: int) -> float:
    """AppTest rerun of a one-line app: the harness's own overhead per rerun."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string('import streamlit as st\nst.write("hej")\n', default_timeout=60)
    at.run()
    best = float("inf")
    for _ in range(reps):
        t, _ = timed(at.run)
        best = min(best, t)
    return best


_CHATTER = ("No runtime found", "missing ScriptRunContext")


def _quiet_streamlit() -> None:
    """Drop the warnings AppTest triggers outside a server run (clearing caches between reruns)."""
    import logging

    def keep(record: logging.LogRecord) -> bool:
        return not any(c in record.getMessage() for c in _CHATTER)

    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith("streamlit") and isinstance(logger, logging.Logger):
            logger.addFilter(keep)


def run(quick: bool = False, emit=print, seed: int = SEED) -> list[dict]:
    os.environ.setdefault("REMISSKOLLEN_DATA_DIR", tempfile.mkdtemp(prefix="bench-data-"))
    os.environ.pop("REMISSKOLLEN_DATABASE_URL", None)
    from streamlit.testing.v1 import AppTest

    from bench.common import RESULTS_DIR

    _quiet_streamlit()

    n = 100_000 if quick else 1_000_000
    reps = 3 if quick else 5
    label = size_label(n)
    generated = Generated(n, seed)
    generated.install()
    views = {types: _filtered(generated.data, types) for types in ROTATION[:reps]}

    rows = []

    def add(r):
        emit(r)
        rows.append(r)

    fl = floor(reps)
    add(row(f"{NAME}: AppTest floor (info)", "—", ours=fmt_s(fl), baseline="—", ratio="—", goal="—",
            met=None, note="rerun of a one-line app (st.write) under AppTest: the harness's fixed cost"))
    for page in discover_pages():
        rel = page.relative_to(ROOT).as_posix()
        bench_name = f"{NAME}: {page.stem}"
        bare = bare_for(page.stem)
        at = AppTest.from_file(str(APP), default_timeout=600)
        at.query_params["remiss"] = "*"
        first_s, _ = timed(at.run)
        if at.exception:
            add(row(bench_name, label, ours="app failed", baseline="—", ratio="—", goal="—", met=False,
                    note=f"first run raised: {at.exception[0].message}"))
            continue
        if generated.loaded_rows() != n:
            raise RuntimeError(f"the app did not load the generated sheet ({generated.path.name}) as its demo "
                               "dataset: check REMISSKOLLEN_DEMO_PATH in components/datasource.py")
        try:
            at.switch_page(rel)
        except ValueError:
            add(row(bench_name, label, ours="not in navigation", baseline="—", ratio="—", goal="—",
                    met=None, note=f"{rel} exists but app.py does not register it (yet)"))
            continue
        switch_s, _ = timed(at.run)
        if at.exception:
            add(row(bench_name, label, ours="page failed", baseline="—", ratio="—", goal="—", met=False,
                    note=f"{rel} raised: {at.exception[0].message}"))
            continue
        best_page, best_bare, failed, done = float("inf"), float("inf"), None, 0
        for i in range(reps):
            types = ROTATION[i % len(ROTATION)]
            _clear_view_caches()
            at.multiselect(key="w_types").set_value(list(types))
            t, _ = timed(at.run)
            if at.exception:
                failed = at.exception[0].message
                break
            done += 1
            best_page = min(best_page, t)
            view = views[types]
            tb, _ = timed(lambda bare=bare, view=view: bare(view))
            best_bare = min(best_bare, tb)
            if t > 20 * GOAL_S:
                break  # far off the goal: more repetitions would not change the verdict
        if failed:
            add(row(bench_name, label, ours="page failed", baseline="—", ratio="—", goal="—", met=False,
                    note=f"{rel} raised after a filter change: {failed}"))
            continue
        met = best_page < GOAL_S and best_page / best_bare <= GOAL_RATIO
        note = (f"best of {done}; bare = {bare.__doc__} on the filtered frame "
                f"({len(views[ROTATION[0]]):,} rows); first run {fmt_s(first_s)}, page switch {fmt_s(switch_s)}")
        if not met:
            types = ROTATION[done % len(ROTATION)] if done < len(ROTATION) else ROTATION[-1]
            _clear_view_caches()
            with ScriptProfile() as sp:
                at.multiselect(key="w_types").set_value(list(types))
                at.run()
            out_file = RESULTS_DIR / f"interaction_profile_{page.stem}_{label}.txt"
            note += f". Missed: {sp.summary(out_file)} (full: {out_file.relative_to(ROOT)})"
        add(row(bench_name, label, ours=fmt_s(best_page), baseline=f"bare {fmt_s(best_bare)}",
                ratio=slower(best_page, best_bare), goal=f"< {GOAL_S:g} s and ≤ {GOAL_RATIO:g}× bare",
                met=met, note=note, ours_s=best_page, baseline_s=best_bare))
    return rows


if __name__ == "__main__":
    import sys

    sys.exit(cli("bench_interaction", run))
