"""Sammanställning: the draft remissammanställning, one editable paragraph per proposal, kept in the store."""
import streamlit as st

from components import draft as ui
from components.context import page_context
from i18n.strings import t

c = page_context()
lang = c.lang
st.title(t("draft.ui.title", lang))
st.caption(t("draft.ui.intro", lang))
if c.filters.stances:
    st.info(t("draft.doc.stances_ignored", lang), icon=":material/info:")

style = ui.style_picker(lang)
draft = ui.draft_of(c)
edits, error = ui.load_edits(c)
if error:
    st.warning(t("draft.ui.store_error", lang, error=error))
ui.flash()
if not draft.proposals:
    st.info(t("draft.ui.no_proposals", lang))
    st.stop()
if all(p.kind == "no_replies" for p in draft.proposals):
    st.warning(t("app.no_rows", lang), icon=":material/filter_alt_off:")
    st.stop()

changed = ui.changed_proposals(draft, edits)
if changed:
    key = "draft.ui.changed_count_one" if len(changed) == 1 else "draft.ui.changed_count"
    st.warning(t(key, lang, n=len(changed), pids=", ".join(changed)),
               icon=":material/difference:")
ui.download(c, draft, edits, style)

for p in ui.page_of(draft.proposals, lang):
    with st.container(border=True):
        ui.proposal_block(c, p, edits.get(p.key), style)
