"""Diverging stacked bars of stances: agree and partly to the right, disagree to the left.

"No position" is not an opinion for or against, so it gets a small panel of
its own to the far right instead of sitting on either side of zero.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.palette import STANCE_COLOURS, text_colour_on
from charts.theme import apply_theme, bar_height, percent_ticks, safe, short_labels
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import stance_label, t, type_label

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
    return [str(v) for v in frame[label_col]]


def _customdata(ids, full, counts, n, shares, lang) -> list[list]:
    return [[i, f, int(c), int(m), fmt_pct(s, lang) if pd.notna(s) else "–"]
            for i, f, c, m, s in zip(ids, full, counts, n, shares)]


def stance_bars(frame: pd.DataFrame, lang: str, *, label_col: str, title: str, description: str,
                id_col: str | None = None, labels: Sequence[str] | None = None, show_n: bool = False) -> go.Figure:
    """One diverging bar per row of ``frame``, top to bottom in the frame's order.

    ``frame``: :func:`analysis.dashboard.stance_breakdown` output (columns
    ``agree, partly, disagree, no_position, n`` and ``<stance>_share``).
    Bar lengths are the shares (disagree drawn negative); every point's
    ``customdata`` is ``[id, label, count, n, share text]`` where ``id`` is the
    row's ``id_col`` value (e.g. the proposal id, for click-through) or its
    label. ``labels`` overrides the row labels (defaults to ``label_col``,
    respondent types translated); ``show_n`` appends ``(n=…)`` to each row label.
    """
    full = list(labels) if labels is not None else _labels(frame, label_col, lang)
    if show_n:
        full = [f"{lab} (n={fmt_int(k, lang)})" for lab, k in zip(full, frame["n"])]
    axis = short_labels(full)
    full = [safe(x) for x in full]
    ids = [str(v) for v in frame[id_col]] if id_col else full
    n = frame["n"].to_numpy()
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.82, 0.18], horizontal_spacing=0.06)
    hover = ("%{customdata[1]}<br>%{fullData.name}: %{customdata[4]} "
             + t("chart.of_n", lang) + "<extra></extra>")
    for stance, sign in MAIN:
        share = frame[f"{stance}_share"].to_numpy(dtype=float)
        fig.add_trace(go.Bar(
            y=axis, x=sign * share, orientation="h", name=stance_label(stance, lang),
            marker={"color": STANCE_COLOURS[stance], "line": {"width": 0},
                    "pattern": _pattern(stance)},
            text=[fmt_pct(s, lang) if s >= MIN_LABEL else "" for s in np.nan_to_num(share)],
            textposition="inside", insidetextanchor="middle", cliponaxis=False, textangle=0,
            textfont={"color": text_colour_on(STANCE_COLOURS[stance])},
            customdata=_customdata(ids, full, frame[stance], n, share, lang), hovertemplate=hover,
            legendrank=[s for s, _ in MAIN].index(stance),
        ), row=1, col=1)
    side = frame[f"{SIDE}_share"].to_numpy(dtype=float)
    fig.add_trace(go.Bar(
        y=axis, x=side, orientation="h", name=stance_label(SIDE, lang),
        marker={"color": STANCE_COLOURS[SIDE], "line": {"width": 0},
                "pattern": _pattern(SIDE)},
        text=[fmt_pct(s, lang) if s >= MIN_LABEL else "" for s in np.nan_to_num(side)],
        textposition="inside", insidetextanchor="middle", textangle=0,
        textfont={"color": text_colour_on(STANCE_COLOURS[SIDE])},
        customdata=_customdata(ids, full, frame[SIDE], n, side, lang),
        hovertemplate=hover, legendrank=3,
    ), row=1, col=2)
    left = _ceil_step(float(np.nanmax(frame["disagree_share"].to_numpy(dtype=float), initial=0.0)))
    right_side = _ceil_step(float(np.nanmax(side, initial=0.0)))
    fig.update_layout(barmode="relative", bargap=0.25)
    fig.update_xaxes(**percent_ticks(lang, -left, 1.0, 0.25, absolute=True), row=1, col=1,
                     zeroline=True, zerolinewidth=2, zerolinecolor="#333333",
                     title={"text": t("chart.stances.axis", lang)})
    fig.update_xaxes(**percent_ticks(lang, 0.0, right_side, right_side / 2), row=1, col=2,
                     title={"text": stance_label(SIDE, lang)})
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=axis, type="category")
    return apply_theme(fig, lang, title=title, description=description, height=bar_height(len(frame)))


def trace_shares(fig: go.Figure) -> dict[str, list[float]]:
    """The share each bar shows per stance (disagree made positive), by trace name; for tests and exports."""
    return {tr.name: [abs(x) if x is not None else float("nan") for x in tr.x] for tr in fig.data}


__all__ = ["stance_bars", "trace_shares"]
