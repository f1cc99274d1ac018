"""The fast paths give exactly what the straightforward computations give.

The analysis has one production path per figure: it works on the canonical
frame's categorical codes, memoises intermediates of frozen views and takes
shortcuts for large selections. The plain pandas formulation of each figure
lives here, as a reference oracle (the ``oracle_*`` functions), and the
production path is checked against it on the demo data and on deliberately
untidy (but conformed, :func:`loaders.schema.conform`) data: respondents and
proposals missing from their lists, a respondent whose rows disagree on the
type, missing titles.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import comments, contrast, memo, profiles, proposals, shares
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
    "breakdown": shares.proposal_breakdown,
    "contrast": lambda d: contrast.contrast_table(d, "Region", "Kommun", "proposal_id"),
    "addressee": lambda d: contrast.contrast_table(d, "Region", "Kommun", "addressee"),
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


def oracle_search_comments(data: CodedData, query: str = "") -> pd.DataFrame:
    """Every match of :func:`analysis.comments.comment_matches`: a text filter and a natural sort."""
    r = data.responses
    text = r["comment"].astype("str").fillna("")
    keep = text.str.strip().ne("")
    if query.strip():
        keep &= text.str.contains(query.strip(), case=False, regex=False)
    out = r.loc[keep.to_numpy(dtype=bool), comments.COMMENT_COLUMNS].copy()
    for c in ("consultation", "proposal_id", "proposal_title", "respondent"):
        out[c] = out[c].astype("str")
    return out.sort_values(comments.COMMENT_ORDER, key=natural_sort_key, kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("limit", [1, 5, 200, None])
@pytest.mark.parametrize("query", ["", "kommun", "zzz"])
def test_comment_matches_are_the_head_of_all_matches(demo, query, limit):
    data = apply_filters(demo, Filters())
    total, head = comments.comment_matches(data, query, limit)
    everything = oracle_search_comments(data, query)
    assert total == len(everything)
    expected = everything if limit is None else everything.head(limit)
    pd.testing.assert_frame_equal(head, expected.reset_index(drop=True))


def test_nonblank_comments_matches_strip():
    text = pd.Series(["", " ", "\t x", "text", "  \n", "Å", "\u00a0", None, "é ", "  y  "], dtype="str")
    for series in (text, text.iloc[2:8], text.iloc[:0]):
        expected = series.astype("str").fillna("").str.strip().ne("").to_numpy(dtype=bool)
        np.testing.assert_array_equal(comments.nonblank_comments(series), expected)


def test_one_proposal_equals_filtering_with_the_proposal(demo):
    f = Filters(consultation=PLAN, respondent_types=("Kommun", "Region"))
    view = apply_filters(demo, f)
    for pid in ("5.1.1", "5.2.1", "nonexistent"):
        cut = proposals.one_proposal(view, pid)
        full = apply_filters(demo, Filters(consultation=PLAN, respondent_types=("Kommun", "Region"), proposals=(pid,)))
        pd.testing.assert_frame_equal(cut.responses, full.responses)
        pd.testing.assert_frame_equal(cut.proposals, full.proposals)
        pd.testing.assert_frame_equal(shares.stance_breakdown(cut, ["respondent_type"]),
                                      shares.stance_breakdown(full, ["respondent_type"]))


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
        names = list(profiles.respondent_options(data)["respondent"].unique()[:6]) + ["Stockholms stad"]
        for who in names:
            pd.testing.assert_frame_equal(profiles.respondent_answers(data, who), _answers_by_merge(data, who))


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


# --------------------------------------------------------------------------
# Reference oracles: the plain pandas formulations the production paths replace.

def oracle_stance_counts(responses: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """:func:`analysis.shares.stance_counts` as a groupby and an unstack."""
    from analysis.ordering import tidy_keys
    from loaders.schema import STANCES

    sizes = responses[by + ["stance"]].groupby(by + ["stance"], observed=True).size()
    if sizes.empty:
        return shares._empty_counts(by)
    wide = sizes.unstack("stance", fill_value=0).reindex(columns=list(STANCES), fill_value=0)
    wide.columns = list(STANCES)
    wide = wide.astype("int64")
    wide["total"] = wide.sum(axis=1)
    return tidy_keys(wide.reset_index(), by)


def oracle_respondent_summary(data: CodedData) -> pd.DataFrame:
    """:func:`analysis.profiles.respondent_summary` as groupbys and merges on text keys."""
    from analysis.universe import replied_respondents
    from loaders.schema import STANCES

    people = replied_respondents(data)
    n_props = proposal_list(data).groupby("consultation").size().rename("n_proposals")
    sub = data.responses[["consultation", "respondent", "proposal_id", "stance"]]
    keys = ["consultation", "respondent"]
    counts = sub.groupby(keys + ["stance"], observed=True).size().unstack("stance", fill_value=0)
    counts = counts.reindex(columns=list(STANCES), fill_value=0)
    counts.columns = list(STANCES)
    addressed = sub.groupby(keys, observed=True)["proposal_id"].nunique().rename("addressed")
    counts = counts.join(addressed, how="outer").reset_index()
    for c in keys:
        counts[c] = counts[c].astype("str")
    out = people.merge(n_props.reset_index(), on="consultation", how="left")
    out = out.merge(counts, on=keys, how="left")
    num = ["n_proposals", *STANCES, "addressed"]
    out[num] = out[num].fillna(0).astype("int64")
    out["not_addressed"] = (out["n_proposals"] - out["addressed"]).clip(lower=0).astype("int64")
    return sort_keys(out[list(profiles.SUMMARY_COLUMNS)], keys)


def oracle_present_types(data: CodedData) -> list[str]:
    """The respondent types of :func:`analysis.proposals.present_values`, from the values as text."""
    from loaders.natural import natsorted
    from loaders.schema import RESPONDENT_TYPES

    present = set(data.responses["respondent_type"].dropna().astype("str").unique())
    return [ty for ty in RESPONDENT_TYPES if ty in present] + natsorted(present - set(RESPONDENT_TYPES))


def oracle_matrix_table(matrix: pd.DataFrame) -> pd.DataFrame:
    """:func:`analysis.profiles.matrix_table` column by column, through text."""
    idx = matrix.index
    out = pd.DataFrame({"respondent": idx.get_level_values("respondent").astype("str"),
                        "respondent_type": idx.get_level_values("respondent_type").astype("str")})
    for col in matrix.columns:
        out[str(col)] = matrix[col].astype("str").fillna("not_addressed").replace("nan", "not_addressed").to_numpy()
    return out


def test_stance_counts_equal_the_groupby(demo, untidy):
    for data in _views(demo, untidy):
        for by in (["proposal_id"], ["consultation", "respondent_type"], ["topic", "respondent_type", "addressee"]):
            pd.testing.assert_frame_equal(shares.stance_counts(data.responses, by),
                                          oracle_stance_counts(data.responses, by))


def test_respondent_summary_equals_the_merge(demo, untidy):
    for data in _views(demo, untidy):
        pd.testing.assert_frame_equal(profiles.respondent_summary(data), oracle_respondent_summary(data))


def test_respondent_summary_with_renumbered_groupings(demo, monkeypatch):
    """Above the dense limit the groupings number the combinations found: the same summary."""
    from analysis import groups

    expected = oracle_respondent_summary(demo)
    monkeypatch.setattr(groups, "_DENSE_LIMIT", 4)
    data = CodedData(responses=demo.responses, respondents=demo.respondents, proposals=demo.proposals)
    assert groups.Grouping(data.responses, ["consultation", "respondent"]).dense is not None
    pd.testing.assert_frame_equal(profiles.respondent_summary(data), expected)


def test_present_types_equal_the_text_values(demo, untidy):
    for data in _views(demo, untidy):
        assert proposals.present_values(data)["types"] == oracle_present_types(data)


def test_matrix_table_equals_the_text_conversion(demo, untidy):
    for data in _views(demo, untidy):
        for sort in (None, "type", "agreement"):
            matrix = profiles.stance_matrix(data, sort)
            pd.testing.assert_frame_equal(profiles.matrix_table(matrix), oracle_matrix_table(matrix))


def oracle_coverage(data: CodedData, by_consultation: bool) -> pd.DataFrame:
    """:func:`analysis.coverage.coverage_by_type` as a groupby on text keys."""
    from analysis.ordering import tidy_keys

    listed = listed_respondents(data)
    keys = (["consultation"] if by_consultation else []) + ["respondent_type"]
    listed["respondent_type"] = listed["respondent_type"].astype("str")
    out = listed.groupby(keys, observed=True).agg(invited=("replied", "size"), replied=("replied", "sum"))
    out = out.reset_index()
    out["invited"] = out["invited"].astype("int64")
    out["replied"] = out["replied"].astype("int64")
    out["not_replied"] = out["invited"] - out["replied"]
    invited = out["invited"]
    out["reply_rate"] = np.where(invited > 0, out["replied"] / invited.where(invited > 0, 1), np.nan)
    return tidy_keys(out, keys)


@pytest.mark.parametrize("by_consultation", [False, True])
def test_coverage_equals_the_groupby(demo, untidy, by_consultation):
    from analysis.coverage import coverage_by_type

    for data in _views(demo, untidy):
        pd.testing.assert_frame_equal(coverage_by_type(data, by_consultation), oracle_coverage(data, by_consultation))
