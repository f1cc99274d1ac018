"""Region vs kommun: two groups' agreement side by side, with intervals and tests."""
import streamlit as st

from charts import titles
from charts.contrast import dumbbell
from components import aggregates as agg
from components.charting import chart_block, group_labels, open_proposal, stop_if_empty, url_selectbox, url_toggle
from components.context import page_context
from components.regionmap import region_map_block
from i18n.strings import t, type_label

BY = ["proposal_id", "topic", "addressee"]
TABLE = ["label", "a_agree", "a_total", "a_share", "a_low", "a_high", "b_agree", "b_total", "b_share", "b_low",
         "b_high", "difference", "p_value", "p_holm", "small_n"]
WEIGHTED = ["label", "a_n", "a_share", "a_coverage", "b_n", "b_share", "b_coverage", "difference"]

c = page_context()
lang, key, f = c.lang, c.source.key, c.filters
st.title(t("contrast.title", lang))
stop_if_empty(c.view, lang)

by, _ = url_selectbox(t("contrast.by", lang), BY, param="per", key="w_contrast_by", widget=st.radio,
                      horizontal=True, format_func=lambda v: t(f"contrast.by.{v}", lang))
options = agg.present_values(key, f)["addressees" if by == "addressee" else "types"]
if len(options) < 2:
    st.info(t("contrast.need_two", lang))
    st.stop()
name = (lambda v: t("contrast.addressed_to", lang, x=v)) if by == "addressee" else (lambda v: type_label(v, lang))
left, right = st.columns(2)
with left:
    a, _ = url_selectbox(t("contrast.a", lang), options, param="a", key=f"w_contrast_a_{by}", format_func=name,
                         default="Region" if "Region" in options else options[0])
rest = [o for o in options if o != a]
with right:
    b, _ = url_selectbox(t("contrast.b", lang), rest, param="b", key=f"w_contrast_b_{by}", format_func=name,
                         default="Kommun" if "Kommun" in rest else rest[0])
o1, o2, o3 = st.columns(3)
with o1:
    partly = url_toggle(t("common.count_partly", lang), param="delvis", key="w_contrast_partly",
                        help=t("common.count_partly_help", lang))
with o2:
    denominator, _ = url_selectbox(t("contrast.denominator", lang), ["addressed", "positioned"], param="namnare",
                                   key="w_contrast_denominator",
                                   format_func=lambda v: t(f"contrast.denominator.{v}", lang))
with o3:
    sort, _ = url_selectbox(t("contrast.sort", lang), ["key", "difference"], param="sortering", key="w_contrast_sort",
                            widget=st.radio, format_func=lambda v: t(f"contrast.sort.{v}", lang))

rows = agg.contrast_table(key, f, a, b, by, partly, denominator, sort)
a_name, b_name = name(a), name(b)
fig = dumbbell(rows, lang, a_name=a_name, b_name=b_name, id_col="proposal_id" if by == "proposal_id" else None,
               title=titles.contrast_title(rows, lang, a, b, by),
               description=titles.contrast_description(rows, lang, a_name, b_name))
event = chart_block(fig, rows[TABLE], lang, key=f"contrast_{by}", labels=group_labels(a_name, b_name, lang),
                    clickable=by == "proposal_id")
st.caption(t("contrast.method_addressee" if by == "addressee" else "contrast.method", lang))
open_proposal(event)
if "Region" in (a, b) and by != "addressee":
    region_map_block(key, f, lang, count_partly=partly, block_key="contrast_region_map")

if by == "proposal_id" and url_toggle(t("contrast.weighted", lang), param="viktat", key="w_contrast_weighted",
                                      help=t("contrast.weighted_help", lang)):
    w = agg.weighted_pair(key, f, a, b, partly)
    if w.empty:
        st.info(t("chart.weighted.none", lang))
    else:
        wfig = dumbbell(w, lang, a_name=a_name, b_name=b_name, intervals=False, n_cols=("a_n", "b_n"),
                        small_col=None, title=titles.weighted_title(w, lang, a, b),
                        description=titles.weighted_description(w, lang, a, b))
        chart_block(wfig, w[WEIGHTED], lang, key="contrast_weighted", labels=group_labels(a_name, b_name, lang, "n"))
