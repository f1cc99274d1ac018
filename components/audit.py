"""The audit trail on Datamängder: who, from which session and address, did what to which dataset."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.tables import show_table
from i18n.strings import t


def audit_frame(entries, lang: str, extra_rows: list[dict] = ()) -> pd.DataFrame:
    """Newest first; an action from the server's own machine shows the client as "lokal".

    ``extra_rows`` (name-merge decisions from :func:`components.merges.merge_audit_rows`) are
    interleaved by time; they carry no session or client.
    """
    local = t("security.client_local", lang)
    session_col, client_col = t("security.col_session", lang), t("security.col_client", lang)
    rows = [{
        "at": e.at, "user": e.user, "action": t(f"audit.{e.action}", lang),
        "dataset": e.dataset_name or "", "version": e.version_number,
        session_col: e.session or "–", client_col: e.client or (local if e.session else "–"),
    } for e in entries] + [{**r, session_col: "–", client_col: "–"} for r in extra_rows]
    rows.sort(key=lambda r: r["at"], reverse=True)
    for r in rows:
        r["at"] = r["at"].strftime("%Y-%m-%d %H:%M:%S")
    return pd.DataFrame(rows, columns=["at", "user", "action", "dataset", "version", session_col, client_col])


def show_audit(store, lang: str, datasets=()) -> None:
    from components.merges import merge_audit_rows

    st.subheader(t("datasets.audit", lang))
    st.caption(t("security.audit_caption", lang))
    show_table(audit_frame(store.audit_log(), lang, merge_audit_rows(store, datasets, lang)), lang, key="audit")
