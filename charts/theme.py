"""The one chart theme: fonts, margins, number separators, accessible metadata.

Every chart function in :mod:`charts` ends with :func:`apply_theme`, so all
figures look alike and carry their sentence title and text alternative in
``layout.meta`` (``{"title": ..., "description": ...}``), where the page, the
exports and the browser tests can read them.
"""
from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from i18n.numbers import fmt_pct

FONT = "Source Sans Pro, Arial, sans-serif"
TEXT_COLOUR = "#262730"
GRID_COLOUR = "#E6E6E6"
#: Pixels per row of a horizontal bar chart, and the fixed overhead.
ROW_HEIGHT = 30
CHROME_HEIGHT = 140
#: Longest axis label before it is cut with an ellipsis (the full text is in the hover and the table).
LABEL_MAX = 60


def separators(lang: str) -> str:
    """Plotly's ``separators`` (decimal, thousands): ``", "`` in Swedish, ``".,"`` in English."""
    return ".," if lang == "en" else ", "


def apply_theme(fig: go.Figure, lang: str, *, title: str, description: str, height: int | None = None,
                legend: bool = True) -> go.Figure:
    """Apply the shared layout and attach the title and text alternative as metadata."""
    fig.update_layout(
        separators=separators(lang),
        font={"family": FONT, "size": 13, "color": TEXT_COLOUR},
        meta={"title": title, "description": description, "lang": lang},
        margin={"l": 10, "r": 20, "t": 30, "b": 40},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font": {"family": FONT}},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0,
                "title": {"text": ""}, "traceorder": "normal"},
    )
    if height is not None:
        fig.update_layout(height=int(height))
    fig.update_xaxes(gridcolor=GRID_COLOUR, zerolinecolor="#9E9E9E", automargin=True)
    fig.update_yaxes(gridcolor=GRID_COLOUR, automargin=True)
    return fig


def bar_height(rows: int) -> int:
    return CHROME_HEIGHT + ROW_HEIGHT * max(int(rows), 1)


def percent_ticks(lang: str, low: float = 0.0, high: float = 1.0, step: float = 0.25,
                  absolute: bool = False) -> dict:
    """Axis settings with percent tick labels in the app's number format.

    ``absolute`` labels negative positions by their size (for diverging bars,
    where the left side is a share too).
    """
    n = int(round((high - low) / step))
    vals = [round(low + i * step, 10) for i in range(n + 1)]
    text = [fmt_pct(abs(v) if absolute else v, lang) for v in vals]
    return {"tickmode": "array", "tickvals": vals, "ticktext": text, "range": [low - 0.02, high + 0.02]}


def safe(text) -> str:
    """User text for plotly, which reads a few HTML tags in labels: ``<``, ``>`` and ``&`` escaped."""
    return html.escape(str(text), quote=False)


def shorten(label: str, limit: int = LABEL_MAX) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def short_labels(labels, limit: int = LABEL_MAX) -> list[str]:
    """Labels cut to ``limit`` characters, unless that would make two of them equal."""
    labels = [str(x) for x in labels]
    short = [shorten(x, limit) for x in labels]
    out = short if len(set(short)) == len(set(labels)) else labels
    return [safe(x) for x in out]


def is_missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))
