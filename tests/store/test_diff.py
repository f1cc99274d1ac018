"""diff_versions on hand-built frames, with exact expected rows."""
from __future__ import annotations

import pandas as pd

from store.diff import diff_versions
from tests.store._frames import coded, frame

OLD = coded(
    [
        ("R1", "Region Uppsala", "4.10", "agree"),
        ("R1", "Region Uppsala", "4.2", "agree"),
        ("R1", "Lunds kommun", "4.2", "partly"),
        ("R1", "Lunds kommun", "4.9", "disagree"),
        ("R1", "Skolverket", "4.1", "no_position"),
        ("R2", "Skolverket", "1", "agree"),
    ],
    respondents=[
        ("R1", "Malmö stad", "Kommun", "", None, False),  # invited, no reply
    ],
    proposals=[
        ("R1", "4.11", "Förslag 4.11", "Vård", "Regeringen"),  # nobody addressed it
    ],
)

NEW = coded(
    [
        ("R1", "Region Uppsala", "4.10", "disagree"),  # changed
        ("R1", "Region Uppsala", "4.2", "agree", "ny kommentar"),  # comment only: unchanged
        ("R1", "Lunds kommun", "4.2", "partly"),
        # ("R1", "Lunds kommun", "4.9") removed
        ("R1", "Skolverket", "4.1", "agree"),  # changed
        ("R1", "Malmö stad", "4.10", "partly"),  # added (respondent known from the list)
        ("R1", "Malmö stad", "4.3", "agree"),  # added, new proposal
        ("R1", "Örebro kommun", "4.2", "disagree"),  # added, new respondent
        ("R3", "Skolverket", "10", "agree"),  # added, new consultation
        ("R3", "Skolverket", "9", "agree"),  # added
        # R2 entirely removed
    ],
)


def test_diff_exact_rows() -> None:
    d = diff_versions(OLD, NEW)
    pd.testing.assert_frame_equal(
        d.added,
        frame(
            ("consultation", "respondent", "proposal_id", "stance"),
            [
                ("R1", "Malmö stad", "4.3", "agree"),
                ("R1", "Malmö stad", "4.10", "partly"),
                ("R1", "Örebro kommun", "4.2", "disagree"),
                ("R3", "Skolverket", "9", "agree"),
                ("R3", "Skolverket", "10", "agree"),
            ],
        ),
    )
    pd.testing.assert_frame_equal(
        d.removed,
        frame(
            ("consultation", "respondent", "proposal_id", "stance"),
            [
                ("R1", "Lunds kommun", "4.9", "disagree"),
                ("R2", "Skolverket", "1", "agree"),
            ],
        ),
    )
    pd.testing.assert_frame_equal(
        d.changed,
        frame(
            ("consultation", "respondent", "proposal_id", "from", "to"),
            [
                ("R1", "Region Uppsala", "4.10", "agree", "disagree"),
                ("R1", "Skolverket", "4.1", "no_position", "agree"),
            ],
        ),
    )
    pd.testing.assert_frame_equal(
        d.new_respondents,
        frame(("consultation", "respondent"), [("R1", "Örebro kommun"), ("R3", "Skolverket")]),
    )
    pd.testing.assert_frame_equal(
        d.removed_respondents,
        frame(("consultation", "respondent"), [("R2", "Skolverket")]),
    )
    pd.testing.assert_frame_equal(
        d.new_proposals,
        frame(("consultation", "proposal_id"), [("R1", "4.3"), ("R3", "9"), ("R3", "10")]),
    )
    pd.testing.assert_frame_equal(
        d.removed_proposals,
        frame(("consultation", "proposal_id"), [("R1", "4.9"), ("R1", "4.11"), ("R2", "1")]),
    )
    assert d.counts() == {
        "added": 5,
        "removed": 2,
        "changed": 2,
        "new_respondents": 2,
        "removed_respondents": 1,
        "new_proposals": 3,
        "removed_proposals": 3,
    }
    assert (d.n_added, d.n_removed, d.n_changed, d.n_new_respondents, d.n_new_proposals) == (5, 2, 2, 2, 3)
    assert not d.is_empty


def test_diff_of_identical_versions_is_empty() -> None:
    d = diff_versions(OLD, OLD)
    assert d.is_empty
    assert all(v == 0 for v in d.counts().values())
    for df in (d.added, d.removed, d.changed, d.new_respondents, d.new_proposals):
        assert df.empty
    assert list(d.changed.columns) == ["consultation", "respondent", "proposal_id", "from", "to"]
    assert list(d.added.columns) == ["consultation", "respondent", "proposal_id", "stance"]


def test_diff_ignores_row_order_and_comments() -> None:
    keys = OLD.responses[["consultation", "respondent", "proposal_id", "stance"]].astype(str)
    shuffled = coded(
        [(*row, "annan kommentar") for row in reversed(list(keys.itertuples(index=False)))],
        respondents=[("R1", "Malmö stad", "Kommun", "", None, False)],
        proposals=[("R1", "4.11", "Förslag 4.11", "Vård", "Regeringen")],
    )
    assert diff_versions(OLD, shuffled).is_empty


def test_diff_from_empty() -> None:
    d = diff_versions(coded([]), OLD)
    assert (d.n_added, d.n_removed, d.n_changed) == (6, 0, 0)
    pd.testing.assert_frame_equal(
        d.added,
        frame(
            ("consultation", "respondent", "proposal_id", "stance"),
            [
                ("R1", "Lunds kommun", "4.2", "partly"),
                ("R1", "Lunds kommun", "4.9", "disagree"),
                ("R1", "Region Uppsala", "4.2", "agree"),
                ("R1", "Region Uppsala", "4.10", "agree"),
                ("R1", "Skolverket", "4.1", "no_position"),
                ("R2", "Skolverket", "1", "agree"),
            ],
        ),
    )
    assert d.n_new_respondents == 5  # 4 replying + Malmö stad from the list
    assert d.n_new_proposals == 6  # 5 addressed + 4.11 from the list
