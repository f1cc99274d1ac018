"""Find the proposals a sentence refers to: by id, list, range, chapter, or (elsewhere) by title.

Numbers that are not proposals are masked first, with the same length so that
positions stay true: dates, diarienummer ("Dnr 4.1-1234/2026"), law references
("5 kap. 2 §", "(2017:30)"), amounts ("4,1 miljoner kronor"), page numbers,
phone numbers and postal codes. What is left is matched against the proposal
list: an id that is not in the list is never suggested.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from coding.proposals import ProposalList

ID = r"\d+(?:\.\d+)*[a-z]?"
_SEP = r"(?:\s*,\s*|\s+och\s+|\s+samt\s+|\s+eller\s+|\s+respektive\s+|\s*&\s*)"
_DASH = r"(?:\s*[–—-]\s*|\s+till\s+(?:och\s+med\s+)?)"
_KW = (r"(?P<kw>förslag(?:en|et|s)?|punkt(?:en|erna)?|avsnitt(?:en|et)?|kapitel|kapitlen|kapitlet|kap\.?"
       r"|proposals?|sections?|chapters?)")
_GROUP = rf"(?P<ids>{ID}(?:(?:{_SEP}|{_DASH}){ID})*)"
_KW_RE = re.compile(rf"\b{_KW}(?:\s+(?:nr\.?|nummer|i|under))?\s+{_GROUP}(?![\d.]*\d)", re.IGNORECASE)
_BARE_RE = re.compile(rf"(?<![\w.,/:-]){_GROUP}(?![\w/:§]|[.,]\d|\s*(?:kap\b|§))", re.IGNORECASE)
_RANGE_RE = re.compile(rf"({ID}){_DASH}({ID})", re.IGNORECASE)

_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_UNITS = (r"miljoner|miljarder|milj\.?|mdkr|mnkr|msek|tkr|kr|kronor|sek|euro|procent|%|procentenheter|timmar"
          r"|tim|år|dagar|veckor|månader|personer|platser|tjänster|invånare|st|km|meter|ggr|gånger")
_MASKS = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:dnr|diarienummer|diarienr|beteckning|ärendenummer|ärende\s*nr|referens)\.?:?\s*[A-ZÅÄÖ]{0,6}\s*[\w./:-]*\d"
    r"[\w./:-]*",
    r"\b[\w.-]*\d[\w.-]*/\d{2,4}(?::\d+)?\b",                    # 4.1-1234/2026, 2024/634, 2023/24:12
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\s+(?:" + _MONTHS + r")(?:\s+\d{4})?\b|\b\d{1,2}/\d{1,2}\b",
    r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b",                     # 4.10.2024
    r"\b(?:kl\.?|klockan)\s*\d{1,2}[.:]\d{2}\b",
    r"\b\d+\s*kap\.?\s*(?:\d+\s*[a-z]?\s*(?:och\s+\d+\s*[a-z]?\s*)?§+)?",  # 5 kap. 2 §
    r"\b\d+(?:\s*[a-z])?\s*§+|§+\s*\d+",
    r"\b(?:SFS|SOU|Ds|prop\.?|bet\.?|dir\.?|rskr\.?)\s*\d{4}(?:/\d{2})?:\d+\b|\(\d{4}:\d+\)|\b\d{4}:\d+\b",
    r"\b\d+(?:[ .,]\d+)*\s*(?:" + _UNITS + r")(?![\wåäö])",
    r"\b(?:sida|sidan|sidorna|sid\.|s\.|page|pp?\.)\s*\d+(?:\s*(?:\(\s*\d+\s*\)|[-–]\s*\d+|f+\.?))?",
    r"\b0\d{1,3}[- ]\d{2,3}(?:[ -]?\d{2}){1,3}\b",              # phone numbers
    r"\b\d{3} \d{2}\b",                                          # postal codes
    r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b",               # year spans 2025-2028
)]


@dataclass(frozen=True)
class Ref:
    """One proposal a sentence refers to; ``kind`` is id | list | range | chapter | title."""

    proposal_id: str
    kind: str
    start: int  # offset within the sentence
    end: int
    score: float = 1.0


def mask(text: str) -> str:
    """``text`` with every non-proposal number (and its words) blanked, same length."""
    for rx in _MASKS:
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _expand_group(group: str, kw: str | None, plist: ProposalList) -> list[tuple[str, str]]:
    """(id, kind) pairs for one written group of ids after an optional keyword."""
    out: list[tuple[str, str]] = []
    chapter_kw = bool(kw) and kw.lower().startswith(("kap", "chapter"))
    pieces = re.split(_SEP, group)
    multi = len(pieces) > 1
    for piece in pieces:
        m = _RANGE_RE.fullmatch(piece.strip())
        if m:
            out += [(p, "range") for p in plist.expand_range(m.group(1), m.group(2))]
            continue
        pid = piece.strip()
        if pid in plist.id_set and not chapter_kw:
            out.append((pid, "list" if multi else "id"))
        elif plist.under(pid) and (kw or "." in pid):
            out += [(p, "chapter") for p in plist.under(pid)]
    return out


def explicit_refs(sentence: str, plist: ProposalList) -> list[Ref]:
    """Proposal references by id in one sentence, in order, each id once."""
    masked = mask(sentence)
    found: list[Ref] = []
    taken: list[tuple[int, int]] = []
    for m in _KW_RE.finditer(masked):
        for pid, kind in _expand_group(m.group("ids"), m.group("kw"), plist):
            found.append(Ref(pid, kind, m.start(), m.end()))
        taken.append((m.start("ids"), m.end("ids")))
    for m in _BARE_RE.finditer(masked):
        if any(a <= m.start() < b for a, b in taken):
            continue
        group = m.group("ids")
        if "." not in group:  # a bare whole number is never read as a proposal
            continue
        for pid, kind in _expand_group(group, None, plist):
            found.append(Ref(pid, kind, m.start(), m.end()))
    seen: set[str] = set()
    out = []
    for r in sorted(found, key=lambda r: r.start):
        if r.proposal_id not in seen:
            seen.add(r.proposal_id)
            out.append(r)
    return out
