"""Remissinstanser: one respondent's profile, and every respondent × proposal at a glance."""
import streamlit as st

from analysis.profiles import respondent_headline
from charts import titles
from charts.heatmaps import stance_grid
from components import aggregates as agg
from components import charting
from components.charting import chart_block, stop_if_empty, text, url_selectbox
from components.context import page_context
from components.tables import show_table
from components.text import escape_md, md_t
from i18n.numbers import fmt_int
from i18n.sentences import render
from i18n.strings import t, type_label

ANSWER_TABLE = ["proposal_id", "proposal_title", "stance", "comment"]
KEYS = ("respondent", "respondent_type")


def _page_number(value: str):
    """A page number from the URL (1, 2, ...), or None."""
    return int(value) if str(value).isdigit() else None


c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("respondents.title", lang))
stop_if_empty(c.view, lang)

people = agg.respondent_options(key, f)
types = dict(zip(people["respondent"].tolist(), people["respondent_type"].astype("str").tolist()))
who, rejected = url_selectbox(t("respondents.pick", lang), list(types), param="instans", key="w_respondent",
                              format_func=lambda n: f"{n} ({type_label(types[n], lang)})")
if rejected:
    st.warning(md_t("security.unknown_respondent", lang, shown=who))
summaries, answers = agg.respondent_profile(key, f, who)
for row in summaries:
    st.subheader(escape_md(render(respondent_headline(row), lang)))
show_table(answers[ANSWER_TABLE], lang, key="respondent_answers")

st.divider()
sort, _ = url_selectbox(t("respondents.sort", lang), ["type", "agreement"], param="sortering", key="w_grid_sort",
                        widget=st.radio, horizontal=True, format_func=lambda v: t(f"respondents.sort.{v}", lang))
# The grid is one consultation's respondents × its proposals: with every consultation selected,
# the reader picks one (the first by default).
grid_consultation = None
consultations = agg.respondent_consultations(key, f)
if f.consultation is None and len(consultations) > 1:
    grid_consultation, _ = url_selectbox(text("grid.consultation", lang), consultations, param="matris",
                                         key="w_grid_consultation")
    st.caption(text("grid.one_consultation", lang))
grid = agg.stance_matrix(key, f, sort, grid_consultation)
proposals = [col for col in grid.columns if col not in KEYS]
# A consultation can have hundreds of respondents and the grid draws a cell per answer: one page of
# charting.GRID_ROWS respondents at a time.
rows_per_page = charting.GRID_ROWS
shown = grid
if len(grid) > rows_per_page:
    pages = list(range(1, (len(grid) + rows_per_page - 1) // rows_per_page + 1))

    def _rows(page_no: int) -> str:
        return text("grid.rows_option", lang, first=fmt_int((page_no - 1) * rows_per_page + 1, lang),
                    last=fmt_int(min(len(grid), page_no * rows_per_page), lang), n=fmt_int(len(grid), lang))

    page, _ = url_selectbox(text("grid.rows", lang), pages, param="rader", key="w_grid_rows", format_func=_rows,
                            parse=_page_number)
    start = (page - 1) * rows_per_page
    shown = grid.iloc[start:start + rows_per_page]
    st.caption(text("grid.rows_caption", lang, shown=fmt_int(rows_per_page, lang), first=fmt_int(start + 1, lang),
                    last=fmt_int(start + len(shown), lang), n=fmt_int(len(grid), lang)))
fig = stance_grid(shown, lang, proposal_cols=proposals, title=titles.grid_title(grid, proposals, lang),
                  description=titles.grid_description(grid, proposals, lang, t(f"respondents.sorted.{sort}", lang)))
chart_block(fig, shown, lang, key="respondents_grid", stance_cols=proposals)
