"""The filter options ``export`` and ``draft`` share, checked against the file before anything is written.

Respondent types and stances may be given in Swedish or English
(``Kommun``/``Municipality``, ``Tillstyrker``/``agree``). A value that names
nothing in the file is an error (exit 2) that lists what there is, rather
than a silently empty extract. Checking returns the message (a ``str``) or
the result, so each subcommand decides when to check what.
"""
from __future__ import annotations

from i18n.strings import t


def add_arguments(parser) -> None:
    """``--consultation``, ``--respondent-type``, ``--topic``, ``--proposal`` and ``--stance``."""
    parser.add_argument("--consultation")
    for flag, dest, meta in (("--respondent-type", "respondent_types", "T"), ("--topic", "topics", "T"),
                             ("--proposal", "proposals", "ID"), ("--stance", "stances", "S")):
        parser.add_argument(flag, dest=dest, nargs="+", action="extend", default=[], metavar=meta)


def _stance(value: str) -> str | None:
    from loaders.schema import STANCES
    from loaders.vocab import parse_stance

    v = value.strip()
    return v.lower() if v.lower() in STANCES else parse_stance(v)


def _values(frame, col: str) -> list[str]:
    from loaders.natural import natsorted

    return natsorted({str(v) for v in frame[col].dropna().unique() if str(v)})


def vocabulary(args, lang: str) -> tuple[list[str], list[str]] | str:
    """The canonical respondent types and stances asked for, or the message naming the unknown one."""
    from loaders.schema import RESPONDENT_TYPES, STANCES
    from loaders.vocab import parse_type

    types = []
    for v in args.respondent_types or []:
        canon = parse_type(v)
        if canon is None:
            return t("cli.filter.type", lang, v=v, ok=", ".join(RESPONDENT_TYPES))
        types.append(canon)
    stances = []
    for v in args.stances or []:
        canon = _stance(v)
        if canon is None:
            return t("cli.filter.stance", lang, v=v, ok=", ".join(STANCES))
        stances.append(canon)
    return types, stances


def loaded_and_filters(args, lang: str):
    """(loaded file, :class:`~analysis.filters.Filters`) for ``export`` and ``draft``, or the exit code.

    An invalid file gets its report on stderr (exit 1 or 2); a filter value that names nothing, its
    message (exit 2).
    """
    import sys

    from commands.loading import loaded_or_report

    loaded = loaded_or_report(args)
    if isinstance(loaded, int):
        return loaded
    filters = filters_from_args(args, loaded.data, lang)
    if isinstance(filters, str):
        print(filters, file=sys.stderr)
        return 2
    return loaded, filters


def filters_from_args(args, data, lang: str):
    """The :class:`~analysis.filters.Filters` the arguments ask for, or the message saying which value names
    nothing in ``data`` (a :class:`~loaders.model.CodedData`)."""
    from analysis.filters import Filters
    from loaders.natural import natsorted

    vocab = vocabulary(args, lang)
    if isinstance(vocab, str):
        return vocab
    types, stances = vocab
    responses, proposals = data.responses, data.proposals
    if args.consultation is not None:
        known = _values(responses, "consultation")
        if args.consultation not in known:
            return t("cli.filter.consultation", lang, v=args.consultation, ok="; ".join(known))
    for key, wanted, col in (("topic", args.topics, "topic"), ("proposal", args.proposals, "proposal_id")):
        known = set(_values(responses, col)) | (set(_values(proposals, col)) if col in proposals else set())
        for v in wanted or []:
            if v.strip() not in known:
                return t(f"cli.filter.{key}", lang, v=v, ok=", ".join(natsorted(known)))
    return Filters(consultation=args.consultation, respondent_types=types, topics=args.topics or (),
                   proposals=args.proposals or (), stances=stances)
