"""Upload limits: sizes, the capped child process, container checks, problem caps.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
}
