"""``python cli.py suggest``: suggested coding for reply documents, as JSON or as a coded sheet.

    python cli.py suggest DOC... --proposals FILE [--format json|xlsx] [--out OUT.xlsx]
                                 [--consultation C] [--lang sv|en]

JSON (to stdout) is a list of {document, respondent, respondent_type, proposal_id,
stance, confidence, evidence, page}. The xlsx is a coded sheet in the long
format, evidence as the comment and document + page as the source, ready for
``cli.py check`` and upload. A document that cannot be read is named with the
reason on stderr and the others are still read (exit 1); an unusable proposal
file is exit 2. The reading itself is :mod:`coding` (pure logic).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from commands.output import fail, say


def add_parser(sub) -> None:
    g = sub.add_parser("suggest", help="suggest the coding of reply documents (PDF, DOCX, text)")
    g.add_argument("documents", nargs="+", metavar="DOC")
    g.add_argument("--proposals", required=True, help="coded sheet, Förslag sheet or JSON with the proposal list")
    g.add_argument("--consultation", help="the consultation to read against when the file holds several")
    g.add_argument("--format", choices=("json", "xlsx"), default="json")
    g.add_argument("--out", help="the .xlsx to write (required with --format xlsx)")
    g.add_argument("--lang", choices=("sv", "en"), default="sv")
    g.set_defaults(func=run)


def run(args) -> int:
    from coding.batch import ROW_FIELDS, read_many, rows
    from coding.sheet import coded_sheet
    from coding.source import load_lists_path
    from documents.model import DocumentError

    lang = args.lang
    if args.format == "xlsx" and not args.out:
        return fail("cli.suggest.need_out", lang)
    try:
        lists = load_lists_path(args.proposals)
    except DocumentError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    if args.consultation:
        if args.consultation not in lists:
            return fail("cli.suggest.no_consultation", lang, name=args.consultation, known="; ".join(lists))
        lists = {args.consultation: lists[args.consultation]}
    files = []
    failed = 0
    for doc in args.documents:
        try:
            files.append((Path(doc).name, Path(doc).read_bytes()))
        except OSError as exc:
            say("coding.doc.unreadable", lang, to_stderr=True, name=doc, error=exc.strerror or str(exc))
            failed += 1
    readings, failures = read_many(files, lists)
    for f in failures:
        print(f.error.message(lang), file=sys.stderr)
    failed += len(failures)
    found = rows(readings)
    if args.format == "json":
        print(json.dumps([{k: r[k] for k in ROW_FIELDS} for r in found], ensure_ascii=False, indent=2))
    else:
        used = {r.consultation: lists[r.consultation] for r in readings} or lists
        Path(args.out).write_bytes(coded_sheet(found, used))
        say("cli.suggest.written", lang, n=len(found), docs=len(readings), out=args.out, to_stderr=True)
    return 1 if failed else 0
