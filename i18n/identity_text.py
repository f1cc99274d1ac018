"""Proposal ids, respondent names and identities, CSV reading, inert text outputs.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
}
