"""Load FILE for a subcommand (through the capped loader, then ``--merges``) and report a file with errors.

Exit codes: 0 valid (warnings allowed), 1 the file has errors, 2 the file
cannot be read at all (or a bad merge file). The text report is the one
``check`` prints; the other subcommands print it to stderr when the file is
not valid, so no figure is ever computed from a broken sheet.
"""
from __future__ import annotations

import sys
from pathlib import Path

from i18n.strings import t
from loaders.guard import load_path_capped as load_path  # every file is parsed in a capped child
from loaders.model import LoadResult
from loaders.shown import shown_problems


def exit_code(result: LoadResult) -> int:
    """2 for a file that cannot be read at all, 1 for one with errors, 0 otherwise."""
    if result.report.unreadable:
        return 2
    return 0 if result.ok else 1


def check_payload(result: LoadResult, lang: str = "sv") -> dict:
    """The ``check --format json`` document: counts and every problem."""
    responses = result.data.responses
    return {
        "ok": result.ok,
        "rows": int(len(responses)),
        "respondents": int(responses["respondent"].nunique()),
        "proposals": int(responses[["consultation", "proposal_id"]].drop_duplicates().shape[0]),
        "consultations": sorted(map(str, responses["consultation"].unique())),
        "problems": [p.as_dict(lang) for p in result.report.problems],
    }


def print_report(result: LoadResult, out, lang: str) -> None:
    """The text report: status, counts and the problems (the first 200 per category) with their places."""
    from exports.safe import Sanitiser

    payload = check_payload(result, lang)
    status = t("cli.check.valid" if payload["ok"] else "cli.check.invalid", lang)
    # A report saved to a file may be opened in a spreadsheet: no line starts like a formula.
    print(f"{Sanitiser().csv_text(result.report.file)}: {status}", file=out)
    if not result.report.unreadable:
        counts = t("cli.check.counts", lang, rows=payload["rows"], respondents=payload["respondents"],
                   proposals=payload["proposals"])
        print(f"  {counts}", file=out)
    shown = shown_problems(result.report, sort=False)  # the first 200 per category; --format json lists all
    for p in shown.problems:
        where = [f"{t('cli.check.' + k, lang)} {v}" for k, v in (("sheet", p.sheet), ("row", p.row),
                                                                 ("column", p.column)) if v]
        loc = f" [{', '.join(where)}]" if where else ""
        print(f"  {t('cli.check.' + p.severity, lang)} {p.category}{loc}: {p.message(lang)}", file=out)
    for line in shown.more_lines(lang, "limits.more_cli"):
        print(f"  {line}", file=out)


def load(args) -> LoadResult | int:
    """Load FILE and apply ``--merges`` (a bad merge file is exit 2, with its message)."""
    result = load_path(args.file)
    if not getattr(args, "merges", None) or not result.ok:
        return result
    from loaders.merges import MergeFileError, apply_merges, read_merge_file

    lang = getattr(args, "lang", "sv")
    try:
        merges = read_merge_file(args.merges)
    except MergeFileError as exc:
        print(exc.en if lang == "en" else exc.sv, file=sys.stderr)
        return 2
    data, merged = apply_merges(result.data, merges)
    file_name = Path(args.merges).name
    args.merge_notes = tuple((m.name, m.into, file_name, "", m.row) for m in merges if m.name in merged)
    print(t("register.mergefile.applied", lang, n=len(merged), file=file_name), file=sys.stderr)
    return LoadResult(data, result.report)


def loaded_or_report(args) -> LoadResult | int:
    """The loaded file if it is valid; otherwise its report on stderr and the exit code."""
    result = load(args)
    if isinstance(result, int):
        return result
    if not result.ok:
        print_report(result, sys.stderr, getattr(args, "lang", "sv"))
        return exit_code(result)
    return result


def add_merges(parser) -> None:
    """The ``--merges`` option every subcommand that reads a coded sheet takes."""
    parser.add_argument("--merges", metavar="FILE", help="CSV of name merges: name as written, counted as")
