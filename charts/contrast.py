"""Dumbbell chart: two groups' agreement per row, with 95 % intervals."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.theme import (
    apply_theme,
    bar_height,
    percent_ticks,
    safe,
    set_props,
    short_labels,
)
from i18n.strings import t
from i18n.textfmt import pct_texts

#: Group colours (Okabe–Ito reddish purple and bluish green: not stance colours), plus distinct symbols.
#: Vertical offset of the two groups' markers within a row, so their intervals do not overlap.
OFFSET = 0.17

GROUP_STYLE = {
    "a": {"color": "#CC79A7", "symbol": "circle"},
    "b": {"color": "#009E73", "symbol": "diamond"},
}


def row_labels(frame: pd.DataFrame, lang: str, label_col: str = "label",
               small_col: str | None = "small_n") -> list[str]:
    """Axis labels: the row's label, with "litet underlag" appended for small groups."""
    labels = short_labels(frame[label_col].astype("str"), 55)
    if small_col and small_col in frame.columns:
        note = t("contrast.small_n", lang)
        labels = [f"{lab} · {note}" if flag else lab for lab, flag in zip(labels, frame[small_col].astype(bool))]
    return labels


def dumbbell(frame: pd.DataFrame, lang: str, *, a_name: str, b_name: str, title: str, description: str,
             label_col: str = "label", id_col: str | None = None, intervals: bool = True,
             n_cols: tuple[str, str] = ("a_total", "b_total"), small_col: str | None = "small_n") -> go.Figure:
    """One row per row of ``frame`` (top to bottom): group a's and b's share, joined by a line.

    Row ``i`` sits at ``y = i`` (tick label = the row's label); group a's marker
    at ``i - OFFSET`` and b's at ``i + OFFSET``.

    ``frame``: :func:`analysis.contrast.contrast_table` (``a_share, b_share``
    and, with ``intervals``, ``a_low, a_high, b_low, b_high`` drawn as error
    bars) or :func:`analysis.weighting.weighted_pair` (``intervals=False``,
    ``n_cols=("a_n", "b_n")``, ``small_col=None``). Rows flagged in
    ``small_col`` say "litet underlag" in their label and use open markers.
    Each marker's ``customdata``: ``[id, label, n, share text, interval text]``.
    """
    labels = row_labels(frame, lang, label_col, small_col)
    ids = frame[id_col].astype("str").tolist() if id_col else frame[label_col].astype("str").tolist()
    full = [safe(v) for v in frame[label_col].astype("str")]
    small = frame[small_col].astype(bool).to_numpy() if small_col and small_col in frame.columns \
        else np.zeros(len(frame), dtype=bool)
    a, b = frame["a_share"].to_numpy(dtype=float), frame["b_share"].to_numpy(dtype=float)
    rows = list(range(len(frame)))
    xs, ys = [], []
    for i, x0, x1 in zip(rows, a, b):
        if np.isfinite(x0) and np.isfinite(x1):
            xs += [x0, x1, None]
            ys += [i, i, None]
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#9E9E9E", "width": 2},
                               hoverinfo="skip", showlegend=False, name=""))
    for g, name, share, n_col, shift in (("a", a_name, a, n_cols[0], -OFFSET), ("b", b_name, b, n_cols[1], OFFSET)):
        style = GROUP_STYLE[g]
        error = None
        if intervals:
            low, high = frame[f"{g}_low"].to_numpy(dtype=float), frame[f"{g}_high"].to_numpy(dtype=float)
            error = {"type": "data", "symmetric": False, "array": high - share, "arrayminus": share - low,
                     "color": style["color"], "thickness": 1.5, "width": 3}
            # "low–high" per row ("–" without an interval), the percentages formatted in bulk.
            spans = [f"{lo}–{hi}" if ok else "–" for lo, hi, ok in
                     zip(pct_texts(low, lang), pct_texts(high, lang), (~(np.isnan(low) | np.isnan(high))).tolist())]
        else:
            spans = ["–"] * len(frame)
        symbols = [style["symbol"] + ("-open" if s else "") for s in small]
        shares = [x if ok else "–" for x, ok in zip(pct_texts(share, lang), np.isfinite(share).tolist())]
        fig.add_trace(go.Scatter(
            x=share, y=[i + shift for i in rows], mode="markers", name=safe(name), error_x=error,
            marker={"color": style["color"], "symbol": symbols, "size": 10,
                    "line": {"width": 2, "color": style["color"]}},
            customdata=[[i, f, int(n), sh, sp]
                        for i, f, n, sh, sp in zip(ids, full, frame[n_col].tolist(), shares, spans)],
            hovertemplate="%{customdata[1]}<br>%{fullData.name}: %{customdata[3]} (n=%{customdata[2]})"
                          + ("<br>" + t("chart.contrast.interval", lang) + ": %{customdata[4]}" if intervals else "")
                          + "<extra></extra>",
        ))
    set_props(fig.layout.xaxis, **percent_ticks(lang, 0.0, 1.0, 0.25), title={"text": t("chart.contrast.axis", lang)})
    set_props(fig.layout.yaxis, tickmode="array", tickvals=rows, ticktext=labels, showgrid=True,
              zeroline=False, range=[len(frame) - 0.5, -0.5])
    return apply_theme(fig, lang, title=title, description=description, height=bar_height(len(frame)))
