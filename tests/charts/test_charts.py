"""Every chart shows exactly the numbers of the table it is built from."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import contrast, profiles, shares, weighting
from analysis.coverage import coverage_by_type
from analysis.profiles import stance_matrix
from charts import titles
from charts.contrast import OFFSET, dumbbell
from charts.coverage import coverage_bars
from charts.heatmaps import MATRIX_CODES, SYMBOLS, share_heatmap, stance_grid
from charts.palette import STANCE_COLOURS
from charts.stances import stance_bars, trace_shares
from loaders.model import CodedData
from loaders.schema import STANCES

LANGS = ["sv", "en"]


def same(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    assert a.shape == b.shape
    np.testing.assert_allclose(np.nan_to_num(a, nan=-9), np.nan_to_num(b, nan=-9), rtol=0, atol=1e-12)


def by_name(fig: go.Figure, name: str):
    return next(tr for tr in fig.data if tr.name == name)


@pytest.mark.parametrize("lang", LANGS)
def test_stance_bars_equal_table(plan, lang):
    table = shares.proposal_breakdown(plan)
    fig = stance_bars(table, lang, label_col="label", id_col="proposal_id", title="T", description="D")
    names = {"sv": ["Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Ingen synpunkt"],
             "en": ["Agree", "Partly agree", "Disagree", "No position"]}[lang]
    assert [tr.name for tr in fig.data] == names
    traced = trace_shares(fig)
    for stance, name in zip(STANCES, names):
        same(traced[name], table[f"{stance}_share"])
        trace = by_name(fig, name)
        custom = np.array(trace.customdata, dtype=object)
        assert list(custom[:, 0]) == list(table["proposal_id"])  # the id a click carries
        same(custom[:, 2].astype(float), table[stance])
        same(custom[:, 3].astype(float), table["n"])
        assert trace.marker.color == STANCE_COLOURS[stance]
    # Disagree to the left of zero, the others to the right; no position on its own axis.
    assert all(x <= 0 for x in by_name(fig, names[2]).x)
    assert all(x >= 0 for x in by_name(fig, names[0]).x)
    assert by_name(fig, names[3]).xaxis == "x2" and by_name(fig, names[0]).xaxis == "x"
    # Rows top to bottom in the table's order (sorted by agreement).
    assert list(fig.layout.yaxis.categoryarray) == list(by_name(fig, names[0]).y)
    assert fig.layout.yaxis.autorange == "reversed"
    assert table["agree_share"].is_monotonic_decreasing
    assert fig.layout.meta["title"] == "T" and fig.layout.meta["description"] == "D"
    assert fig.layout.separators == (", " if lang == "sv" else ".,")


def test_stance_bars_percent_ticks_swedish(plan):
    table = shares.proposal_breakdown(plan)
    fig = stance_bars(table, "sv", label_col="label", title="T", description="D")
    assert "50\xa0%" in fig.layout.xaxis.ticktext
    assert "25\xa0%" in fig.layout.xaxis.ticktext  # the left side reads as a positive share
    assert min(fig.layout.xaxis.tickvals) < 0


def test_stance_bars_show_n_and_escape():
    frame = pd.DataFrame({"topic": ["<b>A</b>", "B & C"], "agree": [1, 0], "partly": [0, 0], "disagree": [1, 0],
                          "no_position": [0, 0], "n": [2, 0]})
    for s in STANCES:
        frame[f"{s}_share"] = np.where(frame["n"] > 0, frame[s] / frame["n"].where(frame["n"] > 0, 1), np.nan)
    fig = stance_bars(frame, "sv", label_col="topic", show_n=True, title="T", description="D")
    assert list(fig.data[0].y) == ["&lt;b&gt;A&lt;/b&gt; (n=2)", "B &amp; C (n=0)"]
    assert math.isnan(fig.data[0].x[1])


@pytest.mark.parametrize("lang", LANGS)
def test_share_heatmap_equals_table(plan, lang):
    table = shares.topic_type_shares(plan)
    fig = share_heatmap(table, lang, row_col="topic", col_col="respondent_type", title="T", description="D")
    hm = fig.data[0]
    rows = list(dict.fromkeys(table["topic"]))
    cols = list(dict.fromkeys(table["respondent_type"].astype(str)))
    z = np.array(hm.z, dtype=float)
    cells = table[["topic", "respondent_type", "share", "numerator", "n", "small_n"]]
    for r, c, share, k, n, small in cells.itertuples(index=False):
        i, j = rows.index(r), cols.index(str(c))
        assert z[i, j] == pytest.approx(share)
        assert hm.customdata[i][j][2:] == [k, n]
        pct = round(100 * share)
        sep = "\xa0%" if lang == "sv" else "%"
        assert hm.text[i][j].startswith(f"{pct}{sep}<br>n={n}")
        assert hm.text[i][j].endswith(("litet underlag", "few answers")) == bool(small)
    # Cells nobody answered stay blank, not 0 %.
    assert np.isnan(z).sum() == len(rows) * len(cols) - len(table)


def test_stance_grid_equals_table(plan):
    table = profiles.matrix_table(stance_matrix(plan, "type"))
    props = [c for c in table.columns if c not in ("respondent", "respondent_type")]
    fig = stance_grid(table, "sv", proposal_cols=props, title="T", description="D")
    hm = fig.data[0]
    z = np.array(hm.z, dtype=float)
    codes = table[props].to_numpy()
    assert z.shape == codes.shape
    for code, value in zip(MATRIX_CODES, range(len(MATRIX_CODES))):
        assert ((codes == code) == (z == value)).all()
        assert (np.array(hm.text) == SYMBOLS[code])[codes == code].all()
    assert list(fig.layout.yaxis.ticktext)[0].startswith(table["respondent"].iloc[0])
    # Colours come from the shared palette, in code order.
    assert [c for _, c in hm.colorscale[::2]] == [STANCE_COLOURS[c] for c in MATRIX_CODES]


def test_coverage_bars_equal_table(plan):
    table = coverage_by_type(plan)
    fig = coverage_bars(table, "sv", title="T", description="D")
    same(fig.data[0].x, table["replied"])
    same(fig.data[1].x, table["not_replied"])
    assert [row[2] for row in fig.data[0].customdata] == list(table["invited"])


@pytest.mark.parametrize("by", ["proposal_id", "topic", "addressee"])
def test_dumbbell_equals_table(plan, by):
    table = contrast.contrast_table(plan, "Region", "Kommun", by=by, sort="difference")
    fig = dumbbell(table, "sv", a_name="Region", b_name="Kommun", id_col="proposal_id" if by == "proposal_id" else None,
                   title="T", description="D")
    line, a, b = fig.data
    for g, trace, shift in (("a", a, -OFFSET), ("b", b, OFFSET)):
        same(trace.x, table[f"{g}_share"])
        same(np.asarray(trace.y) - shift, range(len(table)))
        same(np.asarray(trace.error_x.array), table[f"{g}_high"] - table[f"{g}_share"])
        same(np.asarray(trace.error_x.arrayminus), table[f"{g}_share"] - table[f"{g}_low"])
        same([row[2] for row in trace.customdata], table[f"{g}_total"])
    ticks = list(fig.layout.yaxis.ticktext)
    assert len(ticks) == len(table)
    for tick, small in zip(ticks, table["small_n"]):
        assert tick.endswith("litet underlag") == bool(small)
    if by == "proposal_id":
        assert [row[0] for row in a.customdata] == list(table["proposal_id"])
    if by == "addressee":
        assert table["small_n"].any()  # Lärosäte and Övrig answered few proposals aimed at kommuner


def test_weighted_dumbbell_equals_table(plan):
    table = weighting.weighted_pair(plan)
    assert len(table) == 25
    fig = dumbbell(table, "en", a_name="Region", b_name="Municipality", intervals=False, n_cols=("a_n", "b_n"),
                   small_col=None, title="T", description="D")
    same(fig.data[1].x, table["a_share"])
    same(fig.data[2].x, table["b_share"])
    assert fig.data[1].error_x.array is None


def test_titles_state_the_finding(plan):
    table = shares.proposal_breakdown(plan)
    r = plan.responses
    per = r.groupby("proposal_id", observed=True)["stance"].agg(lambda s: (s == "agree").mean())
    k = int((per > 0.5).sum())
    assert titles.proposals_title(table, "sv") == f"{k} av 25 förslag tillstyrks av en majoritet av dem som yttrat sig"
    top = per.idxmax()
    assert f"Högst: förslag {top}" in titles.proposals_description(table, "sv")
    pair = contrast.contrast_table(plan)
    assert titles.contrast_title(pair, "sv", "Region", "Kommun", "proposal_id") == \
        f"Regioner tillstyrker oftare än kommuner i {int((pair['difference'] > 0).sum())} av 25 förslag"
    english = titles.contrast_title(pair, "en", "Region", "Kommun", "proposal_id")
    assert english.startswith("Regions agree more often")


def test_titles_of_empty_frames():
    empty = shares.stance_breakdown(CodedData(), ["proposal_id"])
    assert titles.proposals_description(empty, "sv") == "Inga svar att visa i urvalet."
    no_topics = empty.rename(columns={"proposal_id": "topic"})
    assert titles.topics_title(no_topics, "en") == "No answers to show in the selection."
