"""Find the header row of a sheet and map its columns to canonical fields."""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.cells import cell_text, column_letter
from loaders.vocab import match_header, proposal_from_header

#: The header row may sit below up to this many title or blank rows.
MAX_TITLE_ROWS = 10


@dataclass
class HeaderMap:
    row_index: int  # 0-based index into the grid; Excel row is row_index + 1
    labels: dict[int, str]  # column position -> header text as written
    fields: dict[str, int] = field(default_factory=dict)  # field -> column position
    proposals: dict[int, str] = field(default_factory=dict)  # column -> proposal id (wide)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # field, kept, dropped

    @property
    def excel_row(self) -> int:
        return self.row_index + 1

    def label(self, col: int) -> str:
        text = self.labels.get(col, "")
        return text or column_letter(col)

    def found(self) -> list[str]:
        return [t for t in self.labels.values() if t]


def _score(row: list) -> tuple[int, int]:
    texts = [cell_text(v).strip() for v in row]
    named = {match_header(t) for t in texts if t} - {None}
    props = sum(1 for t in texts if t and proposal_from_header(t) and not match_header(t))
    return len(named), props


def find_header(rows: list[list], limit: int = MAX_TITLE_ROWS + 1) -> HeaderMap | None:
    """The most header-like row among the first ``limit`` rows (``MAX_TITLE_ROWS + 1``).

    A header row names at least two known fields, or one field (the
    respondent) plus proposal-id columns (wide layout). Returns None when no
    row qualifies.
    """
    best, best_key = None, (0, 0)
    for i, row in enumerate(rows[:limit]):
        named, props = _score(row)
        qualifies = named >= 2 or (named >= 1 and props >= 1)
        key = (named + (1 if props else 0), props)
        if qualifies and key > best_key:
            best, best_key = i, key
    if best is None:
        return None
    return map_header(rows[best], best)


def map_header(row: list, row_index: int) -> HeaderMap:
    labels = {j: cell_text(v).strip() for j, v in enumerate(row)}
    hm = HeaderMap(row_index=row_index, labels=labels)
    for j, text in labels.items():
        if not text:
            continue
        fieldname = match_header(text)
        if fieldname:
            if fieldname in hm.fields:
                hm.duplicates.append((fieldname, hm.fields[fieldname], j))
            else:
                hm.fields[fieldname] = j
            continue
        pid = proposal_from_header(text)
        if pid:
            hm.proposals[j] = pid
    return hm
