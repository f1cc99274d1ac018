"""The one translation table. Swedish is the default; English is available.

    t("overview.title", "en")
    t("overview.headline_n", "sv", n=3)

Keys are dotted by page or component. Every key has both languages; a test
checks that. Areas with many sentences keep them in their own module beside
this one (``analysis_text``, ``limits_text``, ``loader_text``, ``identity_text``,
``store_text``, ``register_text``, ``coding_text``, ``draft_text``, ``cli_text``); they are
folded into :data:`STRINGS` at import, and a key may be defined in one place
only.
"""
from __future__ import annotations

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"

STRINGS: dict[str, tuple[str, str]] = {
    # App shell
    "app.title": ("Remisskollen", "Remisskollen"),
    "app.tagline": ("Vad tyckte remissinstanserna?", "What did the consultation bodies say?"),
    "app.demo_notice": (
        "Exempeldata (fiktiv): utom två verkliga remissvar (Stockholms stad och Ludvika kommun) "
        "är alla instanser och svar påhittade, och förslagsnumren är illustrativa.",
        "Example data (fictional): apart from two real replies (Stockholms stad and Ludvika kommun), "
        "all respondents and replies are made up, and the proposal numbers are illustrative.",
    ),
    "app.demo_badge": ("Exempeldata (fiktiv)", "Example data (fictional)"),
    "app.no_rows": (
        "Inga svar matchar filtren. Ta bort något filter i sidopanelen för att se siffror.",
        "No replies match the filters. Remove a filter in the sidebar to see figures.",
    ),
    "nav.overview": ("Översikt", "Overview"),
    "nav.proposals": ("Förslag", "Proposals"),
    "nav.topics": ("Teman", "Topics"),
    "nav.contrast": ("Region vs kommun", "Region vs municipality"),
    "nav.respondents": ("Remissinstanser", "Respondents"),
    "nav.comments": ("Kommentarer", "Comments"),
    "nav.upload": ("Ladda upp", "Upload"),
    "nav.datasets": ("Datamängder", "Datasets"),
    "nav.section.analysis": ("Analys", "Analysis"),
    "nav.section.data": ("Data", "Data"),
    # Sidebar
    "sidebar.dataset": ("Aktiv datamängd", "Active dataset"),
    "sidebar.version": ("version {n}", "version {n}"),
    "sidebar.version_caption": ("Version {n}, sparad {at} av {by}", "Version {n}, saved {at} by {by}"),
    "sidebar.store_error": ("Databasen kunde inte läsas ({error}). Exempeldata visas.",
                            "The database could not be read ({error}). Example data is shown."),
    "sidebar.language": ("Språk", "Language"),
    "sidebar.filters": ("Filter", "Filters"),
    "sidebar.consultation": ("Remiss", "Consultation"),
    "sidebar.all_consultations": ("Alla remisser", "All consultations"),
    "sidebar.types": ("Typ av remissinstans", "Respondent type"),
    "sidebar.topics": ("Tema", "Topic"),
    "sidebar.all": ("Alla", "All"),
    "sidebar.active_filters": ("Urval", "Selection"),
    "sidebar.reset": ("Rensa filter", "Clear filters"),
    # Login and roles
    "auth.login": ("Logga in", "Log in"),
    "auth.logout": ("Logga ut", "Log out"),
    "auth.logged_in_as": ("Inloggad som {user} ({role})", "Logged in as {user} ({role})"),
    "auth.role.viewer": ("läsare", "viewer"),
    "auth.role.editor": ("redaktör", "editor"),
    "auth.role.admin": ("administratör", "administrator"),
    "auth.login_to_change": ("Logga in för att ändra något. Utan inloggning kan du läsa alla sidor och ladda ner "
                             "utdrag.",
                             "Log in to change anything. Without logging in you can read every page and download "
                             "extracts."),
    "auth.not_allowed": ("{user} är {role} och får inte ändra här. Be en administratör att lägga till dig som "
                         "redaktör.",
                         "{user} is a {role} and may not make changes here. Ask an administrator to add you as an "
                         "editor."),
    "auth.open_server": ("Ingen inloggning är inställd: alla som når den här adressen kan ladda upp, återställa och "
                         "ta bort datamängder. Loggen visar bara session och adress. Se docs/deployment.md för "
                         "inloggning.",
                         "No login is set up: anyone who reaches this address can upload, restore and delete "
                         "datasets. The log shows only session and address. See docs/deployment.md for login."),
    "backup.not_a_backup": ("{name} är ingen säkerhetskopia från Remisskollen.",
                            "{name} is not a Remisskollen backup."),
    "backup.newer_schema": ("säkerhetskopian har databasschema {found}, men den här Remisskollen känner bara "
                            "till schema {known}. Uppgradera Remisskollen först.",
                            "the backup has schema version {found}, but this Remisskollen knows up to "
                            "{known}. Upgrade Remisskollen first."),
    "backup.unknown_tables": ("säkerhetskopian har tabeller som den här versionen inte känner till: {tables}.",
                              "the backup holds tables this version does not know: {tables}."),
    "backup.not_empty": ("databasen innehåller redan datamängder. Återställ till en tom databas.",
                         "the database already holds datasets. Restore into an empty database."),
    "backup.mismatch": ("tabellen {table} stämmer inte med säkerhetskopian efter återställningen "
                        "({rows} rader, väntat {expected}).",
                        "the table {table} does not match the backup after restoring "
                        "({rows} rows, expected {expected})."),
    # Overview
    "overview.title": ("Översikt", "Overview"),
    "overview.respondents": ("Svarande instanser", "Responding bodies"),
    "overview.respondents_help": ("{replied} av {invited} inbjudna har svarat",
                                  "{replied} of {invited} invited have replied"),
    "overview.proposals": ("Förslag", "Proposals"),
    "overview.proposals_help": ("förslag i urvalet", "proposals in the selection"),
    "overview.answers": ("Kodade svar", "Coded answers"),
    "overview.answers_help": ("instans × förslag som berörts", "respondent × proposal pairs addressed"),
    "overview.agree": ("Tillstyrker", "Agree"),
    "overview.agree_help": ("{k} av {n} kodade svar tillstyrker (utan delvis)",
                            "{k} of {n} coded answers agree (excluding partly)"),
    "overview.by_type": ("Svarande per typ av instans", "Respondents by type"),
    "overview.headlines": ("Per remissinstans", "Per respondent"),
    "overview.headlines_caption": (
        "Antal förslag som instansen tillstyrker, av alla förslag i remissen.",
        "Number of proposals the body agrees with, of all proposals in the consultation.",
    ),
    # Column labels (shared by tables and exports)
    "col.consultation": ("Remiss", "Consultation"),
    "col.respondent": ("Remissinstans", "Respondent"),
    "col.respondent_type": ("Typ", "Type"),
    "col.proposal_id": ("Förslag", "Proposal"),
    "col.proposal_title": ("Rubrik", "Title"),
    "col.topic": ("Tema", "Topic"),
    "col.addressee": ("Adressat", "Addressee"),
    "col.stance": ("Ställningstagande", "Stance"),
    "col.comment": ("Kommentar", "Comment"),
    "col.source": ("Källa", "Source"),
    "col.sheet": ("Blad", "Sheet"),
    "col.row": ("Rad", "Row"),
    "col.column": ("Kolumn", "Column"),
    "col.severity": ("Allvar", "Severity"),
    "col.category": ("Kategori", "Category"),
    "col.message": ("Meddelande", "Message"),
    "col.invited": ("Inbjudna", "Invited"),
    "col.replied": ("Svarat", "Replied"),
    "col.not_replied": ("Ej svarat", "Not replied"),
    "col.reply_rate": ("Svarsandel", "Reply rate"),
    "col.headline": ("Sammanfattning", "Summary"),
    "col.agree": ("Tillstyrker", "Agree"),
    "col.partly": ("Tillstyrker delvis", "Partly agree"),
    "col.disagree": ("Avstyrker", "Disagree"),
    "col.no_position": ("Ingen synpunkt", "No position"),
    "col.not_addressed": ("Ej berört", "Not addressed"),
    "col.total": ("Totalt", "Total"),
    "col.n": ("n", "n"),
    "col.share": ("Andel", "Share"),
    # Stances
    "stance.agree": ("Tillstyrker", "Agree"),
    "stance.partly": ("Tillstyrker delvis", "Partly agree"),
    "stance.disagree": ("Avstyrker", "Disagree"),
    "stance.no_position": ("Ingen synpunkt", "No position"),
    "stance.not_addressed": ("Ej berört", "Not addressed"),
    # Severities
    "severity.error": ("Fel", "Error"),
    "severity.warning": ("Varning", "Warning"),
    # The validation report's category codes (loaders.report.CATEGORIES) in words; the download keeps the codes.
    "category.missing-label": ("Saknad kolumnrubrik", "Missing column heading"),
    "category.duplicate-label": ("Dubblerad kolumn", "Duplicate column"),
    "category.type-error": ("Fel sorts värde", "Wrong kind of value"),
    "category.constraint-error": ("Ogiltigt värde", "Invalid value"),
    "category.unique-error": ("Dubblett", "Duplicate"),
    "category.blank-row": ("Tom rad", "Blank row"),
    "category.encoding-error": ("Teckenkodning", "Character encoding"),
    "category.format-error": ("Filformat", "File format"),
    "category.source-error": ("Problem i källfilen", "Problem in the source file"),
    "category.limit-error": ("Över en gräns", "Over a limit"),
    # Exports
    "export.button_xlsx": ("Ladda ner urval (Excel)", "Download selection (Excel)"),
    # An extract over download.PREPARE_ROWS rows is prepared on request, its stages shown in an st.status.
    "export.prepare": ("Förbered urvalet i Excel ({n} rader)", "Prepare the selection in Excel ({n} rows)"),
    "export.stage.running": ("Förbereder urvalet ({n} rader) …", "Preparing the selection ({n} rows) …"),
    "export.stage.selecting": ("1. Väljer ut {n} kodade svar enligt filtren …",
                               "1. Selecting {n} coded answers by the filters …"),
    "export.stage.writing": ("2. Skriver arbetsboken …", "2. Writing the workbook …"),
    "export.stage.done": ("Urvalet är klart att ladda ner ({size} MB).",
                          "The selection is ready to download ({size} MB)."),
    "export.button_help": (
        "Svaren som filtren visar, med sammanställningar, definitioner och källa, som Excelfil.",
        "The replies the filters show, with summaries, definitions and source, as an Excel file.",
    ),
    "export.more_formats": ("Svaren som CSV", "Replies as CSV"),
    "export.button_csv": ("CSV (UTF-8, komma)", "CSV (UTF-8, comma)"),
    "export.button_csv_excel": ("CSV (Excel, svensk)", "CSV (Excel, Swedish)"),
    "export.csv_help": (
        "Bladet Svar som text. ”Excel, svensk” har semikolon, BOM och decimalkomma och öppnas direkt i "
        "svenskt Excel. Text som börjar med =, +, -, @ får en inledande apostrof.",
        "The Responses sheet as text. \"Excel, Swedish\" uses semicolons, a BOM and decimal commas and "
        "opens directly in Swedish Excel. Text starting with =, +, -, @ gets a leading apostrophe.",
    ),
    "export.too_large": (
        "Urvalet har {n} rader. Ett utdrag rymmer högst {limit} rader ({sheets} blad med {per_sheet} rader "
        "var, Excels gräns per blad). Begränsa urvalet med filtren.",
        "The selection has {n} rows. An extract holds at most {limit} rows ({sheets} sheets of {per_sheet} "
        "rows each, Excel's limit per sheet). Narrow the selection with the filters.",
    ),
    "export.sheet.about": ("Om urvalet", "About"),
    "export.sheet.responses": ("Svar", "Responses"),
    "export.sheet.proposals": ("Per förslag", "By proposal"),
    "export.sheet.contrast": ("Region vs kommun", "Region vs municipality"),
    "export.sheet.respondents": ("Per instans", "By respondent"),
    "export.sheet.chart": ("Diagram", "Chart"),
    "export.about.title": ("Urval ur Remisskollen", "Selection from Remisskollen"),
    "export.about.dataset": ("Datamängd", "Dataset"),
    "export.about.version": ("Version", "Version"),
    "export.about.created_at": ("Skapad", "Created"),
    "export.about.created_by": ("Skapad av", "Created by"),
    "export.about.demo": ("Exempeldata", "Example data"),
    "export.about.generated_at": ("Uttaget", "Extracted"),
    "export.about.filters": ("Urval", "Selection"),
    "export.about.counts": ("Antal rader", "Row counts"),
    "export.about.rows_responses": ("Kodade svar (bladet {sheet})", "Coded answers (sheet {sheet})"),
    "export.about.rows_proposals": ("Förslag med kodade svar (bladet {sheet})",
                                    "Proposals with coded answers (sheet {sheet})"),
    "export.about.rows_contrast": ("Förslag i jämförelsen (bladet {sheet})",
                                   "Proposals in the comparison (sheet {sheet})"),
    "export.about.rows_respondents": ("Svarande remissinstanser (bladet {sheet})",
                                      "Responding bodies (sheet {sheet})"),
    "export.about.definitions": ("Definitioner", "Definitions"),
    "export.about.notes": ("Anmärkningar", "Notes"),
    "export.about.app": ("Program", "Application"),
    "export.def.unit": (
        "En rad i bladet {sheet} är ett kodat svar: en remissinstans ställningstagande till ett förslag. "
        "Instanser som inte berört ett förslag har ingen rad där.",
        "A row of the {sheet} sheet is one coded answer: one body's position on one proposal. "
        "Bodies that did not address a proposal have no row there.",
    ),
    "export.def.total": (
        "Tillstyrker + tillstyrker delvis + avstyrker + ingen synpunkt: de kodade svaren för förslaget.",
        "Agree + partly agree + disagree + no position: the coded answers for the proposal.",
    ),
    "export.def.agree_share": ("Tillstyrker / Totalt, {denominator}.", "Agree / Total, {denominator}."),
    "export.def.support_share": ("(Tillstyrker + Tillstyrker delvis) / Totalt, {denominator}.",
                                 "(Agree + Partly agree) / Total, {denominator}."),
    "export.def.contrast_share": (
        "Bladet {sheet}: tillstyrker / kodade svar, för regioner respektive kommuner och per förslag, "
        "{denominator}.",
        "Sheet {sheet}: agree / coded answers, for regions and for municipalities, per proposal, "
        "{denominator}.",
    ),
    "export.def.interval_label": ("95 % KI", "95% CI"),
    "export.def.interval": ("Wilsons 95 %-konfidensintervall för andelen.",
                            "Wilson 95% confidence interval for the share."),
    "export.def.p": ("Fishers exakta test, tvåsidigt: tillstyrker mot övriga kodade svar, regioner mot kommuner.",
                     "Fisher's exact test, two-sided: agree versus other coded answers, regions versus "
                     "municipalities."),
    "export.def.p_holm": ("p-värdet justerat med Holms metod över förslagen i bladet (inom varje remiss).",
                          "The p-value adjusted with Holm's method over the proposals in the sheet (within "
                          "each consultation)."),
    "export.def.small_n": ("Färre än 5 kodade svar i någon av grupperna: tolka med försiktighet.",
                           "Fewer than 5 coded answers in either group: interpret with care."),
    "export.def.not_addressed": (
        "Bladet {sheet}: instansen har svarat på remissen men inte yttrat sig om förslaget.",
        "Sheet {sheet}: the body replied to the consultation but did not address the proposal.",
    ),
    "export.def.chart": (
        "Fördelningen av de kodade svaren per förslag, som 100 %-staplar. Värdena hämtas från bladet "
        "{sheet} och följer med om de ändras.",
        "The distribution of the coded answers per proposal, as 100% bars. The values come from the "
        "{sheet} sheet and follow any change there.",
    ),
    "export.note.none": ("Inga: all text är oförändrad.", "None: all text is unchanged."),
    "export.note.formula": (
        "{n} textceller börjar med =, +, -, @, tabb eller radbrytning. De är skrivna som text med Excels "
        "apostrof-prefix och räknas aldrig ut som formler; värdet är oförändrat.",
        "{n} text cells start with =, +, -, @, a tab or a line break. They are written as text with "
        "Excel's apostrophe prefix and are never calculated as formulas; the value is unchanged.",
    ),
    "export.note.control": (
        "{n} celler innehöll kontrolltecken som Excel inte tillåter; de tecknen har tagits bort.",
        "{n} cells contained control characters that Excel does not allow; those characters were removed.",
    ),
    "export.note.truncated": (
        "{n} celler hade fler än {limit} tecken, Excels gräns per cell, och har kortats. De slutar med "
        "”{marker}”; hela texten finns i källfilen (se kolumnerna Källa, Blad och Rad).",
        "{n} cells had more than {limit} characters, Excel's limit per cell, and were cut. They end with "
        "\"{marker}\"; the full text is in the source file (see the columns Source, Sheet and Row).",
    ),
    "export.note.split": (
        "Urvalet har {n} kodade svar, fler än de {per_sheet} rader ett Excelblad rymmer under rubrikraden. "
        "Svaren är därför uppdelade i ordning på bladen {sheets}.",
        "The selection has {n} coded answers, more than the {per_sheet} rows an Excel sheet holds below "
        "its header. The answers are therefore split, in order, over the sheets {sheets}.",
    ),
    "export.note.multi": (
        "Urvalet omfattar {n} remisser. Sammanställningarna redovisar varje remiss för sig.",
        "The selection covers {n} consultations. The summaries show each consultation separately.",
    ),
    "export.col.agree_share": ("Andel tillstyrker", "Share agreeing"),
    "export.col.support_share": ("Andel tillstyrker helt eller delvis", "Share agreeing fully or partly"),
    "export.col.group_agree": ("{group}: tillstyrker", "{group}: agree"),
    "export.col.group_total": ("{group}: kodade svar", "{group}: coded answers"),
    "export.col.group_share": ("{group}: andel tillstyrker", "{group}: share agreeing"),
    "export.col.group_low": ("{group}: 95 % KI, nedre", "{group}: 95% CI, lower"),
    "export.col.group_high": ("{group}: 95 % KI, övre", "{group}: 95% CI, upper"),
    "export.col.difference": ("Skillnad ({a} − {b})", "Difference ({a} − {b})"),
    "export.col.p_value": ("p-värde", "p-value"),
    "export.col.p_holm": ("Justerat p (Holm)", "Adjusted p (Holm)"),
    "export.col.small_n": ("Litet underlag (< 5 svar)", "Small sample (< 5 answers)"),
    "export.chart.title": ("Ställningstaganden per förslag", "Positions by proposal"),
    "export.chart.axis": ("Andel av kodade svar", "Share of coded answers"),
    "export.chart.empty": ("Inga förslag med kodade svar i urvalet.",
                           "No proposals with coded answers in the selection."),
    # Upload and datasets
    "upload.title": ("Ladda upp kodat underlag", "Upload a coded sheet"),
    "upload.template": ("Ladda ner mall (Excel)", "Download template (Excel)"),
    "upload.pick": ("Välj fil", "Choose a file"),
    "upload.pick_help": ("Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) eller CSV. Makron körs aldrig.",
                         "Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) or CSV. Macros are never run."),
    "upload.rows": ("Kodade svar", "Coded answers"),
    "upload.respondents": ("Instanser", "Respondents"),
    "upload.proposals": ("Förslag", "Proposals"),
    "upload.errors": ("Fel", "Errors"),
    "upload.warnings": ("Varningar", "Warnings"),
    "upload.valid": ("{file} kan sparas.", "{file} can be saved."),
    "upload.invalid": ("{file} har {n} fel som måste rättas innan filen kan sparas. Inget har sparats.",
                       "{file} has {n} errors that must be fixed before it can be saved. Nothing was saved."),
    # Long work shows progress (issue 14): the stages of reading an upload, in an st.status.
    "upload.stage.running": ("Läser och kontrollerar {file} …", "Reading and checking {file} …"),
    "upload.stage.reading": ("1. Läser filen {file} …", "1. Reading the file {file} …"),
    "upload.stage.checking": ("2. Kontrollerar innehållet: {rows} kodade svar, {errors} fel, {warnings} varningar.",
                              "2. Checking the content: {rows} coded answers, {errors} errors, {warnings} warnings."),
    "upload.stage.comparing": ("3. Jämför med den aktiva versionen av {name} (version {n}) …",
                               "3. Comparing with the active version of {name} (version {n}) …"),
    "upload.stage.checked": ("{file} är läst och kontrollerad.", "{file} has been read and checked."),
    "upload.stage.compared": ("{file} är läst, kontrollerad och jämförd med den aktiva versionen.",
                              "{file} has been read, checked and compared with the active version."),
    "upload.problems": ("Valideringsrapport", "Validation report"),
    "upload.problems_text": ("De första {n} problemen som text", "The first {n} problems as text"),
    "upload.problems_text_more": ("… och {n} till i tabellen ovan och i rapporten att ladda ner.",
                                  "… and {n} more in the table above and in the downloadable report."),
    "upload.at_sheet": ("blad {sheet}", "sheet {sheet}"),
    "upload.at_row": ("rad {row}", "row {row}"),
    "upload.at_column": ("kolumn {column}", "column {column}"),
    "upload.download_report": ("Ladda ner rapporten (Excel)", "Download the report (Excel)"),
    "upload.report_sheet": ("Rapport", "Report"),
    "upload.report_title": ("Valideringsrapport för {file}", "Validation report for {file}"),
    "upload.report_summary": ("{errors} fel, {warnings} varningar", "{errors} errors, {warnings} warnings"),
    "upload.preview": ("Förhandsvisning (första 50 raderna)", "Preview (first 50 rows)"),
    "upload.target": ("Spara som", "Save as"),
    "upload.target_existing": ("Spara som ny version", "Save as a new version"),
    "upload.target_new": ("Nytt dataset", "New dataset"),
    "upload.dataset": ("Datamängd", "Dataset"),
    "upload.new_name": ("Namn på den nya datamängden", "Name of the new dataset"),
    "upload.name_taken": ("Det finns redan en datamängd som heter {name}.", "A dataset called {name} already exists."),
    "upload.diff_title": ("Ändringar mot {name}, version {n}", "Changes against {name}, version {n}"),
    "upload.save": ("Spara", "Save"),
    "upload.needs_name": ("Skriv ett namn på den nya datamängden för att kunna spara.",
                          "Type a name for the new dataset to be able to save."),
    "upload.needs_other_name": ("Välj ett annat namn för att kunna spara.", "Choose another name to be able to save."),
    "upload.save_blocked": ("Rätta felen i filen och ladda upp den igen för att kunna spara.",
                            "Fix the errors in the file and upload it again to be able to save."),
    "upload.busy": ("Databasen är upptagen av en annan uppladdning. Försök igen om en stund; inget har ändrats.",
                    "The database is busy with another upload. Try again shortly; nothing was changed."),
    "upload.store_failed": ("Kunde inte spara: {error}. Inget har ändrats.",
                            "Could not save: {error}. Nothing was changed."),
    "upload.saved": ("Sparat: {name}, version {n} ({rows} kodade svar). Alla sidor visar nu den versionen.",
                     "Saved: {name}, version {n} ({rows} coded answers). Every page now shows that version."),
    "diff.none": ("Inga ändringar jämfört med den aktiva versionen.", "No changes compared with the active version."),
    "diff.summary": ("{added} kodningar tillkommer, {removed} försvinner och {changed} byter ställningstagande. "
                     "Nya instanser: {respondents}. Nya förslag: {proposals}.",
                     "{added} codings are added, {removed} removed and {changed} change stance. "
                     "New respondents: {respondents}. New proposals: {proposals}."),
    "diff.changed": ("Ändrat ställningstagande", "Changed stance"),
    "diff.added": ("Tillkommande kodningar", "Added codings"),
    "diff.removed": ("Borttagna kodningar", "Removed codings"),
    "diff.new_respondents": ("Nya instanser", "New respondents"),
    "diff.new_proposals": ("Nya förslag", "New proposals"),
    "datasets.title": ("Datamängder", "Datasets"),
    "datasets.none": ("Inga uppladdade datamängder ännu. Exempeldata visas.",
                      "No uploaded datasets yet. Example data is shown."),
    "datasets.active": ("aktiv", "active"),
    "datasets.pick_version": ("Version", "Version"),
    "datasets.download_original": ("Ladda ner originalfilen", "Download the original file"),
    "datasets.restore": ("Gör version {n} aktiv", "Make version {n} active"),
    "datasets.restored": ("{name}: version {n} är aktiv igen.", "{name}: version {n} is active again."),
    "datasets.confirm_delete": ("Jag vill ta bort {name}", "I want to delete {name}"),
    "datasets.delete": ("Ta bort datamängden", "Delete the dataset"),
    "datasets.deleted": ("{name} är borttagen. En administratör kan återställa den.",
                         "{name} is deleted. An administrator can restore it."),
    "datasets.compare_old": ("Jämför från version", "Compare from version"),
    "datasets.compare_new": ("till version", "to version"),
    "datasets.deleted_title": ("Borttagna datamängder", "Deleted datasets"),
    "datasets.undelete": ("Återställ {name}", "Restore {name}"),
    "datasets.undeleted": ("{name} är återställd.", "{name} is restored."),
    "datasets.audit": ("Logg", "Audit log"),
    "audit.upload": ("uppladdning", "upload"),
    "audit.restore": ("återställd version", "version restored"),
    "audit.delete": ("borttagning", "deletion"),
    "audit.undelete": ("återställd datamängd", "dataset restored"),
    "col.version": ("Version", "Version"),
    "col.active": ("Aktiv", "Active"),
    "col.created_at": ("Sparad", "Saved"),
    "col.created_by": ("Av", "By"),
    "col.file_name": ("Fil", "File"),
    "col.rows": ("Kodade svar", "Coded answers"),
    "col.respondents": ("Instanser", "Respondents"),
    "col.proposals": ("Förslag", "Proposals"),
    "col.at": ("Tidpunkt", "Time"),
    "col.user": ("Användare", "User"),
    "col.action": ("Händelse", "Action"),
    "col.dataset": ("Datamängd", "Dataset"),
    "col.stance_from": ("Från", "From"),
    "col.stance_to": ("Till", "To"),
    # Large selections: caps, paging, one consultation at a time
    "large.cap.showing": ("Visar {shown} av {n}.", "Showing {shown} of {n}."),
    "large.cap.table": ("Tabellen visar de första {shown} av {n}. Förfina sökningen, eller ladda ner urvalet i "
                  "sidopanelen för alla rader.",
                  "The table shows the first {shown} of {n}. Refine the search, or download the selection in "
                  "the sidebar for every row."),
    "large.headlines.search": ("Sök instans", "Search respondents"),
    "large.headlines.search_placeholder": ("t.ex. Region Skåne", "e.g. Region Skåne"),
    "large.headlines.show_all": ("Visa alla {n}", "Show all {n}"),
    "large.headlines.limited": ("Visar de första {shown} av {n} instanser. Sök efter en instans eller välj "
                          "Visa alla.",
                          "Showing the first {shown} of {n} respondents. Search for a respondent or choose "
                          "Show all."),
    "large.headlines.none": ("Ingen instans matchar sökningen.", "No respondent matches the search."),
    "large.grid.consultation": ("Remiss i rutnätet", "Consultation in the grid"),
    "large.grid.one_consultation": ("Rutnätet visar en remiss i taget (förslagen skiljer sig mellan remisser). "
                              "Välj vilken ovan; i sidopanelen kan du välja en remiss för hela sidan.",
                              "The grid shows one consultation at a time (the proposals differ between "
                              "consultations). Choose which above; in the sidebar you can choose a consultation "
                              "for the whole page."),
    "large.grid.rows": ("Rader i rutnätet", "Rows in the grid"),
    "large.grid.rows_option": ("{first}–{last} av {n}", "{first}–{last} of {n}"),
    "large.grid.rows_caption": ("Rutnätet och tabellen visar {shown} instanser i taget, rad {first}–{last} av {n}.",
                          "The grid and the table show {shown} respondents at a time, rows {first}–{last} of {n}."),
    # Misc
    "common.show_table": ("Visa tabell", "Show table"),
    "common.data_table": ("Tabell med siffrorna i diagrammet", "Table of the chart's figures"),
    # Charts (charts/): titles, descriptions, axes, hovers
    "chart.no_answers": ("Inga svar att visa i urvalet.", "No answers to show in the selection."),
    "chart.of_n": ("(%{customdata[2]} av %{customdata[3]})", "(%{customdata[2]} of %{customdata[3]})"),
    "chart.stances.axis": ("Andel av dem som yttrat sig (avstyrker till vänster)",
                           "Share of those who commented (disagree to the left)"),
    "chart.proposals.title": ("{k} av {n} förslag tillstyrks av en majoritet av dem som yttrat sig",
                              "{k} of {n} proposals are supported by a majority of those who commented"),
    "chart.proposals.desc": (
        "Liggande staplar för {n} förslag, sorterade efter andelen som tillstyrker. Högst: förslag {top} "
        "({top_pct} av {top_n}). Lägst: förslag {low} ({low_pct} av {low_n}). Tillstyrker och tillstyrker "
        "delvis visas till höger om nollan, avstyrker till vänster och ingen synpunkt i en egen stapel längst "
        "till höger.",
        "Horizontal bars for {n} proposals, sorted by the share agreeing. Highest: proposal {top} "
        "({top_pct} of {top_n}). Lowest: proposal {low} ({low_pct} of {low_n}). Agree and partly agree are "
        "right of zero, disagree left of it and no position in a separate bar on the far right.",
    ),
    "chart.proposal.title": ("{pct} av de {n} instanser som yttrat sig tillstyrker förslag {pid} ({partly} delvis)",
                             "{pct} of the {n} respondents that commented agree with proposal {pid} ({partly} partly)"),
    "chart.proposal.desc": ("Staplar per typ av instans. Andel som tillstyrker: {groups}.",
                            "Bars per respondent type. Share agreeing: {groups}."),
    "chart.topics.title": ("Störst stöd får temat {topic}: {pct} tillstyrker",
                           "The topic {topic} has the most support: {pct} agree"),
    "chart.topics.desc": ("Staplar per tema. Andel som tillstyrker: {groups}.",
                          "Bars per topic. Share agreeing: {groups}."),
    "chart.heatmap.title": (
        "Högst stöd: {hi_type} om {hi_topic} ({hi_pct}); lägst: {lo_type} om {lo_topic} ({lo_pct})",
        "Most support: {hi_type} on {hi_topic} ({hi_pct}); least: {lo_type} on {lo_topic} ({lo_pct})"),
    "chart.heatmap.desc": (
        "Rutnät med {rows} teman (rader) och {cols} typer av instanser (kolumner). Varje ruta visar andelen "
        "som tillstyrker och antalet svar (n). {small} rutor bygger på färre än {min_n} svar och är osäkra.",
        "Grid of {rows} topics (rows) and {cols} respondent types (columns). Each cell shows the share "
        "agreeing and the number of answers (n). {small} cells rest on fewer than {min_n} answers and are uncertain.",
    ),
    "chart.heatmap.hover": ("%{customdata[2]} av %{customdata[3]} tillstyrker",
                            "%{customdata[2]} of %{customdata[3]} agree"),
    "chart.contrast.title": ("{a} tillstyrker oftare än {b} i {k} av {n} {unit}",
                             "{a} agree more often than {b} on {k} of {n} {unit}"),
    "chart.contrast.unit_proposal_id": ("förslag", "proposals"),
    "chart.contrast.unit_topic": ("teman", "topics"),
    "chart.contrast.title_addressee": (
        "{k} av {n} typer av instanser tillstyrker oftare förslag riktade till {a} än förslag riktade till {b}",
        "{k} of {n} respondent types agree more often with proposals addressed to {a} than with those addressed to {b}",
    ),
    "chart.contrast.desc": (
        "Punkter med 95 %-intervall (Wilson) för {a} och {b} i {n} rader. Störst skillnad: {label}, {a} {a_pct} "
        "mot {b} {b_pct} (p {p}, Holm-justerat p {p_holm}). {clear} av {n} skillnader har Holm-justerat p "
        "under {alpha}. {small} rader har litet underlag (färre än {min_n} svar i någon grupp).",
        "Points with 95% intervals (Wilson) for {a} and {b} in {n} rows. Biggest difference: {label}, {a} {a_pct} "
        "against {b} {b_pct} (p {p}, Holm-adjusted p {p_holm}). {clear} of {n} differences have a Holm-adjusted "
        "p below {alpha}. {small} rows have few answers (fewer than {min_n} in a group).",
    ),
    "chart.contrast.axis": ("Andel som tillstyrker", "Share agreeing"),
    "chart.contrast.interval": ("95 %-intervall", "95% interval"),
    "chart.weighted.none": ("Befolkningsuppgifter saknas, så andelarna kan inte viktas.",
                            "Population figures are missing, so the shares cannot be weighted."),
    "chart.weighted.title": ("Befolkningsviktat tillstyrker {a} oftare än {b} i {k} av {n} förslag",
                             "Weighted by population, {a} agree more often than {b} on {k} of {n} proposals"),
    "chart.weighted.desc": (
        "Punkter för {n} förslag: andelen som tillstyrker bland de {a} och {b} som yttrat sig, där varje "
        "instans väger efter sin befolkning.",
        "Points for {n} proposals: the share agreeing among the {a} and {b} that commented, each weighted "
        "by its population.",
    ),
    "chart.grid.title": ("{k} av {n} möjliga svar ({pct}) tillstyrker förslagen",
                         "{k} of {n} possible answers ({pct}) agree with the proposals"),
    "chart.grid.blank": ("tom ruta", "blank"),
    "chart.grid.desc": ("Rutnät med {rows} instanser (rader) och {cols} förslag (kolumner), sorterat {sort}. "
                        "Symbol i rutan: {symbols}.",
                        "Grid of {rows} respondents (rows) and {cols} proposals (columns), sorted {sort}. "
                        "Symbol in the cell: {symbols}."),
    "chart.coverage.title_all": ("Alla {n} inbjudna instanser har svarat", "All {n} invited respondents have replied"),
    "chart.coverage.title": ("{k} av {n} inbjudna har svarat; lägst svarsandel har {type} ({pct})",
                             "{k} of {n} invited have replied; {type} have the lowest reply rate ({pct})"),
    "chart.coverage.part": ("{type} {k} av {n}", "{type} {k} of {n}"),
    "chart.coverage.desc": ("Staplar per typ av instans: svarat (fylld) och ej svarat (randig). {parts}.",
                            "Bars per respondent type: replied (solid) and not replied (hatched). {parts}."),
    "chart.coverage.axis": ("Antal inbjudna instanser", "Invited respondents"),
    "chart.coverage.hover": ("av %{customdata[2]} inbjudna (svarsandel %{customdata[3]})",
                             "of %{customdata[2]} invited (reply rate %{customdata[3]})"),
    "contrast.small_n": ("litet underlag", "few answers"),
    # Pages: overview additions, proposal page
    "overview.summary": ("I korthet", "In brief"),
    "overview.click_hint": ("Klicka på en stapel för att se förslagets remissinstanser och kommentarer.",
                            "Click a bar to see the proposal's respondents and comments."),
    "proposal.title": ("Förslag", "Proposal"),
    "proposal.pick": ("Välj förslag", "Choose a proposal"),
    "proposal.none": ("Det finns inga förslag i urvalet.", "There are no proposals in the selection."),
    "proposal.meta": ("Tema: {topic}. Remiss: {consultation}.", "Topic: {topic}. Consultation: {consultation}."),
    "proposal.respondents": ("Remissinstansernas svar ({n})", "The respondents' answers ({n})"),
    "proposal.not_addressing": ("{n} av de instanser som svarat på remissen berörde inte förslaget.",
                                "{n} of the respondents who replied to the consultation did not address the proposal."),
    "proposal.no_answers": ("Ingen instans i urvalet har yttrat sig om förslaget.",
                            "No respondent in the selection commented on the proposal."),
    "col.label": ("Rad", "Row"),
    "col.agree_share": ("Andel tillstyrker", "Share agree"),
    "col.partly_share": ("Andel delvis", "Share partly"),
    "col.disagree_share": ("Andel avstyrker", "Share disagree"),
    "col.no_position_share": ("Andel ingen synpunkt", "Share no position"),
    "col.support_share": ("Andel helt eller delvis", "Share fully or partly"),
    "col.numerator": ("Tillstyrker (antal)", "Agree (count)"),
    "col.difference": ("Skillnad", "Difference"),
    "col.p_value": ("p", "p"),
    "col.p_holm": ("p (Holm)", "p (Holm)"),
    "col.small_n": ("Underlag", "Sample"),
    "col.n_proposals": ("Förslag", "Proposals"),
    # Pages: topics, contrast, respondents, comments
    "common.count_partly": ("Räkna delvis som tillstyrkan", "Count partly as agree"),
    "common.count_partly_help": ("Räkna även svar som tillstyrker delvis som tillstyrkan.",
                                 "Also count answers that partly agree as agreeing."),
    "common.agree_only": ("tillstyrker", "agree"),
    "common.agree_partly": ("tillstyrker helt eller delvis", "agree fully or partly"),
    "topics.title": ("Teman", "Topics"),
    "topics.share_note": ("Andelen som {what}, {of}; n = antal svar i rutan.",
                          "The share who {what}, {of}; n = answers in the cell."),
    "contrast.title": ("Region vs kommun", "Region vs municipality"),
    "contrast.by": ("Jämför per", "Compare by"),
    "contrast.by.proposal_id": ("Förslag", "Proposal"),
    "contrast.by.topic": ("Tema", "Topic"),
    "contrast.by.addressee": ("Adressat", "Addressee"),
    "contrast.need_two": ("Urvalet har inte två grupper att jämföra. Ta bort något filter i sidopanelen.",
                          "The selection has no two groups to compare. Remove a filter in the sidebar."),
    "contrast.addressed_to": ("Förslag till {x}", "Proposals to {x}"),
    "contrast.a": ("Jämför", "Compare"),
    "contrast.b": ("med", "with"),
    "contrast.denominator": ("Andel av", "Share of"),
    "contrast.denominator.addressed": ("alla som yttrat sig", "everyone who commented"),
    "contrast.denominator.positioned": ("dem som tagit ställning", "those who took a position"),
    "contrast.sort": ("Ordning", "Order"),
    "contrast.sort.key": ("I nummerordning", "In order"),
    "contrast.sort.difference": ("Efter skillnad", "By difference"),
    "contrast.method": (
        "Andel som tillstyrker. Strecken är 95 %-intervall (Wilson). p: Fishers exakta test; p (Holm): "
        "justerat för att många rader jämförs. Litet underlag: färre än 5 svar i någon av grupperna.",
        "Share agreeing. The whiskers are 95% intervals (Wilson). p: Fisher's exact test; p (Holm): adjusted "
        "for comparing many rows. Few answers: fewer than 5 answers in either group.",
    ),
    "contrast.method_addressee": (
        "Per typ av instans: andelen som tillstyrker förslag riktade till den ena respektive den andra adressaten. "
        "Varje instans svarar på flera förslag, så svaren är inte oberoende: läs p-värdena som vägledande.",
        "Per respondent type: the share agreeing with proposals addressed to one or the other addressee. "
        "Each respondent answers several proposals, so the answers are not independent: read the p-values "
        "as indicative.",
    ),
    "contrast.weighted": ("Visa befolkningsviktat", "Show population-weighted"),
    "contrast.weighted_help": (
        "Varje instans väger efter sin befolkning (finns för regioner och kommuner).",
        "Each respondent weighs by its population (known for regions and municipalities).",
    ),
    "col.g_agree": ("{g}: tillstyrker", "{g}: agree"),
    "col.g_total": ("{g}: n", "{g}: n"),
    "col.g_n": ("{g}: n", "{g}: n"),
    "col.g_share": ("{g}: andel", "{g}: share"),
    "col.g_low": ("{g}: 95 % KI från", "{g}: 95% CI from"),
    "col.g_high": ("{g}: 95 % KI till", "{g}: 95% CI to"),
    "col.g_coverage": ("{g}: andel av befolkningen som svarat", "{g}: share of population answering"),
    "respondents.title": ("Remissinstanser", "Respondents"),
    "respondents.pick": ("Välj remissinstans", "Choose a respondent"),
    "respondents.sort": ("Sortera rutnätet", "Sort the grid"),
    "respondents.sort.type": ("Efter typ", "By type"),
    "respondents.sort.agreement": ("Efter andel tillstyrkta förslag", "By share of proposals agreed"),
    "respondents.sorted.type": ("efter typ av instans", "by respondent type"),
    "respondents.sorted.agreement": ("efter hur många förslag instansen tillstyrker",
                                     "by how many proposals the respondent agrees with"),
    "comments.title": ("Kommentarer", "Comments"),
    "comments.search": ("Sök i kommentarerna", "Search the comments"),
    "comments.search_placeholder": ("t.ex. finansiering", "e.g. finansiering"),
    "comments.proposals": ("Förslag", "Proposals"),
    "comments.stances": ("Ställningstagande", "Stance"),
    "comments.type_hint": ("Typ av remissinstans och tema väljer du i sidopanelen.",
                           "Choose respondent type and topic in the sidebar."),
    "comments.none": ("Inga kommentarer matchar sökningen och filtren.", "No comments match the search and filters."),
    "comments.count": ("{n} kommentarer", "{n} comments"),
    "comments.limited": ("Visar de första {shown} av {n}. Sök eller filtrera för att se färre, eller öppna tabellen.",
                         "Showing the first {shown} of {n}. Search or filter to narrow them, or open the table."),
}


