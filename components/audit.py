"""The audit trail on Datamängder: who, from which session and address, did what to which dataset."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.tables import show_table
from i18n.strings import t


def audit_frame(entries, lang: str) -> pd.DataFrame:
    """Newest first; an action from the server's own machine shows the client as "lokal"."""
    local = t("security.client_local", lang)
    return pd.DataFrame([{
        "at": e.at.strftime("%Y-%m-%d %H:%M:%S"), "user": e.user, "action": t(f"audit.{e.action}", lang),
        "dataset": e.dataset_name or "", "version": e.version_number,
        t("security.col_session", lang): e.session or "–",
        t("security.col_client", lang): e.client or (local if e.session else "–"),
    } for e in reversed(entries)], columns=["at", "user", "action", "dataset", "version",
                                           t("security.col_session", lang), t("security.col_client", lang)])


def show_audit(store, lang: str) -> None:
    st.subheader(t("datasets.audit", lang))
    st.caption(t("security.audit_caption", lang))
    show_table(audit_frame(store.audit_log(), lang), lang, key="audit")
