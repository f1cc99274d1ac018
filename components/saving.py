"""Saving an upload as a version: the name check, the diff the user saw, and the store's refusals as messages.

Pages stay thin: :func:`name_problem` says why a new name cannot be used,
:func:`shown_base` remembers which active version the last diff on screen
was made against, and :func:`save` calls the store with that version (so a
save made from a stale diff is refused) and turns every refusal into one
message in the UI's language. Every message goes through
:func:`components.text.md_t`, so a name from a user shows as typed.
"""
from __future__ import annotations

import streamlit as st

from components.text import md_t
from components.user import can, current_origin, current_user, refusal
from store.errors import (
    DatasetDeleted,
    DatasetNotFound,
    NameTaken,
    NameTooLong,
    StorageFull,
    StoreBusy,
    StoreError,
    StoreReadOnly,
    StoreUnavailable,
    VersionConflict,
)
from store.versions import NAME_MAX

_BASE_KEY = "_upload_diff_base"
#: Store methods called through :func:`guarded`, and the right each needs (store.access.ACTIONS).
_ACTIONS = {"restore": "restore", "soft_delete": "delete", "undelete": "undelete"}


def store_message(exc: StoreError, lang: str, name: str = "") -> str:
    """The message (markdown-safe) for a refusal from the store; nothing stored has changed."""
    if isinstance(exc, StoreBusy):
        return md_t("upload.busy", lang)
    if isinstance(exc, NameTaken):
        return md_t("store.name_taken_deleted" if exc.deleted else "store.name_taken", lang, name=exc.name)
    if isinstance(exc, NameTooLong):
        return md_t("store.name_too_long", lang, n=len(exc.name), limit=exc.limit)
    if isinstance(exc, VersionConflict):
        return md_t("store.version_conflict", lang, n=exc.active_number, name=exc.name)
    if isinstance(exc, DatasetDeleted):
        return md_t("store.dataset_deleted", lang, name=name)
    if isinstance(exc, DatasetNotFound):
        return md_t("store.dataset_missing", lang, name=name)
    if isinstance(exc, StorageFull):
        return md_t("store.full", lang)
    if isinstance(exc, StoreReadOnly):
        return md_t("store.read_only", lang)
    if isinstance(exc, StoreUnavailable):
        return md_t("store.unavailable", lang)
    return md_t("store.failed", lang)


def name_problem(name: str, names: list[str], lang: str) -> str | None:
    """Why ``name`` cannot be a new dataset's name (too long, or taken by a live one), or None."""
    if len(name) > NAME_MAX:
        return md_t("store.name_too_long", lang, n=len(name), limit=NAME_MAX)
    if name in names:
        return md_t("store.name_taken", lang, name=name)
    return None


def shown_base(dataset_id: int, active_version_id: int | None) -> int | None:
    """The active version the diff on screen in the PREVIOUS run was made against; records this run's.

    A click on Save reruns the page, which recomputes the diff against
    whatever is active now; the save must instead be checked against the
    diff the user actually looked at before clicking.
    """
    before = st.session_state.get(_BASE_KEY)
    st.session_state[_BASE_KEY] = (dataset_id, active_version_id)
    if before and before[0] == dataset_id:
        return before[1]
    return active_version_id


def save(store, name: str, data, file_name: str, file_bytes: bytes, lang: str, *, new: bool,
         expected_version_id: int | None, action: str = "upload"):
    """Save through the store; on a refusal show its message and return None.

    ``action`` ("upload" or "save_coding") must be allowed for this session's role
    (components.user.can); the check is made here, where the change is made, not
    only by a disabled button, so a crafted request changes nothing either.
    """
    if not can(action):
        st.error(refusal(lang), icon=":material/lock:")
        return None
    try:
        return store.save_version(name, data, file_name, file_bytes, user=current_user(), create=new,
                                  new_dataset=new, expected_version_id=None if new else expected_version_id,
                                  origin=current_origin())
    except StoreError as exc:
        st.error(store_message(exc, lang, name), icon=":material/error:")
        return None


def guarded(lang: str, name: str, action, *args, **kwargs):
    """``action(*args, user=…, origin=…, **kwargs)``: a store write (restore, delete, undelete) by this session.

    A refusal becomes a message and None. The session's role must allow the action
    (restore, delete, undelete); otherwise nothing is written.
    """
    needed = _ACTIONS.get(getattr(action, "__name__", ""), "undelete")  # unknown: the strictest right
    if not can(needed):
        st.error(refusal(lang), icon=":material/lock:")
        return None
    try:
        return action(*args, user=current_user(), origin=current_origin(), **kwargs)
    except StoreError as exc:
        st.error(store_message(exc, lang, name), icon=":material/error:")
        return None
