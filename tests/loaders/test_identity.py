"""One body is one respondent, and proposal ids are plausible: fixtures built in code, figures asserted."""
import pytest

from bench.generate import universe
from loaders.identity import (
    Pair,
    clean_name,
    foreign_letters,
    name_key,
    near_duplicates,
)
from loaders.load import load_bytes
from loaders.vocab import IdCheck, check_proposal_id
from support import sheets

H = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar"]


def load(rows, **extra):
    return load_bytes(sheets.xlsx({"Svar": [H] + [list(r) for r in rows], **extra}), "svar.xlsx")


def of(result, key_sv, severity=None):
    found = [p for p in result.report.problems if key_sv in p.message_sv and severity in (None, p.severity)]
    assert len(found) == 1, [p.message_sv for p in result.report.problems]
    return found[0]


def respondents(result):
    return sorted(map(str, result.data.responses["respondent"].unique()))


# --- Invisible differences ---------------------------------------------------------------

@pytest.mark.parametrize("raw,what_sv,what_en", [
    ("Region Ska\u030ane", "bokstäver i uppdelad form (NFD)", "letters in decomposed form (NFD)"),
    ("Region\u200b Skåne", "osynliga tecken (nollbredd eller skrivriktning)",
     "invisible characters (zero-width or text direction)"),
    ("\u202bRegion Skåne\u202c", "osynliga tecken", "invisible characters"),
    ("Region\u00a0Skåne", "extra eller hårda mellanslag", "extra or non-breaking spaces"),
    ("Region   Skåne", "extra eller hårda mellanslag", "extra or non-breaking spaces"),
])
def test_invisible_differences_are_cleaned_into_one_respondent(raw, what_sv, what_en):
    r = load([["T", "Region Skåne", "Region", "4.2", "Ja", None], ["T", raw, "Region", "4.10", "Nej", None]])
    assert r.ok
    assert respondents(r) == ["Region Skåne"]
    assert r.data.respondents["respondent"].tolist() == ["Region Skåne"]
    p = of(r, "som rättades")
    assert (p.severity, p.category, p.sheet, p.row, p.column) == ("warning", "unique-error", "Svar", 3, "Remissinstans")
    assert p.message_sv.startswith(f'Namnet "Region Skåne" innehöll {what_sv}')
    assert p.message_sv.endswith("(rad 3).")
    assert p.message_en.startswith(f'The name "Region Skåne" held {what_en}')
    assert p.message_en.endswith("(row 3).")


def test_clean_name_and_key():
    assert clean_name(" Region\u00a0\u00a0Ska\u030ane\u200f ") == "Region Skåne"
    assert name_key("REGION skåne") == name_key("Region  Skåne") == name_key("RegionSkåne") == "regionskåne"
    assert name_key("Region Skane") != name_key("Region Skåne")


# --- Case and spacing variants ------------------------------------------------------------

def test_case_and_spacing_variants_merge_to_the_most_frequent_spelling():
    r = load([["T", "region skåne", "Region", "4.2", "Ja", None],
              ["T", "Region Skåne", "Region", "4.10", "Ja", None],
              ["T", "Region Skåne", "Region", "5.2.1", "Nej", None],
              ["T", "REGION SKÅNE", "Region", "6.1", "Ja", None],
              ["T", "Region Norr", "Region", "4.2", "Ja", None]])
    assert r.ok
    assert respondents(r) == ["Region Norr", "Region Skåne"]
    assert r.data.responses["respondent"].value_counts()["Region Skåne"] == 4
    p = of(r, "Stavningarna")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "unique-error", 2, "Remissinstans")
    assert p.message_sv == ('Stavningarna "region skåne" (rad 2), "Region Skåne" (rad 3, 4), "REGION SKÅNE" (rad 5) '
                            'skiljer sig bara i versaler eller mellanslag och räknas som en och samma instans, '
                            '"Region Skåne" (den vanligaste stavningen).')
    assert p.message_en == ('The spellings "region skåne" (row 2), "Region Skåne" (rows 3, 4), "REGION SKÅNE" (row 5) '
                            'differ only in case or spacing and count as one and the same respondent, '
                            '"Region Skåne" (the most frequent spelling).')


