"""Teman: the topic × type heatmap (share and n in each cell) and the bars per topic."""
from __future__ import annotations

import numpy as np
import pytest

from support.apptest import widget


def cell_table(rows, agree=("agree",)):
    g = rows.assign(ok=rows["stance"].isin(agree)).groupby(["topic", "respondent_type"])["ok"]
    return g.sum().astype(int), g.size()


@pytest.mark.parametrize("partly", [False, True])
def test_heatmap_cells(ui, plan_rows, partly):
    at = ui.open("topics", **({"delvis": "1"} if partly else {}))
    assert not at.exception
    k, n = cell_table(plan_rows, ("agree", "partly") if partly else ("agree",))
    hm = ui.figures(at)["topics_heatmap"].data[0]
    seen = 0
    for i, topic in enumerate(hm.y):
        for j, ty in enumerate(hm.x):
            if (topic, ty) not in n.index:
                assert np.isnan(hm.z[i][j]) and hm.text[i][j] == ""
                continue
            seen += 1
            assert hm.z[i][j] == pytest.approx(k[(topic, ty)] / n[(topic, ty)])
            pct = round(100 * k[(topic, ty)] / n[(topic, ty)])
            assert hm.text[i][j].startswith(f"{pct}\xa0%<br>n={n[(topic, ty)]}")
    assert seen == len(n)
    table = ui.table_with(at, "Tema", "Typ", "n")
    assert table["n"].sum() == len(plan_rows)
    assert table["Underlag"].tolist().count("litet underlag") == int((n < 5).sum())


def test_bars_per_topic_and_region_filter(ui, plan_rows):
    at = ui.open("topics")
    widget(at, "multiselect", "Typ av remissinstans").set_value(["Region"]).run()
    regions = plan_rows[plan_rows["respondent_type"] == "Region"]
    fig = ui.figures(at)["topics_bars"]
    agree = ui.trace(fig, "Tillstyrker")
    shares = regions.groupby("topic")["stance"].apply(lambda s: (s == "agree").mean())
    sizes = regions.groupby("topic").size()
    for label, x in zip(agree.customdata, agree.x):
        topic = label[0].rsplit(" (n=", 1)[0]
        assert x == pytest.approx(shares[topic])
        assert label[3] == sizes[topic]
    top = shares.idxmax()
    assert fig.layout.meta["title"].startswith(f"Störst stöd får temat {top}")
    hm = ui.figures(at)["topics_heatmap"].data[0]
    assert list(hm.x) == ["Region"]
