"""Truth tables for header matching, stance words, types and natural sorting."""
import pytest

from loaders.natural import natsorted
from loaders.vocab import (
    clean_proposal_id,
    infer_type,
    match_header,
    parse_stance,
    parse_type,
    proposal_from_header,
)


@pytest.mark.parametrize("header,field", [
    ("Remissinstans", "respondent"), ("Instans", "respondent"), ("Organisation", "respondent"),
    ("Respondent", "respondent"), ("  REMISSINSTANS ", "respondent"),
    ("Typ", "respondent_type"), ("Instanstyp", "respondent_type"), ("Typ av instans", "respondent_type"),
    ("Kategori", "respondent_type"), ("Respondent type", "respondent_type"),
    ("Respondent_Type", "respondent_type"), ("typ-av-instans", "respondent_type"),
    ("Förslag", "proposal_id"), ("Förslag nr", "proposal_id"), ("Förslag nr.", "proposal_id"),
    ("Punkt", "proposal_id"), ("Avsnitt", "proposal_id"), ("Proposal", "proposal_id"),
    ("Rubrik", "proposal_title"), ("Förslagets rubrik", "proposal_title"), ("Title", "proposal_title"),
    ("Tema", "topic"), ("Område", "topic"), ("Topic", "topic"),
    ("Ställningstagande", "stance"), ("Ståndpunkt", "stance"), ("Inställning", "stance"),
    ("Stance", "stance"), ("Position", "stance"), ("STÄLLNINGSTAGANDE:", "stance"),
    ("Kommentar", "comment"), ("Motivering", "comment"), ("Citat", "comment"),
    ("Synpunkt", "comment"), ("Comment", "comment"),
    ("Remiss", "consultation"), ("Ärende", "consultation"), ("Consultation", "consultation"),
    ("Adressat", "addressee"), ("Riktas till", "addressee"), ("Addressee", "addressee"),
    ("Källa", "source"), ("Län", "county"), ("Folkmängd", "population"),
    ("Datum", None), ("", None), (None, None), ("5.2.1", None),
])
def test_match_header(header, field):
    assert match_header(header) == field


@pytest.mark.parametrize("header,pid", [
    ("5.2.1", "5.2.1"), ("4.10", "4.10"), ("3", "3"), ("Förslag 3", "3"), ("förslag 4.10", "4.10"),
    ("Proposal 2.1", "2.1"), ("Punkt 7", "7"), ("Förslag nr 12", "12"), ("4.2a", "4.2a"),
    ("Tema", None), ("Förslag", None), ("", None), ("Region 5", None),
])
def test_proposal_from_header(header, pid):
    assert proposal_from_header(header) == pid


@pytest.mark.parametrize("raw,clean", [
    ("4.10", "4.10"), (" 4.10 ", "4.10"), ("Förslag 3", "3"), ("5.2.1", "5.2.1"), ("Avsnitt A", "Avsnitt A"),
])
def test_clean_proposal_id_keeps_text(raw, clean):
    assert clean_proposal_id(raw) == clean


STANCE_TABLE = {
    "agree": ["Tillstyrker", "Tillstyrks", "Instämmer", "Ingen erinran", "Inga invändningar", "Ja",
              "Agree", "Yes", "Support", "  tillstyrker ", "TILLSTYRKER", "ja."],
    "partly": ["Tillstyrker delvis", "Delvis", "Tillstyrker med reservation", "Partly agree", "Partly",
               "tillstyrker  delvis"],
    "disagree": ["Avstyrker", "Avstyrks", "Nej", "Disagree", "No", "Oppose", "NEJ"],
    "no_position": ["Ingen synpunkt", "Inga synpunkter", "Inget ställningstagande", "Avstår",
                    "No position", "No opinion"],
    None: ["Kanske", "Tillstyrker ej?", "", "x"],
}


@pytest.mark.parametrize("word,stance", [(w, s) for s, ws in STANCE_TABLE.items() for w in ws])
def test_parse_stance(word, stance):
    assert parse_stance(word) == stance


@pytest.mark.parametrize("raw,canon", [
    ("Region", "Region"), ("Regioner", "Region"), ("Landsting", "Region"),
    ("Kommun", "Kommun"), ("Kommuner", "Kommun"), ("Municipality", "Kommun"),
    ("Statlig myndighet", "Statlig myndighet"), ("Myndighet", "Statlig myndighet"),
    ("Agency", "Statlig myndighet"), ("Government agency", "Statlig myndighet"),
    ("Lärosäte", "Lärosäte"), ("Universitet", "Lärosäte"), ("Högskola", "Lärosäte"),
    ("University", "Lärosäte"), ("Organisation", "Organisation"), ("Fackförbund", "Organisation"),
    ("Förening", "Organisation"), ("Intresseorganisation", "Organisation"),
    ("Övrig", "Övrig"), ("Other", "Övrig"), ("kommun ", "Kommun"), ("Företag", None),
])
def test_parse_type(raw, canon):
    assert parse_type(raw) == canon


@pytest.mark.parametrize("name,inferred", [
    ("Region Skåne", "Region"), ("Västra Götalandsregionen", "Region"), ("Ludvika kommun", "Kommun"),
    ("Stockholms stad", "Kommun"), ("Lunds universitet", "Lärosäte"), ("Karolinska institutet", "Lärosäte"),
    ("Högskolan i Gävle", "Lärosäte"), ("Vårdförbundet", None), ("Socialstyrelsen", None),
    ("Kommunala pensionärsrådet i Gävle", None),
])
def test_infer_type(name, inferred):
    assert infer_type(name) == inferred


@pytest.mark.parametrize("values,expected", [
    (["4.10", "4.2", "4.1"], ["4.1", "4.2", "4.10"]),
    (["10", "9", "1"], ["1", "9", "10"]),
    (["5.2.10", "5.2.1", "5.10.1", "5.2.2"], ["5.2.1", "5.2.2", "5.2.10", "5.10.1"]),
    (["Region b", "region A"], ["region A", "Region b"]),
])
def test_natural_sort(values, expected):
    assert natsorted(values) == expected


def test_swedish_alphabetical_order():
    names = ["Östersunds kommun", "Älmhults kommun", "Åre kommun", "Zinkgruvan", "Arboga kommun", "Eskilstuna"]
    assert natsorted(names) == ["Arboga kommun", "Eskilstuna", "Zinkgruvan", "Åre kommun", "Älmhults kommun",
                                "Östersunds kommun"]
