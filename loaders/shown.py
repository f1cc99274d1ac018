"""Which problems to show on screen: the first N per category, and a count of the rest.

A sheet with 50,000 problems must not become a 50,000-row table in the
browser or 50,000 lines in a terminal. The screen (the upload page, the
CLI's text output) shows the first :data:`SHOWN_PER_CATEGORY` of each
category, errors first, and one line per category saying how many more there
are. The downloadable report (``exports.validation_report``) and the CLI's
JSON keep every problem.
"""
from __future__ import annotations

from dataclasses import dataclass

from loaders.report import Problem, Report

SHOWN_PER_CATEGORY = 200


@dataclass(frozen=True)
class Shown:
    """The problems to list, in order, and per category how many were left out."""

    problems: tuple[Problem, ...]
    hidden: tuple[tuple[str, int], ...]  # (category, count), in order of first appearance

    def more_lines(self, lang: str, key: str = "limits.more_of_kind") -> list[str]:
        """One sentence per category with hidden problems: "… och 49 800 till av samma slag (…)"."""
        from i18n.numbers import fmt_int
        from i18n.strings import t

        return [t(key, lang, n=fmt_int(n, lang), category=c) for c, n in self.hidden]


def ordered(problems) -> list[Problem]:
    """Errors first, then by sheet and row: the order of the report table and the download."""
    return sorted(problems, key=lambda p: (p.severity != "error", p.sheet or "", p.row or 0))


def shown_problems(report: Report, per_category: int = SHOWN_PER_CATEGORY, sort: bool = True) -> Shown:
    """The first ``per_category`` problems of each category and counts of the rest.

    With ``sort`` the problems come errors first (as in the report table);
    without, in the order they were found (as the CLI prints them).

    Problems the report only counted (beyond ``loaders.report.MAX_KEPT``) are
    added to the hidden counts.
    """
    seen: dict[str, int] = {}
    keep: list[Problem] = []
    for p in ordered(report.problems) if sort else report.problems:
        n = seen.get(p.category, 0)
        seen[p.category] = n + 1
        if n < per_category:
            keep.append(p)
    hidden: dict[str, int] = {c: n - per_category for c, n in seen.items() if n > per_category}
    for (_, category), n in report.dropped.items():
        hidden[category] = hidden.get(category, 0) + n
    return Shown(tuple(keep), tuple(hidden.items()))
