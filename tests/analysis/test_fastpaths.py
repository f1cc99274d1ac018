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


# --------------------------------------------------------------------------
# Answer slots, agreement and contrasts: the merges and groupbys of the first formulation.

def oracle_answer_slots(data: CodedData, by: list[str]) -> pd.DataFrame:
    """:func:`analysis.shares.answer_slots` as groupbys and a merge on consultation."""
    from analysis.ordering import tidy_keys
    from analysis.universe import replied_respondents

    r_keys = ["consultation"] + [c for c in by if c in shares.RESPONDENT_LEVEL and c != "consultation"]
    p_keys = ["consultation"] + [c for c in by if c in shares.PROPOSAL_LEVEL]
    resp = replied_respondents(data)
    resp["respondent_type"] = resp["respondent_type"].astype("str")
    n_resp = resp.groupby(r_keys, observed=True).size().rename("n_resp").reset_index()
    n_prop = proposal_list(data).groupby(p_keys, observed=True).size().rename("n_prop").reset_index()
    both = n_resp.merge(n_prop, on="consultation", how="inner")
    both["slots"] = (both["n_resp"] * both["n_prop"]).astype("int64")
    if not by:
        return pd.DataFrame({"slots": [int(both["slots"].sum())]})
    out = both.groupby(by, observed=True)["slots"].sum().reset_index()
    return tidy_keys(out, by)


def oracle_agreement(data: CodedData, by: list[str], denominator: str = "addressed",
                     count_partly: bool = False) -> pd.DataFrame:
    """:func:`analysis.shares.agreement` as an outer merge of the counts and the slots on text keys."""
    from analysis.ordering import tidy_keys
    from loaders.schema import STANCES

    slots = oracle_answer_slots(data, by)
    if by:
        counts = oracle_stance_counts(data.responses, by).drop(columns="total")
        counts = counts.assign(**{c: counts[c].astype("str") for c in by})
        slots = slots.assign(**{c: slots[c].astype("str") for c in by})
        out = counts.merge(slots, on=by, how="outer")
    else:
        counts = data.responses["stance"].astype("str").value_counts().reindex(list(STANCES), fill_value=0)
        out = pd.concat([counts.to_frame().T.reset_index(drop=True), slots], axis=1)
    stance_cols = list(STANCES)
    out[stance_cols] = out[stance_cols].fillna(0).astype("int64")
    addressed = out[stance_cols].sum(axis=1)
    out["not_addressed"] = (out["slots"].fillna(0).astype("int64") - addressed).clip(lower=0).astype("int64")
    out["numerator"] = (out["agree"] + (out["partly"] if count_partly else 0)).astype("int64")
    n = {"addressed": addressed, "positioned": addressed - out["no_position"],
         "all": addressed + out["not_addressed"]}[denominator]
    out["n"] = n.astype("int64")
    out["share"] = (out["numerator"] / out["n"].where(out["n"] > 0)).astype("float64")
    return tidy_keys(out[by + stance_cols + ["not_addressed", "numerator", "n", "share"]], by)


