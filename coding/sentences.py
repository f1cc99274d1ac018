"""Split a document's text into sentences with their character spans.

Replies are letters turned into text: lines break mid-sentence, headings have no
full stop, tables come as "cell | cell" lines and some replies use bullets or a
semicolon list without stops. A sentence ends at . ! ? before a capital letter,
at a blank line before a capital letter, at a bullet, and every table row and
numbered heading line stands alone. Spans index the document text, so the
evidence is always the words as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = re.compile(r"(?:\b(?:t\.ex|bl\.a|dvs|m\.m|s\.k|kap|jfr|resp|ca|nr|prop|d\.v\.s|f\.d|o\.s\.v|p)\.)$",
                     re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:(?:förslag|punkt|avsnitt)\s+)?\d+(?:\.\d+)+\s+\S.{0,140}$", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # the slice of the document text, as written

    @property
    def flat(self) -> str:
        """The sentence with line breaks and runs of spaces as single spaces."""
        return " ".join(self.text.split())


def _line_spans(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``; whitespace-only pieces are dropped."""
    cuts = {0, len(text)}
    lines = list(_line_spans(text))
    for i, (s, e, line) in enumerate(lines):
        stripped = line.strip()
        if " | " in line or _HEADING.match(line) and not stripped.endswith((",", "och", "-")):
            cuts.update((s, e))
        if re.match(r"^\s*(?:[•▪●◦*–-]|\d+\))\s+", line):
            cuts.add(s)
        nxt = lines[i + 1][2].strip() if i + 1 < len(lines) else ""
        if (stripped and len(stripped.split()) <= 4 and stripped[0].isupper() and stripped[-1].isalpha()
                and nxt[:1].isupper()):
            cuts.add(e)  # a short heading line ("Sammanfattning") stands alone
    for m in re.finditer(r"[.!?]['\"”»)]?[ \t]*\n?[ \t]*(?=[A-ZÅÄÖÉ\"”»(])", text):
        head = text[max(0, m.start() - 8):m.start() + 1]
        if not _ABBREV.search(head):
            cuts.add(m.end())
    for m in re.finditer(r"([^\s])[ \t]*\n[ \t]*\n\s*(?=[A-ZÅÄÖÉ•])", text):
        if m.group(1) not in ",(-–":
            cuts.add(m.end())
    for m in re.finditer(r";[ \t]*\n", text):
        cuts.add(m.end())
    out = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, text[a:b]))
    return out
