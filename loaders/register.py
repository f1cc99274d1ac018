"""The register of Swedish consultation bodies, and name lookup against it.

The register ships with the app in ``data/register/`` as four small CSV files,
each with a ``#`` header naming its source and the year its facts are valid for:

* ``kommuner.csv``: all 290 municipalities, kommunkod, county, name forms;
* ``regioner.csv``: all 21 regions, county, name variants, former names;
* ``bodies.csv``: state agencies, courts, lärosäten and organisations that
  commonly answer remisser, with abbreviations and former names;
* ``rules.csv``: ordered name rules (``-verket``, ``tingsrätt``, ``förbund`` …)
  for bodies that are not listed.

:func:`match_body` is the one lookup, used by the loader (types, canonical
names, counties) and by the coding assistant. It tries, in order:

1. the register, by name, name variant or abbreviation (``via="register"``)
   or by a former name (``via="former-name"``: "Landstinget i Värmland" is
   Region Värmland);
2. the same for the text outside or inside a parenthesis, so
   "Inspektionen för vård och omsorg (IVO)" and "IVO" are one body;
3. the court and Länsstyrelse rules, before departments, so
   "Förvaltningsrätten i Malmö" is a court, not a department of Malmö stad;
4. departments: a listed body named together with a department word
   ("Socialförvaltningen, Stockholms stad", "Kommunstyrelsen i Falu kommun",
   "Institutionen för socialt arbete, Stockholms universitet") is that body
   (``via="department"``);
5. the remaining rules (``via="rule"``, with the rule's name in ``rule``);
   the canonical name is then the name as written (spaces tidied).

Nothing matched returns None; the caller falls back to "Övrig".

Gotland. Gotland is one body that is both a municipality and a region; it
calls itself Region Gotland. "Region Gotland" and a bare "Gotland" are typed
Region (remisslistor list it among the regions); "Gotlands kommun" is typed
Kommun, with the same canonical name, kommunkod 0980 and county. The loader
accepts either type for Region Gotland without a contradiction warning.

Matching folds case, Unicode form, spaces and punctuation ("Upplands-Bro" =
"upplands bro"), and reads "Kungl." as "Kungliga".
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

REGISTER_DIR = Path(__file__).resolve().parents[1] / "data" / "register"

VIA = ("register", "former-name", "department", "rule")

#: Words that mark the part of a name that is a department of a body.
DEPARTMENT_WORDS: tuple[str, ...] = (
    "förvaltning", "nämnd", "kontor", "kommunstyrelse", "regionstyrelse", "stadsdel", "sektor",
    "enhet", "avdelning", "socialtjänst", "verksamhet", "kansli", "sjukvård", "psykiatri",
    "institution", "fakultet", "ledningsstab", "revision", "direktion", "division",
)

#: Rules tried before departments (see the module docstring, step 3).
_EARLY_RULES = ("court", "länsstyrelse")


@dataclass(frozen=True)
class BodyMatch:
    """What the register knows about a name.

    ``canonical`` is the body's name as it calls itself (for a rule match, the
    name as written); ``type`` one of the coded sheet's respondent types;
    ``county`` the län ("Skåne län") for kommuner and regioner, else "";
    ``kommunkod`` the four-digit code for kommuner (and Region Gotland), else "";
    ``via`` how the name was matched (see :data:`VIA`); ``rule`` the rule's
    name when ``via == "rule"``.
    """

    canonical: str
    type: str
    county: str
    kommunkod: str
    via: str
    rule: str = ""


@dataclass(frozen=True)
class Kommun:
    kommunkod: str
    name: str
    canonical: str
    other_forms: tuple[str, ...]
    lan_kod: str
    lan: str


@dataclass(frozen=True)
class Region:
    lan_kod: str
    lan: str
    canonical: str
    variants: tuple[str, ...]
    former: tuple[str, ...]


@dataclass(frozen=True)
class Body:
    canonical: str
    type: str
    aliases: tuple[str, ...]
    former: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    name: str
    where: str  # prefix | suffix | word | contains
    pattern: str
    type: str

    def applies(self, folded: str, words: list[str]) -> bool:
        if self.where == "prefix":
            return folded.startswith(self.pattern)
        if self.where == "contains":
            return self.pattern in folded
        if self.where == "word":
            return self.pattern in words
        return any(w.endswith(self.pattern) for w in words)  # suffix


@dataclass(frozen=True)
class SourceNote:
    """The ``#`` header of one register file: its source and year."""

    file: str
    title: str
    version: str
    source: str
    year: str