def _merge_tables() -> None:
    """Fold the per-area tables into :data:`STRINGS`; a key may live in one table only."""
    from i18n import (
        analysis_text,
        cli_text,
        coding_text,
        draft_text,
        identity_text,
        limits_text,
        loader_text,
        register_text,
        store_text,
    )

    for module in (analysis_text, limits_text, loader_text, identity_text, store_text,
                   register_text, coding_text, draft_text, cli_text):
        clash = STRINGS.keys() & module.STRINGS.keys()
        if clash:
            raise ValueError(f"i18n keys defined twice: {sorted(clash)}")
        STRINGS.update(module.STRINGS)


_merge_tables()

#: Respondent types: canonical Swedish value -> (sv label, en label).
TYPE_LABELS: dict[str, tuple[str, str]] = {
    "Region": ("Region", "Region"),
    "Kommun": ("Kommun", "Municipality"),
    "Statlig myndighet": ("Statlig myndighet", "Government agency"),
    "Lärosäte": ("Lärosäte", "University"),
    "Organisation": ("Organisation", "Organisation"),
    "Övrig": ("Övrig", "Other"),
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt) -> str:
    """Look up ``key`` in ``lang`` (sv or en) and format it with ``fmt``."""
    sv, en = STRINGS[key]
    text = en if lang == "en" else sv
    return text.format(**fmt) if fmt else text


def type_label(value: str, lang: str = DEFAULT_LANG) -> str:
    pair = TYPE_LABELS.get(str(value))
    if pair is None:
        return str(value)
    return pair[1] if lang == "en" else pair[0]


def stance_label(stance: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"stance.{stance}", lang)
