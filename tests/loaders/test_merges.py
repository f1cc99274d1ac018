"""Name merges: candidate pairs, applying confirmed merges, merge files."""
import pytest

from loaders.load import load_bytes
from loaders.merges import Merge, MergeFileError, apply_merges, candidate_pairs, read_merge_file, resolve
from support import sheets

HEAD = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Källa"]


def load(rows):
    return load_bytes(sheets.xlsx({"Svar": [HEAD] + [["R", *r] for r in rows]}), "f.xlsx")


def test_pairs_by_folded_name_register_and_spelling():
    names = ["Region Stockholm", "Region stockholm", "Stockholms kommun", "Stockholms stad",
             "Socialstyrelssen", "Socialstyrelsen", "Malmö stad", "Malå kommun", "Region Skåne"]
    pairs = candidate_pairs(names, {"Region Stockholm": 5, "Region stockholm": 1})
    got = [(p.name, p.into, p.reason) for p in pairs]
    assert got == [
        ("Region stockholm", "Region Stockholm", "same-key"),
        ("Stockholms kommun", "Stockholms stad", "register"),
        ("Socialstyrelssen", "Socialstyrelsen", "similar"),
    ]
    assert pairs[2].score == 96  # 2 * 15 / (16 + 15) = 96.8 %, truncated


def test_numbered_names_are_never_offered_as_near_spellings():
    assert candidate_pairs(["Instans 12", "Instans 13", "Instans 120"]) == []
    assert [(p.name, p.into) for p in candidate_pairs(["Instans 12", "instans 12"], {"Instans 12": 2})] == \
        [("instans 12", "Instans 12")]


def test_the_name_to_keep_is_the_registers_then_the_commoner():
    assert [(p.name, p.into) for p in candidate_pairs(["Vårdförbundet", "VÅRDFÖRBUNDET"])] == \
        [("VÅRDFÖRBUNDET", "Vårdförbundet")]
    assert [(p.name, p.into) for p in candidate_pairs(["Föreningen X", "föreningen x"], {"föreningen x": 3})] == \
        [("Föreningen X", "föreningen x")]


def test_resolve_follows_chains_and_cuts_cycles():
    assert resolve([Merge("a", "b"), Merge("b", "c")]) == {"a": "c", "b": "c"}
    assert resolve([Merge("a", "b"), Merge("b", "a")]) == {"a": "b"}
    assert resolve([Merge("a", "a")]) == {}


def test_apply_merges_renames_rows_keeps_provenance_and_drops_overlaps():
    r = load([
        ["Region Stockholm", "Region", "1", "Ja", None],
        ["Region Stockholm", "Region", "2", "Nej", None],
        ["Region Stockhlm", "Övrig", "2", "Ja", "Mejl 3 mars"],
        ["Region Stockhlm", "Övrig", "3", "Ja", None],
        ["Malmö stad", "Kommun", "1", "Ja", None],
    ])
    assert r.ok
    merged, n = apply_merges(r.data, [Merge("Region Stockhlm", "Region Stockholm")])
    assert n == {"Region Stockhlm": 2}
    rows = sorted(zip(*(merged.responses[c].astype(str) for c in ("respondent", "proposal_id", "stance", "source",
                                                                   "respondent_type")), strict=True))
    assert rows == [
        ("Malmö stad", "1", "agree", "", "Kommun"),
        ("Region Stockholm", "1", "agree", "", "Region"),
        ("Region Stockholm", "2", "disagree", "", "Region"),
        ("Region Stockholm", "3", "agree", "namn i arket: Region Stockhlm", "Region"),
    ]
    resp = merged.respondents
    assert sorted(resp["respondent"]) == ["Malmö stad", "Region Stockholm"]
    assert dict(zip(resp["respondent"], resp["respondent_type"], strict=True))["Region Stockholm"] == "Region"
    unchanged, none = apply_merges(r.data, [Merge("Okänd", "Region Stockholm")])
    assert none == {} and unchanged is r.data


def test_merge_file_with_header_semicolons_and_errors(tmp_path):
    f = tmp_path / "m.csv"
    f.write_text("Namn i arket;Räknas som\nRegion Stockhlm;Region Stockholm\n\nSKL;SKR\n", encoding="utf-8")
    assert read_merge_file(f) == [Merge("Region Stockhlm", "Region Stockholm"), Merge("SKL", "SKR")]
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nc\n", encoding="utf-8")
    with pytest.raises(MergeFileError) as exc:
        read_merge_file(bad)
    assert exc.value.sv == ("Sammanslagningsfilen bad.csv, rad 2: två kolumner behövs, namnet i arket och "
                            "namnet det räknas som.")
    assert exc.value.en.startswith("The merge file bad.csv, row 2: two columns are needed")
    with pytest.raises(MergeFileError) as exc:
        read_merge_file(tmp_path / "missing.csv")
    assert "missing.csv" in exc.value.sv and "kan inte öppnas" in exc.value.sv
