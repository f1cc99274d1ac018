"""Kommentarer: search the coded comments, by proposal, stance and (in the sidebar) type."""
from dataclasses import replace

import streamlit as st

from analysis.filters import PARAM_NAMES
from components import aggregates as agg
from components import charting
from components.charting import PROPOSAL_PARAM, quote_md, stop_if_empty, text, url_multiselect, url_text
from components.context import page_context
from components.tables import show_table
from components.text import escape_md
from i18n.numbers import fmt_int
from i18n.strings import stance_label, t, type_label
from loaders.schema import STANCES

LIMIT = 200
TABLE = ["proposal_id", "respondent", "respondent_type", "stance", "comment"]

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("comments.title", lang))
stop_if_empty(c.view, lang)

opts = agg.proposal_options(key, f)
labels = dict(zip(opts["proposal_id"].tolist(), opts["label"].tolist()))
query = url_text(t("comments.search", lang), param="sok", key="w_comment_query",
                 placeholder=t("comments.search_placeholder", lang))
left, right = st.columns(2)
with left:
    props, _ = url_multiselect(t("comments.proposals", lang), list(labels), param=PROPOSAL_PARAM,
                               key="w_comment_proposals", format_func=labels.get, placeholder=t("sidebar.all", lang))
with right:
    stances, _ = url_multiselect(t("comments.stances", lang), list(STANCES), param=PARAM_NAMES["stances"],
                                 key="w_comment_stances", format_func=lambda s: stance_label(s, lang),
                                 placeholder=t("sidebar.all", lang))
st.caption(t("comments.type_hint", lang))

# The count and the first charting.TABLE_ROWS matches (in the table's order): a large selection has
# hundreds of thousands of comments, which no one reads in a table (the sidebar's download has them all).
total, rows = agg.comment_matches(key, replace(f, proposals=tuple(props), stances=tuple(stances)), query,
                               max(charting.TABLE_ROWS, LIMIT))
if total == 0:
    st.info(t("comments.none", lang))
    st.stop()
shown = rows.head(LIMIT)
st.subheader(t("comments.count", lang, n=fmt_int(total, lang)))
if total > LIMIT:
    st.caption(t("comments.limited", lang, shown=fmt_int(LIMIT, lang), n=fmt_int(total, lang)))
table = rows.head(charting.TABLE_ROWS)
with st.expander(t("common.show_table", lang), icon=":material/table:"):
    if total > len(table):
        st.caption(text("cap.table", lang, shown=fmt_int(len(table), lang), n=fmt_int(total, lang)))
    show_table(table[TABLE], lang, key="comments_table")
st.markdown("\n\n".join(
    f"**{escape_md(r['respondent'])}** ({escape_md(type_label(r['respondent_type'], lang))}) · "
    f"{escape_md(labels.get(r['proposal_id'], r['proposal_id']))} · {stance_label(r['stance'], lang)}\n\n"
    f"{quote_md(r['comment'], query)}" for r in shown.to_dict("records")))
