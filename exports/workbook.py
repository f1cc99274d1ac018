"""The filtered Excel extract: one workbook that says what it holds and where it came from.

Sheets (names follow the language; Swedish shown):

1. **Om urvalet** – dataset, version, who created it and when, the filters in
   plain words, row counts, the definition of every share, notes on anything
   the export changed (see :mod:`exports.safe`), the app version.
2. **Svar** – the filtered coded rows as an Excel Table (autofilter, frozen
   header, fitted widths, wrapped comments, source file, sheet and row). More
   rows than one sheet holds are split over ``Svar``, ``Svar 2``, …
3. **Per förslag** – counts and shares per proposal
   (:func:`analysis.shares.summary_table`); shares are numbers in percent format.
4. **Region vs kommun** – :func:`analysis.contrast.contrast` per proposal.

The tables of sheets 3–5 come from :func:`analysis.extract.extract_frames`;
this module lays them out. All use of xlsxwriter's private internals is in
:mod:`exports.xlsx_internals`.
5. **Per instans** – :func:`analysis.profiles.stance_matrix` as stance labels,
   coloured by conditional formats in the app's palette (:mod:`charts.palette`).
6. **Diagram** – a native Excel bar chart that reads its values from sheet 3.

Memory and speed: the workbook is written in xlsxwriter's ``constant_memory``
mode, row by row, so no sheet's cells are held; the Svar rows are prepared in
chunks of :data:`_CHUNK` rows (columns with few distinct values factorised and
cleaned once per value, comments cleaned as they stream). Python's peak
allocation does not grow with the number of rows (tested). xlsxwriter refuses
``add_table()`` in that mode (3.3.x returns -3) and would index every cell of
a table's range, so :func:`_add_streamed_table` declares the table on its
first rows and then widens its range to the rows streamed below it (its XML
is tested to equal add_table()'s own). :class:`_RowStreamer` reuses
xlsxwriter's rendering of each distinct cell instead of rendering every cell
again (its output is tested to be byte-for-byte xlsxwriter's).

xlsxwriter in ``constant_memory`` mode writes a string that looks like
``<r>…</r>`` as raw rich-text XML, which lets such text inject cells,
formulas included; :meth:`_Sheet.put` writes those through
``write_rich_string`` so they stay literal text.

No cell is ever a formula: every text goes through :class:`exports.safe.Sanitiser`
and ``write_string``; only the chart's series references are formulas, and
those live in the chart, not in a cell.

Never imports Streamlit.
"""
from __future__ import annotations

import contextlib
import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import xlsxwriter

from analysis.extract import ExtractFrames, extract_frames
from analysis.filters import Filters, apply_filters, describe_filters
from analysis.shares import denominator_text
from appinfo import APP_NAME, APP_VERSION
from charts.palette import STANCE_COLOURS, text_colour_on
from exports.meta import ExtractMeta
from exports.safe import EXCEL_MAX_CHARS, SafetyLog, Sanitiser
from exports.xlsx_internals import RawRows, text_categories, widen_table
from i18n.numbers import fmt_int
from i18n.sentences import render
from i18n.strings import stance_label as _stance_label
from i18n.strings import t, type_label
from loaders.model import CodedData
from loaders.schema import COLUMNS, STANCES

__all__ = [
    "EXCEL_MAX_ROWS", "MAX_DATA_ROWS", "MAX_RESPONSE_SHEETS", "PCT_FORMAT", "PCT1_FORMAT", "P_FORMAT",
    "XLSX_MIME", "ExtractMeta", "ExtractSummary", "ExtractTooLarge", "build_extract", "extract_limit",
    "sheet_names", "write_extract",
]

#: Rows in an Excel worksheet, header included.
EXCEL_MAX_ROWS = 1_048_576
#: Data rows that fit below the header row of one Svar sheet.
MAX_DATA_ROWS = EXCEL_MAX_ROWS - 1
#: Svar sheets an extract may be split over; beyond that the extract is refused.
MAX_RESPONSE_SHEETS = 16

PCT_FORMAT = "0%"
PCT1_FORMAT = "0.0%"
P_FORMAT = "0.000"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

SHEET_KEYS = ("about", "responses", "proposals", "contrast", "respondents", "chart")

#: Rows prepared at a time for the Svar sheets (bounds the transient lists).
_CHUNK = 5_000
_TABLE_STYLE = "Table Style Medium 2"

