"""Language and filters, kept in the URL so a link reproduces the view.

Widgets are seeded from ``st.query_params`` on the first run of a session
and written back after every run, so page switches keep them too.
"""
from __future__ import annotations

import streamlit as st

from analysis.filters import Filters
from i18n.strings import DEFAULT_LANG, LANGS

LANG_KEY = "lang"
#: Session-state keys of the shared sidebar widgets.
W_LANG, W_CONS, W_TYPES, W_TOPICS = "w_lang", "w_consultation", "w_types", "w_topics"
W_DS = "w_dataset"
DS_KEY = "ds"  # URL parameter: a dataset id, or "demo"
#: Set by a page (e.g. after an upload) to switch the active dataset on the next run.
PENDING_DS = "_pending_dataset"
#: The dataset this session shows, kept outside the widget's own state (see sidebar._pick_source).
CHOSEN_DS = "_chosen_dataset"


#: The dataset a link asked for, kept from the first run until the sidebar has checked it.
LINK_DS = "_link_ds"


def seed_from_url() -> None:
    """Copy the URL's values into the widgets' state, once per session."""
    if st.session_state.get("_seeded"):
        return
    qp = st.query_params
    lang = qp.get(LANG_KEY, DEFAULT_LANG)
    st.session_state[W_LANG] = lang if lang in LANGS else DEFAULT_LANG
    if qp.get(DS_KEY):
        st.session_state[W_DS] = qp.get(DS_KEY)
        st.session_state[LINK_DS] = qp.get(DS_KEY)  # read once by the sidebar, to say when it names nothing
    f = Filters.from_params(qp)
    st.session_state[W_CONS] = f.consultation
    st.session_state[W_TYPES] = list(f.respondent_types)
    st.session_state[W_TOPICS] = list(f.topics)
    st.session_state["_seeded"] = True


def current_lang() -> str:
    return st.session_state.get(W_LANG, DEFAULT_LANG)


def request_dataset(token: str) -> None:
    """Make dataset ``token`` (an id or "demo") active from the next run on."""
    st.session_state[PENDING_DS] = token
