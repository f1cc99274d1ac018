"""The small hand-made consultation both the analysis and the export tests build their data from.

"Remiss A": three proposals (5.1 addressed by no one), seven listed
respondents of whom six replied (three regions, two municipalities, one
agency; Umeå kommun was invited but did not reply), nine coded answers:

=====================  ========  ===========  =========  ============
respondent             type      population   4.2        4.10
=====================  ========  ===========  =========  ============
Region Stockholm       Region    2 400 000    agree      partly
Region Uppsala         Region      400 000    disagree   agree
Region Gotland         Region       60 000    no_pos.    –
Solna stad             Kommun       80 000    agree      agree
Malmö stad             Kommun      350 000    partly     –
Umeå kommun            Kommun      130 000    (did not reply)
Myndigheten för X      Statlig     –          –          disagree
=====================  ========  ===========  =========  ============
"""
from __future__ import annotations

CONSULTATION = "Remiss A"

#: (proposal_id, title, topic, addressee)
PROPOSALS = [
    ("4.2", "Nationell styrning", "Ledning och styrning", "Region"),
    ("4.10", "Gemensam IT", "Ledning och styrning", "Kommun"),
    ("5.1", "Uppföljning", "Uppföljning", "Region"),
]

#: (name, type, population, replied)
RESPONDENTS = [
    ("Region Stockholm", "Region", 2_400_000.0, True),
    ("Region Uppsala", "Region", 400_000.0, True),
    ("Region Gotland", "Region", 60_000.0, True),
    ("Solna stad", "Kommun", 80_000.0, True),
    ("Malmö stad", "Kommun", 350_000.0, True),
    ("Umeå kommun", "Kommun", 130_000.0, False),
    ("Myndigheten för X", "Statlig myndighet", float("nan"), True),
]

#: (respondent, proposal_id, stance)
ANSWERS = [
    ("Region Stockholm", "4.2", "agree"),
    ("Region Stockholm", "4.10", "partly"),
    ("Region Uppsala", "4.2", "disagree"),
    ("Region Uppsala", "4.10", "agree"),
    ("Region Gotland", "4.2", "no_position"),
    ("Solna stad", "4.2", "agree"),
    ("Solna stad", "4.10", "agree"),
    ("Malmö stad", "4.2", "partly"),
    ("Myndigheten för X", "4.10", "disagree"),
]
