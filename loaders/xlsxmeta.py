"""What python-calamine does not tell: formulas, error cells, hidden rows and columns, percent formats.

calamine returns cell values only. A formula cell a script wrote without a
saved value, and an error cell (``#N/A``), both come back as an empty string,
indistinguishable from a blank cell. Hidden rows and columns are not reported
at all. This module reads the sheet XML of an ``.xlsx``/``.xlsm`` workbook a
second time, as bytes, to find those cells.

Speed: the sheet XML is inflated in chunks that end on a row boundary and each
chunk is searched with plain ``bytes`` membership tests (``<f``, ``t="e"``,
``hidden="``, ``s="<n>"`` for percent styles only). Only a chunk holding a
marker is looked at cell by cell, with small regexes around each marker. A
clean sheet costs one inflate plus a few ``memchr``-speed scans.

Nothing here is trusted beyond what calamine already accepted: the workbook
was opened by calamine first, and every regex is bounded by the chunk.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import threading
import zipfile
import zlib
from dataclasses import dataclass, field

#: Excel's error values (and the ones newer Excel versions add).
ERROR_VALUES = frozenset({"#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NULL!", "#NUM!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!",
                          "#BUSY!", "#CONNECT!", "#PYTHON!"})

_CHUNK = 4 << 20  # bytes of inflated XML examined at a time
_MAX_REST = 64 << 20  # longest stretch held while waiting for a row boundary
#: Marks further out than this are reported but not written into the grid (a stray cell
#: at XFD1048576 must not make the grid 16,384 columns wide).
MAX_GRID_COL = 1024

_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)</(?:\w+:)?f>)", re.S)
_F_MARK = re.compile(rb"<(?:\w+:)?f[\s>/]")
_E_MARK = re.compile(rb'\bt="e"')
_ROW_HIDDEN = re.compile(rb'<(?:\w+:)?row\s[^>]*?\bhidden="(?:1|true)"[^>]*>')
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*)/?>")
_ATTR_NUM = re.compile(rb'\b(min|max|r|si)="(\d+)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\s([^>]*)/?>")
_REL = re.compile(rb"<(?:\w+:)?Relationship\s([^>]*)/?>")
_ANY_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}):([A-Z]{1,3}[0-9]{1,7})"')


def _number_re(prefix: bytes) -> re.Pattern:
    """A saved value with a decimal point or an exponent: a number that may not be a whole one."""
    return re.compile(b"<" + re.escape(prefix) + rb"v>(-?[0-9]*\.[0-9]+(?:[Ee][-+]?[0-9]+)?|-?[0-9]+[Ee][-+]?[0-9]+)</")


@dataclass
class SheetMarks:
    """Cells of one sheet whose value calamine cannot show, 0-based (row, column) keys."""

    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # no saved value -> "=formula"
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # error value, e.g. "#N/A"
    percents: dict[tuple[int, int], str] = field(default_factory=dict)  # number shown as "50%"
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: set[int] = field(default_factory=set)
    autofilter: bool = False
    #: Merged ranges (0-based, inclusive) when the reader gives none (OpenDocument, and xlsx read by fastexcel).
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: Cells whose Python type the text alone does not tell (xlsx): non-integer numbers (float),
    #: booleans, and numbers formatted as dates or times (date, datetime or time), as python-calamine
    #: would return them.
    typed: dict[tuple[int, int], object] = field(default_factory=dict)


def col_index(letters: bytes | str) -> int:
    """``"A"`` -> 0, ``"AA"`` -> 26."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode().split(":")[-1]: html.unescape(v.decode("utf-8", "replace"))
            for k, v in _ANY_ATTR.findall(raw)}


