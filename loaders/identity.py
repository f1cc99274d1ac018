"""Who is who: one body is one respondent, whatever the spelling in the sheet.

Names are cleaned of what cannot be seen (NFC, odd spaces, zero-width and
bidirectional controls), variants that differ only in case or spacing are
merged into one respondent, and near-duplicates (look-alike letters from other
scripts, accents, one-letter typos) are listed as pairs for the official to
check, never merged. All of it is reported with the rows it touched.
"""
from __future__ import annotations

from loaders.report import Report, Severity


def say(report: Report, severity: Severity, category: str, key: str, *, sheet: str | None = None,
        row: int | None = None, column: str | None = None, **fmt):
    """:meth:`Report.say`, but a ``(sv, en)`` tuple among ``fmt`` is filled in per language.

    ``row`` and ``column`` are also available to the message as ``{row}`` and ``{column}``.
    """
    from i18n.strings import t

    fmt = {"row": row, "column": column, **fmt}

    def text(lang: str) -> str:
        i = 1 if lang == "en" else 0
        return t(key, lang, **{k: (v[i] if isinstance(v, tuple) else v) for k, v in fmt.items()})

    return report.add(severity, category, text("sv"), text("en"), sheet=sheet, row=row, column=column)
