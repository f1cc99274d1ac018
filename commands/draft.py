"""``python cli.py draft FILE --out OUT.docx [filters] [--lang sv|en] [--style words|counts]``.

The remissammanställning draft as .docx, the same document as the app's
download. Filters are given and checked exactly as for ``export``
(:mod:`commands.filters`). The document has no edits: those live in the
app's store. It is written all or nothing (:func:`exports.atomic.write_atomic`).
"""
from __future__ import annotations

from commands import filters as cli_filters
from commands.output import fail, say


def add_parser(sub) -> None:
    d = sub.add_parser("draft", help="the remissammanställning draft as .docx (FILE first)")
    d.add_argument("file")
    d.add_argument("--out", required=True, help="the .docx file to write")
    cli_filters.add_arguments(d)
    d.add_argument("--lang", choices=("sv", "en"), default="sv")
    d.add_argument("--style", choices=("words", "counts"), default="words")
    d.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from analysis.draft import build_draft
    from exports.atomic import write_atomic
    from exports.draft_docx import build_docx
    from exports.meta import ExtractMeta

    lang = "en" if getattr(args, "lang", "sv") == "en" else "sv"
    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        return fail("cli.draft.bad_out", lang, out=out)
    both = cli_filters.loaded_and_filters(args, lang)
    if isinstance(both, int):
        return both
    loaded, filters = both
    draft = build_draft(loaded.data, filters)
    payload = build_docx(loaded.data, filters, ExtractMeta.for_file(args.file), lang, args.style, draft=draft)
    try:
        write_atomic(out, ".docx", lambda tmp: Path(tmp).write_bytes(payload))
    except OSError as exc:
        return fail("cli.write_failed", lang, out=out, err=exc.strerror or exc)
    say("cli.draft.done", lang, out=out, n=len(draft.proposals), edited=0)
    return 0
