"""Tables with localised headers and Swedish number formats."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n.numbers import fmt_pct
from i18n.strings import STRINGS, stance_label, t, type_label

SHARE_COLUMNS = {"share", "reply_rate", "agree_share", "support_share", "a_share", "b_share",
                 "a_low", "a_high", "b_low", "b_high", "difference"}


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


def show_table(df: pd.DataFrame, lang: str, key: str, **kwargs) -> None:
    shown = localise(df, lang)
    shares = [label for c, label in zip(df.columns, shown.columns) if c in SHARE_COLUMNS]
    st.dataframe(percent_styled(shown, shares, lang), hide_index=True, key=key, **kwargs)
