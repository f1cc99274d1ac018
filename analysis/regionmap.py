"""Agreement per region, for the tile-grid map: one row for each of the 21 regions.

A reply counts for a region when its respondent is typed Region and the
register (:mod:`loaders.register`) knows the name as that region ("Region
Skåne", "Västra Götalandsregionen", a former name, a department). The share
is the region's coded answers that agree (optionally counting "agrees in
part"), of all its coded answers in the selection. Regions that did not reply
in the selection are kept, with ``n == 0`` and no share, so the map always
shows the whole country.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.contrast import SMALL_N
from loaders.register import match_body, register

#: Tile position (column, row) of each region by län code: a rough picture of Sweden, north at the top.
TILE_POSITIONS: dict[str, tuple[int, int]] = {
    "25": (3, 0),  # Norrbotten
    "24": (2, 1),  # Västerbotten
    "23": (1, 2), "22": (2, 2),  # Jämtland Härjedalen, Västernorrland
    "20": (1, 3), "21": (2, 3),  # Dalarna, Gävleborg
    "17": (0, 4), "18": (1, 4), "19": (2, 4), "03": (3, 4),  # Värmland, Örebro, Västmanland, Uppsala
    "14": (0, 5), "05": (1, 5), "04": (2, 5), "01": (3, 5),  # Västra Götaland, Östergötland, Sörmland, Stockholm
    "13": (0, 6), "06": (1, 6), "08": (2, 6), "09": (3, 6),  # Halland, Jönköping, Kalmar, Gotland
    "12": (0, 7), "07": (1, 7), "10": (2, 7),  # Skåne, Kronoberg, Blekinge
}

COLUMNS = ("region", "short", "county", "col", "row", "agree", "n", "share", "small_n")


def short_name(canonical: str) -> str:
    """The tile's label: "Region Skåne" -> "Skåne", "Västra Götalandsregionen" -> "Västra Götaland"."""
    s = canonical.removeprefix("Region ")
    if s.endswith(" län"):  # "Jönköpings län" -> "Jönköping"
        s = s.removesuffix(" län")
        s = s.removesuffix("s")
    return s.removesuffix("sregionen")


def region_of(name: str) -> str | None:
    """The canonical region a respondent name stands for, or None (kommuner, agencies, unknown regions)."""
    m = match_body(name)
    if m is None or m.via == "rule" or m.type != "Region":
        return None
    return m.canonical if m.canonical in {r.canonical for r in register().regioner} else None


def region_shares(responses: pd.DataFrame, count_partly: bool = False) -> pd.DataFrame:
    """One row per region (north to south, west to east): tile position, agree count, n, share, small_n."""
    regions = sorted(register().regioner, key=lambda r: (TILE_POSITIONS[r.lan_kod][1], TILE_POSITIONS[r.lan_kod][0]))
    typed = responses[responses["respondent_type"].astype("str").eq("Region")]
    names = pd.unique(typed["respondent"].astype("str"))
    to_region = {n: region_of(n) for n in names}
    region = typed["respondent"].astype("str").map(to_region)
    stance = typed["stance"].astype("str")
    agree = stance.eq("agree") | (stance.eq("partly") if count_partly else False)
    counts = pd.DataFrame({"region": region, "agree": agree}).dropna(subset=["region"])
    agg = counts.groupby("region")["agree"].agg(["sum", "size"])
    rows = []
    for r in regions:
        col, row = TILE_POSITIONS[r.lan_kod]
        k, n = (int(agg.at[r.canonical, "sum"]), int(agg.at[r.canonical, "size"])) if r.canonical in agg.index \
            else (0, 0)
        rows.append((r.canonical, short_name(r.canonical), r.lan, col, row, k, n, k / n if n else np.nan,
                     0 < n < SMALL_N))
    return pd.DataFrame(rows, columns=list(COLUMNS))
