import math

import pytest

from analysis.filters import Filters, apply_filters
from analysis.shares import (
    DENOMINATORS,
    agreement,
    denominator_text,
    stance_counts,
    summary_table,
)
from i18n.sentences import render

NAN = float("nan")


def _rows(df, cols):
    return [tuple(r) for r in df[cols].itertuples(index=False)]


def _same(a, b):
    return (math.isnan(a) and math.isnan(b)) if isinstance(a, float) and math.isnan(a) else a == pytest.approx(b)


def test_stance_counts_by_proposal_natural_order(small):
    out = stance_counts(small.responses, ["proposal_id"])
    assert list(out.columns) == ["proposal_id", "agree", "partly", "disagree", "no_position", "total"]
    assert _rows(out, list(out.columns)) == [
        ("4.2", 2, 1, 1, 1, 5),
        ("4.10", 2, 1, 1, 0, 4),
    ]


def test_stance_counts_overall_and_empty(small):
    out = stance_counts(small.responses, [])
    assert _rows(out, list(out.columns)) == [(4, 2, 2, 1, 9)]
    empty = stance_counts(small.responses.iloc[:0], ["proposal_id"])
    assert empty.empty and list(empty.columns)[0] == "proposal_id"


def test_summary_table_contract(small):
    out = summary_table(small.responses, ["respondent_type"])
    assert list(out.columns) == ["respondent_type", "agree", "partly", "disagree", "no_position", "total",
                                 "agree_share", "support_share"]
    assert _rows(out, list(out.columns)) == [
        ("Region", 2, 1, 1, 1, 5, 0.4, 0.6),
        ("Kommun", 2, 1, 0, 0, 3, 0.6667, 1.0),
        ("Statlig myndighet", 0, 0, 1, 0, 1, 0.0, 0.0),
    ]


# (denominator, count_partly) -> per proposal (4.2, 4.10, 5.1): (numerator, n, share)
TRUTH = {
    ("addressed", False): [(2, 5, 0.4), (2, 4, 0.5), (0, 0, NAN)],
    ("addressed", True): [(3, 5, 0.6), (3, 4, 0.75), (0, 0, NAN)],
    ("positioned", False): [(2, 4, 0.5), (2, 4, 0.5), (0, 0, NAN)],
    ("positioned", True): [(3, 4, 0.75), (3, 4, 0.75), (0, 0, NAN)],
    ("all", False): [(2, 6, 2 / 6), (2, 6, 2 / 6), (0, 6, 0.0)],
    ("all", True): [(3, 6, 0.5), (3, 6, 0.5), (0, 6, 0.0)],
}


@pytest.mark.parametrize("denominator, count_partly", list(TRUTH))
def test_agreement_truth_table(small, denominator, count_partly):
    out = agreement(small, ["proposal_id"], denominator, count_partly)
    assert list(out.columns) == ["proposal_id", "agree", "partly", "disagree", "no_position", "not_addressed",
                                 "numerator", "n", "share"]
    assert list(out["proposal_id"]) == ["4.2", "4.10", "5.1"]
    # Six respondents replied; not_addressed is the same whatever the denominator.
    assert list(out["not_addressed"]) == [1, 2, 6]
    for (num, n, share), row in zip(TRUTH[denominator, count_partly], out.itertuples()):
        assert (row.numerator, row.n) == (num, n)
        assert _same(row.share, share)


def test_agreement_all_by_type_counts_repliers_of_that_type(small):
    out = agreement(small, ["respondent_type", "proposal_id"], "all")
    got = _rows(out, ["respondent_type", "proposal_id", "agree", "not_addressed", "n"])
    # Umeå kommun did not reply, so two municipalities count; Gotland did not address 4.10.
    assert got == [
        ("Region", "4.2", 1, 0, 3), ("Region", "4.10", 1, 1, 3), ("Region", "5.1", 0, 3, 3),
        ("Kommun", "4.2", 1, 0, 2), ("Kommun", "4.10", 1, 1, 2), ("Kommun", "5.1", 0, 2, 2),
        ("Statlig myndighet", "4.2", 0, 1, 1), ("Statlig myndighet", "4.10", 0, 0, 1),
        ("Statlig myndighet", "5.1", 0, 1, 1),
    ]


def test_agreement_all_by_topic_counts_answer_slots(small):
    out = agreement(small, ["topic"], "all")
    # Ledning och styrning: 2 proposals x 6 repliers = 12 slots, 9 answered.
    assert _rows(out, ["topic", "agree", "not_addressed", "n"]) == [
        ("Ledning och styrning", 4, 3, 12), ("Uppföljning", 0, 6, 6),
    ]
    overall = agreement(small, [], "all")
    assert _rows(overall, ["numerator", "n"]) == [(4, 18)]


def test_agreement_all_survives_proposal_filter(small):
    filtered = apply_filters(small, Filters(proposals=("4.2",)))
    out = agreement(filtered, ["proposal_id"], "all")
    # Myndigheten för X answered only 4.10 but still replied to the consultation.
    assert _rows(out, ["proposal_id", "agree", "not_addressed", "n"]) == [("4.2", 2, 1, 6)]


def test_agreement_all_without_respondent_list_uses_responses(small, build):
    data = build.data(small.responses)
    out = agreement(data, ["proposal_id"], "all")
    assert _rows(out, ["proposal_id", "n"]) == [("4.2", 6), ("4.10", 6)]


def test_agreement_rejects_unknown_denominator_and_keys(small):
    with pytest.raises(ValueError):
        agreement(small, ["proposal_id"], "everyone")
    with pytest.raises(ValueError):
        agreement(small, ["source"], "all")


def test_natural_order_of_proposal_ids(build):
    answers = [("Solna stad", pid, "agree") for pid in ["4.10", "10.1", "4.2", "4.1"]]
    data = build.data(build.responses(answers))
    expected = ["4.1", "4.2", "4.10", "10.1"]
    assert list(stance_counts(data.responses, ["proposal_id"])["proposal_id"]) == expected
    assert list(summary_table(data.responses, ["proposal_id"])["proposal_id"]) == expected
    assert list(agreement(data, ["proposal_id"])["proposal_id"]) == expected


def test_denominator_texts():
    assert set(DENOMINATORS) == {"addressed", "positioned", "all"}
    assert render(denominator_text("addressed")) == "av dem som yttrat sig om förslaget"
    assert render(denominator_text("positioned"), "sv") == "av dem som tagit ställning"
    assert render(denominator_text("all")) == "av alla svarande instanser i remissen"
    assert render(denominator_text("all"), "en") == "of all respondents who replied to the consultation"
