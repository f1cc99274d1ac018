"""A reply document as cleaned text with its pages kept, so evidence can cite a page."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

#: What separates two pages in :attr:`Document.text`.
PAGE_BREAK = "\n\n"


@dataclass(frozen=True)
class Page:
    """One page's cleaned text; ``number`` is 1-based as printed."""

    number: int
    text: str


@dataclass(frozen=True)
class Document:
    """A read document: its file name, pages and the joined text with page offsets.

    ``text`` is the pages joined by :data:`PAGE_BREAK`; ``offsets[i]`` is where page
    ``i`` starts in it, so any character span maps back to a page.
    """

    name: str
    pages: tuple[Page, ...]
    kind: str = "text"  # pdf | docx | text

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(p.text for p in self.pages)

    @property
    def offsets(self) -> tuple[int, ...]:
        out, pos = [], 0
        for p in self.pages:
            out.append(pos)
            pos += len(p.text) + len(PAGE_BREAK)
        return tuple(out)

    def page_at(self, offset: int) -> int:
        """The page number holding character ``offset`` of :attr:`text`."""
        if not self.pages:
            return 1
        i = bisect.bisect_right(self.offsets, offset) - 1
        return self.pages[max(i, 0)].number


class DocumentError(Exception):
    """A document that cannot be read; ``key`` names the message in ``i18n.coding_text``."""

    def __init__(self, key: str, name: str, **fmt):
        super().__init__(key)
        self.key = key
        self.name = name
        self.fmt = fmt

    def message(self, lang: str = "sv") -> str:
        from i18n.strings import t

        return t(self.key, lang, name=self.name, **self.fmt)
