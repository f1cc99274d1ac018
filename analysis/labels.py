"""Words for stances and respondent types in running Swedish and English text."""
from __future__ import annotations

from collections.abc import Sequence

#: Stance codes as a verb whose subject is a respondent ("Region X tillstyrker").
STANCE_VERBS: dict[str, dict[str, str]] = {
    "sv": {
        "agree": "tillstyrker",
        "partly": "tillstyrker delvis",
        "disagree": "avstyrker",
        "no_position": "saknar ställningstagande",
    },
    "en": {
        "agree": "agree",
        "partly": "partly agree",
        "disagree": "disagree",
        "no_position": "take no position",
    },
}

#: Respondent types in the plural, as the subject of a sentence.
TYPE_PLURALS: dict[str, dict[str, str]] = {
    "sv": {
        "Region": "regioner",
        "Kommun": "kommuner",
        "Statlig myndighet": "statliga myndigheter",
        "Lärosäte": "lärosäten",
        "Organisation": "organisationer",
        "Övrig": "övriga",
    },
    "en": {
        "Region": "regions",
        "Kommun": "municipalities",
        "Statlig myndighet": "government agencies",
        "Lärosäte": "higher education institutions",
        "Organisation": "organisations",
        "Övrig": "others",
    },
}


def lang_of(lang: str) -> str:
    """``"en"`` for English, ``"sv"`` for anything else (the app's default)."""
    return "en" if lang == "en" else "sv"


def join_words(words: Sequence[str], lang: str = "sv", conj: str | None = None) -> str:
    """``["A", "B", "C"]`` -> ``"A, B och C"`` (sv) / ``"A, B and C"`` (en)."""
    words = [str(w) for w in words]
    if conj is None:
        conj = "and" if lang_of(lang) == "en" else "och"
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conj} {words[-1]}"


def type_plural(respondent_type: str, lang: str = "sv") -> str:
    """``"Kommun"`` -> ``"kommuner"`` / ``"municipalities"``; unknown types as given."""
    return TYPE_PLURALS[lang_of(lang)].get(str(respondent_type), str(respondent_type))
