"""Remisskollen, the web door: page config, shared sidebar, navigation.

Run with ``make run`` (or ``streamlit run app.py``). Pages live in
``app_pages/`` (not ``pages/``, which would switch Streamlit to its older
multipage mode and conflict with ``st.navigation``).
"""
from __future__ import annotations

import streamlit as st

from components import heap, menu, sidebar, user
from components.context import set_page_context
from components.datasource import demo_source, stored_sources
from components.printing import inject_print_css, inject_print_fit
from components.state import current_lang, seed_from_url
from i18n.strings import t

st.set_page_config(page_title="Remisskollen", page_icon=":material/fact_check:", layout="wide")
heap.freeze_once()  # later post-run collections skip the long-lived heap (components/heap.py)
inject_print_css()

seed_from_url()
lang = current_lang()
PAGES = {
    t("nav.section.analysis", lang): [
        # The overview is served at the app root and, through a hidden twin, at its own address:
        # Streamlit reserves the default page's url_path but answers a direct visit to it with
        # "Page not found", so the default page takes a path no link uses.
        st.Page("app_pages/overview.py", title=t("nav.overview", lang), url_path="start",
                icon=":material/dashboard:", default=True),
        st.Page("app_pages/overview.py", title=t("nav.overview", lang), url_path="oversikt",
                icon=":material/dashboard:", visibility="hidden"),
        st.Page("app_pages/proposal.py", title=t("nav.proposals", lang), url_path="forslag",
                icon=":material/description:"),
        st.Page("app_pages/topics.py", title=t("nav.topics", lang), url_path="teman", icon=":material/category:"),
        st.Page("app_pages/contrast.py", title=t("nav.contrast", lang), url_path="region-kommun",
                icon=":material/compare_arrows:"),
        st.Page("app_pages/respondents.py", title=t("nav.respondents", lang), url_path="instanser",
                icon=":material/groups:"),
        st.Page("app_pages/comments.py", title=t("nav.comments", lang), url_path="kommentarer",
                icon=":material/forum:"),
        st.Page("app_pages/draft.py", title=t("draft.nav", lang), url_path="sammanstallning",
                icon=":material/edit_note:"),
    ],
    t("nav.section.data", lang): [
        st.Page("app_pages/upload.py", title=t("nav.upload", lang), url_path="ladda-upp",
                icon=":material/upload_file:"),
        st.Page("app_pages/datasets.py", title=t("nav.datasets", lang), url_path="datamangder",
                icon=":material/database:"),
        st.Page("app_pages/coding.py", title=t("coding.nav", lang), url_path="kodningsstod",
                icon=":material/rate_review:"),
    ],
}
nav = st.navigation(PAGES, position="hidden")
menu.render(PAGES)
user.login_box(lang)
stored, store_error = stored_sources()
ctx = sidebar.render(stored + [demo_source()], store_error)
set_page_context(ctx)
inject_print_fit()
if ctx.source.is_demo:
    st.info(t("app.demo_notice", ctx.lang), icon=":material/info:")
nav.run()
