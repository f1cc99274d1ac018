"""The cells that are read are the cells the official sees.

Checks on one responses sheet once its header is known, so each odd cell can be
judged by the field it is in:

* formula cells with no saved value and error values (``#N/A``): an error in a
  field the figures are built from, a warning (value kept as text) elsewhere;
* merged cells in the data area follow Excel's merge: the value applies to
  every merged row, with a warning outside the respondent block columns;
* hidden rows are read with a warning; a hidden column that competes with a
  visible one for a field is an error;
* columns with values under a blank header get a warning naming the letter;
* proposal ids stored as numbers or dates (Excel's doing) are reported.

Functions record problems in the :class:`~loaders.report.Report` and return
the Excel locations they flagged, so later, vaguer messages about the same
cell can be dropped.
"""
from __future__ import annotations

import datetime as dt
from operator import itemgetter

import pandas as pd

from i18n.strings import t
from loaders.cells import cell_text, column_letter
from loaders.grid import ArrowGrid, put
from loaders.headers import HeaderMap
from loaders.report import Report, both
from loaders.sources import RawSheet
from loaders.xlsxmeta import ERROR_VALUES

#: Fields the figures are counted from: a formula or error value here blocks the import.
STRICT_FIELDS = ("respondent", "respondent_type", "proposal_id", "stance", "consultation")
#: Columns whose merged cells are an ordinary respondent block (filled down silently).
BLOCK_FIELDS = ("respondent", "respondent_type", "consultation")
#: Per-cell problems of one kind listed before a summary line.
MAX_LISTED = 200

_MONTHS_SV = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
              "oktober", "november", "december")


def field_of(hm: HeaderMap, col: int) -> str | None:
    """The canonical field a column holds; wide-layout proposal columns hold stances."""
    for name, c in hm.fields.items():
        if c == col:
            return name
    return "stance" if col in hm.proposals else None


def _field_words(hm: HeaderMap, name: str | None, col: int) -> dict[str, str]:
    key = f"cells.field.{name}" if name in STRICT_FIELDS + ("comment",) else "cells.field.other"
    label = hm.label(col)
    return {"field_sv": t(key, "sv", label=label), "field_en": t(key, "en", label=label)}


def cell_ref(row0: int, col: int) -> str:
    return f"{column_letter(col)}{row0 + 1}"


# --------------------------------------------------------------------------
# Formulas and error values


def check_formulas_and_errors(sheet: RawSheet, hm: HeaderMap, frame: pd.DataFrame,
                              report: Report) -> set[tuple[int, str]]:
    """Report formula cells without a saved value and error values in the data area.

    Error values are found in the text frame, so ``#N/A`` typed or exported as
    text (CSV, ODS) is caught as well as xlsx error cells. Returns the flagged
    (Excel row, column label) pairs.
    """
    flagged: set[tuple[int, str]] = set()
    listed = 0
    used = set(hm.fields.values()) | set(hm.proposals)
    for (r, c), formula in sorted(sheet.marks.formulas.items()):
        if r <= hm.row_index or c not in used or listed >= MAX_LISTED:
            continue
        name = field_of(hm, c)
        strict = name in STRICT_FIELDS
        listed += 1
        report.say("error" if strict else "warning", "type-error",
                   "cells.formula_no_value" if strict else "cells.formula_kept",
                   sheet=sheet.name or None, row=r + 1, column=hm.label(c),
                   cell=cell_ref(r, c), formula=formula, **_field_words(hm, name, c))
        flagged.add((r + 1, hm.label(c)))
    for c in sorted(used):
        if c not in frame.columns:
            continue
        hits = frame.index[frame[c].isin(ERROR_VALUES)]
        name = field_of(hm, c)
        strict = name in STRICT_FIELDS
        for excel_row in hits:
            if (excel_row, hm.label(c)) in flagged or listed >= MAX_LISTED:
                continue
            listed += 1
            report.say("error" if strict else "warning", "type-error",
                       "cells.error_value" if strict else "cells.error_value_kept",
                       sheet=sheet.name or None, row=int(excel_row), column=hm.label(c),
                       value=frame.at[excel_row, c], cell=cell_ref(int(excel_row) - 1, c),
                       **_field_words(hm, name, c))
            flagged.add((int(excel_row), hm.label(c)))
    return flagged