def test_variant_tie_goes_to_the_first_row():
    r = load([["T", "lunds kommun", "Kommun", "4.2", "Ja", None], ["T", "Lunds Kommun", "Kommun", "4.10", "Ja", None]])
    assert respondents(r) == ["lunds kommun"]
    p = of(r, "Stavningarna")
    assert p.row == 3 and p.message_en.endswith('"lunds kommun" (the spelling that comes first).')


def test_variants_make_duplicate_codings_visible():
    r = load([["T", "Region Norr", "Region", "4.2", "Tillstyrker", None],
              ["T", "region norr", "Region", "4.2", "Avstyrker", None]])
    assert not r.ok
    p = of(r, "motstridiga", "error")
    assert p.row == 3 and "rad 2 säger tillstyrker, rad 3 säger avstyrker" in p.message_sv


def test_reply_name_matches_instanser_despite_case_and_spacing():
    inst = [["Remissinstans", "Typ", "Län"], ["Region Norr", "Region", "Norrbottens län"],
            ["Kiruna kommun", "Kommun", "Norrbottens län"]]
    r = load([["T", "region  norr", None, "4.2", "Ja", None]], Instanser=inst)
    assert r.ok
    assert respondents(r) == ["Region Norr"]
    table = r.data.respondents.set_index("respondent")
    assert table.loc["Region Norr", "replied"] and not table.loc["Kiruna kommun", "replied"]
    assert table.loc["Region Norr", "county"] == "Norrbottens län"
    assert str(r.data.responses["respondent_type"].iloc[0]) == "Region"  # the Instanser type reaches the reply
    p = of(r, "Stavningarna")
    assert (p.row, p.column) == (2, "Remissinstans")
    assert p.message_sv == ('Stavningarna "Region Norr" (bladet Instanser rad 2), "region norr" (rad 2) skiljer sig '
                            'bara i versaler eller mellanslag och räknas som en och samma instans, "Region Norr" '
                            '(stavningen på bladet Instanser).')
    assert p.message_en.endswith('"Region Norr" (the spelling on the Instanser sheet).')
    assert len([p for p in r.report.problems if "rättades" in p.message_sv]) == 1  # the double space


# --- Near-duplicates -------------------------------------------------------------------------

def test_lookalike_cyrillic_letter_is_flagged_not_merged():
    cyr = "Region Skån\u0435"  # Cyrillic е
    r = load([["T", "Region Skåne", "Region", "4.2", "Ja", None], ["T", cyr, "Region", "4.10", "Ja", None]])
    assert r.ok
    assert len(respondents(r)) == 2
    p = of(r, "samma instans?")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "unique-error", 3, "Remissinstans")
    assert p.message_sv == (f'Är "Region Skåne" (rad 2) och "{cyr}" (rad 3) samma instans? Namnen ser likadana ut men '
                            'skrivs med bokstäver ur olika alfabet. De räknas som två instanser; rätta stavningen i '
                            'arket om de är samma.')
    assert p.message_en.startswith(f'Are "Region Skåne" (row 2) and "{cyr}" (row 3) the same respondent? The names '
                                   'look the same but are written with letters from different alphabets.')


def test_name_with_foreign_letters_alone_is_flagged():
    cyr = "Region Sk\u0430ne"  # Cyrillic а, and no Latin spelling to pair with
    r = load([["T", cyr, "Region", "4.2", "Ja", None], ["T", cyr, "Region", "4.10", "Ja", None]])
    p = of(r, "annat alfabet")
    assert (p.row, p.column) == (2, "Remissinstans")
    assert f'Namnet "{cyr}" (rad 2, 3) innehåller bokstäver ur ett annat alfabet: "а" (kyrillisk).' in p.message_sv
    assert f'The name "{cyr}" (rows 2, 3) holds letters from another alphabet: "а" (Cyrillic).' in p.message_en
    assert foreign_letters("Region Skåne") == [] and foreign_letters("Αθήνα") == []


