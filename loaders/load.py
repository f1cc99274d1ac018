"""Load a coded sheet: bytes in, :class:`LoadResult` out. Never raises at the user.

    result = load_bytes(data, "svar.xlsx")
    if result.ok: use(result.data)
    else: show(result.report)

Workbooks may hold a responses sheet (long or wide layout) plus optional
``Förslag`` and ``Instanser`` sheets, joined by proposal id and respondent name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

import pandas as pd

from loaders import bodynames, cellcheck
from loaders.cellcheck import describe_search
from loaders.cells import grid_to_frame
from loaders.grid import any_values
from loaders.headers import MAX_TITLE_ROWS, HeaderMap, find_header
from loaders.identity import (
    refuse_blank_names,
    row_locations,
    rows_words,
    say,
    unify_consultations,
    unify_respondents,
    unify_types,
)
from loaders.model import CodedData, LoadResult
from loaders.natural import natural_key
from loaders.normalise import (
    check_duplicates,
    drop_blank_rows,
    long_rows,
    resolve_types,
    wide_rows,
)
from loaders.proposal_ids import check_ids
from loaders.report import Report, both
from loaders.schema import PROPOSAL_COLUMNS, RESPONDENT_COLUMNS, conform
from loaders.sources import RawSheet, Unreadable, read_sheets
from loaders.vocab import norm_header, parse_type

PROPOSAL_SHEETS = {"förslag", "forslag", "proposals", "proposal"}
RESPONDENT_SHEETS = {"instanser", "remissinstanser", "respondents", "respondent"}
IGNORED_SHEETS = {"instruktioner", "instructions", "om", "about", "lasmig", "readme", "källor"}
RESPONSE_SHEET_NAMES = ("svar", "responses", "answers", "remissvar")
#: How far down a header row that was not found is looked for, to tell the user where it is.
MAX_HEADER_SEARCH = 200

def load_path(path: str | Path) -> LoadResult:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        report = Report(file=p.name, unreadable=True)
        report.say("error", "source-error", "source.unopenable", file=p.name, error=exc.strerror)
        return LoadResult(CodedData(), report)
    return load_bytes(data, p.name)


def load_bytes(data: bytes, file_name: str) -> LoadResult:
    """Read, normalise and validate a coded sheet."""
    report = Report(file=file_name)
    try:
        sheets = read_sheets(data, file_name, report)
        coded = _assemble(sheets, file_name, report)
    except Unreadable:
        return LoadResult(CodedData(), report)
    return LoadResult(coded, report)


def _looks_like_responses(hm: HeaderMap | None) -> bool:
    """A sheet holds replies when its header names respondents and stances (long) or proposal columns (wide)."""
    return hm is not None and "respondent" in hm.fields and ("stance" in hm.fields or bool(hm.proposals))


def _has_data(sheet: RawSheet, hm: HeaderMap) -> bool:
    return any_values(sheet.rows, hm.row_index + 1)


@dataclass(frozen=True)
class _Plan:
    """Which sheets are read as what."""

    responses: tuple[tuple[RawSheet, HeaderMap], ...]
    proposals: RawSheet | None
    respondents: RawSheet | None


def _pick_extra(sheets: list[RawSheet], names: set[str], report: Report) -> RawSheet | None:
    """The Förslag or Instanser sheet: a visible one if there is one, else a hidden one, with a warning."""
    named = [s for s in sheets if norm_header(s.name) in names]
    visible = [s for s in named if s.visibility == "visible"]
    if visible:
        return visible[0]
    if named:
        report.say("warning", "source-error", "cells.hidden_extra_read", sheet=named[0].name, name=named[0].name)
        return named[0]
    return None


def _classify(sheets: list[RawSheet], report: Report) -> _Plan | None:
    """Sort sheets by their columns, not their names; visible sheets before hidden ones.

    Every sheet whose header looks like replies is read (a sheet named Förslag
    too, if it has a stance column or several proposal columns: an Instanser
    list with a "2023" column is still a list); several are combined, each row
    keeping its sheet. Hidden reply
    sheets are skipped while a visible one serves. Returns None when the only
    reply sheets are hidden (that is reported).
    """
    headers = {id(s): find_header(s.rows) for s in sheets}
    replies = [s for s in sheets if _looks_like_responses(headers[id(s)])
               and (norm_header(s.name) not in PROPOSAL_SHEETS | RESPONDENT_SHEETS
                    or "stance" in headers[id(s)].fields or len(headers[id(s)].proposals) > 1)]
    # An instructions sheet may hold an example table, and a template may keep an empty reply
    # sheet beside a filled one: neither is read while another reply sheet has data.
    real = [s for s in replies if norm_header(s.name) not in IGNORED_SHEETS] or replies
    filled = [s for s in real if _has_data(s, headers[id(s)])]
    replies = filled or real[:1]
    rest = [s for s in sheets if s not in replies]
    visible = [s for s in replies if s.visibility == "visible"]
    hidden = [s for s in replies if s.visibility != "visible"]
    if visible:
        used = ", ".join(s.name for s in visible)
        for s in hidden:
            report.say("warning", "source-error", "cells.hidden_sheet_skipped", sheet=s.name, name=s.name, used=used)
    elif hidden:
        for s in hidden:
            report.say("error", "source-error", "cells.only_hidden_sheet", sheet=s.name, name=s.name)
        return None
    if len(visible) > 1:
        named = [s for s in visible if norm_header(s.name) in RESPONSE_SHEET_NAMES]
        visible = named + [s for s in visible if s not in named]
        report.say("warning", "source-error", "cells.sheets_combined", sheet=visible[0].name, n=len(visible),
                   sheets=", ".join(s.name for s in visible))
    return _Plan(tuple((s, headers[id(s)]) for s in visible),
                 _pick_extra(rest, PROPOSAL_SHEETS, report), _pick_extra(rest, RESPONDENT_SHEETS, report))


def _no_reply_sheet(sheets: list[RawSheet], report: Report) -> None:
    """No sheet looks like replies: name what is missing where a header was found, else show what was searched."""
    candidates = [s for s in sheets if norm_header(s.name) not in PROPOSAL_SHEETS | RESPONDENT_SHEETS
                  and norm_header(s.name) not in IGNORED_SHEETS] or sheets
    candidates = sorted(candidates, key=lambda s: s.visibility != "visible")
    for s in candidates:
        hm = find_header(s.rows)
        if hm is not None:
            missing = [f for f in ("respondent", "proposal_id", "stance") if f not in hm.fields]
            _missing_columns(report, s.name, hm.excel_row, hm.found(), missing)
            return
    filled = [s for s in candidates if any_values(s.rows)]
    sheet = (filled or candidates)[0]
    searched = min(len(sheet.rows), MAX_TITLE_ROWS + 1)
    report.say("error", "missing-label", "cells.no_header", sheet=sheet.name or None, first=1, last=searched,
               name=sheet.name or "CSV", **describe_search(sheet.rows, searched))
    lower = find_header(sheet.rows, limit=MAX_HEADER_SEARCH)
    if lower is not None and _looks_like_responses(lower):
        report.say("error", "missing-label", "cells.header_below", sheet=sheet.name or None, row=lower.excel_row,
                   at=lower.excel_row, n=MAX_TITLE_ROWS + 1)


def _assemble(sheets: list[RawSheet], file_name: str, report: Report) -> CodedData:
    if not any(any_values(s.rows) for s in sheets):
        report.say("error", "source-error", "source.no_data", file=file_name)
        report.unreadable = True
        raise Unreadable("empty")
    plan = _classify(sheets, report)
    if plan is None:
        return CodedData()
    if not plan.responses:
        _no_reply_sheet(sheets, report)
        return CodedData()

    stem = PurePath(file_name).stem
    props = _proposals_sheet(plan.proposals, report, stem)
    insts = _respondents_sheet(plan.respondents, report, stem)
    if insts is not None:  # listed under a former name or a department: the canonical body
        insts = insts.assign(respondent=bodynames.rename_listed(insts["respondent"]))
    parts = [_sheet_rows(sheet, hm, stem, report) for sheet, hm in plan.responses]
    echoes = [echo for part in parts if part is not None for echo in [part[1]]]
    parts = [part[0] for part in parts if part is not None]
    if not parts:
        return CodedData()
    rows = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]

    # Names, types and proposals across every reply sheet at once: one body is one respondent
    # whichever sheet it is on. Messages name the reply sheet and its columns when there is one.
    first, hm = plan.responses[0]
    where = (first.name or None) if len(plan.responses) == 1 else None
    wide = "stance" not in hm.fields and bool(hm.proposals)
    label = {f: hm.label(hm.fields[f]) for f in ("respondent", "respondent_type", "consultation", "proposal_id")
             if f in hm.fields}
    prop_name = plan.proposals.name if plan.proposals else None
    inst_name = plan.respondents.name if plan.respondents else None
    rows, (props, insts) = unify_consultations(rows, [(props, prop_name), (insts, inst_name)], report, where,
                                               label.get("consultation"))
    rows, insts = unify_respondents(rows, insts, report, where, label["respondent"], inst_name,
                                    _attr(insts, "column"))
    known_types = {} if insts is None else dict(zip(insts["respondent"], insts["respondent_type"], strict=True))
    known_types = {k: v for k, v in known_types.items() if v}
    rows = unify_types(rows, report, where, label.get("respondent_type"), insts, inst_name)
    rows["respondent_type"] = resolve_types(rows, known_types, report, where, label.get("respondent_type"))
    rows = check_duplicates(rows, report)
    rows = _join_proposals(rows, props, report, where, None if wide else label.get("proposal_id"),
                           prop_name or "")
    for since, flagged, sheet_where in echoes:  # later messages about a cell already reported once
        cellcheck.drop_echoes(report, since, flagged, sheet_where)
    if rows.empty and not report.errors:
        report.say("error", "source-error", "source.no_answers", sheet=first.name or None, row=hm.excel_row,
                   name=first.name or file_name)
    responses = conform(rows)
    respondents = _respondent_table(responses, insts)
    proposals = _proposal_table(responses, props)
    return CodedData(responses=responses, respondents=respondents, proposals=proposals)


def _sheet_rows(sheet: RawSheet, hm: HeaderMap, stem: str, report: Report):
    """One reply sheet as canonical long rows (text columns), or None when a required column is missing.

    Returns (rows, echo): ``echo`` is what :func:`loaders.cellcheck.drop_echoes` needs to drop later
    messages about cells this sheet already reported (formula and error cells), once the steps over
    all reply sheets have run.
    """
    sheet_name = sheet.name
    where = sheet_name or None
    wide = "stance" not in hm.fields and bool(hm.proposals)
    required = ["respondent"] if wide else ["respondent", "proposal_id", "stance"]
    missing = [f for f in required if f not in hm.fields]
    if missing:
        _missing_columns(report, sheet_name, hm.excel_row, hm.found(), missing)
        return None
    hidden_dups = cellcheck.check_hidden_columns(sheet, hm, report)
    for dup in hm.duplicates:
        if dup in hidden_dups:
            continue
        fieldname, kept, dropped = dup
        required = fieldname in ("respondent", "proposal_id", "stance")
        report.say("error" if required else "warning", "duplicate-label",
                   "columns.same_meaning" if required else "columns.same_meaning_kept",
                   sheet=where, row=hm.excel_row, column=hm.label(dropped), kept=hm.label(kept),
                   dropped=hm.label(dropped))
    _check_proposal_headers(hm, report, sheet_name)
    if wide:
        cellcheck.check_header_ids(sheet, hm, report)
    flagged = set() if wide else cellcheck.check_id_cells(sheet, hm, report)
    cellcheck.fill_merges(sheet, hm, report)

    # The grid is not looked at again: let its text go as the frame takes it (one copy at 1M rows, not two).
    frame = grid_to_frame(sheet.rows, hm.row_index + 1, width=len(hm.labels), release=True)
    flagged |= cellcheck.check_formulas_and_errors(sheet, hm, frame, report)
    cellcheck.check_hidden_rows(sheet, hm, frame, report)
    cellcheck.check_unlabelled(sheet, hm, frame, report)
    since = len(report.problems)
    frame = drop_blank_rows(frame, report, where)
    rows = (wide_rows if wide else long_rows)(frame, hm, sheet_name, report)
    rows = rows.reset_index(drop=True)
    rows = check_ids(rows, report, where, None if wide else hm.label(hm.fields["proposal_id"]),
                     header_row=hm.excel_row if wide else None)
    rows = refuse_blank_names(rows, report, where, hm.label(hm.fields["respondent"]),
                              hm.label(hm.fields["consultation"]) if "consultation" in hm.fields else None, stem)
    rows["consultation"] = rows["consultation"].where(rows["consultation"].ne(""), stem)
    no_id = rows["proposal_id"].eq("")
    for r in rows.loc[no_id, "row"].head(200):
        report.say("error", "constraint-error", "rows.no_id", sheet=where, row=int(r),
                   column=hm.label(hm.fields["proposal_id"]))
    rows = rows[~no_id]
    # Former names and departments count as their body (warned; the name as written kept in Källa).
    rows, _ = bodynames.canonical_names(rows, report, where, hm.label(hm.fields["respondent"]))
    return rows, (since, flagged, where)


def _missing_columns(report: Report, sheet: str, row, found: list[str], missing: list[str]) -> None:
    names = [both(f"columns.required.{m}") for m in missing]
    found_text = ", ".join(f"\"{h}\"" for h in found) or both("columns.none_found")
    report.say("error", "missing-label", "columns.missing", sheet=sheet or None, row=row,
               names=(", ".join(n[0] for n in names), ", ".join(n[1] for n in names)), found=found_text)


def _check_proposal_headers(hm: HeaderMap, report: Report, sheet: str) -> None:
    seen: dict[str, int] = {}
    for col, pid in hm.proposals.items():
        if pid in seen:
            report.say("error", "duplicate-label", "columns.proposal_twice", sheet=sheet or None, row=hm.excel_row,
                       column=hm.label(col), id=pid, first=hm.label(seen[pid]), second=hm.label(col))
        else:
            seen[pid] = col


# --------------------------------------------------------------------------
# Extra sheets

def _extra_frame(sheet: RawSheet, report: Report, key: str):
    hm = find_header(sheet.rows)
    if hm is None or key not in hm.fields:
        report.say("warning", "missing-label", "extra.missing_column", sheet=sheet.name, name=sheet.name,
                   label=both(f"columns.required.{key}"))
        return None, None, None
    frame = grid_to_frame(sheet.rows, hm.row_index + 1, width=len(hm.labels))
    frame = frame[frame.ne("").any(axis=1)]
    flagged = cellcheck.check_formulas_and_errors(sheet, hm, frame, report)
    return frame, hm, (len(report.problems), flagged)


def _col(frame: pd.DataFrame, hm: HeaderMap, name: str) -> pd.Series:
    return frame[hm.fields[name]] if name in hm.fields else pd.Series("", index=frame.index, dtype="str")


def _proposals_sheet(sheet: RawSheet | None, report: Report, stem: str) -> pd.DataFrame | None:
    if sheet is None:
        return None
    frame, hm, echo = _extra_frame(sheet, report, "proposal_id")
    if frame is None:
        return None
    dates = cellcheck.check_id_cells(sheet, hm, report)
    frame = frame.drop(index=[r for r, _ in dates if r in frame.index])  # no phantom "2026-02-05" proposal
    out = pd.DataFrame({
        "consultation": _col(frame, hm, "consultation"),
        "proposal_id": _col(frame, hm, "proposal_id"),
        "proposal_title": _col(frame, hm, "proposal_title"),
        "topic": _col(frame, hm, "topic"),
        "addressee": _col(frame, hm, "addressee"),
        "row": frame.index.to_numpy(),
    })
    out = check_ids(out, report, sheet.name, hm.label(hm.fields["proposal_id"]))
    out = out[out["proposal_id"].ne("")]
    dup = out.duplicated(["consultation", "proposal_id"], keep="first")
    for r in out[dup].itertuples():
        report.say("warning", "unique-error", "extra.proposal_twice", sheet=sheet.name, row=int(r.row),
                   id=r.proposal_id, name=sheet.name)
    cellcheck.drop_echoes(report, *echo, sheet.name)
    return out[~dup]


def _respondents_sheet(sheet: RawSheet | None, report: Report, stem: str) -> pd.DataFrame | None:
    if sheet is None:
        return None
    frame, hm, echo = _extra_frame(sheet, report, "respondent")
    if frame is None:
        return None
    raw_type = _col(frame, hm, "respondent_type")
    types = raw_type.map(lambda v: parse_type(v) if v else None)
    for r, v in raw_type[raw_type.ne("") & types.isna()].items():
        report.say("warning", "constraint-error", "extra.unknown_type", sheet=sheet.name, row=int(r),
                   column=hm.label(hm.fields["respondent_type"]), value=v)
    types = types.where(raw_type.eq("") | types.notna(), "Övrig").fillna("")
    pop_text = _col(frame, hm, "population").str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    population = pd.to_numeric(pop_text.str.replace(",", ".", regex=False), errors="coerce")
    for r, v in pop_text[pop_text.ne("") & population.isna()].items():
        report.say("warning", "type-error", "extra.population_not_number", sheet=sheet.name, row=int(r),
                   column=hm.label(hm.fields["population"]), value=v)
    cellcheck.drop_echoes(report, *echo, sheet.name)
    out = pd.DataFrame({
        "consultation": _col(frame, hm, "consultation"),
        "respondent": _col(frame, hm, "respondent"),
        "respondent_type": types,
        "county": _col(frame, hm, "county"),
        "population": population,
        "row": frame.index.to_numpy(),
    }).query("respondent != ''")
    out.attrs["column"] = hm.label(hm.fields["respondent"])  # named in messages about these names
    return out


def _attr(frame: pd.DataFrame | None, key: str):
    return None if frame is None else frame.attrs.get(key)


def _join_proposals(rows: pd.DataFrame, props: pd.DataFrame | None, report: Report,
                    sheet: str | None, id_column: str | None, sheet_name: str = "Förslag") -> pd.DataFrame:
    """Add titles, topics and addressees from the Förslag sheet; an id not on it is an error.

    A Förslag row without a consultation applies to every consultation. The
    error names the id, its rows and the id column (in the wide layout the
    proposal's own column, on the header row).
    """
    if props is None:
        return rows
    if props.empty:
        say(report, "warning", "constraint-error", "ids.empty_proposals_sheet", sheet=sheet_name)
        return rows
    props = _scope_proposals(props, list(pd.unique(rows["consultation"].astype(str))))
    meta = props.drop(columns=["row"]).rename(columns={c: f"{c}__p" for c in ("proposal_title", "topic", "addressee")})
    merged = rows.merge(meta, on=["consultation", "proposal_id"], how="left", indicator=True)
    unknown = merged[merged["_merge"].eq("left_only")]
    listed_ids = set(props["proposal_id"])
    wide = "column_label" in unknown.columns and id_column is None
    # with several reply sheets the rows are named with their sheet (identity.Loc); found once for all
    locs = row_locations(merged, merged["_merge"].eq("left_only")) if len(unknown) else None
    for n, ((cons, pid), part) in enumerate(unknown.groupby(["consultation", "proposal_id"], sort=False)):
        if n == 200:
            break
        rows_here = sorted(set(locs.loc[part.index]))
        key = "ids.unknown_for_consultation" if pid in listed_ids else "ids.unknown"
        say(report, "error", "constraint-error", key, sheet=sheet, row=rows_here[0],
            column=str(part["column_label"].iloc[0]) if wide else id_column, id=pid, consultation=cons,
            where=rows_words(rows_here))
    for c in ("proposal_title", "topic", "addressee"):
        merged[c] = merged[c].where(merged[c].ne(""), merged[f"{c}__p"].fillna(""))
    return merged.drop(columns=[c for c in merged.columns if c.endswith("__p")] + ["_merge"])


def _scope_proposals(props: pd.DataFrame, consultations: list[str]) -> pd.DataFrame:
    """Förslag rows with a blank consultation repeated for every consultation not listing that id itself."""
    blank = props["consultation"].eq("")
    if not blank.any():
        return props
    scoped = props[~blank]
    have = set(zip(scoped["consultation"], scoped["proposal_id"], strict=True))
    spread = [props[blank].assign(consultation=c) for c in consultations]
    spread = [s[[(c, p) not in have for c, p in zip(s["consultation"], s["proposal_id"], strict=True)]]
              for s in spread]
    return pd.concat([scoped, *spread], ignore_index=True)


def _respondent_table(responses: pd.DataFrame, insts: pd.DataFrame | None) -> pd.DataFrame:
    replied = (responses[["consultation", "respondent", "respondent_type"]]
               .drop_duplicates(["consultation", "respondent"]).astype(str))
    replied["replied"] = True
    consultations = list(pd.unique(responses["consultation"].astype(str)))
    if insts is not None and not insts.empty:
        listed = insts.copy()
        if not listed["consultation"].ne("").any():
            listed = pd.concat([listed.assign(consultation=c) for c in consultations] or [listed])
        listed = listed.drop_duplicates(["consultation", "respondent"])
        out = listed.drop(columns=["row"]).merge(
            replied, on=["consultation", "respondent"], how="outer", suffixes=("_i", ""))
        out["respondent_type"] = out["respondent_type"].fillna(out["respondent_type_i"]).replace("", "Övrig")
        out["replied"] = out["replied"].fillna(False).astype(bool)
        out = out.drop(columns=["respondent_type_i"])
    else:
        out = replied.assign(county="", population=float("nan"))
    out["county"] = out["county"].fillna("")
    out = bodynames.attach_counties(out)  # kommuner and regioner the register knows
    out["population"] = pd.to_numeric(out["population"], errors="coerce")
    out = out[list(RESPONDENT_COLUMNS)]
    return out.sort_values(["consultation", "respondent"], key=_nat).reset_index(drop=True)


def _proposal_table(responses: pd.DataFrame, props: pd.DataFrame | None) -> pd.DataFrame:
    coded = (responses[list(PROPOSAL_COLUMNS)]
             .drop_duplicates(["consultation", "proposal_id"]).astype(str))
    if props is not None and not props.empty:
        consultations = list(pd.unique(responses["consultation"].astype(str)))
        listed = _scope_proposals(props, consultations).drop(columns=["row"])
        listed = listed[listed["consultation"].ne("")]
        coded = pd.concat([listed, coded]).drop_duplicates(["consultation", "proposal_id"])
    coded = coded[list(PROPOSAL_COLUMNS)]
    return coded.sort_values(["consultation", "proposal_id"], key=_nat).reset_index(drop=True)


def _nat(col: pd.Series) -> pd.Series:
    return col.map(natural_key)
