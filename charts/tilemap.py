"""Tile-grid map of the 21 regions: one square each, in its rough place, coloured by the share that agrees.

No geodata: the positions are :data:`analysis.regionmap.TILE_POSITIONS`.
Each tile is labelled with its text (name, share, n), regions without a reply
in the selection are grey tiles that say so, and the figure's description
lists every region's figure, so the map has a full text alternative.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.figcache import cached_figure
from charts.heatmaps import SHARE_SCALE
from charts.theme import Figure, add_traces, apply_theme, safe, set_props
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t

NO_REPLY_COLOUR = "#D9D9D9"
TILE_PX = 92


def _tile_text(row, lang: str) -> str:
    name = "<br>".join(safe(w) for w in str(row.short).split(" ", 1))
    if not row.n:
        return f"{name}<br>{t('register.map.no_reply', lang)}"
    small = f"<br>{t('contrast.small_n', lang)}" if row.small_n else ""
    return f"{name}<br><b>{fmt_pct(row.share, lang)}</b><br>n={fmt_int(row.n, lang)}{small}"


def map_title(frame: pd.DataFrame, lang: str) -> str:
    """The sentence title: where agreement is highest and lowest."""
    answered = frame[frame["n"] > 0]
    if answered.empty:
        return t("register.map.title_none", lang)
    hi = answered.sort_values(["share", "n"], ascending=[False, False]).iloc[0]
    lo = answered.sort_values(["share", "n"], ascending=[True, False]).iloc[0]
    return t("register.map.title", lang, high=hi["short"], high_share=fmt_pct(hi["share"], lang),
             low=lo["short"], low_share=fmt_pct(lo["share"], lang))


def map_description(frame: pd.DataFrame, lang: str) -> str:
    """The text alternative: every region's share and n, north to south, and who did not reply."""
    answered = frame[frame["n"] > 0]
    parts = [f"{r.short} {fmt_pct(r.share, lang)} (n={fmt_int(r.n, lang)})" for r in answered.itertuples()]
    missing = frame.loc[frame["n"] == 0, "short"].tolist()
    text = t("register.map.description", lang, n=len(answered), list="; ".join(parts) or "–")
    if missing:
        text += " " + t("register.map.description_missing", lang, list=", ".join(missing))
    return text


@cached_figure
def region_tiles(frame: pd.DataFrame, lang: str, *, title: str, description: str) -> go.Figure:
    """The map from :func:`analysis.regionmap.region_shares`; each tile's ``customdata`` is [region, k, n]."""
    n_cols, n_rows = int(frame["col"].max()) + 1, int(frame["row"].max()) + 1
    z = np.full((n_rows, n_cols), np.nan)
    grey = np.full((n_rows, n_cols), np.nan)
    text = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    custom = [[["", 0, 0] for _ in range(n_cols)] for _ in range(n_rows)]
    for r in frame.itertuples():
        if r.n:
            z[r.row, r.col] = r.share
        else:
            grey[r.row, r.col] = 0.0
        text[r.row][r.col] = _tile_text(r, lang)
        custom[r.row][r.col] = [safe(r.region), int(r.agree), int(r.n)]
    common = dict(x=list(range(n_cols)), y=list(range(n_rows)), text=text, texttemplate="%{text}",
                  customdata=custom, xgap=4, ygap=4, hoverongaps=False, textfont={"size": 12})
    add_traces(fig := Figure(), [
        (go.Heatmap, dict(z=grey, colorscale=[[0, NO_REPLY_COLOUR], [1, NO_REPLY_COLOUR]], showscale=False,
                          hovertemplate="%{customdata[0]}<br>" + t("register.map.no_reply", lang) + "<extra></extra>",
                          **common)),
        (go.Heatmap, dict(z=z, colorscale=SHARE_SCALE, zmin=0, zmax=1,
                          hovertemplate="%{customdata[0]}<br>" + t("register.map.hover", lang) + "<extra></extra>",
                          colorbar={"title": {"text": t("col.share", lang)}, "tickmode": "array",
                                    "tickvals": [0, 0.5, 1], "ticktext": [fmt_pct(v, lang) for v in (0, 0.5, 1)]},
                          **common)),
    ])
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        set_props(axis, visible=False, showgrid=False, zeroline=False)
    set_props(fig.layout.yaxis, autorange="reversed", scaleanchor="x", scaleratio=1)
    apply_theme(fig, lang, title=title, description=description, height=60 + TILE_PX * n_rows, legend=False)
    set_props(fig.layout, width=120 + TILE_PX * n_cols)
    return fig
