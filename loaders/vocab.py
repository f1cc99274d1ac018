"""Vocabularies: header synonyms, stance words, respondent types.

Everything here is data plus small pure functions, so it can be tested as
truth tables. Matching is trimmed and case-insensitive; header matching also
ignores spaces and punctuation.
"""
from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------
# Headers

#: Canonical field -> accepted headers (Swedish and English).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "consultation": ("Remiss", "Ärende", "Consultation", "Remissens namn"),
    "respondent": ("Remissinstans", "Instans", "Organisation", "Respondent",
                   "Remissinstanser", "Avsändare", "Organization"),
    "respondent_type": ("Typ", "Instanstyp", "Typ av instans", "Kategori",
                        "Respondent type", "Type", "Category"),
    "proposal_id": ("Förslag", "Förslag nr", "Förslagsnummer", "Punkt", "Avsnitt",
                    "Proposal", "Proposal id", "Proposal no"),
    "proposal_title": ("Rubrik", "Förslagets rubrik", "Title", "Proposal title"),
    "topic": ("Tema", "Område", "Topic", "Theme"),
    "stance": ("Ställningstagande", "Ståndpunkt", "Inställning", "Stance", "Position"),
    "comment": ("Kommentar", "Motivering", "Citat", "Synpunkt", "Comment", "Synpunkter"),
    "addressee": ("Adressat", "Riktas till", "Addressee", "Aimed at"),
    "source": ("Källa", "Source"),
    "county": ("Län", "County"),
    "population": ("Folkmängd", "Befolkning", "Invånare", "Antal invånare", "Population"),
}


def norm_header(text: object) -> str:
    """Fold a header for matching: lower case, no spaces or punctuation.

    Letters (including å, ä, ö) and digits are kept; everything else goes.
    ``"Förslag nr."`` -> ``"förslagnr"``; ``"Respondent_Type"`` -> ``"respondenttype"``.
    """
    s = unicodedata.normalize("NFC", str(text or "")).casefold()
    return "".join(ch for ch in s if ch.isalnum())


_HEADER_INDEX: dict[str, str] = {
    norm_header(h): field for field, hs in HEADER_SYNONYMS.items() for h in hs
}


def match_header(text: object) -> str | None:
    """The canonical field a header names, or None."""
    key = norm_header(text)
    return _HEADER_INDEX.get(key) if key else None


# A header that is itself a proposal id marks a wide-layout proposal column:
# "5.2.1", "3", "4.10a", "Förslag 3", "Proposal 2.1", "Punkt 7".
_PROPOSAL_HEADER = re.compile(
    r"^\s*(?:(?:förslag|forslag|proposal|punkt|avsnitt)\s*(?:nr\.?|no\.?)?\s*)?"
    r"(\d+(?:\.\d+)*[a-z]?)\s*$",
    re.IGNORECASE,
)


def proposal_from_header(text: object) -> str | None:
    """The proposal id a wide-layout header names, or None.

    ``"5.2.1"`` -> ``"5.2.1"``; ``"Förslag 3"`` -> ``"3"``; ``"Tema"`` -> None.
    """
    if text is None:
        return None
    m = _PROPOSAL_HEADER.match(str(text))
    return m.group(1) if m else None


def clean_proposal_id(value: object) -> str:
    """A proposal id as text, kept exactly as written, minus a word prefix.

    ``" 4.10 "`` -> ``"4.10"`` (never ``"4.1"``); ``"Förslag 3"`` -> ``"3"``.
    Free-text ids that are not numbered are kept as they are (trimmed).
    """
    s = str(value).strip()
    m = _PROPOSAL_HEADER.match(s)
    return m.group(1) if m else s


# --------------------------------------------------------------------------
# Stances