_FORMATS: dict[str, dict] = {
    "cell": {"valign": "top"},
    "wrap": {"valign": "top", "text_wrap": True},
    "header": {"bold": True, "valign": "top", "text_wrap": True, "bottom": 1},
    "label": {"bold": True, "valign": "top"},
    "title": {"bold": True, "font_size": 14},
    "section": {"bold": True, "font_size": 12},
    "int": {"valign": "top", "num_format": "0"},
    "pct": {"valign": "top", "num_format": PCT_FORMAT},
    "pct1": {"valign": "top", "num_format": PCT1_FORMAT},
    "p": {"valign": "top", "num_format": P_FORMAT},
    "dec2": {"valign": "top", "num_format": "0.00"},
    "bool": {"valign": "top"},
}


class ExtractTooLarge(ValueError):
    """The selection has more rows than an extract may hold."""

    def __init__(self, rows: int, limit: int, per_sheet: int) -> None:
        self.rows, self.limit, self.per_sheet = rows, limit, per_sheet
        super().__init__(f"{rows} rows exceed the extract limit of {limit} "
                         f"({limit // per_sheet} sheets of {per_sheet} rows)")

    def message(self, lang: str = "sv") -> str:
        return t("export.too_large", lang, n=fmt_int(self.rows, lang), limit=fmt_int(self.limit, lang),
                 sheets=self.limit // self.per_sheet, per_sheet=fmt_int(self.per_sheet, lang))


@dataclass
class ExtractSummary:
    """What :func:`write_extract` wrote."""

    rows: int
    sheets: list[str]
    response_sheets: list[str]
    log: SafetyLog = field(default_factory=SafetyLog)


def extract_limit(max_rows_per_sheet: int = MAX_DATA_ROWS) -> int:
    """The most coded rows one extract holds."""
    return MAX_RESPONSE_SHEETS * max_rows_per_sheet


def sheet_names(lang: str = "sv") -> dict[str, str]:
    """Sheet key -> sheet name in ``lang`` (the first Svar sheet's name for ``responses``)."""
    return {k: t(f"export.sheet.{k}", lang) for k in SHEET_KEYS}


def _response_sheet_names(lang: str, n_sheets: int) -> list[str]:
    base = t("export.sheet.responses", lang)
    return [base] + [f"{base} {i}" for i in range(2, n_sheets + 1)]


# --------------------------------------------------------------------------
# Cell writing


class _Formats:
    """Workbook formats by name, each with a quote-prefixed twin for formula-like text."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self._wb = wb
        self._cache: dict[tuple[str, bool], object] = {}
        self.plain = wb.add_format({})

    def get(self, name: str, quote: bool = False):
        key = (name, quote)
        fmt = self._cache.get(key)
        if fmt is None:
            props = dict(_FORMATS[name])
            if quote:
                props["quote_prefix"] = True
            fmt = self._cache[key] = self._wb.add_format(props)
            fmt._get_xf_index()  # number the styles in creation order, however cells are written
        return fmt

    def add(self, props: dict):
        return self._wb.add_format(props)


def _is_rich_lookalike(text: str) -> bool:
    """xlsxwriter writes an inline string of the form ``<r>…</r>`` as raw rich-text
    XML (it takes it for its own rich-string markup); such text must not reach it as is."""
    return text.startswith("<r>") and text.endswith("</r>")


def _missing(x) -> bool:
    if x is None or x is pd.NA:
        return True
    try:
        return bool(isinstance(x, (float, np.floating)) and math.isnan(x))
    except TypeError:
        return False


class _Sheet:
    """One worksheet plus the sanitiser: text always as inert string cells."""

    def __init__(self, ws, fmts: _Formats, san: Sanitiser) -> None:
        self.ws, self.fmts, self.san = ws, fmts, san

    def put(self, r: int, c: int, text: str, fmt) -> None:
        """Write already-clean ``text`` with the (possibly quote-prefixed) format ``fmt``."""
        if _is_rich_lookalike(text):
            # Two plain runs: xlsxwriter escapes the text itself, Excel shows it unchanged.
            self.ws.write_rich_string(r, c, text[:1], self.fmts.plain, text[1:], fmt)
        else:
            self.ws.write_string(r, c, text, fmt)

    def text(self, r: int, c: int, value, fmt: str = "cell") -> None:
        text, formula = self.san.clean(value)
        if text:
            self.put(r, c, text, self.fmts.get(fmt, formula))

    def number(self, r: int, c: int, value, fmt: str = "int") -> None:
        if _missing(value):
            return
        self.ws.write_number(r, c, float(value) if isinstance(value, (float, np.floating)) else int(value),
                             self.fmts.get(fmt))

    def boolean(self, r: int, c: int, value) -> None:
        if _missing(value):
            return
        self.ws.write_boolean(r, c, bool(value), self.fmts.get("bool"))

    def value(self, r: int, c: int, value, kind: str) -> None:
        if kind in ("cell", "wrap", "label"):
            self.text(r, c, value, kind)
        elif kind == "bool":
            self.boolean(r, c, value)
        else:
            self.number(r, c, value, kind)

    def header(self, r: int, headers: Sequence[str]) -> None:
        for c, h in enumerate(headers):
            self.text(r, c, h, "header")


def _add_streamed_table(ws, first_row: int, last_row: int, headers: Sequence[str], name: str) -> None:
    """An Excel Table over rows streamed after this call (:func:`exports.xlsx_internals.widen_table`)."""
    widen_table(ws, first_row, last_row, headers, name, _TABLE_STYLE)


# --------------------------------------------------------------------------
# Sheets


def _response_headers(lang: str) -> list[str]:
    return [t(f"col.{c}", lang) for c in COLUMNS]


#: Text columns cleaned value by value, chunk by chunk, instead of factorised:
#: nearly every value is different, so factorising would only copy them all.
_DIRECT_COLUMNS = ("comment",)
#: Stream the Svar rows with :class:`_RowStreamer` (tests turn it off to compare
#: its output with xlsxwriter's own cell-by-cell writing).
_FAST_ROWS = True
#: Factorised columns with more distinct values than this are rendered per chunk, not cached.
_FRAGMENT_CACHE_MAX = 5_000


class _TextColumn:
    """One text column of the Svar sheets: each cell as ``(text, format, rich)`` or None (empty).

    Columns with few distinct values (everything but the comments) are
    factorised and each distinct value is cleaned once; the comments are
    cleaned as they are streamed, one chunk at a time.
    """

    def __init__(self, j: int, series: pd.Series, col: str, lang: str, san: Sanitiser, fmts: _Formats) -> None:
        self.j, self.col, self.lang, self.san, self.fmts = j, col, lang, san, fmts
        self.base = "wrap" if col in ("comment", "proposal_title") else "cell"
        self.direct = col in _DIRECT_COLUMNS
        self.series = series
        self._frags: list | None = None
        if self.direct:
            lengths = series.astype("str").str.len()
            self.width = int(lengths.max()) if len(series) and lengths.notna().any() else 0
            return
        self.codes, uniques = pd.factorize(series, use_na_sentinel=True)
        counts = np.bincount(self.codes[self.codes >= 0], minlength=len(uniques)).tolist() if len(series) else []
        self.distinct: list = [self._cell(v, int(w)) for v, w in zip(uniques, counts)]
        self.distinct.append(None)  # code -1 (missing) indexes the last entry
        self.width = max((min(len(c[0]), 200) for c in self.distinct if c is not None), default=0)

    def _cell(self, value, weight: int = 1):
        if self.col == "respondent_type":
            value = type_label(value, self.lang) if not _missing(value) else ""
        elif self.col == "stance":
            value = _stance_label(value, self.lang) if not _missing(value) else ""
        text, formula = self.san.clean(value, weight=weight)
        return (text, self.fmts.get(self.base, formula), _is_rich_lookalike(text)) if text else None

    def cells(self, start: int, stop: int) -> list:
        if self.direct:
            return [self._cell(v) for v in self.series.iloc[start:stop].tolist()]
        return [self.distinct[k] for k in self.codes[start:stop].tolist()]

    def fragments(self, start: int, stop: int, cells: list, streamer: _RowStreamer) -> list:
        """Per row: the cell's rendered XML, the cell tuple itself when it needs rich text, or None."""
        def render(c):
            return None if c is None else (c if c[2] else streamer.render_text(c[0], c[1]))

        if self.direct or len(self.distinct) > _FRAGMENT_CACHE_MAX:
            local: dict[int, object] = {}
            out = []
            for c in cells:
                key = id(c)
                if key not in local:
                    local[key] = render(c)
                out.append(local[key])
            return out
        if self._frags is None or self._frags[0] is not streamer:
            self._frags = (streamer, [render(c) for c in self.distinct])
        frags = self._frags[1]
        return [frags[k] for k in self.codes[start:stop].tolist()]


def _write_responses(wb, fmts: _Formats, san: Sanitiser, names: list[str], responses: pd.DataFrame,
                     lang: str, per_sheet: int) -> None:
    headers = _response_headers(lang)
    n = len(responses)
    widths = [len(h) + 3 for h in headers]  # room for the filter button
    row_j = COLUMNS.index("row")
    row_numbers = responses["row"].to_numpy() if n else np.zeros(0, dtype="int64")
    widths[row_j] = max(widths[row_j], len(str(int(row_numbers.max()))) + 2 if n else 0)
    text_cols = []
    for j, col in enumerate(COLUMNS):
        if col != "row":
            column = _TextColumn(j, responses[col], col, lang, san, fmts)
            cap = 80 if col in ("comment", "proposal_title") else 50
            widths[j] = min(max(widths[j], column.width + 2), cap)
            text_cols.append(column)
    int_fmt = fmts.get("int")

    for s, name in enumerate(names):
        ws = wb.get_worksheet_by_name(name)
        lo, hi = s * per_sheet, min(n, (s + 1) * per_sheet)
        _add_streamed_table(ws, 0, max(hi - lo, 1), headers, name.replace(" ", "_"))
        sheet = _Sheet(ws, fmts, san)
        sheet.header(0, headers)
        ws.freeze_panes(1, 0)
        for j, w in enumerate(widths):
            ws.set_column(j, j, w)
        streamer = _RowStreamer.for_sheet(ws) if _FAST_ROWS else None
        if streamer is not None:
            streamer.stream(sheet, text_cols, row_numbers, row_j, int_fmt, lo, hi)
            continue
        for start in range(lo, hi, _CHUNK):
            stop = min(hi, start + _CHUNK)
            columns = [(c.j, c.cells(start, stop)) for c in text_cols]
            numbers = row_numbers[start:stop].tolist()
            r0 = start - lo + 1
            for i in range(stop - start):
                _write_row_public(sheet, r0 + i, [(j, cells[i]) for j, cells in columns], row_j, numbers[i],
                                  int_fmt)


def _write_row_public(sheet: _Sheet, r: int, cells, row_j: int, number, int_fmt) -> None:
    """One Svar row through xlsxwriter's public API (which flushes the previous row)."""
    for j, cell in cells:
        if cell is not None:
            sheet.put(r, j, cell[0], cell[1])
    sheet.ws.write_number(r, row_j, number, int_fmt)


class _RowStreamer:
    """Writes Svar rows into xlsxwriter's constant_memory row file, reusing its XML.

    xlsxwriter spends most of an extract's time rendering cells one at a time
    (escaping, attributes, a regex or two per string). Most Svar columns
    repeat a few distinct values, so each distinct cell is rendered once, *by
    xlsxwriter itself* (:class:`exports.xlsx_internals.RawRows`), and that XML
    is reused with the cell reference put in front; comments are rendered the
    same way, one at a time. The result is byte-for-byte what xlsxwriter
    writes (a test compares the two paths). Rows with a cell that needs
    write_rich_string() go through xlsxwriter's public API.

    :meth:`for_sheet` returns None, so the caller falls back to the public,
    slower path, whenever the internals do not behave as expected.
    """

    def __init__(self, rows: RawRows) -> None:
        self.rows = rows

    @classmethod
    def for_sheet(cls, ws) -> _RowStreamer | None:
        rows = RawRows.open(ws)
        return cls(rows) if rows is not None else None

    def render_text(self, text: str, fmt) -> str:
        return self.rows.text(text, fmt)

    def stream(self, sheet: _Sheet, text_cols: list[_TextColumn], row_numbers, row_j: int, int_fmt,
               lo: int, hi: int) -> None:
        from xlsxwriter.utility import xl_col_to_name

        rows = self.rows
        rows.flush(1)  # the header row written through the public API
        number_open = '<c r="' + xl_col_to_name(row_j)
        number_mid = rows.number(0, int_fmt)
        number_mid = number_mid[: number_mid.index("<v>") + 3]
        opens = ['<c r="' + xl_col_to_name(c.j) for c in text_cols]
        last_row = 0
        for start in range(lo, hi, _CHUNK):
            stop = min(hi, start + _CHUNK)
            cells = [c.cells(start, stop) for c in text_cols]
            chunk = [(o, c.fragments(start, stop, cs, self)) for o, c, cs in zip(opens, text_cols, cells)]
            numbers = row_numbers[start:stop].tolist()
            r0 = start - lo + 1
            parts: list[str] = []
            for i in range(stop - start):
                r = r0 + i
                r1 = str(r + 1)
                row_parts = ['<row r="', r1, '">']
                rich = False
                for open_, values in chunk:
                    frag = values[i]
                    if frag is None:
                        continue
                    if frag.__class__ is tuple:  # needs write_rich_string(): this row via xlsxwriter
                        rich = True
                        break
                    row_parts += (open_, r1, '"', frag)
                if rich:
                    rows.write("".join(parts))
                    parts = []
                    rows.moved_to(r)
                    _write_row_public(sheet, r, [(c.j, cs[i]) for c, cs in zip(text_cols, cells)], row_j,
                                      numbers[i], int_fmt)
                    rows.flush(r + 1)
                    continue
                row_parts += (number_open, r1, '"', number_mid, f"{numbers[i]:.16G}", "</v></c></row>")
                parts.append("".join(row_parts))
                if len(parts) == 1_000:
                    rows.write("".join(parts))
                    parts = []
            rows.write("".join(parts))
            last_row = stop - lo
        if last_row:
            rows.finish(last_row, len(text_cols))


def _write_frame(sheet: _Sheet, frame: pd.DataFrame, spec: list[tuple[str, str, str]], start_row: int = 0) -> int:
    """Header plus one row per frame row; ``spec`` is ``(column, header, kind)``. Returns rows written."""
    sheet.header(start_row, [h for _, h, _ in spec])
    columns = [frame[c].to_numpy(dtype=object) if c in frame.columns else [None] * len(frame)
               for c, _, _ in spec]
    kinds = [k for _, _, k in spec]
    for i, row in enumerate(zip(*columns)):
        for j, (value, kind) in enumerate(zip(row, kinds)):
            sheet.value(start_row + 1 + i, j, value, kind)
    return len(frame)


def _fit_widths(ws, frame: pd.DataFrame, spec, minimum: int = 8, cap: int = 50) -> None:
    for j, (col, header, kind) in enumerate(spec):
        width = max(len(w) for w in header.split()) + 2 if header else minimum
        if kind in ("cell", "wrap", "label") and col in frame.columns and len(frame):
            longest = frame[col].astype("str").str.len().max()
            width = max(width, int(longest) + 2)
        else:
            width = max(width, 10)
        ws.set_column(j, j, min(max(width, minimum), cap), None)


def _proposal_spec(lang: str, multi: bool) -> list[tuple[str, str, str]]:
    spec = [("consultation", t("col.consultation", lang), "cell")] if multi else []
    spec += [
        ("proposal_id", t("col.proposal_id", lang), "cell"),
        ("proposal_title", t("col.proposal_title", lang), "wrap"),
        ("topic", t("col.topic", lang), "cell"),
    ]
    spec += [(s, t(f"col.{s}", lang), "int") for s in STANCES]
    spec += [
        ("total", t("col.total", lang), "int"),
        ("agree_share", t("export.col.agree_share", lang), "pct"),
        ("support_share", t("export.col.support_share", lang), "pct"),
    ]
    return spec


def _contrast_spec(lang: str, multi: bool, pair: tuple[str, str]) -> list[tuple[str, str, str]]:
    a, b = type_label(pair[0], lang), type_label(pair[1], lang)
    spec = [("consultation", t("col.consultation", lang), "cell")] if multi else []
    spec.append(("proposal_id", t("col.proposal_id", lang), "cell"))
    for g, label in (("a", a), ("b", b)):
        spec += [
            (f"{g}_agree", t("export.col.group_agree", lang, group=label), "int"),
            (f"{g}_total", t("export.col.group_total", lang, group=label), "int"),
            (f"{g}_share", t("export.col.group_share", lang, group=label), "pct1"),
            (f"{g}_low", t("export.col.group_low", lang, group=label), "pct1"),
            (f"{g}_high", t("export.col.group_high", lang, group=label), "pct1"),
        ]
    spec += [
        ("difference", t("export.col.difference", lang, a=a, b=b), "pct1"),
        ("p_value", t("export.col.p_value", lang), "p"),
        ("p_holm", t("export.col.p_holm", lang), "p"),
        ("small_n", t("export.col.small_n", lang), "bool"),
    ]
    return spec


def _write_table_sheet(ws, sheet: _Sheet, frame: pd.DataFrame, spec) -> None:
    ws.set_row(0, 45)  # headers wrap over up to three lines; before row 0 is flushed
    n = _write_frame(sheet, frame, spec)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(n, 1), len(spec) - 1)
    _fit_widths(ws, frame, spec, cap=60)


