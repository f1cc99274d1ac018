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
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from loaders.guard import load_path_capped as load_path  # every file is parsed in a capped child
from loaders.model import LoadResult
from loaders.shown import shown_problems

SUMMARY_GROUPS = ("consultation", "proposal_id", "topic", "respondent_type", "respondent")


def _exit_code(result: LoadResult) -> int:
    if result.report.unreadable:
        return 2
    return 0 if result.ok else 1


def check_payload(result: LoadResult, lang: str = "sv") -> dict:
    responses = result.data.responses
    return {
        "ok": result.ok,
        "rows": int(len(responses)),
        "respondents": int(responses["respondent"].nunique()),
        "proposals": int(responses[["consultation", "proposal_id"]].drop_duplicates().shape[0]),
        "consultations": sorted(map(str, responses["consultation"].unique())),
        "problems": [p.as_dict(lang) for p in result.report.problems],
    }


def _print_report_text(result: LoadResult, out, lang: str) -> None:
    payload = check_payload(result, lang)
    status = {"sv": ("Giltig", "Ogiltig"), "en": ("Valid", "Invalid")}[lang]
    from exports.safe import Sanitiser

    # A report saved to a file may be opened in a spreadsheet: no line starts like a formula.
    print(f"{Sanitiser().csv_text(result.report.file)}: {status[0] if payload['ok'] else status[1]}", file=out)
    if not result.report.unreadable:
        labels = {"sv": "rader, {r} instanser, {p} förslag", "en": "rows, {r} respondents, {p} proposals"}[lang]
        print(f"  {payload['rows']} " + labels.format(r=payload["respondents"], p=payload["proposals"]), file=out)
    words = {"sv": {"error": "FEL", "warning": "VARNING", "sheet": "blad", "row": "rad", "column": "kolumn"},
             "en": {"error": "ERROR", "warning": "WARNING", "sheet": "sheet", "row": "row", "column": "column"}}[lang]
    shown = shown_problems(result.report, sort=False)  # the first 200 per category; --format json lists all
    for p in shown.problems:
        where = [f"{words[k]} {v}" for k, v in (("sheet", p.sheet), ("row", p.row), ("column", p.column)) if v]
        loc = f" [{', '.join(where)}]" if where else ""
        print(f"  {words[p.severity]} {p.category}{loc}: {p.message(lang)}", file=out)
    for line in shown.more_lines(lang, "limits.more_cli"):
        print(f"  {line}", file=out)


def _load(args) -> LoadResult | int:
    """Load FILE and apply ``--merges`` (a bad merge file is exit 2, with its message)."""
    result = load_path(args.file)
    if not getattr(args, "merges", None) or not result.ok:
        return result
    from i18n.strings import t
    from loaders.merges import MergeFileError, apply_merges, read_merge_file

    lang = getattr(args, "lang", "sv")
    try:
        merges = read_merge_file(args.merges)
    except MergeFileError as exc:
        print(exc.en if lang == "en" else exc.sv, file=sys.stderr)
        return 2
    data, merged = apply_merges(result.data, merges)
    from pathlib import Path

    file_name = Path(args.merges).name
    args.merge_notes = tuple((m.name, m.into, file_name, "", m.row) for m in merges if m.name in merged)
    print(t("register.mergefile.applied", lang, n=len(merged), file=file_name), file=sys.stderr)
    return LoadResult(data, result.report)


def cmd_check(args) -> int:
    result = _load(args)
    if isinstance(result, int):
        return result
    if args.format == "json":
        print(json.dumps(check_payload(result, args.lang), ensure_ascii=False, indent=2))
    else:
        _print_report_text(result, sys.stdout, args.lang)
    return _exit_code(result)


def _loaded_or_report(args) -> LoadResult | int:
    result = _load(args)
    if isinstance(result, int):
        return result
    if not result.ok:
        _print_report_text(result, sys.stderr, getattr(args, "lang", "sv"))
        return _exit_code(result)
    return result


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


def cmd_summary(args) -> int:
    from analysis.shares import summary_table

    by = [c.strip() for c in args.by.split(",") if c.strip()]
    bad = [c for c in by if c not in SUMMARY_GROUPS]
    if bad or not by:
        print(f"--by: okänd kolumn {', '.join(bad) or '(tom)'}; välj bland {', '.join(SUMMARY_GROUPS)}",
              file=sys.stderr)
        return 2
    loaded = _loaded_or_report(args)
    if isinstance(loaded, int):
        return loaded
    write_table(summary_table(loaded.data.responses, by), args.format)
    return 0


def cmd_contrast(args) -> int:
    from analysis.contrast import contrast

    loaded = _loaded_or_report(args)
    if isinstance(loaded, int):
        return loaded
    from loaders.vocab import parse_type

    a, b = parse_type(args.a) or args.a, parse_type(args.b) or args.b
    table = contrast(loaded.data.responses, a=a, b=b, by=args.by, count_partly=args.count_partly)
    write_table(table, args.format)
    return 0