def oracle_contrast(responses: pd.DataFrame, a="Region", b="Kommun", by: str = "proposal_id",
                    count_partly: bool = False, group_col: str = "respondent_type") -> pd.DataFrame:
    """:func:`analysis.contrast.contrast`: each group's counts as a groupby of its rows, joined on the key."""
    from analysis.ordering import tidy_keys
    from analysis.stats import holm, wilson_interval

    wanted = ("agree", "partly") if count_partly else ("agree",)

    def counts(labels) -> pd.DataFrame:
        labels = [labels] if isinstance(labels, str) else list(labels)
        rows = responses.loc[responses[group_col].astype("str").isin(labels).to_numpy(dtype=bool)]
        frame = pd.DataFrame({by: rows[by].astype("str"),
                              "agree": rows["stance"].astype("str").isin(wanted).astype("int64"),
                              "total": rows["stance"].notna().astype("int64")})
        return frame.groupby(by)[["agree", "total"]].sum()

    out = counts(a).add_prefix("a_").join(counts(b).add_prefix("b_"), how="outer").fillna(0).astype("int64")
    out.index.name = by
    out = out.reset_index()
    for g in ("a", "b"):
        k, n = out[f"{g}_agree"], out[f"{g}_total"]
        out[f"{g}_share"] = (k / n.where(n > 0)).astype("float64")
        out[f"{g}_low"], out[f"{g}_high"] = wilson_interval(k.to_numpy(), n.to_numpy())
    out["difference"] = out["a_share"] - out["b_share"]
    out["p_value"] = fisher_exact_2x2(out["a_agree"].to_numpy(), (out["a_total"] - out["a_agree"]).to_numpy(),
                                      out["b_agree"].to_numpy(), (out["b_total"] - out["b_agree"]).to_numpy())
    out["p_holm"] = holm(out["p_value"].to_numpy())
    out["small_n"] = (out["a_total"] < contrast.SMALL_N) | (out["b_total"] < contrast.SMALL_N)
    return tidy_keys(out[[by, *contrast.CONTRAST_COLUMNS]], [by])


def _edge_views(demo, small):
    """Small and awkward (conformed) inputs, beside :func:`_views`."""
    r = demo.responses
    none = r.iloc[:0].reset_index(drop=True)
    yield "remiss_a", small  # 5.1 addressed by no one, Umeå kommun listed but did not reply
    yield "empty", CodedData(responses=none)
    yield "nothing_coded", CodedData(responses=none, respondents=demo.respondents, proposals=demo.proposals)
    one = str(r["respondent"].iloc[0])
    listed = demo.respondents
    yield "one_respondent", CodedData(responses=r.loc[(r["respondent"] == one).to_numpy()].reset_index(drop=True),
                                      respondents=listed.loc[listed["respondent"] == one].reset_index(drop=True),
                                      proposals=demo.proposals)
    gaps = r.copy()
    gaps.loc[gaps["stance"] == "partly", "stance"] = "disagree"  # no "partly" at all
    gaps.loc[gaps.index[::4], "stance"] = None  # and rows without a stance
    gaps.loc[gaps.index[1::9], "respondent_type"] = None  # or without a type
    yield "stances_missing", CodedData(responses=gaps, respondents=demo.respondents, proposals=demo.proposals)


def _all_views(demo, untidy, small):
    yield from enumerate(_views(demo, untidy))
    yield from _edge_views(demo, small)


SLOT_KEYS = ([], ["proposal_id"], ["consultation", "proposal_id"], ["topic", "respondent_type"],
             ["consultation", "respondent_type", "proposal_id"], ["respondent", "proposal_id"],
             ["consultation", "respondent", "respondent_type", "proposal_id", "topic"],
             ["addressee", "proposal_title", "respondent"])


def test_answer_slots_equal_the_merge(demo, untidy, small):
    for name, data in _all_views(demo, untidy, small):
        for by in SLOT_KEYS:
            got = shares.answer_slots(data, by)
            assert len(got) or name in ("empty", "stances_missing") or not by, (name, by)
            pd.testing.assert_frame_equal(got, oracle_answer_slots(data, by), obj=f"{name} {by}")


#: (denominator, count_partly), taken in turn per key list and view, so each pair meets several of both.
AGREEMENTS = [("all", False), ("addressed", True), ("positioned", False), ("all", True), ("addressed", False),
              ("positioned", True)]


def test_agreement_equals_the_merge(demo, untidy, small):
    for i, (name, data) in enumerate(_all_views(demo, untidy, small)):
        for j, by in enumerate(SLOT_KEYS):
            denominator, partly = AGREEMENTS[(i + j) % len(AGREEMENTS)]
            pd.testing.assert_frame_equal(shares.agreement(data, by, denominator, partly),
                                          oracle_agreement(data, by, denominator, partly),
                                          obj=f"{name} {by} {denominator} {partly}")


