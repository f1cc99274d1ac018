"""The sender mapped through the real register (loaders.register): canonical names, types and counties.

The letterhead line goes to the register whole, so its department and former-name rules apply; a
name rule alone never keeps a department in the name, and a bare municipal unit names no one.
"""
from __future__ import annotations

import pytest

from coding.sender import find_sender


def _reply(letterhead: str, body: str = "Vi tillstyrker förslaget.") -> str:
    return f"{letterhead}\nYttrande\nDnr 2026/41\n\n{body}\n"


@pytest.mark.parametrize(("letterhead", "name", "kind", "county"), [
    ("Socialförvaltningen, Stockholms stad", "Stockholms stad", "Kommun", "Stockholms län"),
    ("Stockholms läns landsting", "Region Stockholm", "Region", "Stockholms län"),
    ("Socialstyrelsen", "Socialstyrelsen", "Statlig myndighet", ""),
    ("Kommunstyrelsen i Ludvika kommun", "Ludvika kommun", "Kommun", "Dalarnas län"),
    ("Institutionen för socialt arbete, Stockholms universitet", "Stockholms universitet", "Lärosäte", ""),
    ("Länsstyrelsen i Sjölän", "Länsstyrelsen i Sjölän", "Statlig myndighet", ""),
    ("Miljöförvaltningen, Grönby kommun", "Grönby kommun", "Kommun", ""),
])
def test_letterhead_through_the_register(letterhead, name, kind, county):
    s = find_sender(_reply(letterhead))
    assert (s.name, s.type, s.county, s.via) == (name, kind, county, "register")
    assert s.diarienummer == "2026/41"


def test_a_bare_municipal_unit_is_not_the_sender():
    # The register's agency-suffix rule would make "Kommunstyrelsen" a state agency; the municipality named
    # on the next lines is the sender.
    s = find_sender("Kommunstyrelsen\nYttrande\nLudvika kommun tillstyrker förslaget.")
    assert (s.name, s.type, s.county) == ("Ludvika kommun", "Kommun", "Dalarnas län")


def test_name_words_do_not_run_across_lines():
    s = find_sender("Remissvar\nVallby kommun\n\nKommunen tillstyrker.")
    assert (s.name, s.type) == ("Vallby kommun", "Kommun")