def sheet_paths(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the zip."""
    rels = {}
    try:
        for raw in _REL.findall(z.read("xl/_rels/workbook.xml.rels")):
            a = _attrs(raw)
            target = a.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            rels[a.get("Id", "")] = target
        out = {}
        for raw in _SHEET.findall(z.read("xl/workbook.xml")):
            a = _attrs(raw)
            if a.get("id") in rels:
                out[a.get("name", "")] = rels[a["id"]]
        return out
    except KeyError:
        return {}


def sheet_states(data: bytes) -> dict[str, str]:
    """Sheet name -> "visible", "hidden" or "veryhidden", from workbook.xml."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            raw = z.read("xl/workbook.xml")
    except (KeyError, zipfile.BadZipFile):
        return {}
    out = {}
    for attrs in _SHEET.findall(raw):
        a = _attrs(attrs)
        out[a.get("name", "")] = a.get("state", "visible").lower()
    return out


def percent_styles(z: zipfile.ZipFile) -> dict[int, int]:
    """Cell style index -> decimals, for the styles that show a number as a percentage."""
    try:
        styles = z.read("xl/styles.xml")
    except KeyError:
        return {}
    custom = {}
    for raw in re.findall(rb"<(?:\w+:)?numFmt\s([^>]*)/?>", styles):
        a = _attrs(raw)
        code = a.get("formatCode", "")
        if "%" in code.replace('"%"', ""):
            decimals = code.split("%")[0].split(".")[1] if "." in code.split("%")[0] else ""
            custom[int(a.get("numFmtId", "-1"))] = sum(ch in "0#" for ch in decimals)
    known = {9: 0, 10: 2, **custom}
    m = re.search(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", styles, re.S)
    if not m:
        return {}
    out = {}
    for i, raw in enumerate(re.findall(rb"<(?:\w+:)?xf\b([^>]*?)/?>", m.group(1))):
        fmt = re.search(rb'\bnumFmtId="(\d+)"', raw)
        if fmt and int(fmt.group(1)) in known:
            out[i] = known[int(fmt.group(1))]
    return out


#: Excel's built-in number formats that show a date or a time.
_BUILTIN_DATES = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, *range(27, 37), *range(50, 59)})


def _is_date_code(code: str) -> bool:
    """Whether a custom number format shows a date or time (d, m, y, h or s outside quotes and colours)."""
    code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", code.split(";")[0]).lower()
    if code in ("", "general", "@"):
        return False
    return any(ch in code for ch in "dmyhs")


