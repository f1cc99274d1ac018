"""The coding assistant: reading reply documents and proposing stances.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "coding.page.provenance_failed": ("Versionen sparades, men uppgiften om vilka rader som föreslogs kunde inte "
                                      "sparas ({error}).",
                                      "The version was saved, but the record of which rows were suggested could not "
                                      "be saved ({error})."),
    # Reading documents
    "coding.doc.empty": ("{name}: filen är tom.", "{name}: the file is empty."),
    "coding.doc.unreadable": ("{name}: filen kunde inte öppnas ({error}).",
                              "{name}: the file could not be opened ({error})."),
    "coding.doc.damaged": ("{name}: filen är skadad och kunde inte läsas. Spara den på nytt som PDF eller DOCX.",
                           "{name}: the file is damaged and could not be read. Save it again as PDF or DOCX."),
    "coding.doc.encrypted": ("{name}: PDF-filen är lösenordsskyddad. Ta bort skyddet och ladda upp den igen.",
                             "{name}: the PDF is password-protected. Remove the protection and upload it again."),
    "coding.doc.encrypted_or_doc": (
        "{name}: filen är lösenordsskyddad eller i det gamla Word-formatet (.doc). Spara den som DOCX eller PDF "
        "utan lösenord.",
        "{name}: the file is password-protected or in the old Word format (.doc). Save it as DOCX or PDF "
        "without a password."),
    "coding.doc.unknown_format": ("{name}: okänt filformat. Läsbara format är PDF, DOCX och text.",
                                  "{name}: unknown file format. Readable formats are PDF, DOCX and text."),
    "coding.doc.no_text_layer": (
        "{name}: PDF-filen ({pages} sidor) saknar textlager, den är troligen inskannad. Be om en textbaserad "
        "PDF eller koda svaret för hand.",
        "{name}: the PDF ({pages} pages) has no text layer; it is probably scanned. Ask for a text-based PDF "
        "or code the reply by hand."),
    "coding.doc.no_text": ("{name}: dokumentet innehåller ingen text.", "{name}: the document contains no text."),
    # Limits of the capped child process and of the container (coding.batch.read_capped, documents.read)
    "coding.doc.limit_memory": (
        "{name}: dokumentet lästes inte: det behövde mer än {mb} MB minne, som är gränsen för att läsa ett "
        "dokument. Spara det på nytt som PDF eller DOCX, eller dela upp det. De andra dokumenten läses ändå.",
        "{name}: the document was not read: it needed more than {mb} MB of memory, the limit for reading one "
        "document. Save it again as PDF or DOCX, or split it. The other documents are still read."),
    "coding.doc.limit_time": (
        "{name}: dokumentet lästes inte: läsningen tog mer än {seconds} s, som är gränsen för att läsa ett "
        "dokument. De andra dokumenten läses ändå.",
        "{name}: the document was not read: reading took more than {seconds} s, the limit for reading one "
        "document. The other documents are still read."),
    "coding.doc.zip_ratio": (
        "{name}: delen {entry} packas upp till {ratio} gånger sin storlek; gränsen är {limit} gånger. Så ser en "
        "skadlig fil (zip-bomb) ut, inte ett Word-dokument. Dokumentet läses inte.",
        "{name}: the part {entry} unpacks to {ratio} times its size; the limit is {limit} times. That is how a "
        "harmful file (zip bomb) looks, not a Word document. The document is not read."),
    "coding.doc.zip_size": (
        "{name}: dokumentet packas upp till {mb} MB; gränsen är {limit} MB. Dokumentet läses inte.",
        "{name}: the document unpacks to {mb} MB; the limit is {limit} MB. The document is not read."),
    "coding.doc.zip_entries": (
        "{name}: dokumentet innehåller {n} delar; gränsen är {limit}. Dokumentet läses inte.",
        "{name}: the document holds {n} parts; the limit is {limit}. The document is not read."),
    "coding.proposals.none": (
        "{name}: ingen förslagslista hittades. Använd ett kodat underlag med bladet Förslag, ett blad med "
        "kolumnerna Förslag och Rubrik, eller JSON.",
        "{name}: no proposal list was found. Use a coded sheet with a Förslag sheet, a sheet with the columns "
        "Förslag and Rubrik, or JSON."),
    # The page
    "coding.nav": ("Kodningsstöd", "Coding assistant"),
    "coding.page.title": ("Kodningsstöd", "Coding assistant"),
    "coding.page.intro": (
        "Släpp remissvaren här (PDF, DOCX eller text). Remisskollen läser dem och föreslår ett ställningstagande "
        "per förslag, med meningen det bygger på. Inget sparas förrän du har granskat och godkänt förslagen.",
        "Drop the consultation replies here (PDF, DOCX or text). Remisskollen reads them and suggests a stance "
        "per proposal, with the sentence it rests on. Nothing is saved until you have reviewed and accepted them."),
    "coding.page.list_source": ("Förslagslista", "Proposal list"),
    "coding.page.list_active": ("Den aktiva datamängdens förslag ({name})", "The active dataset's proposals ({name})"),
    "coding.page.list_upload": ("Ladda upp ett Förslag-blad", "Upload a Förslag sheet"),
    "coding.page.list_pick": ("Förslag-blad (kolumnerna Remiss, Förslag, Rubrik) eller JSON",
                              "Förslag sheet (columns Remiss, Förslag, Rubrik) or JSON"),
    "coding.page.need_list": ("Välj en förslagslista för att kunna läsa svaren.",
                              "Choose a proposal list to read the replies against."),
    "coding.page.lists": ("{n} förslag i {k} remiss(er).", "{n} proposals in {k} consultation(s)."),
    "coding.page.pick": ("Remissvar", "Replies"),
    "coding.page.read": ("Läs svaren", "Read the replies"),
    "coding.page.reading": ("Läser {i} av {n}: {name}", "Reading {i} of {n}: {name}"),
    "coding.status.reading": ("Läser {n} dokument", "Reading {n} documents"),
    "coding.status.suggesting": ("Föreslår kodning för {n} dokument", "Suggesting the coding of {n} documents"),
    "coding.status.comparing": ("Jämför med den aktiva versionen", "Comparing with the active version"),
    "coding.status.compared": (
        "Av {n} föreslagna rader finns {same} redan med samma ställningstagande i den aktiva versionen, {other} "
        "med ett annat och {new} inte alls.",
        "Of {n} suggested rows, {same} are already in the active version with the same stance, {other} with "
        "another and {new} not at all."),
    "coding.status.done": ("Klart: {rows} föreslagna rader från {docs} dokument, {failed} kunde inte läsas",
                           "Done: {rows} suggested rows from {docs} documents, {failed} could not be read"),
    "coding.page.read_done": ("{n} svar lästa.", "{n} replies read."),
    "coding.page.nothing": ("Svaren berör inga av förslagen i listan; det finns inget att koda.",
                            "The replies address none of the proposals in the list; there is nothing to code."),
    "coding.page.only_review": ("Visa bara rader att granska ({n})", "Show only rows that need review ({n})"),
    "coding.page.save_title": ("Spara som ny version", "Save as a new version"),
    "coding.page.save": ("Godkänn och spara", "Accept and save"),
    "coding.col.review": ("Granska", "Review"),
    "coding.col.review_help": ("Låg säkerhet: läs belägget innan du godkänner raden.",
                               "Low confidence: read the evidence before accepting the row."),
    "coding.col.respondent": ("Remissinstans", "Respondent"),
    "coding.col.type": ("Typ", "Type"),
    "coding.col.proposal": ("Förslag", "Proposal"),
    "coding.col.suggested": ("Föreslaget", "Suggested"),
    "coding.col.stance": ("Ställningstagande", "Stance"),
    "coding.col.confidence": ("Säkerhet", "Confidence"),
    "coding.col.evidence": ("Belägg", "Evidence"),
    "coding.col.document": ("Dokument", "Document"),
    "coding.col.page": ("Sida", "Page"),
    "coding.stance.agree": ("Tillstyrker", "Agree"),
    "coding.stance.partly": ("Tillstyrker delvis", "Partly agree"),
    "coding.stance.disagree": ("Avstyrker", "Disagree"),
    "coding.stance.no_position": ("Ingen synpunkt", "No position"),
    "coding.stance.none": ("Ej berört (ta bort)", "Not addressed (remove)"),
    "coding.agree.session": ("Hur ofta du har behållit förslagen", "How often you kept the suggestions"),
    "coding.agree.stored": ("Uppmätt överensstämmelse för den aktiva versionen",
                            "Measured agreement for the active version"),
    "coding.agree.kept": ("{k} av {n} behållna", "{k} of {n} kept"),
    "coding.agree.kappa": ("Cohens kappa", "Cohen's kappa"),
    # The extract's "Om urvalet" sheet (exports.workbook)
    "coding.about.section": ("Kodningsstöd: hur ofta förslagen behölls",
                             "Coding assistant: how often the suggestions were kept"),
    "coding.about.kept": ("{k} av {n} förslag behållna", "{k} of {n} suggestions kept"),
    "coding.about.f1": ("F1, totalt", "F1, overall"),
    "coding.about.cells": ("Antal celler (instans × förslag)", "Number of cells (respondent × proposal)"),
    "coding.about.how": ("Så räknas det", "How it is computed"),
    "coding.agree.caption": (
        "{kept} av {suggested} föreslagna rader behölls oförändrade; F1 och kappa räknas över {n} celler "
        "(instans × förslag) där antingen förslaget eller den sparade kodningen finns.",
        "{kept} of {suggested} suggested rows were kept unchanged; F1 and kappa are computed over {n} cells "
        "(respondent × proposal) where either the suggestion or the saved coding exists."),
}