def drop_echoes(report: Report, since: int, flagged: set[tuple[int, str]], sheet: str | None) -> None:
    """Remove later, vaguer problems about cells already reported as formula or error cells."""
    if not flagged:
        return
    rows = {r for r, _ in flagged}
    keep = report.problems[:since]
    for p in report.problems[since:]:
        echo = ((p.sheet or None) == (sheet or None) and p.row in rows
                and p.category in ("constraint-error", "type-error")
                and (p.column is None or (p.row, p.column) in flagged))
        if not echo:
            keep.append(p)
    report.problems[:] = keep


# --------------------------------------------------------------------------
# Merged cells


def fill_merges(sheet: RawSheet, hm: HeaderMap, report: Report) -> None:
    """Give every cell of a merged range in the data area the range's value, as Excel shows it.

    Merges in the respondent block columns are the usual way to write a block
    and pass silently; any other merge is filled with a warning.
    """
    rows = sheet.rows
    for r0, c0, r1, c1 in sheet.merges:
        if r0 <= hm.row_index or r0 >= len(rows) or (r1 == r0 and c1 == c0):
            continue
        first = rows[r0]
        value = first[c0] if c0 < len(first) else ""
        if cell_text(value).strip() == "":
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, c1 + 1):
                put(rows, r, c, value)
        if c0 == c1 and field_of(hm, c0) in BLOCK_FIELDS:
            continue
        report.say("warning", "constraint-error", "cells.merged", sheet=sheet.name or None, row=r0 + 1,
                   column=hm.label(c0), cells=f"{cell_ref(r0, c0)}:{cell_ref(r1, c1)}",
                   value=cell_text(value).strip(), n=r1 - r0 + 1)


# --------------------------------------------------------------------------
# Hidden rows and columns, unlabelled columns


def _shown(rows: list[int]) -> str:
    return ", ".join(str(r) for r in rows[:10]) + (" …" if len(rows) > 10 else "")


def check_hidden_rows(sheet: RawSheet, hm: HeaderMap, frame: pd.DataFrame, report: Report) -> None:
    """Hidden rows holding data are read; say how many and where."""
    hidden = [r + 1 for r in sheet.marks.hidden_rows if r > hm.row_index and r + 1 in frame.index]
    if not hidden:
        return
    filled = frame.loc[hidden].ne("").any(axis=1)
    hidden = [r for r in hidden if filled[r]]
    if hidden:
        key = "cells.hidden_rows_filter" if sheet.marks.autofilter else "cells.hidden_rows"
        report.say("warning", "source-error", key, sheet=sheet.name or None, row=hidden[0],
                   n=len(hidden), rows=_shown(hidden))


def check_hidden_columns(sheet: RawSheet, hm: HeaderMap, report: Report) -> set[tuple[str, int, int]]:
    """A hidden column competing with a visible one for a field is an error naming both.

    Returns the duplicates it reported, so the plain "two columns mean the
    same" message is not given for them as well.
    """
    hidden = sheet.marks.hidden_cols
    done = set()
    for dup in hm.duplicates:
        name, kept, dropped = dup
        if kept in hidden or dropped in hidden:
            h, v = (kept, dropped) if kept in hidden else (dropped, kept)
            if h in hidden and v in hidden:
                continue
            report.say("error", "duplicate-label", "cells.hidden_competes", sheet=sheet.name or None,
                       row=hm.excel_row, column=hm.label(h), hidden=column_letter(h),
                       hidden_label=hm.label(h), visible=column_letter(v), visible_label=hm.label(v))
            done.add(dup)
    competing = {c for _, a, b in done for c in (a, b)}
    for c in sorted((set(hm.fields.values()) | set(hm.proposals)) & hidden - competing):
        report.say("warning", "source-error", "cells.hidden_col_read", sheet=sheet.name or None,
                   row=hm.excel_row, column=hm.label(c), letter=column_letter(c), label=hm.label(c))
    return done


