"""Who is using the app: the logged-in user, or "anonym"."""
from __future__ import annotations

import os

import streamlit as st

ANONYMOUS = "anonym"
#: Comma-separated e-mail addresses allowed to restore deleted datasets.
ENV_ADMINS = "REMISSKOLLEN_ADMINS"


def current_user() -> str:
    try:
        if st.user.is_logged_in:
            return str(st.user.get("email") or st.user.get("name") or ANONYMOUS)
    except Exception:  # noqa: BLE001 - no authentication configured
        pass
    return ANONYMOUS


def is_admin() -> bool:
    """Admins may restore deleted datasets.

    With ``REMISSKOLLEN_ADMINS`` unset (a single-user installation) everyone
    is; otherwise only the logged-in users it lists.
    """
    admins = {a.strip().casefold() for a in os.environ.get(ENV_ADMINS, "").split(",") if a.strip()}
    return not admins or current_user().casefold() in admins
