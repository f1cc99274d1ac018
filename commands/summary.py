"""``python cli.py summary FILE [--by COLS] [--format csv|json]``: stance counts and shares per group."""
from __future__ import annotations

from commands.loading import add_merges, loaded_or_report
from commands.output import fail, write_table

GROUPS = ("consultation", "proposal_id", "topic", "respondent_type", "respondent")


def add_parser(sub) -> None:
    s = sub.add_parser("summary", help="stance counts and shares")
    s.add_argument("file")
    s.add_argument("--by", default="proposal_id", help=f"comma list from {', '.join(GROUPS)}")
    s.add_argument("--format", choices=("csv", "json"), default="csv")
    s.add_argument("--lang", choices=("sv", "en"), default="sv")
    add_merges(s)
    s.set_defaults(func=run)


def run(args) -> int:
    from analysis.shares import summary_table
    from i18n.strings import t

    by = [c.strip() for c in args.by.split(",") if c.strip()]
    bad = [c for c in by if c not in GROUPS]
    if bad or not by:
        return fail("cli.summary.bad_by", args.lang, bad=", ".join(bad) or t("cli.summary.empty_by", args.lang),
                    ok=", ".join(GROUPS))
    loaded = loaded_or_report(args)
    if isinstance(loaded, int):
        return loaded
    write_table(summary_table(loaded.data.responses, by), args.format)
    return 0