def test_accents_and_typos_are_flagged_with_rows():
    r = load([["T", "Region Skåne", "Region", "4.2", "Ja", None], ["T", "Region Skane", "Region", "4.10", "Ja", None],
              ["T", "Göteborgs stad", "Kommun", "4.2", "Ja", None],
                  ["T", "Götebrogs stad", "Kommun", "4.10", "Ja", None]])
    assert r.ok and len(respondents(r)) == 4
    accents = of(r, "accenter")
    assert accents.row == 3 and '"Region Skåne" (rad 2) och "Region Skane" (rad 3)' in accents.message_sv
    assert "differ only in accents or punctuation" in accents.message_en
    typo = of(r, "en eller två bokstäver")
    assert typo.row == 5 and '"Göteborgs stad" (row 4) and "Götebrogs stad" (row 5)' in typo.message_en


def test_near_duplicates_threshold():
    names = ["Region Skåne", "Region Dalarna", "Lunds kommun", "Lunds universitet", "Nora kommun", "Mora kommun",
             "Torsby kommun", "Torsås kommun", "Ale kommun", "Åre kommun", "Region Norr", "Region Nord",
             "Uppsala kommun", "Uppsala universitet", "Förening 12", "Förening 13",
             "Regin Skåne", "Socialstyrelsen", "Socialstyrelen", "Region Skånе", "Lidköpings kommun",
             "Linköpings kommun", "Region Jämtland Härjedalen", "Region Jämtland-Härjedalen", "region skåne"]
    assert near_duplicates(names) == [
        Pair("Region Skåne", "Regin Skåne", "typo"),
        Pair("Region Skåne", "Region Skånе", "lookalike"),
        Pair("Regin Skåne", "Region Skånе", "typo"),
        Pair("Socialstyrelsen", "Socialstyrelen", "typo"),
        Pair("Lidköpings kommun", "Linköpings kommun", "typo"),
        Pair("Region Jämtland Härjedalen", "Region Jämtland-Härjedalen", "accents"),
    ]
    # Both on the Instanser sheet: the official's own list says they are two bodies.
    assert near_duplicates(["Lidköpings kommun", "Linköpings kommun"],
                           distinct=["Lidköpings kommun", "Linköpings kommun"]) == []


def test_no_near_duplicates_among_the_benchmark_bodies():
    assert near_duplicates(universe().respondents) == []


def test_near_duplicate_search_is_bounded():
    names = [f"Förening {i} i Sverige" for i in range(20_000)] + [f"Kommun{i:05d}x kommun" for i in range(3000)]
    assert near_duplicates(names) == []
    similar = [f"Kommun{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x kommun" for i in range(600)]
    assert len(near_duplicates(similar, limit=50)) == 50


# --- Types ------------------------------------------------------------------------------------

def test_one_body_two_types_names_the_rows_and_uses_the_commonest():
    r = load([["T", "Region Gotland", "Region", "4.2", "Ja", None],
              ["T", "Region Gotland", "Kommun", "4.10", "Ja", None],
              ["T", "Region Gotland", "Region", "5.2.1", "Ja", None]])
    assert r.ok
    assert set(map(str, r.data.responses["respondent_type"])) == {"Region"}
    assert r.data.respondents["respondent_type"].astype(str).tolist() == ["Region"]
    p = of(r, "olika typ")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "constraint-error", 3, "Typ")
    assert p.message_sv == ('"Region Gotland" har olika typ på olika rader: Region (rad 2, 4), Kommun (rad '
                            '3). En instans '
                            'har en typ; Region används för alla dess rader. Rätta typen i arket.')
    assert p.message_en == ('"Region Gotland" has different types on different rows: Region (rows 2, 4), Municipality '
                            '(row 3). A respondent has one type; Region is used for all its rows. Correct the type in '
                            'the sheet.')


def test_type_synonyms_are_not_a_conflict():
    r = load([["T", "Region Norr", "Region", "4.2", "Ja", None], ["T", "Region Norr", "Landsting", "4.10", "Ja", None]])
    assert r.ok and r.report.problems == []


