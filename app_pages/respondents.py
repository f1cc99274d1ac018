"""Remissinstanser: one respondent's profile, and every respondent × proposal at a glance."""
import streamlit as st

from analysis.profiles import respondent_headline
from charts import titles
from charts.heatmaps import stance_grid
from components import aggregates as agg
from components.charting import chart_block, show_frame, stop_if_empty, url_selectbox
from components.context import page_context
from components.text import escape_md
from i18n.strings import t, type_label

ANSWER_TABLE = ["proposal_id", "proposal_title", "stance", "comment"]
KEYS = ("respondent", "respondent_type")

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("respondents.title", lang))
stop_if_empty(c.view, lang)

people = agg.respondent_choices(key, f)
types = dict(zip(people["respondent"], people["respondent_type"].astype("str")))
who, rejected = url_selectbox(t("respondents.pick", lang), list(types), param="instans", key="w_respondent",
                              format_func=lambda n: f"{n} ({type_label(types[n], lang)})")
if rejected:
    st.warning(t("respondents.unknown", lang, name=rejected, shown=who))
summaries, answers = agg.respondent_profile(key, f, who)
for row in summaries:
    st.subheader(escape_md(respondent_headline(row, lang)))
show_frame(answers[ANSWER_TABLE], lang, key="respondent_answers")

st.divider()
sort, _ = url_selectbox(t("respondents.sort", lang), ["type", "agreement"], param="sortering", key="w_grid_sort",
                        widget=st.radio, horizontal=True, format_func=lambda v: t(f"respondents.sort.{v}", lang))
grid = agg.stance_grid(key, f, sort)
proposals = [col for col in grid.columns if col not in KEYS]
fig = stance_grid(grid, lang, proposal_cols=proposals, title=titles.grid_title(grid, proposals, lang),
                  description=titles.grid_description(grid, proposals, lang, t(f"respondents.sorted.{sort}", lang)))
chart_block(fig, grid, lang, key="respondents_grid", stance_cols=proposals)
