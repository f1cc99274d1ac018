"""Översikt: the picture in ten seconds."""
import streamlit as st

from charts import titles
from charts.coverage import coverage_bars
from charts.stances import stance_bars
from components import aggregates as agg
from components import charting
from components.charting import chart_block, join_lines, open_proposal, stop_if_empty, text
from components.context import page_context
from components.regionmap import region_map_block
from components.text import escape_md
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t

PROPOSAL_TABLE = ["proposal_id", "proposal_title", "agree", "partly", "disagree", "no_position", "n",
                  "agree_share", "partly_share", "disagree_share", "no_position_share"]

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("overview.title", lang))
stop_if_empty(c.view, lang)

fig = agg.key_figures(key, f)
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
st.markdown(join_lines(escape_md(h) for h in agg.headlines(key, f, lang)))

props = agg.proposal_breakdown(key, f)
bars = stance_bars(props, lang, label_col="label", id_col="proposal_id",
                   title=titles.proposals_title(props, lang), description=titles.proposals_description(props, lang))
event = chart_block(bars, props[PROPOSAL_TABLE], lang, key="overview_proposals", clickable=True)
st.caption(t("overview.click_hint", lang))
open_proposal(event)

region_map_block(key, f, lang, block_key="overview_region_map")  # where in the country, for the regions

cov = agg.coverage_by_type(key, f)
chart_block(coverage_bars(cov, lang, title=titles.coverage_title(cov, lang),
                          description=titles.coverage_description(cov, lang)), cov, lang, key="coverage")

st.subheader(t("overview.headlines", lang))
st.caption(t("overview.headlines_caption", lang))
query, show_all = "", False
# A large selection has thousands of respondent lines: the first charting.HEADLINE_ROWS, a search
# box and a "show all" toggle.
everyone = agg.respondent_count(key, f)
if everyone > charting.HEADLINE_ROWS:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    query = left.text_input(text("headlines.search", lang), key="w_headline_query",
                            placeholder=text("headlines.search_placeholder", lang)).strip()
    show_all = right.toggle(text("headlines.show_all", lang, n=fmt_int(everyone, lang)), key="w_headline_all")
total, lines = agg.respondent_headlines(key, f, lang, query, None if show_all else charting.HEADLINE_ROWS)
if total > len(lines):
    st.caption(text("headlines.limited", lang, shown=fmt_int(len(lines), lang), n=fmt_int(total, lang)))
if not lines and query:
    st.info(text("headlines.none", lang))
st.markdown("\n".join(f"- {escape_md(line)}" for line in lines))
