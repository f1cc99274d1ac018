"""Cleaning page text: drop running heads and footers, page numbers, and line-end hyphens.

Replies are letters: every page repeats the letterhead, "Sida 2 (3)", the Dnr and
an address footer. Those lines say nothing about the proposals and their numbers
must never be read as proposal ids, so a line that recurs (digits ignored) on
most pages goes, and so does any line that is only a page number. Words split
over two lines ("kompetens-" / "försörjning") are joined; a hyphen that stands
for a shared word end ("hälso- och sjukvård") is kept.
"""
from __future__ import annotations

import re
from collections import Counter

_PAGE_LINE = re.compile(
    r"^\s*(?:(?:sida|sid\.?|page|s\.)\s*\d+\s*(?:\(\s*\d+\s*\)|(?:av|of|/)\s*\d+)?"
    r"|\d+\s*\(\s*\d+\s*\)|\d+\s*(?:/|av)\s*\d+|[-–]\s*\d+\s*[-–]|\d{1,3})\s*$",
    re.IGNORECASE,
)
# Words after which a trailing hyphen is a shared word end, not a split word.
_KEEP_HYPHEN_BEFORE = {"och", "eller", "samt", "respektive", "till", "som", "resp", "men", "and", "or"}
_HYPHEN_END = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w+)")


def _shape(line: str) -> str:
    """A line folded for repeat detection: digits and spacing ignored."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().casefold()


def is_page_number(line: str) -> bool:
    return bool(_PAGE_LINE.match(line))


def repeated_lines(pages: list[str], share: float = 0.6) -> set[str]:
    """Line shapes found on at least ``share`` of the pages (and on two or more)."""
    if len(pages) < 2:
        return set()
    seen = Counter()
    for text in pages:
        seen.update({_shape(line) for line in text.splitlines() if line.strip()})
    need = max(2, int(len(pages) * share + 0.999))
    return {shape for shape, n in seen.items() if n >= need and shape}


def join_hyphens(text: str) -> str:
    """Join words hyphenated at a line end; keep "hälso- och" style hyphens."""
    def fix(m: re.Match) -> str:
        nxt = m.group(2)
        if nxt[0].isupper() or nxt.casefold() in _KEEP_HYPHEN_BEFORE or nxt[0].isdigit():
            return f"{m.group(1)}- {nxt}" if nxt.casefold() in _KEEP_HYPHEN_BEFORE else f"{m.group(1)}-{nxt}"
        return m.group(1) + nxt
    return _HYPHEN_END.sub(fix, text)


def clean_pages(pages: list[str]) -> list[str]:
    """Cleaned text per page, same count and order as given."""
    pages = [p.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "") for p in pages]
    drop = repeated_lines(pages)
    out = []
    for text in pages:
        kept = [line.rstrip() for line in text.split("\n")
                if not (line.strip() and (_shape(line) in drop or is_page_number(line)))]
        body = "\n".join(kept)
        body = join_hyphens(body)
        body = re.sub(r"\n{3,}", "\n\n", body).strip()
        out.append(body)
    return out
