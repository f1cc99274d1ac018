"""The coding assistant: reading reply documents and proposing stances.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
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
    "coding.proposals.none": (
        "{name}: ingen förslagslista hittades. Använd ett kodat underlag med bladet Förslag, ett blad med "
        "kolumnerna Förslag och Rubrik, eller JSON.",
        "{name}: no proposal list was found. Use a coded sheet with a Förslag sheet, a sheet with the columns "
        "Förslag and Rubrik, or JSON."),
    # Command line
    "coding.cli.need_out": ("--format xlsx kräver --out FIL.xlsx", "--format xlsx needs --out FILE.xlsx"),
    "coding.cli.no_consultation": ("--consultation: {name!r} finns inte i förslagslistan; där finns: {known}",
                                   "--consultation: {name!r} is not in the proposal list; it has: {known}"),
    "coding.cli.written": ("{n} föreslagna rader från {docs} dokument skrivna till {out}",
                           "{n} suggested rows from {docs} documents written to {out}"),
}