# --- Blank names at the top of a block -----------------------------------------------------

def test_blank_respondent_on_the_first_data_row_is_an_error():
    r = load([["T", None, "Region", "4.2", "Ja", None], ["T", "Region Norr", "Region", "4.10", "Ja", None],
              ["T", None, "Region", "5.2.1", "Ja", None]])
    assert not r.ok
    p = of(r, "Remissinstans saknas", "error")
    assert (p.category, p.sheet, p.row, p.column) == ("constraint-error", "Svar", 2, "Remissinstans")
    assert p.message_sv.startswith("Remissinstans saknas på rad 2, och det finns ingen rad ovanför att fortsätta från.")
    assert p.message_en.startswith("The respondent is missing on row 2, and there is no row above to continue from.")
    assert respondents(r) == ["Region Norr"]  # row 4 continues Region Norr's block; no nameless respondent
    assert len(r.data.responses) == 2


def test_blank_consultation_on_the_first_data_row_is_an_error_not_a_file_named_consultation():
    r = load([[None, "Region Norr", "Region", "4.2", "Ja", None],
              ["Testremiss", "Region Syd", "Region", "4.2", "Ja", None],
              [None, "Region Norr", "Region", "4.10", "Ja", None]])
    p = of(r, "Remiss saknas", "error")
    assert (p.category, p.row, p.column) == ("constraint-error", 2, "Remiss")
    assert '"svar"' in p.message_sv and "named after the file, \"svar\"" in p.message_en
    assert sorted(map(str, r.data.responses["consultation"].unique())) == ["Testremiss"]
    assert len(r.data.responses) == 2


def test_blank_respondent_at_top_of_wide_layout_is_one_error():
    rows = [["Remissinstans", "Typ", "4.2", "4.10"],
            [None, "Region", "Ja", "Nej"], ["Region Syd", "Region", "Ja", None]]
    r = load_bytes(sheets.xlsx({"Svar": rows}), "w.xlsx")
    errors = r.report.errors
    assert [(p.row, p.column) for p in errors] == [(2, "Remissinstans")]
    assert respondents(r) == ["Region Syd"]


def test_consultation_column_left_blank_throughout_still_uses_the_file_name():
    r = load([[None, "Region Norr", "Region", "4.2", "Ja", None]])
    assert r.ok and list(map(str, r.data.responses["consultation"])) == ["svar"]


# --- Proposal ids ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw,check", [
    ("4.10", IdCheck("4.10")),
    ("04.1", IdCheck("4.1", ("leading_zero",))),
    ("4.01", IdCheck("4.1", ("leading_zero",))),
    ("4,10", IdCheck("4.10", ("decimal_comma",))),
    ("4.1.", IdCheck("4.1", ("trailing_dot",))),
    ("4. 1", IdCheck("4.1", ("spaces",))),
    ("4.1\u200b", IdCheck("4.1", ("characters",))),
    ("Förslag\u00a04.2", IdCheck("4.2", ("characters",))),
    ("\uff14.\uff11", IdCheck("4.1", ("characters",))),
    ("4.1–4.3", IdCheck("", (), "range")),
    ("4.1-4.3", IdCheck("", (), "range")),
    ("4.1 till 4.3", IdCheck("", (), "range")),
    ("4.1, 4.2", IdCheck("", (), "list")),
    ("4, 10", IdCheck("", (), "list")),
    ("5,2,1", IdCheck("", (), "list")),
    ("4.1 och 4.2", IdCheck("", (), "list")),
    ("4.1/4.2", IdCheck("", (), "list")),
    ("Allmänt", IdCheck("Allmänt")),
])
def test_check_proposal_id(raw, check):
    assert check_proposal_id(raw) == check


