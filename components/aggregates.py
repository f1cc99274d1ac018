"""Small aggregates, cached per dataset version and filters (bounded, no TTL).

Each function takes the version key and the filters, never a frame, so the
cache key is tiny and a new upload (a new key) is seen at once. Page options
(a proposal id, a toggle) are further plain arguments.

The filtered views come from :func:`components.datasource.filtered_dataset`
(``st.cache_resource``, shared read-only); :func:`view` marks each one
frozen (:mod:`analysis.memo`), so the intermediates several aggregates need
(who replied, the proposal list, the rows grouped by respondent ...) are
computed once per view, however many aggregates a page asks for.

A cached function that wraps one analysis function carries its name (the
analysis function's docstring says what it returns), and pages call it by
that name.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import comments as _comments
from analysis import contrast as _contrast
from analysis import coverage as _coverage
from analysis import headlines as _headlines
from analysis import memo
from analysis import overview as _overview
from analysis import profiles as _profiles
from analysis import proposals as _proposals
from analysis import shares as _shares
from analysis import weighting as _weighting
from analysis.filters import Filters, apply_filters
from components.datasource import filtered_dataset
from i18n.sentences import render_all
from loaders.natural import natsorted

_CACHE = {"show_spinner": False, "max_entries": 128}
#: Per-item caches (one entry per proposal, respondent or search) get more room.
_ITEMS = {"show_spinner": False, "max_entries": 256}


def view(key: str, filters: Filters):
    """The shared filtered view for ``(key, filters)``, frozen for memoised intermediates."""
    return memo.freeze(filtered_dataset(key, filters))


@st.cache_data(**_CACHE)
def key_figures(key: str, filters: Filters) -> dict:
    return _overview.key_figures(view(key, filters))


@st.cache_data(**_CACHE)
def respondent_summary(key: str, filters: Filters) -> pd.DataFrame:
    return _profiles.respondent_summary(view(key, filters))


@st.cache_data(**_CACHE)
def respondent_count(key: str, filters: Filters) -> int:
    """How many (consultation, respondent) lines the overview's respondent list has."""
    return len(respondent_summary(key, filters))


@st.cache_data(**_ITEMS)
def respondent_headlines(key: str, filters: Filters, lang: str, query: str = "",
                         limit: int | None = None) -> tuple[int, list[str]]:
    """(how many respondents match ``query``, the first ``limit`` of their one-line summaries).

    ``query`` matches the respondent's name (case-insensitive, literal); the
    sentences are :func:`analysis.profiles.respondent_headline`'s, rendered in ``lang``.
    """
    people = respondent_summary(key, filters)
    if query:
        people = people.loc[people["respondent"].str.contains(query, case=False, regex=False).to_numpy(dtype=bool)]
    shown = people if limit is None else people.head(limit)
    return len(people), render_all(_profiles.respondent_headlines(shown), lang)


@st.cache_data(**_CACHE)
def headlines(key: str, filters: Filters, lang: str, count_partly: bool = False) -> list[str]:
    """:func:`analysis.headlines.headlines`, rendered in ``lang``."""
    return render_all(_headlines.headlines(view(key, filters), count_partly), lang)


@st.cache_data(**_CACHE)
def coverage_by_type(key: str, filters: Filters) -> pd.DataFrame:
    return _coverage.coverage_by_type(view(key, filters))


@st.cache_data(**_CACHE)
def present_values(key: str, filters: Filters) -> dict[str, list[str]]:
    return _proposals.present_values(view(key, filters))


@st.cache_data(**_CACHE)
def proposal_breakdown(key: str, filters: Filters, sort: str = "agreement") -> pd.DataFrame:
    return _shares.proposal_breakdown(view(key, filters), sort)


@st.cache_data(**_CACHE)
def proposal_options(key: str, filters: Filters) -> pd.DataFrame:
    return _proposals.proposal_options(view(key, filters))


@st.cache_data(**_ITEMS)
def proposal_by_type(key: str, filters: Filters, proposal_id: str) -> pd.DataFrame:
    """:func:`analysis.shares.stance_breakdown` by respondent type of one proposal."""
    # The view narrowed to the proposal (equal to filtering with the proposal added, cut from the view).
    one = memo.freeze(_proposals.one_proposal(view(key, filters), proposal_id))
    return _shares.stance_breakdown(one, ["respondent_type"])


@st.cache_data(**_ITEMS)
def proposal_answers(key: str, filters: Filters, proposal_id: str) -> pd.DataFrame:
    return _proposals.proposal_answers(view(key, filters), proposal_id)


@st.cache_data(**_ITEMS)
def not_addressing(key: str, filters: Filters, proposal_id: str) -> int:
    return _proposals.not_addressing(view(key, filters), proposal_id)


@st.cache_data(**_CACHE)
def topic_breakdown(key: str, filters: Filters) -> pd.DataFrame:
    """:func:`analysis.shares.stance_breakdown` by topic."""
    return _shares.stance_breakdown(view(key, filters), ["topic"])


@st.cache_data(**_CACHE)
def topic_type_shares(key: str, filters: Filters, count_partly: bool = False) -> pd.DataFrame:
    return _shares.topic_type_shares(view(key, filters), count_partly)


@st.cache_data(**_CACHE)
def contrast_table(key: str, filters: Filters, a: str, b: str, by: str = "proposal_id", count_partly: bool = False,
                   denominator: str = "addressed", sort: str = "key") -> pd.DataFrame:
    return _contrast.contrast_table(view(key, filters), a, b, by, count_partly, denominator, sort)


@st.cache_data(**_CACHE)
def weighted_pair(key: str, filters: Filters, a: str, b: str, count_partly: bool = False) -> pd.DataFrame:
    return _weighting.weighted_pair(view(key, filters), a, b, count_partly)


@st.cache_data(**_CACHE)
def respondent_options(key: str, filters: Filters) -> pd.DataFrame:
    return _profiles.respondent_options(view(key, filters))


@st.cache_data(**_CACHE)
def respondent_consultations(key: str, filters: Filters) -> list[str]:
    """Consultations with a replying respondent in the view, naturally ordered."""
    return natsorted(respondent_options(key, filters)["consultation"].astype("str").unique().tolist())


@st.cache_data(**_ITEMS)
def respondent_profile(key: str, filters: Filters, respondent: str) -> tuple[list[dict], pd.DataFrame]:
    """The respondent's summary rows (one per consultation) and their answers."""
    data = view(key, filters)
    summary = respondent_summary(key, filters)
    rows = summary.loc[summary["respondent"] == respondent].to_dict("records")
    return rows, _profiles.respondent_answers(data, respondent)


@st.cache_data(**_CACHE)
def stance_matrix(key: str, filters: Filters, sort: str = "type", consultation: str | None = None) -> pd.DataFrame:
    """:func:`analysis.profiles.stance_matrix` of the view, or of one ``consultation`` of it, as
    :func:`analysis.profiles.matrix_table`.

    Narrowing the (shared) view to the consultation gives the same frames as
    filtering the whole dataset with the consultation set, without another
    pass over every row.
    """
    data = view(key, filters)
    if consultation is not None and consultation != filters.consultation:
        data = memo.freeze(apply_filters(data, Filters(consultation=consultation)))
    return _profiles.matrix_table(_profiles.stance_matrix(data, sort))


@st.cache_data(**_ITEMS)
def comment_matches(key: str, filters: Filters, query: str = "", limit: int = 1000) -> tuple[int, pd.DataFrame]:
    """(how many comments match, the first ``limit`` of them in the page's order)."""
    return _comments.comment_matches(view(key, filters), query, limit)
