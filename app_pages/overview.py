"""Översikt: the picture in ten seconds."""
import streamlit as st

from analysis.coverage import coverage_by_type
from analysis.profiles import respondent_headline
from components.context import page_context
from components.tables import show_table
from components.text import escape_md
from components.aggregates import overview_figures, respondent_table
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t

c = page_context()
lang = c.lang
st.title(t("overview.title", lang))
if c.view.responses.empty:
    st.warning(t("app.no_rows", lang))
    st.stop()

fig = overview_figures(c.source.key, c.filters)
cols = st.columns(4)
cols[0].metric(t("overview.respondents", lang), fmt_int(fig["replied"], lang))
cols[0].caption(t("overview.respondents_help", lang, replied=fmt_int(fig["replied"], lang),
                  invited=fmt_int(fig["invited"], lang)))
cols[1].metric(t("overview.proposals", lang), fmt_int(fig["proposals"], lang))
cols[1].caption(t("overview.proposals_help", lang))
cols[2].metric(t("overview.answers", lang), fmt_int(fig["answers"], lang))
cols[2].caption(t("overview.answers_help", lang))
cols[3].metric(t("overview.agree", lang), fmt_pct(fig["agree_share"], lang))
cols[3].caption(t("overview.agree_help", lang, k=fmt_int(fig["agree"], lang), n=fmt_int(fig["answers"], lang)))

st.subheader(t("overview.by_type", lang))
show_table(coverage_by_type(c.view), lang, key="coverage")

st.subheader(t("overview.headlines", lang))
st.caption(t("overview.headlines_caption", lang))
people = respondent_table(c.source.key, c.filters)
with st.container(height=420):
    st.markdown("\n".join(f"- {escape_md(respondent_headline(row, lang))}" for row in people.to_dict("records")))
