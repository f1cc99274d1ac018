"""Check a zip-based workbook (xlsx, xlsm, ods) before any reader parses it.

The reader (python-calamine, Rust) builds a dense grid from the first to the
last used cell, and aborts the process when that allocation fails. Two kinds
of small file exploit this, and neither can be caught once the reader runs:

* **a stray cell**: one value at ``XFD1048576`` makes a 2 KB workbook ask for
  17 billion cells (about 512 GB);
* **a zip bomb**: a 3 MB file whose sheet XML unpacks to a gigabyte.

So before parsing we look at the container only: the number of entries, the
sizes they declare, the compression ratio of each, and for every xlsx sheet
the real extent of its cells, found by scanning the sheet XML bytes with a
bytes regex (no XML parser, no Python object per cell). The ``<dimension
ref>`` a sheet declares is never trusted: only cell references count.

Cells are found in one streaming pass. Each chunk's last cell references
give a lower bound of the extent (they are real cells), and a regex built to
match only references *beyond* that bound finds every cell that extends it.
On an ordinary sheet that regex matches almost nothing, so the pass costs
little more than the decompression.

A problem becomes a :class:`ContainerProblem` with the words' key and fields;
:mod:`loaders.sources` turns it into a report entry.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass

#: At most this many entries in the zip (a workbook has tens; one per sheet, image, comment ...).
MAX_ENTRIES = 10_000
#: At most this many bytes unpacked over all entries (a 1M-row sheet of 7 columns unpacks to ~700 MB).
MAX_UNPACKED_MB = 1_536
#: At most this compression ratio for an entry bigger than RATIO_FLOOR (real sheet XML: 10-40).
MAX_RATIO = 200
RATIO_FLOOR = 1 << 20
#: At most this many cells in a sheet's rectangle, first to last used cell (1M rows x 20 columns).
MAX_CELLS = 20_000_000
#: At most this many columns (a wide sheet with 500 proposals, a stance and a comment each, has 1,000).
MAX_COLUMNS = 2_000
#: Bytes of sheet XML decompressed per step.
CHUNK = 8 << 20


@dataclass(frozen=True)
class ContainerProblem(Exception):
    """Why a container is refused: a translation key (``limits.*``) and its fields."""

    key: str
    fields: tuple[tuple[str, object], ...]
    sheet: str | None = None

    def fmt(self) -> dict:
        return dict(self.fields)


def limits_from_env() -> dict:
    """The container caps, each overridable by ``REMISSKOLLEN_ZIP_*`` / ``REMISSKOLLEN_MAX_CELLS``."""
    def num(name: str, default: int) -> int:
        try:
            value = int(os.environ.get(name, "") or default)
        except ValueError:
            return default
        return value if value > 0 else default

    return {"entries": num("REMISSKOLLEN_ZIP_ENTRIES", MAX_ENTRIES),
            "unpacked_mb": num("REMISSKOLLEN_ZIP_UNPACKED_MB", MAX_UNPACKED_MB),
            "ratio": num("REMISSKOLLEN_ZIP_RATIO", MAX_RATIO),
            "cells": num("REMISSKOLLEN_MAX_CELLS", MAX_CELLS),
            "columns": num("REMISSKOLLEN_MAX_COLUMNS", MAX_COLUMNS)}


# --------------------------------------------------------------------------
# Cell references

def col_number(letters: bytes | str) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27, ``XFD`` -> 16384."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(n: int) -> str:
    """16384 -> ``XFD``."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _greater(value: str, alphabet: str) -> str:
    """A regex alternation matching exactly the strings of ``alphabet`` greater than ``value``.

    Strings compare by length first, then position by position (numbers
    without leading zeros; column letters). ``value`` must be in ``alphabet``.
    """
    cls = f"[{alphabet[0]}-{alphabet[-1]}]"
    parts = [f"{cls}{{{len(value) + 1},}}"]
    for i, ch in enumerate(value):
        higher = alphabet[alphabet.index(ch) + 1:]
        if higher:
            rest = len(value) - i - 1
            parts.append(re.escape(value[:i]) + f"[{higher[0]}-{higher[-1]}]" + (f"{cls}{{{rest}}}" if rest else ""))
    return "|".join(parts)


_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Any cell reference: ` r="AB12"` (attribute of <c>, any namespace prefix, any attribute order).
_REF = re.compile(rb' r="([A-Z]+)([0-9]+)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z0-9:$]+)"')