def check_unlabelled(sheet: RawSheet, hm: HeaderMap, frame: pd.DataFrame, report: Report) -> None:
    """Values under a blank (or merged-over) header are not read: say so, naming the column.

    A header cell holding an error value or an uncalculated formula counts as blank.
    """
    for c in frame.columns:
        label = hm.labels.get(c, "")
        if label and label not in ERROR_VALUES and (hm.row_index, c) not in sheet.marks.formulas:
            continue
        filled = frame[c].ne("")
        if filled.any():
            first = int(frame.index[filled.to_numpy()][0])
            report.say("warning", "missing-label", "cells.unlabelled", sheet=sheet.name or None, row=first,
                       column=column_letter(c), letter=column_letter(c), first=first)


# --------------------------------------------------------------------------
# Proposal ids Excel turned into numbers or dates


def _date_words(d: dt.date) -> dict[str, str]:
    return {"date_sv": f"{d.day} {_MONTHS_SV[d.month - 1]} {d.year}",
            "date_en": d.strftime("%-d %B %Y"), "guess": f"{d.day}.{d.month}"}


def _is_date(v: object) -> bool:
    return isinstance(v, (dt.date, dt.datetime))


def check_header_ids(sheet: RawSheet, hm: HeaderMap, report: Report) -> None:
    """Wide layout: header ids stored as numbers (4.1 for 4.10) or as dates (5.2 as 5 February)."""
    header = sheet.rows[hm.row_index]
    for c, v in enumerate(header):
        where = {"sheet": sheet.name or None, "row": hm.excel_row, "column": hm.label(c)}
        if isinstance(v, float) and not v.is_integer() and c in hm.proposals:
            report.say("warning", "type-error", "cells.id_number_header", cell=cell_ref(hm.row_index, c),
                       value=cell_text(v), **where)
        elif _is_date(v) and field_of(hm, c) is None:
            report.say("error", "type-error", "cells.id_date", cell=cell_ref(hm.row_index, c),
                       **_date_words(v), **where)


def check_id_cells(sheet: RawSheet, hm: HeaderMap, report: Report) -> set[tuple[int, str]]:
    """Long layout: proposal ids stored as numbers (a warning) or dates (an error per cell)."""
    col = hm.fields["proposal_id"]
    label = hm.label(col)
    numbers, dates = [], []
    if isinstance(sheet.rows, ArrowGrid):  # the text columns hold no types: the XML scan's typed cells do
        odd = sheet.rows.typed_in_column(col, hm.row_index + 1)
    else:
        body = sheet.rows[hm.row_index + 1:]
        try:
            values = list(map(itemgetter(col), body))  # calamine's grid is rectangular: one C-level pass
        except IndexError:
            values = [r[col] if col < len(r) else None for r in body]
        odd = []
        if set(map(type, values)) - {str, int, bool, type(None)}:  # only numbers and dates need a look
            odd = list(enumerate(values, start=hm.row_index + 1))
    for i, v in odd:
        if isinstance(v, float) and not v.is_integer():
            numbers.append(i + 1)
        elif _is_date(v):
            dates.append((i, v))
    if numbers:
        report.say("warning", "type-error", "cells.id_numbers", sheet=sheet.name or None, row=numbers[0],
                   column=label, n=len(numbers), first=numbers[0])
    for i, v in dates[:MAX_LISTED]:
        report.say("error", "type-error", "cells.id_date", sheet=sheet.name or None, row=i + 1, column=label,
                   cell=cell_ref(i, col), **_date_words(v))
    if len(dates) > MAX_LISTED:
        report.say("error", "type-error", "cells.id_date_more", sheet=sheet.name or None,
                   n=len(dates) - MAX_LISTED)
    return {(i + 1, label) for i, _ in dates}


# --------------------------------------------------------------------------
# Header search


def describe_search(rows: list[list], searched: int) -> dict[str, str]:
    """What the searched rows held, in each language: 'rad 1: "Namn", "Åsikt"; rad 2: tom'."""
    sv, en = [], []
    for i, row in enumerate(rows[:searched]):
        texts = [cell_text(v).strip() for v in row]
        texts = [x if len(x) <= 30 else x[:29] + "…" for x in texts if x]
        if texts:
            shown = ", ".join(f"\"{x}\"" for x in texts[:5]) + (", …" if len(texts) > 5 else "")
            words = both("cells.searched_row", n=i + 1, cells=shown)
        else:
            words = both("cells.searched_blank", n=i + 1)
        sv.append(words[0])
        en.append(words[1])
    return {"rows_sv": "; ".join(sv), "rows_en": "; ".join(en)}
