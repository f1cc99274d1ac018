"""The labelled set: every example reply, read as TXT, DOCX or PDF, gives exactly its hand-coded rows."""
from __future__ import annotations

import pytest

from coding.suggest import suggest
from documents.read import read_path
from support import corpus

CASES = corpus.expected()


@pytest.fixture(scope="module")
def readings(tmp_path_factory):
    lists = corpus.proposal_lists()
    paths = corpus.build(tmp_path_factory.mktemp("corpus"))
    return {name: (read_path(paths[name]), suggest(read_path(paths[name]), lists[case["proposals"]]))
            for name, case in CASES.items()}


def test_the_set_is_large_and_covers_every_format():
    assert len(CASES) >= 40
    formats = [c["format"] for c in CASES.values()]
    assert formats.count("pdf") >= 5 and formats.count("docx") >= 5 and formats.count("txt") >= 20
    kinds = {k for c in CASES.values() for _, k in c["rows"].values()}
    assert kinds == {"explicit", "title", "global"}
    assert sum(1 for c in CASES.values() if not c["rows"]) >= 4  # replies that address nothing
    stances = {s for c in CASES.values() for s, _ in c["rows"].values()}
    assert stances == {"agree", "partly", "disagree", "no_position"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_reply_gives_its_hand_coded_rows(readings, name):
    doc, reading = readings[name]
    case = CASES[name]
    assert doc.kind == {"txt": "text"}.get(case["format"], case["format"])
    got = {s.proposal_id: s.stance for s in reading.suggestions}
    assert got == {pid: stance for pid, (stance, _) in case["rows"].items()}
    if "respondent" in case:
        assert (reading.sender.name, reading.sender.type) == (case["respondent"], case["respondent_type"])
    for s in reading.suggestions:  # every suggestion is traceable to its words in the document
        assert " ".join(doc.text[s.start:s.end].split()) == s.evidence
        assert doc.page_at(s.start) == s.page
    for pid, page in case.get("pages", {}).items():
        assert next(s.page for s in reading.suggestions if s.proposal_id == pid) == page
