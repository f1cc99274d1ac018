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
}
