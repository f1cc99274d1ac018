"""Store, upload and security messages: saving, names, sizes, storage faults, audit.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "store.unavailable": ("Förbindelsen med databasen bröts medan du sparade. Inget har ändrats. Försök igen om "
                          "en stund.",
                          "The connection to the database was lost while saving. Nothing was changed. Try again "
                          "in a moment."),
    # Refusals from the store, each with "nothing was changed"
    "store.name_taken": ("Namnet är upptaget: det finns redan en datamängd som heter {name}. Välj ett annat namn; "
                         "inget har sparats.",
                         "The name is taken: a dataset called {name} already exists. Choose another name; "
                         "nothing was saved."),
    "store.name_taken_deleted": ("Namnet är upptaget av en borttagen datamängd, {name}. En administratör kan "
                                 "återställa den, eller välj ett annat namn; inget har sparats.",
                                 "The name is taken by a deleted dataset, {name}. An administrator can restore "
                                 "it, or choose another name; nothing was saved."),
    "store.name_too_long": ("Namnet är {n} tecken långt; högst {limit} tecken går. Korta namnet; inget har sparats.",
                            "The name is {n} characters long; at most {limit} are allowed. Shorten it; "
                            "nothing was saved."),
    "store.dataset_deleted": ("Datamängden {name} är borttagen. En administratör kan återställa den på "
                              "Datamängder; inget har sparats.",
                              "The dataset {name} is deleted. An administrator can restore it on Datasets; "
                              "nothing was saved."),
    "store.dataset_missing": ("Datamängden {name} finns inte längre; inget har sparats.",
                              "The dataset {name} no longer exists; nothing was saved."),
    "store.version_conflict": ("Någon annan sparade version {n} av {name} medan du granskade. Jämförelsen ovan "
                               "visar nu ändringarna mot version {n}. Granska dem och tryck Spara igen om du vill "
                               "spara; inget har sparats ännu.",
                               "Someone else saved version {n} of {name} while you were reviewing. The comparison "
                               "above now shows the changes against version {n}. Review them and press Save again "
                               "to save; nothing has been saved yet."),
    "store.full": ("Kunde inte spara ändringen: lagringen är full. Inget har ändrats; be den som sköter "
                   "servern frigöra utrymme.",
                   "Could not save the change: the storage is full. Nothing was changed; ask whoever runs the "
                   "server to free some space."),
    "store.read_only": ("Kunde inte spara ändringen: databasen är skrivskyddad. Inget har ändrats; be den som "
                        "sköter servern om skrivrätt.",
                        "Could not save the change: the database is read-only. Nothing was changed; ask whoever "
                        "runs the server for write access."),
    "store.failed": ("Kunde inte spara på grund av ett fel i databasen. Inget har ändrats.",
                     "Could not save because of a database error. Nothing was changed."),
    # Upload page
    "store.size_cap": ("Största filstorlek: {mb} MB. En större fil avvisas av webbläsaren med ett engelskt "
                       "meddelande (\u201dFile must be \u2026 or smaller\u201d).",
                       "Largest file: {mb} MB. A larger file is refused by the browser with the message "
                       "\u201cFile must be \u2026 or smaller\u201d."),
    # URL parameters that name nothing known: never echoed
    "security.unknown_dataset": ("Datamängden i länken finns inte. Visar {shown} i stället.",
                                 "The dataset in the link does not exist. Showing {shown} instead."),
    "security.unknown_proposal": ("Förslaget i länken finns inte i urvalet. Visar {shown} i stället.",
                                  "The proposal in the link is not in the selection. Showing {shown} instead."),
    "security.unknown_respondent": ("Remissinstansen i länken finns inte i urvalet. Visar {shown} i stället.",
                                    "The respondent in the link is not in the selection. Showing {shown} "
                                    "instead."),
    # Audit trail on Datamängder
    "security.audit_caption": ("Varje ändring med vem (inloggad användare, annars \u201danonym\u201d), sessionens "
                               "kännetecken och klientens adress, så att en anonym ändring går att spåra.",
                               "Every change with who (the logged-in user, otherwise \u201canonym\u201d), the "
                               "session's tag and the client address, so an anonymous change can be traced."),
    "security.col_session": ("Session", "Session"),
    "security.col_client": ("Klientadress", "Client address"),
    "security.client_local": ("lokal", "local"),
}
