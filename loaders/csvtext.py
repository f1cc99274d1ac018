"""CSV and other delimited text: bytes to a grid of cells, or a located error.

A text file is read so that no cell is silently lost or split:

* **Encoding.** UTF-8 (with or without BOM) and UTF-16 with BOM are taken as
  they are. Other bytes are tried as Windows-1252, Mac Roman and IBM 850 (DOS);
  the one that gives plausible Swedish text wins, and any doubt is a warning
  that names the encoding assumed. Text with letters implausible in Swedish
  ("Gšteborgs stad", "GÃ¶teborg") is always a warning.
* **NUL bytes** (``\\x00``) in an otherwise clean text are removed, with a
  warning naming the rows (see :func:`looks_binary` for what is "binary").
* **Structure.** An unclosed quote, a row with more fields than the header (an
  unquoted delimiter in a comment), a row written with another delimiter, and a
  field longer than an Excel cell are errors naming the row; such a file is not
  read at all, so nothing is truncated or dropped.

Row numbers are record numbers, the rows Excel shows when it opens the file.
"""
from __future__ import annotations

import bisect
import csv
import io
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from loaders.headers import MAX_TITLE_ROWS, find_header
from loaders.identity import rows_words, say
from loaders.report import Report, both
from loaders.vocab import match_header

#: Longest field accepted: Excel's limit on the characters in one cell, the text
#: cap the extract uses too (``exports.safe.EXCEL_MAX_CHARS``; a test keeps them equal).
FIELD_LIMIT = 32_767

#: Structural problems listed per category before they are summarised.
MAX_LISTED = 200

DELIMITERS = (";", "\t", ",")
_DELIM_KEYS = {";": "csv.delim.semicolon", ",": "csv.delim.comma", "\t": "csv.delim.tab"}

#: Non-UTF-8 candidates, tried in order; the first is the usual Windows export.
_LEGACY = (("Windows-1252", "cp1252"), ("Mac Roman", "mac_roman"), ("IBM 850 (DOS)", "cp850"))
_SWEDISH = set("åäöÅÄÖ")

# Letters that do not occur in Swedish text but do in mis-decoded text, and UTF-8 read twice ("Ã¶").
_ODD_LETTERS = "ŠšŽžŒœƒŸ"
_IMPLAUSIBLE = re.compile(
    rf"[{_ODD_LETTERS}]"
    r"|[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    r"|(?<=[^\W\d_])[„†‡‰‹›ˆ˜¤¦¨¬¯´¸¹ºª¿¡•]"
    r"|(?<=[^\W\d_])[”“«»×÷](?=[^\W\d_])"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the name shown to the user
    bad_sample: str = ""  # a word showing why the first guess (Windows-1252) was rejected
    guessed: bool = False  # chosen by a statistical guess (charset_normalizer)
    #: UTF-8 except these 1-based text lines, read as ``other`` (rows pasted in from another file)
    mixed_lines: tuple[int, ...] = ()
    other: str = ""


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file are binary rather than text with a stray NUL.

    Text files hold no C0 control bytes other than tab, LF, CR, FF and Ctrl-Z; a
    handful of NULs (a broken exporter) still leaves a text file. More than 1 % of
    control bytes, or NULs at every other byte (UTF-16 without BOM), is binary.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13, 26))
    if not controls:
        return False
    if head[1::2].count(0) > len(head) // 8 or head[0::2].count(0) > len(head) // 8:
        return True
    return controls > max(2, len(head) // 100)


# Every character that can start an implausible sequence: found at C speed, then checked in context.
_CANDIDATES = re.compile("[ŠšŽžŒœƒŸÃÂ„†‡‰‹›ˆ˜¤¦¨¬¯´¸¹ºª¿¡•”“«»×÷]")


def _implausible_all(text: str, stop_at_first: bool = False) -> list[re.Match]:
    found = []
    for m in _CANDIDATES.finditer(text):
        hit = _IMPLAUSIBLE.match(text, m.start())  # lookbehinds still see the text before the position
        if hit:
            found.append(hit)
            if stop_at_first:
                break
    return found


def implausible(text: str) -> re.Match | None:
    """The first character sequence that is implausible in Swedish text, or None."""
    found = _implausible_all(text, stop_at_first=True)
    return found[0] if found else None


def _word_at(text: str, pos: int) -> str:
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos), text.rfind(";", 0, pos),
                text.rfind(",", 0, pos), text.rfind("\t", 0, pos)) + 1
    ends = [i for i in (text.find(c, pos) for c in " \n\r;,\t") if i >= 0]
    return text[start:min(ends) if ends else len(text)][:40]


