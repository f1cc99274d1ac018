"""Diverging stacked bars of stances: agree and partly to the right, disagree to the left.

"No position" is not an opinion for or against, so it gets a small panel of
its own to the far right instead of sitting on either side of zero.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from copy import deepcopy

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.figcache import cached_figure
from charts.palette import STANCE_COLOURS, text_colour_on
from charts.theme import Figure, add_traces, apply_theme, bar_height, percent_ticks, safe, set_props, short_labels
from i18n.strings import stance_label, t, type_label
from i18n.textfmt import int_texts, pct_texts

#: Stances drawn in the main (diverging) panel, in legend order; sign of the bar.
MAIN = (("agree", 1), ("partly", 1), ("disagree", -1))
SIDE = "no_position"
#: Hatching so "partly" and "no position" differ from their neighbours without colour.
PATTERNS = {"agree": "", "partly": "/", "disagree": "", "no_position": "."}
#: Smallest share that gets a text label inside its segment.
MIN_LABEL = 0.08


def _pattern(stance: str) -> dict:
    return {"shape": PATTERNS[stance], "fgcolor": "white", "solidity": 0.15, "fillmode": "overlay"}


def _ceil_step(x: float, step: float = 0.25) -> float:
    if not np.isfinite(x) or x <= 0:
        return step
    return min(1.0, math.ceil(round(x / step, 6)) * step)


def _labels(frame: pd.DataFrame, label_col: str, lang: str) -> list[str]:
    if label_col == "respondent_type":
        return [type_label(v, lang) for v in frame[label_col].astype("str")]
    return [str(v) for v in frame[label_col].tolist()]


def _customdata(ids, full, counts, n, share_text) -> np.ndarray:
    """``[id, label, count, n, share text]`` per bar, as an object array (ints stay ints)."""
    out = np.empty((len(full), 5), dtype=object)
    if len(full):
        out[:, 0] = ids
        out[:, 1] = full
        out[:, 2] = [int(c) for c in np.asarray(counts).tolist()]
        out[:, 3] = [int(m) for m in np.asarray(n).tolist()]
        out[:, 4] = share_text
    return out


def _share_texts(share: np.ndarray, lang: str) -> tuple[list[str], np.ndarray]:
    """(hover text per bar: the share or "–", in-bar label: the share when at least :data:`MIN_LABEL`)."""
    texts = pct_texts(share, lang)
    hover = [x if ok else "–" for x, ok in zip(texts, (~np.isnan(share)).tolist())]
    shown = np.nan_to_num(share) >= MIN_LABEL
    inside = np.array(pct_texts(np.nan_to_num(share), lang), dtype=object)
    inside[~shown] = ""
    return hover, inside


@cached_figure
def stance_bars(frame: pd.DataFrame, lang: str, *, label_col: str, title: str, description: str,
                id_col: str | None = None, labels: Sequence[str] | None = None, show_n: bool = False) -> go.Figure:
    """One diverging bar per row of ``frame``, top to bottom in the frame's order.

    ``frame``: :func:`analysis.shares.stance_breakdown` output (columns
    ``agree, partly, disagree, no_position, n`` and ``<stance>_share``).
    Bar lengths are the shares (disagree drawn negative); every point's
    ``customdata`` is ``[id, label, count, n, share text]`` where ``id`` is the
    row's ``id_col`` value (e.g. the proposal id, for click-through) or its
    label. ``labels`` overrides the row labels (defaults to ``label_col``,
    respondent types translated); ``show_n`` appends ``(n=…)`` to each row label.

    Built from arrays (one pass per column, numbers formatted in bulk), so a
    few thousand bars cost milliseconds.
    """
    full = list(labels) if labels is not None else _labels(frame, label_col, lang)
    if show_n:
        full = [f"{lab} (n={k})" for lab, k in zip(full, int_texts(frame["n"].to_numpy(), lang))]
    axis = np.array(short_labels(full), dtype=object)
    full = np.array([safe(x) for x in full], dtype=object)
    ids = np.array([str(v) for v in frame[id_col].tolist()], dtype=object) if id_col else full
    n = frame["n"].to_numpy()
    fig = _two_panels()
    hover = ("%{customdata[1]}<br>%{fullData.name}: %{customdata[4]} "
             + t("chart.of_n", lang) + "<extra></extra>")
    traces = []
    for stance, sign in MAIN:
        share = frame[f"{stance}_share"].to_numpy(dtype=float)
        share_hover, inside = _share_texts(share, lang)
        traces.append((go.Bar, dict(
            y=axis, x=sign * share, orientation="h", name=stance_label(stance, lang),
            marker={"color": STANCE_COLOURS[stance], "line": {"width": 0},
                    "pattern": _pattern(stance)},
            text=inside,
            textposition="inside", insidetextanchor="middle", cliponaxis=False, textangle=0,
            textfont={"color": text_colour_on(STANCE_COLOURS[stance])},
            customdata=_customdata(ids, full, frame[stance].to_numpy(), n, share_hover), hovertemplate=hover,
            legendrank=[s for s, _ in MAIN].index(stance), xaxis="x", yaxis="y",
        )))
    side = frame[f"{SIDE}_share"].to_numpy(dtype=float)
    side_hover, side_inside = _share_texts(side, lang)
    traces.append((go.Bar, dict(
        y=axis, x=side, orientation="h", name=stance_label(SIDE, lang),
        marker={"color": STANCE_COLOURS[SIDE], "line": {"width": 0},
                "pattern": _pattern(SIDE)},
        text=side_inside,
        textposition="inside", insidetextanchor="middle", textangle=0,
        textfont={"color": text_colour_on(STANCE_COLOURS[SIDE])},
        customdata=_customdata(ids, full, frame[SIDE].to_numpy(), n, side_hover),
        hovertemplate=hover, legendrank=3, xaxis="x2", yaxis="y2",
    )))
    add_traces(fig, traces)
    left = _ceil_step(float(np.nanmax(frame["disagree_share"].to_numpy(dtype=float), initial=0.0)))
    right_side = _ceil_step(float(np.nanmax(side, initial=0.0)))
    fig.layout.barmode, fig.layout.bargap = "relative", 0.25
    # The main panel's x axis (row 1, col 1), the side panel's (col 2), and both y axes.
    set_props(fig.layout.xaxis, **percent_ticks(lang, -left, 1.0, 0.25, absolute=True),
              zeroline=True, zerolinewidth=2, zerolinecolor="#333333", title={"text": t("chart.stances.axis", lang)})
    set_props(fig.layout.xaxis2, **percent_ticks(lang, 0.0, right_side, right_side / 2),
              title={"text": stance_label(SIDE, lang)})
    for yaxis in fig.select_yaxes():
        set_props(yaxis, autorange="reversed", categoryorder="array", categoryarray=axis, type="category")
    return apply_theme(fig, lang, title=title, description=description, height=bar_height(len(frame)))


_PANELS: dict = {}


def _two_panels() -> go.Figure:
    """The main panel and the narrow "no position" panel, sharing the rows.

    ``make_subplots`` works out the same axes every time; its layout is
    kept and reused (a new figure per call).
    """
    if "layout" not in _PANELS:
        fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.82, 0.18],
                            horizontal_spacing=0.06, figure=Figure())
        layout = fig.layout.to_plotly_json()
        layout.pop("template", None)  # a new figure gets the default template by itself
        _PANELS["layout"] = layout
        _PANELS["grid"] = fig._grid_ref  # noqa: SLF001 - row/col addressing for update_xaxes(row=, col=)
    fig = Figure(layout=deepcopy(_PANELS["layout"]))
    fig._grid_ref = _PANELS["grid"]  # noqa: SLF001
    return fig


def trace_shares(fig: go.Figure) -> dict[str, list[float]]:
    """The share each bar shows per stance (disagree made positive), by trace name; for tests and exports."""
    return {tr.name: [abs(x) if x is not None else float("nan") for x in tr.x] for tr in fig.data}


__all__ = ["stance_bars", "trace_shares"]
