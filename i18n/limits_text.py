"""Upload limits: sizes, the capped child process, container checks, problem caps.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # The capped child process (loaders.guard)
    "limits.memory": (
        "Filen {file} kunde inte läsas: den behövde mer än {mb} MB minne, som är gränsen för en uppladdning. "
        "Dela upp arket i mindre filer, eller ta bort tomma rader och kolumner långt ut i arket.",
        "The file {file} could not be read: it needed more than {mb} MB of memory, the limit for one upload. "
        "Split the sheet into smaller files, or remove empty rows and columns far out in the sheet.",
    ),
    "limits.time": (
        "Filen {file} kunde inte läsas: läsningen tog mer än {seconds} s, som är gränsen för en uppladdning. "
        "Dela upp arket i mindre filer.",
        "The file {file} could not be read: reading took more than {seconds} s, the limit for one upload. "
        "Split the sheet into smaller files.",
    ),
    "limits.internal": (
        "Filen {file} kunde inte läsas på grund av ett internt fel ({error}). Inget har sparats.",
        "The file {file} could not be read because of an internal error ({error}). Nothing was saved.",
    ),
    # Container checks before parsing (loaders.container)
    "limits.zip_entries": (
        "Filen {file} innehåller {n} delar; gränsen är {limit}. Det är inte ett vanligt kalkylblad. "
        "Spara om det i Excel eller LibreOffice.",
        "The file {file} holds {n} parts; the limit is {limit}. That is not an ordinary spreadsheet. "
        "Save it again in Excel or LibreOffice.",
    ),
    "limits.zip_size": (
        "Filen {file} packas upp till {mb} MB; gränsen är {limit} MB. Dela upp arket i mindre filer.",
        "The file {file} unpacks to {mb} MB; the limit is {limit} MB. Split the sheet into smaller files.",
    ),
    "limits.zip_ratio": (
        "Delen {entry} i filen {file} packas upp till {ratio} gånger sin storlek; gränsen är {limit} gånger. "
        "Så ser en skadlig fil (zip-bomb) ut, inte ett kalkylblad. Filen läses inte.",
        "The part {entry} of the file {file} unpacks to {ratio} times its size; the limit is {limit} times. "
        "That is how a harmful file (zip bomb) looks, not a spreadsheet. The file is not read.",
    ),
    "limits.stray_cell": (
        "Cell {cell} på bladet {sheet} ligger långt utanför data ({extent}). Ta bort den "
        "(markera cellen, tryck Delete och spara). Celler långt ute: {cells}.",
        "Cell {cell} on the sheet {sheet} lies far outside the data ({extent}). Remove it "
        "(select the cell, press Delete and save). Cells far out: {cells}.",
    ),
    "limits.sheet_cells": (
        "Bladet {sheet} sträcker sig över {extent}, mer än gränsen {limit} celler eller {columns} kolumner. "
        "Ta bort tomma rader och kolumner, eller dela upp arket.",
        "The sheet {sheet} spans {extent}, more than the limit of {limit} cells or {columns} columns. "
        "Remove empty rows and columns, or split the sheet.",
    ),
    # Problems shown (loaders.shown): the first N per category, then a count
    "limits.more_of_kind": (
        "… och {n} till av samma slag ({category}). Alla finns i den nedladdningsbara rapporten.",
        "… and {n} more of the same kind ({category}). All of them are in the downloadable report.",
    ),
    "limits.more_cli": (
        "… och {n} till av samma slag ({category}). Alla visas med --format json.",
        "… and {n} more of the same kind ({category}). All are shown with --format json.",
    ),
    "limits.stored_cap": (
        "Fler än {limit} problem hittades; {n} till av slaget {category} räknades men sparades inte.",
        "More than {limit} problems were found; {n} more of the kind {category} were counted but not kept.",
    ),
}
