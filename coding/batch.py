"""Read many reply documents against proposal lists and collect the suggested rows.

Shared by the CLI (``cli.py suggest``) and the app page: reading a document is
one call to :func:`documents.read.read_document` per file, run by
:func:`read_capped` in the same capped child process as uploads
(``loaders.guard.run_capped``), so a hostile file costs the child, never the
caller; a limit hit is that document's message and the others are still read.
Then it chooses the consultation when the proposal file holds several, and flattens the readings into rows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from coding.proposals import ProposalList
from coding.suggest import Reading, suggest
from coding.titles import TitleIndex
from documents.model import Document, DocumentError
from documents.read import read_for_child
from loaders.guard import CapExceeded, Limits, run_capped

ROW_FIELDS = ("document", "respondent", "respondent_type", "proposal_id", "stance", "confidence", "evidence", "page")


def read_capped(data: bytes, name: str, limits: Limits | None = None) -> Document:
    """:func:`documents.read.read_document` in a capped child; a limit hit is a :class:`DocumentError` naming it.

    ``limits`` defaults to the upload limits (``REMISSKOLLEN_PARSE_MEMORY_MB`` / ``_SECONDS``).
    """
    try:
        got = run_capped(read_for_child, data, name, limits=limits)
    except CapExceeded as exc:
        if exc.kind == "time":
            raise DocumentError("coding.doc.limit_time", name, seconds=f"{exc.limits.seconds:g}") from None
        raise DocumentError("coding.doc.limit_memory", name, mb=exc.limits.memory_mb) from None
    except RuntimeError:  # the reader failed in a way read_document does not word: a damaged file
        raise DocumentError("coding.doc.damaged", name) from None
    if isinstance(got, tuple):
        key, doc_name, fmt = got
        raise DocumentError(key, doc_name, **fmt)
    return got


@dataclass(frozen=True)
class Failure:
    document: str
    error: DocumentError


def choose_list(doc: Document, lists: dict[str, ProposalList], indexes: dict[str, TitleIndex]) -> Reading:
    """The reading against the consultation this reply answers.

    One list: that one. Several: the consultation named near the top of the
    reply (its name matched loosely), else the one with most proposals referred to.
    """
    if len(lists) == 1:
        (c, pl), = lists.items()
        return suggest(doc, pl, indexes[c])
    head = " ".join(doc.text[:1500].split()).casefold()
    named = {c: fuzz.partial_ratio(c.casefold(), head) for c in lists}
    readings = {c: suggest(doc, pl, indexes[c]) for c, pl in lists.items()}

    def rank(c):
        own = sum(1 for s in readings[c].suggestions if s.ref != "global")
        return (named[c] >= 85, own, named[c])

    return readings[max(lists, key=rank)]


def read_documents(files: Iterable[tuple[str, bytes]], reader: Callable[[bytes, str], Document] = read_capped,
                   progress: Callable[[int, str], None] | None = None) -> tuple[list[Document], list[Failure]]:
    """Every file read by ``reader`` (default: :func:`read_capped`, in the capped child), or its failure."""
    docs, failures = [], []
    for i, (name, data) in enumerate(files):
        if progress:
            progress(i, name)
        try:
            docs.append(reader(data, name))
        except DocumentError as exc:
            failures.append(Failure(name, exc))
        except Exception:  # noqa: BLE001 - a file the readers choke on is a damaged file, never a traceback
            failures.append(Failure(name, DocumentError("coding.doc.damaged", name)))
    return docs, failures


def suggest_all(docs: Iterable[Document], lists: dict[str, ProposalList],
                progress: Callable[[int, str], None] | None = None) -> list[Reading]:
    """The reading of each document against the consultation it answers (see :func:`choose_list`)."""
    indexes = {c: TitleIndex.build(pl) for c, pl in lists.items()}
    readings = []
    for i, doc in enumerate(docs):
        if progress:
            progress(i, doc.name)
        readings.append(choose_list(doc, lists, indexes))
    return readings


def read_many(files: Iterable[tuple[str, bytes]], lists: dict[str, ProposalList],
              reader: Callable[[bytes, str], Document] = read_capped,
              progress: Callable[[int, str], None] | None = None) -> tuple[list[Reading], list[Failure]]:
    """Readings for every file that can be read, and a failure (with its message key) for each that cannot.

    Each file is read by ``reader``: by default :func:`read_capped`, in the capped child process.
    """
    docs, failures = read_documents(files, reader, progress)
    return suggest_all(docs, lists), failures


def respondent_of(reading: Reading) -> str:
    """The sender's name, or the file name without extension when no name was found."""
    if reading.sender.name:
        return reading.sender.name
    stem = reading.document.rsplit(".", 1)[0]
    return stem or reading.document


def rows(readings: Iterable[Reading]) -> list[dict]:
    """One flat row per suggestion: the CLI's JSON records (plus consultation and span)."""
    out = []
    for r in readings:
        for s in r.suggestions:
            out.append({"document": r.document, "respondent": respondent_of(r),
                        "respondent_type": r.sender.type, "proposal_id": s.proposal_id, "stance": s.stance,
                        "confidence": s.confidence, "evidence": s.evidence, "page": s.page,
                        "consultation": r.consultation, "start": s.start, "end": s.end, "ref": s.ref})
    return out


@dataclass(frozen=True)
class VersionCheck:
    """Suggested rows against the active version: same stance there, another stance there, or not there."""

    same: int
    other: int
    new: int


def against_version(found: Iterable[dict], responses) -> VersionCheck:
    """Compare suggested rows (:func:`rows`) with a version's responses frame, by consultation, respondent, proposal.

    Tells the analyst before the review how much of the suggestion would change the stored coding.
    """
    stored = {}
    if responses is not None and len(responses):
        cols = [responses[c].astype(str).tolist() for c in ("consultation", "respondent", "proposal_id")]
        stored = dict(zip(zip(*cols, strict=True), responses["stance"].tolist(), strict=True))
    same = other = new = 0
    for r in found:
        key = (str(r["consultation"]), str(r["respondent"]), str(r["proposal_id"]))
        if key not in stored:
            new += 1
        elif stored[key] == r["stance"]:
            same += 1
        else:
            other += 1
    return VersionCheck(same, other, new)
