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


def current_origin():
    """Where this session's changes come from, for the audit log (:class:`store.versions.Origin`).

    ``session``: the first 12 hex digits of a sha256 of Streamlit's session
    id, the same for every action of one browser session but not usable to
    join it. ``client``: ``st.context.ip_address`` (None when the browser is
    on the same machine), with an ``X-Forwarded-For`` header in front when a
    proxy sets one (a header can be forged; it is recorded, not trusted).
    """
    import hashlib

    from store.versions import Origin

    session = client = None
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is not None:
            session = hashlib.sha256(str(ctx.session_id).encode()).hexdigest()[:12]
    except Exception:  # noqa: BLE001 - outside a Streamlit run there is no session
        pass
    try:
        ip = st.context.ip_address
        client = ip if isinstance(ip, str) else None
        forwarded = (st.context.headers or {}).get("X-Forwarded-For")
        if isinstance(forwarded, str) and forwarded:
            client = f"{forwarded} via {client or 'localhost'}"
    except Exception:  # noqa: BLE001 - no request context (bare mode, tests)
        pass
    return Origin(session=session, client=client)
