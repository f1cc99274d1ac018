"""The regions' tile map on Översikt and on Region vs kommun: chart, text alternative and table."""
from components.text import escape_md
from support.apptest import text_of


def test_map_on_overview_matches_the_demo_regions(ui, plan_rows):
    at = ui.open()
    assert not at.exception
    fig = ui.figures(at)["overview_region_map"]
    table = ui.table_with(at, "Region", "Län", "Tillstyrker", "n")
    assert len(table) == 21
    regions = plan_rows[plan_rows["respondent_type"] == "Region"]
    for name in ("Region Skåne", "Region Jönköpings län", "Västra Götalandsregionen"):
        rows = regions[regions["respondent"] == name]
        row = table[table["Region"] == name].iloc[0]
        assert (row["Tillstyrker"], row["n"]) == (int((rows["stance"] == "agree").sum()), len(rows))
    assert table["n"].sum() == len(regions)
    assert fig.layout.meta["description"].startswith("Karta med en ruta per region")
    assert escape_md(fig.layout.meta["title"]) in text_of(at)
    assert "Bara svar från instanser av typen Region som registret känner igen räknas." in text_of(at)


def test_map_on_contrast_page_counts_partly_when_asked(ui):
    at = ui.open("contrast")
    assert not at.exception
    assert "contrast_region_map" in ui.figures(at)
    plain = ui.table_with(at, "Region", "Län", "Tillstyrker", "n")
    at = ui.open("contrast", delvis="1")
    partly = ui.table_with(at, "Region", "Län", "Tillstyrker", "n")
    assert (partly["Tillstyrker"] >= plain["Tillstyrker"]).all()
    assert partly["Tillstyrker"].sum() > plain["Tillstyrker"].sum()
    assert partly["n"].tolist() == plain["n"].tolist()
