"""The one chart theme: fonts, margins, number separators, accessible metadata.

Every chart function in :mod:`charts` ends with :func:`apply_theme`, so all
figures look alike and carry their sentence title and text alternative in
``layout.meta`` (``{"title": ..., "description": ...}``), where the page, the
exports and the browser tests can read them.
"""
from __future__ import annotations

import html
from copy import deepcopy

import numpy as np
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


class Figure(go.Figure):
    """A ``go.Figure`` whose :meth:`to_dict` shares its data arrays instead of copying them item by item.

    ``st.plotly_chart`` calls ``to_dict`` on every run. Plotly's deep copy
    walks object arrays (labels, ``customdata``) one item at a time: tens of
    milliseconds for a few thousand bars. The arrays plotly keeps after
    validation are read-only copies, so sharing them is safe; everything
    else is deep-copied as before, and the result is the same dict.
    """

    def to_dict(self):
        try:
            data, layout, frames = self._data, self._layout, self._frame_objs
            from _plotly_utils.utils import convert_to_base64
        except (AttributeError, ImportError):  # plotly internals changed: the plain (slower) copy
            return super().to_dict()
        memo: dict = {}
        _share_readonly(data, memo)
        _share_readonly(layout, memo)
        res = {"data": deepcopy(data, memo), "layout": deepcopy(layout, memo)}
        frames = deepcopy([frame._props for frame in frames])
        if frames:
            res["frames"] = frames
        convert_to_base64(res)
        return res


def _share_readonly(obj, memo: dict) -> None:
    """Enter every read-only numpy array in ``obj`` (nested dicts and lists) into a deepcopy memo."""
    if isinstance(obj, np.ndarray):
        if not obj.flags.writeable:
            memo[id(obj)] = obj
    elif isinstance(obj, dict):
        for v in obj.values():
            _share_readonly(v, memo)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            _share_readonly(v, memo)


def add_traces(fig: go.Figure, traces: list[tuple[type, dict]], **where) -> go.Figure:
    """Add traces given as ``(trace class, properties)``, with the long arrays set afterwards.

    ``fig.add_traces`` deep-copies what it is given (item by item for
    object arrays); setting an array on the added trace only validates it.
    Properties holding a numpy array are therefore set after the trace is
    added. ``where`` (``rows``/``cols``) is passed to ``add_traces``.
    """
    light, heavy = [], []
    for cls, props in traces:
        arrays = {k: v for k, v in props.items() if isinstance(v, np.ndarray)}
        light.append(cls(**{k: v for k, v in props.items() if k not in arrays}))
        heavy.append(arrays)
    fig.add_traces(light, **where)
    for trace, arrays in zip(fig.data[len(fig.data) - len(light):], heavy):
        if arrays:
            trace.update(arrays)
    return fig


def separators(lang: str) -> str:
    """Plotly's ``separators`` (decimal, thousands): ``", "`` in Swedish, ``".,"`` in English."""
    return ".," if lang == "en" else ", "


def apply_theme(fig: go.Figure, lang: str, *, title: str, description: str, height: int | None = None,
                legend: bool = True) -> go.Figure:
    """Apply the shared layout and attach the title and text alternative as metadata."""
    props = {
        "separators": separators(lang),
        "font": {"family": FONT, "size": 13, "color": TEXT_COLOUR},
        "meta": {"title": title, "description": description, "lang": lang},
        "margin": {"l": 10, "r": 20, "t": 30, "b": 40},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"font": {"family": FONT}},
        "showlegend": legend,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0,
                   "title": {"text": ""}, "traceorder": "normal"},
    }
    if height is not None:
        props["height"] = int(height)
    _set_layout(fig, props)
    # What update_xaxes/update_yaxes would set on every axis, set on each directly.
    for axis in fig.select_xaxes():
        set_props(axis, gridcolor=GRID_COLOUR, zerolinecolor="#9E9E9E", automargin=True)
    for axis in fig.select_yaxes():
        set_props(axis, gridcolor=GRID_COLOUR, automargin=True)
    return fig


def set_props(obj, **props) -> None:
    """``obj.update(**props)`` for plain values (not nested dicts): one assignment per property."""
    for key, value in props.items():
        if isinstance(value, dict):
            obj.update({key: value})
        else:
            setattr(obj, key, value)


def _set_layout(fig: go.Figure, props: dict) -> None:
    """``fig.update_layout(**props)``, setting the properties that are still unset directly.

    The same layout either way (an update merges into what is there; into
    nothing, that is the value itself); a plain assignment skips plotly's
    update machinery, a few milliseconds per chart.
    """
    merge = {}
    for key, value in props.items():
        current = fig.layout[key]
        if current is None or (hasattr(current, "to_plotly_json") and not current.to_plotly_json()):
            setattr(fig.layout, key, value)
        else:
            merge[key] = value
    if merge:
        fig.update_layout(**merge)


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
