"""Tables with localised headers and values and numbers in the UI's language: one renderer for every page.

:func:`show_table` is the one way a page shows a frame: stance and type codes
in words, headers translated, shares as percentages and p-values with four
decimals in the UI's language, while the cells stay numbers (a table still
sorts by value and its CSV download keeps the figures).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import streamlit as st

from i18n.numbers import fmt_num, fmt_pct
from i18n.strings import STRINGS, stance_label, t, type_label

#: Columns of shares in [0, 1], shown as percentages; so is every column ending in :data:`PERCENT_SUFFIXES`.
SHARE_COLUMNS = {"share", "reply_rate", "agree_share", "support_share", "a_share", "b_share",
                 "a_low", "a_high", "b_low", "b_high", "difference"}
PERCENT_SUFFIXES = ("_share", "_low", "_high", "_coverage")
#: Columns of p-values, shown with four decimals.
P_COLUMNS = ("p_value", "p_holm")


def is_share(column) -> bool:
    """The percent rule: a column of shares in [0, 1], shown as a percentage in the UI's language."""
    return column in SHARE_COLUMNS or str(column).endswith(PERCENT_SUFFIXES)


def localise(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Translate type and stance values and the column headers."""
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype(str)
    if "respondent_type" in out.columns:
        out["respondent_type"] = out["respondent_type"].astype(str).map(lambda v: type_label(v, lang))
    for col in ("stance", "stance_from", "stance_to"):
        if col in out.columns:
            # Every stance code with a word, ``not_addressed`` too (it is no STANCES value: a reply that
            # leaves a proposal aside), so no raw key reaches a table.
            out[col] = out[col].astype(str).map(lambda v: stance_label(v, lang) if f"stance.{v}" in STRINGS else v)
    out.columns = [t(f"col.{c}", lang) if f"col.{c}" in STRINGS else c for c in out.columns]
    return out


def display_frame(df: pd.DataFrame, lang: str, labels: dict[str, str] | None = None,
                  stance_cols: Sequence[str] = ()) -> pd.DataFrame:
    """``df`` ready to show: types and stances translated, small-n flags in words, headers localised.

    ``labels`` overrides the header of given (original) column names;
    ``stance_cols`` are further columns of stance codes to translate.
    """
    out = df.copy()
    if len(stance_cols):
        # All stance columns in one go, each distinct code translated once (a grid has
        # thousands of cells and five codes); the frame is rebuilt once, not column by column.
        cols = list(stance_cols)
        wanted = set(cols)
        values = {name: (col if col.dtype == "str" else col.astype("str")).to_numpy(dtype=object)
                  for name, col in out.items() if name in wanted}
        codes, uniques = pd.factorize(np.concatenate([values[c] for c in cols]), use_na_sentinel=True)
        words = np.array([stance_label(v, lang) if f"stance.{v}" in STRINGS else v for v in uniques] + [np.nan],
                         dtype=object)
        translated = dict(zip(cols, words[codes].reshape(len(cols), len(out))))
        out = pd.DataFrame({name: translated.get(name, col) for name, col in out.items()}, index=out.index)
    if "small_n" in out.columns:
        out["small_n"] = [t("contrast.small_n", lang) if flag else "" for flag in out["small_n"].astype(bool)]
    labels = labels or {}
    names = [labels.get(c) or (t(f"col.{c}", lang) if f"col.{c}" in STRINGS else c) for c in out.columns]
    out = localise(out, lang)
    out.columns = names
    return out


def percent_styled(shown: pd.DataFrame, labels, lang: str, formats: dict | None = None):
    """``shown`` with the (shown) columns ``labels`` displayed by :func:`i18n.numbers.fmt_pct` in ``lang``.

    ``st.column_config``'s "percent" format follows the browser's locale, so an English UI in a Swedish
    browser showed "63 %" (and the other way round). A pandas Styler gives each cell its display text in
    the UI's language ("63 %" sv, "63%" en, as in the page's text) while the values stay numbers, so the
    table still sorts by value and its own CSV download keeps the shares. ``formats`` adds display
    functions for further columns (p-values); every other column shows as it is, a missing value as blank.
    """
    formatters = {c: (lambda v: fmt_pct(v, lang)) for c in labels if c in shown.columns}
    formatters.update({c: f for c, f in (formats or {}).items() if c in shown.columns})
    if not formatters:
        return shown
    frame = shown.reset_index(drop=True)  # a Styler wants a unique index; the index is hidden anyway
    others = [c for c in frame.columns if c not in formatters]
    styler = frame.style.format(formatters)
    return styler.format(na_rep="", subset=others) if others else styler


def _config(df: pd.DataFrame, shown: pd.DataFrame) -> dict:
    config = {}
    for original, label in zip(df.columns, shown.columns):
        if original in P_COLUMNS:
            config[label] = st.column_config.NumberColumn(label, format="%.4f")
        elif original == "comment":
            config[label] = st.column_config.TextColumn(label, width="large")
    return config


def show_table(df: pd.DataFrame, lang: str, key: str, labels: dict[str, str] | None = None,
               stance_cols: Sequence[str] = (), **kwargs) -> None:
    """``st.dataframe`` of ``df`` with localised headers and values (:func:`display_frame`); numbers stay numbers.

    Shares (:func:`is_share`) show as percentages and p-values with four decimals, in ``lang``.
    """
    shown = display_frame(df, lang, labels, stance_cols)
    shares = [label for original, label in zip(df.columns, shown.columns) if is_share(original)]
    p_values = {label: (lambda v: fmt_num(v, lang, 4)) for original, label in zip(df.columns, shown.columns)
                if original in P_COLUMNS}
    st.dataframe(percent_styled(shown, shares, lang, p_values), hide_index=True, key=key,
                 column_config=_config(df, shown), **kwargs)
