"""Proposal ids, respondent names and identities, CSV reading, inert text outputs.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Proposal ids (loaders/proposal_ids.py, loaders/load.py)
    "ids.corrected": (
        "Förslagsnumret \"{id}\" läses som {value}: {what} ({where}).",
        "The proposal id \"{id}\" is read as {value}: {what} ({where}).",
    ),
    "ids.refused_range": (
        "Förslagsnumret \"{id}\" är ett intervall ({where}). En rad gäller ett förslag: skriv en rad per "
        "förslag. Raderna med numret räknas inte.",
        "The proposal id \"{id}\" is a range ({where}). A row is about one proposal: write one row per "
        "proposal. The rows with this id are not counted.",
    ),
    "ids.refused_list": (
        "Förslagsnumret \"{id}\" är flera förslag eller tvetydigt ({where}). En rad gäller ett förslag: skriv "
        "en rad per förslag, med punkt mellan nivåerna (5.2.1). Raderna med numret räknas inte.",
        "The proposal id \"{id}\" is several proposals or unclear ({where}). A row is about one proposal: write "
        "one row per proposal, with points between the levels (5.2.1). The rows with this id are not counted.",
    ),
    "ids.case_variants": (
        "Förslagsnumren {variants} skiljer sig bara i versaler och räknas som samma förslag, {value}.",
        "The proposal ids {variants} differ only in case and count as the same proposal, {value}.",
    ),
    "ids.more_warn": ("… och {n} förslagsnummer till som rättades.", "… and {n} more proposal ids were corrected."),
    "ids.more_error": ("… och {n} förslagsnummer till som inte kan läsas.",
                       "… and {n} more proposal ids that cannot be read."),
    "ids.same_id_headers": (
        "Rubrikerna \"{a}\" och \"{b}\" är båda förslag {value}. Ta bort eller rätta en av kolumnerna.",
        "The headers \"{a}\" and \"{b}\" are both proposal {value}. Remove or correct one of the columns.",
    ),
    "ids.unknown": (
        "Förslag \"{id}\" finns inte på bladet Förslag ({where}). Rätta numret eller lägg till förslaget.",
        "Proposal \"{id}\" is not on the Förslag sheet ({where}). Correct the id or add the proposal.",
    ),
    "ids.unknown_for_consultation": (
        "Förslag \"{id}\" finns på bladet Förslag men inte för remissen \"{consultation}\" ({where}). "
        "Rätta numret eller remissens namn.",
        "Proposal \"{id}\" is on the Förslag sheet but not for the consultation \"{consultation}\" ({where}). "
        "Correct the id or the consultation's name.",
    ),
    "ids.empty_proposals_sheet": (
        "Bladet {sheet} listar inga förslag, så förslagsnumren kontrolleras inte mot det.",
        "The sheet {sheet} lists no proposals, so the proposal ids are not checked against it.",
    ),
    # Respondent names and identities (loaders/identity.py)
    "identity.cleaned": (
        "Namnet \"{name}\" innehöll {what}, som rättades ({rows}).",
        "The name \"{name}\" held {what}, which were corrected ({rows}).",
    ),
    "identity.variants": (
        "Stavningarna {variants} skiljer sig bara i versaler eller mellanslag och räknas som en och samma "
        "instans, \"{name}\" ({why}).",
        "The spellings {variants} differ only in case or spacing and count as one and the same respondent, "
        "\"{name}\" ({why}).",
    ),
    "identity.consultation_variants": (
        "Remissnamnen {variants} skiljer sig bara i versaler eller mellanslag och räknas som samma remiss, "
        "\"{name}\".",
        "The consultation names {variants} differ only in case or spacing and count as the same consultation, "
        "\"{name}\".",
    ),
    "identity.consultation_matched": (
        "Remissen \"{value}\" på bladet {sheet} matchas mot \"{name}\" i svaren; namnen skiljer sig bara i "
        "versaler, mellanslag eller osynliga tecken.",
        "The consultation \"{value}\" on the sheet {sheet} is matched to \"{name}\" in the replies; the names "
        "differ only in case, spacing or invisible characters.",
    ),
    "identity.near_duplicate": (
        "Är \"{a}\" ({where_a}) och \"{b}\" ({where_b}) samma instans? Namnen {why}. De räknas som två "
        "instanser; rätta stavningen i arket om de är samma.",
        "Are \"{a}\" ({where_a}) and \"{b}\" ({where_b}) the same respondent? The names {why}. They count "
        "as two respondents; correct the spelling in the sheet if they are the same.",
    ),
    "identity.more_near_duplicates": (
        "… och {n} par till av snarlika namn.",
        "… and {n} more pairs of similar names.",
    ),
    "identity.foreign_letters": (
        "Namnet \"{name}\" ({rows}) innehåller bokstäver ur ett annat alfabet: {letters}. Det ser ut som "
        "vanlig text men matchar inte samma namn skrivet med svenska bokstäver. Skriv om namnet i arket.",
        "The name \"{name}\" ({rows}) holds letters from another alphabet: {letters}. It looks like "
        "ordinary text but does not match the same name typed with Swedish letters. Retype the name in the sheet.",
    ),
    "identity.type_conflict": (
        "\"{name}\" har olika typ på olika rader: {types}. En instans har en typ; {chosen} används för alla "
        "dess rader. Rätta typen i arket.",
        "\"{name}\" has different types on different rows: {types}. A respondent has one type; {chosen} is "
        "used for all its rows. Correct the type in the sheet.",
    ),
    "identity.type_conflict_listed": (
        "\"{name}\" har typen {listed} på bladet Instanser men {used} i svaren. Typen i svaren används; rätta "
        "den på ett av ställena.",
        "\"{name}\" has the type {listed} on the Instanser sheet but {used} in the replies. The replies' type "
        "is used; correct it in one of the places.",
    ),
    "identity.blank_respondent": (
        "Remissinstans saknas på rad {row}, och det finns ingen rad ovanför att fortsätta från. Skriv "
        "instansens namn på raden.",
        "The respondent is missing on row {row}, and there is no row above to continue from. Write the "
        "respondent's name on the row.",
    ),
    "identity.blank_consultation": (
        "Remiss saknas på rad {row}, och det finns ingen rad ovanför att fortsätta från. Raden skulle annars "
        "räknas till en remiss med filens namn, \"{stem}\". Skriv remissens namn på raden.",
        "The consultation is missing on row {row}, and there is no row above to continue from. The row would "
        "otherwise count towards a consultation named after the file, \"{stem}\". Write the consultation's "
        "name on the row.",
    ),
    "identity.invisible_respondent": (
        "Remissinstansen på rad {row} består bara av osynliga tecken. Skriv instansens namn på raden.",
        "The respondent on row {row} consists of invisible characters only. Write the respondent's name on the row.",
    ),
    "identity.invisible_consultation": (
        "Remissen på rad {row} består bara av osynliga tecken. Skriv remissens namn på raden.",
        "The consultation on row {row} consists of invisible characters only. Write the consultation's name on "
        "the row.",
    ),
    "identity.invisible_listed": (
        "Remissinstansen på rad {row} består bara av osynliga tecken och används inte.",
        "The respondent on row {row} consists of invisible characters only and is not used.",
    ),
    "identity.more_blank": ("… och {n} rader till utan namn.", "… and {n} more rows without a name."),
    # CSV and other delimited text (loaders/csvtext.py)
    "csv.undecodable": (
        "Teckenkodningen i {file} känns inte igen. Spara filen som CSV UTF-8.",
        "The character encoding of {file} is not recognised. Save the file as CSV UTF-8.",
    ),
    "csv.guessed_encoding": (
        "{file} är varken UTF-8 eller Windows-1252; den lästes som {encoding}. "
        "Kontrollera å, ä och ö, eller spara filen som CSV UTF-8.",
        "{file} is neither UTF-8 nor Windows-1252; it was read as {encoding}. "
        "Check the letters å, ä and ö, or save the file as CSV UTF-8.",
    ),
    "csv.encoding_switched": (
        "{file} är inte UTF-8. Som Windows-1252 gav den tecken som inte hör hemma i svensk text "
        "(\"{bad}\"), så den lästes som {encoding}. Kontrollera å, ä och ö, eller spara filen som CSV UTF-8.",
        "{file} is not UTF-8. Read as Windows-1252 it gave characters that do not belong in Swedish text "
        "(\"{bad}\"), so it was read as {encoding}. Check the letters å, ä and ö, or save the file as CSV UTF-8.",
    ),
    "csv.mixed_encoding": (
        "{file} är UTF-8 utom på {rows}, som lästes som {other}. Raderna kommer troligen från en annan fil; "
        "kontrollera å, ä och ö på dem, eller spara filen som CSV UTF-8.",
        "{file} is UTF-8 except on {rows}, read as {other}. The rows probably come from another file; "
        "check the letters å, ä and ö on them, or save the file as CSV UTF-8.",
    ),
    "csv.implausible": (
        "{file} lästes som {encoding}, men texten innehåller tecken som är osannolika i svensk text, "
        "till exempel \"{sample}\" på rad {row}. Filen är troligen sparad i en annan teckenkodning; "
        "namn kan då bli fel. Spara den som CSV UTF-8 och ladda upp den igen.",
        "{file} was read as {encoding}, but the text holds characters that are implausible in Swedish, "
        "for example \"{sample}\" on row {row}. The file was probably saved in another encoding, "
        "so names may be wrong. Save it as CSV UTF-8 and upload it again.",
    ),
    "csv.replacement": (
        "{file} (läst som {encoding}) innehåller tecken som inte kunde avkodas (visas som \ufffd).",
        "{file} (read as {encoding}) contains characters that could not be decoded (shown as \ufffd).",
    ),
    "csv.nul_removed": (
        "{n} nolltecken (NUL) togs bort ur {file}, på {rows}. De syns inte i Excel och kommer "
        "oftast från ett exportprogram; kontrollera texten på raden.",
        "{n} NUL characters were removed from {file}, on {rows}. They are invisible in Excel and "
        "usually come from an export program; check the text on that row.",
    ),
    "csv.unclosed_quote": (
        "Citattecknet som öppnas på rad {row} (textrad {line}) stängs aldrig, så de följande {lines} "
        "textraderna skulle läsas som en enda cell. Lägg till det avslutande citattecknet (\") "
        "eller ta bort det inledande. Filen läses inte.",
        "The quote opened on row {row} (text line {line}) is never closed, so the following {lines} "
        "text lines would be read as a single cell. Add the closing quote (\") or remove the opening one. "
        "The file is not read.",
    ),
    "csv.swallowed_rows": (
        "Citattecknet som öppnas på rad {row} (textrad {line}) stängs först på textrad {end}. "
        "{n} textrader emellan, från textrad {first}, ser ut som egna rader men skulle bli en enda cell. "
        "Kontrollera citattecknen på rad {row}. Filen läses inte.",
        "The quote opened on row {row} (text line {line}) is closed only on text line {end}. "
        "{n} text lines in between, from text line {first}, look like rows of their own but would become "
        "a single cell. Check the quotes on row {row}. The file is not read.",
    ),
    "csv.extra_fields": (
        "Rad {row} har {n} fält men rubrikraden har {width}. Troligen står ett {delim} i en kommentar "
        "utan citattecken, och texten efter det skulle hamna utanför kolumnerna. Sätt texten inom "
        "citattecken (\"…\"). Filen läses inte.",
        "Row {row} has {n} fields but the header row has {width}. Probably a {delim} stands in a comment "
        "without quotes, and the text after it would fall outside the columns. Put the text in quotes "
        "(\"…\"). The file is not read.",
    ),
    "csv.extra_fields_rows": (
        "Rad {row} har {n} fält men de flesta rader har {width}. Troligen står ett {delim} i en kommentar "
        "utan citattecken, och texten efter det skulle hamna utanför kolumnerna. Sätt texten inom "
        "citattecken (\"…\"). Filen läses inte.",
        "Row {row} has {n} fields but most rows have {width}. Probably a {delim} stands in a comment "
        "without quotes, and the text after it would fall outside the columns. Put the text in quotes "
        "(\"…\"). The file is not read.",
    ),
    "csv.more_extra_fields": ("… och {n} rader till med för många fält.", "… and {n} more rows with too many fields."),
    "csv.mixed_delimiters": (
        "Rad {row} är avgränsad med {other}, men filen i övrigt med {delim}. Spara filen med ett enda "
        "avgränsningstecken. Filen läses inte.",
        "Row {row} is delimited by {other}, but the rest of the file by {delim}. Save the file with a single "
        "delimiter. The file is not read.",
    ),
    "csv.more_mixed_delimiters": (
        "… och {n} rader till med ett annat avgränsningstecken.",
        "… and {n} more rows with another delimiter.",
    ),
    "csv.field_too_long": (
        "Rad {row} har ett fält med mer än {limit} tecken, mer än en Excel-cell rymmer. Korta texten "
        "eller dela upp den. Filen läses inte.",
        "Row {row} has a field of more than {limit} characters, more than an Excel cell holds. Shorten "
        "the text or split it. The file is not read.",
    ),
    "csv.unparseable": ("{file} kan inte läsas som CSV: {error}.", "{file} cannot be read as CSV: {error}."),
}
