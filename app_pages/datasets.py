"""Datamängder: datasets, their versions, and restore / download / compare / delete."""
import pandas as pd
import streamlit as st

from components.audit import show_audit
from components.connection import get_store
from components.context import page_context
from components.saving import guarded
from components.state import request_dataset
from components.tables import show_table
from components.text import escape_md, md_t
from components.user import access_note, can, is_admin, refusal
from components.validation import render_diff
from i18n.strings import t
from store.diff import diff_versions

lang = page_context().lang
store = get_store()
st.title(t("datasets.title", lang))
access_note(lang)
why = None if can("delete") else refusal(lang)
if msg := st.session_state.pop("datasets_msg", None):
    st.success(msg)


def done(message: str, token: str | None = None) -> None:
    st.session_state["datasets_msg"] = message
    if token:
        request_dataset(token)
    st.rerun()


datasets = store.list_datasets(include_deleted=True)
live = [d for d in datasets if not d.is_deleted]
if not live:
    st.info(t("datasets.none", lang))
for d in live:
    versions = store.list_versions(d.id)
    with st.expander(f"{escape_md(d.name)} · {t('sidebar.version', lang, n=d.active_version_number)}", expanded=True):
        show_table(pd.DataFrame([{
            "version": v.number, "active": "✓ " + t("datasets.active", lang) if v.is_active else "",
            "created_at": v.created_at.strftime("%Y-%m-%d %H:%M"), "created_by": v.created_by,
            "file_name": v.file_name, "rows": v.n_rows, "respondents": v.n_respondents,
            "proposals": v.n_proposals} for v in reversed(versions)]), lang, key=f"versions_{d.id}")
        by_number = {v.number: v for v in versions}
        numbers = sorted(by_number, reverse=True)
        left, right = st.columns(2)
        pick = left.selectbox(t("datasets.pick_version", lang), numbers, key=f"pick_{d.id}")
        name, blob = store.original_file(by_number[pick].id)
        left.download_button(t("datasets.download_original", lang), blob, file_name=name, key=f"orig_{d.id}",
                             icon=":material/download:")
        if left.button(t("datasets.restore", lang, n=pick), key=f"restore_{d.id}",
                       disabled=by_number[pick].is_active or not can("restore"), help=why):
            if guarded(lang, d.name, store.restore, by_number[pick].id):
                done(md_t("datasets.restored", lang, name=d.name, n=pick), str(d.id))
        if right.checkbox(md_t("datasets.confirm_delete", lang, name=d.name), key=f"confirm_{d.id}"):
            if right.button(t("datasets.delete", lang), key=f"delete_{d.id}", type="primary",
                            disabled=not can("delete"), help=why):
                if guarded(lang, d.name, store.soft_delete, d.id):
                    done(md_t("datasets.deleted", lang, name=d.name), "demo")
        if len(numbers) > 1:
            a, b = st.columns(2)
            old = a.selectbox(t("datasets.compare_old", lang), numbers, index=1, key=f"old_{d.id}")
            new = b.selectbox(t("datasets.compare_new", lang), numbers, index=0, key=f"new_{d.id}")
            render_diff(diff_versions(store.load_version(by_number[old].id), store.load_version(by_number[new].id)),
                        lang, key=f"diff_{d.id}")

deleted = [d for d in datasets if d.is_deleted]
if deleted and is_admin():
    st.subheader(t("datasets.deleted_title", lang))
    for d in deleted:
        if st.button(md_t("datasets.undelete", lang, name=d.name), key=f"undelete_{d.id}"):
            if guarded(lang, d.name, store.undelete, d.id):
                done(md_t("datasets.undeleted", lang, name=d.name), str(d.id))

show_audit(store, lang, datasets)
