"""The loader uses the register: inferred types, contradictions, old names and departments, counties."""
from loaders.load import load_bytes
from support import sheets

HEAD = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Källa"]


def load(rows, extra=None):
    book = {"Svar": [HEAD] + [["R", *r] for r in rows]}
    book.update(extra or {})
    return load_bytes(sheets.xlsx(book), "f.xlsx")


def warnings(result, lang="sv"):
    return sorted(p.message(lang) for p in result.report.warnings)


def types(result):
    df = result.data.respondents
    return dict(zip(df["respondent"].astype(str), df["respondent_type"].astype(str), strict=True))


def test_missing_types_come_from_the_register_then_rules_then_ovrig():
    r = load([
        ["Socialstyrelsen", None, "1", "Ja", None],
        ["Blekinge tingsrätt", None, "1", "Nej", None],
        ["SKR", None, "1", "Ja", None],
        ["Barnrättsbyrån", None, "1", "Ja", None],
    ])
    assert r.ok
    assert types(r) == {"Socialstyrelsen": "Statlig myndighet", "Blekinge tingsrätt": "Statlig myndighet",
                        "SKR": "Organisation", "Barnrättsbyrån": "Övrig"}
    assert warnings(r) == [
        'Typ saknas för "Barnrättsbyrån" och kan inte utläsas ur namnet; räknas som Övrig.',
        'Typ saknas för "Blekinge tingsrätt"; tolkas som Statlig myndighet utifrån namnet (regeln "court").',
        'Typ saknas för "SKR"; tolkas som Organisation enligt registret (Sveriges Kommuner och Regioner).',
        'Typ saknas för "Socialstyrelsen"; tolkas som Statlig myndighet enligt registret (Socialstyrelsen).',
    ]
    assert 'Type is missing for "Blekinge tingsrätt"; read as Government agency from the name (the rule "court").' \
        in warnings(r, "en")
    rows = {p.message_sv.split('"')[1]: (p.row, p.column) for p in r.report.warnings}
    assert rows["Socialstyrelsen"] == (2, "Typ") and rows["Barnrättsbyrån"] == (5, "Typ")


def test_a_type_contradicting_the_register_is_kept_with_a_warning():
    r = load([
        ["Region Skåne", "Kommun", "1", "Ja", None],
        ["Region Gotland", "Kommun", "1", "Ja", None],
        ["Region Syd", "Kommun", "1", "Ja", None],
    ])
    assert r.ok and not r.report.errors
    assert types(r) == {"Region Skåne": "Kommun", "Region Gotland": "Kommun", "Region Syd": "Kommun"}
    assert warnings(r) == [
        '"Region Skåne" har typen Kommun i arket, men registret anger Region (Region Skåne). Arkets typ används.']
    assert warnings(r, "en") == [
        '"Region Skåne" has the type Municipality in the sheet, but the register says Region (Region Skåne). '
        "The sheet's type is used."]
    p = r.report.warnings[0]
    assert (p.row, p.column, p.sheet) == (2, "Typ", "Svar")


def test_former_names_and_departments_become_the_body_and_keep_the_name_as_written():
    r = load([
        ["Stockholms läns landsting", "Region", "1", "Ja", None],
        ["Stockholms läns landsting", "Region", "2", "Nej", None],
        ["Socialförvaltningen, Stockholms stad", "Kommun", "1", "Nej", "Remissvar 2024-03-01"],
        ["Malmö stad", "Kommun", "1", "Ja", None],
    ])
    assert r.ok
    resp = r.data.responses
    cols = [resp[c].astype(str) for c in ("respondent", "proposal_id", "source")]
    got = sorted(zip(*cols, strict=True))
    assert got == [
        ("Malmö stad", "1", ""),
        ("Region Stockholm", "1", "namn i arket: Stockholms läns landsting"),
        ("Region Stockholm", "2", "namn i arket: Stockholms läns landsting"),
        ("Stockholms stad", "1", "Remissvar 2024-03-01 · namn i arket: Socialförvaltningen, Stockholms stad"),
    ]
    assert warnings(r) == [
        '"Socialförvaltningen, Stockholms stad" är en del av Stockholms stad och räknas som Stockholms stad. '
        "Namnet i arket sparas i kolumnen Källa.",
        '"Stockholms läns landsting" är ett äldre namn för Region Stockholm och räknas som Region Stockholm. '
        "Namnet i arket sparas i kolumnen Källa.",
    ]
    assert '"Stockholms läns landsting" is a former name of Region Stockholm and is counted as Region Stockholm. ' \
        "The name in the sheet is kept in the Source column." in warnings(r, "en")
    renamed = [p for p in r.report.warnings if "Stockholms läns" in p.message_sv][0]
    assert (renamed.row, renamed.column) == (2, "Remissinstans")


def test_counties_attached_to_kommuner_and_regions_and_a_sheet_county_wins():
    instanser = [["Remiss", "Remissinstans", "Typ", "Län"],
                 ["R", "Region Stockholm", "Region", None],
                 ["R", "Ludvika kommun", "Kommun", "Dalarna"],
                 ["R", "Landstinget i Värmland", "Region", None]]
    r = load([["Region Stockholm", "Region", "1", "Ja", None],
              ["Ludvika kommun", "Kommun", "1", "Ja", None],
              ["Socialstyrelsen", "Statlig myndighet", "1", "Ja", None]],
             extra={"Instanser": instanser})
    assert r.ok
    df = r.data.respondents
    county = dict(zip(df["respondent"].astype(str), df["county"].astype(str), strict=True))
    replied = dict(zip(df["respondent"].astype(str), df["replied"], strict=True))
    assert county == {"Region Stockholm": "Stockholms län", "Ludvika kommun": "Dalarna", "Socialstyrelsen": "",
                      "Region Värmland": "Värmlands län"}
    assert replied == {"Region Stockholm": True, "Ludvika kommun": True, "Socialstyrelsen": True,
                       "Region Värmland": False}
