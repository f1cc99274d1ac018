"""Small aggregates, cached per dataset version and filters (bounded, no TTL).

Each function takes the version key and the filters, never a frame, so the
cache key is tiny and a new upload (a new key) is seen at once. Page options
(a proposal id, a toggle) are further plain arguments.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analysis import dashboard
from analysis.coverage import coverage_by_type
from analysis.filters import Filters
from analysis.headlines import headlines
from analysis.overview import key_figures
from analysis.profiles import respondent_summary, stance_matrix
from components.datasource import filtered_dataset

_CACHE = {"show_spinner": False, "max_entries": 128}
#: Per-item caches (one entry per proposal, respondent or search) get more room.
_ITEMS = {"show_spinner": False, "max_entries": 256}


@st.cache_data(**_CACHE)
def overview_figures(key: str, filters: Filters) -> dict:
    return key_figures(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def respondent_table(key: str, filters: Filters) -> pd.DataFrame:
    return respondent_summary(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def plain_headlines(key: str, filters: Filters, lang: str, count_partly: bool = False) -> list[str]:
    return headlines(filtered_dataset(key, filters), lang, count_partly)


@st.cache_data(**_CACHE)
def coverage(key: str, filters: Filters) -> pd.DataFrame:
    return coverage_by_type(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def choices(key: str, filters: Filters) -> dict[str, list[str]]:
    return dashboard.present_values(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def proposal_stances(key: str, filters: Filters, sort: str = "agreement") -> pd.DataFrame:
    return dashboard.proposal_breakdown(filtered_dataset(key, filters), sort)


@st.cache_data(**_CACHE)
def proposal_choices(key: str, filters: Filters) -> pd.DataFrame:
    return dashboard.proposal_options(filtered_dataset(key, filters))


def _one_proposal(filters: Filters, proposal_id: str) -> Filters:
    return replace(filters, proposals=(proposal_id,))


@st.cache_data(**_ITEMS)
def proposal_by_type(key: str, filters: Filters, proposal_id: str) -> pd.DataFrame:
    return dashboard.stance_breakdown(filtered_dataset(key, _one_proposal(filters, proposal_id)), ["respondent_type"])


@st.cache_data(**_ITEMS)
def proposal_answers(key: str, filters: Filters, proposal_id: str) -> pd.DataFrame:
    return dashboard.proposal_answers(filtered_dataset(key, filters), proposal_id)


@st.cache_data(**_ITEMS)
def proposal_not_addressing(key: str, filters: Filters, proposal_id: str) -> int:
    return dashboard.not_addressing(filtered_dataset(key, filters), proposal_id)


@st.cache_data(**_CACHE)
def topic_stances(key: str, filters: Filters) -> pd.DataFrame:
    return dashboard.stance_breakdown(filtered_dataset(key, filters), ["topic"])


@st.cache_data(**_CACHE)
def topic_type(key: str, filters: Filters, count_partly: bool = False) -> pd.DataFrame:
    return dashboard.topic_type_shares(filtered_dataset(key, filters), count_partly)


@st.cache_data(**_CACHE)
def contrast_rows(key: str, filters: Filters, a: str, b: str, by: str = "proposal_id", count_partly: bool = False,
                  denominator: str = "addressed", sort: str = "key") -> pd.DataFrame:
    return dashboard.contrast_table(filtered_dataset(key, filters), a, b, by, count_partly, denominator, sort)


@st.cache_data(**_CACHE)
def weighted_rows(key: str, filters: Filters, a: str, b: str, count_partly: bool = False) -> pd.DataFrame:
    return dashboard.weighted_pair(filtered_dataset(key, filters), a, b, count_partly)


@st.cache_data(**_CACHE)
def respondent_choices(key: str, filters: Filters) -> pd.DataFrame:
    return dashboard.respondent_options(filtered_dataset(key, filters))


@st.cache_data(**_ITEMS)
def respondent_profile(key: str, filters: Filters, respondent: str) -> tuple[list[dict], pd.DataFrame]:
    """The respondent's summary rows (one per consultation) and their answers."""
    data = filtered_dataset(key, filters)
    summary = respondent_table(key, filters)
    rows = summary.loc[summary["respondent"] == respondent].to_dict("records")
    return rows, dashboard.respondent_answers(data, respondent)


@st.cache_data(**_CACHE)
def stance_grid(key: str, filters: Filters, sort: str = "type") -> pd.DataFrame:
    return dashboard.matrix_table(stance_matrix(filtered_dataset(key, filters), sort))


@st.cache_data(**_ITEMS)
def comments(key: str, filters: Filters, query: str = "") -> pd.DataFrame:
    return dashboard.search_comments(filtered_dataset(key, filters), query)
