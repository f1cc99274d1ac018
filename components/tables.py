"""Tables with localised headers and Swedish number formats."""
from __future__ import annotations

import pandas as pd
import streamlit as st

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


def column_config(df: pd.DataFrame, lang: str) -> dict:
    """Percent format for share columns (numbers stay numbers for sorting)."""
    config = {}
    for c in df.columns:
        if c in SHARE_COLUMNS:
            label = t(f"col.{c}", lang) if f"col.{c}" in STRINGS else c
            config[label] = st.column_config.NumberColumn(label, format="percent")
    return config


def show_table(df: pd.DataFrame, lang: str, key: str, **kwargs) -> None:
    st.dataframe(localise(df, lang), hide_index=True, key=key,
                 column_config=column_config(df, lang), **kwargs)
