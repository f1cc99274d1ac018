"""Validation messages for coded sheets (the trust issue): loaders/ report these by key.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
A placeholder ending in ``_sv``/``_en`` carries words in that language only.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # --- Formulas and error values (loaders/cellcheck.py)
    "cells.formula_no_value": (
        "Cell {cell} innehåller en formel ({formula}) utan sparat värde, så det går inte att se vad "
        "Excel skulle visa som {field_sv}. Öppna filen i Excel eller LibreOffice, spara den och ladda upp den igen.",
        "Cell {cell} holds a formula ({formula}) with no saved value, so what Excel would show as "
        "{field_en} cannot be seen. Open the file in Excel or LibreOffice, save it and upload it again.",
    ),
    "cells.formula_kept": (
        "Cell {cell} innehåller en formel utan sparat värde; formeltexten {formula} behålls som text. "
        "Öppna och spara filen i Excel eller LibreOffice för att få det beräknade värdet.",
        "Cell {cell} holds a formula with no saved value; the formula text {formula} is kept as text. "
        "Open and save the file in Excel or LibreOffice to get the calculated value.",
    ),
    "cells.error_value": (
        "{value} i cell {cell}: cellen visar ett felvärde (ofta från en LETARAD/VLOOKUP som inte hittade "
        "något) och kan inte läsas som {field_sv}. Rätta cellen och ladda upp filen igen.",
        "{value} in cell {cell}: the cell shows an error value (often from a VLOOKUP that found nothing) "
        "and cannot be read as {field_en}. Correct the cell and upload the file again.",
    ),
    "cells.error_value_kept": (
        "{value} i cell {cell}: cellen visar ett felvärde; det behålls som text i {field_sv}.",
        "{value} in cell {cell}: the cell shows an error value; it is kept as text in {field_en}.",
    ),
    # --- Hidden sheets, rows and columns
    "cells.hidden_sheet_skipped": (
        "Bladet {name} är dolt och lästes inte; svaren togs från {used}.",
        "The sheet {name} is hidden and was not read; the replies were taken from {used}.",
    ),
    "cells.only_hidden_sheet": (
        "Svaren finns bara på det dolda bladet {name}. Visa bladet i Excel (högerklicka på en bladflik, "
        "välj Ta fram), kontrollera att det är rätt blad och ladda upp filen igen.",
        "The replies are only on the hidden sheet {name}. Unhide it in Excel (right-click a sheet tab, "
        "choose Unhide), check that it is the right sheet and upload the file again.",
    ),
    "cells.hidden_extra_read": (
        "Bladet {name} är dolt men lästes ändå, eftersom det inte finns något synligt blad med samma innehåll.",
        "The sheet {name} is hidden but was read, as no visible sheet holds the same content.",
    ),
    "cells.sheets_combined": (
        "Svar finns på {n} blad ({sheets}); de lästes ihop och varje svar behåller sitt blad och sin rad. "
        "Är något av bladen en gammal kopia, ta bort det och ladda upp filen igen.",
        "Replies are on {n} sheets ({sheets}); they were combined and every reply keeps its sheet and row. "
        "If one of the sheets is an old copy, delete it and upload the file again.",
    ),
    "cells.hidden_rows": (
        "{n} dolda rader lästes ändå (rad {rows}). Visa dem i Excel om du vill se vad som räknas.",
        "{n} hidden rows were read all the same (row {rows}). Unhide them in Excel to see what is counted.",
    ),
    "cells.hidden_rows_filter": (
        "{n} rader som ett filter döljer lästes ändå (rad {rows}). Filter i Excel påverkar inte vad som räknas.",
        "{n} rows hidden by a filter were read all the same (row {rows}). Filters in Excel do not change "
        "what is counted.",
    ),
    "cells.hidden_competes": (
        "Den dolda kolumnen {hidden} (\"{hidden_label}\") och den synliga kolumnen {visible} "
        "(\"{visible_label}\") betyder samma sak. Ta bort den kolumn som inte gäller.",
        "The hidden column {hidden} (\"{hidden_label}\") and the visible column {visible} "
        "(\"{visible_label}\") mean the same. Delete the column that does not apply.",
    ),
    "cells.hidden_col_read": (
        "Kolumnen {letter} (\"{label}\") är dold men lästes ändå.",
        "The column {letter} (\"{label}\") is hidden but was read all the same.",
    ),
    # --- Unlabelled columns and merged cells
    "cells.unlabelled": (
        "Kolumn {letter} har värden men ingen rubrik (första på rad {first}) och läses inte. "
        "Ge kolumnen en rubrik om den ska med.",
        "Column {letter} holds values but has no header (first on row {first}) and is not read. "
        "Give the column a header if it should be included.",
    ),
    "cells.merged": (
        "Cellerna {cells} är sammanfogade; värdet \"{value}\" gäller alla {n} rader, som i Excel.",
        "The cells {cells} are merged; the value \"{value}\" applies to all {n} rows, as in Excel.",
    ),
    # --- Header search
    "cells.no_header": (
        "Ingen rubrikrad hittades på bladet {name}. Rad {first}–{last} söktes; där stod {rows_sv}. "
        "En rubrikrad behöver minst två kända kolumnnamn, till exempel Remissinstans och Ställningstagande.",
        "No header row was found on the sheet {name}. Rows {first}–{last} were searched; they held "
        "{rows_en}. A header row needs at least two known column names, for example Remissinstans "
        "(Respondent) and Ställningstagande (Stance).",
    ),
    "cells.header_below": (
        "Rad {at} ser ut som en rubrikrad men ligger under de rader som söks. Ta bort raderna ovanför "
        "så att rubrikerna står bland de första {n} raderna.",
        "Row {at} looks like a header row but lies below the rows that are searched. Delete the rows "
        "above it so that the headers are within the first {n} rows.",
    ),
    # --- Proposal ids stored as numbers or dates
    "cells.id_number_header": (
        "Förslagsnumret i rubriken {cell} är sparat som tal ({value}), inte text. Excel kan ha tagit bort "
        "avslutande nollor (4.10 blir 4.1). Formatera rubrikraden som text och skriv numret igen.",
        "The proposal id in the header {cell} is stored as a number ({value}), not text. Excel may have "
        "dropped trailing zeros (4.10 becomes 4.1). Format the header row as text and type the id again.",
    ),
    "cells.id_date": (
        "Förslagsnumret i cell {cell} är ett datum ({date_sv}). Excel gör om nummer som \"{guess}\" "
        "till datum. Formatera kolumnen som text och skriv in numret igen.",
        "The proposal id in cell {cell} is a date ({date_en}). Excel turns ids such as \"{guess}\" into "
        "dates. Format the column as text and type the id again.",
    ),
    "cells.id_date_more": (
        "… och {n} förslagsnummer till som är datum.",
        "… and {n} more proposal ids that are dates.",
    ),
    # Field names used in the messages above
    "cells.field.respondent": ("remissinstans", "respondent"),
    "cells.field.respondent_type": ("typ", "type"),
    "cells.field.proposal_id": ("förslagsnummer", "proposal id"),
    "cells.field.stance": ("ställningstagande", "stance"),
    "cells.field.consultation": ("remiss", "consultation"),
    "cells.field.comment": ("kommentaren", "the comment"),
    "cells.field.other": ("kolumnen {label}", "the column {label}"),
}
