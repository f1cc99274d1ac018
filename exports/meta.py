"""Where an extract comes from: the dataset, its version, and when it was taken."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path


def now_text() -> str:
    """The local time, to the minute: ``"2025-03-14 09:30"``."""
    return _dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def _clock() -> str:
    # Indirection so tests can pin the time of an extract.
    return now_text()


@dataclass(frozen=True)
class ExtractMeta:
    """What the "Om urvalet" sheet says about the source of an extract."""

    dataset: str
    version: int | None = None
    created_at: str = ""
    created_by: str = ""
    is_demo: bool = False
    generated_at: str = field(default_factory=lambda: _clock())
    #: Confirmed name merges in force: (name as written, counted as, who/which file, when, decision or row no.).
    merges: tuple[tuple[str, str, str, str, int], ...] = ()
    #: True when the merges come from a merge file (the CLI), False when confirmed in the app.
    merges_from_file: bool = False
    #: How often the analyst kept the coding assistant's suggestions in this version
    #: (a ``coding.agreement.Agreement`` from ``agreement_of(provenance)``); None when the
    #: version was not built with the assistant.
    coding_agreement: object | None = None

    @property
    def version_text(self) -> str:
        """The version number as shown, or a dash for the demo data (used by the draft's title page)."""
        return "–" if self.version is None else str(self.version)

    @classmethod
    def from_source(cls, source) -> ExtractMeta:
        """From the app's active :class:`components.datasource.Source` (read by attribute)."""
        return cls(
            dataset=str(getattr(source, "name", "") or ""),
            version=getattr(source, "version_number", None),
            created_at=str(getattr(source, "created_at", "") or ""),
            created_by=str(getattr(source, "created_by", "") or ""),
            is_demo=bool(getattr(source, "is_demo", False)),
        )

    @classmethod
    def for_file(cls, path) -> ExtractMeta:
        """For a coded sheet read from disk (the CLI): the file name, no version,
        the file's modification time, and ``"cli"`` as creator."""
        p = Path(path)
        try:
            created = _dt.datetime.fromtimestamp(p.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        except OSError:
            created = ""
        return cls(dataset=p.name, version=None, created_at=created, created_by="cli")
