"""The rules one by one: every stance phrase of issue 12, references, numbers that are not proposals."""
from __future__ import annotations

import pytest

from coding.proposals import ProposalList
from coding.refs import explicit_refs
from coding.stance import combine, cues
from coding.suggest import suggest
from documents.model import Document, Page

PL = ProposalList.of("Test", [(p, f"Titel {p}") for p in
                              ("4.1", "4.2", "4.3", "4.10", "5.1", "5.2", "5.2.1", "7.1", "7.2", "17.3.4")])


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kommunen tillstyrker förslaget.", "agree"),
    ("Kommunen instämmer i förslaget.", "agree"),
    ("Regionen ställer sig bakom förslaget.", "agree"),
    ("Myndigheten delar bedömningen.", "agree"),
    ("Förbundet välkomnar förslaget.", "agree"),
    ("Kommunen har inget att invända mot förslaget.", "agree"),
    ("Regionen lämnar förslaget utan erinran.", "agree"),
    ("Kommunen avstyrker förslaget.", "disagree"),
    ("Regionen motsätter sig förslaget.", "disagree"),
    ("Kommunen kan inte tillstyrka förslaget.", "disagree"),
    ("Myndigheten delar inte bedömningen.", "disagree"),
    ("Förbundet ifrågasätter förslaget.", "disagree"),
    ("Regionen tillstyrker med reservation för finansieringen.", "partly"),
    ("Kommunen tillstyrker under förutsättning att staten betalar.", "partly"),
    ("Förslaget behöver förtydligas.", "partly"),
    ("Kommunen ser vissa risker med förslaget.", "partly"),
    ("Myndigheten har inga synpunkter på förslaget.", "no_position"),
    ("Myndigheten avstår från att yttra sig.", "no_position"),
    ("Kommunen delar bedömningen att kommunerna inte bör få ett nytt uppdrag.", "agree"),
    ("Regionen tillstyrker inte förslaget.", "disagree"),
    ("Regionen ställer sig inte bakom förslaget.", "disagree"),
])
def test_issue_phrases(sentence, stance):
    assert combine(cues(sentence))[0] == stance


def test_double_negation_is_a_weak_agree():
    stance, confidence = combine(cues("Regionen avstyrker inte förslaget."))
    assert stance == "agree" and confidence < 0.6
    assert combine(cues("Kommunen tillstyrker förslaget."))[1] >= 0.85


@pytest.mark.parametrize(("text", "ids"), [
    ("förslag 5.2.1", ["5.2.1"]), ("punkt 5.2.1", ["5.2.1"]), ("avsnitt 17.3.4", ["17.3.4"]),
    ("4.1, 4.2 och 4.3", ["4.1", "4.2", "4.3"]), ("förslagen 5.1–5.2.1", ["5.1", "5.2", "5.2.1"]),
    ("förslagen i kapitel 7", ["7.1", "7.2"]), ("4.10 avstyrks", ["4.10"]),
    ("Dnr 4.1-1234/2026", []), ("enligt 5 kap. 2 §", []), ("4,1 miljoner kronor", []), ("4.1 miljoner kronor", []),
    ("se sidan 4.2", []), ("Sida 5.2 (7)", []), ("beslutet 2026-04-10", []), ("den 4.10.2026", []),
    ("SOU 2024:72", []), ("förslag 9.9", []), ("tabell 3", []), ("kapitel 9", []),
])
def test_references_and_numbers_that_are_not_proposals(text, ids):
    assert [r.proposal_id for r in explicit_refs(text, PL)] == ids


def _doc(text: str) -> Document:
    return Document("svar.txt", (Page(1, text),))


def _rows(text: str) -> dict[str, str]:
    return {s.proposal_id: s.stance for s in suggest(_doc(text), PL).suggestions}


def test_global_with_named_exception():
    rows = _rows("Kommunen tillstyrker samtliga förslag utom 4.10, som avstyrks.")
    assert rows == {**{p: "agree" for p in PL.ids if p != "4.10"}, "4.10": "disagree"}


def test_count_statement_with_the_exception_named():
    rows = _rows("Regionen anser att 9 av de 10 förslagen är bra. Förslag 7.2 avstyrks dock.")
    assert rows == {**{p: "agree" for p in PL.ids if p != "7.2"}, "7.2": "disagree"}


def test_count_statement_confidence_falls_when_the_count_does_not_add_up():
    reading = suggest(_doc("Regionen anser att 8 av de 10 förslagen är bra. Förslag 7.2 avstyrks dock."), PL)
    assert {s.confidence for s in reading.suggestions if s.ref == "global"} == {0.5}


def test_otherwise_no_comments_adds_no_rows():
    assert _rows("Kommunen tillstyrker förslag 4.2. I övrigt har kommunen inga synpunkter.") == {"4.2": "agree"}
    assert _rows("Kommunen har inga synpunkter på förslag 4.3.") == {"4.3": "no_position"}
    assert _rows("Myndigheten har inga synpunkter på remissen.") == {}


def test_clauses_split_stances_within_a_sentence():
    assert _rows("Kommunen tillstyrker förslag 4.1 men avstyrker förslag 4.2.") == {"4.1": "agree", "4.2": "disagree"}


def test_stance_after_a_heading_speaks_of_the_heading_proposal():
    assert _rows("5.2.1 Titel\nKommunen tillstyrker förslaget.\n\n4.3 Titel\nKommunen avstyrker.") == {
        "5.2.1": "agree", "4.3": "disagree"}


def test_suggestion_carries_span_page_and_words():
    doc = Document("svar.pdf", (Page(1, "Inledning utan ställning."), Page(2, "Regionen avstyrker förslag\n4.10.")))
    (s,) = suggest(doc, PL).suggestions
    assert (s.proposal_id, s.stance, s.page, s.ref) == ("4.10", "disagree", 2, "id")
    assert doc.text[s.start:s.end] == "Regionen avstyrker förslag\n4.10."
    assert s.evidence == "Regionen avstyrker förslag 4.10."
