"""The sender, diarienummer and date; the register is used when present, the raw name when not."""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass

from coding.sender import find_sender

LETTER = ("Socialförvaltningen\nYttrande\nDnr SOF 2026/12\n2026-02-03\nStorgatan 1\n112 25 Stockholm\n\n"
          "Förvaltningen tillstyrker förslaget.\n\nDnr SOF 2026/12\nEr beteckning KS 2026/900")


def test_without_register_the_raw_name_and_a_guessed_type(monkeypatch):
    monkeypatch.setitem(sys.modules, "loaders.register", None)  # import fails as when the module is absent
    s = find_sender("Yttrande från Ludvika kommun\n\nKommunen tillstyrker.")
    assert (s.name, s.type, s.via) == ("Ludvika kommun", "Kommun", "name")
    s = find_sender("Testlands hembygdsförbund\n\nFörbundet avstår från att yttra sig.")
    assert (s.name, s.type) == ("Testlands hembygdsförbund", "Övrig")
    s = find_sender(LETTER)
    assert (s.name, s.type, s.via, s.diarienummer, s.date) == ("Stockholms stad", "Kommun", "unit+town",
                                                                "SOF 2026/12", "2026-02-03")


def test_nothing_found_is_an_empty_name_of_type_other(monkeypatch):
    monkeypatch.setitem(sys.modules, "loaders.register", None)
    s = find_sender("vi tillstyrker förslaget.")
    assert (s.name, s.type, s.via) == ("", "Övrig", "none")


def test_register_maps_the_found_name(monkeypatch):
    @dataclass(frozen=True)
    class BodyMatch:
        canonical: str
        type: str
        county: str | None
        kommunkod: str | None
        via: str

    fake = types.ModuleType("loaders.register")
    seen = []

    def match_body(name):
        seen.append(name)
        return BodyMatch("Region Testland", "Region", "Testlands län", None, "alias") if "Testland" in name else None

    fake.match_body = match_body
    monkeypatch.setitem(sys.modules, "loaders.register", fake)
    s = find_sender("Region Testland\nRegionstyrelsen\n\nRegionen tillstyrker.")
    assert (s.name, s.type, s.county, s.via) == ("Region Testland", "Region", "Testlands län", "register")
    assert seen == ["Region Testland"]
    s = find_sender("Vallby kommun\n\nKommunen tillstyrker.")
    assert (s.name, s.type, s.via) == ("Vallby kommun", "Kommun", "name")


def test_date_written_in_words():
    assert find_sender("Region Testland\n4 oktober 2024\nText.").date == "2024-10-04"
