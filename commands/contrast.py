"""``python cli.py contrast FILE [--a Region] [--b Kommun] [--by proposal_id|topic] [--count-partly]``.

Two respondent types side by side, per proposal or topic, as CSV or JSON.
Types may be given in Swedish or English (``Kommun``/``Municipality``).
"""
from __future__ import annotations

from commands.loading import add_merges, loaded_or_report
from commands.output import write_table


def add_parser(sub) -> None:
    k = sub.add_parser("contrast", help="compare two respondent types")
    k.add_argument("file")
    k.add_argument("--a", default="Region")
    k.add_argument("--b", default="Kommun")
    k.add_argument("--by", choices=("proposal_id", "topic"), default="proposal_id")
    k.add_argument("--count-partly", action="store_true")
    k.add_argument("--format", choices=("csv", "json"), default="csv")
    k.add_argument("--lang", choices=("sv", "en"), default="sv")
    add_merges(k)
    k.set_defaults(func=run)


def run(args) -> int:
    from analysis.contrast import contrast
    from loaders.vocab import parse_type

    loaded = loaded_or_report(args)
    if isinstance(loaded, int):
        return loaded
    a, b = parse_type(args.a) or args.a, parse_type(args.b) or args.b
    table = contrast(loaded.data.responses, a=a, b=b, by=args.by, count_partly=args.count_partly)
    write_table(table, args.format)
    return 0
