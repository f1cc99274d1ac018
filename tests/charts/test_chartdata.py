"""The tidy frames behind the charts (analysis.shares, proposals, profiles, ...) against plain pandas."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import comments, contrast, profiles, proposals, shares, weighting
from analysis.filters import Filters, apply_filters
from loaders.model import CodedData
from loaders.schema import conform

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


def test_proposal_breakdown_counts_and_order(plan):
    table = shares.proposal_breakdown(plan)
    r = plan.responses
    counts = pd.crosstab(r["proposal_id"].astype(str), r["stance"].astype(str))
    for row in table.itertuples():
        for s in ("agree", "partly", "disagree", "no_position"):
            assert getattr(row, s) == counts.loc[row.proposal_id].get(s, 0)
        assert row.n == counts.loc[row.proposal_id].sum()
        assert row.agree_share == pytest.approx(row.agree / row.n)
        assert row.label.startswith(f"{row.proposal_id} – ")
    assert len(table) == 25
    assert table["agree_share"].is_monotonic_decreasing
    natural = shares.proposal_breakdown(plan, sort="proposal")["proposal_id"].tolist()
    assert natural[:5] == ["5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2"]
    assert natural.index("6.1.2") < natural.index("6.1.10")


def test_unanswered_proposal_kept_with_zero_n(plan):
    only_lärosäten = apply_filters(plan, Filters(consultation=PLAN, respondent_types=("Övrig",)))
    table = shares.proposal_breakdown(only_lärosäten)
    assert len(table) == 25
    assert (table["n"] == 0).any()
    assert table.loc[table["n"] == 0, "agree_share"].isna().all()
    assert table["n"].iloc[-1] == 0  # unanswered last


def test_proposal_options_labels_unique_across_consultations():
    props = pd.DataFrame({"consultation": ["A", "B", "A"], "proposal_id": ["1", "1", "2"],
                          "proposal_title": ["Ett", "Ett", ""], "topic": ["", "", ""], "addressee": ["", "", ""]})
    opts = proposals.proposal_options(CodedData(proposals=props))
    assert opts["label"].tolist() == ["1 – Ett (A)", "1 – Ett (B)", "2"]


def test_proposal_answers_and_not_addressing(plan):
    answers = proposals.proposal_answers(plan, "5.2.1")
    r = plan.responses
    mine = r[r["proposal_id"] == "5.2.1"]
    assert len(answers) == len(mine)
    assert set(answers["respondent"]) == set(mine["respondent"].astype(str))
    assert answers["respondent_type"].is_monotonic_increasing  # canonical type order
    replied = plan.respondents[plan.respondents["replied"].astype(bool)]
    assert proposals.not_addressing(plan, "5.2.1") == len(replied) - len(mine)


def test_topic_type_shares(plan):
    cells = shares.topic_type_shares(plan, count_partly=True)
    r = plan.responses.assign(ok=plan.responses["stance"].isin(["agree", "partly"]))
    expected = r.groupby(["topic", "respondent_type"], observed=True)["ok"].agg(["sum", "size"])
    assert len(cells) == len(expected)
    for row in cells.itertuples():
        k, n = expected.loc[(row.topic, row.respondent_type)]
        assert (row.numerator, row.n) == (k, n)
        assert row.share == pytest.approx(k / n)
        assert row.small_n == (n < 5)


def test_contrast_positioned_denominator_drops_no_position(plan):
    table = contrast.contrast_table(plan, denominator="positioned")
    r = plan.responses
    for row in table.itertuples():
        for g, ty in (("a", "Region"), ("b", "Kommun")):
            sub = r[(r["proposal_id"] == row.proposal_id) & (r["respondent_type"] == ty)]
            assert getattr(row, f"{g}_total") == int((sub["stance"] != "no_position").sum())
            assert getattr(row, f"{g}_agree") == int((sub["stance"] == "agree").sum())
    with pytest.raises(ValueError):
        contrast.contrast_table(plan, denominator="all")


def test_contrast_sorted_by_difference(plan):
    table = contrast.contrast_table(plan, by="topic", sort="difference")
    diffs = table["difference"].abs().tolist()
    assert diffs == sorted(diffs, reverse=True)
    assert table["label"].tolist() == table["topic"].tolist()


def test_contrast_by_addressee_rows_are_types(plan):
    table = contrast.contrast_table(plan, "Region", "Kommun", by="addressee")
    r = plan.responses
    row = table.set_index("label").loc["Kommun"]
    sub = r[(r["respondent_type"] == "Kommun") & (r["addressee"] == "Region")]
    assert row["a_total"] == len(sub)
    assert row["a_agree"] == int((sub["stance"] == "agree").sum())


def test_weighted_pair_matches_hand_computation(plan):
    table = weighting.weighted_pair(plan, "Region", "Kommun")
    people = plan.respondents.set_index("respondent")["population"].astype(float)
    r = plan.responses
    sub = r[(r["proposal_id"] == "5.2.1") & (r["respondent_type"] == "Region")]
    pop = sub["respondent"].astype(str).map(people).fillna(0)
    expected = pop[sub["stance"].to_numpy() == "agree"].sum() / pop.sum()
    assert table.set_index("proposal_id").loc["5.2.1", "a_share"] == pytest.approx(expected)


def test_respondent_answers_cover_every_proposal(plan):
    answers = profiles.respondent_answers(plan, "Stockholms stad")
    assert len(answers) == 25
    assert answers["stance"].value_counts().to_dict() == {"agree": 24, "partly": 1}
    other = profiles.respondent_answers(plan, "Arbetsmiljöverket")
    assert (other["stance"] == "not_addressed").sum() == 14
    assert (other.loc[other["stance"] == "not_addressed", "comment"] == "").all()


def test_search_comments_literal_and_case_insensitive():
    rows = conform(pd.DataFrame({
        "consultation": ["R"] * 4, "respondent": ["A", "B", "C", "D"], "respondent_type": ["Region"] * 4,
        "proposal_id": ["1", "1", "2", "10"], "stance": ["agree"] * 4,
        "comment": ["Bra (men dyrt)", "KOMMUN och region", "", "<script>alert(1)</script>"],
    }))
    data = CodedData(responses=rows)
    assert comments.comment_matches(data)[1]["respondent"].tolist() == ["A", "B", "D"]
    assert comments.comment_matches(data, "kommun")[1]["respondent"].tolist() == ["B"]
    assert comments.comment_matches(data, "(men")[1]["respondent"].tolist() == ["A"]  # not a regex
    assert comments.comment_matches(data, "<script>")[1]["respondent"].tolist() == ["D"]


def test_present_values(plan):
    values = proposals.present_values(plan)
    assert values["types"][:2] == ["Region", "Kommun"]
    assert "Region och kommun" in values["addressees"]


def test_matrix_table_codes(plan):
    from analysis.profiles import stance_matrix
    table = profiles.matrix_table(stance_matrix(plan))
    row = table.set_index("respondent").loc["Stockholms stad"]
    values = row.drop("respondent_type")
    assert (values == "agree").sum() == 24 and (values == "partly").sum() == 1
    assert set(np.unique(table.iloc[:, 2:].to_numpy())) <= {"agree", "partly", "disagree", "no_position",
                                                            "not_addressed"}
