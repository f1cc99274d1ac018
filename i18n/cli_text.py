"""Every sentence ``cli.py`` prints, in Swedish and English, keyed ``cli.<subcommand>.*``.

The subcommands live in ``commands/`` (one module each); they print these
texts and nothing else. Messages that name an option start with it
(``--stance: ...``) so a user sees at once which argument to fix.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Any subcommand: the last line of defence prints both languages (the failure may precede --lang).
    "cli.internal_error": ("Internt fel", "internal error"),
    "cli.write_failed": ("Kunde inte skriva {out}: {err}", "Could not write {out}: {err}"),
    # check (and the report any subcommand prints for a file with errors)
    "cli.check.valid": ("Giltig", "Valid"),
    "cli.check.invalid": ("Ogiltig", "Invalid"),
    "cli.check.counts": ("{rows} rader, {respondents} instanser, {proposals} förslag",
                         "{rows} rows, {respondents} respondents, {proposals} proposals"),
    "cli.check.error": ("FEL", "ERROR"),
    "cli.check.warning": ("VARNING", "WARNING"),
    "cli.check.sheet": ("blad", "sheet"),
    "cli.check.row": ("rad", "row"),
    "cli.check.column": ("kolumn", "column"),
    # summary
    "cli.summary.bad_by": ("--by: okänd kolumn {bad}; välj bland {ok}", "--by: unknown column {bad}; choose from {ok}"),
    "cli.summary.empty_by": ("(tom)", "(empty)"),
    # export and draft: the filters
    "cli.filter.type": ("--respondent-type: okänd typ {v!r}; välj bland {ok}",
                        "--respondent-type: unknown type {v!r}; choose from {ok}"),
    "cli.filter.stance": ("--stance: okänt ställningstagande {v!r}; välj bland {ok}",
                          "--stance: unknown stance {v!r}; choose from {ok}"),
    "cli.filter.consultation": ("--consultation: {v!r} finns inte i filen; remisser: {ok}",
                                "--consultation: {v!r} is not in the file; consultations: {ok}"),
    "cli.filter.topic": ("--topic: {v!r} finns inte i filen; teman: {ok}",
                         "--topic: {v!r} is not in the file; topics: {ok}"),
    "cli.filter.proposal": ("--proposal: {v!r} finns inte i filen; förslag: {ok}",
                            "--proposal: {v!r} is not in the file; proposals: {ok}"),
    # export
    "cli.export.done": ("Skrev {out}: {n} kodade svar, blad: {sheets}",
                        "Wrote {out}: {n} coded answers, sheets: {sheets}"),
    # draft
    "cli.draft.done": ("Skrev {out}: {n} förslag, {edited} redigerade", "Wrote {out}: {n} proposals, {edited} edited"),
    "cli.draft.bad_out": ("--out måste sluta på .docx: {out}", "--out must end in .docx: {out}"),
    # backup and restore
    "cli.backup.done": ("Säkerhetskopia skriven till {path}: {datasets} datamängder, {versions} versioner, "
                        "{rows} kodade rader, {audit} händelser i loggen.",
                        "Backup written to {path}: {datasets} datasets, {versions} versions, "
                        "{rows} coded rows, {audit} audit log entries."),
    "cli.backup.empty": ("Databasen är inte upplagd än: det finns inget att säkerhetskopiera. Ingen fil skrevs.",
                         "The database has not been set up yet: there is nothing to back up. No file was written."),
    "cli.backup.failed": ("Säkerhetskopian kunde inte skrivas: {reason}",
                          "The backup could not be written: {reason}"),
    "cli.restore.done": ("Återställt från {path}: {datasets} datamängder, {versions} versioner, "
                         "{rows} kodade rader; kontrollsummorna stämmer för alla {tables} tabeller.",
                         "Restored from {path}: {datasets} datasets, {versions} versions, "
                         "{rows} coded rows; the checksums match for all {tables} tables."),
    "cli.restore.refused": ("Återställningen avbröts och inget skrevs: {reason}",
                            "The restore was stopped and nothing was written: {reason}"),
    # suggest (the coding assistant)
    "cli.suggest.need_out": ("--format xlsx kräver --out FIL.xlsx", "--format xlsx needs --out FILE.xlsx"),
    "cli.suggest.no_consultation": ("--consultation: {name!r} finns inte i förslagslistan; där finns: {known}",
                                    "--consultation: {name!r} is not in the proposal list; it has: {known}"),
    "cli.suggest.written": ("{n} föreslagna rader från {docs} dokument skrivna till {out}",
                            "{n} suggested rows from {docs} documents written to {out}"),
}