def cmd_export(args) -> int:
    from exports.command import run_export

    return run_export(args, _loaded_or_report)


def _backup_counts(manifest) -> dict:
    rows = {t.name: t.rows for t in manifest.tables}
    return {"datasets": rows.get("datasets", 0), "versions": rows.get("versions", 0),
            "rows": rows.get("response_rows", 0), "audit": rows.get("audit_log", 0)}


def cmd_backup(args) -> int:
    from i18n.strings import t
    from store import make_engine
    from store.backup import write_backup
    from store.db import database_url_from_env

    engine = make_engine(args.database or database_url_from_env())
    try:
        manifest = write_backup(engine, args.out)
    except OSError as exc:
        print(t("cli.backup_failed", args.lang, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(t("cli.backup_done", args.lang, path=args.out, **_backup_counts(manifest)))
    return 0


def cmd_restore(args) -> int:
    from i18n.strings import t
    from store import make_engine
    from store.backup import BackupError, restore_backup
    from store.db import database_url_from_env

    engine = make_engine(args.database or database_url_from_env())
    try:
        manifest = restore_backup(engine, args.file)
    except BackupError as exc:
        print(t("cli.restore_refused", args.lang, reason=exc.message(args.lang)), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(t("cli.restore_done", args.lang, path=args.file, tables=len(manifest.tables), **_backup_counts(manifest)))
    return 0


def cmd_draft(args) -> int:
    from exports.draft_command import run_draft

    return run_draft(args, _loaded_or_report)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cli.py", description="Remisskollen: coded consultation replies.")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="validate a coded sheet")
    c.add_argument("file")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--lang", choices=("sv", "en"), default="sv")
    c.add_argument("--merges", metavar="FILE", help="CSV of name merges: name as written, counted as")
    c.set_defaults(func=cmd_check)

    s = sub.add_parser("summary", help="stance counts and shares")
    s.add_argument("file")
    s.add_argument("--by", default="proposal_id", help=f"comma list from {', '.join(SUMMARY_GROUPS)}")
    s.add_argument("--format", choices=("csv", "json"), default="csv")
    s.add_argument("--lang", choices=("sv", "en"), default="sv")
    s.add_argument("--merges", metavar="FILE", help="CSV of name merges: name as written, counted as")
    s.set_defaults(func=cmd_summary)

    k = sub.add_parser("contrast", help="compare two respondent types")
    k.add_argument("file")
    k.add_argument("--a", default="Region")
    k.add_argument("--b", default="Kommun")
    k.add_argument("--by", choices=("proposal_id", "topic"), default="proposal_id")
    k.add_argument("--count-partly", action="store_true")
    k.add_argument("--format", choices=("csv", "json"), default="csv")
    k.add_argument("--lang", choices=("sv", "en"), default="sv")
    k.add_argument("--merges", metavar="FILE", help="CSV of name merges: name as written, counted as")
    k.set_defaults(func=cmd_contrast)

    x = sub.add_parser("export", help="filtered Excel extract, as the app's download (FILE first)")
    x.add_argument("file")
    x.add_argument("--out", required=True, help="the .xlsx file to write")
    x.add_argument("--consultation")
    for flag, dest, meta in (("--respondent-type", "respondent_types", "T"), ("--topic", "topics", "T"),
                             ("--proposal", "proposals", "ID"), ("--stance", "stances", "S")):
        x.add_argument(flag, dest=dest, nargs="+", action="extend", default=[], metavar=meta)
    x.add_argument("--lang", choices=("sv", "en"), default="sv")
    x.add_argument("--merges", metavar="FILE", help="CSV of name merges: name as written, counted as")
    x.set_defaults(func=cmd_export)

    b = sub.add_parser("backup", help="write every dataset, version, original file and the audit log to one file")
    b.add_argument("out")
    b.add_argument("--database", help="SQLAlchemy URL (default: as the app, from the environment)")
    b.add_argument("--lang", choices=("sv", "en"), default="sv")
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", help="load a backup into an empty database (SQLite or PostgreSQL)")
    r.add_argument("file")
    r.add_argument("--database", help="SQLAlchemy URL (default: as the app, from the environment)")
    r.add_argument("--lang", choices=("sv", "en"), default="sv")
    r.set_defaults(func=cmd_restore)

    from exports.draft_command import add_arguments as draft_arguments

    d = sub.add_parser("draft", help="the remissammanställning draft as .docx (FILE first)")
    draft_arguments(d)
    d.set_defaults(func=cmd_draft)

    from coding.command import add_parser as add_suggest

    add_suggest(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except Exception as exc:  # noqa: BLE001 - a last line of defence: never a traceback
        print(f"Internt fel / internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
