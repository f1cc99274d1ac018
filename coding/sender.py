"""Who sent a reply, its diarienummer and date, read from the letterhead, first lines and signature.

The name found is mapped through the register of consultation bodies
(``loaders.register.match_body``), imported lazily: without the register the raw
name is kept, with the type guessed from the name or "Övrig".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.vocab import infer_type

OTHER = "Övrig"

# Municipalities that call themselves "stad" rather than "kommun".
_STAD = {"Stockholm": "Stockholms stad", "Göteborg": "Göteborgs stad", "Malmö": "Malmö stad",
         "Solna": "Solna stad", "Sundbyberg": "Sundbybergs stad", "Lidingö": "Lidingö stad",
         "Vaxholm": "Vaxholms stad", "Borås": "Borås stad", "Helsingborg": "Helsingborgs stad",
         "Mölndal": "Mölndals stad", "Trollhättan": "Trollhättans stad", "Västerås": "Västerås stad",
         "Haparanda": "Haparanda stad", "Landskrona": "Landskrona stad"}

# Name words are joined by spaces, never across lines ("Yttrande\nLudvika kommun" is Ludvika kommun).
_ORG = re.compile(
    r"(?P<name>"
    r"Region[^\S\n]+[A-ZÅÄÖ][\wåäö-]+(?:[^\S\n]+län)?"
    r"|[A-ZÅÄÖ][\wåäö-]+(?:[^\S\n]+[A-ZÅÄÖ][\wåäö-]+)?[^\S\n]+(?:kommun|stad)"
    r"|(?:[A-ZÅÄÖ][\wåäö-]+[^\S\n]+)?(?:universitet|Universitet)"
    r"|[A-ZÅÄÖ][\wåäö-]+[^\S\n]+högskola"
    r"|Högskolan[^\S\n]+(?:i[^\S\n]+|Väst|Dalarna|Kristianstad|Borås|Gävle)[\wåäö]*|Karolinska[^\S\n]+institutet"
    r"|Sveriges[^\S\n]+[A-ZÅÄÖ][\wåäö]+[^\S\n]+och[^\S\n]+[A-ZÅÄÖ][\wåäö]+"
    r"|[A-ZÅÄÖ][\wåäö]+(?:myndigheten|verket|styrelsen|inspektionen|rådet|förbundet|förening(?:en)?|nämnden)"
    r"(?:[^\S\n]+för[^\S\n]+[\wåäö ]{3,40}?(?=[,.\n]|$))?"
    r")")
_DNR = re.compile(r"\b(?:Dnr|Diarienummer|Diarienr|Vårt\s+dnr|Vår\s+beteckning|Vår\s+referens)\.?:?\s*"
                  r"(?P<dnr>[A-ZÅÄÖ]{0,6}\s?[\w.-]*\d[\w./:-]*\d)")
_THEIR = re.compile(r"\b(?:Ert\s+dnr|Er\s+beteckning|Er\s+referens|Ert\s+diarienummer)", re.IGNORECASE)
_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"]
_DATE = re.compile(r"\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b|\b(?P<d>\d{1,2})\s+(?P<m>" + "|".join(_MONTHS)
                   + r")\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
_MUNICIPAL_UNIT = re.compile(r"\b(?:[A-ZÅÄÖ][\wåäö]*förvaltningen|Kommunstyrelsen|Stadsledningskontoret|"
                             r"[A-ZÅÄÖ][\wåäö]*nämnden|Kommunledningskontoret|Stadsdelsförvaltning)\b")
_POSTAL_TOWN = re.compile(r"^\s*\d{3}\s?\d{2}\s+(?P<town>[A-ZÅÄÖ][a-zåäö]+)\s*$", re.MULTILINE)
_MAIL_TOWN = re.compile(r"@(?P<town>[a-zåäö]+)\.se\b")


@dataclass(frozen=True)
class Sender:
    """The respondent as the register knows it (or as written), with how it was found."""

    name: str
    type: str
    raw: str
    via: str  # register | name | unit+town | none
    county: str | None = None
    diarienummer: str | None = None
    date: str | None = None


def match_body(name: str):
    """The register's match for ``name``, or None when the register is absent or does not know it."""
    try:
        from loaders.register import match_body as register_match
    except ImportError:
        return None
    try:
        return register_match(name)
    except Exception:  # noqa: BLE001 - a register failure must not stop the reading
        return None


def _candidates(text: str) -> list[tuple[str, str]]:
    """(name, where) candidates: first lines, then the signature, then anywhere."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head, tail = "\n".join(lines[:15]), "\n".join(lines[-12:])
    out = []
    for where, chunk in (("head", head), ("tail", tail), ("body", text)):
        m = re.search(r"\bfrån\s+(" + _ORG.pattern + r")", chunk)
        if m:
            out.append((m.group("name"), where))
        out += [(m.group("name"), where) for m in _ORG.finditer(chunk)]
    return out


def _unit_town(text: str) -> str | None:
    """A municipal unit ("Socialförvaltningen") plus a town in the address: that town's municipality."""
    if not _MUNICIPAL_UNIT.search(text):
        return None
    m = _POSTAL_TOWN.search(text) or _MAIL_TOWN.search(text)
    if not m:
        return None
    town = m.group("town").capitalize()
    if town in _STAD:
        return _STAD[town]
    return f"{town}{'' if town.endswith('s') else 's'} kommun" if town[-1] not in "aeiouyåäö" else f"{town} kommun"


