"""Page building blocks: a chart with its title, text alternative and table; URL-bound widgets.

* :func:`chart_block` renders a figure from :mod:`charts` the same way on
  every page: the sentence title, the chart (with ``alt``), the description
  as a caption and the numbers behind it in a "Visa tabell" expander.
* :func:`url_selectbox` and friends keep a page's own selections in the URL
  (``forslag``, ``instans`` …) so a link reproduces the view.
* :func:`selected_ids` / :func:`open_proposal` turn a click on a bar into a
  switch to the proposal page.
* :func:`highlight_md` marks a search term in user text that stays text.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import pandas as pd
import streamlit as st

from analysis.filters import PARAM_NAMES
from components.tables import show_table
from components.text import escape_md
from i18n.strings import t

PROPOSAL_PAGE = "app_pages/proposal.py"
#: The URL parameter naming a proposal (``forslag``): the proposal page's choice, the comments page's filter.
PROPOSAL_PARAM = PARAM_NAMES["proposals"]

#: How much of a large selection a page draws at once (the rest behind a search, a toggle or paging;
#: every row is in the sidebar's download). Pages read these at run time, so tests can lower them.
TABLE_ROWS = 1000       # rows in a "Visa tabell" table of comments
HEADLINE_ROWS = 300     # respondent lines on the overview
GRID_ROWS = 100         # respondents per page of the respondent × proposal grid

def text(key: str, lang: str, **fmt) -> str:
    """``t("large.<key>")``: texts of the controls that keep large selections fast."""
    from i18n.strings import t

    return t(f"large.{key}", lang, **fmt)


# ---------------------------------------------------------------- empty views

def stop_if_empty(view, lang: str) -> None:
    """A friendly message instead of empty charts when the filters leave no rows."""
    if view.responses.empty:
        st.warning(t("app.no_rows", lang), icon=":material/filter_alt_off:")
        st.stop()


# ---------------------------------------------------------------- charts

def chart_block(fig, table: pd.DataFrame, lang: str, *, key: str, labels: dict[str, str] | None = None,
                stance_cols: Sequence[str] = (), clickable: bool = False):
    """Title, chart, text alternative and "Visa tabell" for one figure from :mod:`charts`.

    The title and description come from the figure's ``layout.meta`` (set by
    :func:`charts.theme.apply_theme`). With ``clickable`` the chart reruns on
    a point click and the selection state is returned.
    """
    meta = fig.layout.meta or {}
    st.subheader(escape_md(meta.get("title", "")), anchor=False)
    kwargs = {"on_select": "rerun", "selection_mode": "points"} if clickable else {}
    event = st.plotly_chart(fig, key=key, alt=meta.get("description") or None,
                            config={"displaylogo": False}, theme=None, **kwargs)
    st.caption(escape_md(meta.get("description", "")))
    with st.expander(t("common.show_table", lang), icon=":material/table:"):
        show_table(table, lang, key=f"{key}_table", labels=labels, stance_cols=stance_cols)
    return event


def selected_ids(event) -> list[str]:
    """The ids (``customdata[0]``) of the points selected in a plotly chart event."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return []
    out = []
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, (list, tuple)) and data:
            out.append(str(data[0]))
        elif isinstance(data, str):
            out.append(data)
    return list(dict.fromkeys(out))


def open_proposal(event, switch: Callable = None) -> str | None:
    """If a bar was clicked, open that proposal's page (URL ``forslag=<id>``); returns the id."""
    ids = selected_ids(event)
    if not ids:
        return None
    (switch or st.switch_page)(PROPOSAL_PAGE, query_params={PROPOSAL_PARAM: ids[0]})
    return ids[0]


# ---------------------------------------------------------------- URL-bound widgets

def _write_param(param: str, value, default) -> None:
    qp = st.query_params
    if value is None or value == default or value == [] or value == "":
        if param in qp:
            del qp[param]
        return
    want = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if qp.get_all(param) != want:
        qp[param] = want if isinstance(value, list) else want[0]