def date_styles(z: zipfile.ZipFile) -> frozenset[int]:
    """Cell style indexes whose number format shows a date or a time."""
    try:
        styles = z.read("xl/styles.xml")
    except KeyError:
        return frozenset()
    custom = set()
    for raw in re.findall(rb"<(?:\w+:)?numFmt\s([^>]*)/?>", styles):
        a = _attrs(raw)
        if _is_date_code(a.get("formatCode", "")):
            custom.add(int(a.get("numFmtId", "-1")))
    m = re.search(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", styles, re.S)
    if not m:
        return frozenset()
    out = set()
    for i, raw in enumerate(re.findall(rb"<(?:\w+:)?xf\b([^>]*?)/?>", m.group(1))):
        fmt = re.search(rb'\bnumFmtId="(\d+)"', raw)
        if fmt and (int(fmt.group(1)) in _BUILTIN_DATES or int(fmt.group(1)) in custom):
            out.add(i)
    return frozenset(out)


def uses_1904(z: zipfile.ZipFile) -> bool:
    """Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900."""
    try:
        head = z.read("xl/workbook.xml")[:8192]
    except KeyError:
        return False
    return re.search(rb'\bdate1904="(?:1|true)"', head) is not None


def excel_date(serial: float, date1904: bool = False):
    """An Excel date number as python-calamine returns it: a date, a datetime, or a time below 1."""
    if serial < 1 and not date1904:
        seconds = round(serial * 86400)
        return dt.time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
    if date1904:
        epoch = dt.datetime(1904, 1, 1)
    else:
        epoch = dt.datetime(1899, 12, 30) if serial >= 61 else dt.datetime(1899, 12, 31)  # Excel's 1900 leap day
    value = epoch + dt.timedelta(milliseconds=round(serial * 86_400_000))
    return value.date() if value.time() == dt.time() else value


class _RawDeflate:
    """A deflated zip member inflated straight from the archive bytes, as a ``read(n)`` stream.

    ``ZipFile.open`` also checks the CRC and copies through small buffers;
    calamine has already read (and checked) the same member, so this second
    pass only inflates, which roughly halves its cost on a large sheet.
    """

    def __init__(self, raw: memoryview):
        self._raw = raw
        self._pos = 0
        self._z = zlib.decompressobj(-15)

    @classmethod
    def open(cls, data: bytes, info: zipfile.ZipInfo) -> _RawDeflate | None:
        off = info.header_offset
        head = data[off: off + 30]
        if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1 or head[:4] != b"PK\x03\x04":
            return None
        start = off + 30 + int.from_bytes(head[26:28], "little") + int.from_bytes(head[28:30], "little")
        return cls(memoryview(data)[start: start + info.compress_size])

    def read(self, n: int) -> bytes:
        out = b""
        while not out and self._pos < len(self._raw):
            step = max(n // 8, 1 << 16)  # sheet XML inflates about 8 to 15 times
            out = self._z.decompress(self._raw[self._pos: self._pos + step])
            self._pos += step
        if not out and self._pos >= len(self._raw):
            out = self._z.flush()
        return out


def _chunks(stream) -> "iter[bytes]":
    """Inflated XML in pieces that end after a ``row>`` tag, so no cell is cut in two."""
    rest = b""
    while True:
        block = stream.read(_CHUNK)
        if not block:
            if rest:
                yield rest
            return
        buf = rest + block
        cut = buf.rfind(b"row>")
        if cut < 0:
            if len(buf) > _MAX_REST:  # no row boundary in sight: memory stays bounded
                yield buf
                buf = b""
            rest = buf
            continue
        yield buf[: cut + 4]
        rest = buf[cut + 4:]


def _cell_around(piece: bytes, pos: int) -> tuple[bytes, bytes] | None:
    """(start tag attributes, body) of the cell that contains byte ``pos``."""
    start = max(piece.rfind(b"<c ", 0, pos), piece.rfind(b":c ", 0, pos))
    if start < 0:
        return None
    head_end = piece.find(b">", start)
    if head_end < 0:
        return None
    head = piece[start + 3: head_end]
    if head.endswith(b"/"):
        return head, b""
    end = piece.find(b"c>", head_end)
    end = len(piece) if end < 0 else end
    return head, piece[head_end + 1: end]


def _has_value(head: bytes, rest: bytes) -> bool:
    """Whether a formula cell carries a saved value.

    An empty ``<v></v>`` is a saved empty text only in a text cell
    (``t="str"``); in a number cell it is what openpyxl and other scripts write
    for "not calculated".
    """
    if b"<is>" in rest or b":is>" in rest:
        return True
    v = _VALUE.search(rest)
    if v is None:
        return False
    if v.group(1).strip():
        return True
    t = _TYPE.search(head)
    return t is not None and t.group(1) in (b"str", b"inlineStr")


def _where(head: bytes) -> tuple[int, int] | None:
    m = _REF.search(head)
    return (int(m.group(2)) - 1, col_index(m.group(1))) if m else None


def scan_sheet(stream, pct: dict[int, int], dates: frozenset[int] = frozenset(),
               date1904: bool = False) -> SheetMarks:
    """Find formula-without-value, error, percent, hidden, merged and typed cells in one sheet's XML stream.

    Typed cells (:attr:`SheetMarks.typed`) are what a text reader such as
    fastexcel cannot tell: non-integer numbers, booleans, and date-formatted
    numbers (``dates`` are the date style indexes, see :func:`date_styles`).
    """
    marks = SheetMarks()
    shared: dict[str, str] = {}
    pct_needles = [b' s="%d"' % k for k in pct]
    style_needles = pct_needles + [b' s="%d"' % k for k in dates if k not in pct]
    number_re = _number_re(b"")
    first = True
    last = b""
    close_f, open_f = b"</f>", b"<f"
    for piece in _chunks(stream):
        if first:
            # The namespace prefix of the root element ("x:" from the OpenXML SDK) is used throughout.
            root = re.search(rb"<(\w+:)?worksheet\b", piece[:4096])
            prefix = (root.group(1) or b"") if root else b""
            close_f, open_f = b"</" + prefix + b"f>", b"<" + prefix + b"f"
            number_re = _number_re(prefix)
            head = piece[: piece.find(b"<sheetData")] if b"<sheetData" in piece else piece
            for raw in _COL.findall(head):
                if b'hidden="1"' in raw or b'hidden="true"' in raw:
                    nums = dict((k.decode(), int(v)) for k, v in _ATTR_NUM.findall(raw))
                    lo, hi = nums.get("min", 1), nums.get("max", nums.get("min", 1))
                    marks.hidden_cols.update(range(lo - 1, min(hi, 16384)))
            first = False
        if b'hidden="1"' in piece or b'hidden="true"' in piece:  # LibreOffice writes hidden="false" on every row
            for m in _ROW_HIDDEN.finditer(piece):
                r = re.search(rb'\br="(\d+)"', m.group(0))
                if r:
                    marks.hidden_rows.append(int(r.group(1)) - 1)
        if close_f in piece or (shared and open_f in piece):
            for m in _F_MARK.finditer(piece):
                cell = _cell_around(piece, m.start())
                if cell is None:
                    continue
                head, body = cell
                where = _where(head)
                f = _FORMULA.search(body)
                if where is None or f is None:
                    continue
                text = html.unescape((f.group(2) or b"").decode("utf-8", "replace"))
                si = re.search(rb'\bsi="(\d+)"', f.group(1))
                if si and text:
                    shared[si.group(1).decode()] = text
                elif si and not text:
                    text = shared.get(si.group(1).decode(), "")
                if not _has_value(head, body[f.end():] + body[: f.start()]):
                    marks.formulas[where] = "=" + text
        if b"#" in piece and b'v>#' in piece:
            for m in _E_MARK.finditer(piece):
                cell = _cell_around(piece, m.start())
                if cell is None or not _E_MARK.search(cell[0]):
                    continue
                where = _where(cell[0])
                if where is None:
                    continue
                v = _VALUE.search(cell[1])
                marks.errors[where] = v.group(1).decode("utf-8", "replace").strip() if v else "#VALUE!"
                marks.formulas.pop(where, None)
        for m in number_re.finditer(piece):
            cell = _cell_around(piece, m.start())
            if cell is None:
                continue
            t = _TYPE.search(cell[0])
            where = _where(cell[0])
            if where is None or (t and t.group(1) != b"n"):
                continue
            number = float(m.group(1))
            if not number.is_integer():
                marks.typed[where] = number
        if b't="b"' in piece:
            at = piece.find(b't="b"')
            while at >= 0:
                cell = _cell_around(piece, at)
                at = piece.find(b't="b"', at + 1)
                if cell is None or b't="b"' not in cell[0]:
                    continue
                where, v = _where(cell[0]), _VALUE.search(cell[1])
                if where is not None and v is not None and v.group(1).strip() in (b"0", b"1"):
                    marks.typed[where] = v.group(1).strip() == b"1"
        if b"mergeCell " in piece:
            for m in _MERGE.finditer(piece):
                a, b = (_where(b'r="' + ref + b'"') for ref in m.groups())
                if a is not None and b is not None:
                    marks.merges.append((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
        if style_needles and any(n in piece for n in style_needles):
            starts = set()
            for needle in style_needles:
                at = piece.find(needle)
                while at >= 0:
                    starts.add(at)
                    at = piece.find(needle, at + 1)
            for at in sorted(starts):
                cell = _cell_around(piece, at)
                if cell is None:
                    continue
                head, body = cell
                s = _STYLE.search(head)
                style = int(s.group(1)) if s else -1
                if style not in pct and style not in dates:
                    continue
                t = _TYPE.search(head)
                v = _VALUE.search(body)
                where = _where(head)
                if where is None or v is None or (t and t.group(1) not in (b"n",)):
                    continue
                try:
                    number = float(v.group(1))
                except ValueError:
                    continue
                if style in pct:
                    marks.percents[where] = f"{number * 100:.{pct[style]}f}%"
                elif number == number and abs(number) < 2_958_466:  # up to 9999-12-31, as Excel
                    marks.typed[where] = excel_date(number, date1904)
        last = piece
    marks.autofilter = b"autoFilter" in last[-(1 << 20):]  # it follows the cell data
    return marks


def scan_workbook(data: bytes) -> dict[str, SheetMarks]:
    """Sheet name -> :class:`SheetMarks` for every worksheet of an xlsx/xlsm workbook.

    Returns ``{}`` when the container is not an OOXML zip (xls, ods, xlsb) or its
    parts cannot be found; the caller then knows nothing more than calamine says.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            paths = sheet_paths(z)
            if not paths:
                return {}
            pct, dates, date1904 = percent_styles(z), date_styles(z), uses_1904(z)
            out = {}
            names = set(z.namelist())
            for name, path in paths.items():
                if path not in names or not path.endswith(".xml"):
                    continue
                stream = _RawDeflate.open(data, z.getinfo(path))
                if stream is None:
                    with z.open(path) as stream:
                        out[name] = scan_sheet(stream, pct, dates, date1904)
                else:
                    out[name] = scan_sheet(stream, pct, dates, date1904)
            return out
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, RuntimeError):
        return {}


_ODS_MARKERS = (b'value-type="error"', b'value-type="percentage"', b"rows-spanned", b"columns-spanned",
                b'visibility="collapse"', b'visibility="filter"')
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_C = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def scan_ods(data: bytes) -> dict[str, SheetMarks]:
    """Error cells, percentages, merges and hidden rows/columns of an OpenDocument spreadsheet.

    calamine reads an ODS error cell as its empty saved text, a percentage as
    the bare fraction, and gives no merges. ``content.xml`` is parsed (defusedxml, streaming) only when one
    of those markers occurs in it at all.
    """
    from defusedxml.ElementTree import iterparse

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        content = z.read("content.xml")
    if not any(m in content for m in _ODS_MARKERS):
        return {}
    out: dict[str, SheetMarks] = {}
    marks, row, col, col_def = None, 0, 0, 0
    for event, el in iterparse(io.BytesIO(content), events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _T + "table":
                marks = out.setdefault(el.get(_T + "name", ""), SheetMarks())
                row, col_def = 0, 0
            elif marks is None:
                continue
            elif tag == _T + "table-column":
                n = int(el.get(_T + "number-columns-repeated", "1"))
                if el.get(_T + "visibility") in ("collapse", "filter"):
                    marks.hidden_cols.update(range(col_def, min(col_def + n, 16384)))
                col_def += n
            elif tag == _T + "table-row":
                col = 0
                if el.get(_T + "visibility") in ("collapse", "filter"):
                    n = min(int(el.get(_T + "number-rows-repeated", "1")), 10_000)
                    marks.hidden_rows.extend(range(row, row + n))
                    marks.autofilter = marks.autofilter or el.get(_T + "visibility") == "filter"
            elif tag in (_T + "table-cell", _T + "covered-table-cell"):
                rs, cs = el.get(_T + "number-rows-spanned"), el.get(_T + "number-columns-spanned")
                if rs or cs:
                    r1, c1 = row + int(rs or 1) - 1, col + int(cs or 1) - 1
                    if (r1, c1) != (row, col):
                        marks.merges.append((row, col, r1, c1))
        else:
            if marks is None:
                continue
            if tag in (_T + "table-cell", _T + "covered-table-cell"):
                if el.get(_C + "value-type") == "error":
                    text = "".join(el.itertext()).strip() or "#VALUE!"
                    marks.errors[(row, col)] = text
                elif el.get(_O + "value-type") == "percentage":
                    marks.percents[(row, col)] = "".join(el.itertext()).strip()
                col += int(el.get(_T + "number-columns-repeated", "1"))
                el.clear()
            elif tag == _T + "table-row":
                row += int(el.get(_T + "number-rows-repeated", "1"))
                el.clear()
            elif tag == _T + "table":
                marks = None
    return out


class BackgroundScan:
    """:func:`scan_workbook` on a worker thread, so it overlaps calamine's own parse.

    Inflating runs without the GIL and so does calamine's Rust parser; on a
    machine with a spare core the scan costs little wall time.
    """

    def __init__(self, data: bytes, kind: str = "xlsx"):
        self._result: dict[str, SheetMarks] = {}
        self._scan = scan_ods if kind == "ods" else scan_workbook
        self._thread = threading.Thread(target=self._run, args=(data,), daemon=True)
        self._thread.start()

    def _run(self, data: bytes) -> None:
        try:
            self._result = self._scan(data)
        except Exception:  # noqa: BLE001 - a failed scan means "nothing more known", never a crash
            self._result = {}

    def result(self) -> dict[str, SheetMarks]:
        self._thread.join()
        return self._result