STANCE_WORDS: dict[str, tuple[str, ...]] = {
    "agree": ("Tillstyrker", "Tillstyrks", "Instämmer", "Ingen erinran",
              "Inga invändningar", "Ja", "Agree", "Yes", "Support", "Bifall",
              "Positiv", "Tillstyrkt"),
    "partly": ("Tillstyrker delvis", "Delvis", "Tillstyrker med reservation",
               "Delvis tillstyrker", "Tillstyrks delvis", "Partly agree", "Partly",
               "Partially agree", "Agree with reservations"),
    "disagree": ("Avstyrker", "Avstyrks", "Nej", "Disagree", "No", "Oppose",
                 "Negativ", "Avstyrkt"),
    "no_position": ("Ingen synpunkt", "Inga synpunkter", "Inget ställningstagande",
                    "Avstår", "Avstår från att yttra sig", "No position",
                    "No opinion", "No comment"),
}


def _fold_words(text: object) -> str:
    s = unicodedata.normalize("NFC", str(text)).casefold().strip()
    s = re.sub(r"[\s\u00a0]+", " ", s)
    return s.strip(" .!")


_STANCE_INDEX: dict[str, str] = {
    _fold_words(w): stance for stance, ws in STANCE_WORDS.items() for w in ws
}


def parse_stance(value: object) -> str | None:
    """The canonical stance for a cell, or None when it is not recognised.

    Blank cells are the caller's business (see :func:`is_blank`).
    """
    if value is None:
        return None
    return _STANCE_INDEX.get(_fold_words(value))


def allowed_stance_words(lang: str = "sv") -> str:
    words = [ws[0] for ws in STANCE_WORDS.values()]
    if lang == "en":
        words = ["Agree", "Partly agree", "Disagree", "No position"]
    return ", ".join(words)


# --------------------------------------------------------------------------
# Respondent types

#: Canonical Swedish type -> English label.
TYPE_LABELS_EN: dict[str, str] = {
    "Region": "Region",
    "Kommun": "Municipality",
    "Statlig myndighet": "Government agency",
    "Lärosäte": "University",
    "Organisation": "Organisation",
    "Övrig": "Other",
}

_TYPE_VARIANTS: dict[str, tuple[str, ...]] = {
    "Region": ("Region", "Regioner", "Landsting", "Regions"),
    "Kommun": ("Kommun", "Kommuner", "Municipality", "Municipalities", "Stad"),
    "Statlig myndighet": ("Statlig myndighet", "Statliga myndigheter", "Myndighet",
                          "Myndigheter", "Agency", "Government agency",
                          "Government agencies"),
    "Lärosäte": ("Lärosäte", "Lärosäten", "Universitet", "Högskola", "Högskolor",
                 "University", "Universities"),
    "Organisation": ("Organisation", "Organisationer", "Fackförbund", "Förening",
                     "Intresseorganisation", "Organization", "Organisations",
                     "Organizations"),
    "Övrig": ("Övrig", "Övriga", "Annan", "Other", "Others"),
}

_TYPE_INDEX: dict[str, str] = {
    _fold_words(v): canon for canon, vs in _TYPE_VARIANTS.items() for v in vs
}


def parse_type(value: object) -> str | None:
    """The canonical respondent type for a cell, or None when unknown."""
    if value is None:
        return None
    return _TYPE_INDEX.get(_fold_words(value))


def infer_type(name: object) -> str | None:
    """Guess a respondent's type from its name, or None.

    "Region X" or "...regionen" is Region; "X kommun" or "X stad" is Kommun;
    names containing "universitet", "högskola" or "institutet" are Lärosäte.
    """
    s = _fold_words(name or "")
    if not s:
        return None
    words = s.split()
    if words[0] == "region" or words[-1].endswith("regionen"):
        return "Region"
    if words[-1] in ("kommun", "stad") or s.endswith("kommun"):
        return "Kommun"
    if any(k in s for k in ("universitet", "högskola", "högskolan", "institutet")):
        return "Lärosäte"
    return None


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return isinstance(value, str) and not value.strip()
