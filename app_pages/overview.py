"""Översikt: the picture in ten seconds."""
import streamlit as st

from analysis.profiles import respondent_headline
from charts import titles
from charts.coverage import coverage_bars
from charts.stances import stance_bars
from components import aggregates as agg
from components.charting import chart_block, join_lines, open_proposal, stop_if_empty
from components.context import page_context
from components.text import escape_md
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t

PROPOSAL_TABLE = ["proposal_id", "proposal_title", "agree", "partly", "disagree", "no_position", "n",
                  "agree_share", "partly_share", "disagree_share", "no_position_share"]

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("overview.title", lang))
stop_if_empty(c.view, lang)

fig = agg.overview_figures(key, f)
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

st.subheader(t("overview.summary", lang))
st.markdown(join_lines(escape_md(h) for h in agg.plain_headlines(key, f, lang)))

props = agg.proposal_stances(key, f)
bars = stance_bars(props, lang, label_col="label", id_col="proposal_id",
                   title=titles.proposals_title(props, lang), description=titles.proposals_description(props, lang))
event = chart_block(bars, props[PROPOSAL_TABLE], lang, key="overview_proposals", clickable=True)
st.caption(t("overview.click_hint", lang))
open_proposal(event)

cov = agg.coverage(key, f)
chart_block(coverage_bars(cov, lang, title=titles.coverage_title(cov, lang),
                          description=titles.coverage_description(cov, lang)), cov, lang, key="coverage")

st.subheader(t("overview.headlines", lang))
st.caption(t("overview.headlines_caption", lang))
people = agg.respondent_table(key, f)
with st.container(height=420):
    st.markdown("\n".join(f"- {escape_md(respondent_headline(row, lang))}" for row in people.to_dict("records")))
