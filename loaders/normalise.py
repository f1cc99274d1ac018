"""Turn a located responses sheet into canonical long rows, with validation.

Input: a text frame (index = Excel row) and its :class:`HeaderMap`. Output: a
long frame with the canonical columns (text, not yet categorical) plus a
report of everything that was odd.
"""
from __future__ import annotations

import pandas as pd

from loaders import bodynames
from loaders.headers import HeaderMap
from loaders.report import Report, both
from loaders.vocab import (
    TYPE_LABELS_EN,
    allowed_stance_words,
    parse_stance,
    parse_type,
)

#: Per-row problems of one kind are listed up to this many, then summarised.
MAX_LISTED = 200

def _limited(report: Report, items, emit, summarise) -> None:
    items = list(items)
    for item in items[:MAX_LISTED]:
        emit(item)
    if len(items) > MAX_LISTED:
        summarise(len(items) - MAX_LISTED)


def drop_blank_rows(frame: pd.DataFrame, report: Report, sheet: str) -> pd.DataFrame:
    """Remove rows with no content; warn about blank rows between data rows."""
    filled = frame.ne("").any(axis=1)
    if filled.all():
        return frame
    if filled.any():
        last = filled[filled].index.max()
        inner = [r for r in filled[~filled].index if r < last]
        if inner:
            shown = ", ".join(str(r) for r in inner[:10]) + (" …" if len(inner) > 10 else "")
            report.say("warning", "blank-row", "rows.blank_between", sheet=sheet, row=inner[0], n=len(inner),
                       rows=shown)
    return frame[filled]


def long_rows(frame: pd.DataFrame, hm: HeaderMap, sheet: str, report: Report) -> pd.DataFrame:
    """Long layout: one row per respondent x proposal."""
    f = hm.fields
    out = pd.DataFrame(index=frame.index)
    for name in ("consultation", "respondent", "respondent_type", "proposal_id",
                 "proposal_title", "topic", "addressee", "stance", "comment", "source"):
        out[name] = frame[f[name]] if name in f else ""
    out["sheet"] = sheet
    out["row"] = out.index.to_numpy()
    _continue_blocks(out)

    # Blank stance: not addressed, with a warning.
    blank = out["stance"].eq("")
    _limited(
        report, out.index[blank],
        lambda r: report.say("warning", "constraint-error", "rows.no_stance", sheet=sheet, row=int(r),
                             column=hm.label(f["stance"])),
        lambda n: report.say("warning", "constraint-error", "rows.more_no_stance", sheet=sheet, n=n),
    )
    out = out[~blank]
    return _stances(out, report, sheet, hm.label(f["stance"]))


def wide_rows(frame: pd.DataFrame, hm: HeaderMap, sheet: str, report: Report) -> pd.DataFrame:
    """Wide layout: one row per respondent, one column per proposal."""
    f = hm.fields
    base = pd.DataFrame(index=frame.index)
    for name in ("consultation", "respondent", "respondent_type", "source", "comment"):
        base[name] = frame[f[name]] if name in f else ""
    base["row"] = base.index.to_numpy()
    _continue_blocks(base)
    parts = []
    for col, pid in hm.proposals.items():
        cells = frame[col]
        keep = cells.ne("")
        part = base[keep].copy()
        part["proposal_id"] = pid
        part["stance"] = cells[keep]
        part["column_label"] = hm.label(col)
        parts.append(part)
    if parts:
        out = pd.concat(parts)
        out = out.sort_values(["row"], kind="stable")
    else:
        out = base.iloc[0:0].assign(proposal_id="", stance="", column_label="")
    for name in ("proposal_title", "topic", "addressee"):
        out[name] = ""
    out["sheet"] = sheet
    return _stances(out, report, sheet, None)


def _continue_blocks(out: pd.DataFrame) -> None:
    """A blank respondent (and type) below a filled one continues that block."""
    blank = out["respondent"].eq("")
    if blank.any():
        filled = out["respondent"].where(~blank).ffill().fillna("")
        out["respondent_type"] = out["respondent_type"].where(
            ~blank | out["respondent_type"].ne(""),
            out["respondent_type"].where(~blank).ffill().fillna(""),
        )
        out["respondent"] = filled
    cons = out["consultation"]
    if cons.eq("").any() and cons.ne("").any():
        out["consultation"] = cons.where(cons.ne("")).ffill().fillna("")