def _clean(name: str) -> str:
    return " ".join(name.split())


def find_sender(text: str) -> Sender:
    """The sender of a reply from its text (the cleaned document, first page first)."""
    found = [(_clean(n), w) for n, w in _candidates(text)]
    unit = _unit_town(text)
    raw, via = None, "none"
    for name, where in found:
        if _MUNICIPAL_UNIT.fullmatch(name):  # "Kommunstyrelsen" alone names no municipality (the register's
            continue                          # agency-suffix rule would call it a state agency)
        if where in ("head", "tail") and not name.lower().startswith(("region och", "sveriges kommuner")):
            raw, via = name, "name"
            break
    if raw is None and unit:
        raw, via = unit, "unit+town"
    if raw is None and found:
        raw, via = found[0][0], "name"
    if raw is None:
        raw = _first_line(text)
        via = "first line" if raw else "none"
    dnr = _diarienummer(text)
    date = _date(text)
    head = _letterhead(text)
    if head is not None:  # a letterhead line the register knows beats a name cut out of it
        line, body = head
        return Sender(body.canonical, body.type, line, "register", getattr(body, "county", None), dnr, date)
    if not raw:
        return Sender("", OTHER, "", "none", None, dnr, date)
    body = match_body(raw)
    if body is not None:
        return Sender(body.canonical, body.type, raw, "register", getattr(body, "county", None), dnr, date)
    return Sender(raw, infer_type(raw) or OTHER, raw, via, None, dnr, date)


_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
#: How many of the first non-empty lines count as the letterhead.
LETTERHEAD_LINES = 5


def _letterhead(text: str):
    """(line, register match) for the first letterhead line the register maps, or None.

    The whole line goes to the register, so its department and former-name rules apply
    ("Socialförvaltningen, Stockholms stad" is Stockholms stad, "Stockholms läns landsting" is
    Region Stockholm) and a name is not cut short ("Länsstyrelsen i Sjölän", not "Länsstyrelsen").
    A match by a name rule alone counts only when the line holds an organisation name that is not a
    bare municipal unit ("Kommunstyrelsen" says nothing about which municipality). A trailing
    parenthesis is dropped first.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:LETTERHEAD_LINES]
    for raw_line in lines:
        line = _PAREN_TAIL.sub("", raw_line).strip(" ,;")
        if (not line or not line[0].isupper() or len(line.split()) > 8 or _NOT_A_NAME.match(line)
                or line.endswith((".", ":", "?"))):
            continue
        body = match_body(line)
        if body is None:
            continue
        if getattr(body, "via", "") != "rule":
            return line, body
        org = _ORG.search(line)
        if org and not _MUNICIPAL_UNIT.fullmatch(org.group("name")) and not _has_department(line):
            return line, body
    return None


def _has_department(line: str) -> bool:
    """A department word in the line ("Miljöförvaltningen, Grönby kommun"): the rule would keep it in the name."""
    try:
        from loaders.register import DEPARTMENT_WORDS
    except ImportError:
        return True
    words = line.casefold().split()
    return any(d in w for w in words for d in DEPARTMENT_WORDS)


_NOT_A_NAME = re.compile(r"^(?:yttrande|remissvar|remiss|svar|synpunkter|kommentar|dnr|diarienummer|datum|till|"
                         r"angående|ang\.|beslut|protokoll|tjänsteskrivelse|\d)", re.IGNORECASE)


def _first_line(text: str) -> str | None:
    """The first line as the sender when it looks like a name: short, capitalised, not a title word."""
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if len(s.split()) <= 6 and s[0].isupper() and not _NOT_A_NAME.match(s) and not s.endswith((".", ":")):
            return s
        return None
    return None


def _diarienummer(text: str) -> str | None:
    """The reply's own Dnr: the one written most often (the letterhead repeats it), not "Ert dnr"."""
    seen: dict[str, int] = {}
    for m in _DNR.finditer(text):
        if _THEIR.search(text[max(0, m.start() - 4):m.start() + 16]):
            continue
        dnr = " ".join(m.group("dnr").split())
        seen[dnr] = seen.get(dnr, 0) + 1
    return max(seen, key=lambda d: seen[d]) if seen else None


def _date(text: str) -> str | None:
    m = _DATE.search(text[:3000])
    if not m:
        return None
    if m.group("iso"):
        return m.group("iso")
    return f"{m.group('y')}-{_MONTHS.index(m.group('m').lower()) + 1:02d}-{int(m.group('d')):02d}"