def _write_matrix(ws, sheet: _Sheet, fmts: _Formats, matrix: pd.DataFrame, lang: str, multi: bool) -> None:
    index = matrix.index.to_frame(index=False) if len(matrix.index) else pd.DataFrame(
        columns=["consultation", "respondent_type", "respondent"])
    keys = (["consultation"] if multi else []) + ["respondent", "respondent_type"]
    headers = [t(f"col.{k}", lang) for k in keys] + [str(c) for c in matrix.columns]
    sheet.header(0, headers)
    key_values = [index[k].to_numpy(dtype=object) for k in keys]
    body = matrix.to_numpy(dtype=object)
    labels = {s: _stance_label(s, lang) for s in (*STANCES, "not_addressed")}
    for i in range(len(matrix)):
        for j, k in enumerate(keys):
            v = key_values[j][i]
            sheet.text(i + 1, j, type_label(v, lang) if k == "respondent_type" else v)
        for j, v in enumerate(body[i]):
            if isinstance(v, str):  # a stance code; NaN: the proposal is in another consultation
                sheet.text(i + 1, len(keys) + j, labels[v])
    first = len(keys)
    last_col = len(headers) - 1
    ws.freeze_panes(1, first)
    ws.autofilter(0, 0, max(len(matrix), 1), last_col)
    for j, k in enumerate(keys):
        longest = index[k].astype("str").map(lambda v: len(type_label(v, lang))).max() if len(index) else 0
        ws.set_column(j, j, min(max(int(longest or 0), len(headers[j])) + 3, 50))
    if matrix.shape[1]:
        ws.set_column(first, last_col, max(len(_stance_label(s, lang)) for s in (*STANCES, "not_addressed")) + 2)
    if len(matrix) and matrix.shape[1]:
        for stance in (*STANCES, "not_addressed"):
            fill = STANCE_COLOURS[stance]
            label = _stance_label(stance, lang).replace('"', '""')
            ws.conditional_format(1, first, len(matrix), last_col, {
                "type": "cell", "criteria": "equal to", "value": f'"{label}"',
                "format": fmts.add({"bg_color": fill, "font_color": text_colour_on(fill)}),
            })


