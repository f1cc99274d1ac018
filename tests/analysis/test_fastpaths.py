"""The fast paths give exactly what the straightforward computations give.

The analysis works on categorical codes, memoises intermediates of frozen
views and takes shortcuts for large selections; each is checked here
against the plain pandas formulation it replaces, on the demo data and on
deliberately untidy data (respondents and proposals missing from their
lists, a respondent whose rows disagree on the type, missing titles).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import dashboard, memo, profiles, shares
from analysis.filters import Filters, apply_filters
from analysis.groups import distinct_first
from analysis.ordering import natural_sort_key, sort_keys
from analysis.stats import fisher_exact_2x2
from analysis.universe import listed_respondents, proposal_list
from loaders.load import load_path
from loaders.model import CodedData
from loaders.schema import TYPE_DTYPE

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


@pytest.fixture(scope="module")
def demo():
    return load_path("data/demo.xlsx").data


@pytest.fixture(scope="module")
def untidy(demo):
    r = demo.responses.copy()
    r.loc[r.index[::7], "respondent_type"] = "Region"
    r.loc[r.index[::11], "proposal_title"] = None
    return CodedData(responses=r, respondents=demo.respondents.iloc[::3].reset_index(drop=True),
                     proposals=demo.proposals.iloc[::2].reset_index(drop=True))


def _views(demo, untidy):
    yield apply_filters(demo, Filters())
    yield apply_filters(demo, Filters(consultation=PLAN, respondent_types=("Kommun", "Region")))
    yield apply_filters(demo, Filters(stances=("agree",)))
    yield untidy
    yield CodedData(responses=demo.responses)


def _frozen_copy(data: CodedData) -> CodedData:
    return memo.freeze(CodedData(responses=data.responses, respondents=data.respondents, proposals=data.proposals))


CALLS = {
    "listed": listed_respondents,
    "proposals": proposal_list,
    "summary": profiles.respondent_summary,
    "agreement": lambda d: shares.agreement(d, ["consultation", "proposal_id"]),
    "agreement_all": lambda d: shares.agreement(d, ["topic", "respondent_type"], "all", True),
    "slots": lambda d: shares.answer_slots(d, ["consultation", "respondent_type", "proposal_id"]),
    "breakdown": dashboard.proposal_breakdown,
    "contrast": lambda d: dashboard.contrast_table(d, "Region", "Kommun", "proposal_id"),
    "addressee": lambda d: dashboard.contrast_table(d, "Region", "Kommun", "addressee"),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_frozen_views_give_the_same_frames(demo, untidy, name):
    fn = CALLS[name]
    for data in _views(demo, untidy):
        plain = fn(data)
        frozen = _frozen_copy(data)
        first, again = fn(frozen), fn(frozen)  # computed, then from the memo
        pd.testing.assert_frame_equal(first, plain)
        pd.testing.assert_frame_equal(again, plain)


def test_memo_hands_out_copies(demo):
    data = _frozen_copy(demo)
    handed = listed_respondents(data)
    handed["extra"] = 1
    handed.loc[0, "population"] = -1.0
    again = listed_respondents(data)
    assert "extra" not in again.columns and again.loc[0, "population"] != -1.0


def test_distinct_first_equals_groupby(untidy):
    r = untidy.responses
    keys, attrs = ["consultation", "proposal_id"], ["proposal_title", "topic", "respondent_type"]
    expected = r.groupby(keys, observed=True, sort=False)[attrs].first().reset_index()
    expected = expected.astype({c: "str" for c in keys + attrs})
    pd.testing.assert_frame_equal(distinct_first(r, keys, attrs), expected)


def test_sort_keys_equals_natural_sort_key():
    rng = np.random.default_rng(3)
    values = ["4.2", "4.10", "a", "A", "Ö", "å", "ä", "z", "", None, "10", "9"]
    for _ in range(50):
        n = int(rng.integers(0, 30))
        df = pd.DataFrame({"a": pd.array(rng.choice(values, n), dtype="str"),
                           "t": pd.Categorical(rng.choice(["Region", "Kommun", None], n), dtype=TYPE_DTYPE)})
        df["c"] = df["a"].astype("category")
        for cols in (["a"], ["t", "a"], ["c", "t"]):
            expected = df.sort_values(cols, key=natural_sort_key, kind="stable").reset_index(drop=True)
            pd.testing.assert_frame_equal(sort_keys(df, cols), expected)


@pytest.mark.parametrize("limit", [1, 5, 200, None])
@pytest.mark.parametrize("query", ["", "kommun", "zzz"])
def test_comment_matches_are_the_head_of_search_comments(demo, query, limit):
    data = apply_filters(demo, Filters())
    total, head = dashboard.comment_matches(data, query, limit)
    everything = dashboard.search_comments(data, query)
    assert total == len(everything)
    expected = everything if limit is None else everything.head(limit)
    pd.testing.assert_frame_equal(head, expected.reset_index(drop=True))


def test_nonblank_comments_matches_strip():
    comments = pd.Series(["", " ", "\t x", "text", "  \n", "Å", "\u00a0", None, "é ", "  y  "], dtype="str")
    expected = comments.astype("str").fillna("").str.strip().ne("").to_numpy()
    np.testing.assert_array_equal(dashboard.nonblank_comments(comments), expected)


def test_one_proposal_equals_filtering_with_the_proposal(demo):
    f = Filters(consultation=PLAN, respondent_types=("Kommun", "Region"))
    view = apply_filters(demo, f)
    for pid in ("5.1.1", "5.2.1", "nonexistent"):
        cut = dashboard.one_proposal(view, pid)
        full = apply_filters(demo, Filters(consultation=PLAN, respondent_types=("Kommun", "Region"), proposals=(pid,)))
        pd.testing.assert_frame_equal(cut.responses, full.responses)
        pd.testing.assert_frame_equal(cut.proposals, full.proposals)
        pd.testing.assert_frame_equal(dashboard.stance_breakdown(cut, ["respondent_type"]),
                                      dashboard.stance_breakdown(full, ["respondent_type"]))


def test_fisher_matches_scipy_on_many_tables():
    from scipy.stats import fisher_exact

    rng = np.random.default_rng(11)
    tables = rng.integers(0, 40, size=(400, 4))
    got = fisher_exact_2x2(*tables.T)
    for (a, b, c, d), p in zip(tables, got):
        if a + b == 0 or c + d == 0:
            assert np.isnan(p)
        else:
            assert p == fisher_exact([[a, b], [c, d]]).pvalue


def _answers_by_merge(data, respondent):
    """respondent_answers as a merge on text keys (the formulation the code-based lookup replaces)."""
    from analysis.ordering import categorical_isin
    from analysis.universe import replied_respondents

    people = replied_respondents(data)
    cons = set(people.loc[people["respondent"] == str(respondent), "consultation"])
    props = proposal_list(data)
    props = props.loc[props["consultation"].isin(cons), ["consultation", "proposal_id", "proposal_title"]]
    r = data.responses
    rows = r.loc[categorical_isin(r["respondent"], [respondent]), ["consultation", "proposal_id", "stance", "comment"]]
    rows = pd.DataFrame({c: rows[c].astype("str").to_numpy() for c in ("consultation", "proposal_id", "stance",
                                                                       "comment")})
    rows = rows.drop_duplicates(["consultation", "proposal_id"], keep="first")
    out = props.merge(rows, on=["consultation", "proposal_id"], how="left")
    out["stance"] = out["stance"].fillna("not_addressed").astype("str")
    out["comment"] = out["comment"].fillna("").astype("str")
    return sort_keys(out, ["consultation", "proposal_id"])


def test_respondent_answers_equal_the_merge(demo, untidy):
    for data in _views(demo, untidy):
        names = list(dashboard.respondent_options(data)["respondent"].unique()[:6]) + ["Stockholms stad"]
        for who in names:
            pd.testing.assert_frame_equal(dashboard.respondent_answers(data, who), _answers_by_merge(data, who))


def test_filters_compose(demo):
    """Narrowing a filtered view by a consultation equals filtering the whole dataset with it set."""
    from dataclasses import replace

    f = Filters(respondent_types=("Kommun", "Region", "Lärosäte"), topics=())
    view = apply_filters(demo, f)
    for consultation in sorted(map(str, demo.responses["consultation"].unique())):
        derived = apply_filters(view, Filters(consultation=consultation))
        direct = apply_filters(demo, replace(f, consultation=consultation))
        for name in ("responses", "respondents", "proposals"):
            pd.testing.assert_frame_equal(getattr(derived, name).reset_index(drop=True),
                                          getattr(direct, name).reset_index(drop=True))
