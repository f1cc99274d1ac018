"""Problems on screen: the first 200 per category and a count; stored problems bounded; the download complete."""
from __future__ import annotations

import io

import openpyxl

import loaders.report as report_module
from exports.validation_report import report_xlsx
from loaders.report import Report
from loaders.shown import shown_problems

NBSP = "\xa0"


def _report(n_warnings: int, n_errors: int) -> Report:
    r = Report(file="svar.xlsx")
    for i in range(n_warnings):
        r.warning("constraint-error", f"varning {i}", f"warning {i}", sheet="Svar", row=i + 2)
    for i in range(n_errors):
        r.error("unique-error", f"fel {i}", f"error {i}", sheet="Svar", row=i + 2)
    return r


def test_first_two_hundred_per_category_errors_first():
    shown = shown_problems(_report(50_000, 250))
    assert len(shown.problems) == 400
    assert [p.category for p in shown.problems[:200]] == ["unique-error"] * 200
    assert shown.problems[0].message_en == "error 0" and shown.problems[200].message_en == "warning 0"
    assert shown.hidden == (("unique-error", 50), ("constraint-error", 49_800))
    assert shown.more_lines("sv") == [
        "… och 50 till av samma slag (unique-error). Alla finns i den nedladdningsbara rapporten.",
        f"… och 49{NBSP}800 till av samma slag (constraint-error). Alla finns i den nedladdningsbara rapporten."]
    assert shown.more_lines("en")[1] == ("… and 49,800 more of the same kind (constraint-error). All of them are in "
                                         "the downloadable report.")


def test_few_problems_are_all_shown_in_their_order():
    shown = shown_problems(_report(3, 1), sort=False)
    assert [p.message_en for p in shown.problems] == ["warning 0", "warning 1", "warning 2", "error 0"]
    assert shown.hidden == () and shown.more_lines("sv") == []


def test_the_download_carries_every_problem():
    wb = openpyxl.load_workbook(io.BytesIO(report_xlsx(_report(50_000, 0), "sv")), read_only=True)
    rows = list(wb.active.iter_rows(min_row=5, values_only=True))
    assert len(rows) == 50_000
    assert rows[0][3:] == (2, "", "varning 0") and rows[-1][5] == "varning 49999"


def test_storage_is_bounded_and_what_is_dropped_is_counted(monkeypatch):
    monkeypatch.setattr(report_module, "MAX_KEPT", 100)
    r = _report(150, 5)
    assert len(r.problems) == 100
    assert r.dropped == {("warning", "constraint-error"): 50, ("error", "unique-error"): 5}
    assert not r.ok  # a dropped error still blocks saving
    assert shown_problems(r).hidden == (("constraint-error", 50), ("unique-error", 5))
    wb = openpyxl.load_workbook(io.BytesIO(report_xlsx(r, "en")), read_only=True)
    lines = [row[0] for row in wb.active.iter_rows(min_row=1, max_row=4, values_only=True)]
    assert "More than 100 problems were found; 50 more of the kind constraint-error were counted but not kept." \
        in lines