def _write_chart(wb, ws, sheet: _Sheet, proposals: pd.DataFrame, lang: str, multi: bool,
                 source_sheet: str) -> None:
    sheet.text(0, 0, t("export.chart.title", lang), "title")
    sheet.text(1, 0, t("export.def.chart", lang, sheet=source_sheet))
    n = len(proposals)
    if not n:
        sheet.text(3, 0, t("export.chart.empty", lang))
        return
    offset = 1 if multi else 0  # Per förslag columns: [consultation], proposal_id, title, topic, stances...
    def clean(v) -> str:  # cached text is XML too: no forbidden characters (not counted: not a cell)
        return sheet.san.clean(v, weight=0)[0]

    ids = [clean(v) for v in proposals["proposal_id"]]
    # In constant_memory mode xlsxwriter cannot read the cells back to cache the
    # chart's data, so the cache is given here (viewers that do not recalculate
    # show it). Categories are text: one level of proposal ids, or consultation
    # and proposal id as two levels.
    categories = [[clean(v) for v in proposals["consultation"]], ids] if multi else ids
    chart = wb.add_chart({"type": "bar", "subtype": "percent_stacked"})
    if not multi:
        text_categories(chart, categories)  # ids such as "4.10" stay text
    for k, stance in enumerate(STANCES):
        col = offset + 3 + k
        chart.add_series({
            "name": [source_sheet, 0, col],
            "name_data": [_stance_label(stance, lang)],
            "categories": [source_sheet, 1, 0, n, offset],
            "categories_data": categories,
            "values": [source_sheet, 1, col, n, col],
            "values_data": [int(v) for v in proposals[stance]],
            "fill": {"color": STANCE_COLOURS[stance]},
            "border": {"color": "#FFFFFF"},
            "gap": 60,
        })
    chart.set_title({"name": t("export.chart.title", lang), "name_font": {"size": 12}})
    chart.set_x_axis({"name": t("export.chart.axis", lang), "num_format": PCT_FORMAT,
                      "min": 0, "max": 1, "major_unit": 0.25})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "top"})
    chart.set_size({"width": 960, "height": max(320, 110 + 24 * n)})
    ws.insert_chart(3, 0, chart)


