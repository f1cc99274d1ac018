"""Förslag: one proposal, by respondent type, with every respondent's answer and comment."""
import streamlit as st

from charts import titles
from charts.stances import stance_bars
from components import aggregates as agg
from components.charting import (
    PROPOSAL_PARAM,
    chart_block,
    stop_if_empty,
    url_selectbox,
)
from components.context import page_context
from components.tables import show_table
from components.text import md_t
from i18n.numbers import fmt_int
from i18n.strings import t

TYPE_TABLE = ["respondent_type", "agree", "partly", "disagree", "no_position", "n",
              "agree_share", "partly_share", "disagree_share", "no_position_share"]
ANSWER_TABLE = ["respondent", "respondent_type", "stance", "comment"]

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("proposal.title", lang))
stop_if_empty(c.view, lang)

opts = agg.proposal_options(key, f)
ids = opts["proposal_id"].tolist()
labels = dict(zip(ids, opts["label"].tolist()))
if not labels:
    st.info(t("proposal.none", lang))
    st.stop()
pid, rejected = url_selectbox(t("proposal.pick", lang), list(labels), param=PROPOSAL_PARAM, key="w_proposal",
                              format_func=labels.get)
if rejected:
    st.warning(md_t("security.unknown_proposal", lang, shown=labels[pid]))
topics = dict(zip(ids, opts["topic"].tolist()))
consultations = dict(zip(ids, opts["consultation"].tolist()))
st.caption(md_t("proposal.meta", lang, topic=topics[pid] or "–", consultation=consultations[pid]))

by_type = agg.proposal_by_type(key, f, pid)
if by_type["n"].sum() == 0:
    st.info(t("proposal.no_answers", lang))
else:
    fig = stance_bars(by_type, lang, label_col="respondent_type", show_n=True,
                      title=titles.proposal_types_title(by_type, pid, lang),
                      description=titles.proposal_types_description(by_type, lang))
    chart_block(fig, by_type[TYPE_TABLE], lang, key="proposal_types")

answers = agg.proposal_answers(key, f, pid)
st.subheader(t("proposal.respondents", lang, n=fmt_int(len(answers), lang)))
missing = agg.not_addressing(key, f, pid)
if missing:
    st.caption(t("proposal.not_addressing", lang, n=fmt_int(missing, lang)))
show_table(answers[ANSWER_TABLE], lang, key="proposal_answers")
