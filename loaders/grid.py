"""A sheet's cells as Arrow text columns, without a Python object per cell.

fastexcel reads an ``.xlsx`` sheet straight into Arrow text. That halves the
read time of python-calamine's ``to_python`` grid and never holds millions of
Python objects, but text alone loses two things the loader needs:

* **where the cells are**: fastexcel starts at the first used column; the
  column's ``absolute_index`` puts it back, and ``skip_rows=0`` keeps the
  leading blank rows, so row 0 is always Excel row 1;
* **what type a few cells had**: non-integer numbers, booleans and dates.
  The sheet XML scan (:mod:`loaders.xlsxmeta`) finds those cells and they are
  kept here as Python values, exactly as python-calamine returns them.

:class:`ArrowGrid` behaves like the list-of-rows grid wherever the loader
looks at single rows (header search, the header row, merged ranges):
``grid[i]`` is a row as a list, ``grid[a:b]`` a list of rows. The few places
that look at every cell (:func:`loaders.cells.grid_to_frame`, the checks on
the id column) use the column methods instead.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_BLOCK = 4096  # rows converted at a time when the grid is iterated


class ArrowGrid:
    """Cells of one sheet: Arrow text columns plus the cells whose Python value differs from their text.

    ``columns[c]`` holds column ``c`` (0 = A) from Excel row 1, ``None`` for a
    blank cell. ``cells`` maps (row, column), 0-based, to a Python value that
    replaces the column's text: typed cells from the XML scan, and the values
    written later with :meth:`put` (error text, merged ranges).
    """

    def __init__(self, columns: list[pa.Array], n_rows: int, cells: dict[tuple[int, int], object] | None = None):
        self.columns = list(columns)
        self.n_rows = n_rows
        self.cells: dict[tuple[int, int], object] = {}
        self._by_row: dict[int, dict[int, object]] = defaultdict(dict)
        for (r, c), v in (cells or {}).items():
            if r < n_rows and c < len(self.columns):
                self.put(r, c, v)

    # -- the list-of-rows view ------------------------------------------------

    def __len__(self) -> int:
        return self.n_rows

    @property
    def width(self) -> int:
        return len(self.columns)

    def _row(self, i: int) -> list:
        row = [col[i].as_py() if i < len(col) else None for col in self.columns]
        for c, v in self._by_row.get(i, {}).items():
            row[c] = v
        return row

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self._row(i) for i in range(*key.indices(self.n_rows))]
        if key < 0:
            key += self.n_rows
        if not 0 <= key < self.n_rows:
            raise IndexError(key)
        return self._row(key)

    def __iter__(self) -> Iterator[list]:
        for start in range(0, self.n_rows, _BLOCK):
            stop = min(start + _BLOCK, self.n_rows)
            block = [col.slice(start, stop - start).to_pylist() for col in self.columns]
            for i, row in enumerate(zip(*block) if block else ([] for _ in range(stop - start))):
                row = list(row)
                for c, v in self._by_row.get(start + i, {}).items():
                    row[c] = v
                yield row

    # -- changes --------------------------------------------------------------

    def ensure(self, n_rows: int, width: int) -> None:
        """Grow the grid to at least ``n_rows`` rows and ``width`` columns (new cells blank), in one step."""
        if width > len(self.columns):
            self.columns.extend(pa.nulls(self.n_rows, pa.large_string()) for _ in range(width - len(self.columns)))
        if n_rows > self.n_rows:
            grow = n_rows - self.n_rows
            self.columns = [pa.chunked_array([*_chunks(col.cast(pa.large_string())), pa.nulls(grow, pa.large_string())])
                            for col in self.columns]
            self.n_rows = n_rows

    def put(self, r: int, c: int, value: object) -> None:
        """Set one cell, growing the grid if it lies outside (as a list grid would be extended).

        Many cells outside the grid should be preceded by one :meth:`ensure`: growing costs a pass over
        every column.
        """
        self.ensure(r + 1, c + 1)
        self.cells[(r, c)] = value
        self._by_row[r][c] = value

    # -- whole-column views ---------------------------------------------------

    def has_values(self, first: int = 0) -> bool:
        """Whether any cell from row ``first`` on is non-blank."""
        if any(r >= first and v not in (None, "") for (r, _), v in self.cells.items()):
            return True
        for col in self.columns:
            part = col.slice(first)
            if len(part) and pc.any(pc.fill_null(pc.not_equal(part, ""), False)).as_py():
                return True
        return False

    def typed_in_column(self, c: int, first: int = 0) -> list[tuple[int, object]]:
        """(row, value) of the cells in column ``c`` from row ``first`` whose value is not text."""
        return sorted((r, v) for (r, cc), v in self.cells.items()
                      if cc == c and r >= first and v is not None and not isinstance(v, str))

    def text_columns(self, first: int, width: int, cell_text, release: bool = False) -> Iterator[pa.Array]:
        """Columns ``0 … width-1`` from row ``first`` as Arrow text; other cells as ``cell_text`` shows them.

        With ``release``, each column is let go by the grid once it has been
        handed over, so the text of a large sheet is never held twice; the
        grid is empty afterwards.
        """
        changed: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for (r, c), v in self.cells.items():
            if r >= first:
                changed[c].append((r - first, cell_text(v)))
        n = max(self.n_rows - first, 0)
        columns = self.columns
        if release:
            self.columns, self.n_rows, self.cells, self._by_row = [], 0, {}, defaultdict(dict)
        for c in range(width):
            col = columns[c].slice(first) if c < len(columns) else pa.nulls(n, pa.large_string())
            if release and c < len(columns):
                columns[c] = None
            col = col.cast(pa.large_string())
            if c in changed:
                if isinstance(col, pa.ChunkedArray):
                    col = col.combine_chunks()
                spots = sorted(changed[c])
                mask = np.zeros(n, dtype=bool)
                mask[[i for i, _ in spots]] = True
                col = pc.replace_with_mask(col, pa.array(mask), pa.array([t for _, t in spots], pa.large_string()))
            yield col


def _chunks(col) -> list[pa.Array]:
    return list(col.chunks) if isinstance(col, pa.ChunkedArray) else [col]


def any_values(rows, first: int = 0) -> bool:
    """Whether a grid (a list of rows or an :class:`ArrowGrid`) has a non-blank cell from row ``first`` on."""
    if isinstance(rows, ArrowGrid):
        return rows.has_values(first)
    return any(any(c not in (None, "") for c in r) for r in rows[first:])


def put(rows, r: int, c: int, value: object) -> None:
    """Set cell (r, c) of a grid (a list of rows or an :class:`ArrowGrid`), extending it as needed."""
    if isinstance(rows, ArrowGrid):
        rows.put(r, c, value)
        return
    width = max((len(x) for x in rows[-1:]), default=0)
    while len(rows) <= r:
        rows.append([""] * width)
    row = rows[r]
    if len(row) <= c:
        row.extend([""] * (c + 1 - len(row)))
    row[c] = value


def release_freed_memory() -> None:
    """Give memory the readers freed back to the system (glibc keeps it otherwise), so it is not counted twice."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