def _write_register_notes(add, section, meta: ExtractMeta, lang: str) -> None:
    """The register's version and sources, and every name merge in force (see loaders.register, store.merges)."""
    from loaders.register import register

    reg = register()
    sources = "; ".join(f"{n.file}: {n.source}, {n.year}" for n in reg.sources)
    section(t("register.about.register", lang))
    add(t("register.about.register", lang), t("register.about.register_text", lang, version=reg.version,
                                              sources=sources))
    if meta.merges:
        key = "register.about.merge_line_file" if meta.merges_from_file else "register.about.merge_line"
        for i, (name, into, user, at, seq) in enumerate(meta.merges, 1):
            add(t("register.about.merges", lang) if i == 1 else "",
                t(key, lang, name=name, into=into, user=user, at=at, seq=seq))


def _write_coding_agreement(add, section, a, lang: str) -> None:
    """How often the analyst kept the coding assistant's suggestions (coding.agreement.Agreement ``a``)."""
    from coding.agreement import STANCES as CODED

    section(t("coding.about.section", lang))
    for stance in CODED:
        kept, n = a.kept(stance)
        add(_stance_label(stance, lang), t("coding.about.kept", lang, k=fmt_int(kept, lang), n=fmt_int(n, lang)))
    for label, value in ((t("coding.about.f1", lang), a.f1), (t("coding.agree.kappa", lang), a.kappa)):
        add(label, *((round(value, 4), "dec2") if value is not None else ("–",)))
    add(t("coding.about.cells", lang), a.cells, "int")
    add(t("coding.about.how", lang), t("coding.agree.caption", lang, n=fmt_int(a.cells, lang),
                                       kept=fmt_int(a.matched, lang), suggested=fmt_int(a.suggested, lang)))