def _beyond(max_col: int, max_row: int) -> re.Pattern:
    """A regex for cell references with a column beyond ``max_col`` or a row beyond ``max_row``."""
    cols = _greater(col_letters(max_col), _LETTERS) if max_col else "[A-Z]+"
    rows = _greater(str(max_row), _DIGITS) if max_row else "[0-9]+"
    return re.compile((' r="(?:(?:' + cols + ')[0-9]+|[A-Z]+(?:' + rows + '))"').encode())


@dataclass
class Extent:
    """The used rectangle of a sheet, from its cell references: last column and row (1-based), cell count."""

    max_col: int = 0
    max_row: int = 0
    declared: str = ""

    @property
    def cells(self) -> int:
        return self.max_col * self.max_row


_SINGLE_QUOTED = re.compile(rb"(\s)r='([A-Z]+[0-9]+)'")


def _spaced(body: bytes) -> bytes:
    """XML may put a tab or a line break before an attribute and quote it with ''; make every
    reference read `` r="…"``, so none is missed."""
    if b"r='" in body:
        body = _SINGLE_QUOTED.sub(rb'\1r="\2"', body)
    if b'\tr="' in body or b'\nr="' in body or b'\rr="' in body:
        return body.replace(b'\tr="', b' r="').replace(b'\nr="', b' r="').replace(b'\rr="', b' r="')
    return body


def _chunks(stream, chunk: int):
    """The stream's decompressed blocks, then b"" once."""
    while True:
        block = stream.read(chunk)
        yield block
        if not block:
            return


def scan_sheet(stream, chunk: int = CHUNK) -> Extent:
    """The real extent of a sheet's cells, read from its XML in chunks."""
    ext = Extent()
    pattern = _beyond(0, 0)
    carry = b""
    first = True
    for block in _chunks(stream, chunk):
        data = carry + block
        if not block:
            cut = len(data)
        else:
            cut = data.rfind(b"<")
            if cut <= 0:
                carry = data
                continue
        body, carry = _spaced(data[:cut]), data[cut:]
        if first:
            m = _DIMENSION.search(body[:4096])
            ext.declared = m.group(1).decode("ascii") if m else ""
            first = False
        grown = False
        for letters, digits in _REF.findall(body[-4096:]):  # the chunk's last cells: a true lower bound
            c, r = col_number(letters), int(digits)
            if c > ext.max_col or r > ext.max_row:
                ext.max_col, ext.max_row, grown = max(ext.max_col, c), max(ext.max_row, r), True
        if grown:
            pattern = _beyond(ext.max_col, ext.max_row)
        for m in pattern.finditer(body):
            letters, digits = _REF.match(m.group(0)).groups()
            ext.max_col = max(ext.max_col, col_number(letters))
            ext.max_row = max(ext.max_row, int(digits))
        if not block:
            return ext


def extreme_refs(stream, k: int = 32, chunk: int = CHUNK) -> list[tuple[int, int]]:
    """The ``k`` cells furthest right and the ``k`` furthest down, as (column, row). Memory stays bounded."""
    import heapq

    by_col: list[tuple[int, int]] = []
    by_row: list[tuple[int, int]] = []
    carry = b""
    while True:
        block = stream.read(chunk)
        data = carry + block
        cut = len(data) if not block else max(data.rfind(b"<"), 0)
        body, carry = _spaced(data[:cut]), data[cut:]
        refs = [(col_number(a), int(b)) for a, b in _REF.findall(body)]
        by_col = heapq.nlargest(k, by_col + refs)
        by_row = heapq.nlargest(k, by_row + refs, key=lambda x: (x[1], x[0]))
        if not block:
            return sorted(set(by_col) | set(by_row))


