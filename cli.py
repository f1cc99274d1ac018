"""Remisskollen on the command line: the batch door into the same core as the app.

    python cli.py check FILE [--format text|json] [--lang sv|en] [--merges MERGES.csv]
    python cli.py summary FILE [--by COLS] [--format csv|json]
    python cli.py contrast FILE [--a Region] [--b Kommun] [--by proposal_id|topic]
                                [--count-partly] [--format csv|json]
    python cli.py export FILE --out OUT.xlsx [--consultation C] [--respondent-type T ...]
                         [--topic T ...] [--proposal ID ...] [--stance S ...] [--lang sv|en]
    python cli.py backup OUT [--database URL] [--lang sv|en]
    python cli.py restore FILE [--database URL] [--lang sv|en]
    python cli.py draft FILE --out OUT.docx [the export filters] [--lang sv|en] [--style words|counts]
    python cli.py suggest DOC... --proposals FILE [--format json|xlsx] [--out OUT.xlsx]

Exit codes: 0 valid (warnings allowed), 1 the file has errors, 2 the file
cannot be read at all (or bad arguments). No traceback is ever printed for a
bad file.

This file is the door only: it builds the parser from the subcommand modules in
``commands/`` (one each) and dispatches to them.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from commands import backup, check, contrast, draft, export, suggest, summary
from i18n.strings import t

#: In the order ``--help`` lists them (``backup`` adds ``restore`` too).
SUBCOMMANDS = (check, summary, contrast, export, backup, draft, suggest)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cli.py", description="Remisskollen: coded consultation replies.")
    sub = p.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except Exception as exc:  # noqa: BLE001 - a last line of defence: never a traceback
        error = f"{t('cli.internal_error', 'sv')} / {t('cli.internal_error', 'en')}"
        print(f"{error}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
