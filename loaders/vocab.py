"""Vocabularies: header synonyms, stance words, respondent types.

Everything here is data plus small pure functions, so it can be tested as
truth tables. Matching is trimmed and case-insensitive; header matching also
ignores spaces and punctuation.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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


#: Zero-width characters, the soft hyphen and bidirectional controls: invisible in any cell.
INVISIBLE = dict.fromkeys(
    [0x00AD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x061C]
    + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)))


def proposal_from_header(text: object) -> str | None:
    """The proposal id a wide-layout header names, or None.

    ``"5.2.1"`` -> ``"5.2.1"``; ``"Förslag 3"`` -> ``"3"``; ``"Tema"`` -> None.
    Invisible characters do not hide a proposal column (``"4.1\u200b"`` -> ``"4.1"``);
    :func:`check_proposal_id` says what else is odd about the id.
    """
    if text is None:
        return None
    m = _PROPOSAL_HEADER.match(str(text).translate(INVISIBLE))
    return m.group(1) if m else None


def clean_proposal_id(value: object) -> str:
    """A proposal id as text, kept exactly as written, minus a word prefix.

    ``" 4.10 "`` -> ``"4.10"`` (never ``"4.1"``); ``"Förslag 3"`` -> ``"3"``.
    Free-text ids that are not numbered are kept as they are (trimmed).
    :func:`check_proposal_id` is the full check, with what it corrected or refused.
    """
    s = str(value).strip()
    m = _PROPOSAL_HEADER.match(s)
    return m.group(1) if m else s


@dataclass(frozen=True)
class IdCheck:
    """What :func:`check_proposal_id` made of a cell.

    ``value`` is the id to use ("" when refused). ``notes`` name what was
    corrected: ``characters`` (non-breaking, zero-width or full-width
    characters), ``spaces`` ("4. 1"), ``leading_zero`` ("04.1"), ``decimal_comma`` ("4,10"),
    ``trailing_dot`` ("4.1."). ``refused`` is ``range`` ("4.1–4.3") or
    ``list`` ("4.1, 4.2", "5,2,1": several proposals, or unclear), else None.
    """

    value: str
    notes: tuple[str, ...] = ()
    refused: str | None = None


_PREFIX = re.compile(r"^(?:förslag|forslag|proposal|punkt|avsnitt)\s*(?:nr\.?|no\.?)?\s*(?=\d)", re.IGNORECASE)
_ID = r"\d+(?:\.\d+)*[a-z]?"
_PLAIN = re.compile(rf"^{_ID}$", re.IGNORECASE)
_RANGE = re.compile(rf"^({_ID}|\d+(?:,\d+)+)\s*(?:[-\u2010-\u2015\u2212]|\.\.|till|to)\s*({_ID}|\d+(?:,\d+)+)$",
                    re.IGNORECASE)
_LIST = re.compile(rf"^{_ID}(?:\s*(?:[,;/&+]|\boch\b|\band\b)\s*{_ID})+$", re.IGNORECASE)


def check_proposal_id(value: object) -> IdCheck:
    """Clean a proposal-id cell, say what was corrected, or refuse it.

    Corrected, because the meaning is unambiguous: invisible and odd characters
    (``"4.1\u00a0"``, ``"4.1\u200b"``, full-width digits), leading zeros
    (``"04.1"`` -> ``"4.1"``), one decimal comma (``"4,10"`` -> ``"4.10"``) and a
    trailing full stop (``"4.1."``). Refused, because a cell holds one proposal:
    ranges (``"4.1–4.3"``, ``"4.1-4.3"``) and lists (``"4.1, 4.2"``, ``"4 och 5"``,
    ``"5,2,1"``). Free-text ids without digits-and-dots shape ("Allmänt") are
    kept as written, as before.
    """
    raw = str(value)
    text = unicodedata.normalize("NFKC", raw.translate(INVISIBLE))
    text = " ".join(text.split())
    if not text:
        return IdCheck("")  # blank, or only invisible characters: a missing id, reported as such
    notes: list[str] = []
    if text != raw.strip(" \t\r\n"):
        notes.append("characters")
    rest = _PREFIX.sub("", text)
    if re.fullmatch(r"\d+(?:\s*\.\s*\d+)+[a-z]?", rest, re.IGNORECASE) and " " in rest:
        rest = rest.replace(" ", "")  # "4. 1" is 4.1
        notes.append("spaces")
    if _RANGE.match(rest):
        return IdCheck("", tuple(notes), "range")
    if rest.count(",") == 1 and re.fullmatch(r"\d+,\d+", rest):
        rest = rest.replace(",", ".")
        notes.append("decimal_comma")
    elif _LIST.match(rest) or re.fullmatch(r"\d+(?:,\d+)+", rest):
        return IdCheck("", tuple(notes), "list")
    if re.fullmatch(rf"{_ID}\.", rest, re.IGNORECASE):
        rest = rest[:-1]
        notes.append("trailing_dot")
    if not _PLAIN.match(rest):
        return IdCheck(text if notes == ["characters"] else clean_proposal_id(raw), tuple(notes))
    parts = rest.split(".")
    unpadded = [p.lstrip("0") or "0" if p[:1] == "0" else p for p in parts]
    if unpadded != parts:
        notes.append("leading_zero")
    return IdCheck(".".join(unpadded), tuple(notes))


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
    s = unicodedata.normalize("NFC", str(text).translate(INVISIBLE)).casefold().strip()
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