@dataclass(frozen=True)
class Register:
    sources: tuple[SourceNote, ...]
    kommuner: tuple[Kommun, ...]
    regioner: tuple[Region, ...]
    bodies: tuple[Body, ...]
    rules: tuple[Rule, ...]
    index: dict[str, BodyMatch] = field(repr=False, compare=False)

    @property
    def version(self) -> str:
        return max(s.version for s in self.sources)


# --------------------------------------------------------------------------
# Folding

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_KUNGL = re.compile(r"\bkungl\.?(?=\s|$)")
_WORDS = re.compile(r"\w+(?:-\w+)*")


def tidy(name: object) -> str:
    """The name as written, with runs of spaces made one and ends trimmed."""
    s = unicodedata.normalize("NFC", str(name or ""))
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).strip()


def fold_text(name: object) -> str:
    """Lower case, one space between words, dashes as hyphens, "kungl." as "kungliga"."""
    s = _DASHES.sub("-", tidy(name).casefold())
    return _KUNGL.sub("kungliga", s)


def name_key(name: object) -> str:
    """The lookup key: letters and digits only, folded (see :func:`fold_text`)."""
    return "".join(ch for ch in fold_text(name) if ch.isalnum())


# --------------------------------------------------------------------------
# Reading the files

def _read(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    meta: dict[str, str] = {}
    body: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith("#"):
            text = line[1:].strip()
            if i == 0:
                meta["title"] = text
            key, sep, value = text.partition(":")
            if sep and key.strip() in ("register-version", "source", "valid-year"):
                meta[key.strip()] = value.strip()
        elif line.strip():
            body.append(line)
    return meta, list(csv.DictReader(body))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _note(name: str, meta: dict[str, str]) -> SourceNote:
    return SourceNote(name, meta.get("title", ""), meta.get("register-version", ""),
                      meta.get("source", ""), meta.get("valid-year", ""))


def read_register(directory: Path = REGISTER_DIR) -> Register:
    """Read the four register files from ``directory`` (uncached; see :func:`register`)."""
    notes = []
    meta, rows = _read(directory / "kommuner.csv")
    notes.append(_note("kommuner.csv", meta))
    kommuner = tuple(Kommun(r["kommunkod"], r["namn"], r["canonical"], _split(r["other_forms"]),
                            r["lan_kod"], r["lan"]) for r in rows)
    meta, rows = _read(directory / "regioner.csv")
    notes.append(_note("regioner.csv", meta))
    regioner = tuple(Region(r["lan_kod"], r["lan"], r["canonical"], _split(r["variants"]), _split(r["former"]))
                     for r in rows)
    meta, rows = _read(directory / "bodies.csv")
    notes.append(_note("bodies.csv", meta))
    bodies = tuple(Body(r["canonical"], r["type"], _split(r["aliases"]), _split(r["former"])) for r in rows)
    meta, rows = _read(directory / "rules.csv")
    notes.append(_note("rules.csv", meta))
    rules = tuple(Rule(r["rule"], r["where"], r["pattern"], r["type"]) for r in rows)
    index = _build_index(kommuner, regioner, bodies)
    return Register(tuple(notes), kommuner, regioner, bodies, rules, index)


def _build_index(kommuner, regioner, bodies) -> dict[str, BodyMatch]:
    """Every known name form -> its match. The first entry for a key wins."""
    index: dict[str, BodyMatch] = {}

    def put(name: str, match: BodyMatch) -> None:
        index.setdefault(name_key(name), match)

    gotland = next((k for k in kommuner if k.kommunkod == "0980"), None)
    for r in regioner:
        kod = gotland.kommunkod if gotland and r.canonical == gotland.canonical else ""
        current = BodyMatch(r.canonical, "Region", r.lan, kod, "register")
        for name in (r.canonical, *r.variants):
            put(name, current)
        for name in r.former:
            put(name, BodyMatch(r.canonical, "Region", r.lan, kod, "former-name"))
        if kod:  # Gotland: the bare name is the region
            put(gotland.name, current)
    for k in kommuner:
        m = BodyMatch(k.canonical, "Kommun", k.lan, k.kommunkod, "register")
        for name in (k.canonical, *k.other_forms, k.name):
            put(name, m)
    for b in bodies:
        m = BodyMatch(b.canonical, b.type, "", "", "register")
        for name in (b.canonical, *b.aliases):
            put(name, m)
        for name in b.former:
            put(name, BodyMatch(b.canonical, b.type, "", "", "former-name"))
    return index


@cache
def register() -> Register:
    """The shipped register, read once per process."""
    return read_register()


# --------------------------------------------------------------------------
# Lookup

_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$")
_JOINERS = {"i", "inom", "vid", "hos", "för", "och", ",", "-", "–", "/"}


def _lookup(text: str) -> BodyMatch | None:
    key = name_key(text)
    return register().index.get(key) if key else None


def _by_rule(folded: str, names: tuple[str, ...] | None, skip: tuple[str, ...] = ()) -> Rule | None:
    words = _WORDS.findall(folded)
    for rule in register().rules:
        if names is not None and rule.name not in names:
            continue
        if rule.name in skip:
            continue
        if rule.applies(folded, words):
            return rule
    return None


def _department(written: str) -> BodyMatch | None:
    """A listed body named with a department word around it, or None."""
    tokens = re.findall(r"[^\s,;/()]+", written)
    best: tuple[int, BodyMatch] | None = None
    n = len(tokens)
    for i in range(n):
        for j in range(n, i, -1):
            if j - i == n:
                continue  # the whole name was looked up already
            if best and j - i <= best[0]:
                break
            m = _lookup(" ".join(tokens[i:j]))
            if m is None:
                continue
            rest = [t for t in tokens[:i] + tokens[j:] if t.casefold() not in _JOINERS]
            if rest and _has_department_word(" ".join(rest)):
                best = (j - i, m)
            break
    return _as_department(best[1]) if best else None


def _has_department_word(text: str) -> bool:
    folded = fold_text(text)
    return any(w in folded for w in DEPARTMENT_WORDS)


def _as_department(m: BodyMatch) -> BodyMatch:
    return BodyMatch(m.canonical, m.type, m.county, m.kommunkod, "department")


def match_body(name: str) -> BodyMatch | None:
    """What the register says about ``name``, or None (see the module docstring for the order)."""
    written = tidy(name)
    if not written:
        return None
    found = _lookup(written)
    if found:
        return found
    paren = _PAREN.match(written)
    if paren:
        outside = tidy(f"{paren.group(1)} {paren.group(3)}")
        found = _lookup(outside)
        if found:
            return found
        found = _lookup(paren.group(2))
        if found:  # "IVO" in "… (IVO)"; "Stadsledningskontoret (Göteborgs stad)" is a department
            return _as_department(found) if _has_department_word(outside) else found
    folded = fold_text(written)
    early = _by_rule(folded, _EARLY_RULES)
    if early:
        return BodyMatch(written, early.type, "", "", "rule", early.name)
    dept = _department(written)
    if dept:
        return dept
    rule = _by_rule(folded, None, skip=_EARLY_RULES)
    if rule:
        return BodyMatch(written, rule.type, "", "", "rule", rule.name)
    return None


def county_of(canonical: str) -> str:
    """The county of a kommun or region by its canonical name, or ""."""
    m = _lookup(canonical)
    return m.county if m and m.canonical == canonical else ""
