"""Kodningsstöd: drop replies, review the suggested coding with its evidence, save it as a version."""
from dataclasses import asdict

import streamlit as st

from coding.proposals import lists_from_frame
from coding.source import load_lists
from components import coding_review as cr
from components.connection import get_store
from components.context import page_context
from components.saving import save
from components.state import request_dataset
from components.text import md_t
from components.user import can, refusal
from components.validation import render_diff, render_report
from documents.model import DocumentError
from i18n.strings import t
from store.coding import load_provenance
from store.diff import diff_versions

c = page_context()
lang, store = c.lang, get_store()
st.title(t("coding.page.title", lang))
st.caption(t("coding.page.intro", lang))
if msg := st.session_state.pop("coding_saved", None):
    st.success(msg)
if c.source.version_id is not None:  # how often the analyst kept the suggestions behind the active version
    cr.render_agreement(load_provenance(store, c.source.version_id), lang, "coding.agree.stored")

src = st.radio(t("coding.page.list_source", lang), ["active", "upload"], horizontal=True, key="coding_src",
               format_func=lambda m: t(f"coding.page.list_{m}", lang, name=c.source.name))
lists = {}
if src == "active":
    lists = lists_from_frame(c.data.proposals)
else:
    sheet = st.file_uploader(t("coding.page.list_pick", lang), type=["xlsx", "xls", "ods", "csv", "json"],
                             key="coding_list_file")
    if sheet is not None:
        try:
            lists = load_lists(sheet.getvalue(), sheet.name)
        except DocumentError as exc:
            st.error(exc.message(lang))
if not lists:
    st.info(t("coding.page.need_list", lang))
    st.stop()
st.caption(t("coding.page.lists", lang, n=sum(len(p) for p in lists.values()), k=len(lists)))

files = st.file_uploader(t("coding.page.pick", lang), type=["pdf", "docx", "txt"], accept_multiple_files=True,
                         key=f"coding_files_{st.session_state.get('coding_round', 0)}")
if st.button(t("coding.page.read", lang), disabled=not files, type="primary", key="coding_read"):
    cr.read_replies(files, lists, lang, c.data)
for message in st.session_state.get("coding_failures", []):
    st.error(message)
found = st.session_state.get(cr.ROWS_KEY)
if found is None:
    st.stop()
if not found:
    st.info(t("coding.page.nothing", lang))
    st.stop()

n_review = sum(r["confidence"] < cr.LOW_CONFIDENCE for r in found)
only = st.toggle(t("coding.page.only_review", lang, n=n_review), key="coding_only_review")
cr.edit(found, lang, only)
final = st.session_state[cr.FINAL_KEY]
prov = cr.provenance(found, final)
cr.render_agreement([asdict(p) for p in prov], lang, "coding.agree.session")

st.subheader(t("coding.page.save_title", lang))
datasets = store.list_datasets()
names = [d.name for d in datasets]
mode = st.radio(t("upload.target", lang), ["existing", "new"] if names else ["new"], horizontal=True,
                format_func=lambda m: t(f"upload.target_{m}", lang), key="coding_mode")
base = target = None
if mode == "existing":
    name = st.selectbox(t("upload.dataset", lang), names, key="coding_dataset")
    target = next(d for d in datasets if d.name == name)
    base = store.load_version(target.active_version_id)
else:
    name = st.text_input(t("upload.new_name", lang), key="coding_new_name").strip()
    if name in names:
        st.warning(t("upload.name_taken", lang, name=name))
xlsx, result = cr.coded_data(cr.final_rows(found, final), lists, base)
if not result.ok:
    render_report(result, lang)
if target is not None:
    st.markdown(md_t("upload.diff_title", lang, name=name, n=target.active_version_number))
    render_diff(diff_versions(base, result.data), lang, key="coding")
blocked = not can("save_coding") or not result.ok or not name or (mode == "new" and name in names)
if not can("save_coding"):
    st.caption(refusal(lang))
if st.button(t("coding.page.save", lang), type="primary", disabled=blocked, key="coding_save"):
    v = save(store, name, result.data, "kodningsstod.xlsx", xlsx, lang, new=mode == "new",
             expected_version_id=target.active_version_id if target else None, action="save_coding")
    if v is not None:
        cr.record_provenance(store, v.id, prov, lang)
        request_dataset(str(v.dataset_id))
        for key in (cr.ROWS_KEY, cr.FINAL_KEY, "coding_failures", "coding_mode", "coding_new_name"):
            st.session_state.pop(key, None)
        st.session_state["coding_round"] = st.session_state.get("coding_round", 0) + 1
        st.session_state["coding_saved"] = md_t("upload.saved", lang, name=v.dataset_name, n=v.number,
                                                rows=v.n_rows)
        st.rerun()