def _write_about(sheet: _Sheet, ws, meta: ExtractMeta, filters: Filters, lang: str, names: dict[str, str],
                 response_names: list[str], frames: ExtractFrames, n_rows: int, per_sheet: int,
                 log: SafetyLog) -> None:
    rows: list[tuple] = []  # (kind, label, value, value kind)

    def add(label, value, kind="wrap"):
        rows.append(("row", label, value, kind))

    def section(title):
        rows.append(("blank",))
        rows.append(("section", title))

    rows.append(("title", t("export.about.title", lang)))
    rows.append(("blank",))
    add(t("export.about.dataset", lang), meta.dataset)
    add(t("export.about.version", lang), meta.version if meta.version is not None else "–",
        "int" if meta.version is not None else "wrap")
    add(t("export.about.created_at", lang), meta.created_at or "–")
    add(t("export.about.created_by", lang), meta.created_by or "–")
    if meta.is_demo:
        add(t("export.about.demo", lang), t("app.demo_notice", lang))
    add(t("export.about.generated_at", lang), meta.generated_at)
    add(t("export.about.filters", lang), describe_filters(filters, lang))

    section(t("export.about.counts", lang))
    add(t("export.about.rows_responses", lang, sheet=", ".join(response_names)), n_rows, "int")
    add(t("export.about.rows_proposals", lang, sheet=names["proposals"]), len(frames.proposals), "int")
    add(t("export.about.rows_contrast", lang, sheet=names["contrast"]), len(frames.contrast), "int")
    add(t("export.about.rows_respondents", lang, sheet=names["respondents"]), len(frames.matrix), "int")

    addressed = render(denominator_text("addressed"), lang)
    section(t("export.about.definitions", lang))
    add(t("overview.answers", lang), t("export.def.unit", lang, sheet=response_names[0]))
    add(t("col.total", lang), t("export.def.total", lang))
    add(t("export.col.agree_share", lang), t("export.def.agree_share", lang, denominator=addressed))
    add(t("export.col.support_share", lang), t("export.def.support_share", lang, denominator=addressed))
    add(names["contrast"], t("export.def.contrast_share", lang, sheet=names["contrast"], denominator=addressed))
    add(t("export.def.interval_label", lang), t("export.def.interval", lang))
    add(t("export.col.p_value", lang), t("export.def.p", lang))
    add(t("export.col.p_holm", lang), t("export.def.p_holm", lang))
    add(t("export.col.small_n", lang), t("export.def.small_n", lang))
    add(_stance_label("not_addressed", lang), t("export.def.not_addressed", lang, sheet=names["respondents"]))
    add(names["chart"], t("export.def.chart", lang, sheet=names["proposals"]))

    _write_register_notes(add, section, meta, lang)
    if meta.coding_agreement is not None:
        _write_coding_agreement(add, section, meta.coding_agreement, lang)

    section(t("export.about.notes", lang))
    notes = []
    if len(response_names) > 1:
        notes.append(t("export.note.split", lang, n=fmt_int(n_rows, lang), per_sheet=fmt_int(per_sheet, lang),
                       sheets=", ".join(response_names)))
    if frames.multi:
        notes.append(t("export.note.multi", lang, n=len(frames.consultations)))
    if log.formula_like:
        notes.append(t("export.note.formula", lang, n=fmt_int(log.formula_like, lang)))
    if log.control_chars:
        notes.append(t("export.note.control", lang, n=fmt_int(log.control_chars, lang)))
    if log.truncated:
        notes.append(t("export.note.truncated", lang, n=fmt_int(log.truncated, lang),
                       limit=fmt_int(EXCEL_MAX_CHARS, lang), marker=sheet.san.marker.strip()))
    if not notes:
        notes.append(t("export.note.none", lang))
    for i, note in enumerate(notes, 1):
        add(f"{i}.", note)

    rows.append(("blank",))
    add(t("export.about.app", lang), f"{APP_NAME} {APP_VERSION}")

    for r, row in enumerate(rows):
        kind = row[0]
        if kind == "title":
            sheet.text(r, 0, row[1], "title")
        elif kind == "section":
            sheet.text(r, 0, row[1], "section")
        elif kind == "row":
            sheet.text(r, 0, row[1], "label")
            sheet.value(r, 1, row[2], row[3])
    ws.set_column(0, 0, 46)
    ws.set_column(1, 1, 100)