def test_corrected_ids_warn_and_refused_ids_are_errors_without_phantoms():
    r = load([["T", "Region Norr", "Region", "04.1", "Ja", None], ["T", "Region Norr", "Region", "4,10", "Ja", None],
              ["T", "Region Syd", "Region", "4.1–4.3", "Ja", None],
                  ["T", "Region Syd", "Region", "4.1\u200b", "Nej", None],
              ["T", "Region Syd", "Region", "4.2, 4.3", "Ja", None]])
    assert not r.ok
    assert sorted(map(str, r.data.responses["proposal_id"].unique())) == ["4.1", "4.10"]
    assert sorted(map(str, r.data.proposals["proposal_id"])) == ["4.1", "4.10"]
    zero = of(r, '"04.1"')
    assert (zero.severity, zero.category, zero.row, zero.column) == ("warning", "type-error", 2, "Förslag")
    assert zero.message_sv == 'Förslagsnumret "04.1" läses som 4.1: inledande nollor togs bort (rad 2).'
    assert zero.message_en == 'The proposal id "04.1" is read as 4.1: leading zeros were removed (row 2).'
    comma = of(r, '"4,10"')
    assert comma.row == 3
    assert comma.message_en == 'The proposal id "4,10" is read as 4.10: the comma was read as a point (row 3).'
    rng = of(r, "intervall", "error")
    assert (rng.category, rng.row, rng.column) == ("constraint-error", 4, "Förslag")
    assert rng.message_sv.startswith('Förslagsnumret "4.1–4.3" är ett intervall (rad 4). En rad gäller ett förslag')
    assert rng.message_en.startswith('The proposal id "4.1–4.3" is a range (row 4). A row is about one proposal')
    lst = of(r, "flera förslag", "error")
    assert lst.row == 6
    assert lst.message_en.startswith('The proposal id "4.2, 4.3" is several proposals or unclear (row 6).')
    zw = of(r, "osynliga eller ovanliga")
    assert zw.row == 5 and "zero-width character" in zw.message_en


def test_wide_headers_are_checked_at_the_header():
    rows = [["Remissinstans", "Typ", "04.1", "Förslag 4.2\u200b", "4.1–4.3"],
            ["Region Norr", "Region", "Ja", "Nej", "Ja"]]
    r = load_bytes(sheets.xlsx({"Svar": rows}), "w.xlsx")
    assert sorted(map(str, r.data.responses["proposal_id"])) == ["4.1", "4.2"]
    zero = of(r, '"04.1"')
    assert (zero.row, zero.column) == (1, "04.1") and zero.message_en.endswith("(the header).")
    assert of(r, "Förslag 4.2").severity == "warning"


def test_wide_headers_that_become_one_id_are_an_error_naming_both():
    rows = [["Remissinstans", "Typ", "04.1", "4.1"], ["Region Norr", "Region", "Ja", "Nej"]]
    r = load_bytes(sheets.xlsx({"Svar": rows}), "w.xlsx")
    p = of(r, "Rubrikerna", "error")
    assert (p.category, p.row, p.column) == ("duplicate-label", 1, "4.1")
    assert p.message_en == 'The headers "04.1" and "4.1" are both proposal 4.1. Remove or correct one of the columns.'


# --- Ids against the Förslag sheet ----------------------------------------------------------

FORSLAG = [["Remiss", "Förslag", "Rubrik"], ["T", "4.1", "Ett"], [None, "4.2", "Två"], ["U", "4.11", "Elva"]]


def test_id_not_on_forslag_sheet_names_id_rows_and_column():
    r = load([["T", "Region Norr", "Region", "4.1", "Ja", None], ["T", "Region Norr", "Region", "4.3", "Ja", None],
              ["T", "Region Syd", "Region", "4.3", "Ja", None]], Förslag=FORSLAG)
    p = of(r, '"4.3"', "error")
    assert (p.category, p.sheet, p.row, p.column) == ("constraint-error", "Svar", 3, "Förslag")
    assert p.message_sv == ('Förslag "4.3" finns inte på bladet Förslag (rad 3, 4). Rätta numret eller lägg till '
                            'förslaget.')
    assert p.message_en == 'Proposal "4.3" is not on the Förslag sheet (rows 3, 4). Correct the id or add the proposal.'


