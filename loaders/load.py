"""Load a coded sheet: bytes in, :class:`LoadResult` out. Never raises at the user.

    result = load_bytes(data, "svar.xlsx")
    if result.ok: use(result.data)
    else: show(result.report)

Workbooks may hold a responses sheet (long or wide layout) plus optional
``Förslag`` and ``Instanser`` sheets, joined by proposal id and respondent name.
"""
from __future__ import annotations

from pathlib import Path, PurePath

import pandas as pd

from loaders.cells import grid_to_frame
from loaders.headers import HeaderMap, find_header
from loaders.identity import (
    refuse_blank_names,
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
from loaders.report import Report
from loaders.schema import PROPOSAL_COLUMNS, RESPONDENT_COLUMNS, conform
from loaders.sources import RawSheet, Unreadable, read_sheets
from loaders.vocab import norm_header, parse_type

PROPOSAL_SHEETS = {"förslag", "forslag", "proposals", "proposal"}
RESPONDENT_SHEETS = {"instanser", "remissinstanser", "respondents", "respondent"}
IGNORED_SHEETS = {"instruktioner", "instructions", "om", "about", "lasmig", "readme", "källor"}
RESPONSE_SHEET_NAMES = ("svar", "responses", "answers", "remissvar")

def load_path(path: str | Path) -> LoadResult:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        report = Report(file=p.name, unreadable=True)
        report.error("source-error", f"Filen {p.name} kan inte öppnas ({exc.strerror}).",
                     f"The file {p.name} cannot be opened ({exc.strerror}).")
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


def _classify(sheets: list[RawSheet]):
    responses, proposals, respondents = [], None, None
    for s in sheets:
        key = norm_header(s.name)
        if key in PROPOSAL_SHEETS:
            proposals = s
        elif key in RESPONDENT_SHEETS:
            respondents = s
        elif key not in IGNORED_SHEETS:
            responses.append(s)
    # Prefer a sheet called Svar/Responses; else the first that has a header.
    named = [s for s in responses if norm_header(s.name) in RESPONSE_SHEET_NAMES]
    ordered = named + [s for s in responses if s not in named]
    return ordered, proposals, respondents


def _assemble(sheets: list[RawSheet], file_name: str, report: Report) -> CodedData:
    candidates, prop_sheet, resp_sheet = _classify(sheets)
    if all(not any(any(c not in (None, "") for c in r) for r in s.rows) for s in sheets):
        report.error("source-error", f"Filen {file_name} innehåller inga data.",
                     f"The file {file_name} contains no data.")
        report.unreadable = True
        raise Unreadable("empty")

    sheet, hm = None, None
    for s in candidates:
        found = find_header(s.rows)
        if found and ("stance" in found.fields or found.proposals) and "respondent" in found.fields:
            sheet, hm = s, found
            break
        if sheet is None and found:
            sheet, hm = s, found
    if sheet is None:
        sheet = candidates[0] if candidates else sheets[0]
        first = next((r for r in sheet.rows if any(c not in (None, "") for c in r)), [])
        _missing_columns(report, sheet.name, None,
                         [str(c) for c in first if c not in (None, "")], ["respondent", "proposal_id", "stance"])
        return CodedData()

    sheet_name = sheet.name
    wide = "stance" not in hm.fields and bool(hm.proposals)
    required = ["respondent"] if wide else ["respondent", "proposal_id", "stance"]
    missing = [f for f in required if f not in hm.fields]
    if missing:
        _missing_columns(report, sheet_name, hm.excel_row, hm.found(), missing)
        return CodedData()
    for fieldname, kept, dropped in hm.duplicates:
        severity = report.error if fieldname in ("respondent", "proposal_id", "stance") else report.warning
        severity("duplicate-label",
                 f"Två kolumner betyder samma sak: \"{hm.label(kept)}\" och \"{hm.label(dropped)}\"."
                 + (" Ta bort en av dem." if severity == report.error else f" \"{hm.label(kept)}\" används."),
                 f"Two columns mean the same: \"{hm.label(kept)}\" and \"{hm.label(dropped)}\"."
                 + (" Remove one of them." if severity == report.error else f" \"{hm.label(kept)}\" is used."),
                 sheet=sheet_name or None, row=hm.excel_row, column=hm.label(dropped))
    _check_proposal_headers(hm, report, sheet_name)

    frame = grid_to_frame(sheet.rows, hm.row_index + 1, width=len(hm.labels))
    frame = drop_blank_rows(frame, report, sheet_name or None)
    rows = (wide_rows if wide else long_rows)(frame, hm, sheet_name, report)
    rows = rows.reset_index(drop=True)
    if not wide and "proposal_id" in hm.fields:
        _warn_numeric_ids(sheet, hm, report)
    rows = check_ids(rows, report, sheet_name or None, None if wide else hm.label(hm.fields["proposal_id"]),
                     header_row=hm.excel_row if wide else None)
    stem = PurePath(file_name).stem
    resp_col = hm.label(hm.fields["respondent"])
    rows = refuse_blank_names(rows, report, sheet_name or None, resp_col,
                              hm.label(hm.fields["consultation"]) if "consultation" in hm.fields else None, stem)
    rows["consultation"] = rows["consultation"].where(rows["consultation"].ne(""), stem)
    no_id = rows["proposal_id"].eq("")
    for r in rows.loc[no_id, "row"].head(200):
        report.error("constraint-error", "Förslagsnummer saknas.", "Proposal id is missing.",
                     sheet=sheet_name or None, row=int(r), column=hm.label(hm.fields["proposal_id"]))
    rows = rows[~no_id]

    props = _proposals_sheet(prop_sheet, report, stem)
    insts = _respondents_sheet(resp_sheet, report, stem)
    rows, (props, insts) = unify_consultations(
        rows, [(props, prop_sheet.name if prop_sheet else None), (insts, resp_sheet.name if resp_sheet else None)],
        report, sheet_name or None, hm.label(hm.fields["consultation"]) if "consultation" in hm.fields else None)
    rows, insts = unify_respondents(rows, insts, report, sheet_name or None, resp_col,
                                    resp_sheet.name if resp_sheet else None, _attr(insts, "column"))
    known_types = {} if insts is None else dict(zip(insts["respondent"], insts["respondent_type"]))
    known_types = {k: v for k, v in known_types.items() if v}
    type_col = hm.label(hm.fields["respondent_type"]) if "respondent_type" in hm.fields else None
    rows = unify_types(rows, report, sheet_name or None, type_col, insts, resp_sheet.name if resp_sheet else None)
    rows["respondent_type"] = resolve_types(rows, known_types, report, sheet_name or None, type_col)
    rows = check_duplicates(rows, report)
    rows = _join_proposals(rows, props, report, sheet_name or None,
                           None if wide else hm.label(hm.fields["proposal_id"]), prop_sheet.name if prop_sheet else "")

    if rows.empty and not report.errors:
        report.error("source-error",
                     f"Bladet {sheet_name or file_name} har rubriker men inga kodade svar.",
                     f"The sheet {sheet_name or file_name} has headers but no coded answers.",
                     sheet=sheet_name or None, row=hm.excel_row)
    responses = conform(rows)
    respondents = _respondent_table(responses, insts)
    proposals = _proposal_table(responses, props)
    return CodedData(responses=responses, respondents=respondents, proposals=proposals)


def _missing_columns(report: Report, sheet: str, row, found: list[str], missing: list[str]) -> None:
    names_sv = {"respondent": "Remissinstans", "proposal_id": "Förslag", "stance": "Ställningstagande"}
    names_en = {"respondent": "Respondent", "proposal_id": "Proposal", "stance": "Stance"}
    found_text = ", ".join(f"\"{h}\"" for h in found) or "(inga)"
    report.error(
        "missing-label",
        f"Obligatorisk kolumn saknas: {', '.join(names_sv[m] for m in missing)}. "
        f"Rubriker som hittades: {found_text}.",
        f"Required column missing: {', '.join(names_en[m] for m in missing)}. "
        f"Headers found: {found_text.replace('(inga)', '(none)')}.",
        sheet=sheet or None, row=row)


def _check_proposal_headers(hm: HeaderMap, report: Report, sheet: str) -> None:
    seen: dict[str, int] = {}
    for col, pid in hm.proposals.items():
        if pid in seen:
            report.error("duplicate-label",
                         f"Förslag {pid} har två kolumner: \"{hm.label(seen[pid])}\" och \"{hm.label(col)}\".",
                         f"Proposal {pid} has two columns: \"{hm.label(seen[pid])}\" and \"{hm.label(col)}\".",
                         sheet=sheet or None, row=hm.excel_row, column=hm.label(col))
        else:
            seen[pid] = col


def _warn_numeric_ids(sheet: RawSheet, hm: HeaderMap, report: Report) -> None:
    col = hm.fields["proposal_id"]
    rows = [i + 1 for i, r in enumerate(sheet.rows[hm.row_index + 1:], start=hm.row_index + 1)
            if col < len(r) and isinstance(r[col], float) and not r[col].is_integer()]
    if rows:
        report.warning(
            "type-error",
            f"{len(rows)} förslagsnummer är sparade som tal, inte text (första på rad {rows[0]}). "
            "Excel kan ha tagit bort avslutande nollor (4.10 blir 4.1). Formatera kolumnen som text.",
            f"{len(rows)} proposal ids are stored as numbers, not text (first on row {rows[0]}). "
            "Excel may have dropped trailing zeros (4.10 becomes 4.1). Format the column as text.",
            sheet=sheet.name or None, row=rows[0], column=hm.label(col))


# --------------------------------------------------------------------------
# Extra sheets

def _extra_frame(sheet: RawSheet, report: Report, key: str, label_sv: str, label_en: str):
    hm = find_header(sheet.rows)
    if hm is None or key not in hm.fields:
        report.warning("missing-label",
                       f"Bladet {sheet.name} saknar kolumnen {label_sv} och används inte.",
                       f"The sheet {sheet.name} lacks the column {label_en} and is not used.",
                       sheet=sheet.name)
        return None, None
    frame = grid_to_frame(sheet.rows, hm.row_index + 1, width=len(hm.labels))
    frame = frame[frame.ne("").any(axis=1)]
    return frame, hm


def _col(frame: pd.DataFrame, hm: HeaderMap, name: str) -> pd.Series:
    return frame[hm.fields[name]] if name in hm.fields else pd.Series("", index=frame.index, dtype="str")


def _proposals_sheet(sheet: RawSheet | None, report: Report, stem: str) -> pd.DataFrame | None:
    if sheet is None:
        return None
    frame, hm = _extra_frame(sheet, report, "proposal_id", "Förslag", "Proposal")
    if frame is None:
        return None
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
        report.warning("unique-error",
                       f"Förslag {r.proposal_id} står två gånger på bladet {sheet.name}; första raden används.",
                       f"Proposal {r.proposal_id} is listed twice on the sheet {sheet.name}; the first row is used.",
                       sheet=sheet.name, row=int(r.row))
    return out[~dup]


def _respondents_sheet(sheet: RawSheet | None, report: Report, stem: str) -> pd.DataFrame | None:
    if sheet is None:
        return None
    frame, hm = _extra_frame(sheet, report, "respondent", "Remissinstans", "Respondent")
    if frame is None:
        return None
    raw_type = _col(frame, hm, "respondent_type")
    types = raw_type.map(lambda v: parse_type(v) if v else None)
    for r, v in raw_type[raw_type.ne("") & types.isna()].items():
        report.warning("constraint-error", f"Okänd typ \"{v}\" räknas som Övrig.",
                       f"Unknown type \"{v}\" is counted as Övrig (Other).",
                       sheet=sheet.name, row=int(r), column=hm.label(hm.fields["respondent_type"]))
    types = types.where(raw_type.eq("") | types.notna(), "Övrig").fillna("")
    pop_text = _col(frame, hm, "population").str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    population = pd.to_numeric(pop_text.str.replace(",", ".", regex=False), errors="coerce")
    for r, v in pop_text[pop_text.ne("") & population.isna()].items():
        report.warning("type-error", f"Folkmängden \"{v}\" är inte ett tal och används inte.",
                       f"The population \"{v}\" is not a number and is not used.",
                       sheet=sheet.name, row=int(r), column=hm.label(hm.fields["population"]))
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
    for n, ((cons, pid), part) in enumerate(unknown.groupby(["consultation", "proposal_id"], sort=False)):
        if n == 200:
            break
        rows_here = sorted(set(part["row"].astype(int)))
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
