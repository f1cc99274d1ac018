"""Small aggregates, cached per dataset version and filters (bounded, no TTL).

Each function takes the version key and the filters, never a frame, so the
cache key is tiny and a new upload (a new key) is seen at once.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.filters import Filters
from analysis.overview import key_figures
from analysis.profiles import respondent_summary
from components.datasource import filtered_dataset

_CACHE = {"show_spinner": False, "max_entries": 128}


@st.cache_data(**_CACHE)
def overview_figures(key: str, filters: Filters) -> dict:
    return key_figures(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def respondent_table(key: str, filters: Filters) -> pd.DataFrame:
    return respondent_summary(filtered_dataset(key, filters))