# --------------------------------------------------------------------------
# Reading a large sheet in parts

#: A sheet whose XML unpacks to more than this is read in parts of about PART_BYTES each.
SPLIT_BYTES = 160 << 20
PART_BYTES = 48 << 20
_EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')


class SplitFailed(Exception):
    """The sheet XML could not be cut into parts safely; the caller reads it whole."""


def _parts(stream, part_bytes: int):
    """(namespace, XML prefix, rows, suffix) of a sheet's XML: rows cut after a ``</row>``, ~``part_bytes`` each."""
    import re

    buf = b""
    while b"sheetData" not in buf or buf.find(b">", buf.find(b"sheetData")) < 0:
        block = stream.read(1 << 20)
        if not block:
            raise SplitFailed("no sheetData")
        buf += block
    m = re.search(rb"<(\w+:)?sheetData\b[^>]*?(/?)>", buf)
    if m is None or m.group(2):
        raise SplitFailed("empty sheetData")
    ns = m.group(1) or b""
    prefix, rest = buf[: m.end()], buf[m.end():]
    close_row, close_data = b"</" + ns + b"row>", b"</" + ns + b"sheetData>"
    suffix = close_data + b"</" + ns + b"worksheet>"
    done = False
    while True:
        blocks, size = [rest], len(rest)
        while size < part_bytes and not done:
            block = stream.read(8 << 20)
            done = not block
            blocks.append(block)
            size += len(block)
        buf = b"".join(blocks)
        del blocks
        end = buf.find(close_data)
        if end >= 0:
            yield ns, prefix, buf[:end], suffix
            return
        cut = buf.rfind(close_row)
        if cut < 0:
            if done:
                raise SplitFailed("unterminated sheetData")
            rest = buf
            continue
        cut += len(close_row)
        rest = buf[cut:]
        yield ns, prefix, buf[:cut], suffix
        del buf


