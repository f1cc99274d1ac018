"""Words for stances and respondent types in running Swedish and English text.

The words themselves are in the translation table (``analysis.*`` keys of
:mod:`i18n.analysis_text`); these helpers put them together.
"""
from __future__ import annotations

from collections.abc import Sequence

from i18n.strings import STRINGS, t

#: Respondent type -> its key in ``analysis.plural.*``.
_PLURAL_KEYS = {
    "Region": "region",
    "Kommun": "kommun",
    "Statlig myndighet": "agency",
    "Lärosäte": "university",
    "Organisation": "organisation",
    "Övrig": "other",
}


def lang_of(lang: str) -> str:
    """``"en"`` for English, ``"sv"`` for anything else (the app's default)."""
    return "en" if lang == "en" else "sv"


def join_words(words: Sequence[str], lang: str = "sv", conj: str | None = None) -> str:
    """``["A", "B", "C"]`` -> ``"A, B och C"`` (sv) / ``"A, B and C"`` (en)."""
    words = [str(w) for w in words]
    if conj is None:
        conj = t("analysis.and", lang_of(lang))
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conj} {words[-1]}"


def type_plural(respondent_type: str, lang: str = "sv") -> str:
    """``"Kommun"`` -> ``"kommuner"`` / ``"municipalities"``; unknown types as given."""
    key = _PLURAL_KEYS.get(str(respondent_type))
    return t(f"analysis.plural.{key}", lang_of(lang)) if key else str(respondent_type)


def stance_verb(stance: str, lang: str = "sv") -> str:
    """A stance code as a verb whose subject is a respondent ("Region X tillstyrker"); unknown codes as given."""
    key = f"analysis.verb.{stance}"
    return t(key, lang_of(lang)) if key in STRINGS else str(stance)


def agree_verb(count_partly: bool, lang: str = "sv") -> str:
    """The agree verb: ``common.agree_partly`` when partly counts as agreeing, else ``common.agree_only``."""
    return t("common.agree_partly" if count_partly else "common.agree_only", lang_of(lang))


def by_count(n: int, word: str, lang: str = "sv") -> str:
    """``analysis.<word>_one`` when ``n`` is 1, else ``analysis.<word>_many`` (e.g. "proposal"/"proposals")."""
    return t(f"analysis.{word}_{'one' if n == 1 else 'many'}", lang_of(lang))