def decode_text(data: bytes) -> Decoded:
    """Decode text bytes; see the module docstring. Raises UnicodeDecodeError when nothing fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8"), "UTF-8 (BOM)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "UTF-16")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    tried = []  # (implausible count, Swedish letter count, name, text)
    for name, codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        tried.append((len(_implausible_all(text)), sum(text.count(c) for c in _SWEDISH), name, text))
    cp1252 = next((t for t in tried if t[2] == "Windows-1252"), None)
    if cp1252 is not None and cp1252[0] == 0:
        return Decoded(cp1252[3], cp1252[2])
    clean = [t for t in tried if t[0] == 0 and t[1] > 0]
    if clean:
        best = max(clean, key=lambda t: t[1])  # the most å, ä, ö; ties keep the order of _LEGACY
        if cp1252 is None:
            return Decoded(best[3], best[2], guessed=True)
        m = implausible(cp1252[3])
        return Decoded(best[3], best[2], bad_sample=_word_at(cp1252[3], m.start()))
    if cp1252 is not None:
        return Decoded(cp1252[3], cp1252[2])  # read as usual; the implausible text is warned about
    from charset_normalizer import from_bytes

    found = from_bytes(data).best()
    if found is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no encoding fits")
    return Decoded(str(found), found.encoding, guessed=True)


def _legacy_line(raw: bytes) -> tuple[str, str]:
    """One line that is not UTF-8: the legacy encoding that reads it as plausible Swedish."""
    options = []
    for name, codec in _LEGACY:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        options.append((len(_implausible_all(text)), -sum(text.count(c) for c in _SWEDISH), name, text))
    bad, _, name, text = min(options)
    return (text, name) if not bad else (raw.decode("cp1252", errors="replace"), "Windows-1252")


_UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few lines in another encoding, decoded line by line; None when not so.

    A file is taken as UTF-8 with foreign lines when at least as many lines
    hold valid UTF-8 letters as lines fail to decode.
    """
    lines = data.splitlines(keepends=True)
    good, bad, texts, names = 0, [], [], set()
    for n, raw in enumerate(lines, start=1):
        try:
            texts.append(raw.decode("utf-8"))
            good += bool(_UTF8_LETTER.search(raw))
        except UnicodeDecodeError:
            text, name = _legacy_line(raw)
            texts.append(text)
            names.add(name)
            bad.append(n)
    if not bad or good < len(bad):
        return None
    return Decoded("".join(texts), "UTF-8", mixed_lines=tuple(bad), other=" / ".join(sorted(names)))


def _split(lines: list[str], delim: str) -> list[list[str]]:
    rows = []
    for line in lines:  # line by line, so one bad line (a field over the limit) costs only itself
        try:
            rows.append(next(csv.reader([line], delimiter=delim), []))
        except csv.Error:
            rows.append([])
    return rows


def _first_lines(text: str, n: int) -> list[str]:
    """The first ``n`` lines, without splitting the whole text."""
    out, pos = [], 0
    while len(out) < n and pos < len(text):
        ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
        end = min(ends) if ends else len(text)
        out.append(text[pos:end])
        pos = end + 1
    return out


def sniff_delimiter(text: str) -> str:
    """Pick `,`, `;` or tab for a text file. Never raises.

    The delimiter that splits a header row into the most recognised column names
    wins; among equals, the one that splits the most lines into equal widths
    (title rows above the header, one field wide, are tolerated).
    """
    lines = [ln for ln in _first_lines(text, 50) if ln.strip()]
    hint = re.fullmatch(r"sep=(.)", lines[0].strip(), re.IGNORECASE) if lines else None
    if hint and hint.group(1) in DELIMITERS:
        return hint.group(1)  # Excel's own "sep=;" first line
    best, best_key = ",", (-1, -1)
    for delim in DELIMITERS:
        rows = _split(lines, delim)
        wide = [len(r) for r in rows if len(r) > 1]
        if not wide:
            continue
        named = max((sum(1 for c in r if match_header(c)) for r in rows[:MAX_TITLE_ROWS + 1]), default=0)
        mode = max(set(wide), key=wide.count)
        key = (named, wide.count(mode) * mode)
        if key > best_key:
            best, best_key = delim, key
    return best


@dataclass(frozen=True)
class _Parsed:
    records: list[list[str]]
    starts: Sequence[int]  # 1-based text line where each record starts
    ends: Sequence[int]  # 1-based text line where each record ends


