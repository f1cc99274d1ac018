"""Who replied: invited respondents per type, split into replied and not replied."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.figcache import cached_figure
from charts.palette import text_colour_on
from charts.theme import Figure, add_traces, apply_theme, bar_height, safe, set_props
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t, type_label

#: Neutral colours (not stance colours: replying is not agreeing); also told apart by the hatching.
REPLIED = "#3B3B58"
NOT_REPLIED = "#FFFFFF"
NOT_REPLIED_LINE = "#3B3B58"


@cached_figure
def coverage_bars(frame: pd.DataFrame, lang: str, *, title: str, description: str) -> go.Figure:
    """Stacked bars per respondent type: replied (solid) and not replied (hatched outline).

    ``frame``: :func:`analysis.coverage.coverage_by_type` (``respondent_type,
    invited, replied, not_replied, reply_rate``), one bar per row, top to
    bottom. ``x`` are counts; ``customdata`` is ``[type, count, invited,
    reply rate text]``.
    """
    types = [safe(type_label(v, lang)) for v in frame["respondent_type"].astype("str")]
    invited = frame["invited"].to_numpy()
    rate = [fmt_pct(r, lang) if pd.notna(r) else "–" for r in frame["reply_rate"]]
    fig = Figure()
    traces = []
    for col, colour, pattern in (("replied", REPLIED, ""), ("not_replied", NOT_REPLIED, "/")):
        counts = frame[col].to_numpy()
        traces.append((go.Bar, dict(
            y=types, x=counts, orientation="h", name=t(f"col.{col}", lang),
            marker={"color": colour, "line": {"color": NOT_REPLIED_LINE, "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": NOT_REPLIED_LINE, "solidity": 0.15,
                                "fillmode": "overlay"}},
            text=[fmt_int(c, lang) if c else "" for c in counts], textposition="inside",
            insidetextanchor="middle", textangle=0, textfont={"color": text_colour_on(colour)},
            customdata=[[ty, int(c), int(n), r] for ty, c, n, r in zip(types, counts, invited, rate)],
            hovertemplate="%{customdata[0]}: %{fullData.name} %{customdata[1]} "
                          + t("chart.coverage.hover", lang) + "<extra></extra>",
        )))
    add_traces(fig, traces)
    fig.layout.barmode, fig.layout.bargap = "stack", 0.3
    set_props(fig.layout.yaxis, autorange="reversed", type="category")
    set_props(fig.layout.xaxis, title={"text": t("chart.coverage.axis", lang)}, rangemode="tozero")
    return apply_theme(fig, lang, title=title, description=description, height=bar_height(len(frame)))
