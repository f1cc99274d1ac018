"""``python cli.py backup OUT`` and ``python cli.py restore FILE``: the whole store to one file and back.

    python cli.py backup OUT [--database URL] [--lang sv|en]
    python cli.py restore FILE [--database URL] [--lang sv|en]

Without ``--database`` both use the app's database (from the environment).
A restore goes into an empty database only, and checks every table's
checksum; a refused restore writes nothing (exit 1).
"""
from __future__ import annotations

from commands.output import say


def add_parser(sub) -> None:
    b = sub.add_parser("backup", help="write every dataset, version, original file and the audit log to one file")
    b.add_argument("out")
    b.add_argument("--database", help="SQLAlchemy URL (default: as the app, from the environment)")
    b.add_argument("--lang", choices=("sv", "en"), default="sv")
    b.set_defaults(func=run_backup)

    r = sub.add_parser("restore", help="load a backup into an empty database (SQLite or PostgreSQL)")
    r.add_argument("file")
    r.add_argument("--database", help="SQLAlchemy URL (default: as the app, from the environment)")
    r.add_argument("--lang", choices=("sv", "en"), default="sv")
    r.set_defaults(func=run_restore)


def _counts(manifest) -> dict:
    rows = {t.name: t.rows for t in manifest.tables}
    return {"datasets": rows.get("datasets", 0), "versions": rows.get("versions", 0),
            "rows": rows.get("response_rows", 0), "audit": rows.get("audit_log", 0)}


def _engine(args):
    from store import make_engine
    from store.db import database_url_from_env

    return make_engine(args.database or database_url_from_env())


def run_backup(args) -> int:
    from store.backup import write_backup
    from store.migrations import current_version

    engine = _engine(args)
    try:
        if current_version(engine) == 0:  # a new database: no tables to copy, and none to write
            say("cli.backup.empty", args.lang, to_stderr=True)
            return 1
        manifest = write_backup(engine, args.out)
    except OSError as exc:
        say("cli.backup.failed", args.lang, to_stderr=True, reason=exc.strerror or exc)
        return 1
    finally:
        engine.dispose()
    say("cli.backup.done", args.lang, path=args.out, **_counts(manifest))
    return 0


def run_restore(args) -> int:
    from store.backup import BackupError, restore_backup

    engine = _engine(args)
    try:
        manifest = restore_backup(engine, args.file)
    except BackupError as exc:
        say("cli.restore.refused", args.lang, to_stderr=True, reason=exc.message(args.lang))
        return 1
    finally:
        engine.dispose()
    say("cli.restore.done", args.lang, path=args.file, tables=len(manifest.tables), **_counts(manifest))
    return 0