class _Stop(Exception):
    """The parse cannot go on (an unclosed quote); the errors are already in the report."""


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character outside the BMP (two UTF-16 units in Excel's count).

    CPython stores a string with such a character at four bytes per character, so
    a narrower string needs no search.
    """
    return sys.getsizeof(text) >= 4 * len(text) > 0 and _ASTRAL.search(text) is not None


class _Lines:
    """The text's lines as the csv module splits them (CR, LF, CRLF), built only when a check needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def get(self) -> list[str]:
        if self._lines is None:
            self._lines = io.StringIO(self.text, newline="").readlines()
        return self._lines


def _parse(text: _Lines, delim: str, report: Report) -> _Parsed:
    """Records with the text lines each starts and ends on; over-long fields and runaway quotes stop it."""
    reader = csv.reader(io.StringIO(text.text, newline=""), delimiter=delim)
    try:
        records = list(reader)  # the common case, at C speed: every record on its own line
    except csv.Error:
        records = None
    # The reader's own limit (FIELD_LIMIT characters) held; only characters outside the BMP count
    # twice in Excel's UTF-16 units, so only a text holding some needs its fields measured again.
    if records is not None and reader.line_num == len(records) and not _has_astral(text.text):
        lines_of = range(1, len(records) + 1)
        return _Parsed(records, lines_of, lines_of)
    return _parse_slowly(text.get(), delim, report)


def _parse_slowly(lines: list[str], delim: str, report: Report) -> _Parsed:
    reader = csv.reader(iter(lines), delimiter=delim)
    records, starts, ends = [], [], []
    long_rows: list[int] = []
    while True:
        start = reader.line_num + 1
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row = len(records) + 1
            if "field limit" not in str(exc) or reader.line_num > start:
                # Inside a quoted field that ran over line ends and past the limit, or a parser
                # error: the quote that opened on this row is not closed where it should be.
                say(report, "error", "format-error", "csv.unclosed_quote", row=row, line=start,
                    lines=len(lines) - start + 1)
                raise _Stop from None
            long_rows.append(row)
            rec = []  # keeps the row numbers of the records below right
        if rec and max(map(len, rec)) > FIELD_LIMIT // 2 and max(map(_utf16_len, rec)) > FIELD_LIMIT:
            long_rows.append(len(records) + 1)  # over the cap in Excel's units (UTF-16)
        records.append(rec)
        starts.append(start)
        ends.append(reader.line_num)
    for row in long_rows[:MAX_LISTED]:
        say(report, "error", "format-error", "csv.field_too_long", row=row, limit=f"{FIELD_LIMIT:,}".replace(",", " "))
    if long_rows:
        raise _Stop
    return _Parsed(records, starts, ends)


def _expected_width(records: list[list[str]]) -> tuple[int, int, bool]:
    """(width, first data row index, whether the width is the header's) for the extra-fields check.

    The width is the header's (up to its last label), or the commonest width of
    the data rows when that is larger: a column of data without a header is the
    same in every row (a spreadsheet writes every column), while an unquoted
    delimiter in a comment makes one row wider than the rest.
    """
    hm = find_header(records)
    first = hm.row_index + 1 if hm is not None else 0
    counts = Counter(map(len, records[first:]))
    counts = Counter({n: k for n, k in counts.items() if n > 1})
    commonest = counts.most_common(1)[0][0] if counts else 0
    if hm is None:
        return commonest, 0, False
    labelled = [j for j, text in hm.labels.items() if text]
    header = max(labelled) + 1 if labelled else 0
    return (header, first, True) if header >= commonest else (commonest, first, False)


def _count_fields(raw: str, delim: str) -> int:
    try:
        return len(next(csv.reader([raw], delimiter=delim), []))
    except csv.Error:
        return 0


def _check_structure(parsed: _Parsed, text: _Lines, delim: str, report: Report) -> bool:
    """Record unclosed quotes, extra fields and other delimiters; True when any was found."""
    records = parsed.records
    width, first, by_header = _expected_width(records)
    found = False
    spans = [] if isinstance(parsed.starts, range) else [
        i for i, (start, end) in enumerate(zip(parsed.starts, parsed.ends, strict=True)) if end > start]
    lines = text.get() if spans else []
    last_line = len(lines)
    for i in spans:  # records where a quoted field runs over line ends
        start, end = parsed.starts[i], parsed.ends[i]
        raw = "".join(lines[start - 1:end])
        try:
            list(csv.reader(io.StringIO(raw, newline=""), delimiter=delim, strict=True))
            unclosed = False
        except csv.Error as exc:
            unclosed = end == last_line and "field limit" not in str(exc)
        inner = [n for n, ln in enumerate(lines[start:end], start=start + 1)
                 if width >= 3 and ln.count(delim) >= width - 1]
        if unclosed:
            say(report, "error", "format-error", "csv.unclosed_quote", row=i + 1, line=start,
                lines=end - start + 1)
            found = True
        elif inner:
            say(report, "error", "format-error", "csv.swallowed_rows", row=i + 1, line=start, end=end,
                first=inner[0], n=len(inner))
            found = True
    extra, mixed = [], []
    lengths = np.fromiter(map(len, records), dtype=np.int64, count=len(records))
    for i in (np.flatnonzero(lengths[first:] != width) + first).tolist():
        rec = records[i]
        if width and len(rec) > width and any(c.strip() for c in rec[width:]):
            extra.append((i + 1, len(rec)))
            continue
        n = len(rec)
        if width >= 3 and n < width and any(c.strip() for c in rec):
            raw = "".join(text.get()[parsed.starts[i] - 1:parsed.ends[i]])
            for other in DELIMITERS:
                if other != delim and _count_fields(raw, other) >= max(3, n + 2):
                    mixed.append((i + 1, other))
                    break
    for row, n in extra[:MAX_LISTED]:
        say(report, "error", "format-error", "csv.extra_fields" if by_header else "csv.extra_fields_rows", row=row,
            n=n, width=width, delim=both(_DELIM_KEYS[delim]))
    for row, other in mixed[:MAX_LISTED]:
        say(report, "error", "format-error", "csv.mixed_delimiters", row=row, other=both(_DELIM_KEYS[other]),
            delim=both(_DELIM_KEYS[delim]))
    for rows, key in ((extra, "csv.more_extra_fields"), (mixed, "csv.more_mixed_delimiters")):
        if len(rows) > MAX_LISTED:
            say(report, "error", "format-error", key, n=len(rows) - MAX_LISTED)
    return found or bool(extra or mixed)


def _row_of(parsed: _Parsed | None, line: int) -> int:
    """The record (Excel row) holding a 1-based text line."""
    if parsed is None or not parsed.starts:
        return line
    return max(1, bisect.bisect_right(parsed.starts, line))


def read_csv(data: bytes, file_name: str, report: Report, fail) -> list[list]:
    """Read delimited text into rows (``rows[i]`` is Excel row ``i + 1``).

    ``fail(category, key, **fmt)`` records a file-level error and returns the
    exception to raise. Structural errors are recorded by row, then the file is
    refused the same way (unreadable), so no half-read grid is ever used.
    """
    from loaders.sources import Unreadable

    try:
        decoded = decode_text(data)
    except UnicodeDecodeError:
        raise fail("encoding-error", "csv.undecodable", file=file_name) from None
    text, encoding = decoded.text, decoded.encoding
    nul_lines = []
    if "\x00" in text:
        nul_lines = sorted({text.count("\n", 0, m.start()) + 1 for m in re.finditer("\x00", text)})
        nuls = text.count("\x00")
        text = text.replace("\x00", "")
    lines = _Lines(text)
    # The limit is process-wide state: set it for this parse only (fields are checked again
    # after parsing, so a concurrent reset cannot let an over-long field through).
    previous = csv.field_size_limit(FIELD_LIMIT)
    try:
        delim = sniff_delimiter(text)
        parsed = _parse(lines, delim, report)
        broken = _check_structure(parsed, lines, delim, report)
    except _Stop:
        parsed, broken = None, True
    except csv.Error as exc:  # not expected: every known parser error is reported above by row
        raise fail("format-error", "csv.unparseable", file=file_name, error=exc) from None
    finally:
        csv.field_size_limit(previous)
    if broken:
        report.unreadable = True
        raise Unreadable("csv structure")

    if decoded.mixed_lines:
        rows = sorted({_row_of(parsed, ln) for ln in decoded.mixed_lines})
        say(report, "warning", "encoding-error", "csv.mixed_encoding", row=rows[0], file=file_name,
            other=decoded.other, rows=rows_words(rows))
    if decoded.guessed:
        say(report, "warning", "encoding-error", "csv.guessed_encoding", file=file_name, encoding=encoding)
    elif decoded.bad_sample:
        say(report, "warning", "encoding-error", "csv.encoding_switched", file=file_name, encoding=encoding,
            bad=decoded.bad_sample)
    m = implausible(text)
    if m is not None:
        row = _row_of(parsed, text.count("\n", 0, m.start()) + 1)
        say(report, "warning", "encoding-error", "csv.implausible", file=file_name, encoding=encoding,
            sample=_word_at(text, m.start()), row=row)
    if "\ufffd" in text:
        say(report, "warning", "encoding-error", "csv.replacement", file=file_name, encoding=encoding)
    if nul_lines:
        rows = sorted({_row_of(parsed, ln) for ln in nul_lines})
        say(report, "warning", "encoding-error", "csv.nul_removed", row=rows[0], file=file_name, n=nuls,
            rows=rows_words(rows))
    return parsed.records
