"""Who is using the app, and what they may change.

With a login configured (``[auth]`` in ``.streamlit/secrets.toml``, see
docs/deployment.md), ``st.user`` names the user and :mod:`store.access`
gives the role from the allow-lists in ``[remisskollen]``::

    [remisskollen]
    editors = ["anna.andersson@regeringskansliet.se", "@enhet.example.se"]
    admins = ["it-stod@example.se"]

plus ``REMISSKOLLEN_ADMINS`` (a comma list), folded into the admins.
Without a login the app runs open: everyone is an editor, as before.
"""
from __future__ import annotations

import os

import streamlit as st

from i18n.strings import t
from store.access import AccessPolicy, Role

ANONYMOUS = "anonym"
#: Comma-separated e-mail addresses allowed to restore deleted datasets.
ENV_ADMINS = "REMISSKOLLEN_ADMINS"


def login_configured() -> bool:
    """True when the secrets hold an ``[auth]`` section (``st.login`` is set up)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all
        return False


def _settings() -> dict:
    try:
        return dict(st.secrets.get("remisskollen", {}))
    except Exception:  # noqa: BLE001 - no secrets file at all
        return {}


def policy() -> AccessPolicy:
    cfg = _settings()
    return AccessPolicy.from_settings(login=login_configured(), editors=cfg.get("editors"),
                                      admins=cfg.get("admins"), env_admins=os.environ.get(ENV_ADMINS))


def _identity() -> tuple[str | None, bool]:
    """(e-mail or name, logged in?) of the user of this session."""
    try:
        if st.user.is_logged_in:
            return str(st.user.get("email") or st.user.get("name") or "") or None, True
    except Exception:  # noqa: BLE001 - no authentication configured
        pass
    return None, False


def current_user() -> str:
    """The name written to the audit log: the logged-in e-mail, or "anonym"."""
    email, _ = _identity()
    return email or ANONYMOUS


def current_role() -> Role:
    email, logged_in = _identity()
    return policy().role(email, logged_in)


def can(action: str) -> bool:
    """May this session do ``action`` (see store.access.ACTIONS)?"""
    email, logged_in = _identity()
    return policy().allows(email, action, logged_in)


def is_admin() -> bool:
    """Admins may restore deleted datasets."""
    return can("undelete")


def refusal(lang: str) -> str:
    """Why a change is not allowed, in the UI's language."""
    email, logged_in = _identity()
    if login_configured() and not logged_in:
        return t("auth.login_to_change", lang)
    return t("auth.not_allowed", lang, user=email or ANONYMOUS, role=t(f"auth.role.{current_role()}", lang))


def access_note(lang: str) -> None:
    """On pages that change the store: say plainly when no login protects them."""
    if not login_configured():
        st.info(t("auth.open_server", lang), icon=":material/lock_open:")


def login_box(lang: str) -> None:
    """Log in / log out in the sidebar, and who is logged in with which role; nothing without a login."""
    if not login_configured():
        return
    email, logged_in = _identity()
    with st.sidebar:
        if logged_in:
            st.caption(t("auth.logged_in_as", lang, user=email or "", role=t(f"auth.role.{current_role()}", lang)))
            if st.button(t("auth.logout", lang), key="auth_logout", icon=":material/logout:"):
                st.logout()
        elif st.button(t("auth.login", lang), key="auth_login", icon=":material/login:", type="primary"):
            st.login()


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
