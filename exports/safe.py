"""Making text safe to put in a spreadsheet cell.

Three hazards, one :class:`Sanitiser` that counts what it changed so the
extract can say so in its "Om urvalet" sheet:

* **Formula injection** (OWASP "CSV Injection"; ASVS 1.2.10). Text whose
  first character is ``=``, ``+``, ``-``, ``@``, tab, CR or LF (or their
  full-width forms ``＝ ＋ － ＠``) could be read as a formula by Excel or
  LibreOffice. Our policy, the same in both formats, is the leading
  apostrophe OWASP recommends, written the way each format stores it:

  - **CSV**: the text gets a leading ``'`` (:meth:`Sanitiser.csv_text`).
    Spreadsheets consume it as a "this is text" marker; plain-text readers
    see it, which is the documented price of safety.
  - **xlsx**: the cell is a string cell (``write_string``, never ``write``),
    so it is inert when the file is opened, *and* it carries Excel's own
    apostrophe: the ``quotePrefix`` cell-style flag, which is exactly what
    Excel stores when a user types ``'=...``. The cell's value stays the
    original text (copying it gives what the respondent wrote), Excel shows
    the apostrophe in the formula bar, and editing the cell keeps it text
    instead of re-evaluating it as a formula.

* **Characters Excel forbids**: C0 control characters other than tab, LF and
  CR, the non-characters U+FFFE/U+FFFF and lone surrogates are removed.

* **Length**: Excel holds at most 32,767 characters (UTF-16 code units) in a
  cell. Longer text is cut and ends with a visible marker
  (:data:`TRUNCATION_MARKER`); it is never cut silently.

Nothing here imports Streamlit.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Excel's limit on the characters (UTF-16 code units) in one cell.
EXCEL_MAX_CHARS = 32_767

#: First characters that make a spreadsheet treat typed or imported text as a formula.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")

#: Appended to text cut at :data:`EXCEL_MAX_CHARS`.
TRUNCATION_MARKER = {"sv": " … [avkortad]", "en": " … [truncated]"}

# C0 controls except tab, LF and CR; the two non-characters; lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Excel's cell limit."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (see :data:`FORMULA_TRIGGERS`)."""
    return bool(text) and text[0] in FORMULA_TRIGGERS


def as_text(value) -> str:
    """A cell value as text: ``None`` and NaN become ``""``, everything else ``str()``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return str(value)


def truncate(text: str, marker: str, limit: int = EXCEL_MAX_CHARS) -> str:
    """``text`` cut so that it plus ``marker`` fits in ``limit`` UTF-16 code units."""
    budget = limit - utf16_len(marker)
    keep = min(len(text), budget)
    while utf16_len(text[:keep]) > budget:
        keep -= max(1, (utf16_len(text[:keep]) - budget) // 2)
    return text[:keep] + marker


@dataclass
class SafetyLog:
    """How many cells were changed, per reason."""

    control_chars: int = 0  # cells from which forbidden characters were removed
    truncated: int = 0      # cells cut at EXCEL_MAX_CHARS
    formula_like: int = 0   # text cells that start like a formula (written inert)

    @property
    def any(self) -> bool:
        return bool(self.control_chars or self.truncated or self.formula_like)


class Sanitiser:
    """Cleans cell text and counts what it changed in :attr:`log`.

    ``limit=None`` turns truncation off (for text files no spreadsheet limit applies).
    ``weight`` lets a caller that cleans a categorical column's categories
    once count every cell that shows the value.
    """

    def __init__(self, lang: str = "sv", limit: int | None = EXCEL_MAX_CHARS) -> None:
        self.lang = "en" if lang == "en" else "sv"
        self.marker = TRUNCATION_MARKER[self.lang]
        self.limit = limit
        self.log = SafetyLog()

    def clean(self, value, weight: int = 1) -> tuple[str, bool]:
        """``(text, formula_like)``: ``value`` as safe cell text.

        ``formula_like`` tells the writer to mark the cell inert (an xlsx
        quote prefix; a CSV apostrophe). The text itself is only changed by
        removing forbidden characters and by truncation.
        """
        text = as_text(value)
        if not text:
            return "", False
        if _FORBIDDEN.search(text):
            text = _FORBIDDEN.sub("", text)
            self.log.control_chars += weight
        # A string can't exceed the limit in UTF-16 units if it is shorter than half of it.
        if self.limit is not None and len(text) > self.limit // 2 and utf16_len(text) > self.limit:
            text = truncate(text, self.marker, self.limit)
            self.log.truncated += weight
        formula = bool(text) and text[0] in FORMULA_TRIGGERS
        if formula:
            self.log.formula_like += weight
        return text, formula

    def csv_text(self, value, weight: int = 1) -> str:
        """Cleaned text for a CSV cell, with OWASP's leading ``'`` when it looks like a formula."""
        text, formula = self.clean(value, weight)
        return "'" + text if formula else text


def inert_text(frame):
    """``frame`` with every text cell made safe for a CSV a spreadsheet may open (:meth:`Sanitiser.csv_text`).

    For the CLI's CSV outputs: formula-like text gets OWASP's leading ``'``,
    forbidden control characters go; numbers and booleans are left as they are
    (a negative number is data, not a formula). Each distinct value is cleaned once.
    """
    import pandas as pd

    san = Sanitiser(limit=None)
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        if pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
            continue
        values = {v: san.csv_text(v) if isinstance(v, str) else v for v in pd.unique(s)}
        if any(isinstance(k, str) and k != v for k, v in values.items()):
            out[col] = s.map(values).astype(object)
    return out
