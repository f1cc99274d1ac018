"""Proposal ids are plausible, or the user is told: no cell creates a phantom proposal.

Each distinct id cell is checked once (:func:`loaders.vocab.check_proposal_id`):
what is corrected is a warning naming the id, the rows and what was done; a
range or a list of proposals in one cell is an error and its rows are left out.
"""
from __future__ import annotations

import pandas as pd

from loaders.identity import rows_words, say
from loaders.report import Report, both
from loaders.vocab import IdCheck, check_proposal_id, proposal_from_header

#: Distinct ids reported per kind before the rest are counted.
MAX_LISTED = 200

def _what(check: IdCheck) -> tuple[str, str]:
    """What correcting the id did, in both languages (keys ``ids.note.*``)."""
    notes = [both(f"ids.note.{n}") for n in check.notes]
    return "; ".join(n[0] for n in notes), "; ".join(n[1] for n in notes)


def check_ids(rows: pd.DataFrame, report: Report, sheet: str | None, column: str | None, *,
              header_row: int | None = None) -> pd.DataFrame:
    """``rows`` with checked ids in ``proposal_id``; rows whose id is refused are left out.

    Long layout (and the Förslag sheet): the id cells are in ``proposal_id``,
    messages name ``column`` and the first row. Wide layout (``header_row``
    given): the ids are the headers in ``column_label``, and messages name the
    header cell; two headers that become the same id are an error.
    """
    wide = header_row is not None and "column_label" in rows.columns
    source = rows["column_label"] if wide else rows["proposal_id"]
    checks = {raw: check_proposal_id(raw) for raw in pd.unique(source)}
    odd = {raw: c for raw, c in checks.items() if c.notes or c.refused}
    if not odd and not wide and all(c.value == raw for raw, c in checks.items()) \
            and len({c.value.casefold() for c in checks.values()}) == len(checks):
        return rows  # nothing to correct, refuse or unify: the common case costs one pass over distinct ids
    where = {}
    if odd and not wide:
        mask = source.isin(list(odd))
        where = {k: list(v) for k, v in rows.loc[mask, "row"].groupby(source[mask], sort=False)}
    shown = {"warn": 0, "error": 0}
    for raw, c in odd.items():
        kind = "error" if c.refused else "warn"
        shown[kind] += 1
        if shown[kind] > MAX_LISTED:
            continue
        r = where.get(raw, [])
        row = header_row if wide else (min(r) if r else None)
        col = raw if wide else column
        place = both("where.header") if wide else rows_words(r)
        if c.refused:
            say(report, "error", "constraint-error", f"ids.refused_{c.refused}", sheet=sheet, row=row, column=col,
                id=raw.strip(), where=place)
        else:
            say(report, "warning", "type-error", "ids.corrected", sheet=sheet, row=row, column=col,
                id=raw.strip(), value=c.value, what=_what(c), where=place)
    for kind, n in shown.items():
        if n > MAX_LISTED:
            say(report, "error" if kind == "error" else "warning", "constraint-error", f"ids.more_{kind}", sheet=sheet,
                n=n - MAX_LISTED)
    refused = [raw for raw, c in checks.items() if c.refused]
    if wide:  # the header was read into an id already: correct that id, as its header was checked above
        _same_id_headers(checks, report, sheet, header_row)
        ids = {pid: check_proposal_id(pid).value or pid for pid in pd.unique(rows["proposal_id"])}
        rows = rows.assign(proposal_id=rows["proposal_id"].map(ids))
    else:
        mapping = _case_variants({raw: c.value for raw, c in checks.items()}, source, rows["row"], report, sheet,
                                 column)
        rows = rows.assign(proposal_id=source.map(mapping))
    return rows[~source.isin(refused)] if refused else rows


def _case_variants(mapping: dict[str, str], source: pd.Series, rows: pd.Series, report: Report, sheet: str | None,
                   column: str | None) -> dict[str, str]:
    """Ids that differ only in case ("4.1a", "4.1A") are one proposal: the commonest spelling, ties the first row."""
    groups: dict[str, list[str]] = {}
    for value in dict.fromkeys(v for v in mapping.values() if v):
        groups.setdefault(value.casefold(), []).append(value)
    variants = [g for g in groups.values() if len(g) > 1]
    if not variants:
        return mapping
    values = source.map(mapping)
    mask = values.isin([v for g in variants for v in g])
    rows_of = {k: sorted(v) for k, v in rows[mask].groupby(values[mask], sort=False)}
    chosen = {}
    for group in variants:
        best = max(len(rows_of.get(v, [])) for v in group)
        top = [v for v in group if len(rows_of.get(v, [])) == best]
        name = min(top, key=lambda v: rows_of.get(v, [0])[0])
        chosen.update({v: name for v in group})
        later = sorted(r for v in group if v != name for r in rows_of.get(v, []))
        listing = [(f'"{v}" ({rows_words(rows_of.get(v, []))[0]})', f'"{v}" ({rows_words(rows_of.get(v, []))[1]})')
                   for v in group]
        say(report, "warning", "type-error", "ids.case_variants", sheet=sheet, row=later[0] if later else None,
            column=column, value=name, variants=(", ".join(x[0] for x in listing), ", ".join(x[1] for x in listing)))
    return {raw: chosen.get(v, v) for raw, v in mapping.items()}


def _same_id_headers(checks: dict[str, IdCheck], report: Report, sheet: str | None, header_row: int) -> None:
    seen: dict[str, str] = {}
    for raw, c in checks.items():
        if not c.value:
            continue
        if c.value in seen and proposal_from_header(seen[c.value]) != proposal_from_header(raw):
            # (headers naming the same id as written are reported where the header is read)
            say(report, "error", "duplicate-label", "ids.same_id_headers", sheet=sheet, row=header_row, column=raw,
                a=seen[c.value], b=raw, value=c.value)
        else:
            seen.setdefault(c.value, raw)
