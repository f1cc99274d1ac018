"""The shared sidebar: active dataset, language, and the filters every page obeys."""
from __future__ import annotations

import streamlit as st

from analysis.filters import PARAM_NAMES, Filters, describe_filters
from components import state
from components.context import PageContext
from components.datasource import Source, filtered_dataset, load_dataset
from components.download import extract_buttons
from components.text import escape_md, md_t
from i18n.strings import LANGS, t, type_label
from loaders.natural import natsorted
from loaders.schema import RESPONDENT_TYPES

ALL = "*"  # URL value for "all consultations"
#: The filters the sidebar sets and keeps in the URL, in the URL's order.
_URL_FILTERS = ("consultation", "respondent_types", "topics")
LANG_NAMES = {"sv": "Svenska", "en": "English"}


def _options_for(data, consultation):
    responses = data.responses
    consultations = natsorted(map(str, responses["consultation"].unique()))
    present = set(map(str, responses["respondent_type"].unique()))
    types = [ty for ty in RESPONDENT_TYPES if ty in present]
    props = data.proposals
    if consultation not in (None, ALL):
        props = props[props["consultation"].astype(str) == consultation]
    topics = natsorted({str(x) for x in props["topic"] if str(x)})
    return consultations, types, topics


def _keep_valid(key: str, options: list) -> None:
    values = st.session_state.get(key) or []
    st.session_state[key] = [v for v in values if v in options]


def _token(source: Source) -> str:
    return "demo" if source.is_demo else str(source.dataset_id)


def _remember_choice() -> None:
    """The official picked another dataset: that is the choice from now on."""
    st.session_state[state.CHOSEN_DS] = st.session_state.get(state.W_DS)


def _pick_source(sources: list[Source], lang: str) -> Source:
    """The dataset selector. Default: the most recently updated stored dataset, else the demo."""
    by_token = {_token(s): s for s in sources}
    pending = st.session_state.pop(state.PENDING_DS, None)
    if pending in by_token:
        st.session_state[state.W_DS] = pending
    elif st.session_state.get(state.CHOSEN_DS) in by_token:
        # The choice is kept apart from the widget: Streamlit may rebuild the selectbox on a page change
        # and fall back to its first option (the newest dataset), which would show other figures.
        st.session_state[state.W_DS] = st.session_state[state.CHOSEN_DS]
    unknown = st.session_state.get(state.W_DS) not in by_token
    if unknown:
        stored = [s for s in sources if not s.is_demo]
        newest = max(stored, key=lambda s: s.version_id) if stored else sources[-1]
        st.session_state[state.W_DS] = _token(newest)

    def label(token: str) -> str:
        s = by_token[token]
        if s.is_demo:
            return t("app.demo_badge", lang)
        return f"{s.name} ({t('sidebar.version', lang, n=s.version_number)})"

    token = st.selectbox(t("sidebar.dataset", lang), list(by_token), key=state.W_DS, format_func=label,
                         on_change=_remember_choice)
    st.session_state[state.CHOSEN_DS] = token
    asked = st.session_state.pop(state.LINK_DS, None)
    if unknown and asked not in (None, "", token):
        # A link naming no dataset: ignored, never echoed; the dataset shown instead is named.
        st.caption(md_t("security.unknown_dataset", lang, shown=label(token)))
    return by_token[token]


def render(sources: list[Source], store_error: str | None = None) -> PageContext:
    state.seed_from_url()
    with st.sidebar:
        lang = st.segmented_control(
            t("sidebar.language", state.current_lang()), options=list(LANGS),
            format_func=LANG_NAMES.get, key=state.W_LANG, required=True)
        lang = lang or "sv"
        if store_error:
            st.error(md_t("sidebar.store_error", lang, error=store_error))
        source = _pick_source(sources, lang)
        data = load_dataset(source.key)
        if not source.is_demo:
            st.caption(md_t("sidebar.version_caption", lang, n=source.version_number,
                            at=source.created_at, by=source.created_by))

        consultations, _, _ = _options_for(data, None)
        cons_options = consultations + ([ALL] if len(consultations) > 1 else [])
        if st.session_state.get(state.W_CONS) not in cons_options:
            st.session_state[state.W_CONS] = consultations[0] if consultations else ALL
        st.subheader(t("sidebar.filters", lang))
        consultation = st.selectbox(
            t("sidebar.consultation", lang), cons_options, key=state.W_CONS,
            format_func=lambda c: t("sidebar.all_consultations", lang) if c == ALL else c)
        _, types, topics = _options_for(data, consultation)
        _keep_valid(state.W_TYPES, types)
        _keep_valid(state.W_TOPICS, topics)
        st.multiselect(t("sidebar.types", lang), types, key=state.W_TYPES,
                       format_func=lambda v: type_label(v, lang), placeholder=t("sidebar.all", lang))
        st.multiselect(t("sidebar.topics", lang), topics, key=state.W_TOPICS,
                       placeholder=t("sidebar.all", lang))
        filters = Filters(
            consultation=None if consultation == ALL else consultation,
            respondent_types=tuple(st.session_state[state.W_TYPES]),
            topics=tuple(st.session_state[state.W_TOPICS]),
        )
        st.caption(f"{t('sidebar.active_filters', lang)}: {escape_md(describe_filters(filters, lang))}")
        ctx = PageContext(lang=lang, source=source, data=data,
                          view=filtered_dataset(source.key, filters), filters=filters)
        extract_buttons(ctx)
    token = _token(source)
    _write_url(lang, consultation, filters, None if token == "demo" and len(sources) == 1 else token)
    return ctx


def _write_url(lang: str, consultation: str, filters: Filters, ds: str | None) -> None:
    """Keep lang, ds, remiss, typ and tema in the URL; leave page parameters alone.

    The filter values are :meth:`Filters.to_params`'s; the page's own parameters (``forslag``,
    ``stallning``) are not the sidebar's and stay as they are.
    """
    params = filters.to_params(all_consultations=ALL if consultation == ALL else None)
    want = {state.LANG_KEY: None if lang == "sv" else lang, state.DS_KEY: ds}
    want.update({PARAM_NAMES[name]: params.get(PARAM_NAMES[name]) for name in _URL_FILTERS})
    qp = st.query_params
    for key, value in want.items():
        have = qp.get_all(key)
        if value is None:
            if have:
                del qp[key]
        elif have != (value if isinstance(value, list) else [value]):
            qp[key] = value
