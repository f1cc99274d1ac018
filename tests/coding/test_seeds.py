"""The two real replies in ../shared/seeds, read and coded against the demo's proposal lists.

Required in CI (see tests/data/test_seed_facts.py): Stockholms stad agrees with 24
of the plan's 25 proposals and partly with 5.2.1; Ludvika kommun agrees with what
it names, by content only, and partly with the VULF agreement.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from _require import require

from coding.proposals import lists_from_frame
from coding.suggest import suggest
from documents.read import read_path
from loaders.load import load_path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    require(bool(found), f"seed {prefix} not found beside the repository ({SEEDS})")
    return found[0]


@pytest.fixture(scope="module")
def lists():
    return lists_from_frame(load_path(ROOT / "data" / "demo.xlsx").data.proposals)


def _list(lists, prefix):
    return next(pl for c, pl in lists.items() if c.startswith(prefix))


def test_stockholm(lists):
    reading = suggest(read_path(seed("000")), _list(lists, "Förslag till nationell plan"))
    stances = {s.proposal_id: s.stance for s in reading.suggestions}
    assert len(stances) == 25
    assert [p for p, s in stances.items() if s == "partly"] == ["5.2.1"]
    assert sum(s == "agree" for s in stances.values()) == 24
    assert (reading.sender.name, reading.sender.type, reading.sender.diarienummer) == (
        "Stockholms stad", "Kommun", "SOF 2024/634")
    assert (reading.sender.via, reading.sender.county) == ("register", "Stockholms län")  # the real register
    partly = next(s for s in reading.suggestions if s.proposal_id == "5.2.1")
    assert "punkt 5.2.1" in partly.evidence and partly.ref == "id"


def test_ludvika(lists):
    plist = _list(lists, "SOU 2024:72")
    reading = suggest(read_path(seed("003")), plist)
    stances = {s.proposal_id: s.stance for s in reading.suggestions}
    vulf = next(p.id for p in plist.proposals if "VULF" in p.title)
    assert stances == {p: ("partly" if p == vulf else "agree") for p in plist.ids}
    assert all(s.ref == "title" for s in reading.suggestions)  # the reply names no ids
    assert (reading.sender.name, reading.sender.type) == ("Ludvika kommun", "Kommun")
    assert (reading.sender.via, reading.sender.county) == ("register", "Dalarnas län")
    assert "VULF" in next(s.evidence for s in reading.suggestions if s.proposal_id == vulf)
