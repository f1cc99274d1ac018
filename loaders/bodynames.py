"""Apply the register (:mod:`loaders.register`) to loaded rows.

Three uses, each with a warning that says what was done and from what:

* :func:`canonical_names`: a former name or a department of a listed body is
  counted as that body ("Stockholms läns landsting" -> "Region Stockholm";
  "Socialförvaltningen, Stockholms stad" -> "Stockholms stad"); the name as
  written is kept in the ``source`` column as provenance.
* :func:`infer_type`: a missing type comes from the register, then the name
  rules; None when neither knows (the caller counts it as Övrig).
* :func:`check_contradictions`: a sheet type that differs from the register's
  is kept (coders sometimes group differently on purpose) but warned about.

:func:`attach_counties` fills the county of kommuner and regioner that the
sheet left blank. Lookups are cached per distinct name, so a large sheet with
few respondents costs a few hundred lookups, not one per row.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from i18n.strings import t
from loaders.register import BodyMatch, match_body
from loaders.report import Report
from loaders.vocab import TYPE_LABELS_EN

#: Matches that rename a respondent to the canonical body.
RENAMING_VIA = ("former-name", "department")


@lru_cache(maxsize=20_000)
def lookup(name: str) -> BodyMatch | None:
    """:func:`match_body`, cached per name."""
    return match_body(name)


def canonical_names(rows: pd.DataFrame, report: Report, sheet: str | None,
                    column: str | None) -> tuple[pd.DataFrame, dict[str, str]]:
    """Rename former names and departments to their body; return rows and the renames made."""
    renames: dict[str, str] = {}
    names = rows["respondent"]
    if names.empty:
        return rows, renames
    first_rows = rows.groupby(names, sort=False)["row"].min()
    for name, first_row in first_rows.items():
        m = lookup(name)
        if m is None or m.via not in RENAMING_VIA or m.canonical == name:
            continue
        renames[name] = m.canonical
        report.say("warning", "constraint-error", f"register.renamed.{m.via}", sheet=sheet, row=int(first_row),
                   column=column, name=name, canonical=m.canonical)
    if not renames:
        return rows, renames
    out = rows.copy()
    hit = out["respondent"].isin(list(renames))
    note = out.loc[hit, "respondent"].map(lambda n: t("register.provenance", "sv", name=n))
    src = out.loc[hit, "source"]
    out.loc[hit, "source"] = src.where(src.eq(""), src + " · ") + note
    out.loc[hit, "respondent"] = out.loc[hit, "respondent"].map(renames)
    return out, renames


def rename_listed(names: pd.Series) -> pd.Series:
    """Former names and departments in an Instanser list, as their body (no warnings: the sheet is a list)."""
    def one(name: str) -> str:
        m = lookup(name) if name else None
        return m.canonical if m is not None and m.via in RENAMING_VIA else name
    return names.map(one)


def infer_type(name: str, report: Report, sheet: str | None, row: int, column: str | None) -> str | None:
    """The type the register or a rule gives ``name``, with a warning saying which; None if neither."""
    m = lookup(name)
    if m is None:
        return None
    report.say("warning", "constraint-error", f"register.inferred.{m.via}", sheet=sheet, row=row, column=column,
               name=name, type=m.type, type_en=TYPE_LABELS_EN[m.type], canonical=m.canonical, rule=m.rule)
    return m.type


def contradicts(m: BodyMatch | None, given: str) -> bool:
    """True when a listed body has another type than ``given`` (rules never contradict).

    Region Gotland is both a region and a kommun: either type agrees with it.
    """
    if m is None or m.via == "rule" or m.type == given:
        return False
    return not (m.kommunkod == "0980" and given in ("Region", "Kommun"))


def check_contradictions(rows: pd.DataFrame, parsed: pd.Series, report: Report, sheet: str | None,
                         column: str | None) -> None:
    """Warn once per (name, type) where the sheet's type differs from the register's."""
    given = parsed.notna()
    if not given.any():
        return
    pairs = rows.loc[given].assign(_t=parsed[given]).groupby(["respondent", "_t"], sort=False)["row"].min()
    for (name, typ), first_row in pairs.items():
        m = lookup(name)
        if contradicts(m, typ):
            report.say("warning", "constraint-error", "register.contradiction", sheet=sheet, row=int(first_row),
                       column=column, name=name, given=typ, given_en=TYPE_LABELS_EN.get(typ, typ), type=m.type,
                       type_en=TYPE_LABELS_EN[m.type], canonical=m.canonical)


def attach_counties(respondents: pd.DataFrame) -> pd.DataFrame:
    """Fill a blank ``county`` for kommuner and regioner the register knows; a county in the sheet wins."""
    if respondents.empty:
        return respondents
    blank = respondents["county"].fillna("").eq("")
    if not blank.any():
        return respondents
    found = respondents.loc[blank, "respondent"].map(lambda n: (lookup(n) or _NO_MATCH).county)
    out = respondents.copy()
    out.loc[blank, "county"] = found
    return out


_NO_MATCH = BodyMatch("", "", "", "", "")
