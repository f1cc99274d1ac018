"""``python cli.py export FILE --out OUT.xlsx [filters] [--lang sv|en]``: the app's download, from a file.

    python cli.py export FILE --out OUT.xlsx [--consultation C] [--respondent-type T ...]
                         [--topic T ...] [--proposal ID ...] [--stance S ...] [--lang sv|en]

The filters are checked as :mod:`commands.filters` says (types and stances
before the file is read). The workbook is written by ``exports`` all or
nothing (:func:`exports.atomic.write_atomic`), so a failed run never leaves
half a file.
"""
from __future__ import annotations

import sys

from commands import filters as cli_filters
from commands.loading import add_merges
from commands.output import fail, say


def add_parser(sub) -> None:
    x = sub.add_parser("export", help="filtered Excel extract, as the app's download (FILE first)")
    x.add_argument("file")
    x.add_argument("--out", required=True, help="the .xlsx file to write")
    cli_filters.add_arguments(x)
    x.add_argument("--lang", choices=("sv", "en"), default="sv")
    add_merges(x)
    x.set_defaults(func=run)


def run(args) -> int:
    from dataclasses import replace
    from pathlib import Path

    from exports.atomic import write_atomic
    from exports.meta import ExtractMeta
    from exports.workbook import ExtractTooLarge, write_extract
    from i18n.numbers import fmt_int

    lang = "en" if getattr(args, "lang", "sv") == "en" else "sv"
    vocab = cli_filters.vocabulary(args, lang)  # before the (slower) file is read
    if isinstance(vocab, str):
        print(vocab, file=sys.stderr)
        return 2
    both = cli_filters.loaded_and_filters(args, lang)
    if isinstance(both, int):
        return both
    loaded, filters = both
    out = Path(args.out)
    meta = replace(ExtractMeta.for_file(args.file), merges=getattr(args, "merge_notes", ()), merges_from_file=True)
    try:
        summary = write_atomic(out, ".xlsx", lambda tmp: write_extract(tmp, loaded.data, filters, meta, lang))
    except ExtractTooLarge as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    except OSError as exc:
        return fail("cli.write_failed", lang, out=out, err=exc.strerror or exc)
    say("cli.export.done", lang, out=out, n=fmt_int(summary.rows, lang), sheets=", ".join(summary.sheets))
    return 0
