"""The tile-grid map of the regions: shares per region, tile positions, labels and text alternative."""
import numpy as np
import pandas as pd

from analysis.regionmap import TILE_POSITIONS, region_shares, short_name
from charts.tilemap import map_description, map_title, region_tiles
from loaders.schema import conform


def responses(rows):
    return conform(pd.DataFrame(rows, columns=["respondent", "respondent_type", "proposal_id", "stance"])
                   .assign(consultation="R"))


ROWS = [
    ("Region Skåne", "Region", "1", "agree"), ("Region Skåne", "Region", "2", "agree"),
    ("Region Skåne", "Region", "3", "disagree"), ("Region Skåne", "Region", "4", "partly"),
    ("Stockholms läns landsting", "Region", "1", "disagree"),  # a former name counts for Region Stockholm
    ("Västra Götalandsregionen", "Region", "1", "agree"),
    ("Malmö stad", "Kommun", "1", "disagree"),  # not a region
    ("Region Norr", "Region", "1", "agree"),  # a region the register does not know: not on the map
]


def test_shares_per_region_with_every_region_present():
    out = region_shares(responses(ROWS))
    assert len(out) == 21 and out["region"].is_unique
    by = out.set_index("region")
    assert (by.at["Region Skåne", "agree"], by.at["Region Skåne", "n"], by.at["Region Skåne", "share"]) == (2, 4, 0.5)
    assert bool(by.at["Region Skåne", "small_n"]) is True  # 4 < 5
    assert (by.at["Region Stockholm", "agree"], by.at["Region Stockholm", "n"]) == (0, 1)
    assert by.at["Västra Götalandsregionen", "share"] == 1.0
    assert int(out["n"].sum()) == 6 and np.isnan(by.at["Region Gotland", "share"])
    partly = region_shares(responses(ROWS), count_partly=True).set_index("region")
    assert partly.at["Region Skåne", "share"] == 0.75
    assert out["county"].tolist()[0] == "Norrbottens län" and out["region"].tolist()[-1] == "Region Blekinge"


def test_tile_positions_are_distinct_and_cover_all_21_counties():
    assert len(TILE_POSITIONS) == 21 and len(set(TILE_POSITIONS.values())) == 21
    assert [short_name(n) for n in ("Region Jönköpings län", "Västra Götalandsregionen", "Region Örebro län",
                                    "Region Jämtland Härjedalen")] == \
        ["Jönköping", "Västra Götaland", "Örebro", "Jämtland Härjedalen"]


def test_tiles_labels_title_and_text_alternative():
    out = region_shares(responses(ROWS))
    title, desc = map_title(out, "sv"), map_description(out, "sv")
    assert title == "Störst stöd i Västra Götaland (100\xa0%), minst i Stockholm (0\xa0%)"
    # North to south, west to east within a row.
    assert "3 regioner har svarat: Västra Götaland 100\xa0% (n=1); Stockholm 0\xa0% (n=1); Skåne 50\xa0% (n=4)." \
        in desc
    assert desc.endswith("Blekinge.") and "Inget svar i urvalet från: Norrbotten, Västerbotten" in desc
    fig = region_tiles(out, "en", title=map_title(out, "en"), description=map_description(out, "en"))
    grey, shares = fig.data
    skane = TILE_POSITIONS["12"]
    assert shares.z[skane[1]][skane[0]] == 0.5 and np.isnan(grey.z[skane[1]][skane[0]])
    assert shares.text[skane[1]][skane[0]] == "Skåne<br><b>50%</b><br>n=4<br>few answers"
    gotland = TILE_POSITIONS["09"]
    assert grey.z[gotland[1]][gotland[0]] == 0 and shares.text[gotland[1]][gotland[0]] == "Gotland<br>no reply"
    assert fig.layout.meta["title"] == "Most support in Västra Götaland (100%), least in Stockholm (0%)"
    assert map_title(region_shares(responses(ROWS[-2:])), "sv") == "Ingen region har svarat i urvalet"
