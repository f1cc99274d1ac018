"""Region vs kommun on the demo: shares, Wilson intervals, Fisher p and Holm p, checked by hand."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import fisher_exact

from support.apptest import text_of, widget

Z = 1.959963984540054


def wilson(k, n):
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    out = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


def expected(rows, a="Region", b="Kommun", by="proposal_id", agree=("agree",), group="respondent_type"):
    out = []
    for key, sub in rows.groupby(by):
        rec = {"key": key}
        for g, label in (("a", a), ("b", b)):
            s = sub[sub[group] == label]
            rec[f"{g}_agree"], rec[f"{g}_total"] = int(s["stance"].isin(agree).sum()), len(s)
            rec[f"{g}_share"] = rec[f"{g}_agree"] / rec[f"{g}_total"] if len(s) else math.nan
            rec[f"{g}_low"], rec[f"{g}_high"] = wilson(rec[f"{g}_agree"], rec[f"{g}_total"])
        if rec["a_total"] and rec["b_total"]:
            rec["p"] = fisher_exact([[rec["a_agree"], rec["a_total"] - rec["a_agree"]],
                                     [rec["b_agree"], rec["b_total"] - rec["b_agree"]]]).pvalue
        else:
            rec["p"] = math.nan
        rec["small"] = rec["a_total"] < 5 or rec["b_total"] < 5
        out.append(rec)
    df = pd.DataFrame(out)
    df["p_holm"] = math.nan
    ok = df["p"].notna()
    df.loc[ok, "p_holm"] = holm(df.loc[ok, "p"])
    return df.set_index("key")


def compare(table, exp, a="Region", b="Kommun", key_of=lambda label: label.split(" – ")[0]):
    assert len(table) == len(exp)
    for _, row in table.iterrows():
        e = exp.loc[key_of(row["Rad"])]
        for g, name in (("a", a), ("b", b)):
            assert row[f"{name}: tillstyrker"] == e[f"{g}_agree"]
            assert row[f"{name}: n"] == e[f"{g}_total"]
            for col, part in (("andel", "share"), ("95 % KI från", "low"), ("95 % KI till", "high")):
                assert row[f"{name}: {col}"] == pytest.approx(e[f"{g}_{part}"], abs=1e-12, nan_ok=True)
        assert row["Skillnad"] == pytest.approx(e["a_share"] - e["b_share"], nan_ok=True)
        assert row["p"] == pytest.approx(e["p"], rel=1e-9, nan_ok=True)
        assert row["p (Holm)"] == pytest.approx(e["p_holm"], rel=1e-9, nan_ok=True)
        assert row["Underlag"] == ("litet underlag" if e["small"] else "")


def test_per_proposal_matches_hand_computation(ui, plan_rows):
    at = ui.open("contrast")
    assert not at.exception
    exp = expected(plan_rows)
    table = ui.table_with(at, "Rad", "Region: andel", "Kommun: andel")
    compare(table, exp)
    assert table["Rad"].str.split(" – ").str[0].tolist()[:3] == ["5.1.1", "5.1.2", "5.1.3"]
    fig = ui.figures(at)["contrast_proposal_id"]
    region, kommun = ui.trace(fig, "Region"), ui.trace(fig, "Kommun")
    ids = [c[0] for c in region.customdata]
    np.testing.assert_allclose(region.x, exp.loc[ids, "a_share"])
    np.testing.assert_allclose(kommun.x, exp.loc[ids, "b_share"])
    np.testing.assert_allclose(region.error_x.array, exp.loc[ids, "a_high"] - exp.loc[ids, "a_share"])
    np.testing.assert_allclose(kommun.error_x.arrayminus, exp.loc[ids, "b_share"] - exp.loc[ids, "b_low"])
    k = int((exp["a_share"] > exp["b_share"]).sum())
    assert fig.layout.meta["title"] == f"Regioner tillstyrker oftare än kommuner i {k} av 25 förslag"
    assert f"{int((exp['p_holm'] < 0.05).sum())} av 25 skillnader har Holm-justerat p under 0,05" in \
        fig.layout.meta["description"]


def test_count_partly_and_positioned_denominator(ui, plan_rows):
    at = ui.open("contrast", delvis="1", namnare="positioned")
    assert widget(at, "toggle", "Räkna delvis som tillstyrkan").value is True
    positioned = plan_rows[plan_rows["stance"] != "no_position"]
    compare(ui.table_with(at, "Rad", "Region: andel"), expected(positioned, agree=("agree", "partly")))


def test_sort_by_difference_and_by_topic(ui, plan_rows):
    at = ui.open("contrast")
    widget(at, "radio", "Jämför per").set_value("topic").run()
    widget(at, "radio", "Ordning").set_value("difference").run()
    assert at.query_params["per"] in ("topic", ["topic"])
    table = ui.table_with(at, "Rad", "Region: andel")
    exp = expected(plan_rows, by="topic")
    compare(table, exp, key_of=lambda label: label)
    diffs = table["Skillnad"].abs().tolist()
    assert diffs == sorted(diffs, reverse=True)


def test_by_addressee_flags_small_groups_in_words(ui, plan_rows):
    at = ui.open("contrast", per="addressee")
    assert not at.exception
    table = ui.table_with(at, "Rad", "Förslag till Region: andel")
    exp = expected(plan_rows, by="respondent_type", group="addressee")
    compare(table, exp, a="Förslag till Region", b="Förslag till Kommun", key_of=lambda label: label)
    assert "litet underlag" in table["Underlag"].tolist()
    fig = ui.figures(at)["contrast_addressee"]
    assert any(t.endswith("litet underlag") for t in fig.layout.yaxis.ticktext)
    assert "inte oberoende" in text_of(at)


def test_any_two_types(ui, plan_rows):
    at = ui.open("contrast", a="Lärosäte", b="Organisation")
    assert widget(at, "selectbox", "Jämför").value == "Lärosäte"
    table = ui.table_with(at, "Rad", "Lärosäte: andel", "Organisation: andel")
    compare(table, expected(plan_rows, a="Lärosäte", b="Organisation"), a="Lärosäte", b="Organisation")
    assert "litet underlag" in table["Underlag"].tolist()


def test_population_weighting(ui):
    at = ui.open("contrast", viktat="1")
    assert not at.exception
    figs = ui.figures(at)
    assert "contrast_weighted" in figs
    assert figs["contrast_weighted"].layout.meta["title"].startswith("Befolkningsviktat tillstyrker regioner")
    table = ui.table_with(at, "Rad", "Region: andel av befolkningen som svarat")
    np.testing.assert_allclose(table["Region: andel"], ui.trace(figs["contrast_weighted"], "Region").x)


def test_one_type_selected_asks_for_two(ui):
    at = ui.open("contrast", typ="Region")
    assert not at.exception
    assert "inte två grupper att jämföra" in text_of(at)
