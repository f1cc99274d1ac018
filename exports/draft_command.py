"""``python cli.py draft``: the remissammanställning draft as .docx, the same document as the app's download.

    python cli.py draft FILE --out OUT.docx [--consultation C] [--respondent-type T ...] [--topic T ...]
                        [--proposal ID ...] [--stance S ...] [--lang sv|en] [--style words|counts]

Filters are given and checked exactly as for ``cli.py export`` (a value that
names nothing in the file is an error, exit 2, listing what there is). The
document has no edits: those live in the app's store. It is written to a
temporary file beside ``OUT`` and moved into place.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# The heavier imports are inside the functions: ``cli.py`` imports this module to build its parser.


def add_arguments(parser) -> None:
    """The ``draft`` subcommand's arguments (``cli.py`` calls this)."""
    parser.add_argument("file")
    parser.add_argument("--out", required=True, help="the .docx file to write")
    parser.add_argument("--consultation")
    for flag, dest, meta in (("--respondent-type", "respondent_types", "T"), ("--topic", "topics", "T"),
                             ("--proposal", "proposals", "ID"), ("--stance", "stances", "S")):
        parser.add_argument(flag, dest=dest, nargs="+", action="extend", default=[], metavar=meta)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    parser.add_argument("--style", choices=("words", "counts"), default="words")


def filters_from_args(args, data, lang: str):
    """The :class:`~analysis.filters.Filters` the arguments ask for, or the message saying which value names
    nothing (the same checks and messages as ``cli.py export``)."""
    from analysis.filters import Filters
    from exports.command import _MSG, _stance, _values
    from loaders.natural import natsorted
    from loaders.schema import RESPONDENT_TYPES, STANCES
    from loaders.vocab import parse_type

    msg = _MSG[lang]
    types = []
    for v in args.respondent_types or []:
        canon = parse_type(v)
        if canon is None:
            return msg["type"].format(v=v, ok=", ".join(RESPONDENT_TYPES))
        types.append(canon)
    stances = []
    for v in args.stances or []:
        canon = _stance(v)
        if canon is None:
            return msg["stance"].format(v=v, ok=", ".join(STANCES))
        stances.append(canon)
    responses, proposals = data.responses, data.proposals
    if args.consultation is not None:
        known = _values(responses, "consultation")
        if args.consultation not in known:
            return msg["consultation"].format(v=args.consultation, ok="; ".join(known))
    for key, wanted, col in (("topic", args.topics, "topic"), ("proposal", args.proposals, "proposal_id")):
        known = set(_values(responses, col)) | (set(_values(proposals, col)) if col in proposals else set())
        for v in wanted or []:
            if v.strip() not in known:
                return msg[key].format(v=v, ok=", ".join(natsorted(known)))
    return Filters(consultation=args.consultation, respondent_types=types, topics=args.topics or (),
                   proposals=args.proposals or (), stances=stances)


def run_draft(args, load) -> int:
    """Run the ``draft`` subcommand; ``load(args)`` returns a LoadResult or an exit code."""
    from analysis.draft import build_draft
    from exports.draft_docx import build_docx
    from exports.meta import ExtractMeta
    from i18n.strings import t

    lang = "en" if getattr(args, "lang", "sv") == "en" else "sv"
    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        print(t("draft.cli.bad_out", lang, out=out), file=sys.stderr)
        return 2
    loaded = load(args)
    if isinstance(loaded, int):
        return loaded
    filters = filters_from_args(args, loaded.data, lang)
    if isinstance(filters, str):
        print(filters, file=sys.stderr)
        return 2
    draft = build_draft(loaded.data, filters)
    payload = build_docx(loaded.data, filters, ExtractMeta.for_file(args.file), lang, args.style, draft=draft)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".remisskollen-", suffix=".docx", dir=out.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        print(t("draft.cli.write", lang, out=out, err=exc.strerror or exc), file=sys.stderr)
        return 2
    print(t("draft.cli.done", lang, out=out, n=len(draft.proposals), edited=0))
    return 0
