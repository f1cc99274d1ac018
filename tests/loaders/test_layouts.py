"""Every layout of the same facts loads to the same canonical frame."""
import pandas as pd
import pytest

from loaders.load import load_bytes
from loaders.schema import COLUMNS, STANCE_DTYPE
from support import sheets

LAYOUTS = {
    "long.xlsx": sheets.long_xlsx,
    "wide.xlsx": sheets.wide_xlsx,
    "english.xlsx": sheets.english_xlsx,
    "titled_merged.xlsx": sheets.titled_merged_xlsx,
    "extras.xlsx": sheets.workbook_with_extras,
    "cp1252_semicolon.csv": lambda: sheets.csv_bytes(";", "cp1252"),
    "utf8_bom_comma.csv": lambda: sheets.csv_bytes(",", "utf-8", bom=True),
    "utf8_tab.csv": lambda: sheets.csv_bytes("\t", "utf-8"),
}

KEY = ["consultation", "respondent", "respondent_type", "proposal_id", "stance"]


def expected_core() -> pd.DataFrame:
    stance = {"Tillstyrker": "agree", "Avstyrker": "disagree", "Tillstyrker delvis": "partly",
              "Ingen synpunkt": "no_position"}
    return pd.DataFrame(
        [(sheets.CONSULTATION, r, t, p, stance[s]) for r, t, p, s, _ in sheets.FACTS], columns=KEY)


def core(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[KEY].astype(str)
    return out.sort_values(KEY).reset_index(drop=True)


@pytest.mark.parametrize("name", LAYOUTS)
def test_layout_loads_to_same_frame(name):
    result = load_bytes(LAYOUTS[name](), name)
    assert result.ok, [p.message_en for p in result.report.problems]
    assert result.report.problems == []
    df = result.data.responses
    assert list(df.columns) == list(COLUMNS)
    assert df["stance"].dtype == STANCE_DTYPE
    assert df["row"].dtype == "int32"
    pd.testing.assert_frame_equal(core(df), core(expected_core()))


def test_ids_kept_as_text():
    df = load_bytes(sheets.long_xlsx(), "long.xlsx").data.responses
    assert sorted(map(str, df["proposal_id"].unique())) == ["4.10", "4.2", "5.2.1"]


def test_rows_are_excel_rows():
    df = load_bytes(sheets.titled_merged_xlsx(), "t.xlsx").data.responses
    # Four title/blank rows, header on row 5, data from row 6.
    assert df["row"].tolist() == list(range(6, 6 + len(sheets.FACTS)))
    assert set(df["sheet"].astype(str)) == {"Svar"}


def test_wide_rows_point_at_respondent_row():
    df = load_bytes(sheets.wide_xlsx(), "w.xlsx").data.responses
    rows = df.groupby("respondent", observed=True)["row"].unique().map(list).to_dict()
    assert rows == {"Region Norr": [2], "Region Syd": [3], "Ludvika kommun": [4]}


def test_comments_and_file_name_consultation():
    rows = [r[1:] for r in sheets.long_rows()]  # drop the Remiss column
    result = load_bytes(sheets.xlsx({"Svar": rows}), "Min remiss 2024.xlsx")
    df = result.data.responses
    assert set(df["consultation"].astype(str)) == {"Min remiss 2024"}
    assert df.loc[df["respondent"].eq("Region Norr") & df["proposal_id"].eq("5.2.1"), "comment"].item() \
        == "Behöver förtydligas"


def test_extras_join_titles_topics_and_invited():
    data = load_bytes(sheets.workbook_with_extras(), "x.xlsx").data
    df = data.responses
    assert df.loc[df["proposal_id"].eq("4.10"), "topic"].astype(str).unique().tolist() == ["Arbetsmiljö"]
    assert df.loc[df["proposal_id"].eq("5.2.1"), "addressee"].astype(str).unique().tolist() == ["Kommun"]
    # Types come from the Instanser sheet.
    assert df.loc[df["respondent"].eq("Ludvika kommun"), "respondent_type"].astype(str).unique().tolist() \
        == ["Kommun"]
    resp = data.respondents.set_index("respondent")
    assert resp.loc["Kiruna kommun", "replied"] is False or resp.loc["Kiruna kommun", "replied"] == False  # noqa: E712
    assert bool(resp.loc["Region Syd", "replied"]) is True
    assert resp.loc["Region Syd", "population"] == 1400000
    assert resp.loc["Kiruna kommun", "county"] == "Norrbottens län"
    assert data.proposals["proposal_id"].tolist() == ["4.2", "4.10", "5.2.1"]


def test_cli_summary_identical_for_all_layouts(tmp_path, capsys):
    import cli

    outputs = set()
    for name, build in LAYOUTS.items():
        path = tmp_path / name
        path.write_bytes(build())
        assert cli.main(["summary", str(path)]) == 0
        outputs.add(capsys.readouterr().out)
    assert outputs == {sheets.SUMMARY_CSV}
