"""``python cli.py export``: the same workbook as the app's download button, from a file.

    python cli.py export FILE --out OUT.xlsx [--consultation C] [--respondent-type T ...]
                         [--topic T ...] [--proposal ID ...] [--stance S ...] [--lang sv|en]

Respondent types and stances may be given in Swedish or English
(``Kommun``/``Municipality``, ``Tillstyrker``/``agree``). A value that names
nothing in the file is an error (exit 2) that lists what there is, rather
than a silently empty extract. The workbook is written to a temporary file
next to ``OUT`` and moved into place, so a failed run never leaves half a file.
"""
from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from analysis.filters import Filters
from exports.meta import ExtractMeta
from exports.workbook import ExtractTooLarge, write_extract
from i18n.numbers import fmt_int
from loaders.natural import natsorted
from loaders.schema import RESPONDENT_TYPES, STANCES
from loaders.vocab import parse_stance, parse_type

_MSG = {
    "sv": {
        "type": "--respondent-type: okänd typ {v!r}; välj bland {ok}",
        "stance": "--stance: okänt ställningstagande {v!r}; välj bland {ok}",
        "consultation": "--consultation: {v!r} finns inte i filen; remisser: {ok}",
        "topic": "--topic: {v!r} finns inte i filen; teman: {ok}",
        "proposal": "--proposal: {v!r} finns inte i filen; förslag: {ok}",
        "write": "Kunde inte skriva {out}: {err}",
        "done": "Skrev {out}: {n} kodade svar, blad: {sheets}",
    },
    "en": {
        "type": "--respondent-type: unknown type {v!r}; choose from {ok}",
        "stance": "--stance: unknown stance {v!r}; choose from {ok}",
        "consultation": "--consultation: {v!r} is not in the file; consultations: {ok}",
        "topic": "--topic: {v!r} is not in the file; topics: {ok}",
        "proposal": "--proposal: {v!r} is not in the file; proposals: {ok}",
        "write": "Could not write {out}: {err}",
        "done": "Wrote {out}: {n} coded answers, sheets: {sheets}",
    },
}


def _stance(value: str) -> str | None:
    v = value.strip()
    return v.lower() if v.lower() in STANCES else parse_stance(v)


def _values(frame, col: str) -> list[str]:
    return natsorted({str(v) for v in frame[col].dropna().unique() if str(v)})


def run_export(args, load) -> int:
    """Run the ``export`` subcommand; ``load(args)`` returns a LoadResult or an exit code."""
    lang = "en" if getattr(args, "lang", "sv") == "en" else "sv"
    msg = _MSG[lang]

    def fail(key: str, **kw) -> int:
        print(msg[key].format(**kw), file=sys.stderr)
        return 2

    types = []
    for v in args.respondent_types or []:
        canon = parse_type(v)
        if canon is None:
            return fail("type", v=v, ok=", ".join(RESPONDENT_TYPES))
        types.append(canon)
    stances = []
    for v in args.stances or []:
        canon = _stance(v)
        if canon is None:
            return fail("stance", v=v, ok=", ".join(STANCES))
        stances.append(canon)

    loaded = load(args)
    if isinstance(loaded, int):
        return loaded
    data = loaded.data
    responses, proposals = data.responses, data.proposals
    if args.consultation is not None:
        known = _values(responses, "consultation")
        if args.consultation not in known:
            return fail("consultation", v=args.consultation, ok="; ".join(known))
    checks = (("topic", args.topics, "topic"), ("proposal", args.proposals, "proposal_id"))
    for key, wanted, col in checks:
        known = set(_values(responses, col)) | (set(_values(proposals, col)) if col in proposals else set())
        for v in wanted or []:
            if v.strip() not in known:
                return fail(key, v=v, ok=", ".join(natsorted(known)))

    filters = Filters(consultation=args.consultation, respondent_types=types, topics=args.topics or (),
                      proposals=args.proposals or (), stances=stances)
    out = Path(args.out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".remisskollen-", suffix=".xlsx", dir=out.parent)
        os.close(fd)
        try:
            meta = replace(ExtractMeta.for_file(args.file), merges=getattr(args, "merge_notes", ()),
                           merges_from_file=True)
            summary = write_extract(tmp, data, filters, meta, lang)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 is for the half-written file only
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except ExtractTooLarge as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    except OSError as exc:
        return fail("write", out=out, err=exc.strerror or exc)
    print(msg["done"].format(out=out, n=fmt_int(summary.rows, lang), sheets=", ".join(summary.sheets)))
    return 0
