"""Skip a test for a missing tool, except in CI, where it must fail instead.

On a developer machine without, say, PostgreSQL or Chromium, the test skips
with a visible reason. Under ``CI=true`` the same condition is a failure, so
a green CI run can never hide skipped browser or database tests.
"""
from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)
