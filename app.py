"""Remisskollen, the web door: page config, shared sidebar, navigation.

Run with ``make run`` (or ``streamlit run app.py``). Pages live in
``app_pages/`` (not ``pages/``, which would switch Streamlit to its older
multipage mode and conflict with ``st.navigation``).
"""
from __future__ import annotations

import streamlit as st

from components import sidebar
from components.context import set_page_context
from components.datasource import demo_source
from components.state import current_lang, seed_from_url
from i18n.strings import t

st.set_page_config(page_title="Remisskollen", page_icon=":material/fact_check:", layout="wide")

seed_from_url()
lang = current_lang()
PAGES = {
    t("nav.section.analysis", lang): [
        st.Page("app_pages/overview.py", title=t("nav.overview", lang), url_path="oversikt",
                icon=":material/dashboard:", default=True),
    ],
}
nav = st.navigation(PAGES)
ctx = sidebar.render(demo_source())
set_page_context(ctx)
if ctx.source.is_demo:
    st.info(t("app.demo_notice", ctx.lang), icon=":material/info:")
nav.run()