def stray_cells(refs: list[tuple[int, int]], max_cells: int, max_cols: int = MAX_COLUMNS,
                most: int = 20) -> tuple[list[str], str]:
    """The few cells that push the rectangle past the caps, and the extent of the rest (``A1:F120``).

    Repeatedly drops the cell whose removal shrinks the rectangle most (the
    one furthest right or furthest down) until what is left fits. If more
    than ``most`` cells would have to go, the sheet is simply too large:
    the list comes back empty.
    """
    remaining = set(refs)
    strays: list[tuple[int, int]] = []

    def area(cells) -> int:
        return max(c for c, _ in cells) * max(r for _, r in cells) if cells else 0

    def too_big(cells) -> bool:
        return area(cells) > max_cells or (bool(cells) and max(c for c, _ in cells) > max_cols)

    def best_victim():
        right = max(remaining, key=lambda x: (x[0], x[1]))
        down = max(remaining, key=lambda x: (x[1], x[0]))
        return min((right, down), key=lambda v: (too_big(remaining - {v}), area(remaining - {v})))

    while too_big(remaining):
        if len(strays) >= most:
            return [], ""
        victim = best_victim()
        remaining.discard(victim)
        strays.append(victim)
    # Once it fits, keep naming cells that alone still stretch the rest tenfold: they are far out too.
    while strays and len(remaining) > 1 and len(strays) < most:
        victim = best_victim()
        if area(remaining - {victim}) * 10 > area(remaining):
            break
        remaining.discard(victim)
        strays.append(victim)
    if not remaining:
        return [f"{col_letters(x)}{y}" for x, y in strays], "A1"
    rest = f"A1:{col_letters(max(c for c, _ in remaining))}{max(r for _, r in remaining)}"
    return [f"{col_letters(x)}{y}" for x, y in strays], rest


# --------------------------------------------------------------------------
# The checks

def _sheet_names(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet XML path -> sheet name, from workbook.xml and its relationships (bytes regex, no XML parser)."""
    try:
        wb = z.read("xl/workbook.xml")
        rels = z.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for rel in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", rels):
        rid = re.search(rb'\bId="([^"]+)"', rel)
        target = re.search(rb'\bTarget="([^"]+)"', rel)
        if rid and target:
            t = target.group(1).decode("utf-8", "replace")
            t = t.lstrip("/") if t.startswith("/") else "xl/" + t
            targets[rid.group(1)] = os.path.normpath(t).replace(os.sep, "/")
    out = {}
    for sheet in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", wb):
        name = re.search(rb'\bname="([^"]*)"', sheet)
        rid = re.search(rb'\br:id="([^"]+)"', sheet) or re.search(rb'\b\w+:id="([^"]+)"', sheet)
        if name and rid and rid.group(1) in targets:
            out[targets[rid.group(1)]] = _unescape(name.group(1).decode("utf-8", "replace"))
    return out


def _unescape(s: str) -> str:
    import html

    return html.unescape(s)


def check_zip(data: bytes, kind: str, limits: dict | None = None) -> None:
    """Raise :class:`ContainerProblem` if the zip (an xlsx or ods) is too large, a bomb, or has a stray cell."""
    lim = limits or limits_from_env()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        if len(infos) > lim["entries"]:
            raise ContainerProblem("limits.zip_entries", (("n", len(infos)), ("limit", lim["entries"])))
        total = sum(i.file_size for i in infos)
        if total > lim["unpacked_mb"] << 20:
            raise ContainerProblem("limits.zip_size", (("mb", total >> 20), ("limit", lim["unpacked_mb"])))
        for i in infos:
            if i.file_size > RATIO_FLOOR and i.file_size > lim["ratio"] * max(i.compress_size, 1):
                raise ContainerProblem("limits.zip_ratio", (
                    ("entry", i.filename), ("ratio", i.file_size // max(i.compress_size, 1)),
                    ("limit", lim["ratio"])))
        if kind != "xlsx":
            return
        names = _sheet_names(z)
        for i in infos:
            if not (i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")):
                continue
            sheet = names.get(i.filename, i.filename.rsplit("/", 1)[-1])
            with z.open(i) as stream:
                ext = scan_sheet(stream)
            if ext.cells <= lim["cells"] and ext.max_col <= lim["columns"]:
                continue
            with z.open(i) as stream:
                strays, rest = stray_cells(extreme_refs(stream), lim["cells"], lim["columns"])
            if strays:
                raise ContainerProblem("limits.stray_cell", (
                    ("cell", strays[0]), ("cells", ", ".join(strays)), ("extent", rest), ("sheet", sheet)),
                    sheet=sheet)
            raise ContainerProblem("limits.sheet_cells", (
                ("extent", f"A1:{col_letters(ext.max_col)}{ext.max_row}"), ("sheet", sheet),
                ("limit", lim["cells"]), ("columns", lim["columns"])), sheet=sheet)
