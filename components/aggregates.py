"""Small aggregates, cached per dataset version and filters (bounded, no TTL).

Each function takes the version key and the filters, never a frame, so the
cache key is tiny and a new upload (a new key) is seen at once. Page options
(a proposal id, a toggle) are further plain arguments.

The filtered views come from :func:`components.datasource.filtered_dataset`
(``st.cache_resource``, shared read-only); :func:`view` marks each one
frozen (:mod:`analysis.memo`), so the intermediates several aggregates need
(who replied, the proposal list, the rows grouped by respondent ...) are
computed once per view, however many aggregates a page asks for.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import dashboard
from analysis.coverage import coverage_by_type
from analysis.filters import Filters, apply_filters
from analysis.headlines import headlines
from analysis.overview import key_figures
from analysis.profiles import respondent_headlines, respondent_summary, stance_matrix
from components.datasource import filtered_dataset
from loaders.natural import natsorted

from analysis import memo

_CACHE = {"show_spinner": False, "max_entries": 128}
#: Per-item caches (one entry per proposal, respondent or search) get more room.
_ITEMS = {"show_spinner": False, "max_entries": 256}


def view(key: str, filters: Filters):
    """The shared filtered view for ``(key, filters)``, frozen for memoised intermediates."""
    return memo.freeze(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def overview_figures(key: str, filters: Filters) -> dict:
    return key_figures(view(key, filters))


@st.cache_data(**_CACHE)
def respondent_table(key: str, filters: Filters) -> pd.DataFrame:
    return respondent_summary(view(key, filters))


@st.cache_data(**_CACHE)
def respondent_count(key: str, filters: Filters) -> int:
    """How many (consultation, respondent) lines the overview's respondent list has."""
    return len(respondent_table(key, filters))


@st.cache_data(**_ITEMS)
def headline_lines(key: str, filters: Filters, lang: str, query: str = "",
                   limit: int | None = None) -> tuple[int, list[str]]:
    """(how many respondents match ``query``, the first ``limit`` of their one-line summaries).

    ``query`` matches the respondent's name (case-insensitive, literal); the
    sentences are :func:`analysis.profiles.respondent_headline`'s.
    """
    people = respondent_table(key, filters)
    if query:
        people = people.loc[people["respondent"].str.contains(query, case=False, regex=False).to_numpy(dtype=bool)]
    shown = people if limit is None else people.head(limit)
    return len(people), respondent_headlines(shown, lang)


@st.cache_data(**_CACHE)
def plain_headlines(key: str, filters: Filters, lang: str, count_partly: bool = False) -> list[str]:
    return headlines(view(key, filters), lang, count_partly)


@st.cache_data(**_CACHE)
def coverage(key: str, filters: Filters) -> pd.DataFrame:
    return coverage_by_type(view(key, filters))


@st.cache_data(**_CACHE)
def choices(key: str, filters: Filters) -> dict[str, list[str]]:
    return dashboard.present_values(view(key, filters))


@st.cache_data(**_CACHE)
def proposal_stances(key: str, filters: Filters, sort: str = "agreement") -> pd.DataFrame:
    return dashboard.proposal_breakdown(view(key, filters), sort)


@st.cache_data(**_CACHE)
def proposal_choices(key: str, filters: Filters) -> pd.DataFrame:
    return dashboard.proposal_options(view(key, filters))


@st.cache_data(**_ITEMS)
def proposal_by_type(key: str, filters: Filters, proposal_id: str) -> pd.DataFrame:
    # The view narrowed to the proposal (equal to filtering with the proposal added, cut from the view).
    one = memo.freeze(dashboard.one_proposal(view(key, filters), proposal_id))
    return dashboard.stance_breakdown(one, ["respondent_type"])


@st.cache_data(**_ITEMS)
def proposal_answers(key: str, filters: Filters, proposal_id: str) -> pd.DataFrame:
    return dashboard.proposal_answers(view(key, filters), proposal_id)


@st.cache_data(**_ITEMS)
def proposal_not_addressing(key: str, filters: Filters, proposal_id: str) -> int:
    return dashboard.not_addressing(view(key, filters), proposal_id)


@st.cache_data(**_CACHE)
def topic_stances(key: str, filters: Filters) -> pd.DataFrame:
    return dashboard.stance_breakdown(view(key, filters), ["topic"])


@st.cache_data(**_CACHE)
def topic_type(key: str, filters: Filters, count_partly: bool = False) -> pd.DataFrame:
    return dashboard.topic_type_shares(view(key, filters), count_partly)


@st.cache_data(**_CACHE)
def contrast_rows(key: str, filters: Filters, a: str, b: str, by: str = "proposal_id", count_partly: bool = False,
                  denominator: str = "addressed", sort: str = "key") -> pd.DataFrame:
    return dashboard.contrast_table(view(key, filters), a, b, by, count_partly, denominator, sort)


@st.cache_data(**_CACHE)
def weighted_rows(key: str, filters: Filters, a: str, b: str, count_partly: bool = False) -> pd.DataFrame:
    return dashboard.weighted_pair(view(key, filters), a, b, count_partly)


@st.cache_data(**_CACHE)
def respondent_choices(key: str, filters: Filters) -> pd.DataFrame:
    return dashboard.respondent_options(view(key, filters))


@st.cache_data(**_CACHE)
def respondent_consultations(key: str, filters: Filters) -> list[str]:
    """Consultations with a replying respondent in the view, naturally ordered."""
    return natsorted(respondent_choices(key, filters)["consultation"].astype("str").unique().tolist())


@st.cache_data(**_ITEMS)
def respondent_profile(key: str, filters: Filters, respondent: str) -> tuple[list[dict], pd.DataFrame]:
    """The respondent's summary rows (one per consultation) and their answers."""
    data = view(key, filters)
    summary = respondent_table(key, filters)
    rows = summary.loc[summary["respondent"] == respondent].to_dict("records")
    return rows, dashboard.respondent_answers(data, respondent)


@st.cache_data(**_CACHE)
def stance_grid(key: str, filters: Filters, sort: str = "type", consultation: str | None = None) -> pd.DataFrame:
    """The respondent × proposal grid of the view, or of one ``consultation`` of it.

    Narrowing the (shared) view to the consultation gives the same frames as
    filtering the whole dataset with the consultation set, without another
    pass over every row.
    """
    data = view(key, filters)
    if consultation is not None and consultation != filters.consultation:
        data = memo.freeze(apply_filters(data, Filters(consultation=consultation)))
    return dashboard.matrix_table(stance_matrix(data, sort))


@st.cache_data(**_ITEMS)
def comments(key: str, filters: Filters, query: str = "") -> pd.DataFrame:
    return dashboard.search_comments(view(key, filters), query)


@st.cache_data(**_ITEMS)
def comment_page(key: str, filters: Filters, query: str = "", limit: int = 1000) -> tuple[int, pd.DataFrame]:
    """(how many comments match, the first ``limit`` of them in the page's order)."""
    return dashboard.comment_matches(view(key, filters), query, limit)