def _prepare(key: str, param: str, options: Sequence | None, default, multi: bool, parse: Callable | None):
    """Seed the widget's state: the URL wins when valid, else the current state, else ``default``.

    Returns the URL value that was rejected (for a "not found" message), or None.
    """
    raw = st.query_params.get_all(param)
    rejected = None
    if raw:
        value = [parse(v) if parse else v for v in raw] if multi else (parse(raw[0]) if parse else raw[0])
        if multi:
            kept = [v for v in value if options is None or v in options]
            rejected = [v for v in value if v not in kept] or None
            value = kept
            ok = True
        else:
            ok = value is not None and (options is None or value in options)
            rejected = None if ok else raw[0]
        if ok:
            st.session_state[key] = value
            return rejected
    current = st.session_state.get(key)
    if multi:
        valid = isinstance(current, list) and all(options is None or v in options for v in current)
    else:
        valid = current is not None and (options is None or current in options)
    if not valid or raw:
        st.session_state[key] = list(default) if multi else default
    return rejected


def _sync(key: str, param: str, default) -> None:
    _write_param(param, st.session_state.get(key), default)


def url_widget(widget: Callable, label: str, *, param: str, key: str, default, options: Sequence | None = None,
               multi: bool = False, parse: Callable | None = None, **kwargs):
    """Any input widget whose value lives in the URL query param ``param`` too.

    ``widget`` is e.g. ``st.selectbox``; ``options`` (if the widget takes
    them) are passed through and used to validate the URL. Returns
    ``(value, rejected)`` where ``rejected`` is a URL value that matched no
    option (the widget then shows ``default``).
    """
    rejected = _prepare(key, param, options, default, multi, parse)
    if options is not None:
        kwargs["options"] = list(options)
    value = widget(label, key=key, on_change=_sync, args=(key, param, default), **kwargs)
    _write_param(param, value, default)
    return value, rejected


def url_selectbox(label: str, options: Sequence, *, param: str, key: str, default=None, widget=None, **kwargs):
    """A selectbox (or radio, via ``widget=st.radio``) bound to ``param``; default = first option."""
    options = list(options)
    if default is None and options:
        default = options[0]
    return url_widget(widget or st.selectbox, label, param=param, key=key, default=default, options=options, **kwargs)


def url_multiselect(label: str, options: Sequence, *, param: str, key: str, **kwargs):
    return url_widget(st.multiselect, label, param=param, key=key, default=[], options=list(options), multi=True,
                      **kwargs)


def _flag(value: str):
    return {"1": True, "0": False, "true": True, "false": False}.get(str(value).lower())


def url_toggle(label: str, *, param: str, key: str, default: bool = False, **kwargs) -> bool:
    value, _ = url_widget(st.toggle, label, param=param, key=key, default=default, options=None,
                          parse=_flag, **kwargs)
    return bool(value)


def url_text(label: str, *, param: str, key: str, **kwargs) -> str:
    value, _ = url_widget(st.text_input, label, param=param, key=key, default="", options=None, **kwargs)
    return value or ""


# ---------------------------------------------------------------- text

def highlight_md(text: str, query: str) -> str:
    """``text`` escaped for markdown with each (case-insensitive) match of ``query`` highlighted.

    Only escaped text goes inside the highlight, so user content can never
    become markup: ``<script>``, ``**`` or ``[link](…)`` render literally.
    """
    text = str(text)
    query = (query or "").strip()
    if not query:
        return escape_md(text)
    parts = re.split(f"({re.escape(query)})", text, flags=re.IGNORECASE)
    out = []
    for i, part in enumerate(parts):
        if not part:
            continue
        out.append(f":orange[**{escape_md(part)}**]" if i % 2 else escape_md(part))
    return "".join(out)


def quote_md(text: str, query: str = "") -> str:
    """A user comment as a markdown block quote, escaped, with ``query`` highlighted."""
    lines = [highlight_md(line, query) for line in str(text).strip().splitlines() if line.strip()]
    return "  \n".join(f"> {line}" if i == 0 else line for i, line in enumerate(lines)) if lines else ""


def group_labels(a_name: str, b_name: str, lang: str, n_col: str = "total") -> dict[str, str]:
    """Table headers for the two groups of a contrast: ``"Region: andel"`` …"""
    out = {}
    for g, name in (("a", a_name), ("b", b_name)):
        for part in ("agree", n_col, "share", "low", "high", "coverage"):
            out[f"{g}_{part}"] = t(f"col.g_{part}", lang, g=name)
    return out


def join_lines(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)
