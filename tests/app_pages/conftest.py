"""Helpers for the page tests: open a page, read its charts and tables, click a bar."""
from __future__ import annotations

import base64
import json
from types import SimpleNamespace

import numpy as np
import plotly.graph_objects as go
import pytest

from loaders.load import load_path
from support.apptest import app
from tests.conftest_pg import own_pg_server  # noqa: F401  (fixture for the PostgreSQL restart page test)

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"
NBSP = "\xa0"


def open_page(page: str | None = None, **query):
    """Run the app with ``query`` in the URL, then switch to ``app_pages/<page>.py``."""
    at = app(**query).run()
    if page and page != "overview":
        at.switch_page(f"app_pages/{page}.py").run()
    return at


def _decode(obj):
    """Plotly's typed arrays (``{"dtype": "f8", "bdata": <base64>}``) back to lists."""
    if isinstance(obj, dict):
        if "bdata" in obj and "dtype" in obj:
            arr = np.frombuffer(base64.b64decode(obj["bdata"]), dtype=np.dtype(obj["dtype"]))
            if "shape" in obj:
                arr = arr.reshape([int(x) for x in str(obj["shape"]).split(",")])
            return arr.tolist()
        return {k: _decode(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_decode(v) for v in obj]
    return obj


def figures(at) -> dict[str, go.Figure]:
    """Plotly figures on the page by their Streamlit key (typed arrays decoded)."""
    out = {}
    for el in at.get("plotly_chart"):
        key = el.proto.id.rsplit("-", 1)[-1]
        out[key] = go.Figure(_decode(json.loads(el.proto.spec)), skip_invalid=True)
    return out


def chart_id(at, key: str) -> str:
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(f"-{key}"):
            return el.proto.id
    raise KeyError(key)


def select_points(at, key: str, ids: list[str]):
    """Simulate clicking points of a chart whose points carry the id in ``customdata[0]``.

    AppTest 1.67 has no public way to select chart points (a plotly chart is an ``UnknownElement`` without
    ``set_value``, and ``st.plotly_chart`` with ``on_select`` forbids ``session_state`` writes), so the one
    private use in these tests stays here: the page's widget states plus the selection JSON the browser sends.
    """
    # Private AppTest API, see the docstring: the current widget states, to which the click is added.
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = chart_id(at, key)
    points = [{"customdata": [i], "point_index": n, "curve_number": 0} for n, i in enumerate(ids)]
    state.string_value = json.dumps({"selection": {"points": points, "point_indices": list(range(len(ids))),
                                                   "box": [], "lasso": []}})
    return at._run(states)  # private: the only AppTest entry that reruns with given widget states


def trace(fig: go.Figure, name: str):
    return next(tr for tr in fig.data if tr.name == name)


def tables(at) -> list:
    return [d.value for d in at.dataframe]


def table_with(at, *headers):
    """The first table having all ``headers``."""
    for df in tables(at):
        if all(h in df.columns for h in headers):
            return df
    raise KeyError(f"no table with {headers}: {[list(df.columns) for df in tables(at)]}")


@pytest.fixture(scope="session")
def demo():
    return load_path("data/demo.xlsx").data


@pytest.fixture(scope="session")
def plan_rows(demo):
    r = demo.responses
    return r[r["consultation"].astype(str) == PLAN].assign(
        proposal_id=lambda d: d["proposal_id"].astype(str), respondent=lambda d: d["respondent"].astype(str),
        respondent_type=lambda d: d["respondent_type"].astype(str), stance=lambda d: d["stance"].astype(str),
        topic=lambda d: d["topic"].astype(str), addressee=lambda d: d["addressee"].astype(str))


@pytest.fixture
def ui():
    return SimpleNamespace(open=open_page, figures=figures, select=select_points, trace=trace, tables=tables,
                           table_with=table_with, PLAN=PLAN, NBSP=NBSP)
