"""``python cli.py check FILE [--format text|json] [--lang sv|en] [--merges MERGES.csv]``: validate a coded sheet.

Exit 0 valid (warnings allowed), 1 the file has errors, 2 it cannot be read.
"""
from __future__ import annotations

import json
import sys

from commands.loading import add_merges, check_payload, exit_code, load, print_report


def add_parser(sub) -> None:
    c = sub.add_parser("check", help="validate a coded sheet")
    c.add_argument("file")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--lang", choices=("sv", "en"), default="sv")
    add_merges(c)
    c.set_defaults(func=run)


def run(args) -> int:
    result = load(args)
    if isinstance(result, int):
        return result
    if args.format == "json":
        print(json.dumps(check_payload(result, args.lang), ensure_ascii=False, indent=2))
    else:
        print_report(result, sys.stdout, args.lang)
    return exit_code(result)
