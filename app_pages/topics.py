"""Teman: agreement per topic and respondent type, and the stances per topic."""
import streamlit as st

from analysis.shares import denominator_text
from charts import titles
from charts.heatmaps import share_heatmap
from charts.stances import stance_bars
from components import aggregates as agg
from components.charting import chart_block, stop_if_empty, url_toggle
from components.context import page_context
from i18n.sentences import render
from i18n.strings import t

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("topics.title", lang))
stop_if_empty(c.view, lang)

partly = url_toggle(t("common.count_partly", lang), param="delvis", key="w_topics_partly",
                    help=t("common.count_partly_help", lang))
cells = agg.topic_type_shares(key, f, partly)
heat = share_heatmap(cells, lang, row_col="topic", col_col="respondent_type",
                     title=titles.heatmap_title(cells, lang), description=titles.heatmap_description(cells, lang))
chart_block(heat, cells, lang, key="topics_heatmap")
st.caption(t("topics.share_note", lang, what=t("common.agree_partly" if partly else "common.agree_only", lang),
             of=render(denominator_text("addressed"), lang)))

per_topic = agg.topic_breakdown(key, f)
bars = stance_bars(per_topic, lang, label_col="topic", show_n=True, title=titles.topics_title(per_topic, lang),
                   description=titles.topics_description(per_topic, lang))
chart_block(bars, per_topic, lang, key="topics_bars")
