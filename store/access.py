"""Who may change what is stored: roles from a login, as a pure policy.

    policy = AccessPolicy.from_settings(login=True, editors=["anna@dep.se", "@dep.se"], admins=["it@dep.se"])
    policy.role("bo@dep.se")          -> "editor"
    policy.allows("bo@dep.se", "undelete") -> False

Three roles, each with the rights of the one before:

- **viewer**: reads every page and downloads extracts and drafts;
- **editor**: also uploads, restores a version, deletes a dataset, confirms
  name merges, and saves a coding or a draft;
- **admin**: also restores a deleted dataset.

An entry in a list is an e-mail address (``anna@dep.se``) or a whole domain
(``@dep.se``); matching ignores case and surrounding spaces. Admins are
editors too.

Without a login (no ``[auth]`` in the secrets) the app runs open as before:
everyone is an editor, and an admin unless an admin list is set (then no
one can undelete, since no one is identified). With a login, a visitor who
has not logged in is a viewer, and a logged-in user not on any list is a
viewer too.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Role = Literal["viewer", "editor", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "admin")

#: Every action that changes what is stored, and the least role that may do it.
ACTIONS: dict[str, Role] = {
    "upload": "editor",
    "restore": "editor",
    "delete": "editor",
    "merge": "editor",
    "save_coding": "editor",
    "save_draft": "editor",
    "undelete": "admin",
}


def _entries(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = values.split(",")
    return tuple(sorted({v.strip().casefold() for v in values if v and v.strip()}))


def _matches(email: str, entries: tuple[str, ...]) -> bool:
    email = email.strip().casefold()
    if "@" not in email:
        return False
    domain = "@" + email.rsplit("@", 1)[1]
    return any(e == email or (e.startswith("@") and e == domain) for e in entries)


@dataclass(frozen=True)
class AccessPolicy:
    login: bool = False
    editors: tuple[str, ...] = ()
    admins: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, *, login: bool, editors: Iterable[str] | str | None = None,
                      admins: Iterable[str] | str | None = None,
                      env_admins: str | None = None) -> AccessPolicy:
        """The policy from the secrets' lists plus ``REMISSKOLLEN_ADMINS`` (a comma list), folded together."""
        return cls(login=login, editors=_entries(editors),
                   admins=tuple(sorted(set(_entries(admins)) | set(_entries(env_admins)))))

    def role(self, email: str | None, logged_in: bool = False) -> Role:
        """The role of the user with ``email`` (None or "" when unknown)."""
        if not self.login:
            if not self.admins:
                return "admin"
            return "admin" if email and _matches(email, self.admins) else "editor"
        if not logged_in or not email:
            return "viewer"
        if _matches(email, self.admins):
            return "admin"
        if _matches(email, self.editors):
            return "editor"
        return "viewer"

    def allows(self, email: str | None, action: str, logged_in: bool = False) -> bool:
        """True if that user may do ``action`` (a key of :data:`ACTIONS`)."""
        needed = ACTIONS[action]
        return ROLES.index(self.role(email, logged_in)) >= ROLES.index(needed)