def test_id_listed_for_another_consultation_says_so():
    r = load([["T", "Region Norr", "Region", "4.11", "Ja", None]], Förslag=FORSLAG)
    p = of(r, '"4.11"', "error")
    assert p.message_en == ('Proposal "4.11" is on the Förslag sheet but not for the consultation "T" (row 2). '
                            "Correct the id or the consultation's name.")


def test_forslag_row_without_consultation_applies_to_every_consultation():
    r = load([["T", "Region Norr", "Region", "4.2", "Ja", None], ["U", "Region Norr", "Region", "4.11", "Ja", None]],
             Förslag=FORSLAG)
    assert r.ok, [p.message_en for p in r.report.problems]
    props = r.data.proposals
    assert sorted(zip(props["consultation"].astype(str), props["proposal_id"].astype(str), strict=True)) == [
        ("T", "4.1"), ("T", "4.2"), ("U", "4.11"), ("U", "4.2")]
    assert "" not in set(props["consultation"].astype(str))  # no phantom consultation
    assert r.data.responses["proposal_title"].astype(str).tolist() == ["Två", "Elva"]


def test_forslag_sheet_ids_are_checked_too():
    forslag = [["Förslag", "Rubrik"], ["04.1", "Ett"], ["4.2–4.4", "Flera"]]
    r = load([["T", "Region Norr", "Region", "4.1", "Ja", None]], Förslag=forslag)
    zero = of(r, '"04.1"')
    assert (zero.sheet, zero.row, zero.column) == ("Förslag", 2, "Förslag")
    rng = of(r, "intervall", "error")
    assert (rng.sheet, rng.row) == ("Förslag", 3)
    assert r.data.proposals["proposal_id"].astype(str).tolist() == ["4.1"]


def test_empty_forslag_sheet_is_a_warning():
    r = load([["T", "Region Norr", "Region", "4.1", "Ja", None]], Förslag=[["Förslag", "Rubrik"]])
    assert r.ok
    p = of(r, "listar inga förslag")
    assert (p.severity, p.sheet) == ("warning", "Förslag")
    assert p.message_en == "The sheet Förslag lists no proposals, so the proposal ids are not checked against it."


# --- Consultation names -----------------------------------------------------------------------

def test_consultation_variants_are_one_consultation_and_other_sheets_match():
    r = load([["Testremiss", "Region Norr", "Region", "4.2", "Ja", None],
              ["testremiss", "Region Norr", "Region", "4.10", "Ja", None],
              ["Testremiss\u200b", "Region Syd", "Region", "4.2", "Ja", None]],
             Förslag=[["Remiss", "Förslag", "Rubrik"], ["TESTREMISS", "4.2", "Ett"], ["Testremiss", "4.10", "Tio"]],
             Instanser=[["Remiss", "Remissinstans", "Typ"], ["Test remiss", "Kiruna kommun", "Kommun"]])
    assert r.ok
    assert r.data.responses["consultation"].astype(str).unique().tolist() == ["Testremiss"]
    assert r.data.proposals["consultation"].astype(str).tolist() == ["Testremiss", "Testremiss"]
    assert r.data.responses["proposal_title"].astype(str).tolist() == ["Ett", "Tio", "Ett"]
    invited = r.data.respondents.set_index("respondent")
    assert invited.loc["Kiruna kommun", "consultation"] == "Testremiss" and not invited.loc["Kiruna kommun", "replied"]
    variants = of(r, "Remissnamnen")
    assert (variants.row, variants.column) == (3, "Remiss")
    assert variants.message_en == ('The consultation names "Testremiss" (rows 2, 4), "testremiss" (row 3) differ only '
                                   'in case or spacing and count as the same consultation, "Testremiss".')
    matched = of(r, '"TESTREMISS" på bladet Förslag')
    assert (matched.sheet, matched.row) == ("Förslag", 2)
    assert matched.message_en.startswith('The consultation "TESTREMISS" on the sheet Förslag is matched to '
                                         '"Testremiss" in the replies')
    assert of(r, '"Test remiss" på bladet Instanser').sheet == "Instanser"


