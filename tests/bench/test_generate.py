"""The benchmark generator: deterministic, the promised cardinalities, and loadable.

Smoke tests only: no timings here (see bench/ for those).
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from bench import generate as g
from loaders.load import load_path
from loaders.vocab import parse_stance

N_SMALL = 2_000


def _cells(path) -> list[list]:
    wb = CalamineWorkbook.from_path(str(path))
    return wb.get_sheet_by_name(g.SHEET).to_python(skip_empty_area=False)


def test_same_seed_same_cells(tmp_path):
    a, b = g.rows.__wrapped__(N_SMALL, g.SEED), g.rows.__wrapped__(N_SMALL, g.SEED)
    for field in ("consultation", "respondent", "proposal", "stance", "word"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field
    assert a.comments == b.comments
    g.write_xlsx(tmp_path / "a.xlsx", N_SMALL)
    g.write_xlsx(tmp_path / "b.xlsx", N_SMALL)
    cells = _cells(tmp_path / "a.xlsx")
    assert cells == _cells(tmp_path / "b.xlsx")
    assert cells[0] == list(g.HEADERS)
    assert len(cells) == N_SMALL + 1


def test_other_seed_other_cells():
    a, b = g.rows.__wrapped__(N_SMALL, g.SEED), g.rows.__wrapped__(N_SMALL, g.SEED + 1)
    assert a.comments != b.comments


@pytest.fixture(scope="module")
def sheet():
    return g.sheet_frame(20_000)


def test_respondents_and_types(sheet):
    u = g.universe()
    assert len(u.respondents) == len(set(u.respondents)) == 300
    counts = Counter(u.types)
    assert counts["Region"] == 21 and counts["Kommun"] == 200
    assert set(counts) == {"Region", "Kommun", "Statlig myndighet", "Lärosäte", "Organisation"}
    assert all(counts[t] >= 10 for t in counts)
    who = sheet.drop_duplicates("Remissinstans")
    assert len(who) == 300
    assert Counter(who["Typ"]) == counts


def test_proposals_topics_and_stances(sheet):
    u = g.universe()
    assert len(u.proposals) == len(set(u.proposals)) == 100
    assert {"4.10", "5.2.1"} <= set(u.proposals)
    assert sheet["Förslag"].nunique() == 100
    assert sheet["Tema"].nunique() == 8
    assert sheet.groupby("Förslag")["Tema"].nunique().max() == 1  # one topic per proposal
    stances = sheet["Ställningstagande"].map(parse_stance)
    assert stances.notna().all()
    assert set(stances) == {"agree", "partly", "disagree", "no_position"}
    assert stances.value_counts(normalize=True)["agree"] > 0.4
    written = set(sheet["Ställningstagande"])
    assert {"Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Ingen synpunkt"} <= written
    assert len(written) > 4  # some synonyms too


def test_comments_and_uniqueness(sheet):
    lengths = sheet["Kommentar"].str.len()
    assert lengths.min() >= 100 and lengths.max() <= 300
    assert sheet["Kommentar"].nunique() > 0.95 * len(sheet)
    assert not sheet.duplicated(["Remiss", "Remissinstans", "Förslag"]).any()


def test_consultations_scale_with_rows():
    assert len(g.rows(10_000).consultations) == 1
    assert g.sheet_frame(60_000)["Remiss"].nunique() == 3
    with pytest.raises(ValueError):
        g.rows(g.EXCEL_MAX_ROWS)  # header + this many rows would not fit
    assert g.EXCEL_MAX_ROWS - 1 >= 1_000_000


def test_small_file_loads_without_problems(tmp_path):
    path = g.write_xlsx(tmp_path / "svar.xlsx", N_SMALL)
    result = load_path(path)
    assert result.ok
    assert result.report.errors == []
    assert result.report.warnings == []
    assert len(result.data.responses) == N_SMALL
    # The directly built dataset is what the loader makes of the file.
    direct = g.coded_data(N_SMALL)
    pd.testing.assert_frame_equal(direct.responses, result.data.responses)
    pd.testing.assert_frame_equal(direct.respondents, result.data.respondents)
    pd.testing.assert_frame_equal(direct.proposals, result.data.proposals)