def test_not_addressed_in_the_oracles(small):
    """The edge the "all" denominator is for: Remiss A's 5.1 (no one) and 4.10 (three of six repliers)."""
    out = oracle_agreement(small, ["proposal_id"], "all").set_index("proposal_id")
    assert out.loc["5.1", ["not_addressed", "n"]].tolist() == [6, 6]
    assert out.loc["4.10", ["agree", "not_addressed", "n"]].tolist() == [2, 2, 6]
    assert oracle_answer_slots(small, [])["slots"].tolist() == [18]


CONTRASTS = [
    dict(), dict(count_partly=True), dict(by="topic"),
    dict(a=("Region", "Kommun"), b=("Statlig myndighet", "Lärosäte", "Organisation")),
    dict(by="respondent_type", group_col="addressee", a="Region", b="Kommun"),
    dict(by="respondent_type", group_col="addressee", a=("Region", "Region och kommun"), b="Staten"),
    dict(by="respondent_type", group_col="respondent_type"),
    dict(by="addressee", group_col="addressee", a="Region", b="Kommun"),
    dict(a="Region", b="Nobody"),
]


def test_contrast_equals_the_groupbys(demo, untidy, small):
    for name, data in _all_views(demo, untidy, small):
        for kwargs in CONTRASTS:
            pd.testing.assert_frame_equal(contrast.contrast(data.responses, **kwargs),
                                          oracle_contrast(data.responses, **kwargs), obj=f"{name} {kwargs}")


@pytest.mark.parametrize("chunk", [1, 7, 500])
def test_answer_slots_in_small_chunks(demo, untidy, small, monkeypatch, chunk):
    """The pairs are formed a chunk at a time (and summed across chunks): any chunk size, the same slots."""
    monkeypatch.setattr(shares, "_SLOT_CHUNK", chunk)
    for name, data in _all_views(demo, untidy, small):
        for by in (["proposal_id"], ["topic", "respondent_type"], ["respondent", "proposal_id"],
                   ["consultation", "respondent_type", "proposal_id"], []):
            pd.testing.assert_frame_equal(shares.answer_slots(data, by), oracle_answer_slots(data, by),
                                          obj=f"{name} {by}")


def test_lex_combine_orders_like_lexsort_past_int64():
    from analysis.groups import lex_combine

    rng = np.random.default_rng(5)
    sizes = [3, 1 << 40, 1 << 30, 7, 1 << 50]  # 2**123 combinations: renumbered on the way
    cols = [rng.integers(0, min(s, 50), 400) for s in sizes]
    combo = lex_combine(cols, sizes)
    expected = np.lexsort(cols[::-1])
    np.testing.assert_array_equal(np.argsort(combo, kind="stable"), expected)
    rows = np.stack(cols, axis=1)
    same = (rows[:, None, :] == rows[None, :, :]).all(axis=2)
    np.testing.assert_array_equal(combo[:, None] == combo[None, :], same)


def test_contrast_with_renumbered_groupings(demo, small, monkeypatch):
    """Above the dense limit the (key, group) grouping numbers the combinations found: the same table."""
    from analysis import groups

    monkeypatch.setattr(groups, "_DENSE_LIMIT", 4)
    for data in (demo, small):
        assert groups.Grouping(data.responses, ["proposal_id", "respondent_type"]).dense is not None
        for kwargs in CONTRASTS:
            pd.testing.assert_frame_equal(contrast.contrast(data.responses, **kwargs),
                                          oracle_contrast(data.responses, **kwargs), obj=str(kwargs))


def test_contrast_refuses_an_unconformed_stance_column(small):
    raw = small.responses.assign(stance=small.responses["stance"].astype("str"))
    with pytest.raises(TypeError, match="conform"):
        contrast.contrast(raw)
