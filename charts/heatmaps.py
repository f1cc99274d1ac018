"""Heatmaps: agreement per topic × respondent type, and the respondent × proposal stance grid."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.palette import STANCE_COLOURS
from charts.theme import Figure, add_traces, apply_theme, safe, set_props, short_labels
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import stance_label, t, type_label

#: Sequential scale for shares, from near white to the "agree" blue (colour-blind safe, monotone lightness).
SHARE_SCALE = [[0.0, "#F7FBFF"], [0.5, "#6BAED6"], [1.0, STANCE_COLOURS["agree"]]]

#: Stance grid: order of the codes (z values 0..4) and the symbol written in each cell.
MATRIX_CODES = ("agree", "partly", "disagree", "no_position", "not_addressed")
SYMBOLS = {"agree": "+", "partly": "±", "disagree": "−", "no_position": "0", "not_addressed": ""}


def _label(col: str, value, lang: str) -> str:
    return safe(type_label(value, lang) if col == "respondent_type" else value)


def share_cell_text(share: float, n: int, lang: str, small: bool = False) -> str:
    """``"63 %<br>n=41"``: the share and the number behind it, for a heatmap cell;
    small cells add a line "litet underlag"."""
    text = f"{fmt_pct(share, lang)}<br>n={fmt_int(n, lang)}"
    return f"{text}<br>{t('contrast.small_n', lang)}" if small else text


def share_heatmap(frame: pd.DataFrame, lang: str, *, row_col: str, col_col: str, title: str, description: str,
                  value_col: str = "share", n_col: str = "n", count_col: str = "numerator") -> go.Figure:
    """Cells coloured by ``value_col`` (a share) with the share and n written in each cell.

    ``frame`` is tidy: one row per (row_col, col_col) cell, e.g.
    :func:`analysis.shares.topic_type_shares`. Rows and columns keep the
    frame's order of first appearance. Missing cells stay blank. Each cell's
    ``customdata`` is ``[row, column, count, n]``. Cells flagged in a
    ``small_n`` column say "litet underlag" in words.
    """
    small = frame["small_n"].astype(bool).tolist() if "small_n" in frame.columns else [False] * len(frame)
    rows = list(dict.fromkeys(frame[row_col].astype("str")))
    cols = list(dict.fromkeys(frame[col_col].astype("str")))
    r_at = {v: i for i, v in enumerate(rows)}
    c_at = {v: j for j, v in enumerate(cols)}
    z = np.full((len(rows), len(cols)), np.nan)
    text = [["" for _ in cols] for _ in rows]
    custom = [[[safe(r), _label(col_col, c, lang), 0, 0] for c in cols] for r in rows]
    for r, c, share, k, n, flag in zip(frame[row_col].astype("str"), frame[col_col].astype("str"),
                                       frame[value_col], frame[count_col], frame[n_col], small):
        i, j = r_at[r], c_at[c]
        z[i, j] = share
        text[i][j] = share_cell_text(share, n, lang, flag) if pd.notna(share) else ""
        custom[i][j][2:] = [int(k), int(n)]
    x = [_label(col_col, c, lang) for c in cols]
    fig = Figure()
    add_traces(fig, [(go.Heatmap, dict(
        z=z, x=x, y=short_labels(rows, 45), text=text, texttemplate="%{text}", customdata=custom,
        colorscale=SHARE_SCALE, zmin=0, zmax=1, xgap=2, ygap=2, hoverongaps=False, textfont={"size": 13},
        hovertemplate="%{customdata[0]} · %{customdata[1]}<br>%{text}<br>"
                      + t("chart.heatmap.hover", lang) + "<extra></extra>",
        colorbar={"title": {"text": t("col.share", lang)}, "tickmode": "array",
                  "tickvals": [0, 0.25, 0.5, 0.75, 1], "ticktext": [fmt_pct(v, lang) for v in (0, 0.25, 0.5, 0.75, 1)]},
    ))])
    set_props(fig.layout.yaxis, autorange="reversed", type="category")
    set_props(fig.layout.xaxis, side="top", type="category")
    return apply_theme(fig, lang, title=title, description=description, height=160 + 72 * max(len(rows), 1),
                       legend=False)


def _discrete_scale(codes: Sequence[str]) -> list:
    scale = []
    k = len(codes)
    for i, code in enumerate(codes):
        scale += [[i / k, STANCE_COLOURS[code]], [(i + 1) / k, STANCE_COLOURS[code]]]
    return scale


def stance_grid(table: pd.DataFrame, lang: str, *, proposal_cols: Sequence[str], title: str,
                description: str) -> go.Figure:
    """Respondent × proposal grid: one cell per answer, coloured and marked with a symbol.

    ``table``: :func:`analysis.profiles.matrix_table` (``respondent,
    respondent_type`` and one stance-code column per proposal). The z value is
    the index of the code in :data:`MATRIX_CODES`; the cell text a symbol
    (+, ±, −, 0; blank for not addressed), so the grid reads without colour.
    Rows in the table's order, top to bottom.

    Built from arrays: each distinct code is looked up once and the cells
    take their z, symbol and label by index (a page of the grid is
    thousands of cells).
    """
    proposal_cols = [str(c) for c in proposal_cols]
    code_at = {c: i for i, c in enumerate(MATRIX_CODES)}
    values = table[proposal_cols].astype("str").to_numpy(dtype=object) if proposal_cols \
        else np.empty((len(table), 0), dtype=object)
    shape = values.shape
    codes, uniques = pd.factorize(values.reshape(-1), use_na_sentinel=False)
    uniques = [str(u) for u in uniques]
    z_of = np.array([float(code_at.get(u, code_at["not_addressed"])) for u in uniques] + [np.nan])
    symbol_of = np.array([SYMBOLS.get(u, "") for u in uniques] + [""], dtype=object)
    label_of = np.array([stance_label(u if u in code_at else "not_addressed", lang) for u in uniques] + [""],
                        dtype=object)
    z = z_of[codes].reshape(shape) if values.size else np.empty(shape)
    text = symbol_of[codes].reshape(shape) if values.size else np.empty(shape, dtype=object)
    names = np.array([safe(v) for v in table["respondent"].astype("str").tolist()], dtype=object)
    types = np.array([safe(type_label(v, lang)) for v in table["respondent_type"].astype("str").tolist()],
                     dtype=object)
    custom = np.empty(shape + (4,), dtype=object)
    if values.size:
        custom[:, :, 0] = names[:, None]
        custom[:, :, 1] = types[:, None]
        custom[:, :, 2] = np.array(proposal_cols, dtype=object)[None, :]
        custom[:, :, 3] = label_of[codes].reshape(shape)
    k = len(MATRIX_CODES)
    fig = Figure()
    add_traces(fig, [(go.Heatmap, dict(
        z=z, x=np.array([safe(p) for p in proposal_cols], dtype=object), y=np.arange(len(names)), text=text,
        texttemplate="%{text}", customdata=custom, colorscale=_discrete_scale(MATRIX_CODES), zmin=-0.5,
        zmax=k - 0.5, xgap=1, ygap=1, textfont={"size": 12},
        hovertemplate="%{customdata[0]} (%{customdata[1]})<br>%{customdata[2]}: %{customdata[3]}<extra></extra>",
        colorbar={"tickmode": "array", "tickvals": list(range(k)),
                  "ticktext": [f"{SYMBOLS[c] or '□'} {stance_label(c, lang)}" for c in MATRIX_CODES],
                  "title": {"text": ""}, "lenmode": "pixels", "len": 170, "y": 1, "yanchor": "top",
                  "thickness": 16},
    ))])
    set_props(fig.layout.yaxis, autorange="reversed", tickmode="array", tickvals=list(range(len(names))),
              ticktext=[f"{n} ({ty})" for n, ty in zip(names.tolist(), types.tolist())], showgrid=False)
    set_props(fig.layout.xaxis, side="top", type="category", showgrid=False, tickangle=-45)
    return apply_theme(fig, lang, title=title, description=description, height=180 + 18 * max(len(names), 1),
                       legend=False)


__all__ = ["MATRIX_CODES", "SHARE_SCALE", "SYMBOLS", "share_cell_text", "share_heatmap", "stance_grid"]