def test_ids_that_differ_only_in_case_are_one_proposal():
    r = load([["T", "Region Norr", "Region", "4.1a", "Ja", None], ["T", "Region Syd", "Region", "4.1A", "Nej", None],
              ["T", "Region Mitt", "Region", "4.1a", "Ja", None]])
    assert r.ok
    assert r.data.responses["proposal_id"].astype(str).tolist() == ["4.1a", "4.1a", "4.1a"]
    assert len(r.data.proposals) == 1
    p = of(r, "bara i versaler")
    assert (p.severity, p.category, p.row, p.column) == ("warning", "type-error", 3, "Förslag")
    assert p.message_sv == ('Förslagsnumren "4.1a" (rad 2, 4), "4.1A" (rad 3) skiljer sig bara i versaler och '
                            'räknas som samma förslag, 4.1a.')
    assert p.message_en == ('The proposal ids "4.1a" (rows 2, 4), "4.1A" (row 3) differ only in case and count as '
                            'the same proposal, 4.1a.')


def test_name_of_invisible_characters_only_is_an_error_not_a_nameless_respondent():
    r = load([["T", "Region Norr", "Region", "4.2", "Ja", None], ["T", "\u200b\u200e", "Region", "4.10", "Ja", None]],
             Instanser=[["Remissinstans", "Typ"], ["Region Norr", "Region"], ["\u200b", "Kommun"]])
    assert not r.ok
    p = of(r, "bara av osynliga tecken. Skriv", "error")
    assert (p.category, p.sheet, p.row, p.column) == ("constraint-error", "Svar", 3, "Remissinstans")
    assert p.message_en.startswith("The respondent on row 3 consists of invisible characters only.")
    listed = of(r, "används inte")
    assert (listed.sheet, listed.row) == ("Instanser", 3)
    assert respondents(r) == ["Region Norr"]
    assert r.data.respondents["respondent"].tolist() == ["Region Norr"]


def test_id_of_invisible_characters_only_is_a_missing_id():
    assert check_proposal_id("\u200b\u00a0") == IdCheck("")
    r = load([["T", "Region Norr", "Region", "\u200b", "Ja", None]])
    p = of(r, "Förslagsnummer saknas", "error")
    assert (p.row, p.column) == (2, "Förslag")


def test_reply_type_differing_from_instanser_is_a_warning():
    r = load([["T", "Region Gotland", "Kommun", "4.2", "Ja", None]],
             Instanser=[["Remissinstans", "Typ"], ["Region Gotland", "Region"]])
    assert r.ok
    p = of(r, "på bladet Instanser men")
    assert (p.severity, p.category, p.sheet, p.row) == ("warning", "constraint-error", "Instanser", 2)
    assert p.message_sv == ('"Region Gotland" har typen Region på bladet Instanser men Kommun i svaren. Typen i svaren '
                            'används; rätta den på ett av ställena.')
    assert p.message_en.startswith('"Region Gotland" has the type Region on the Instanser sheet but Municipality in '
                                   "the replies.")
    assert r.data.responses["respondent_type"].astype(str).tolist() == ["Kommun"]


def test_instanser_listing_one_body_twice_is_one_invited_body():
    inst = [["Remissinstans", "Typ"], ["Kiruna kommun", "Kommun"], ["KIRUNA  kommun", "Kommun"],
            ["Region Norr", "Region"]]
    r = load([["T", "Region Norr", "Region", "4.2", "Ja", None]], Instanser=inst)
    assert r.ok
    assert r.data.respondents["respondent"].tolist() == ["Kiruna kommun", "Region Norr"]
    assert r.data.respondents["replied"].tolist() == [False, True]
    p = of(r, "Stavningarna")
    assert (p.sheet, p.row, p.column) == ("Instanser", 3, "Remissinstans")
    assert p.message_en.startswith('The spellings "Kiruna kommun" (Instanser sheet row 2), "KIRUNA kommun" (Instanser '
                                   'sheet row 3) differ only in case or spacing')
