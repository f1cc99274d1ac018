"""The tile-grid map of the regions as a page block: chart, text alternative, table (as every chart)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.regionmap import region_shares
from charts.tilemap import map_description, map_title, region_tiles
from components.aggregates import view
from components.charting import chart_block
from i18n.strings import t

TABLE = ["region", "county", "agree", "n", "share", "small_n"]


@st.cache_data(show_spinner=False, max_entries=64)
def region_rows(key: str, filters, count_partly: bool = False) -> pd.DataFrame:
    return region_shares(view(key, filters).responses, count_partly)


def region_map_block(key: str, filters, lang: str, *, count_partly: bool = False, block_key: str = "region_map"):
    """Render the map for the selection; nothing when no respondent in it is a region."""
    rows = region_rows(key, filters, count_partly)
    if not rows["n"].gt(0).any():
        return
    fig = region_tiles(rows, lang, title=map_title(rows, lang), description=map_description(rows, lang))
    labels = {"region": t("register.map.col_region", lang), "county": t("register.map.col_county", lang),
              "agree": t("col.agree", lang)}
    chart_block(fig, rows[TABLE], lang, key=block_key, labels=labels)
    st.caption(t("register.map.caption", lang))
