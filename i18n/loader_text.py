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
    # --- The file as a whole (loaders/sources.py, loaders/load.py)
    "source.empty": ("Filen {file} är tom.", "The file {file} is empty."),
    "source.unsupported": (
        "Filtypen {ext} stöds inte. Använd .xlsx, .xlsm, .xls, .ods eller .csv.",
        "The file type {ext} is not supported. Use .xlsx, .xlsm, .xls, .ods or .csv.",
    ),
    "source.no_extension": ("(ingen)", "(none)"),
    "source.password": (
        "Filen {file} är lösenordsskyddad. Spara en kopia utan lösenord och ladda upp den.",
        "The file {file} is password-protected. Save a copy without a password and upload that.",
    ),
    "source.damaged": ("Filen {file} är skadad och kan inte läsas.", "The file {file} is damaged and cannot be read."),
    "source.damaged_by": (
        "Filen {file} är skadad och kan inte läsas ({error}).",
        "The file {file} is damaged and cannot be read ({error}).",
    ),
    "source.wrong_format": (
        "Filen {file} har ändelsen {ext} men är {actual}. Spara om den i rätt format.",
        "The file {file} has the extension {ext} but is {actual}. Save it again in the right format.",
    ),
    # What the bytes of a file are, in the message above
    "source.kind.xlsx": ("en Excel-arbetsbok (.xlsx)", "an Excel workbook (.xlsx)"),
    "source.kind.ole": ("en äldre Excel-fil (.xls)", "an older Excel file (.xls)"),
    "source.kind.ods": ("ett OpenDocument-kalkylblad (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "source.kind.text": ("en textfil", "a text file"),
    "source.kind.zip": ("ett zip-arkiv", "a zip archive"),
    "source.kind.binary": ("en binärfil", "a binary file"),
    "source.unopenable": ("Filen {file} kan inte öppnas ({error}).", "The file {file} cannot be opened ({error})."),
    "source.no_data": ("Filen {file} innehåller inga data.", "The file {file} contains no data."),
    "source.no_answers": (
        "Bladet {name} har rubriker men inga kodade svar.",
        "The sheet {name} has headers but no coded answers.",
    ),
    # --- Columns of a reply sheet (loaders/load.py)
    "columns.missing": (
        "Obligatorisk kolumn saknas: {names}. Rubriker som hittades: {found}.",
        "Required column missing: {names}. Headers found: {found}.",
    ),
    "columns.none_found": ("(inga)", "(none)"),
    "columns.required.respondent": ("Remissinstans", "Respondent"),
    "columns.required.proposal_id": ("Förslag", "Proposal"),
    "columns.required.stance": ("Ställningstagande", "Stance"),
    "columns.same_meaning": (
        "Två kolumner betyder samma sak: \"{kept}\" och \"{dropped}\". Ta bort en av dem.",
        "Two columns mean the same: \"{kept}\" and \"{dropped}\". Remove one of them.",
    ),
    "columns.same_meaning_kept": (
        "Två kolumner betyder samma sak: \"{kept}\" och \"{dropped}\". \"{kept}\" används.",
        "Two columns mean the same: \"{kept}\" and \"{dropped}\". \"{kept}\" is used.",
    ),
    "columns.proposal_twice": (
        "Förslag {id} har två kolumner: \"{first}\" och \"{second}\".",
        "Proposal {id} has two columns: \"{first}\" and \"{second}\".",
    ),
    # --- The Förslag and Instanser sheets (loaders/load.py)
    "extra.missing_column": (
        "Bladet {name} saknar kolumnen {label} och används inte.",
        "The sheet {name} lacks the column {label} and is not used.",
    ),
    "extra.proposal_twice": (
        "Förslag {id} står två gånger på bladet {name}; första raden används.",
        "Proposal {id} is listed twice on the sheet {name}; the first row is used.",
    ),
    "extra.unknown_type": (
        "Okänd typ \"{value}\" räknas som Övrig.",
        "Unknown type \"{value}\" is counted as Övrig (Other).",
    ),
    "extra.population_not_number": (
        "Folkmängden \"{value}\" är inte ett tal och används inte.",
        "The population \"{value}\" is not a number and is not used.",
    ),
    # --- Rows of a reply sheet (loaders/load.py, loaders/normalise.py, loaders/cellcheck.py)
    "rows.no_id": ("Förslagsnummer saknas.", "Proposal id is missing."),
    "rows.blank_between": (
        "{n} tomma rader mellan data hoppades över (rad {rows}).",
        "{n} blank rows between data rows were skipped (row {rows}).",
    ),
    "rows.no_stance": (
        "Ställningstagande saknas; raden räknas som att förslaget inte berörts.",
        "Stance is blank; the row counts as the proposal not being addressed.",
    ),
    "rows.more_no_stance": ("… och {n} rader till utan ställningstagande.", "… and {n} more rows without a stance."),
    "rows.unknown_stance": (
        "Okänt ställningstagande \"{value}\". Tillåtna: {allowed} (eller synonymer, se mallen).",
        "Unknown stance \"{value}\". Allowed: {allowed} (or synonyms, see the template).",
    ),
    "rows.more_unknown_stance": (
        "… och {n} rader till med okänt ställningstagande.",
        "… and {n} more rows with an unknown stance.",
    ),
    "rows.unknown_type": (
        "Okänd typ \"{value}\" räknas som Övrig. Tillåtna: {allowed}.",
        "Unknown type \"{value}\" is counted as Övrig (Other). Allowed: {allowed}.",
    ),
    "rows.no_type": (
        "Typ saknas för \"{name}\" och kan inte utläsas ur namnet; räknas som Övrig.",
        "Type is missing for \"{name}\" and cannot be read from the name; counted as Övrig (Other).",
    ),
    "rows.same_twice": (
        "\"{name}\" om förslag {id} finns två gånger (rad {first} och {row}) med samma ställningstagande; "
        "räknas en gång.",
        "\"{name}\" on proposal {id} appears twice (rows {first} and {row}) with the same stance; counted once.",
    ),
    "rows.same_twice_sheets": (
        "\"{name}\" om förslag {id} finns två gånger (bladet {first_sheet} rad {first} och bladet {sheet} rad {row}) "
        "med samma ställningstagande; räknas en gång.",
        "\"{name}\" on proposal {id} appears twice (sheet {first_sheet} row {first} and sheet {sheet} row {row}) "
        "with the same stance; counted once.",
    ),
    "rows.conflict_sheets": (
        "\"{name}\" om förslag {id} har motstridiga ställningstaganden: bladet {first_sheet} rad {first} säger "
        "{first_stance}, bladet {sheet} rad {row} säger {stance}.",
        "\"{name}\" on proposal {id} has conflicting stances: sheet {first_sheet} row {first} says {first_stance}, "
        "sheet {sheet} row {row} says {stance}.",
    ),
    "rows.conflict": (
        "\"{name}\" om förslag {id} har motstridiga ställningstaganden: rad {first} säger {first_stance}, "
        "rad {row} säger {stance}.",
        "\"{name}\" on proposal {id} has conflicting stances: row {first} says {first_stance}, "
        "row {row} says {stance}.",
    ),
    # The stances as named in the message above (the English names are the stance codes)
    "rows.stance.agree": ("tillstyrker", "agree"),
    "rows.stance.partly": ("tillstyrker delvis", "partly"),
    "rows.stance.disagree": ("avstyrker", "disagree"),
    "rows.stance.no_position": ("ingen synpunkt", "no_position"),
    "cells.id_numbers": (
        "{n} förslagsnummer är sparade som tal, inte text (första på rad {first}). "
        "Excel kan ha tagit bort avslutande nollor (4.10 blir 4.1). Formatera kolumnen som text.",
        "{n} proposal ids are stored as numbers, not text (first on row {first}). "
        "Excel may have dropped trailing zeros (4.10 becomes 4.1). Format the column as text.",
    ),
    # --- Words filled into the messages above and in identity_text (loaders/identity.py,
    # proposal_ids.py, cellcheck.py, csvtext.py)
    "where.row": ("rad {rows}", "row {rows}"),
    "where.rows": ("rad {rows}", "rows {rows}"),
    "where.sheet_row": ("bladet {sheet} rad {rows}", "sheet {sheet} row {rows}"),
    "where.sheet_rows": ("bladet {sheet} rad {rows}", "sheet {sheet} rows {rows}"),
    "where.header": ("rubriken", "the header"),
    "where.listed_sheet": ("bladet Instanser", "Instanser sheet"),
    "where.listed_rows": ("bladet Instanser rad {rows}", "Instanser sheet row {rows}"),
    "cells.searched_row": ("rad {n}: {cells}", "row {n}: {cells}"),
    "cells.searched_blank": ("rad {n}: tom", "row {n}: blank"),
    "csv.delim.semicolon": ("semikolon (;)", "semicolon (;)"),
    "csv.delim.comma": ("komma (,)", "comma (,)"),
    "csv.delim.tab": ("tabb", "tab"),
    # What cleaning a name did (identity.cleaned)
    "identity.reason.nfc": ("bokstäver i uppdelad form (NFD)", "letters in decomposed form (NFD)"),
    "identity.reason.invisible": (
        "osynliga tecken (nollbredd eller skrivriktning)",
        "invisible characters (zero-width or text direction)",
    ),
    "identity.reason.spaces": ("extra eller hårda mellanslag", "extra or non-breaking spaces"),
    # Which spelling of a name was kept (identity.variants)
    "identity.why.listed": ("stavningen på bladet Instanser", "the spelling on the Instanser sheet"),
    "identity.why.commonest": ("den vanligaste stavningen", "the most frequent spelling"),
    "identity.why.first": ("den stavning som står först", "the spelling that comes first"),
    # How two names are alike (identity.near_duplicate)
    "identity.alike.lookalike": (
        "ser likadana ut men skrivs med bokstäver ur olika alfabet",
        "look the same but are written with letters from different alphabets",
    ),
    "identity.alike.accents": (
        "skiljer sig bara i accenter eller skiljetecken",
        "differ only in accents or punctuation",
    ),
    "identity.alike.typo": ("skiljer sig med en eller två bokstäver", "differ by one or two letters"),
    # Scripts named in identity.foreign_letters (others are named by their Unicode name)
    "identity.script.CYRILLIC": ("kyrillisk", "Cyrillic"),
    "identity.script.GREEK": ("grekisk", "Greek"),
    # What correcting a proposal id did (ids.corrected)
    "ids.note.characters": (
        "osynliga eller ovanliga tecken (hårt mellanslag, nollbreddstecken eller helbreddssiffror) togs bort",
        "invisible or unusual characters (non-breaking space, zero-width character or full-width digits) "
        "were removed",
    ),
    "ids.note.spaces": ("mellanslag inuti numret togs bort", "spaces inside the number were removed"),
    "ids.note.leading_zero": ("inledande nollor togs bort", "leading zeros were removed"),
    "ids.note.decimal_comma": ("kommat lästes som punkt", "the comma was read as a point"),
    "ids.note.trailing_dot": ("punkten på slutet togs bort", "the trailing full stop was removed"),
}