def _stances(out: pd.DataFrame, report: Report, sheet: str, column: str | None) -> pd.DataFrame:
    uniques = pd.unique(out["stance"])
    mapping = {u: parse_stance(u) for u in uniques}
    parsed = out["stance"].map(mapping)
    bad = parsed.isna()
    if bad.any():
        bad_rows = out[bad]
        _limited(
            report, bad_rows.itertuples(),
            lambda t: report.say(
                "error", "constraint-error", "rows.unknown_stance", sheet=sheet, row=int(t.row),
                column=column if column is not None else getattr(t, "column_label", None),
                value=t.stance, allowed=(allowed_stance_words("sv"), allowed_stance_words("en"))),
            lambda n: report.say("error", "constraint-error", "rows.more_unknown_stance", sheet=sheet, n=n),
        )
    return out.assign(stance=parsed)[~bad]  # ids are checked by loaders.proposal_ids


def resolve_types(rows: pd.DataFrame, known: dict[str, str], report: Report, sheet: str,
                  column: str | None) -> pd.Series:
    """Canonical respondent types for every row.

    Order of precedence: the row's own type cell, the Instanser sheet
    (``known``), then the register and its name rules (with a warning saying
    which, see :mod:`loaders.bodynames`), then Övrig. A type cell that
    contradicts the register is kept, with a warning.
    """
    raw = rows["respondent_type"]
    uniques = pd.unique(raw)
    mapping = {u: (parse_type(u) if u else None) for u in uniques}
    parsed = raw.map(mapping)
    unknown = raw.ne("") & parsed.isna()
    for value, first_row in rows.loc[unknown].groupby(raw[unknown])["row"].min().items():
        report.say("warning", "constraint-error", "rows.unknown_type", sheet=sheet, row=int(first_row),
                   column=column, value=value,
                   allowed=(", ".join(TYPE_LABELS_EN), ", ".join(TYPE_LABELS_EN.values())))
    parsed = parsed.where(~unknown, "Övrig")
    bodynames.check_contradictions(rows, parsed.where(~unknown), report, sheet, column)
    missing = parsed.isna()
    if missing.any():
        names = rows.loc[missing, "respondent"]
        first_rows = rows.loc[missing].groupby(names)["row"].min()
        fill = {}
        for name, first_row in first_rows.items():
            if name in known:
                fill[name] = known[name]
                continue
            guess = bodynames.infer_type(name, report, sheet, int(first_row), column)
            fill[name] = guess or "Övrig"
            if not guess:
                report.say("warning", "constraint-error", "rows.no_type", sheet=sheet, row=int(first_row),
                           column=column, name=name)
        parsed = parsed.where(~missing, names.map(fill))
    return parsed


def check_duplicates(rows: pd.DataFrame, report: Report) -> pd.DataFrame:
    """Conflicting codings are errors; identical duplicates are warnings, kept once."""
    key = ["consultation", "respondent", "proposal_id"]
    dup = rows.duplicated(key, keep=False)
    if not dup.any():
        return rows
    d = rows[dup]
    first = d.groupby(key, sort=False).head(1)
    first_by_key = first.set_index(key)
    drop = []
    conflicts = []
    for idx, r in d.iterrows():
        f = first_by_key.loc[(r["consultation"], r["respondent"], r["proposal_id"])]
        if r["row"] == f["row"] and r["sheet"] == f["sheet"]:
            continue  # the first occurrence itself
        if r["stance"] != f["stance"]:
            conflicts.append((r, f))
        else:
            drop.append(idx)
            other = r["sheet"] != f["sheet"]  # two reply sheets: a row number alone would be ambiguous
            report.say("warning", "unique-error", "rows.same_twice_sheets" if other else "rows.same_twice",
                       sheet=r["sheet"] or None, row=int(r["row"]), name=r["respondent"], id=r["proposal_id"],
                       first=f["row"], first_sheet=f["sheet"])
    for r, f in conflicts:
        other = r["sheet"] != f["sheet"]
        report.say("error", "unique-error", "rows.conflict_sheets" if other else "rows.conflict",
                   sheet=r["sheet"] or None, row=int(r["row"]), name=r["respondent"], id=r["proposal_id"],
                   first=f["row"], first_sheet=f["sheet"],
                   first_stance=both(f"rows.stance.{f['stance']}"), stance=both(f"rows.stance.{r['stance']}"))
    return rows.drop(index=drop)