def read_in_parts(data: bytes, sheet: str, path: str, part_bytes: int | None = None) -> ArrowGrid:
    """One large xlsx sheet, read by fastexcel a slice of rows at a time.

    Each slice becomes a small stored (uncompressed) workbook with the same
    workbook, styles and shared strings, so only one slice's cells are ever
    held by the reader. Row numbers stay the sheet's own: each slice keeps its
    ``r="…"`` references, and its first row is checked against them.
    """
    import io
    import re
    import zipfile

    import fastexcel

    part_bytes = part_bytes or PART_BYTES
    columns: dict[int, list] = defaultdict(list)
    n_rows = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        keep = {i.filename: (z.read(i) if not i.filename.startswith("xl/worksheets/") or i.filename.endswith(".rels")
                             else _EMPTY_SHEET)
                for i in z.infolist() if i.filename != path and not i.is_dir()}
        with z.open(path) as stream:
            for ns, prefix, rows, suffix in _parts(stream, part_bytes):
                # Every row must say its number first (r="…"), as Excel, LibreOffice and the Python
                # writers do; otherwise the parts' places are not known and the sheet is read whole.
                refs = re.findall(b"<" + re.escape(ns) + rb'row r="(\d+)"', rows)
                if len(refs) != rows.count(b"<" + ns + b"row"):
                    raise SplitFailed("row without r")
                if not refs:
                    continue
                numbers = np.array(refs, dtype=np.int64)
                start, last = int(numbers[0]) - 1, int(numbers[-1])
                if start < n_rows or (len(numbers) > 1 and not (np.diff(numbers) > 0).all()):
                    raise SplitFailed("rows out of order")
                del refs, numbers
                out = io.BytesIO()
                with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as mini:
                    for name, body in keep.items():
                        mini.writestr(name, body)
                    mini.writestr(path, prefix + rows + suffix)
                del rows
                # skip_rows counts from Excel row 1, so the slice's rows come back without the rows before it.
                part = fastexcel.read_excel(out.getvalue()).load_sheet(sheet, header_row=None, skip_rows=start,
                                                                        dtypes="string")
                del out
                if not part.width:
                    continue
                table = part.to_arrow()
                end = start + table.num_rows
                if not table.num_rows or end > last:
                    raise SplitFailed("row numbers do not match")
                # Copied into Arrow's own memory pool, so the reader's allocations can all be given back.
                got = {info.absolute_index: pa.concat_arrays([col]) for info, col
                       in zip(part.selected_columns, table.columns, strict=True)}
                for c in set(got) | set(columns):
                    if c not in columns and n_rows:
                        columns[c].append(pa.nulls(n_rows, pa.string()))
                    if start > n_rows:  # blank rows between slices
                        columns[c].append(pa.nulls(start - n_rows, pa.string()))
                    columns[c].append(got.get(c, pa.nulls(table.num_rows, pa.string())))
                n_rows = end
                del part, table, got
                release_freed_memory()
    width = max(columns, default=-1) + 1
    empty = pa.chunked_array([pa.nulls(n_rows, pa.string())])
    return ArrowGrid([pa.chunked_array(columns[c], pa.string()) if c in columns else empty for c in range(width)],
                     n_rows)
