"""Ladda upp: validate a coded sheet, see what changes, and save it as a version."""
import streamlit as st

from components.connection import get_store
from components.context import page_context
from components.datasource import TEMPLATE_PATH
from components.merges import merge_panel, record_decisions
from components.saving import name_problem, save, shown_base
from components.state import request_dataset
from components.tables import show_table
from components.text import md_t
from components.upload_hints import save_hint, suggested_name
from components.user import access_note, can, refusal
from components.validation import compare_with_progress, render_diff, render_report, validate_with_progress
from i18n.strings import t
from loaders.sanitize import strip_macros
from store import merges as merge_store
from store.diff import diff_versions

c, lang = page_context(), page_context().lang
store = get_store()
st.title(t("upload.title", lang))
access_note(lang)
if msg := st.session_state.pop("upload_saved", None):
    st.success(msg)
st.download_button(t("upload.template", lang), TEMPLATE_PATH.read_bytes(), file_name="remisskollen-mall.xlsx",
                   icon=":material/description:")
uploaded = st.file_uploader(t("upload.pick", lang), type=["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"],
                            key=f"upload_file_{st.session_state.get('upload_round', 0)}",
                            help=t("upload.pick_help", lang), max_upload_size=st.get_option("server.maxUploadSize"))
st.caption(md_t("store.size_cap", lang, mb=st.get_option("server.maxUploadSize")))
if uploaded is None:
    st.stop()

raw = uploaded.getvalue()
result, progress = validate_with_progress(uploaded.name, raw, lang)
render_report(result, lang)
if result.report.unreadable:
    st.stop()

st.subheader(t("upload.preview", lang))
show_table(result.data.responses.head(50), lang, key="preview")

datasets = store.list_datasets()
names = [d.name for d in datasets]
mode = st.radio(t("upload.target", lang), ["existing", "new"] if names else ["new"], horizontal=True,
                format_func=lambda m: t(f"upload.target_{m}", lang), key="upload_mode")
target = None
if mode == "existing":
    name = st.selectbox(t("upload.dataset", lang), names, key="upload_dataset")
    target = next(d for d in datasets if d.name == name)
    base = shown_base(target.id, target.active_version_id)
else:
    name, base = st.text_input(t("upload.new_name", lang), value=suggested_name(result.data.responses, uploaded.name),
                               key="upload_new_name").strip(), None
    if problem := name_problem(name, names, lang):
        st.warning(problem)
# Near-duplicate names: stored decisions are applied, new pairs are asked about (recorded on save).
data, decisions = merge_panel(result.data, merge_store.current(store, target.id) if target else [], lang) \
    if result.ok else (result.data, [])
if target is not None:
    st.subheader(md_t("upload.diff_title", lang, name=name, n=target.active_version_number))
    diff = compare_with_progress(progress, uploaded.name, name, target.active_version_number, lang,
                                 lambda: diff_versions(store.load_version(target.active_version_id), data))
    render_diff(diff, lang, key="upload")

allowed = can("upload")
hint = refusal(lang) if not allowed else save_hint(
    file_ok=result.ok, name=name, name_problem=name_problem(name, names, lang) if mode == "new" else None, lang=lang)
blocked = hint is not None
if hint:
    st.caption(hint)
if st.button(t("upload.save", lang), type="primary", disabled=blocked, key="upload_save"):
    kept, kept_name = strip_macros(raw, uploaded.name)
    v = save(store, name, data, kept_name, kept, lang, new=mode == "new", expected_version_id=base)
    if v is not None:
        merged = record_decisions(store, v.dataset_id, decisions, lang)
        request_dataset(str(v.dataset_id))
        for key in ("upload_mode", "upload_new_name", "upload_dataset"):
            st.session_state.pop(key, None)
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.session_state["upload_saved"] = md_t("upload.saved", lang, name=v.dataset_name, n=v.number,
                                                rows=v.n_rows) + merged
        st.rerun()
