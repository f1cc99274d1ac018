"""Validation report: problems found while reading a coded sheet.

A loader never raises at the user. Everything that is wrong with a file ends
up here as a :class:`Problem` with a location and a message in Swedish and
English. Errors block an import; warnings do not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

#: Categories follow Frictionless data's error names where they fit.
CATEGORIES = (
    "missing-label",
    "duplicate-label",
    "type-error",
    "constraint-error",
    "unique-error",
    "blank-row",
    "encoding-error",
    "format-error",
    "source-error",
    "limit-error",  # a file refused by a safety limit: size, cells, memory or time (loaders.container, guard)
)


@dataclass(frozen=True)
class Problem:
    severity: Severity
    category: str
    message_sv: str
    message_en: str
    file: str = ""
    sheet: str | None = None
    row: int | None = None  # 1-based Excel row, as the user sees it
    column: str | None = None  # the header text as written in the file

    def message(self, lang: str = "sv") -> str:
        return self.message_en if lang == "en" else self.message_sv

    def as_dict(self, lang: str = "sv") -> dict:
        return {
            "severity": self.severity,
            "category": self.category,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message(lang),
        }


def both(key: str, **fmt) -> tuple[str, str]:
    """The (Swedish, English) text of a translation key: a placeholder value filled per language."""
    from i18n.strings import t

    return t(key, "sv", **fmt), t(key, "en", **fmt)


#: At most this many problems are kept per report; beyond it they are only counted (memory stays bounded).
MAX_KEPT = 100_000


@dataclass
class Report:
    file: str = ""
    problems: list[Problem] = field(default_factory=list)
    #: True when the file could not be read at all (empty, damaged, encrypted,
    #: wrong format). The CLI maps this to exit code 2.
    unreadable: bool = False
    #: Problems counted but not kept once :data:`MAX_KEPT` is reached: (severity, category) -> count.
    dropped: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, severity: Severity, category: str, sv: str, en: str, *,
            sheet: str | None = None, row: int | None = None,
            column: str | None = None) -> Problem:
        p = Problem(severity, category, sv, en, self.file, sheet, row, column)
        if len(self.problems) < MAX_KEPT:
            self.problems.append(p)
        else:
            self.dropped[(severity, category)] = self.dropped.get((severity, category), 0) + 1
        return p

    def say(self, severity: Severity, category: str, key: str, *, sheet: str | None = None,
            row: int | None = None, column: str | None = None, **fmt) -> Problem:
        """Record a problem whose words come from the translation table (``i18n``).

        ``key`` names a (Swedish, English) pair; ``fmt`` fills its placeholders, and ``sheet``,
        ``row`` and ``column`` are available to it as ``{sheet}``, ``{row}`` and ``{column}``. A
        ``(sv, en)`` tuple among ``fmt`` (see :func:`both`) is filled in per language. Every loader
        message is recorded this way, so its words live in ``i18n`` only.
        """
        from i18n.strings import t

        fmt = {"sheet": sheet, "row": row, "column": column, **fmt}

        def text(i: int, lang: str) -> str:
            return t(key, lang, **{k: (v[i] if isinstance(v, tuple) else v) for k, v in fmt.items()})

        return self.add(severity, category, text(0, "sv"), text(1, "en"), sheet=sheet, row=row, column=column)

    def error(self, category: str, sv: str, en: str, **where) -> Problem:
        return self.add("error", category, sv, en, **where)

    def warning(self, category: str, sv: str, en: str, **where) -> Problem:
        return self.add("warning", category, sv, en, **where)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.unreadable and not self.errors and not any(s == "error" for s, _ in self.dropped)
