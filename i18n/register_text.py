"""The register of consultation bodies: inferred types, old names, merges, the tile map.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # How a missing type was inferred (loaders.bodynames)
    "register.inferred.register": (
        "Typ saknas för \"{name}\"; tolkas som {type} enligt registret ({canonical}).",
        "Type is missing for \"{name}\"; read as {type_en} from the register ({canonical}).",
    ),
    "register.inferred.former-name": (
        "Typ saknas för \"{name}\"; tolkas som {type} enligt registret, där namnet är ett äldre namn "
        "för {canonical}.",
        "Type is missing for \"{name}\"; read as {type_en} from the register, where the name is a former "
        "name of {canonical}.",
    ),
    "register.inferred.department": (
        "Typ saknas för \"{name}\"; tolkas som {type} eftersom namnet är en del av {canonical} i registret.",
        "Type is missing for \"{name}\"; read as {type_en} because the name is part of {canonical} "
        "in the register.",
    ),
    "register.inferred.rule": (
        "Typ saknas för \"{name}\"; tolkas som {type} utifrån namnet (regeln \"{rule}\").",
        "Type is missing for \"{name}\"; read as {type_en} from the name (the rule \"{rule}\").",
    ),
    "register.contradiction": (
        "\"{name}\" har typen {given} i arket, men registret anger {type} ({canonical}). Arkets typ används.",
        "\"{name}\" has the type {given_en} in the sheet, but the register says {type_en} ({canonical}). "
        "The sheet's type is used.",
    ),
    "register.renamed.former-name": (
        "\"{name}\" är ett äldre namn för {canonical} och räknas som {canonical}. Namnet i arket sparas "
        "i kolumnen Källa.",
        "\"{name}\" is a former name of {canonical} and is counted as {canonical}. The name in the sheet "
        "is kept in the Source column.",
    ),
    "register.renamed.department": (
        "\"{name}\" är en del av {canonical} och räknas som {canonical}. Namnet i arket sparas i kolumnen Källa.",
        "\"{name}\" is part of {canonical} and is counted as {canonical}. The name in the sheet is kept "
        "in the Source column.",
    ),
    # Stored in the Källa column, always in Swedish (stored data is Swedish).
    "register.provenance": ("namn i arket: {name}", "name in the sheet: {name}"),
    # Merge files (CLI --merges)
    "register.mergefile.unreadable": ("Sammanslagningsfilen {file} kan inte öppnas ({error}).",
                                      "The merge file {file} cannot be opened ({error})."),
    "register.mergefile.encoding": ("Sammanslagningsfilen {file} är inte UTF-8. Spara den som CSV UTF-8.",
                                    "The merge file {file} is not UTF-8. Save it as CSV UTF-8."),
    "register.mergefile.row": (
        "Sammanslagningsfilen {file}, rad {row}: två kolumner behövs, namnet i arket och namnet det räknas som.",
        "The merge file {file}, row {row}: two columns are needed, the name in the sheet and the name it "
        "counts as.",
    ),
    "register.mergefile.applied": ("{n} namn slogs ihop enligt {file}.", "{n} names merged as {file} says."),
    # Merges on the upload page
    "register.merge.title": ("Samma instans?", "The same body?"),
    "register.merge.intro": (
        "Namnen nedan liknar varandra. Bekräfta de par som är samma instans, så räknas de som en; avvisa de "
        "som är olika. Besluten sparas med datamängden och gäller även senare uppladdningar.",
        "The names below look alike. Confirm the pairs that are the same body, so they count as one; reject "
        "those that differ. The decisions are stored with the dataset and apply to later uploads too.",
    ),
    "register.merge.pair": ("\"{name}\" ({n_name} svar) = \"{into}\" ({n_into} svar)?",
                            "\"{name}\" ({n_name} answers) = \"{into}\" ({n_into} answers)?"),
    "register.merge.reason.same-key": ("samma namn utom skiftläge, mellanslag eller skiljetecken",
                                       "the same name but for case, spaces or punctuation"),
    "register.merge.reason.register": ("samma instans enligt registret", "the same body in the register"),
    "register.merge.reason.similar": ("nästan samma stavning ({score} av 100)",
                                      "almost the same spelling ({score} of 100)"),
    "register.merge.choice": ("Beslut", "Decision"),
    "register.merge.undecided": ("Inte bestämt", "Not decided"),
    "register.merge.confirm": ("Samma instans: räkna som \"{into}\"", "Same body: count as \"{into}\""),
    "register.merge.reject": ("Olika instanser", "Different bodies"),
    "register.merge.applied": (
        "{n} sparade sammanslagningar för datamängden används: {pairs}.",
        "{n} stored merges for the dataset are applied: {pairs}.",
    ),
    "register.merge.pending": ("{n} par väntar på beslut. Obestämda par räknas som olika instanser.",
                               "{n} pairs await a decision. Undecided pairs count as different bodies."),
    "register.merge.not_saved": ("Versionen sparades, men besluten om sammanslagning kunde inte sparas ({error}). "
                                 "Bekräfta dem igen vid nästa uppladdning.",
                                 "The version was saved, but the merge decisions could not be saved ({error}). "
                                 "Confirm them again at the next upload."),
    "register.merge.saved": ("{n} beslut om sammanslagning sparades.", "{n} merge decisions were saved."),
    # The extract's Om urvalet sheet
    "register.about.merges": ("Sammanslagna namn", "Merged names"),
    "register.about.merge_line": ("\"{name}\" räknas som \"{into}\" (bekräftat av {user} {at}, beslut {seq})",
                                  "\"{name}\" counts as \"{into}\" (confirmed by {user} {at}, decision {seq})"),
    "register.about.merge_line_file": ("\"{name}\" räknas som \"{into}\" (sammanslagningsfilen {user}, rad {seq})",
                                       "\"{name}\" counts as \"{into}\" (the merge file {user}, row {seq})"),
    "register.about.register": ("Instansregister", "Register of bodies"),
    "register.about.register_text": (
        "Typ, län och äldre namn som saknas i arket kommer från registret version {version} ({sources}).",
        "Types, counties and former names missing from the sheet come from the register version {version} "
        "({sources}).",
    ),
    # The tile-grid map of the regions
    "register.map.title": ("Störst stöd i {high} ({high_share}), minst i {low} ({low_share})",
                           "Most support in {high} ({high_share}), least in {low} ({low_share})"),
    "register.map.title_none": ("Ingen region har svarat i urvalet", "No region has replied in the selection"),
    "register.map.description": (
        "Karta med en ruta per region, ungefär där regionen ligger. Färgen visar andelen av regionens kodade "
        "svar som tillstyrker. {n} regioner har svarat: {list}.",
        "Map with one square per region, roughly where the region lies. The colour shows the share of the "
        "region's coded answers that agree. {n} regions have replied: {list}.",
    ),
    "register.map.description_missing": ("Inget svar i urvalet från: {list}.",
                                         "No reply in the selection from: {list}."),
    "register.map.no_reply": ("inget svar", "no reply"),
    "register.map.hover": ("%{customdata[1]} av %{customdata[2]} kodade svar tillstyrker",
                           "%{customdata[1]} of %{customdata[2]} coded answers agree"),
    "register.map.col_region": ("Region", "Region"),
    "register.map.col_county": ("Län", "County"),
    "register.map.caption": (
        "Bara svar från instanser av typen Region som registret känner igen räknas. Grå ruta: inget svar.",
        "Only replies from respondents typed Region that the register recognises count. Grey square: no reply.",
    ),
    # The Datamängder page's audit log
    "register.audit.merge": ("sammanslagning {seq}: \"{name}\" räknas som \"{into}\"",
                             "merge {seq}: \"{name}\" counts as \"{into}\""),
    "register.audit.reject": ("avvisat par {seq}: \"{name}\" och \"{into}\" är olika",
                              "rejected pair {seq}: \"{name}\" and \"{into}\" differ"),
}