# --------------------------------------------------------------------------
# Entry points


def write_extract(target, data: CodedData, filters: Filters, meta: ExtractMeta, lang: str = "sv", *,
                  view: CodedData | None = None,
                  max_rows_per_sheet: int = MAX_DATA_ROWS) -> ExtractSummary:
    """Write the extract of ``data`` under ``filters`` to ``target`` (a path or a binary file object).

    ``view`` is ``apply_filters(data, filters)`` when the caller already has
    it (the app caches it); it is computed otherwise. Raises
    :class:`ExtractTooLarge` when the selection has more rows than
    :func:`extract_limit` allows. ``max_rows_per_sheet`` exists for tests.
    """
    lang = "en" if lang == "en" else "sv"
    if view is None:
        view = apply_filters(data, filters)
    n_rows = len(view.responses)
    per_sheet = max(1, min(int(max_rows_per_sheet), MAX_DATA_ROWS))
    if n_rows > extract_limit(per_sheet):
        raise ExtractTooLarge(n_rows, extract_limit(per_sheet), per_sheet)

    frames = extract_frames(view)
    names = sheet_names(lang)
    response_names = _response_sheet_names(lang, max(1, math.ceil(n_rows / per_sheet)))
    san = Sanitiser(lang)

    if isinstance(target, (str, os.PathLike)):
        target = os.fspath(target)
    wb = xlsxwriter.Workbook(target, {
        "constant_memory": True,
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
        "nan_inf_to_errors": False,
    })
    try:
        fmts = _Formats(wb)
        about = wb.add_worksheet(names["about"])
        for name in response_names:
            wb.add_worksheet(name)
        ws_props = wb.add_worksheet(names["proposals"])
        ws_contrast = wb.add_worksheet(names["contrast"])
        ws_matrix = wb.add_worksheet(names["respondents"])
        ws_chart = wb.add_worksheet(names["chart"])

        _write_responses(wb, fmts, san, response_names, view.responses, lang, per_sheet)
        _write_table_sheet(ws_props, _Sheet(ws_props, fmts, san), frames.proposals,
                           _proposal_spec(lang, frames.multi))
        _write_table_sheet(ws_contrast, _Sheet(ws_contrast, fmts, san), frames.contrast,
                           _contrast_spec(lang, frames.multi, frames.pair))
        _write_matrix(ws_matrix, _Sheet(ws_matrix, fmts, san), fmts, frames.matrix, lang, frames.multi)
        _write_chart(wb, ws_chart, _Sheet(ws_chart, fmts, san), frames.proposals, lang, frames.multi,
                     names["proposals"])
        _write_about(_Sheet(about, fmts, san), about, meta, filters, lang, names, response_names, frames,
                     n_rows, per_sheet, san.log)
        about.activate()
        wb.set_properties({
            "title": t("export.about.title", lang),
            "subject": san.clean(describe_filters(filters, lang), weight=0)[0],
            "author": APP_NAME,
            "comments": f"{APP_NAME} {APP_VERSION}",
        })
    except BaseException:
        with contextlib.suppress(Exception):  # remove temp files; the original error matters
            wb.close()
        raise
    wb.close()
    return ExtractSummary(rows=n_rows, sheets=[ws.name for ws in wb.worksheets()], response_sheets=response_names,
                          log=san.log)


def build_extract(data: CodedData, filters: Filters, meta: ExtractMeta, lang: str = "sv", *,
                  view: CodedData | None = None, max_rows_per_sheet: int = MAX_DATA_ROWS) -> bytes:
    """The extract as ``.xlsx`` bytes: what the app's download button and ``cli.py export`` write."""
    buf = io.BytesIO()
    write_extract(buf, data, filters, meta, lang, view=view, max_rows_per_sheet=max_rows_per_sheet)
    return buf.getvalue()
