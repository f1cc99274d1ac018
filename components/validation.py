"""Showing a validation report and a version diff (shared by Upload and Datasets)."""
from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from components.tables import show_table
from components.text import escape_md, md_t
from exports.validation_report import report_rows, report_xlsx
from i18n.numbers import fmt_int
from i18n.strings import STRINGS, t
from loaders.guard import load_bytes_capped
from loaders.model import LoadResult
from loaders.shown import shown_problems
from store.diff import VersionDiff

#: How many problems are also given as a text list under the report's (canvas) table.
TEXT_PROBLEMS = 20
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_resource(show_spinner=False, max_entries=4)
def _validate(sha: str, name: str, _data: bytes) -> LoadResult:
    # parsed in a capped child process: a hostile file costs the child, never this server
    return load_bytes_capped(_data, name)


def validate_upload(name: str, data: bytes) -> LoadResult:
    """Load and validate an uploaded file once per content (keyed by sha256 and name)."""
    return _validate(hashlib.sha256(data).hexdigest(), name, data)


def validate_with_progress(name: str, data: bytes, lang: str):
    """:func:`validate_upload` inside an ``st.status`` that names its stages: reading, then checking.

    A million-row sheet takes many seconds; the reader sees which stage is running instead of only
    Streamlit's corner spinner. Returns the result and the status, which :func:`compare_with_progress`
    extends with the third stage.
    """
    status = st.status(md_t("upload.stage.running", lang, file=name), expanded=True)
    with status:
        st.write(md_t("upload.stage.reading", lang, file=name))
        result = validate_upload(name, data)
        report = result.report
        st.write(t("upload.stage.checking", lang, rows=fmt_int(len(result.data.responses), lang),
                   errors=fmt_int(len(report.errors), lang), warnings=fmt_int(len(report.warnings), lang)))
    status.update(label=md_t("upload.stage.checked", lang, file=name), state="complete" if report.ok else "error",
                  expanded=False)
    return result, status


def compare_with_progress(status, file: str, name: str, number: int, lang: str, compare):
    """Run ``compare()`` (the diff against the active version) as the status's third stage; return its result."""
    with status:
        st.write(md_t("upload.stage.comparing", lang, name=name, n=number))
        out = compare()
    status.update(label=md_t("upload.stage.compared", lang, file=file), state="complete", expanded=False)
    return out


def render_report(result: LoadResult, lang: str) -> None:
    report, responses = result.report, result.data.responses
    cols = st.columns(5)
    cols[0].metric(t("upload.rows", lang), fmt_int(len(responses), lang))
    cols[1].metric(t("upload.respondents", lang), fmt_int(responses["respondent"].nunique(), lang))
    cols[2].metric(t("upload.proposals", lang),
                   fmt_int(len(responses[["consultation", "proposal_id"]].drop_duplicates()), lang))
    cols[3].metric(t("upload.errors", lang), fmt_int(len(report.errors), lang))
    cols[4].metric(t("upload.warnings", lang), fmt_int(len(report.warnings), lang))
    if report.ok:
        st.success(md_t("upload.valid", lang, file=report.file))
    else:
        st.error(md_t("upload.invalid", lang, file=report.file, n=len(report.errors)))
        if report.unreadable:  # one or two reasons the file could not be read at all: say them in words
            for p in report.errors[:3]:
                st.error(escape_md(p.message(lang)))
    if report.problems:
        shown = shown_problems(report)  # the first 200 per category; the download has them all
        table = pd.DataFrame(report_rows(report, lang, shown.problems))
        table["row"] = table["row"].astype("Int64")
        table["category"] = table["category"].map(lambda c: category_word(c, lang))  # the download keeps codes
        st.subheader(t("upload.problems", lang))
        show_table(table, lang, key="problems")
        for category, n in shown.hidden:
            st.caption(t("limits.more_of_kind", lang, n=fmt_int(n, lang), category=category_word(category, lang)))
        problems_as_text(table, len(report.problems), lang)
        # built on click, in its own thread: 50,000 problems take seconds to write, not on every rerun
        st.download_button(t("upload.download_report", lang), data=lambda: report_xlsx(report, lang),
                           file_name=f"valideringsrapport-{report.file.rsplit('.', 1)[0]}.xlsx",
                           mime=XLSX_MIME, key="report_download", icon=":material/download:")


def category_word(category: str, lang: str) -> str:
    """A report category (``constraint-error``) in words ("Ogiltigt värde"); an unknown code as it is."""
    return t(f"category.{category}", lang) if f"category.{category}" in STRINGS else category


def problem_line(row: dict, lang: str) -> str:
    """One problem as a markdown list item: severity and category, where (sheet, row, column), the message.

    Every value from the file is escaped, so a cell's text shows as typed.
    """
    where = []
    if row.get("sheet"):
        where.append(md_t("upload.at_sheet", lang, sheet=row["sheet"]))
    if row.get("row") is not None and not pd.isna(row["row"]):
        where.append(t("upload.at_row", lang, row=fmt_int(int(row["row"]), lang)))
    if row.get("column"):
        where.append(md_t("upload.at_column", lang, column=row["column"]))
    head = escape_md(f"{row['severity']} ({row['category']})")
    place = f", {', '.join(where)}" if where else ""
    return f"- {head}{place}: {escape_md(row['message'])}"


def problems_as_text(table: pd.DataFrame, total: int, lang: str) -> None:
    """The first :data:`TEXT_PROBLEMS` problems as a list under the canvas grid, for a screen reader."""
    first = table.head(TEXT_PROBLEMS)
    st.markdown(f"**{t('upload.problems_text', lang, n=fmt_int(len(first), lang))}**")
    st.markdown("\n".join(problem_line(r, lang) for r in first.to_dict("records")))
    if total > len(first):
        st.caption(t("upload.problems_text_more", lang, n=fmt_int(total - len(first), lang)))


def render_diff(diff: VersionDiff, lang: str, key: str) -> None:
    c = diff.counts()
    if diff.is_empty:
        st.info(t("diff.none", lang))
        return
    st.markdown(t("diff.summary", lang, added=fmt_int(diff.n_added, lang), removed=fmt_int(diff.n_removed, lang),
                  changed=fmt_int(diff.n_changed, lang), respondents=fmt_int(c["new_respondents"], lang),
                  proposals=fmt_int(c["new_proposals"], lang)))
    parts = [("diff.changed", diff.changed), ("diff.added", diff.added), ("diff.removed", diff.removed),
             ("diff.new_respondents", diff.new_respondents), ("diff.new_proposals", diff.new_proposals)]
    for label, frame in parts:
        if len(frame):
            with st.expander(f"{t(label, lang)} ({fmt_int(len(frame), lang)})"):
                show_table(frame.rename(columns={"from": "stance_from", "to": "stance_to"}), lang,
                           key=f"{key}_{label}")
