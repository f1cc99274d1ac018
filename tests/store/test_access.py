"""Roles and rights (store/access.py): a truth table of users, lists and actions."""
from __future__ import annotations

import pytest

from store.access import ACTIONS, AccessPolicy

TEAM = AccessPolicy.from_settings(login=True, editors=["anna@dep.se", " @Enhet.Dep.se "],
                                  admins="it@dep.se", env_admins="Chef@Dep.se, ")


@pytest.mark.parametrize(("email", "logged_in", "role"), [
    ("anna@dep.se", True, "editor"),          # listed by address
    ("ANNA@dep.se ", True, "editor"),         # case and spaces ignored
    ("bo@enhet.dep.se", True, "editor"),      # listed by domain
    ("bo@annan.enhet.dep.se", True, "viewer"),  # a subdomain is another domain
    ("it@dep.se", True, "admin"),             # admin list from the secrets
    ("chef@dep.se", True, "admin"),           # admin list from REMISSKOLLEN_ADMINS, folded in
    ("cecilia@dep.se", True, "viewer"),       # logged in, on no list
    ("anna@dep.se", False, "viewer"),         # not logged in
    (None, False, "viewer"),
    ("anna", True, "viewer"),                 # not an address
])
def test_roles_with_login(email, logged_in, role):
    assert TEAM.role(email, logged_in) == role


@pytest.mark.parametrize(("policy", "email", "role"), [
    (AccessPolicy.from_settings(login=False), None, "admin"),       # single-user installation
    (AccessPolicy.from_settings(login=False, env_admins="it@dep.se"), None, "editor"),
    (AccessPolicy.from_settings(login=False, env_admins="it@dep.se"), "it@dep.se", "admin"),
])
def test_roles_without_login(policy, email, role):
    assert policy.role(email) == role


def test_rights_per_role():
    expected = {
        "viewer": set(),
        "editor": {"upload", "restore", "delete", "merge", "save_coding", "save_draft"},
        "admin": set(ACTIONS),
    }
    who = {"viewer": "cecilia@dep.se", "editor": "anna@dep.se", "admin": "it@dep.se"}
    for role, email in who.items():
        assert {a for a in ACTIONS if TEAM.allows(email, a, logged_in=True)} == expected[role]
    assert not any(TEAM.allows("anna@dep.se", a, logged_in=False) for a in ACTIONS)
