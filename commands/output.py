"""What the subcommands print: i18n texts to stdout or stderr, and result tables as CSV or JSON."""
from __future__ import annotations

import json
import sys

from i18n.strings import t


def say(key: str, lang: str, *, to_stderr: bool = False, **fmt) -> None:
    """Print the text ``key`` in ``lang`` (to stderr if ``to_stderr``): the only way a subcommand speaks."""
    print(t(key, lang, **fmt), file=sys.stderr if to_stderr else sys.stdout)


def fail(key: str, lang: str, **fmt) -> int:
    """Print the text ``key`` to stderr and return exit code 2 (bad arguments or an unusable file)."""
    say(key, lang, to_stderr=True, **fmt)
    return 2


def write_table(frame, fmt: str, out=None) -> None:
    """Write a result frame as CSV (4-decimal floats, empty for no data) or JSON.

    CSV is for spreadsheets, so formula-like text is made inert as in the extract
    (``exports.safe``); JSON is for programs and keeps every value exact.
    """
    from analysis.tabular import format_csv, to_records

    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(to_records(frame), ensure_ascii=False, indent=2) + "\n")
    else:
        from exports.safe import inert_text

        out.write(format_csv(inert_text(frame)))
